/* Unit tests for src/forms/share.c: items shared with helper processes
   come back in item order, whoever did them; a helper that dies is told
   as such. Which process takes which item is made certain, not left to
   timing: a process that has taken an item says so and waits until the
   other has taken one too, so each takes one of the two. */
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "forms/share.h"
#include "test.h"

typedef struct share_test {
    pid_t parent;
    int helper_took[2]; /* a byte from the helper: it has taken an item */
    int parent_took[2]; /* a byte from this process: the same */
    int helper_dies;
    pid_t by[4];    /* who did each item, as TAKE hears it */
    int told[4];    /* 1 told, -1 told as died, 0 not told */
    size_t order[4], ntold;
} share_test;

static zb_status work(size_t item, zb_buf *out, void *arg)
{
    share_test *t = arg;
    pid_t me = getpid();
    int helper = me != t->parent;
    struct pollfd p = {helper ? t->parent_took[0] : t->helper_took[0],
                       POLLIN, 0};
    if (write(helper ? t->helper_took[1] : t->parent_took[1], "x", 1) != 1)
        return ZB_ERR_IO;
    poll(&p, 1, 10000); /* the other process has taken an item */
    if (helper && t->helper_dies)
        _exit(3);
    buf_printf(out, "%zu:", item);
    buf_append(out, &me, sizeof me);
    return ZB_OK;
}

static void take(size_t item, const char *data, size_t len, void *arg)
{
    share_test *t = arg;
    char want[8];
    int n = snprintf(want, sizeof want, "%zu:", item);
    t->order[t->ntold++] = item;
    if (!data) {
        t->told[item] = -1;
        return;
    }
    if (len == (size_t)n + sizeof(pid_t) && !memcmp(data, want, (size_t)n)) {
        memcpy(&t->by[item], data + n, sizeof(pid_t));
        t->told[item] = 1;
    }
}

static int run_two(share_test *t, int helper_dies)
{
    memset(t, 0, sizeof *t);
    t->parent = getpid();
    t->helper_dies = helper_dies;
    if (pipe(t->helper_took) != 0)
        return -1;
    if (pipe(t->parent_took) != 0) {
        close(t->helper_took[0]);
        close(t->helper_took[1]);
        return -1;
    }
    zb_status st = share_run(2, NULL, 1, work, take, t);
    for (int i = 0; i < 2; i++) {
        close(t->helper_took[i]);
        close(t->parent_took[i]);
    }
    return st == ZB_OK ? 0 : -1;
}

TEST(items_come_back_in_order_from_both_processes)
{
    share_test t;
    EXPECT(run_two(&t, 0) == 0);
    EXPECT(t.ntold == 2 && t.order[0] == 0 && t.order[1] == 1);
    EXPECT(t.told[0] == 1 && t.told[1] == 1);
    /* one item done here, the other by the helper */
    EXPECT((t.by[0] == t.parent) != (t.by[1] == t.parent));
    EXPECT(t.by[0] != 0 && t.by[1] != 0);
}

TEST(a_helper_that_dies_is_told)
{
    share_test t;
    EXPECT(run_two(&t, 1) == 0);
    EXPECT(t.ntold == 2);
    /* the item this process did is told; the helper's, as died */
    EXPECT(t.told[0] + t.told[1] == 0);
    EXPECT(t.by[0] == t.parent || t.by[1] == t.parent);
}

static zb_status count_here(size_t item, zb_buf *out, void *arg)
{
    (void)arg;
    return buf_printf(out, "%zu", item);
}

static void take_count(size_t item, const char *data, size_t len, void *arg)
{
    size_t *n = arg;
    char want[24];
    snprintf(want, sizeof want, "%zu", item);
    if (data && len == strlen(want) && !memcmp(data, want, len) &&
        *n == item)
        ++*n;
}

TEST(without_helpers_every_item_is_done_here)
{
    size_t n = 0;
    EXPECT(share_run(100, NULL, 0, count_here, take_count, &n) == ZB_OK);
    EXPECT(n == 100);
    n = 0;
    EXPECT(share_run(0, NULL, 1, count_here, take_count, &n) == ZB_OK);
    EXPECT(n == 0);
}

typedef struct done_order {
    size_t done[3], ndone, told[3], ntold;
} done_order;

static zb_status note_done(size_t item, zb_buf *out, void *arg)
{
    done_order *d = arg;
    d->done[d->ndone++] = item;
    return buf_printf(out, "%zu", item);
}

static void note_told(size_t item, const char *data, size_t len, void *arg)
{
    done_order *d = arg;
    (void)data;
    (void)len;
    d->told[d->ntold++] = item;
}

TEST(items_are_taken_in_the_order_given_and_told_in_item_order)
{
    done_order d = {0};
    const size_t order[3] = {2, 0, 1};
    EXPECT(share_run(3, order, 0, note_done, note_told, &d) == ZB_OK);
    EXPECT(d.ndone == 3 && d.done[0] == 2 && d.done[1] == 0 &&
           d.done[2] == 1);
    EXPECT(d.ntold == 3 && d.told[0] == 0 && d.told[1] == 1 &&
           d.told[2] == 2);
}

int main(void)
{
    RUN(items_come_back_in_order_from_both_processes);
    RUN(a_helper_that_dies_is_told);
    RUN(without_helpers_every_item_is_done_here);
    RUN(items_are_taken_in_the_order_given_and_told_in_item_order);
    return test_summary();
}
