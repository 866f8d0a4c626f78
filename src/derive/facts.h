/*
 * facts.h - the figures derived from a ledger on its as-of date.
 *
 * Everything the forms show and nobody types: the 附件5 figures, 安装数量
 * (附件7), the installations on the as-of date (附件8), the running counts of
 * the log (附件9), the plan totals (附件4) and the audit's findings and
 * grades. Money is summed in 分 and
 * checked for overflow; nothing goes through a double. README ("附件5 各项
 * 数字的推导") says how each figure is made, for a clerk to check by hand.
 *
 * The facts are written out by facts_xml.h (an element in the ledger
 * document for the stylesheets, or a document of its own valid against
 * forms/facts.xsd) and facts_json.h.
 */
#ifndef ZB_FACTS_H
#define ZB_FACTS_H

#include <stddef.h>

#include "../core/diag.h"
#include "../core/money.h"
#include "../core/status.h"
#include "../parse/ledger.h"
#include "audit.h"
#include "history.h"

/* Rows of the 附件5 tables: 国内, 国外, 合计. */
enum { ROW_DOMESTIC, ROW_FOREIGN, ROW_TOTAL, ROW_COUNT };

/* Columns of the 附件5 tables: the four categories (zb_category: 操作系统,
   办公, 杀毒 and 其他, which is reported beside the form), then 总计 =
   操作系统 + 办公 + 杀毒. */
enum { COLUMN_TOTAL = CATEGORY_COUNT, COLUMN_COUNT };

typedef struct zb_purchase_figure {
    long long licenses; /* 许可数（个） */
    zb_money amount;    /* 金额, 分 */
} zb_purchase_figure;

typedef struct zb_holding_figure {
    long long licenses;   /* commercial + oem */
    long long commercial; /* licence counts of the commercial entries held */
    long long oem;        /* OEM copies counted */
} zb_holding_figure;

typedef struct zb_statistics {
    int people;          /* 二 总人数 */
    int computer_users;  /* 二 使用计算机人数 */
    int computers[3];    /* 三 by zb_computer_kind */
    int computers_total; /* 三 合计 */
    zb_purchase_figure purchases[ROW_COUNT][COLUMN_COUNT]; /* 四 */
    zb_holding_figure holdings[ROW_COUNT][COLUMN_COUNT];   /* 五 */
    size_t *home_copies; /* history copies of 家庭版 OEM software
                            installed on the as-of date: flagged,
                            not counted */
    size_t nhome_copies;
} zb_statistics;

typedef struct zb_facts {
    const zb_ledger *ledger;
    zb_history history;
    zb_statistics statistics; /* 附件5 */
    int *installed;           /* 附件7 安装数量 by software index */
    size_t *installations;    /* 附件8: the copies installed on the as-of
                                 date, in form order (department, user,
                                 computer, software - each in ledger order;
                                 computers without a user after the
                                 department's staff) */
    size_t ninstallations;
    size_t *log;           /* 附件9: the steps of the ledger's events,
                              grouped by software in catalogue order, in
                              time order within a group */
    size_t *log_start;     /* software S's group is log[log_start[S]]
                              up to log[log_start[S + 1]] */
    zb_money *plan_totals; /* 附件4 共计 by plan */
    zb_money *item_totals; /* 附件4 合计 (单价 × 许可数) of every item,
                              plan after plan */
    zb_audit audit;        /* the findings and grades (audit.h) */
} zb_facts;

/* Derive the facts of LEDGER, a ledger that passed front_load_file(), on its
   as-of date. FILE names the ledger in diagnostics. Returns ZB_OK and
   *OUT (free it with facts_free()), ZB_ERR_INVALID with a diagnostic when a
   sum of money does not fit in 64 bits, or ZB_ERR_NOMEM. */
zb_status facts_derive(const zb_ledger *ledger, const char *file,
                       zb_facts **out, zb_diags *diags);

/* Release FACTS; NULL is allowed. */
void facts_free(zb_facts *facts);

#endif
