/* Rules on the unit as a whole: the leadership group, the revision
   history, the documents, the forms' 附件 numbers. */
#include "checks.h"

#include "../core/date.h"

zb_status check_leadership(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    const zb_member *head = NULL;
    size_t deputies = 0;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->nmembers && st == ZB_OK; i++) {
        const zb_member *m = &l->members[i];
        if (m->role == LEADER_DEPUTY)
            deputies++;
        if (m->role != LEADER_HEAD)
            continue;
        if (head)
            st = rules_report(ctx, rule, m->line, "member", "role",
                              "领导小组只能有一名组长，第 %ld 行已登记组长 %s",
                              head->line, l->staff[head->staff].name);
        else
            head = m;
    }
    if (st == ZB_OK && !head)
        st = rules_report(ctx, rule, l->leadership_line, "leadership", NULL,
                          "领导小组没有组长：应由单位主要领导担任组长");
    if (st == ZB_OK && deputies == 0)
        st = rules_report(ctx, rule, l->leadership_line, "leadership", NULL,
                          "领导小组没有副组长：应由单位分管领导担任副组长");
    return st;
}

zb_status check_revisions(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    const zb_revision *last = NULL;
    for (size_t i = 0; i < l->nrevisions; i++)
        if (!last || l->revisions[i].date > last->date)
            last = &l->revisions[i];
    if (!last || last->date >= date_add_months(l->as_of, -6))
        return ZB_OK;
    char when[11], as_of[11];
    date_format(last->date, when);
    date_format(l->as_of, as_of);
    return rules_report(ctx, rule, last->line, "revision", "date",
                        "台账最近一次更新在 %s，到填表日期 %s 已超过六个月",
                        when, as_of);
}

zb_status check_signer(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->ndocuments && st == ZB_OK; i++) {
        const zb_document *d = &l->documents[i];
        if (d->upward && d->signer == ZB_NONE)
            st =
                rules_report(ctx, rule, d->line, "document", "upward",
                             "公文 %s 是上行文，应填写签发人（signer）", d->id);
    }
    return st;
}

#define BIT(topic) (1u << (topic))

/* Each kind of document: the topics its stylesheet writes a part for, and
   what to tell a ledger that gives another. */
static const struct {
    unsigned topics;
    const char *hint;
} kind_topics[] = {
    [DOCUMENT_REPORT] = {BIT(TOPIC_RESPONSIBILITY) | BIT(TOPIC_PROCUREMENT) |
                             BIT(TOPIC_USAGE) | BIT(TOPIC_INSPECTION) |
                             BIT(TOPIC_TRAINING) | BIT(TOPIC_PLAN),
                         "总结报告的 topic 只能是 responsibility、procurement、"
                         "usage、inspection、training、plan"},
    [DOCUMENT_SYSTEMS_NOTICE] = {0, "印发制度的通知没有由程序生成的部分，"
                                    "不能用 topic"},
    [DOCUMENT_INSPECTION_NOTICE] = {BIT(TOPIC_FINDINGS) | BIT(TOPIC_RATINGS),
                                    "检查通报的 topic 只能是 findings"
                                    "（检查发现的问题）、ratings（考核评议结果）"},
    [DOCUMENT_GENERAL] = {0, "其他公文（general）的正文全部取自台账，"
                             "不能用 topic"},
};

/* Section S of document D: its topic one D's kind writes, on a part of
   the body itself, not given before (at FIRST[topic]); a heading where
   there is no topic. */
static zb_status check_section(zb_rule_ctx *ctx, const zb_rule *rule,
                               const zb_document *d, const zb_section *s,
                               long first[TOPIC_COUNT])
{
    const char *name = ledger_topic_name(s->topic);
    if (s->topic == TOPIC_NONE)
        return s->headed ? ZB_OK
                         : rules_report(ctx, rule, s->line, "section", NULL,
                                        "公文 %s 正文的这一部分没有标题"
                                        "（heading）：只有带 topic 的部分"
                                        "可以不写标题",
                                        d->id);
    if (!(kind_topics[d->kind].topics & BIT(s->topic)))
        return rules_report(ctx, rule, s->line, "section", "topic",
                            "公文 %s 中的 topic=\"%s\" 不是这种公文的部分，"
                            "不会排进正文：%s", d->id,
                            name, kind_topics[d->kind].hint);
    if (s->depth > 1)
        return rules_report(ctx, rule, s->line, "section", "topic",
                            "公文 %s 的 topic=\"%s\" 写在另一部分之内：带 "
                            "topic 的部分须是正文的第一层（一、二、……）",
                            d->id, name);
    if (first[s->topic])
        return rules_report(ctx, rule, s->line, "section", "topic",
                            "公文 %s 的 topic=\"%s\" 在第 %ld 行已经写过，"
                            "每个部分只能写一次",
                            d->id, name, first[s->topic]);
    first[s->topic] = s->line;
    return ZB_OK;
}

zb_status check_topics(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->ndocuments && st == ZB_OK; i++) {
        const zb_document *d = &l->documents[i];
        long first[TOPIC_COUNT] = {0};
        for (size_t k = 0; k < d->nsections && st == ZB_OK; k++)
            st = check_section(ctx, rule, d, &d->sections[k], first);
    }
    return st;
}

/* A number the ledger gives one form that another form has by default
   (two numbers the ledger gives are the schema's formNumberUnique). */
zb_status check_form_numbers(zb_rule_ctx *ctx, const zb_rule *rule)
{
    const zb_ledger *l = ctx->ledger;
    zb_status st = ZB_OK;
    for (int f = 0; f < FORM_COUNT && st == ZB_OK; f++)
        for (int g = 0; g < FORM_COUNT && st == ZB_OK; g++)
            if (g != f && l->form_number_line[f] && !l->form_number_line[g] &&
                l->form_number[f] == l->form_number[g])
                st = rules_report(ctx, rule, l->form_number_line[f], "form",
                                  "number",
                                  "<numbering> 把 %s 编为附件%d，这是未登记编号的 "
                                  "%s 的默认编号；请在 <numbering> 中给 %s 另编一个号",
                                  ledger_form_name(f), l->form_number[f],
                                  ledger_form_name(g), ledger_form_name(g));
    return st;
}
