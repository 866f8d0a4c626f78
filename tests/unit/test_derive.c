/* Unit tests for src/derive: the installation history and the facts of the
   sample ledger and of the focused ledgers in tests/data/derive. Every
   expected figure is worked out by hand from the ledger text; the working
   is in the comments. */
#include "test.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "derive/facts.h"
#include "derive/facts_xml.h"
#include "derive/history.h"
#include "fixtures.h"
#include "parse/xml_load.h"
#include "pipeline/front.h"

static zb_schema *schema;

/* A ledger of the source tree, checked, and its facts. */
typedef struct loaded {
    zb_front front;
    zb_facts *facts;
    const zb_ledger *l;
    const zb_statistics *s;
} loaded;

static int load(const char *rel, loaded *out)
{
    char *path = fixture_path(rel);
    zb_diags d = {0};
    *out = (loaded){0};
    int ok = front_load_file(schema, path, &out->front, &d) == ZB_OK &&
             facts_derive(out->front.ledger, path, &out->facts, &d) == ZB_OK;
    if (!ok) {
        printf("    %s does not load:\n", rel);
        diags_print(&d, stdout);
    } else {
        out->l = out->front.ledger;
        out->s = &out->facts->statistics;
    }
    diags_free(&d);
    free(path);
    return ok;
}

static void unload(loaded *x)
{
    facts_free(x->facts);
    front_free(&x->front);
}

static int sw(const loaded *x, const char *id)
{
    return ledger_find(x->l, TABLE_SOFTWARE, id);
}

static int installed(const loaded *x, const char *id)
{
    int s = sw(x, id);
    return s == ZB_NONE ? -1 : x->facts->installed[s];
}

/* Whether the purchase figure in ROW, COLUMN is LICENSES and FEN 分, and
   shows as WANYUAN. */
static int purchase_is(const loaded *x, int row, int column, long long licenses,
                       zb_money fen, const char *wanyuan)
{
    const zb_purchase_figure *p = &x->s->purchases[row][column];
    char text[32];
    money_format_wanyuan(p->amount, text);
    if (p->licenses == licenses && p->amount == fen && !strcmp(text, wanyuan))
        return 1;
    printf("    purchases[%d][%d] = %lld, %lld 分, %s 万元\n", row, column,
           p->licenses, (long long)p->amount, text);
    return 0;
}

static int holding_is(const loaded *x, int row, int column,
                      long long commercial, long long oem)
{
    const zb_holding_figure *h = &x->s->holdings[row][column];
    if (h->commercial == commercial && h->oem == oem &&
        h->licenses == commercial + oem)
        return 1;
    printf("    holdings[%d][%d] = %lld (%lld + %lld)\n", row, column,
           h->licenses, h->commercial, h->oem);
    return 0;
}

/* ---- the sample ledger --------------------------------------------------- */

static loaded sample;

/* 二、三 (as of 2023-12-25). Staff s01-s31: 31. Computers: TCYB-SV-01/02
   (2 servers); TCYB-PC-001..028 (28 desktops) less PC-004, disposed
   2023-08-15: 27; TCYB-NB-01..05: 5 laptops; 34 in all. Users of those 34:
   everyone but s04 蒙德才, who has no computer (PC-004's user s08 has the
   new PC-028; PC-017 and PC-027 have no user): 30. */
TEST(sample_people_and_computers)
{
    const zb_statistics *s = sample.s;
    EXPECT(s->people == 31 && s->computer_users == 30);
    EXPECT(s->computers[COMPUTER_SERVER] == 2 &&
           s->computers[COMPUTER_DESKTOP] == 27 &&
           s->computers[COMPUTER_LAPTOP] == 5 && s->computers_total == 34);
}

/* 四. Bought in 2023: BG-WPS2023-01 (办公 国内, 10, 6200.00),
   SD-RX2023-01 (杀毒 国内, 34, 3230.00), BG-MSO2021-01 (办公 国外, 2,
   7760.00). Bought in 2022 (WPS 2019, 瑞星 2022, Windows Server): no.
   BG-MSO2016-01 was 调剂: no.
     国内: 办公 10 / 6200.00 = 0.62 万元; 杀毒 34 / 3230.00 = 0.323 -> 0.32;
           总计 44 / 9430.00 = 0.943 -> 0.94
     国外: 办公 2 / 7760.00 = 0.776 -> 0.78; 总计 2 / 0.78
     合计: 办公 12 / 13960.00 = 1.396 -> 1.40; 杀毒 34 / 0.32;
           总计 46 / 17190.00 = 1.719 -> 1.72; 操作系统 0 everywhere. */
TEST(sample_purchases)
{
    const loaded *x = &sample;
    EXPECT(purchase_is(x, ROW_DOMESTIC, CATEGORY_OS, 0, 0, "0.00"));
    EXPECT(purchase_is(x, ROW_DOMESTIC, CATEGORY_OFFICE, 10, 620000, "0.62"));
    EXPECT(
        purchase_is(x, ROW_DOMESTIC, CATEGORY_ANTIVIRUS, 34, 323000, "0.32"));
    EXPECT(purchase_is(x, ROW_DOMESTIC, COLUMN_TOTAL, 44, 943000, "0.94"));
    EXPECT(purchase_is(x, ROW_FOREIGN, CATEGORY_OFFICE, 2, 776000, "0.78"));
    EXPECT(purchase_is(x, ROW_FOREIGN, CATEGORY_ANTIVIRUS, 0, 0, "0.00"));
    EXPECT(purchase_is(x, ROW_FOREIGN, COLUMN_TOTAL, 2, 776000, "0.78"));
    EXPECT(purchase_is(x, ROW_TOTAL, CATEGORY_OS, 0, 0, "0.00"));
    EXPECT(purchase_is(x, ROW_TOTAL, CATEGORY_OFFICE, 12, 1396000, "1.40"));
    EXPECT(purchase_is(x, ROW_TOTAL, CATEGORY_ANTIVIRUS, 34, 323000, "0.32"));
    EXPECT(purchase_is(x, ROW_TOTAL, COLUMN_TOTAL, 46, 1719000, "1.72"));
    EXPECT(purchase_is(x, ROW_TOTAL, CATEGORY_OTHER, 0, 0, "0.00"));
}

/* 五 (as of 2023-12-25). Commercial held: BG-WPS2019-01 30 (办公 国内),
   XT-WS2019-01 2 (操作系统 国外), BG-WPS2023-01 10 (办公 国内),
   SD-RX2023-01 34 (杀毒 国内, term to 2024-06-30), BG-MSO2021-01 2 (办公
   国外). Not held: SD-RX2022-01 (term ended 2023-06-30), BG-MSO2016-01
   (disposed 2023-10-31). OEM copies on their in-service computers:
   Windows 10 1809 on PC-001..003, 005..017 (16) and 20H2 on PC-018..027,
   NB-01, 02, 04, 05 (14): 30 国外; 统信UOS on PC-028: 1 国内. Windows 7 on
   PC-004 (disposed): no. Windows 10 家庭中文版 on NB-03: flagged.
     国内: 操作系统 0+1, 办公 40, 杀毒 34, 总计 74+1 = 75
     国外: 操作系统 2+30, 办公 2, 杀毒 0, 总计 4+30 = 34
     合计: 操作系统 2+31 = 33, 办公 42, 杀毒 34, 总计 78+31 = 109 */
TEST(sample_holdings)
{
    const loaded *x = &sample;
    EXPECT(holding_is(x, ROW_DOMESTIC, CATEGORY_OS, 0, 1));
    EXPECT(holding_is(x, ROW_DOMESTIC, CATEGORY_OFFICE, 40, 0));
    EXPECT(holding_is(x, ROW_DOMESTIC, CATEGORY_ANTIVIRUS, 34, 0));
    EXPECT(holding_is(x, ROW_DOMESTIC, COLUMN_TOTAL, 74, 1));
    EXPECT(holding_is(x, ROW_FOREIGN, CATEGORY_OS, 2, 30));
    EXPECT(holding_is(x, ROW_FOREIGN, CATEGORY_OFFICE, 2, 0));
    EXPECT(holding_is(x, ROW_FOREIGN, CATEGORY_ANTIVIRUS, 0, 0));
    EXPECT(holding_is(x, ROW_FOREIGN, COLUMN_TOTAL, 4, 30));
    EXPECT(holding_is(x, ROW_TOTAL, CATEGORY_OS, 2, 31));
    EXPECT(holding_is(x, ROW_TOTAL, CATEGORY_OFFICE, 42, 0));
    EXPECT(holding_is(x, ROW_TOTAL, CATEGORY_ANTIVIRUS, 34, 0));
    EXPECT(holding_is(x, ROW_TOTAL, COLUMN_TOTAL, 78, 31));
    EXPECT(holding_is(x, ROW_TOTAL, CATEGORY_OTHER, 0, 0));
    EXPECT(x->s->nhome_copies == 1);
    const zb_copy *home = &x->facts->history.copies[x->s->home_copies[0]];
    EXPECT_STR(x->l->software[home->software].id, "OEM-WIN10HOME");
    EXPECT_STR(x->l->computers[home->computer].id, "TCYB-NB-03");
}

/* 附件7 安装数量 on 2023-12-25.
   WPS 2019: installed on 30 computers in 2022 (PC-001..016, 018..026,
     NB-01..05), upgraded on PC-018..026 and PC-005 (10), uninstalled from
     PC-004 before its disposal, installed on PC-028: 30 - 11 + 1 = 20.
   WPS 2023: the 10 upgrades. 瑞星 2023: replaced 瑞星 2022 on all 34, then
     PC-004 off, PC-028 on: 34; 瑞星 2022: 0. Windows Server: 2.
   Office 2016: on PC-014..016, all uninstalled: 0; Office 2021: 2.
   OEM: Windows 7 0 (PC-004 disposed), 1809 16, 20H2 14, 家庭版 1, UOS 1.
   360安全卫士: 32 installs (not on the servers), PC-004 off, PC-028 on: 32.
   360杀毒 0, 腾讯管家 1 (PC-019), 福昕 1 (PC-022, V11 -> V12). */
TEST(sample_installed)
{
    const loaded *x = &sample;
    static const struct {
        const char *id;
        int count;
    } want[] = {{"BG-WPS2019-01", 20},     {"SD-RX2022-01", 0},
                {"XT-WS2019-01", 2},       {"BG-MSO2016-01", 0},
                {"BG-WPS2023-01", 10},     {"SD-RX2023-01", 34},
                {"BG-MSO2021-01", 2},      {"OEM-WIN7PRO", 0},
                {"OEM-WIN10PRO-1809", 16}, {"OEM-WIN10PRO-20H2", 14},
                {"OEM-WIN10HOME", 1},      {"OEM-UOS20PRO", 1},
                {"SD360AQWS0", 32},        {"SD360SD000", 0},
                {"TXGJSDRJ00", 1},         {"QT-FOXIT00", 1}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (installed(x, want[i].id) != want[i].count) {
            EXPECT(installed(x, want[i].id) == want[i].count);
            printf("    %s: %d\n", want[i].id, installed(x, want[i].id));
        }
}

/* The 附件8 row of copy C as "staff computer software" ("-" for no user). */
static void row_text(const loaded *x, size_t row, char *out, size_t size)
{
    const zb_copy *c = &x->facts->history.copies[x->facts->installations[row]];
    int user = x->l->computers[c->computer].user;
    snprintf(out, size, "%s %s %s",
             user == ZB_NONE ? "-" : x->l->staff[user].id,
             x->l->computers[c->computer].id, x->l->software[c->software].id);
}

/* 附件8: one row per installed copy, 20 + 10 + 34 + 2 + 2 + 16 + 14 + 1 + 1
   + 32 + 1 + 1 = 134. Departments in ledger order, 局领导 first: s01's
   NB-01 holds WPS 2019, 瑞星 2023, Windows 10 20H2 and 360 (catalogue
   order). In 办公室, s06 has TCYB-SV-01 (listed before PC-002 in the
   ledger); after s08 (PC-028) comes PC-017, which has no user: 瑞星 2023,
   Windows 10 1809, 360; then 规划财务股 starts with s09. */
TEST(sample_installations)
{
    const loaded *x = &sample;
    EXPECT(x->facts->ninstallations == 134);
    static const char *const want[] = {
        "s01 TCYB-NB-01 BG-WPS2019-01", "s01 TCYB-NB-01 SD-RX2023-01",
        "s01 TCYB-NB-01 OEM-WIN10PRO-20H2", "s01 TCYB-NB-01 SD360AQWS0",
        "s02 TCYB-NB-02 BG-WPS2019-01"};
    char got[128];
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        row_text(x, i, got, sizeof got);
        EXPECT_STR(got, want[i]);
    }
    /* s01-s03: 3 laptops x 4; s05 PC-001: 4 */
    row_text(x, 16, got, sizeof got);
    EXPECT_STR(got, "s06 TCYB-SV-01 XT-WS2019-01");
    row_text(x, 18, got, sizeof got);
    EXPECT_STR(got, "s06 TCYB-PC-002 BG-WPS2019-01");
    /* s06 PC-002 4, s07 PC-003 4, s08 PC-028 4 (WPS 2019, 瑞星, UOS, 360) */
    row_text(x, 29, got, sizeof got);
    EXPECT_STR(got, "s08 TCYB-PC-028 SD360AQWS0");
    row_text(x, 30, got, sizeof got);
    EXPECT_STR(got, "- TCYB-PC-017 SD-RX2023-01");
    row_text(x, 32, got, sizeof got);
    EXPECT_STR(got, "- TCYB-PC-017 SD360AQWS0");
    row_text(x, 33, got, sizeof got);
    EXPECT_STR(got, "s09 TCYB-PC-005 BG-WPS2023-01");
}

/* 附件4: 620.00 x 10 = 6200.00, 95.00 x 34 = 3230.00, 3880.00 x 2 =
   7760.00; 共计 17190.00. */
TEST(sample_plan)
{
    const zb_facts *f = sample.facts;
    EXPECT(f->item_totals[0] == 620000 && f->item_totals[1] == 323000 &&
           f->item_totals[2] == 776000 && f->plan_totals[0] == 1719000);
}

/* ---- tests/data/derive/holdings.xml -------------------------------------- */

/* As of 2023-12-31. Purchases: A (2022-12-31) no; B (2023-01-01) 办公 国内
   3 / 200.00; C (2023-12-31) 杀毒 国外 7 / 300.00; G (2023-03-01, disposed
   on the as-of date) 办公 国外 2 / 50.00; H 其他 国内 1 / 80.00; D
   donated: no.
     国内: 办公 3 / 0.02, 总计 3 / 0.02; 其他 1 / 0.008 -> 0.01
     国外: 办公 2 / 0.005 -> 0.01 (half up), 杀毒 7 / 0.03,
           总计 9 / 350.00 = 0.035 -> 0.04
     合计: 办公 5 / 250.00 = 0.025 -> 0.03, 杀毒 7 / 0.03,
           总计 12 / 550.00 = 0.055 -> 0.06 */
TEST(boundary_purchases)
{
    loaded x;
    if (!load("tests/data/derive/holdings.xml", &x)) {
        EXPECT(0);
        return;
    }
    EXPECT(purchase_is(&x, ROW_DOMESTIC, CATEGORY_OFFICE, 3, 20000, "0.02"));
    EXPECT(purchase_is(&x, ROW_DOMESTIC, COLUMN_TOTAL, 3, 20000, "0.02"));
    EXPECT(purchase_is(&x, ROW_DOMESTIC, CATEGORY_OTHER, 1, 8000, "0.01"));
    EXPECT(purchase_is(&x, ROW_DOMESTIC, CATEGORY_OS, 0, 0, "0.00"));
    EXPECT(purchase_is(&x, ROW_FOREIGN, CATEGORY_OFFICE, 2, 5000, "0.01"));
    EXPECT(purchase_is(&x, ROW_FOREIGN, CATEGORY_ANTIVIRUS, 7, 30000, "0.03"));
    EXPECT(purchase_is(&x, ROW_FOREIGN, COLUMN_TOTAL, 9, 35000, "0.04"));
    EXPECT(purchase_is(&x, ROW_TOTAL, CATEGORY_OFFICE, 5, 25000, "0.03"));
    EXPECT(purchase_is(&x, ROW_TOTAL, COLUMN_TOTAL, 12, 55000, "0.06"));
    EXPECT(purchase_is(&x, ROW_TOTAL, CATEGORY_OTHER, 1, 8000, "0.01"));
    unload(&x);
}

/* Held on 2023-12-31: A 5, B 3 (办公 国内); D 4 (操作系统 国内, donated);
   F 6 (杀毒 国内, term ends on the as-of date); C 7 (杀毒 国外); H 1 (其他
   国内). Not: E (term ended 2023-12-30), G (disposed 2023-12-31). OEM:
   Windows 10 on PC-01 1 (操作系统 国外); Windows 7 on PC-02 (disposed in
   June) and SV-01 (disposed on the as-of date): no; UOS on NB-02 (bought
   2024-01-05): no; 家庭版 on NB-01: flagged, not counted. I (办公 国外 2,
   disposed 2024-02-01, after the as-of date): held.
     国内: 操作系统 4+0, 办公 8, 杀毒 6, 总计 18; 其他 1
     国外: 操作系统 0+1, 办公 2, 杀毒 7, 总计 9+1
     合计: 操作系统 4+1, 办公 10, 杀毒 13, 总计 27+1 */
TEST(boundary_holdings)
{
    loaded x;
    if (!load("tests/data/derive/holdings.xml", &x)) {
        EXPECT(0);
        return;
    }
    EXPECT(holding_is(&x, ROW_DOMESTIC, CATEGORY_OS, 4, 0));
    EXPECT(holding_is(&x, ROW_DOMESTIC, CATEGORY_OFFICE, 8, 0));
    EXPECT(holding_is(&x, ROW_DOMESTIC, CATEGORY_ANTIVIRUS, 6, 0));
    EXPECT(holding_is(&x, ROW_DOMESTIC, COLUMN_TOTAL, 18, 0));
    EXPECT(holding_is(&x, ROW_DOMESTIC, CATEGORY_OTHER, 1, 0));
    EXPECT(holding_is(&x, ROW_FOREIGN, CATEGORY_OS, 0, 1));
    EXPECT(holding_is(&x, ROW_FOREIGN, CATEGORY_OFFICE, 2, 0));
    EXPECT(holding_is(&x, ROW_FOREIGN, CATEGORY_ANTIVIRUS, 7, 0));
    EXPECT(holding_is(&x, ROW_FOREIGN, COLUMN_TOTAL, 9, 1));
    EXPECT(holding_is(&x, ROW_TOTAL, CATEGORY_OS, 4, 1));
    EXPECT(holding_is(&x, ROW_TOTAL, CATEGORY_OFFICE, 10, 0));
    EXPECT(holding_is(&x, ROW_TOTAL, CATEGORY_ANTIVIRUS, 13, 0));
    EXPECT(holding_is(&x, ROW_TOTAL, COLUMN_TOTAL, 27, 1));
    EXPECT(x.s->nhome_copies == 1 && installed(&x, "OEM-HOME") == 1);
    EXPECT(installed(&x, "OEM-W7") == 0 && installed(&x, "OEM-UOS") == 0);
    unload(&x);
}

/* In service on 2023-12-31: PC-01 (desktop, s3), NB-01 (laptop, s1),
   NB-03 (laptop, s4, disposed only in 2024). Not: PC-02 (disposed
   2023-06-30), SV-01 (disposed on the as-of date), NB-02 (s2's, bought
   2024-01-05). */
TEST(boundary_computers)
{
    loaded x;
    if (!load("tests/data/derive/holdings.xml", &x)) {
        EXPECT(0);
        return;
    }
    EXPECT(x.s->people == 4 && x.s->computer_users == 3);
    EXPECT(x.s->computers[COMPUTER_SERVER] == 0 &&
           x.s->computers[COMPUTER_DESKTOP] == 1 &&
           x.s->computers[COMPUTER_LAPTOP] == 2 && x.s->computers_total == 3);
    unload(&x);
}

/* ---- tests/data/derive/cents.xml ----------------------------------------- */

/* 杀毒 国内: 249.00 + 10 x 0.10 = 250.00 元 = 0.025 万元 -> 0.03, 11 licences
   (in binary floating point, added in ledger order: 249.99999999999994,
   which would give 0.02). 办公: 国内 1234.50 -> 0.12345 -> 0.12, 国外
   1115.50 -> 0.11155 -> 0.11, 合计 2350.00 -> 0.235 -> 0.24 (not 0.23).
   总计: 国内 1484.50 -> 0.15, 国外 0.11, 合计 2600.00 -> 0.26.
   LATE (杀毒 国内, 5 licences, bought 2023-12-28, after the as-of date
   2023-12-20): neither bought this year nor held, so 杀毒 国内 holds 11.
   附件4: 0.10 x 3 = 0.30, 1234.56 x 7 = 8641.92, 共计 8642.22. */
TEST(cents)
{
    loaded x;
    if (!load("tests/data/derive/cents.xml", &x)) {
        EXPECT(0);
        return;
    }
    EXPECT(
        purchase_is(&x, ROW_DOMESTIC, CATEGORY_ANTIVIRUS, 11, 25000, "0.03"));
    EXPECT(purchase_is(&x, ROW_DOMESTIC, CATEGORY_OFFICE, 1, 123450, "0.12"));
    EXPECT(purchase_is(&x, ROW_FOREIGN, CATEGORY_OFFICE, 1, 111550, "0.11"));
    EXPECT(purchase_is(&x, ROW_TOTAL, CATEGORY_OFFICE, 2, 235000, "0.24"));
    EXPECT(purchase_is(&x, ROW_DOMESTIC, COLUMN_TOTAL, 12, 148450, "0.15"));
    EXPECT(purchase_is(&x, ROW_TOTAL, COLUMN_TOTAL, 13, 260000, "0.26"));
    EXPECT(holding_is(&x, ROW_DOMESTIC, CATEGORY_ANTIVIRUS, 11, 0));
    EXPECT(x.facts->item_totals[0] == 30 && x.facts->item_totals[1] == 864192 &&
           x.facts->plan_totals[0] == 864222);
    unload(&x);
}

/* Derive the facts of the ledger TEXT (called big.xml), which must be
   valid; the status of facts_derive(), its diagnostics in D. */
static zb_status derive_text(const char *text, zb_diags *d)
{
    zb_front front;
    zb_facts *facts = NULL;
    zb_status st = text ? front_load_memory(schema, "big.xml", text,
                                            strlen(text), &front, d)
                        : ZB_ERR_NOMEM;
    if (st == ZB_OK)
        st = facts_derive(front.ledger, "big.xml", &facts, d);
    else
        printf("    the ledger does not load\n");
    if (text)
        front_free(&front);
    facts_free(facts);
    return st;
}

/* A product that does not fit in 64 bits: 9999999999999.99 元 x 1000000
   is about 10^21 分. A diagnostic at the item's line, no facts. */
TEST(overflow_is_reported)
{
    char *text = fixture_read("tests/data/derive/cents.xml");
    char *big = text ? fixture_replace(text, "unitPrice=\"0.10\" count=\"3\"",
                                       "unitPrice=\"9999999999999.99\" "
                                       "count=\"1000000\"")
                     : NULL;
    zb_diags d = {0};
    EXPECT(derive_text(big, &d) == ZB_ERR_INVALID);
    EXPECT(d.errors == 1 &&
           d.items[0].line == fixture_line_of(big, "9999999999999.99") &&
           strstr(d.items[0].message, "超出可计算的范围"));
    diags_free(&d);
    free(big);
    free(text);
}

/* 9300 purchases of 9999999999999.99 元 (just under 10^15 分 each) add up
   past 2^63 分: the sum is refused at the entry where it overflows (the
   9224th: 9223 x 999999999999999 < 2^63 - 1 < 9224 x ...). */
TEST(overflowing_sum_is_reported)
{
    char *text = fixture_read("tests/data/derive/cents.xml");
    zb_buf entries = {0};
    for (int i = 0; i < 9300; i++)
        buf_printf(&entries,
                   "<commercial id=\"BIG-%d\" name=\"大额%d\" version=\"1\" "
                   "category=\"杀毒\" origin=\"国内\"><purchase "
                   "date=\"2023-03-01\" amount=\"9999999999999.99\"/><license "
                   "type=\"单机许可\" count=\"1\" term=\"永久\"/>"
                   "</commercial>\n",
                   i, i);
    buf_append_str(&entries, "    <commercial id=\"BG-CN\"");
    char *big = text ? fixture_replace(text, "    <commercial id=\"BG-CN\"",
                                       buf_str(&entries))
                     : NULL;
    zb_diags d = {0};
    EXPECT(derive_text(big, &d) == ZB_ERR_INVALID);
    EXPECT(d.errors == 1 &&
           d.items[0].line == fixture_line_of(big, "\"BIG-9223\""));
    diags_free(&d);
    buf_free(&entries);
    free(big);
    free(text);
}

/* ---- tests/data/derive/log.xml ------------------------------------------- */

/* The running count after each event, in ledger order (1 to 12 below).
   WPS19 in time order: 1 install PC-1 01-10 -> 1; 2 install PC-2 01-10
   -> 2; 3 install PC-3 01-11 -> 3; 6 uninstall PC-2 02-01 -> 2 (written
   after the March upgrade, placed by its date); 4 uninstall PC-1 03-01
   -> 1; 10 install PC-2 05-01 -> 2.
   WPS23: 5 install PC-1 03-01 -> 1.
   OEM-W10: preinstalled on PC-1 and PC-2 (2); 7 uninstall PC-2 -> 1.
   SD360: 8 install PC-2 04-01 -> 1; 9 uninstall PC-2 the same day -> 0;
   11 install SV-1 06-01 -> 1.
   OEM-W10 again: 12 install on SV-1 07-01 -> 2. */
TEST(log_running_counts)
{
    loaded x;
    if (!load("tests/data/derive/log.xml", &x)) {
        EXPECT(0);
        return;
    }
    const zb_facts *f = x.facts;
    static const int running[] = {1, 2, 3, 1, 1, 2, 1, 1, 0, 2, 1, 2};
    EXPECT(x.l->nevents == 12);
    for (size_t e = 0; e < 12 && e < x.l->nevents; e++) {
        int got = f->history.steps[f->history.event_step[e]].running;
        if (got != running[e]) {
            EXPECT(got == running[e]);
            printf("    event %zu: %d, want %d\n", e + 1, got, running[e]);
        }
    }
    /* 附件9 groups in catalogue order, rows in time order */
    int wps19 = sw(&x, "WPS19");
    static const int order[] = {0, 1, 2, 5, 3, 9};
    EXPECT(f->log_start[wps19 + 1] - f->log_start[wps19] == 6);
    for (size_t i = 0; i < 6; i++)
        EXPECT(f->history.steps[f->log[f->log_start[wps19] + i]].event ==
               order[i]);
    int sd = sw(&x, "SD360");
    EXPECT(f->log_start[sd + 1] - f->log_start[sd] == 3 &&
           f->log_start[sd + 1] == x.l->nevents);
    unload(&x);
}

/* On 2023-12-31: WPS19 only on PC-2 (PC-3 disposed 2023-09-30 with it
   still installed), WPS23 on PC-1, Windows 10 on PC-1 and SV-1, 360 on
   SV-1. Only PC-1's Windows counts as a licence (操作系统 国外 1): SV-1's
   copy is not on a computer it came with.
   附件8: 办公室 (s3's PC-1: WPS23, then the OEM copy; then SV-1, no
   user: Windows, 360), then 业务股 (s4's PC-2). */
TEST(log_state_on_the_as_of_date)
{
    loaded x;
    if (!load("tests/data/derive/log.xml", &x)) {
        EXPECT(0);
        return;
    }
    EXPECT(installed(&x, "WPS19") == 1 && installed(&x, "WPS23") == 1 &&
           installed(&x, "OEM-W10") == 2 && installed(&x, "SD360") == 1);
    EXPECT(holding_is(&x, ROW_FOREIGN, CATEGORY_OS, 0, 1));
    static const char *const want[] = {"s3 PC-1 WPS23", "s3 PC-1 OEM-W10",
                                       "- SV-1 OEM-W10", "- SV-1 SD360",
                                       "s4 PC-2 WPS19"};
    char got[64];
    EXPECT(x.facts->ninstallations == 5);
    for (size_t i = 0; i < 5 && i < x.facts->ninstallations; i++) {
        row_text(&x, i, got, sizeof got);
        EXPECT_STR(got, want[i]);
    }
    const zb_copy *oem = &x.facts->history.copies[x.facts->installations[1]];
    EXPECT(oem->from == 20200101 && oem->install_event == ZB_NONE &&
           oem->own_machine);
    const zb_copy *moved = &x.facts->history.copies[x.facts->installations[2]];
    EXPECT(moved->from == 20230701 && moved->install_event == 11 &&
           !moved->own_machine);
    unload(&x);
}

/* The history answers for earlier days too (issue 6's audit). WPS19 on
   2023-02-15: PC-1 (until 03-01) and PC-3 (until its disposal); not PC-2
   (uninstalled 02-01, back 05-01): 2. At most 3 at once (2023-01-11). */
TEST(history_on_earlier_days)
{
    loaded x;
    if (!load("tests/data/derive/log.xml", &x)) {
        EXPECT(0);
        return;
    }
    const zb_history *h = &x.facts->history;
    int wps19 = sw(&x, "WPS19"), on_feb15 = 0, most = 0;
    for (size_t i = 0; i < h->ncopies; i++)
        on_feb15 += h->copies[i].software == wps19 &&
                    history_installed_on(&h->copies[i], 20230215);
    for (size_t i = 0; i < h->nsteps; i++)
        if (h->steps[i].software == wps19 && h->steps[i].running > most)
            most = h->steps[i].running;
    EXPECT(on_feb15 == 2 && most == 3);
    /* the disposal ends PC-3's copy: a step of its own on 2023-09-30 */
    size_t disposals = 0;
    for (size_t i = 0; i < h->nsteps; i++)
        if (h->steps[i].kind == STEP_DISPOSED) {
            disposals++;
            EXPECT(h->steps[i].date == 20230930 &&
                   h->steps[i].software == wps19 && h->steps[i].running == 1);
        }
    EXPECT(disposals == 1);
    unload(&x);
}

/* ---- the facts in the ledger document ------------------------------------ */

static double xpath_number(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "l", BAD_CAST LEDGER_NAMESPACE);
    xmlXPathRegisterNs(ctx, BAD_CAST "f", BAD_CAST FACTS_NAMESPACE);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    double v = r ? xmlXPathCastToNumber(r) : -1;
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return v;
}

/* What a stylesheet sees: /l:ledger/f:facts, the root's last child. */
TEST(facts_in_the_ledger_document)
{
    xmlDocPtr doc = sample.front.doc;
    EXPECT(facts_append(sample.facts, FACTS_LARGE_PARTS, doc) == ZB_OK);
    xmlNodePtr last = xmlGetLastChild(xmlDocGetRootElement(doc));
    EXPECT(last && !strcmp((const char *)last->name, "facts"));
    EXPECT(xpath_number(doc, "count(/l:ledger/f:facts)") == 1);
    EXPECT(xpath_number(doc, "count(/l:ledger/f:facts/f:installations/"
                             "f:installation)") == 134);
    EXPECT(xpath_number(doc, "/l:ledger/f:facts/f:statistics/f:holdings/"
                             "f:row[@origin='合计']/f:cell[@category='总计']/"
                             "@licenses") == 109);
    EXPECT(xpath_number(doc, "sum(/l:ledger/f:facts/f:software/f:entry/"
                             "@installed)") == 134);
    EXPECT(xpath_number(doc, "count(/l:ledger/f:facts/f:log/f:software/"
                             "f:row)") == 204);
    /* a log row names the line of its event */
    EXPECT(xpath_number(doc, "/l:ledger/f:facts/f:log/f:software[@id="
                             "'QT-FOXIT00']/f:row[1]/@line") ==
           fixture_line_of(sample.front.source.text,
                           "software=\"QT-FOXIT00\" computer"));
    /* 附件11: the events citing QR2023-001, the uninstall and the install
       of one upgrade */
    EXPECT(xpath_number(doc, "count(/l:ledger/f:facts/f:confirmations/"
                             "f:confirmation[@id='QR2023-001']/f:event)") == 2);
    EXPECT(facts_parts_in(doc) == FACTS_LARGE_PARTS);
    facts_remove_parts(doc, FACTS_LARGE_PARTS);
    xmlNodePtr facts = xmlGetLastChild(xmlDocGetRootElement(doc));
    xmlUnlinkNode(facts);
    xmlFreeNode(facts);
}

/* A copy too large for one piece is laid out a range of its rows at a
   time: of WPS19's six rows (the events of lines 74, 75, 76, 79, 77 and
   83, in that order) the rows 3 to 5 are those of lines 76, 79 and 77. */
TEST(log_rows_of_one_copy)
{
    loaded x;
    if (!load("tests/data/derive/log.xml", &x)) {
        EXPECT(0);
        return;
    }
    xmlDocPtr doc = x.front.doc;
    size_t wps19 = (size_t)sw(&x, "WPS19");
    EXPECT(facts_append(x.facts, 0, doc) == ZB_OK);
    EXPECT(facts_add_rows(x.facts, FACTS_LOG, wps19, wps19 + 1, 2, 5, doc) ==
           ZB_OK);
    EXPECT(xpath_number(doc, "count(//f:log/f:software)") == 1);
    EXPECT(xpath_number(doc, "count(//f:log/f:software/f:row)") == 3);
    EXPECT(xpath_number(doc, "number(//f:log/f:software/f:row[1]/@line)") ==
           76);
    EXPECT(xpath_number(doc, "sum(//f:log/f:software/f:row/@line)") == 232);
    facts_remove_parts(doc, FACTS_LOG);
    /* past the end: the rows that are there */
    EXPECT(facts_add_rows(x.facts, FACTS_LOG, wps19, wps19 + 1, 4, 99, doc) ==
           ZB_OK);
    EXPECT(xpath_number(doc, "sum(//f:log/f:software/f:row/@line)") ==
           77 + 83);
    unload(&x);
}

/* The large parts come and go one form at a time; the rest stays. */
TEST(facts_parts_added_and_removed)
{
    xmlDocPtr doc = sample.front.doc;
    EXPECT(facts_append(sample.facts, 0, doc) == ZB_OK);
    EXPECT(xpath_number(doc, "count(/l:ledger/f:facts/*)") == 4);
    EXPECT(xpath_number(doc, "count(//f:installation)") == 0);
    EXPECT(facts_add_parts(sample.facts, FACTS_LOG, doc) == ZB_OK);
    EXPECT(xpath_number(doc, "count(/l:ledger/f:facts/f:log/f:software/"
                             "f:row)") == 204);
    EXPECT(xpath_number(doc, "count(//f:installation)") == 0);
    EXPECT(xpath_number(doc, "count(//f:confirmation)") == 0);
    EXPECT(facts_parts_in(doc) == FACTS_LOG);
    facts_remove_parts(doc, FACTS_INSTALLATIONS);
    EXPECT(facts_parts_in(doc) == FACTS_LOG);
    facts_remove_parts(doc, FACTS_LOG);
    EXPECT(facts_parts_in(doc) == 0);
    EXPECT(xpath_number(doc, "count(/l:ledger/f:facts/*)") == 4);
    EXPECT(facts_add_parts(sample.facts,
                           facts_part_named("installations", 13) |
                               facts_part_named("confirmations", 13),
                           doc) == ZB_OK);
    EXPECT(xpath_number(doc, "count(//f:installation)") == 134);
    EXPECT(xpath_number(doc, "count(//f:confirmation)") == 9);
    EXPECT(xpath_number(doc, "count(/l:ledger/f:facts/f:log)") == 0);
    EXPECT(facts_part_named("statistics", 10) == 0);
    EXPECT(facts_part_named("log", 3) == FACTS_LOG);
    facts_remove_parts(doc, FACTS_INSTALLATIONS);
    EXPECT(facts_parts_in(doc) == FACTS_CONFIRMATIONS);
    facts_remove_parts(doc, FACTS_LARGE_PARTS);
    EXPECT(xpath_number(doc, "count(/l:ledger/f:facts/*)") == 4);
}

int main(void)
{
    xml_init();
    schema = fixture_schema();
    if (!schema ||
        !load("sample-data/county-medical-insurance-2023.xml", &sample)) {
        printf("FAIL setup: the sample ledger does not load under %s\n",
               fixture_top());
        return 1;
    }
    RUN(sample_people_and_computers);
    RUN(sample_purchases);
    RUN(sample_holdings);
    RUN(sample_installed);
    RUN(sample_installations);
    RUN(sample_plan);
    RUN(boundary_purchases);
    RUN(boundary_holdings);
    RUN(boundary_computers);
    RUN(cents);
    RUN(overflow_is_reported);
    RUN(overflowing_sum_is_reported);
    RUN(log_running_counts);
    RUN(log_rows_of_one_copy);
    RUN(log_state_on_the_as_of_date);
    RUN(history_on_earlier_days);
    RUN(facts_in_the_ledger_document);
    RUN(facts_parts_added_and_removed);
    unload(&sample);
    schema_close(schema);
    xml_cleanup();
    return test_summary();
}
