#include "history.h"

#include <stdint.h>
#include <stdlib.h>

/* Something that happens to a computer, before the sweep turns it into
   steps. A disposal names no software: it ends every copy on the computer. */
typedef struct mark {
    zb_date date;
    zb_step_kind kind; /* also the order within a day */
    int software;      /* ZB_NONE for a disposal */
    int computer;
    int event;  /* ZB_NONE unless kind is STEP_EVENT */
    size_t seq; /* order within a kind: ledger order */
} mark;

static int compare_marks(const void *pa, const void *pb)
{
    const mark *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* A (computer, software) pair as one sortable number: the pairs of one
   computer are adjacent. */
static uint64_t pair_of(int computer, int software)
{
    return (uint64_t)(uint32_t)computer << 32 | (uint32_t)software;
}

static int compare_pairs(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a < b ? -1 : a > b;
}

/* The index of the first of the N sorted PAIRS that is >= KEY. */
static size_t lower_bound(const uint64_t *pairs, size_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pairs[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The acquisitions of OEM copies, the events and the disposals of LEDGER,
   in time order; *N gets their number. NULL when out of memory. */
static mark *collect_marks(const zb_ledger *l, size_t *n)
{
    size_t count = l->nevents + l->ncomputers;
    for (size_t s = 0; s < l->nsoftware; s++)
        if (l->software[s].kind == SOFTWARE_OEM)
            count += l->software[s].oem.nmachines;
    mark *marks = malloc((count + 1) * sizeof *marks);
    if (!marks)
        return NULL;
    size_t k = 0;
    for (size_t s = 0; s < l->nsoftware; s++) {
        const zb_oem *oem = &l->software[s].oem;
        for (size_t m = 0;
             l->software[s].kind == SOFTWARE_OEM && m < oem->nmachines; m++) {
            int pc = oem->machines[m];
            marks[k] = (mark){.date = l->computers[pc].acquired,
                              .kind = STEP_ACQUIRED,
                              .software = (int)s,
                              .computer = pc,
                              .event = ZB_NONE,
                              .seq = k};
            k++;
        }
    }
    for (size_t e = 0; e < l->nevents; e++)
        marks[k++] = (mark){.date = l->events[e].date,
                            .kind = STEP_EVENT,
                            .software = l->events[e].software,
                            .computer = l->events[e].computer,
                            .event = (int)e,
                            .seq = e};
    for (size_t c = 0; c < l->ncomputers; c++)
        if (l->computers[c].disposed)
            marks[k++] = (mark){.date = l->computers[c].disposed,
                                .kind = STEP_DISPOSED,
                                .software = ZB_NONE,
                                .computer = (int)c,
                                .event = ZB_NONE,
                                .seq = c};
    qsort(marks, k, sizeof *marks, compare_marks);
    *n = k;
    return marks;
}

/* What the sweep keeps: the distinct (computer, software) pairs, the copy
   in force on each, and the installed count of each software. */
typedef struct sweep {
    zb_history *h;
    uint64_t *pairs;
    size_t npairs;
    int *live;    /* by pair: the copy installed now, or ZB_NONE */
    char *own;    /* by pair: an OEM software and a computer it came with */
    int *running; /* by software */
} sweep;

static zb_status sweep_init(sweep *w, const zb_ledger *l, const mark *marks,
                            size_t nmarks)
{
    w->pairs = malloc((nmarks + 1) * sizeof *w->pairs);
    w->live = malloc((nmarks + 1) * sizeof *w->live);
    w->own = calloc(nmarks + 1, 1);
    w->running = calloc(l->nsoftware + 1, sizeof *w->running);
    if (!w->pairs || !w->live || !w->own || !w->running)
        return ZB_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < nmarks; i++)
        if (marks[i].software != ZB_NONE)
            w->pairs[n++] = pair_of(marks[i].computer, marks[i].software);
    qsort(w->pairs, n, sizeof *w->pairs, compare_pairs);
    w->npairs = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || w->pairs[i] != w->pairs[i - 1])
            w->pairs[w->npairs++] = w->pairs[i];
    for (size_t i = 0; i < w->npairs; i++)
        w->live[i] = ZB_NONE;
    for (size_t i = 0; i < nmarks; i++)
        if (marks[i].kind == STEP_ACQUIRED)
            w->own[lower_bound(w->pairs, w->npairs,
                               pair_of(marks[i].computer, marks[i].software))] =
                1;
    return ZB_OK;
}

static void sweep_free(sweep *w)
{
    free(w->pairs);
    free(w->live);
    free(w->own);
    free(w->running);
}

/* Append the step of mark M on SOFTWARE; it starts a copy when INSTALL,
   ends one otherwise, or changes nothing when the pair's state already is
   what it asks for. */
static void sweep_step(sweep *w, const mark *m, int software, int install)
{
    zb_history *h = w->h;
    size_t p = lower_bound(w->pairs, w->npairs, pair_of(m->computer, software));
    size_t at = h->nsteps++;
    zb_step *step = &h->steps[at];
    *step = (zb_step){.kind = m->kind,
                      .date = m->date,
                      .software = software,
                      .computer = m->computer,
                      .event = m->event,
                      .copy = ZB_NONE};
    if (install && w->live[p] == ZB_NONE) {
        step->copy = w->live[p] = (int)h->ncopies;
        h->copies[h->ncopies++] = (zb_copy){.software = software,
                                            .computer = m->computer,
                                            .from = m->date,
                                            .install_event = m->event,
                                            .uninstall_event = ZB_NONE,
                                            .own_machine = w->own[p],
                                            .first = at,
                                            .last = SIZE_MAX};
        w->running[software]++;
    } else if (!install && w->live[p] != ZB_NONE) {
        zb_copy *c = &h->copies[w->live[p]];
        step->copy = w->live[p];
        c->until = m->date;
        c->uninstall_event = m->event;
        c->last = at;
        w->live[p] = ZB_NONE;
        w->running[software]--;
    }
    step->running = w->running[software];
    if (m->event != ZB_NONE)
        h->event_step[m->event] = at;
}

/* End every copy still installed on the computer disposed in M. */
static void sweep_dispose(sweep *w, const mark *m)
{
    uint64_t first = pair_of(m->computer, 0);
    for (size_t p = lower_bound(w->pairs, w->npairs, first);
         p < w->npairs && w->pairs[p] >> 32 == (uint32_t)m->computer; p++)
        if (w->live[p] != ZB_NONE)
            sweep_step(w, m, (int)(uint32_t)w->pairs[p], 0);
}

zb_status history_build(const zb_ledger *l, zb_history *out)
{
    *out = (zb_history){0};
    size_t nmarks = 0;
    mark *marks = collect_marks(l, &nmarks);
    sweep w = {.h = out};
    /* every copy starts at a mark and ends at most once */
    out->steps = malloc((2 * nmarks + 1) * sizeof *out->steps);
    out->copies = malloc((nmarks + 1) * sizeof *out->copies);
    out->event_step = malloc((l->nevents + 1) * sizeof *out->event_step);
    zb_status st = marks && out->steps && out->copies && out->event_step
                       ? sweep_init(&w, l, marks, nmarks)
                       : ZB_ERR_NOMEM;
    for (size_t i = 0; i < nmarks && st == ZB_OK; i++) {
        const mark *m = &marks[i];
        if (m->kind == STEP_DISPOSED)
            sweep_dispose(&w, m);
        else
            sweep_step(&w, m, m->software,
                       m->kind == STEP_ACQUIRED ||
                           l->events[m->event].action == ACTION_INSTALL);
    }
    for (size_t c = 0; st == ZB_OK && c < out->ncopies; c++)
        if (out->copies[c].last == SIZE_MAX)
            out->copies[c].last = out->nsteps;
    sweep_free(&w);
    free(marks);
    if (st != ZB_OK)
        history_free(out);
    return st;
}

int history_installed_on(const zb_copy *copy, zb_date date)
{
    return copy->from <= date && (!copy->until || copy->until > date);
}

int history_in_service(const zb_computer *c, zb_date date)
{
    return c->acquired <= date && (!c->disposed || c->disposed > date);
}

void history_free(zb_history *h)
{
    free(h->steps);
    free(h->copies);
    free(h->event_step);
    *h = (zb_history){0};
}
