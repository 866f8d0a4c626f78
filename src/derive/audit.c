#include "audit_checks.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"

#define KH "《软件正版化考核评议制度》"
#define PZ "《软件配置管理规定》"
#define KH_3                                                                   \
    "局机关的办公设备及软件适用正版软件，"                   \
    "禁止使用未经授权和私自更改版权信息的软件。"

/* The articles are quoted from the unit's six systems as issued
   (../shared/reference/unit-six-systems-2023.txt). */
static const zb_audit_check checks[] = {
    {"over-deployed", "超出许可数量安装", KH "第三条", KH_3,
     "商业软件在报告年度内任何一天（截至填表日期）安装的计算机台数"
     "不超过其许可数量。",
     audit_check_over_deployed},
    {"expired", "许可到期仍在使用", KH "第三条", KH_3,
     "许可期限已过的商业软件不再安装在计算机上。", audit_check_expired},
    {"unlicensed", "没有许可的软件", PZ "一.1、一.2",
     "1.软件配置遵循安全性、适用性、经济性和正版化的原则，"
     "不得配置非正版软件。2.单位使用的商业软件、OEM软件、"
     "免费软件均需纳入配置管理，不得配置与工作无关的各类软件。",
     "安装的软件都有许可依据：商业软件已购得（或受赠、调剂）且未报废；"
     "免费软件在可使用免费软件清单上列有该计算机的部门。",
     audit_check_unlicensed},
    {"oem-moved", "OEM软件装到别的计算机", KH "第三条", KH_3,
     "随机预装软件只在所随的计算机上使用。", audit_check_oem_moved},
    {"oem-home", "使用家庭版OEM软件", KH "第三条", KH_3,
     "家庭版随机预装软件不能作为单位的正版许可，不在办公计算机上使用。",
     audit_check_oem_home},
    {"serial-misuse", "序列号超出可安装台数", KH "第五条",
     "计算机使用人员应当确保软件序列号对应安装在计算机上，"
     "软件序列号不得借给他人使用，不得擅自卸载正版软件，"
     "不得自行安装使用非正版软件。",
     "一个序列号安装的计算机台数不超过它的可安装台数"
     "（按安装记录所填的序列号计；只有一个序列号的软件按其唯一的序列号计）。",
     audit_check_serials},
    {"unauthorised", "私自安装、卸载或升级",
     "《软件安装维护管理规定》一.1、二.1",
     "工作人员不得私自在计算机上安装或卸载软件。……"
     "工作人员不得私自升级计算机上已安装的商业软件。",
     "报告年度内没有登记为私自安装、卸载或升级（没有审核同意的申请表或"
     "统一部署）的安装维护记录。",
     audit_check_unauthorised},
    {"no-pledge", "未签署承诺书", "《软件正版化工作责任制度》三",
     "工作人员要签署《使用正版软件承诺书》（附件2），"
     "严格遵守软件正版化工作相关规定，不得私自在计算机上安装或卸载软件。",
     "使用在用计算机的工作人员都在填表日期或以前签署了《使用正版软件承诺书》。",
     audit_check_pledges},
    {"stale-ledger", "台账超过半年未更新", "《软件台账管理规定》一.13",
     "根据《软件安装维护情况明细表》中登记的软件安装和卸载情况，"
     "至少每半年更新《软件使用情况汇总表》一次。",
     "报告年度内已经过去的每个半年都更新过台账，"
     "且最近一次更新不早于填表日期前六个月。",
     audit_check_ledger_updates},
    {"demand-gap", "需求未纳入采购计划", PZ "二.3",
     "办公室依据单位软件使用管理台账，梳理单位软件需求与现有软件许可的差异。"
     "单位软件许可不足的，编制《软件采购计划表》（附件4）。",
     "部门本年度申请的许可数超出其在用的许可时，"
     "差额由本年度的采购计划补足。",
     audit_check_demand_gaps},
    {"no-os", "计算机没有操作系统", KH "第三条", KH_3,
     "在用计算机都登记安装有操作系统。", audit_check_no_os},
};

#define NCHECKS (sizeof checks / sizeof *checks)

const zb_audit_check *audit_checks(size_t *count)
{
    *count = NCHECKS;
    return checks;
}

/* ---- the helpers of the checks ------------------------------------------- */

zb_finding *audit_add(audit_ctx *ctx, const zb_audit_check *check,
                      zb_level level, long line, int computer, int software)
{
    if (ctx->status != ZB_OK)
        return NULL;
    if (ctx->nfindings == ctx->cap) {
        size_t cap = ctx->cap ? 2 * ctx->cap : 64;
        zb_finding *grown = realloc(ctx->findings, cap * sizeof *grown);
        if (!grown) {
            ctx->status = ZB_ERR_NOMEM;
            return NULL;
        }
        ctx->findings = grown;
        ctx->cap = cap;
    }
    const zb_computer *pc =
        computer == ZB_NONE ? NULL : &ctx->l->computers[computer];
    zb_finding *f = &ctx->findings[ctx->nfindings++];
    *f = (zb_finding){check,
                      level,
                      check->id,
                      pc ? pc->dept : ZB_NONE,
                      pc ? pc->user : ZB_NONE,
                      computer,
                      software,
                      line,
                      ""};
    return f;
}

/* PREFIX and the formatted text, in the audit's arena; NULL when out of
   memory (and ctx->status says so). */
static const char *format(audit_ctx *ctx, const char *prefix, const char *fmt,
                          va_list ap)
{
    zb_buf b = {0};
    buf_append_str(&b, prefix);
    buf_vprintf(&b, fmt, ap);
    char *s = b.failed ? NULL : arena_strndup(ctx->arena, buf_str(&b), b.len);
    buf_free(&b);
    if (!s)
        ctx->status = ZB_ERR_NOMEM;
    return s;
}

void audit_key(audit_ctx *ctx, zb_finding *f, const char *fmt, ...)
{
    if (ctx->status != ZB_OK || !f)
        return;
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s:", f->check->id);
    va_list ap;
    va_start(ap, fmt);
    const char *id = format(ctx, prefix, fmt, ap);
    va_end(ap);
    if (id)
        f->id = id;
}

void audit_say(audit_ctx *ctx, zb_finding *f, const char *fmt, ...)
{
    if (ctx->status != ZB_OK || !f)
        return;
    va_list ap;
    va_start(ap, fmt);
    const char *text = format(ctx, "", fmt, ap);
    va_end(ap);
    if (text)
        f->text = text;
}

const char *audit_holder(const zb_ledger *l, int c)
{
    const zb_computer *pc = &l->computers[c];
    if (pc->user != ZB_NONE)
        return l->staff[pc->user].name;
    return pc->dept != ZB_NONE ? l->departments[pc->dept].name : "无使用人";
}

int audit_present(const zb_copy *copy, zb_date from, zb_date until)
{
    zb_date first = copy->from > from ? copy->from : from;
    return first <= until && (!copy->until || copy->until > first);
}

/* ---- order --------------------------------------------------------------- */

/* Findings of one id (a copy removed and installed again in the year) are
   one finding, the gravest. */
static int compare_ids(const void *pa, const void *pb)
{
    const zb_finding *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    if (c)
        return c;
    if (a->level != b->level)
        return a->level < b->level ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

/* The order of the report: level, department (none last), check, line. */
static int compare_report(const void *pa, const void *pb)
{
    const zb_finding *a = pa, *b = pb;
    unsigned da = (unsigned)a->dept, db = (unsigned)b->dept; /* NONE last */
    if (a->level != b->level)
        return a->level < b->level ? -1 : 1;
    if (da != db)
        return da < db ? -1 : 1;
    if (a->check != b->check)
        return a->check < b->check ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return strcmp(a->id, b->id);
}

static void order_findings(zb_audit *a)
{
    if (!a->nfindings)
        return;
    qsort(a->findings, a->nfindings, sizeof *a->findings, compare_ids);
    size_t n = 0;
    for (size_t i = 0; i < a->nfindings; i++)
        if (n == 0 || strcmp(a->findings[i].id, a->findings[n - 1].id))
            a->findings[n++] = a->findings[i];
    a->nfindings = n;
    qsort(a->findings, a->nfindings, sizeof *a->findings, compare_report);
}

/* ---- grades -------------------------------------------------------------- */

int audit_deduction(zb_level level)
{
    static const int points[LEVEL_COUNT] = {30, 15, 5};
    return points[level];
}

int audit_grade_floor(zb_grade grade)
{
    static const int floors[] = {90, 80, 60, 0};
    return floors[grade];
}

void audit_rate(const int counts[LEVEL_COUNT], zb_rating *rating)
{
    long long lost = 0;
    for (int k = 0; k < LEVEL_COUNT; k++) {
        rating->counts[k] = counts[k];
        lost += (long long)counts[k] * audit_deduction((zb_level)k);
    }
    rating->score = lost >= 100 ? 0 : (int)(100 - lost);
    rating->grade = GRADE_EXCELLENT;
    while (rating->score < audit_grade_floor(rating->grade))
        rating->grade++;
}

/* R's reasons: the entries of BY_CHECK (one per check) with findings,
   copied to *NEXT, which moves past them. */
static void give_reasons(zb_rating *r, const zb_reason *by_check,
                         zb_reason **next)
{
    r->reasons = *next;
    for (size_t k = 0; k < NCHECKS; k++)
        if (by_check[k].findings)
            *(*next)++ = by_check[k];
    r->nreasons = (size_t)(*next - r->reasons);
}

/* Rate every department and the unit; the reasons of department D are
   counted in by_check[D * NCHECKS + K], the unit's in per_check. */
static zb_status rate(const zb_ledger *l, zb_audit *a)
{
    size_t n = l->ndepartments;
    zb_reason *by_check = calloc(n * NCHECKS + 1, sizeof *by_check);
    int(*counts)[LEVEL_COUNT] = calloc(n + 1, sizeof *counts);
    a->ratings = calloc(n + 1, sizeof *a->ratings);
    a->per_check = calloc(NCHECKS, sizeof *a->per_check);
    a->reasons = calloc(a->nfindings + NCHECKS + 1, sizeof *a->reasons);
    zb_status st =
        by_check && counts && a->ratings && a->per_check && a->reasons
            ? ZB_OK
            : ZB_ERR_NOMEM;
    int all[LEVEL_COUNT] = {0};
    for (size_t k = 0; st == ZB_OK && k < NCHECKS; k++) {
        a->per_check[k].check = &checks[k];
        for (size_t d = 0; d < n; d++)
            by_check[d * NCHECKS + k].check = &checks[k];
    }
    for (size_t i = 0; st == ZB_OK && i < a->nfindings; i++) {
        const zb_finding *f = &a->findings[i];
        size_t k = (size_t)(f->check - checks);
        int points = audit_deduction(f->level);
        all[f->level]++;
        a->per_check[k].findings++;
        a->per_check[k].points += points;
        if (f->dept == ZB_NONE)
            continue;
        counts[f->dept][f->level]++;
        by_check[f->dept * NCHECKS + k].findings++;
        by_check[f->dept * NCHECKS + k].points += points;
    }
    zb_reason *next = a->reasons;
    for (size_t d = 0; st == ZB_OK && d < n; d++) {
        a->ratings[d].dept = (int)d;
        audit_rate(counts[d], &a->ratings[d]);
        give_reasons(&a->ratings[d], by_check + d * NCHECKS, &next);
    }
    if (st == ZB_OK) {
        a->nratings = n;
        a->unit.dept = ZB_NONE;
        audit_rate(all, &a->unit);
        give_reasons(&a->unit, a->per_check, &next);
    }
    free(by_check);
    free(counts);
    return st;
}

/* ---- running ------------------------------------------------------------- */

zb_status audit_run(const zb_ledger *ledger, const zb_history *history,
                    zb_audit *out)
{
    *out = (zb_audit){0};
    audit_ctx ctx = {.l = ledger,
                     .h = history,
                     .year_start = ledger->year * 10000 + 101,
                     .as_of = ledger->as_of,
                     .arena = &out->arena,
                     .status = ZB_OK};
    zb_status st = ZB_OK;
    for (size_t i = 0; i < NCHECKS && st == ZB_OK; i++)
        st = checks[i].run(&ctx, &checks[i]);
    out->findings = ctx.findings;
    out->nfindings = ctx.nfindings;
    if (st == ZB_OK) {
        order_findings(out);
        st = rate(ledger, out);
    }
    if (st != ZB_OK)
        audit_free(out);
    return st;
}

const char *audit_level_name(zb_level level)
{
    static const char *const names[LEVEL_COUNT] = {"严重", "一般", "轻微"};
    return names[level];
}

const char *audit_grade_name(zb_grade grade)
{
    static const char *const names[] = {"优秀", "合格", "基本合格", "不合格"};
    return names[grade];
}

void audit_free(zb_audit *a)
{
    free(a->findings);
    free(a->ratings);
    free(a->per_check);
    free(a->reasons);
    arena_free(&a->arena);
    *a = (zb_audit){0};
}
