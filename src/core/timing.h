/*
 * timing.h - how long each stage of a run took, for `--timings` and
 * `make bench`.
 *
 * A zb_timings is a short list of named stages ("parse", "validate", ...)
 * in the order they first ran, each with its wall-clock seconds on the
 * monotonic clock. It is only ever printed: outputs never depend on time.
 * A zero-initialised zb_timings is empty and ready to use.
 */
#ifndef ZB_TIMING_H
#define ZB_TIMING_H

#include <stddef.h>
#include <stdio.h>

enum { TIMINGS_MAX = 16 };

typedef struct zb_timings {
    struct {
        const char *stage; /* a string that outlives the list */
        double seconds;
    } items[TIMINGS_MAX];
    size_t count;
} zb_timings;

/* Seconds on the monotonic clock, to subtract from a later reading. */
double timing_now(void);

/* Add the seconds since START (a timing_now() reading) to STAGE, which is
   added at the end the first time; returns the time now, the start of the
   next stage. Stages past TIMINGS_MAX are dropped; T may be NULL (nothing
   is kept). */
double timings_add(zb_timings *t, const char *stage, double start);

/* Add every stage of FROM to T (NULL: nothing). */
void timings_merge(zb_timings *t, const zb_timings *from);

/* Print one line per stage and a total, "  parse        1.803 s", under the
   heading "timings: NAME". */
void timings_print(const zb_timings *t, const char *name, FILE *out);

#endif
