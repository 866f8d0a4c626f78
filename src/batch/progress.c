#include "progress.h"

#include <stdarg.h>
#include <unistd.h>

#include "../core/timing.h"

enum { BAR_WIDTH = 20 };

void progress_start(zb_progress *p, FILE *out, size_t total)
{
    *p = (zb_progress){.out = out, .bar = isatty(fileno(out)) == 1,
                       .total = total, .start = timing_now()};
}

static void draw(zb_progress *p)
{
    double now = timing_now();
    long seconds = (long)(now - p->start);
    size_t filled = p->total ? p->done * BAR_WIDTH / p->total : BAR_WIDTH;
    fputs("\r\033[K[", p->out);
    for (size_t i = 0; i < BAR_WIDTH; i++)
        fputc(i < filled ? '#' : '.', p->out);
    fprintf(p->out, "] %zu/%zu 个台账  %zu 张表  %ld:%02ld", p->done, p->total,
            p->forms, seconds / 60, seconds % 60);
    fflush(p->out);
    p->shown = true;
    p->drawn = now;
}

void progress_clear(zb_progress *p)
{
    if (!p->shown)
        return;
    fputs("\r\033[K", p->out);
    fflush(p->out);
    p->shown = false;
}

void progress_print(zb_progress *p, const char *fmt, ...)
{
    va_list ap;
    progress_clear(p);
    va_start(ap, fmt);
    vfprintf(p->out, fmt, ap);
    va_end(ap);
    fputc('\n', p->out);
    fflush(p->out);
}

void progress_tick(zb_progress *p)
{
    if (p->bar && (!p->shown || timing_now() - p->drawn >= 0.1))
        draw(p);
}

void progress_form(zb_progress *p)
{
    p->forms++;
    progress_tick(p);
}

void progress_ledger(zb_progress *p)
{
    p->done++;
    progress_tick(p);
}
