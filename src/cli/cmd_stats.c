/*
 * cmd_stats.c - `zhengban stats LEDGER [--format text|xml|json]`: the
 * figures derived from a ledger on its as-of date.
 *
 * The ledger is checked first; an invalid one gets the diagnostics of
 * `check` (on stderr) and exit status 1. Then:
 *   text  a Chinese summary laid out like 附件5, and 附件7's 安装数量;
 *   xml   the facts document (forms/facts.xsd);
 *   json  the same facts as JSON (src/derive/facts_json.h).
 */
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/utf8.h"
#include "../derive/facts.h"
#include "../derive/facts_json.h"
#include "../derive/facts_xml.h"
#include "cli.h"

static void usage(FILE *out)
{
    fputs(
        "用法：zhengban stats [选项] 台账.xml\n"
        "先检查台账，再列出截至填表日期推导的各项数字：附件5《软件正版化工作"
        "信息统计表》、附件7 的安装数量、附件8 的安装情况、附件9 的累计安装"
        "数量和附件4 的合计。\n\n"
        "选项：\n"
        "  --format text   中文摘要：附件5 各栏和附件7 安装数量（默认）\n"
        "  --format xml    推导事实的 XML 文档（符合 forms/facts.xsd）\n"
        "  --format json   同样的事实，JSON 格式（金额为精确的十进制字符串）\n"
        "  -h, --help      显示本帮助\n\n"
        "退出状态：0 成功；1 台账有错误（诊断信息与 check "
        "相同，写到标准错误）；"
        "2 用法错误或文件无法读写。\n",
        out);
}

/* ---- text ---------------------------------------------------------------- */

/* Columns that code point C takes on a terminal: 2 for CJK and full-width
   forms, 1 otherwise. */
static int columns_of(uint32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                   (c >= 0xAC00 && c <= 0xD7A3) ||
                   (c >= 0xF900 && c <= 0xFAFF) ||
                   (c >= 0xFE30 && c <= 0xFE4F) ||
                   (c >= 0xFF00 && c <= 0xFF60) ||
                   (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000
               ? 2
               : 1;
}

static int width_of(const char *s)
{
    int width = 0;
    while (*s)
        width += columns_of(utf8_next(&s));
    return width;
}

typedef enum align { LEFT, RIGHT, CENTRE } align;

/* TEXT in WIDTH columns, padded with spaces as ALIGN says. */
static void cell(zb_buf *out, const char *text, int width, align how)
{
    static const char spaces[] = "                                        ";
    int pad = width - width_of(text);
    pad = pad < 0 ? 0 : pad > 40 ? 40 : pad;
    int before = how == RIGHT ? pad : how == CENTRE ? pad / 2 : 0;
    buf_append(out, spaces, (size_t)before);
    buf_append_str(out, text);
    buf_append(out, spaces, (size_t)(pad - before));
}

/* End the line, without the blanks that padding left at its end. */
static void end_line(zb_buf *out)
{
    while (out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    buf_append_str(out, "\n");
}

static void cell_int(zb_buf *out, long long value, int width)
{
    char text[24];
    snprintf(text, sizeof text, "%lld", value);
    cell(out, text, width, RIGHT);
}

static void cell_money(zb_buf *out, zb_money amount, int yuan, int width)
{
    char text[32];
    if (yuan)
        money_format_yuan(amount, text);
    else
        money_format_wanyuan(amount, text);
    cell(out, text, width, RIGHT);
}

#define LABEL 10  /* the first column: 软件属性 */
#define FIGURE 10 /* a column of numbers */

static const char *const row_labels[ROW_COUNT] = {"国内", "国外", "合计"};

/* The columns of the 附件5 tables, with 其他软件, outside the form, last. */
static const int text_columns[] = {CATEGORY_OS, CATEGORY_OFFICE,
                                   CATEGORY_ANTIVIRUS, COLUMN_TOTAL,
                                   CATEGORY_OTHER};
static const char *const text_column_labels[] = {"操作系统", "办公", "杀毒",
                                                 "总计", "其他软件"};
#define NCOLUMNS (sizeof text_columns / sizeof *text_columns)

/* The line naming the columns, each SPAN figures wide, after FIRST. */
static void table_head(zb_buf *out, const char *first, int span)
{
    buf_append_str(out, "  ");
    cell(out, first, LABEL, LEFT);
    for (size_t c = 0; c < NCOLUMNS; c++)
        cell(out, text_column_labels[c], FIGURE * span,
             span > 1 ? CENTRE : RIGHT);
    end_line(out);
}

static void row_start(zb_buf *out, int row)
{
    buf_append_str(out, "  ");
    cell(out, row_labels[row], LABEL, LEFT);
}

/* 四: 许可数 and 万元 under each class, then the amounts in 元. */
static void text_purchases(const zb_statistics *s, zb_buf *out)
{
    table_head(out, "", 2);
    buf_append_str(out, "  ");
    cell(out, "软件属性", LABEL, LEFT);
    for (size_t c = 0; c < NCOLUMNS; c++) {
        cell(out, "许可数", FIGURE, RIGHT);
        cell(out, "万元", FIGURE, RIGHT);
    }
    end_line(out);
    for (int r = 0; r < ROW_COUNT; r++) {
        row_start(out, r);
        for (size_t c = 0; c < NCOLUMNS; c++) {
            const zb_purchase_figure *p = &s->purchases[r][text_columns[c]];
            cell_int(out, p->licenses, FIGURE);
            cell_money(out, p->amount, 0, FIGURE);
        }
        end_line(out);
    }
    buf_append_str(out, "\n");
    table_head(out, "金额(元)", 2);
    for (int r = 0; r < ROW_COUNT; r++) {
        row_start(out, r);
        for (size_t c = 0; c < NCOLUMNS; c++)
            cell_money(out, s->purchases[r][text_columns[c]].amount, 1,
                       2 * FIGURE);
        end_line(out);
    }
}

#define HOMES_LISTED 10 /* computers named per home edition */

/* One line per home edition: how many copies, on which computers. */
static void text_homes(const zb_facts *f, zb_buf *out)
{
    const zb_ledger *l = f->ledger;
    const zb_statistics *s = &f->statistics;
    for (size_t i = 0, n; i < s->nhome_copies; i += n) {
        const zb_copy *first = &f->history.copies[s->home_copies[i]];
        const zb_software *sw = &l->software[first->software];
        for (n = 1; i + n < s->nhome_copies &&
                    f->history.copies[s->home_copies[i + n]].software ==
                        first->software;
             n++)
            ;
        buf_printf(out, "  家庭版，不计入：%s（%s）%zu 份：", sw->id, sw->name,
                   n);
        for (size_t k = 0; k < n && k < HOMES_LISTED; k++)
            buf_printf(
                out, "%s%s", k ? "、" : "",
                l->computers[f->history.copies[s->home_copies[i + k]].computer]
                    .id);
        buf_append_str(out, n > HOMES_LISTED ? " 等\n" : "\n");
    }
}

/* 五: 许可数 of each class. */
static void text_holdings(const zb_facts *f, zb_buf *out)
{
    const zb_statistics *s = &f->statistics;
    table_head(out, "软件属性", 1);
    for (int r = 0; r < ROW_COUNT; r++) {
        row_start(out, r);
        for (size_t c = 0; c < NCOLUMNS; c++)
            cell_int(out, s->holdings[r][text_columns[c]].licenses, FIGURE);
        end_line(out);
    }
    const zb_holding_figure *all = &s->holdings[ROW_TOTAL][COLUMN_TOTAL];
    buf_printf(out, "  其中总计：商业软件许可 %lld 个，随机预装软件 %lld 份\n",
               all->commercial, all->oem);
    text_homes(f, out);
}

static void text_summary(const zb_facts *f, zb_buf *out)
{
    const zb_ledger *l = f->ledger;
    static const char *const kinds[] = {"商业软件", "OEM软件", "免费软件"};
    buf_printf(out, "\n附件%d 软件使用情况汇总表：安装数量（截至填表日期）\n  ",
               l->form_number[FORM_SUMMARY]);
    cell(out, "软件编号", 20, LEFT);
    cell(out, "软件名称", 36, LEFT);
    cell(out, "软件版本", 12, LEFT);
    cell(out, "软件类型", 10, LEFT);
    cell(out, "安装数量", 8, RIGHT);
    end_line(out);
    for (size_t s = 0; s < l->nsoftware; s++) {
        const zb_software *sw = &l->software[s];
        buf_append_str(out, "  ");
        cell(out, sw->id, 20, LEFT);
        cell(out, sw->name, 36, LEFT);
        cell(out, sw->version ? sw->version : "", 12, LEFT);
        cell(out, kinds[sw->kind], 10, LEFT);
        cell_int(out, f->installed[s], 8);
        end_line(out);
    }
}

static void text_report(const zb_facts *f, zb_buf *out)
{
    const zb_ledger *l = f->ledger;
    const zb_statistics *s = &f->statistics;
    char as_of[32];
    date_format_cn(l->as_of, as_of);
    buf_printf(out,
               "%s 附件%d 软件正版化工作信息统计表\n"
               "报告年度：%d 年　填表日期：%s\n\n",
               l->unit_name, l->form_number[FORM_STATISTICS], l->year, as_of);
    const zb_department *d = &l->departments[l->responsible_dept];
    const zb_person *head = d->head == ZB_NONE ? NULL : &l->staff[d->head];
    const char *phone = d->phone ? d->phone : head ? head->phone : NULL;
    buf_printf(out,
               "一、负责软件正版化工作部门情况\n"
               "  部门名称：%s　部门负责人：%s　电话：%s　传真：%s\n\n",
               d->name, head ? head->name : "", phone ? phone : "",
               d->fax ? d->fax : "");
    buf_printf(out, "二、人员情况\n  总人数：%d　使用计算机人数：%d\n\n",
               s->people, s->computer_users);
    buf_printf(out,
               "三、计算机情况\n"
               "  服务器数：%d　台式机数：%d　便携机数：%d　合计：%d\n\n",
               s->computers[COMPUTER_SERVER], s->computers[COMPUTER_DESKTOP],
               s->computers[COMPUTER_LAPTOP], s->computers_total);
    buf_append_str(out,
                   "四、本年度软件采购情况（许可数：个；金额：万元，由以元计的"
                   "精确金额四舍五入；操作系统软件不含预装操作系统）\n");
    text_purchases(s, out);
    buf_append_str(
        out, "\n五、迄今累计拥有软件许可情况（许可数：个；操作系统软件含预装"
             "操作系统）\n");
    text_holdings(f, out);
    buf_append_str(out, "\n  总计 = 操作系统 + 办公 + 杀毒；其他软件不是附件5 "
                        "的栏目，列在表外，不计入总计。\n");
    text_summary(f, out);
}

/* ---- the command --------------------------------------------------------- */

static zb_status render(const zb_facts *facts, const char *path,
                        cli_format fmt, zb_buf *out)
{
    (void)path;
    if (fmt == CLI_FORMAT_TEXT) {
        text_report(facts, out);
        return out->failed ? ZB_ERR_NOMEM : ZB_OK;
    }
    return fmt == CLI_FORMAT_JSON ? facts_json(facts, out)
                                  : facts_xml(facts, out);
}

int cmd_stats(int argc, char **argv)
{
    static const cli_facts_command stats = {"stats", usage, render, NULL};
    return cli_run_facts(&stats, argc, argv);
}
