/* Rules on the event log (附件9): each event against the history of its
   software on its computer, and against the dates of the computer, the
   software and the ledger. */
#include "checks.h"

#include <stdint.h>
#include <stdlib.h>

#include "../core/date.h"

/* An event's place in the history of one software on one computer. */
typedef struct history_key {
    int software;
    int computer;
    zb_date date;
    size_t event; /* document order breaks ties within a day */
} history_key;

static int compare_history(const void *pa, const void *pb)
{
    const history_key *a = pa, *b = pb;
    if (a->software != b->software)
        return a->software < b->software ? -1 : 1;
    if (a->computer != b->computer)
        return a->computer < b->computer ? -1 : 1;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return a->event < b->event ? -1 : a->event > b->event;
}

static uint64_t pair(int software, int computer)
{
    return (uint64_t)(uint32_t)software << 32 | (uint32_t)computer;
}

static int compare_pairs(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a < b ? -1 : a > b;
}

/* The (software, computer) pairs of OEM copies, sorted; *N gets the count.
   NULL with *N 0 is an empty set; NULL with *N 1 is out of memory. */
static uint64_t *oem_copies(const zb_ledger *l, size_t *n)
{
    size_t count = 0;
    for (size_t i = 0; i < l->nsoftware; i++)
        count += l->software[i].kind == SOFTWARE_OEM
                     ? l->software[i].oem.nmachines
                     : 0;
    uint64_t *pairs = malloc((count + 1) * sizeof *pairs);
    *n = pairs ? count : 1;
    if (!pairs)
        return NULL;
    count = 0;
    for (size_t i = 0; i < l->nsoftware; i++) {
        const zb_software *sw = &l->software[i];
        for (size_t k = 0; sw->kind == SOFTWARE_OEM && k < sw->oem.nmachines;
             k++)
            pairs[count++] = pair((int)i, sw->oem.machines[k]);
    }
    qsort(pairs, count, sizeof *pairs, compare_pairs);
    return pairs;
}

/* Walk each history in date order and report, as RULE says, an uninstall
   of what is not installed (log-order) or an install of what is
   (log-double). OEM copies are installed from the day their computer came. */
static zb_status walk_histories(zb_rule_ctx *ctx, const zb_rule *rule,
                                int report_install)
{
    const zb_ledger *l = ctx->ledger;
    size_t ncopies;
    uint64_t *copies = oem_copies(l, &ncopies);
    history_key *keys = malloc((l->nevents + 1) * sizeof *keys);
    if (!copies || !keys) {
        free(copies);
        free(keys);
        return ZB_ERR_NOMEM;
    }
    for (size_t i = 0; i < l->nevents; i++)
        keys[i] = (history_key){l->events[i].software, l->events[i].computer,
                                l->events[i].date, i};
    qsort(keys, l->nevents, sizeof *keys, compare_history);
    zb_status st = ZB_OK;
    long installed_at = 0; /* line of the install in force; -1 preinstalled */
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[keys[i].event];
        if (i == 0 || keys[i - 1].software != e->software ||
            keys[i - 1].computer != e->computer) {
            uint64_t p = pair(e->software, e->computer);
            installed_at =
                bsearch(&p, copies, ncopies, sizeof *copies, compare_pairs) ? -1
                                                                            : 0;
        }
        const zb_software *sw = &l->software[e->software];
        const char *pc = l->computers[e->computer].id;
        if (e->action == ACTION_INSTALL) {
            if (installed_at && report_install)
                st = installed_at < 0
                         ? rules_report(
                               ctx, rule, e->line, "event", "action",
                               "%s（%s）是计算机 %s 的随机预装软件，已经安装，"
                               "未登记卸载不能再登记安装",
                               sw->id, sw->name, pc)
                         : rules_report(
                               ctx, rule, e->line, "event", "action",
                               "计算机 %s 上已安装 %s（%s）（第 %ld 行），"
                               "未登记卸载不能再登记安装",
                               pc, sw->id, sw->name, installed_at);
            installed_at = e->line;
        } else {
            if (!installed_at && !report_install)
                st = rules_report(
                    ctx, rule, e->line, "event", "action",
                    "计算机 %s 上此时没有安装 %s（%s），不能登记卸载", pc,
                    sw->id, sw->name);
            installed_at = 0;
        }
    }
    free(copies);
    free(keys);
    return st;
}

zb_status check_log_order(zb_rule_ctx *ctx, const zb_rule *rule)
{
    return walk_histories(ctx, rule, 0);
}

zb_status check_log_double(zb_rule_ctx *ctx, const zb_rule *rule)
{
    return walk_histories(ctx, rule, 1);
}

zb_status check_log_acquired(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[i];
        const zb_computer *c = &l->computers[e->computer];
        char when[11];
        date_format(c->acquired, when);
        if (e->date < c->acquired)
            st = rules_report(ctx, rule, e->line, "event", "date",
                              "计算机 %s 在 %s 才购置，此前不能有安装维护记录",
                              c->id, when);
    }
    return st;
}

zb_status check_log_disposed(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[i];
        const zb_computer *c = &l->computers[e->computer];
        char when[11];
        date_format(c->disposed, when);
        if (c->disposed && e->date > c->disposed)
            st = rules_report(ctx, rule, e->line, "event", "date",
                              "计算机 %s 已于 %s 报废，此后不能有安装维护记录",
                              c->id, when);
    }
    return st;
}

zb_status check_log_as_of(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    char as_of[11];
    date_format(l->as_of, as_of);
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++)
        if (l->events[i].date > l->as_of)
            st = rules_report(ctx, rule, l->events[i].line, "event", "date",
                              "记录日期晚于填表日期 %s", as_of);
    return st;
}

zb_status check_log_software_disposed(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[i];
        const zb_software *sw = &l->software[e->software];
        zb_date disposed =
            sw->kind == SOFTWARE_COMMERCIAL ? sw->commercial.disposed : 0;
        char when[11];
        date_format(disposed, when);
        if (disposed && e->action == ACTION_INSTALL && e->date >= disposed)
            st = rules_report(ctx, rule, e->line, "event", "software",
                              "%s（%s）已于 %s 报废，不能再安装", sw->id,
                              sw->name, when);
    }
    return st;
}
