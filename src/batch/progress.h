/*
 * progress.h - what a long run shows while it works.
 *
 * On a terminal, a bar on the last line - ledgers done of all, forms
 * written, time so far - redrawn in place, with the lines the run prints
 * scrolling above it:
 *
 *     out/桐川县医疗保障局-2023/附件05-软件正版化工作信息统计表.pdf
 *     [##########..........]  5/10 个台账  113 张表  0:07
 *
 * Elsewhere (a pipe, a file, a log) only the lines, so that a log holds
 * no control characters.
 */
#ifndef ZB_PROGRESS_H
#define ZB_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct zb_progress {
    FILE *out;
    bool bar;      /* OUT is a terminal */
    bool shown;    /* the bar is on the screen */
    size_t total;  /* ledgers */
    size_t done;
    size_t forms;
    double start;  /* timing_now() readings */
    double drawn;
} zb_progress;

/* Start showing a run of TOTAL ledgers on OUT. */
void progress_start(zb_progress *p, FILE *out, size_t total);

/* Print one line above the bar. */
void progress_print(zb_progress *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Count a form written, a ledger done; redraw when it is time. */
void progress_form(zb_progress *p);
void progress_ledger(zb_progress *p);

/* Redraw when a tenth of a second has passed (the clock moves on). */
void progress_tick(zb_progress *p);

/* Take the bar off the screen, before something else writes to the
   terminal (it comes back at the next redraw), or at the end. */
void progress_clear(zb_progress *p);

#endif
