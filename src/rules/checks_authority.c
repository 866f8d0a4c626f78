/* Rules on what authorises each event: the maintenance request (附件10) or
   the unified deployment it cites, upgrades recorded as uninstall plus
   install, and the confirmations (附件11) events cite. */
#include "checks.h"

#include <limits.h>
#include <stdlib.h>

#include "../core/buf.h"
#include "../core/date.h"

/* Does the change C authorise event E (its action on its software)? */
static int covers(const zb_change *c, const zb_event *e)
{
    if (e->action == ACTION_INSTALL)
        return c->kind != CHANGE_UNINSTALL && c->new_software == e->software;
    return c->kind != CHANGE_INSTALL && c->old_software == e->software;
}

/* The change of deployment D that covers E - a plain install or uninstall
   before an upgrade - or NULL. */
static const zb_change *deployment_change(const zb_deployment *d,
                                          const zb_event *e)
{
    const zb_change *found = NULL;
    for (size_t i = 0; i < d->nchanges; i++)
        if (covers(&d->changes[i], e) &&
            (!found || found->kind == CHANGE_UPGRADE))
            found = &d->changes[i];
    return found;
}

/* The upgrade E is half of, or NULL. */
static const zb_change *upgrade_of(const zb_ledger *l, const zb_event *e)
{
    const zb_change *c = NULL;
    if (e->request != ZB_NONE && covers(&l->requests[e->request].change, e))
        c = &l->requests[e->request].change;
    else if (e->deployment != ZB_NONE)
        c = deployment_change(&l->deployments[e->deployment], e);
    return c && c->kind == CHANGE_UPGRADE ? c : NULL;
}

/* Append "安装 X（名称）", "卸载 X（名称）" or "把 X 升级为 Y" to B. */
static void describe(zb_buf *b, const zb_ledger *l, const zb_change *c)
{
    const zb_software *old =
        c->old_software != ZB_NONE ? &l->software[c->old_software] : NULL;
    const zb_software *new =
        c->new_software != ZB_NONE ? &l->software[c->new_software] : NULL;
    if (c->kind == CHANGE_INSTALL && new)
        buf_printf(b, "安装 %s（%s）", new->id, new->name);
    else if (c->kind == CHANGE_UNINSTALL && old)
        buf_printf(b, "卸载 %s（%s）", old->id, old->name);
    else if (old && new)
        buf_printf(b, "把 %s（%s）升级为 %s（%s）", old->id, old->name, new->id,
                   new->name);
}

static const char *action_word(const zb_event *e)
{
    return e->action == ACTION_INSTALL ? "安装" : "卸载";
}

/* Why request R was not approved. */
static const char *refusal(const zb_request *r)
{
    if (!r->dept_opinion.present)
        return "缺少本部门负责人意见";
    if (!r->dept_opinion.agree)
        return "本部门负责人不同意";
    if (!r->it_opinion.present)
        return "缺少信息化部门意见";
    return "信息化部门不同意";
}

/* Check event E against the request it cites. */
static zb_status check_request_event(zb_rule_ctx *ctx, const zb_rule *rule,
                                     const zb_event *e)
{
    const zb_ledger *l = ctx->ledger;
    const zb_request *r = &l->requests[e->request];
    const zb_software *sw = &l->software[e->software];
    if (!r->approved)
        return rules_report(ctx, rule, e->line, "event", "request",
                            "申请表 %s 未经审核同意（%s），不能据此%s", r->id,
                            refusal(r), action_word(e));
    if (r->computer != e->computer)
        return rules_report(ctx, rule, e->line, "event", "request",
                            "申请表 %s 申请的是计算机 %s，不是 %s", r->id,
                            l->computers[r->computer].id,
                            l->computers[e->computer].id);
    if (!covers(&r->change, e)) {
        zb_buf what = {0};
        describe(&what, l, &r->change);
        zb_status st =
            rules_report(ctx, rule, e->line, "event", "request",
                         "申请表 %s 申请的是%s，不包括%s %s（%s）", r->id,
                         buf_str(&what), action_word(e), sw->id, sw->name);
        buf_free(&what);
        return st;
    }
    char when[11];
    date_format(r->approved_on, when);
    if (e->date < r->approved_on)
        return rules_report(ctx, rule, e->line, "event", "date",
                            "早于申请表 %s 审核同意的日期 %s", r->id, when);
    return ZB_OK;
}

zb_status check_requests(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[i];
        int grounds = (e->request != ZB_NONE) + (e->deployment != ZB_NONE) +
                      e->unauthorised;
        if (grounds == 0)
            st = rules_report(
                ctx, rule, e->line, "event", NULL,
                "%s没有依据：应注明审核同意的申请表（request）或统一"
                "部署（deployment）；确属私自%s、事后发现的，如实标注 "
                "unauthorised=\"true\"",
                action_word(e), action_word(e));
        else if (grounds > 1)
            st = rules_report(ctx, rule, e->line, "event", NULL,
                              "申请表、统一部署、私自安装卸载只能注明其一");
        else if (e->request != ZB_NONE &&
                 l->requests[e->request].change.kind != CHANGE_UPGRADE)
            st = check_request_event(ctx, rule, e);
    }
    return st;
}

zb_status check_upgrade_requests(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[i];
        if (e->request != ZB_NONE && e->deployment == ZB_NONE &&
            !e->unauthorised &&
            l->requests[e->request].change.kind == CHANGE_UPGRADE)
            st = check_request_event(ctx, rule, e);
    }
    return st;
}

/* Check event E against the deployment it cites. */
static zb_status check_deployment_event(zb_rule_ctx *ctx, const zb_rule *rule,
                                        const zb_event *e)
{
    const zb_ledger *l = ctx->ledger;
    const zb_deployment *d = &l->deployments[e->deployment];
    const zb_software *sw = &l->software[e->software];
    const zb_computer *c = &l->computers[e->computer];
    if (!deployment_change(d, e))
        return rules_report(ctx, rule, e->line, "event", "deployment",
                            "统一部署 %s（%s）不包括%s %s（%s）", d->id,
                            d->title, action_word(e), sw->id, sw->name);
    char when[11];
    date_format(d->date, when);
    if (e->date < d->date)
        return rules_report(ctx, rule, e->line, "event", "date",
                            "早于统一部署 %s 的通知日期 %s", d->id, when);
    int notified = d->all_depts || c->dept == ZB_NONE;
    for (size_t k = 0; k < d->ndepts && !notified; k++)
        notified = d->depts[k] == c->dept;
    if (!notified)
        return rules_report(ctx, rule, e->line, "event", "deployment",
                            "统一部署 %s 没有通知计算机 %s 所在的%s", d->id,
                            c->id, l->departments[c->dept].name);
    return ZB_OK;
}

zb_status check_deployments(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[i];
        if (e->deployment != ZB_NONE && e->request == ZB_NONE &&
            !e->unauthorised)
            st = check_deployment_event(ctx, rule, e);
    }
    return st;
}

/* ---- upgrades: an uninstall and an install on the same computer and day */

typedef struct fact {
    int computer;
    int software;
    zb_date date;
    int action;
    int authority; /* request index, or -2 - deployment index */
} fact;

static int compare_facts(const void *pa, const void *pb)
{
    const fact *a = pa, *b = pb;
    const int x[] = {a->computer, a->software, a->date, a->action,
                     a->authority};
    const int y[] = {b->computer, b->software, b->date, b->action,
                     b->authority};
    for (size_t i = 0; i < sizeof x / sizeof *x; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

static int authority(const zb_event *e)
{
    return e->request != ZB_NONE ? e->request : -2 - e->deployment;
}

/* Is the other half of upgrade U, of which E is one half, in FACTS (N,
   sorted): the same computer, day and authority? */
static int has_partner(const fact *facts, size_t n, const zb_event *e,
                       const zb_change *u)
{
    int install = e->action == ACTION_INSTALL;
    fact want = {e->computer, install ? u->old_software : u->new_software,
                 e->date, install ? ACTION_UNINSTALL : ACTION_INSTALL,
                 authority(e)};
    return bsearch(&want, facts, n, sizeof *facts, compare_facts) != NULL;
}

/* Does any upgrade of E's deployment that E is half of have its other
   half? Two upgrades may lead to one version (2016 and 2019 to 2021). */
static int deployment_paired(const zb_ledger *l, const fact *facts,
                             const zb_event *e)
{
    if (e->request != ZB_NONE || e->deployment == ZB_NONE)
        return 0;
    const zb_deployment *d = &l->deployments[e->deployment];
    for (size_t i = 0; i < d->nchanges; i++)
        if (d->changes[i].kind == CHANGE_UPGRADE && covers(&d->changes[i], e) &&
            has_partner(facts, l->nevents, e, &d->changes[i]))
            return 1;
    return 0;
}

zb_status check_upgrade_pairs(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    fact *facts = malloc((l->nevents + 1) * sizeof *facts);
    if (!facts)
        return ZB_ERR_NOMEM;
    for (size_t i = 0; i < l->nevents; i++) {
        const zb_event *e = &l->events[i];
        facts[i] = (fact){e->computer, e->software, e->date, (int)e->action,
                          authority(e)};
    }
    qsort(facts, l->nevents, sizeof *facts, compare_facts);
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[i];
        const zb_change *u = upgrade_of(l, e);
        if (!u || has_partner(facts, l->nevents, e, u) ||
            deployment_paired(l, facts, e))
            continue;
        int install = e->action == ACTION_INSTALL;
        const zb_software *p =
            &l->software[install ? u->old_software : u->new_software];
        st = rules_report(
            ctx, rule, e->line, "event", "action",
            "升级应在同一天、同一台计算机上分别登记卸载原软件和安装"
            "新软件：计算机 %s 上缺少同日依据同一%s的%s %s（%s）的记录",
            l->computers[e->computer].id,
            e->request != ZB_NONE ? "申请表" : "统一部署",
            install ? "卸载" : "安装", p->id, p->name);
    }
    free(facts);
    return st;
}

/* ---- confirmations ------------------------------------------------------ */

zb_status check_confirmations(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    size_t *uses = calloc(l->nconfirmations + 1, sizeof *uses);
    if (!uses)
        return ZB_ERR_NOMEM;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nevents && st == ZB_OK; i++) {
        const zb_event *e = &l->events[i];
        if (e->confirmation == ZB_NONE)
            continue;
        const zb_confirmation *q = &l->confirmations[e->confirmation];
        uses[e->confirmation]++;
        char when[11];
        date_format(q->date, when);
        if (q->computer != e->computer)
            st = rules_report(ctx, rule, e->line, "event", "confirmation",
                              "确认单 %s 是计算机 %s 的，本记录是计算机 %s",
                              q->id, l->computers[q->computer].id,
                              l->computers[e->computer].id);
        else if (e->date > q->date)
            st = rules_report(ctx, rule, e->line, "event", "confirmation",
                              "确认单 %s 的日期 %s 早于本记录", q->id, when);
    }
    for (size_t i = 0; i < l->nconfirmations && st == ZB_OK; i++)
        if (!uses[i])
            st = rules_report(
                ctx, rule, l->confirmations[i].line, "confirmation", "id",
                "确认单 %s 没有对应的安装维护记录：附件9 中没有记录"
                "注明这张确认单",
                l->confirmations[i].id);
    free(uses);
    return st;
}
