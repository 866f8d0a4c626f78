#include "timing.h"

#include <string.h>
#include <time.h>

double timing_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void add_seconds(zb_timings *t, const char *stage, double seconds)
{
    size_t i = 0;
    while (i < t->count && strcmp(t->items[i].stage, stage))
        i++;
    if (i == t->count) {
        if (t->count == TIMINGS_MAX)
            return;
        t->items[t->count].stage = stage;
        t->items[t->count++].seconds = 0;
    }
    t->items[i].seconds += seconds;
}

double timings_add(zb_timings *t, const char *stage, double start)
{
    double now = timing_now();
    if (t)
        add_seconds(t, stage, now - start);
    return now;
}

void timings_merge(zb_timings *t, const zb_timings *from)
{
    for (size_t i = 0; t && i < from->count; i++)
        add_seconds(t, from->items[i].stage, from->items[i].seconds);
}

void timings_print(const zb_timings *t, const char *name, FILE *out)
{
    double total = 0;
    fprintf(out, "timings: %s\n", name);
    for (size_t i = 0; i < t->count; i++) {
        fprintf(out, "  %-10s %8.3f s\n", t->items[i].stage,
                t->items[i].seconds);
        total += t->items[i].seconds;
    }
    fprintf(out, "  %-10s %8.3f s\n", "total", total);
}
