/* The checks on what people and the office did: changes made without
   authority, pledges not signed, the ledger not kept up to date, demands
   left without a plan. */
#include "audit_checks.h"

#include <stdlib.h>

#include "licence.h"

/* ---- unauthorised changes ------------------------------------------------ */

/* Unauthorised events of the audit, ordered by computer, day and ledger
   order, so that an upgrade's uninstall and install meet. */
typedef struct change {
    int computer;
    zb_date date;
    size_t event;
} change;

static int compare_changes(const void *pa, const void *pb)
{
    const change *a = pa, *b = pb;
    if (a->computer != b->computer)
        return a->computer < b->computer ? -1 : 1;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return a->event < b->event ? -1 : a->event > b->event;
}

/* A finding about event E; OLD is the event that uninstalled what E
   installed over (an upgrade), or NULL. */
static void report_change(audit_ctx *ctx, const zb_audit_check *check,
                          const zb_event *e, const zb_event *old)
{
    const zb_ledger *l = ctx->l;
    const zb_software *sw = &l->software[e->software];
    const char *what = old                           ? "upgrade"
                       : e->action == ACTION_INSTALL ? "install"
                                                     : "uninstall";
    char day[11];
    date_format(e->date, day);
    zb_finding *f =
        audit_add(ctx, check, LEVEL_GENERAL, e->line, e->computer, e->software);
    audit_key(ctx, f, "%s:%s:%s:%s", l->computers[e->computer].id, sw->id, day,
              what);
    if (old)
        audit_say(ctx, f,
                  "计算机 %s（%s）%s 私自把 %s（%s）升级为 %s（%s），"
                  "没有审核同意的申请表或统一部署",
                  l->computers[e->computer].id, audit_holder(l, e->computer),
                  day, l->software[old->software].id,
                  l->software[old->software].name, sw->id, sw->name);
    else
        audit_say(ctx, f,
                  "计算机 %s（%s）%s 私自%s了 %s（%s），"
                  "没有审核同意的申请表或统一部署",
                  l->computers[e->computer].id, audit_holder(l, e->computer),
                  day, e->action == ACTION_INSTALL ? "安装" : "卸载", sw->id,
                  sw->name);
}

/* Report the changes of one computer on one day, C[0] to C[N - 1]: the
   first uninstall with the first install is an upgrade, and so on. */
static void report_day(audit_ctx *ctx, const zb_audit_check *check,
                       const change *c, size_t n)
{
    const zb_event *events = ctx->l->events;
    size_t u = 0, i = 0;
    for (;;) {
        while (u < n && events[c[u].event].action != ACTION_UNINSTALL)
            u++;
        while (i < n && events[c[i].event].action != ACTION_INSTALL)
            i++;
        if (u == n || i == n)
            break;
        report_change(ctx, check, &events[c[i++].event], &events[c[u++].event]);
    }
    for (; u < n; u++)
        if (events[c[u].event].action == ACTION_UNINSTALL)
            report_change(ctx, check, &events[c[u].event], NULL);
    for (; i < n; i++)
        if (events[c[i].event].action == ACTION_INSTALL)
            report_change(ctx, check, &events[c[i].event], NULL);
}

zb_status audit_check_unauthorised(audit_ctx *ctx, const zb_audit_check *check)
{
    const zb_ledger *l = ctx->l;
    change *c = malloc((l->nevents + 1) * sizeof *c);
    if (!c)
        return ctx->status = ZB_ERR_NOMEM;
    size_t n = 0;
    for (size_t e = 0; e < l->nevents; e++) {
        const zb_event *ev = &l->events[e];
        if (ev->unauthorised && ev->date >= ctx->year_start &&
            ev->date <= ctx->as_of)
            c[n++] = (change){ev->computer, ev->date, e};
    }
    qsort(c, n, sizeof *c, compare_changes);
    for (size_t start = 0, end; start < n; start = end) {
        for (end = start + 1; end < n && c[end].computer == c[start].computer &&
                              c[end].date == c[start].date;
             end++)
            ;
        report_day(ctx, check, c + start, end - start);
    }
    free(c);
    return ctx->status;
}

/* ---- pledges ------------------------------------------------------------- */

zb_status audit_check_pledges(audit_ctx *ctx, const zb_audit_check *check)
{
    const zb_ledger *l = ctx->l;
    int *uses = malloc((l->nstaff + 1) * sizeof *uses);
    if (!uses)
        return ctx->status = ZB_ERR_NOMEM;
    for (size_t s = 0; s < l->nstaff; s++)
        uses[s] = ZB_NONE;
    for (size_t c = l->ncomputers; c-- > 0;) {
        const zb_computer *pc = &l->computers[c];
        if (pc->user != ZB_NONE && history_in_service(pc, ctx->as_of))
            uses[pc->user] = (int)c; /* the first in ledger order wins */
    }
    for (size_t s = 0; s < l->nstaff && ctx->status == ZB_OK; s++) {
        const zb_person *p = &l->staff[s];
        if (uses[s] == ZB_NONE || (p->pledged && p->pledged <= ctx->as_of))
            continue;
        zb_finding *f =
            audit_add(ctx, check, LEVEL_MINOR, p->line, uses[s], ZB_NONE);
        if (!f)
            break;
        f->staff = (int)s;
        f->dept = p->dept;
        audit_key(ctx, f, "%s", p->id);
        /* forms by title, not "附件N": the message is quoted in documents
           (the inspection notice) whose own 附件 are numbered otherwise */
        audit_say(ctx, f,
                  "%s（%s）使用计算机 %s，到填表日期%s签署"
                  "《使用正版软件承诺书》",
                  p->name, l->departments[p->dept].name,
                  l->computers[uses[s]].id, p->pledged ? "尚未" : "没有");
    }
    free(uses);
    return ctx->status;
}

/* ---- ledger updates ------------------------------------------------------ */

/* Whether the ledger was revised on a day from FROM to UNTIL. */
static int revised(const zb_ledger *l, zb_date from, zb_date until)
{
    for (size_t i = 0; i < l->nrevisions; i++)
        if (l->revisions[i].date >= from && l->revisions[i].date <= until)
            return 1;
    return 0;
}

/* A finding of CHECK on the ledger updates with key KEY; LAST is the
   latest revision (its line is the one to look at). */
static zb_finding *add_update(audit_ctx *ctx, const zb_audit_check *check,
                              const zb_revision *last, const char *key)
{
    zb_finding *f = audit_add(ctx, check, LEVEL_GENERAL, last ? last->line : 1,
                              ZB_NONE, ZB_NONE);
    if (f)
        f->dept = ctx->l->it_dept;
    audit_key(ctx, f, "%s", key);
    return f;
}

zb_status audit_check_ledger_updates(audit_ctx *ctx,
                                     const zb_audit_check *check)
{
    const zb_ledger *l = ctx->l;
    static const char *const halves[] = {"上半年（1 月 1 日至 6 月 30 日）",
                                         "下半年（7 月 1 日至 12 月 31 日）"};
    const zb_revision *last = NULL;
    for (size_t i = 0; i < l->nrevisions; i++)
        if (!last || l->revisions[i].date > last->date)
            last = &l->revisions[i];
    for (int h = 0; h < 2; h++) {
        zb_date from = l->year * 10000 + (h ? 701 : 101);
        zb_date until = l->year * 10000 + (h ? 1231 : 630);
        char key[16];
        snprintf(key, sizeof key, "%d-H%d", l->year, h + 1);
        if (until <= ctx->as_of && !revised(l, from, until))
            audit_say(ctx, add_update(ctx, check, last, key),
                      "台账 %d 年%s没有更新", l->year, halves[h]);
    }
    zb_date since = date_add_months(ctx->as_of, -6);
    if (!last || last->date < since) {
        char when[11] = "", as_of[11];
        if (last)
            date_format(last->date, when);
        date_format(ctx->as_of, as_of);
        audit_say(ctx, add_update(ctx, check, last, "asof"),
                  "台账最近一次更新%s%s，到填表日期 %s 已超过六个月",
                  last ? "在 " : "没有记录", when, as_of);
    }
    return ctx->status;
}

/* ---- demand gaps --------------------------------------------------------- */

/* What one department asked for in one category, against what it holds. */
typedef struct need_sum {
    int asked; /* 申请许可数 of its demands this year */
    int held;  /* licensed copies on its computers on the as-of date */
    long line; /* its first request's row */
    int seen;  /* already weighed against the plan */
} need_sum;

/* Whether demand D is one the audit weighs: made in the report year by
   the as-of date and not refused by the IT department. */
static int demand_counts(const audit_ctx *ctx, const zb_demand *d)
{
    return d->date >= ctx->year_start && d->date <= ctx->as_of &&
           !(d->it_review.present && !d->it_review.agree);
}

/* Whether copy C is a licence: a held commercial licence or an OEM copy
   (not a home edition) on its own computer. */
static int licensed(const audit_ctx *ctx, const zb_copy *c)
{
    const zb_software *sw = &ctx->l->software[c->software];
    if (sw->kind == SOFTWARE_COMMERCIAL)
        return licence_held_on(sw, ctx->as_of);
    return sw->kind == SOFTWARE_OEM && c->own_machine && !sw->oem.home;
}

/* The 许可数 of each category in this year's procurement plans. */
static void planned(const audit_ctx *ctx, long long plan[CATEGORY_COUNT])
{
    for (size_t p = 0; p < ctx->l->nplans; p++) {
        const zb_plan *pl = &ctx->l->plans[p];
        for (size_t i = 0; pl->date >= ctx->year_start &&
                           pl->date <= ctx->as_of && i < pl->nitems;
             i++)
            plan[pl->items[i].category] += pl->items[i].count;
    }
}

static void report_gap(audit_ctx *ctx, const zb_audit_check *check,
                       const zb_demand *d, zb_category cat, const need_sum *n,
                       long long covered)
{
    static const char *const codes[CATEGORY_COUNT] = {"os", "office",
                                                      "antivirus", "other"};
    const zb_ledger *l = ctx->l;
    zb_finding *f =
        audit_add(ctx, check, LEVEL_GENERAL, n->line, ZB_NONE, ZB_NONE);
    if (!f)
        return;
    f->dept = l->it_dept;
    audit_key(ctx, f, "%s:%s", l->departments[d->dept].id, codes[cat]);
    audit_say(ctx, f,
              "%s本年度申请%s类软件许可 %d 个（需求申请 %s），在用 %d 个，"
              "采购计划补足 %lld 个，仍差 %lld 个",
              l->departments[d->dept].name, ledger_category_name(cat), n->asked,
              d->id, n->held, covered, n->asked - n->held - covered);
}

zb_status audit_check_demand_gaps(audit_ctx *ctx, const zb_audit_check *check)
{
    const zb_ledger *l = ctx->l;
    need_sum *sums = calloc(l->ndepartments * CATEGORY_COUNT + 1, sizeof *sums);
    if (!sums)
        return ctx->status = ZB_ERR_NOMEM;
    for (size_t i = 0; i < ctx->h->ncopies; i++) {
        const zb_copy *c = &ctx->h->copies[i];
        int dept = l->computers[c->computer].dept;
        if (dept != ZB_NONE && history_installed_on(c, ctx->as_of) &&
            licensed(ctx, c))
            sums[dept * CATEGORY_COUNT + l->software[c->software].category]
                .held++;
    }
    for (size_t i = 0; i < l->ndemands; i++)
        for (int k = 0;
             demand_counts(ctx, &l->demands[i]) && k < CATEGORY_COUNT; k++) {
            const zb_need *need = &l->demands[i].needs[k];
            need_sum *n = &sums[l->demands[i].dept * CATEGORY_COUNT + k];
            if (!need->present)
                continue;
            if (!n->asked)
                n->line = need->line;
            n->asked += need->count;
        }
    /* the plans make up the shortfalls in the order the demands came */
    long long plan[CATEGORY_COUNT] = {0};
    planned(ctx, plan);
    for (size_t i = 0; i < l->ndemands; i++)
        for (int k = 0;
             demand_counts(ctx, &l->demands[i]) && k < CATEGORY_COUNT; k++) {
            need_sum *n = &sums[l->demands[i].dept * CATEGORY_COUNT + k];
            if (!l->demands[i].needs[k].present || n->seen ||
                n->asked <= n->held)
                continue;
            n->seen = 1;
            long long short_by = n->asked - n->held;
            long long covered = short_by < plan[k] ? short_by : plan[k];
            plan[k] -= covered;
            if (covered < short_by)
                report_gap(ctx, check, &l->demands[i], (zb_category)k, n,
                           covered);
        }
    free(sums);
    return ctx->status;
}
