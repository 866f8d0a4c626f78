#include "facts.h"

#include <stdlib.h>

#include "licence.h"

/* What the derivation reads and where it reports. */
typedef struct derive {
    const zb_ledger *l;
    const char *file;
    zb_diags *diags;
    zb_facts *f;
} derive;

/* Report that WHAT, computed at LINE, does not fit in 64 bits. */
static zb_status overflow(derive *d, long line, const char *what)
{
    zb_status st =
        diags_add(d->diags, d->file, line, 0, DIAG_ERROR, NULL,
                  "%s超出可计算的范围（92233720368547758.07 元）", what);
    return st == ZB_OK ? ZB_ERR_INVALID : st;
}

/* *SUM += AMOUNT, or a diagnostic at LINE about WHAT. */
static zb_status add_money(derive *d, zb_money *sum, zb_money amount, long line,
                           const char *what)
{
    return money_add(*sum, amount, sum) ? ZB_OK : overflow(d, line, what);
}

/* ---- 附件5 二、三: people and computers ---------------------------------- */

static zb_status count_people(derive *d)
{
    const zb_ledger *l = d->l;
    zb_statistics *s = &d->f->statistics;
    char *uses = calloc(l->nstaff + 1, 1);
    if (!uses)
        return ZB_ERR_NOMEM;
    for (size_t i = 0; i < l->ncomputers; i++) {
        const zb_computer *c = &l->computers[i];
        if (!history_in_service(c, l->as_of))
            continue;
        s->computers[c->kind]++;
        s->computers_total++;
        if (c->user != ZB_NONE && !uses[c->user]) {
            uses[c->user] = 1;
            s->computer_users++;
        }
    }
    s->people = (int)l->nstaff;
    free(uses);
    return ZB_OK;
}

/* ---- 附件5 四: this year's purchases ------------------------------------- */

/* Whether commercial entry SW counts as bought this year: purchased (not
   donated) between 1 January of the report year and the as-of date. */
static int bought_this_year(const zb_ledger *l, const zb_software *sw)
{
    const zb_commercial *c = &sw->commercial;
    return !c->donated && c->purchased / 10000 == l->year &&
           c->purchased <= l->as_of;
}

static int origin_row(zb_origin origin)
{
    return origin == ORIGIN_FOREIGN ? ROW_FOREIGN : ROW_DOMESTIC;
}

/* Add row 国内 and 国外 into 合计, and 操作系统 + 办公 + 杀毒 into 总计. */
static zb_status sum_purchases(derive *d)
{
    zb_purchase_figure(*t)[COLUMN_COUNT] = d->f->statistics.purchases;
    zb_status st = ZB_OK;
    for (int r = ROW_DOMESTIC; r <= ROW_FOREIGN; r++)
        for (int c = CATEGORY_OS; c <= CATEGORY_ANTIVIRUS && st == ZB_OK; c++) {
            t[r][COLUMN_TOTAL].licenses += t[r][c].licenses;
            st = add_money(d, &t[r][COLUMN_TOTAL].amount, t[r][c].amount, 0,
                           "本年度采购金额总计");
        }
    for (int c = 0; c < COLUMN_COUNT && st == ZB_OK; c++)
        for (int r = ROW_DOMESTIC; r <= ROW_FOREIGN && st == ZB_OK; r++) {
            t[ROW_TOTAL][c].licenses += t[r][c].licenses;
            st = add_money(d, &t[ROW_TOTAL][c].amount, t[r][c].amount, 0,
                           "本年度采购金额合计");
        }
    return st;
}

static zb_status count_purchases(derive *d)
{
    const zb_ledger *l = d->l;
    zb_statistics *s = &d->f->statistics;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nsoftware && st == ZB_OK; i++) {
        const zb_software *sw = &l->software[i];
        if (sw->kind != SOFTWARE_COMMERCIAL || !bought_this_year(l, sw))
            continue;
        zb_purchase_figure *p =
            &s->purchases[origin_row(sw->origin)][sw->category];
        p->licenses += sw->commercial.license_count;
        st = add_money(d, &p->amount, sw->commercial.amount, sw->line,
                       "本年度采购金额之和");
    }
    return st == ZB_OK ? sum_purchases(d) : st;
}

/* ---- 附件5 五: licences held --------------------------------------------- */

static void sum_holdings(zb_holding_figure (*t)[COLUMN_COUNT])
{
    for (int r = ROW_DOMESTIC; r <= ROW_FOREIGN; r++)
        for (int c = CATEGORY_OS; c <= CATEGORY_ANTIVIRUS; c++) {
            t[r][COLUMN_TOTAL].commercial += t[r][c].commercial;
            t[r][COLUMN_TOTAL].oem += t[r][c].oem;
        }
    for (int c = 0; c < COLUMN_COUNT; c++)
        for (int r = ROW_DOMESTIC; r <= ROW_FOREIGN; r++) {
            t[ROW_TOTAL][c].commercial += t[r][c].commercial;
            t[ROW_TOTAL][c].oem += t[r][c].oem;
        }
    for (int r = 0; r < ROW_COUNT; r++)
        for (int c = 0; c < COLUMN_COUNT; c++)
            t[r][c].licenses = t[r][c].commercial + t[r][c].oem;
}

/* A copy of the history with the key it is listed by: four ledger indexes
   compared in turn. */
typedef struct copy_key {
    int key[4];
    size_t copy;
} copy_key;

static int compare_keys(const void *pa, const void *pb)
{
    const copy_key *a = pa, *b = pb;
    for (int i = 0; i < 4; i++)
        if (a->key[i] != b->key[i])
            return a->key[i] < b->key[i] ? -1 : 1;
    return 0;
}

/* Sort the N KEYS and write their copies, in that order, into OUT. */
static void list_by_key(copy_key *keys, size_t n, size_t *out)
{
    qsort(keys, n, sizeof *keys, compare_keys);
    for (size_t i = 0; i < n; i++)
        out[i] = keys[i].copy;
}

/* The home-edition OEM copies installed on the as-of date, in order. */
static zb_status list_homes(derive *d)
{
    const zb_ledger *l = d->l;
    const zb_history *h = &d->f->history;
    zb_statistics *s = &d->f->statistics;
    copy_key *keys = malloc((h->ncopies + 1) * sizeof *keys);
    s->home_copies = malloc((h->ncopies + 1) * sizeof *s->home_copies);
    if (!keys || !s->home_copies) {
        free(keys);
        return ZB_ERR_NOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < h->ncopies; i++) {
        const zb_copy *c = &h->copies[i];
        const zb_software *sw = &l->software[c->software];
        if (sw->kind == SOFTWARE_OEM && sw->oem.home &&
            history_installed_on(c, l->as_of))
            keys[n++] = (copy_key){{c->software, c->computer, 0, 0}, i};
    }
    list_by_key(keys, n, s->home_copies);
    s->nhome_copies = n;
    free(keys);
    return ZB_OK;
}

static zb_status count_holdings(derive *d)
{
    const zb_ledger *l = d->l;
    zb_facts *f = d->f;
    zb_statistics *s = &f->statistics;
    for (size_t i = 0; i < l->nsoftware; i++) {
        const zb_software *sw = &l->software[i];
        if (sw->kind == SOFTWARE_COMMERCIAL && licence_held_on(sw, l->as_of))
            s->holdings[origin_row(sw->origin)][sw->category].commercial +=
                sw->commercial.license_count;
    }
    for (size_t i = 0; i < f->history.ncopies; i++) {
        const zb_copy *c = &f->history.copies[i];
        const zb_software *sw = &l->software[c->software];
        if (sw->kind == SOFTWARE_OEM && !sw->oem.home && c->own_machine &&
            history_installed_on(c, l->as_of))
            s->holdings[origin_row(sw->origin)][sw->category].oem++;
    }
    sum_holdings(s->holdings);
    return list_homes(d);
}

/* ---- 附件7 and 附件8: installed on the as-of date ------------------------ */

static zb_status list_installations(derive *d)
{
    const zb_ledger *l = d->l;
    zb_facts *f = d->f;
    const zb_history *h = &f->history;
    f->installed = calloc(l->nsoftware + 1, sizeof *f->installed);
    f->installations = malloc((h->ncopies + 1) * sizeof *f->installations);
    copy_key *keys = malloc((h->ncopies + 1) * sizeof *keys);
    if (!f->installed || !f->installations || !keys) {
        free(keys);
        return ZB_ERR_NOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < h->ncopies; i++) {
        const zb_copy *c = &h->copies[i];
        if (!history_installed_on(c, l->as_of))
            continue;
        const zb_computer *pc = &l->computers[c->computer];
        /* 附件8 order; no department or no user: after the others */
        keys[n++] =
            (copy_key){{pc->dept == ZB_NONE ? (int)l->ndepartments : pc->dept,
                        pc->user == ZB_NONE ? (int)l->nstaff : pc->user,
                        c->computer, c->software},
                       i};
        f->installed[c->software]++;
    }
    list_by_key(keys, n, f->installations);
    f->ninstallations = n;
    free(keys);
    return ZB_OK;
}

/* ---- 附件9: the log by software ------------------------------------------ */

static zb_status group_log(derive *d)
{
    const zb_ledger *l = d->l;
    zb_facts *f = d->f;
    f->log = malloc((l->nevents + 1) * sizeof *f->log);
    f->log_start = calloc(l->nsoftware + 2, sizeof *f->log_start);
    if (!f->log || !f->log_start)
        return ZB_ERR_NOMEM;
    /* a counting sort of the event steps by software keeps time order */
    const zb_history *h = &f->history;
    for (size_t i = 0; i < h->nsteps; i++)
        if (h->steps[i].kind == STEP_EVENT)
            f->log_start[h->steps[i].software + 2]++;
    for (size_t s = 2; s < l->nsoftware + 2; s++)
        f->log_start[s] += f->log_start[s - 1];
    for (size_t i = 0; i < h->nsteps; i++)
        if (h->steps[i].kind == STEP_EVENT)
            f->log[f->log_start[h->steps[i].software + 1]++] = i;
    return ZB_OK;
}

/* ---- 附件4: plan totals -------------------------------------------------- */

static zb_status total_plans(derive *d)
{
    const zb_ledger *l = d->l;
    zb_facts *f = d->f;
    size_t nitems = 0;
    for (size_t p = 0; p < l->nplans; p++)
        nitems += l->plans[p].nitems;
    f->plan_totals = calloc(l->nplans + 1, sizeof *f->plan_totals);
    f->item_totals = malloc((nitems + 1) * sizeof *f->item_totals);
    if (!f->plan_totals || !f->item_totals)
        return ZB_ERR_NOMEM;
    zb_status st = ZB_OK;
    zb_money *item = f->item_totals;
    for (size_t p = 0; p < l->nplans && st == ZB_OK; p++)
        for (size_t i = 0; i < l->plans[p].nitems && st == ZB_OK; i++) {
            const zb_plan_item *it = &l->plans[p].items[i];
            if (!money_mul(it->unit_price, it->count, item))
                st = overflow(d, it->line, "单价乘许可数");
            else
                st = add_money(d, &f->plan_totals[p], *item, it->line,
                               "采购计划的共计");
            item++;
        }
    return st;
}

zb_status facts_derive(const zb_ledger *ledger, const char *file,
                       zb_facts **out, zb_diags *diags)
{
    *out = NULL;
    zb_facts *f = calloc(1, sizeof *f);
    if (!f)
        return ZB_ERR_NOMEM;
    f->ledger = ledger;
    derive d = {ledger, file, diags, f};
    zb_status st = history_build(ledger, &f->history);
    if (st == ZB_OK)
        st = count_people(&d);
    if (st == ZB_OK)
        st = count_purchases(&d);
    if (st == ZB_OK)
        st = count_holdings(&d);
    if (st == ZB_OK)
        st = list_installations(&d);
    if (st == ZB_OK)
        st = group_log(&d);
    if (st == ZB_OK)
        st = total_plans(&d);
    if (st == ZB_OK)
        st = audit_run(ledger, &f->history, &f->audit);
    if (st != ZB_OK) {
        facts_free(f);
        return st;
    }
    *out = f;
    return ZB_OK;
}

void facts_free(zb_facts *f)
{
    if (!f)
        return;
    history_free(&f->history);
    audit_free(&f->audit);
    free(f->statistics.home_copies);
    free(f->installed);
    free(f->installations);
    free(f->log);
    free(f->log_start);
    free(f->plan_totals);
    free(f->item_totals);
    free(f);
}
