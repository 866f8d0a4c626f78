#include "share.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../core/fileio.h"

/* A helper tells the parent of each item it did: the item and the length
   of its bytes (two uint32_t of this machine's order), then the bytes. */

/* A pipe holding the items 0 to COUNT-1 in the order ORDER gives (NULL:
   0 to COUNT-1), its writing end closed: each read of four bytes takes
   the next item, whichever process reads. The reading end, or -1 when
   the items do not fit in the pipe at once. */
static int make_queue(size_t count, const size_t *order)
{
    int q[2];
    if (count > UINT32_MAX || pipe(q) != 0)
        return -1;
    uint32_t *items = malloc((count ? count : 1) * sizeof *items);
    for (size_t i = 0; items && i < count; i++)
        items[i] = (uint32_t)(order ? order[i] : i);
    size_t n = count * sizeof *items;
    int ok = items && fcntl(q[1], F_SETFL, O_NONBLOCK) == 0 &&
             write(q[1], items, n) == (ssize_t)n;
    free(items);
    close(q[1]);
    if (!ok) {
        close(q[0]);
        return -1;
    }
    return q[0];
}

/* The next item of QUEUE, or -1 when none is left. */
static long next_item(int queue)
{
    uint32_t item;
    return file_read_fd(queue, &item, sizeof item) == 0 ? (long)item : -1;
}

/* Without a queue: the item after *NEXT of ORDER (NULL: 0 to COUNT-1),
   or -1 when none is left. */
static long next_in_order(size_t count, const size_t *order, size_t *next)
{
    if (*next >= count)
        return -1;
    size_t i = (*next)++;
    return (long)(order ? order[i] : i);
}

/* In a helper: do items from QUEUE, telling each to OUT, then end. */
static void help(int queue, int out, share_work *work, void *arg)
{
    zb_buf b = {0};
    long item;
    while ((item = next_item(queue)) >= 0) {
        buf_reset(&b);
        zb_status st = work((size_t)item, &b, arg);
        uint32_t head[2] = {(uint32_t)item, (uint32_t)b.len};
        if (b.failed || file_write_fd(out, head, sizeof head) != 0 ||
            file_write_fd(out, b.data, b.len) != 0 || st != ZB_OK)
            break;
    }
    /* the parent's exit handlers and buffers are not the helper's */
    _exit(0);
}

/* Fork a helper that takes items from QUEUE, its process id in *PID; the
   parent's end of the line it tells on, or -1 when it could not be
   started. */
static int start_helper(int queue, share_work *work, void *arg, pid_t *pid)
{
    int line[2];
    if (pipe(line) != 0)
        return -1;
    pid_t parent = getpid();
    /* The heap's free pages are handed back first: a page the two
       processes share is copied at the first write of either (with a TLB
       flush, the dearest fault here), a page handed back comes in new. */
    malloc_trim(0);
    fflush(stdout);
    fflush(stderr);
    *pid = fork();
    if (*pid == 0) {
        close(line[0]);
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
            _exit(1);
        help(queue, line[1], work, arg);
    }
    close(line[1]);
    if (*pid < 0) {
        close(line[0]);
        return -1;
    }
    return line[0];
}

/* Read what the helper on LINE told into RESULTS (COUNT items, DONE
   marks those told) until it ends. */
static void collect(int line, zb_buf *results, bool *done, size_t count)
{
    uint32_t head[2];
    char *bytes = NULL;
    while (file_read_fd(line, head, sizeof head) == 0 && head[0] < count) {
        free(bytes);
        bytes = malloc(head[1] ? head[1] : 1);
        if (!bytes || file_read_fd(line, bytes, head[1]) != 0)
            break;
        zb_buf *r = &results[head[0]];
        buf_reset(r);
        done[head[0]] = buf_append(r, bytes, head[1]) == ZB_OK;
    }
    free(bytes);
    close(line);
}

zb_status share_run(size_t count, const size_t *order, unsigned helpers,
                    share_work *work, share_take *take, void *arg)
{
    zb_buf *results = calloc(count ? count : 1, sizeof *results);
    bool *done = calloc(count ? count : 1, sizeof *done);
    int *lines = calloc(helpers ? helpers : 1, sizeof *lines);
    pid_t *pids = calloc(helpers ? helpers : 1, sizeof *pids);
    if (!results || !done || !lines || !pids) {
        free(results);
        free(done);
        free(lines);
        free(pids);
        return ZB_ERR_NOMEM;
    }
    /* without a queue, this process does every item, in ORDER */
    int queue = helpers && count > 1 ? make_queue(count, order) : -1;
    unsigned started = 0;
    while (queue >= 0 && started < helpers && started + 1 < count &&
           (lines[started] = start_helper(queue, work, arg,
                                          &pids[started])) >= 0)
        started++;
    zb_status st = ZB_OK;
    long item;
    size_t next = 0;
    while (st == ZB_OK &&
           (item = queue >= 0 ? next_item(queue)
                               : next_in_order(count, order, &next)) >= 0) {
        st = work((size_t)item, &results[item], arg);
        done[item] = !results[item].failed;
    }
    if (queue >= 0)
        close(queue);
    for (unsigned h = 0; h < started; h++) {
        collect(lines[h], results, done, count);
        while (waitpid(pids[h], NULL, 0) < 0 && errno == EINTR)
            ;
    }
    for (size_t i = 0; i < count; i++) {
        take(i, done[i] ? (results[i].data ? results[i].data : "") : NULL,
             done[i] ? results[i].len : 0, arg);
        buf_free(&results[i]);
    }
    free(results);
    free(done);
    free(lines);
    free(pids);
    return st;
}
