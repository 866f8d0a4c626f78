/*
 * cmd_audit.c - `zhengban audit LEDGER [--format text|xml|json]`: the
 * yearly compliance check of a ledger, its findings and the 考核评议
 * grades (src/derive/audit.h).
 *
 * The ledger is checked first; an invalid one gets the diagnostics of
 * `check` (on stderr) and exit status 1. Then:
 *   text  the findings grouped by level and department, each with its
 *         ledger line, the article quoted after the first of each check,
 *         then each department's grade with the reasons;
 *   xml   the audit element of the facts (forms/facts.xsd) as a document;
 *   json  the same as JSON.
 * Exit status 0 without findings, 3 with findings.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../core/buf.h"
#include "../derive/facts_json.h"
#include "../derive/facts_xml.h"
#include "cli.h"

static void usage(FILE *out)
{
    fputs("用法：zhengban audit [选项] 台账.xml\n"
          "先检查台账，再按六项制度检查报告年度（截至填表日期）的软件使用情况："
          "列出发现的问题、所违反的条款，并按《软件正版化考核评议制度》第九条"
          "评定各股室的等级。\n\n"
          "选项：\n"
          "  --format text   按严重程度和部门列出问题，附条款原文和考核评议"
          "（默认）\n"
          "  --format xml    检查结果的 XML 文档（forms/facts.xsd 的 audit）\n"
          "  --format json   同样的内容，JSON 格式\n"
          "  -h, --help      显示本帮助\n\n"
          "退出状态：0 没有发现问题；3 发现了问题；1 台账有错误（诊断信息与 "
          "check 相同，写到标准错误）；2 用法错误或文件无法读写。\n",
          out);
}

/* ---- text ---------------------------------------------------------------- */

/* The name of department D, or the words for findings without one. */
static const char *dept_name(const zb_ledger *l, int d)
{
    return d == ZB_NONE ? "未指明部门" : l->departments[d].name;
}

/* One finding: where, what, which check; the article after the first
   finding of its check (QUOTED marks the checks already quoted). */
static void text_finding(const char *path, const zb_finding *f, char *quoted,
                         zb_buf *out)
{
    size_t n;
    size_t k = (size_t)(f->check - audit_checks(&n));
    buf_printf(out, "    %s:%ld: %s [%s]\n", path, f->line, f->text,
               f->check->id);
    if (quoted[k])
        return;
    quoted[k] = 1;
    buf_printf(out, "      依据%s：“%s”\n", f->check->article, f->check->quote);
}

static void text_findings(const zb_facts *facts, const char *path, zb_buf *out)
{
    const zb_ledger *l = facts->ledger;
    const zb_audit *a = &facts->audit;
    size_t nchecks;
    audit_checks(&nchecks);
    char *quoted = calloc(nchecks, 1);
    if (!quoted) {
        out->failed = 1;
        return;
    }
    for (size_t i = 0; i < a->nfindings; i++) {
        const zb_finding *f = &a->findings[i];
        const zb_finding *prev = i ? &a->findings[i - 1] : NULL;
        if (!prev || prev->level != f->level)
            buf_printf(out, "\n%s问题 %d 个\n", audit_level_name(f->level),
                       a->unit.counts[f->level]);
        if (!prev || prev->level != f->level || prev->dept != f->dept)
            buf_printf(out, "  %s\n", dept_name(l, f->dept));
        text_finding(path, f, quoted, out);
    }
    free(quoted);
}

/* "65 分，基本合格（使用家庭版OEM软件 1 个扣 30 分；未签署承诺书 1 个扣 5
   分）" */
static void text_rating(const zb_rating *r, zb_buf *out)
{
    buf_printf(out, "%d 分，%s", r->score, audit_grade_name(r->grade));
    for (size_t i = 0; i < r->nreasons; i++)
        buf_printf(out, "%s%s %d 个扣 %d 分", i ? "；" : "（",
                   r->reasons[i].check->name, r->reasons[i].findings,
                   r->reasons[i].points);
    buf_append_str(out, r->nreasons ? "）\n" : "\n");
}

static void text_report(const zb_facts *facts, const char *path, zb_buf *out)
{
    const zb_ledger *l = facts->ledger;
    const zb_audit *a = &facts->audit;
    char as_of[32];
    date_format_cn(l->as_of, as_of);
    buf_printf(out, "%s %d 年度软件使用情况检查（截至 %s）\n", l->unit_name,
               l->year, as_of);
    if (a->nfindings)
        buf_printf(out,
                   "发现问题 %zu 个：严重 %d 个，一般 %d 个，轻微 %d 个。\n",
                   a->nfindings, a->unit.counts[LEVEL_SERIOUS],
                   a->unit.counts[LEVEL_GENERAL], a->unit.counts[LEVEL_MINOR]);
    else
        buf_append_str(out, "未发现问题。\n");
    text_findings(facts, path, out);
    buf_printf(out,
               "\n考核评议（《软件正版化考核评议制度》第九条）：100 分起，"
               "每个严重问题扣 %d 分，一般问题扣 %d 分，轻微问题扣 %d 分；"
               "%d 分及以上优秀，%d 分及以上合格，%d 分及以上基本合格，"
               "以下不合格\n",
               audit_deduction(LEVEL_SERIOUS), audit_deduction(LEVEL_GENERAL),
               audit_deduction(LEVEL_MINOR), audit_grade_floor(GRADE_EXCELLENT),
               audit_grade_floor(GRADE_PASS), audit_grade_floor(GRADE_BASIC));
    for (size_t i = 0; i < a->nratings; i++) {
        buf_printf(out, "  %s：", dept_name(l, a->ratings[i].dept));
        text_rating(&a->ratings[i], out);
    }
    buf_append_str(out, "  全单位：");
    text_rating(&a->unit, out);
}

/* ---- the command --------------------------------------------------------- */

static zb_status render(const zb_facts *facts, const char *path, cli_format fmt,
                        zb_buf *out)
{
    if (fmt == CLI_FORMAT_TEXT) {
        text_report(facts, path, out);
        return out->failed ? ZB_ERR_NOMEM : ZB_OK;
    }
    if (fmt == CLI_FORMAT_JSON)
        return facts_audit_json(facts, out);
    return facts_audit_xml(facts, out);
}

static int exit_status(const zb_facts *facts)
{
    return facts->audit.nfindings ? EXIT_FINDINGS : EXIT_VALID;
}

int cmd_audit(int argc, char **argv)
{
    static const cli_facts_command audit = {"audit", usage, render,
                                            exit_status};
    return cli_run_facts(&audit, argc, argv);
}
