/* Unit tests for the XLSX renderer's parts: text measuring and composing
   (xlsx_text.c), the sheet plan (xlsx_plan.c), total formulas
   (xlsx_formula.c) and the workbook entry points (xlsx.c). What the
   workbooks hold is checked by a real reader in tests/e2e/xlsx.sh. */
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include <xlsxwriter.h>

#include "core/buf.h"
#include "core/fileio.h"
#include "core/zipfile.h"
#include "parse/xml_load.h"
#include "render/xlsx.h"
#include "render/xlsx_sheet.h"

#define IDSP "\xE3\x80\x80" /* U+3000 */

/* A layout document with one 10 pt style "s" and the sections SECTIONS. */
static lo_document *layout(const char *sections)
{
    zb_buf b = {0};
    buf_printf(&b, "<document xmlns='urn:zhengban:layout:1'>"
               "<meta title='t' created='2023-12-31'/><styles>"
               "<style name='s' font='宋体' size='10pt'/></styles>%s"
               "</document>", sections);
    zb_diags d = {0};
    xmlDocPtr xml;
    lo_document *doc = NULL;
    if (xml_load_memory(b.data, b.len, "t.xml", &d, &xml) == ZB_OK) {
        if (layout_read_doc(xml, "t.xml", &d, &doc) != ZB_OK)
            diags_print(&d, stdout);
        xmlFreeDoc(xml);
    }
    buf_free(&b);
    diags_free(&d);
    return doc;
}

static int near(double a, double b)
{
    return fabs(a - b) < 0.01;
}

/* How often NEEDLE occurs in the LEN bytes at DATA. */
static size_t occurrences(const char *data, size_t len, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (size_t i = 0; i + k <= len; i++)
        n += !memcmp(data + i, needle, k);
    return n;
}

/* Do the LEN bytes at DATA hold the string S? */
static int holds(const char *data, size_t len, const char *s)
{
    return occurrences(data, len, s) > 0;
}

/* Plan the first section of DOC into PLAN; the cells' positions are
   returned (free pos->at). */
static xlsx_cells plan_first(const lo_document *doc, xlsx_plan *plan)
{
    zb_diags d = {0};
    xlsx_cells pos = {calloc(doc->cell_count + 1, sizeof *pos.at), 0};
    xlsx_text text = {0};
    EXPECT(xlsx_plan_section(doc, &doc->sections[0], &pos, &text, plan,
                             &d) == ZB_OK);
    xlsx_text_free(&text);
    diags_free(&d);
    return pos;
}

/* ------------------------------------------------------------- text */

TEST(measures_cjk_as_one_em_and_latin_as_less)
{
    lo_document *doc = layout("<section name='a'><p style='s'>x</p></section>");
    EXPECT(doc);
    if (!doc)
        return;
    const lo_style *s = &doc->styles[0];
    xlsx_text t = {0};
    xlsx_text_add(&t, s, "软件ab");
    EXPECT(near(xlsx_text_width(&t, 0), 20 + 2 * 5.5));
    EXPECT(near(xlsx_text_width(&t, strlen("软件")), 11));
    EXPECT(xlsx_text_lines(&t, 100) == 1);
    EXPECT(xlsx_text_lines(&t, 25) == 2);
    xlsx_text_reset(&t);
    xlsx_text_add(&t, s, "一二三四五六七八九十");  /* 100 pt */
    EXPECT(xlsx_text_lines(&t, 50) == 2);
    EXPECT(xlsx_text_lines(&t, 49) == 3);
    EXPECT(near(xlsx_text_height(&t, s, 50), 2 * 13));
    xlsx_text_reset(&t);
    xlsx_text_add(&t, s, "Office 2019\n专业版");
    EXPECT(xlsx_text_lines(&t, 40) == 3);  /* words are not broken */
    xlsx_text_reset(&t);
    xlsx_text_add(&t, s, "YFYB-PC-000000001");  /* 93.5 pt, no space */
    EXPECT(xlsx_text_lines(&t, 40) == 3);
    xlsx_text_reset(&t);
    EXPECT(near(xlsx_text_height(&t, s, 40), 13));  /* an empty cell */
    xlsx_text_free(&t);
    layout_free_doc(doc);
}

TEST(pads_with_ideographic_then_ascii_spaces)
{
    lo_document *doc = layout("<section name='a'><p style='s'>x</p></section>");
    EXPECT(doc);
    if (!doc)
        return;
    xlsx_text t = {0};
    xlsx_text_add_space(&t, &doc->styles[0], 31.5);  /* 3 em, 1.5 pt */
    EXPECT_STR(buf_str(&t.buf), IDSP IDSP IDSP);
    xlsx_text_reset(&t);
    xlsx_text_add_space(&t, &doc->styles[0], 29);  /* 2 em, 9 pt ~ 2 x 5.5 */
    EXPECT_STR(buf_str(&t.buf), IDSP IDSP "  ");
    xlsx_text_free(&t);
    layout_free_doc(doc);
}

TEST(composes_paragraphs_signatures_and_fields)
{
    lo_document *doc = layout(
        "<section name='a'><p style='s' indent='2'>承诺<span style='s'>"
        "书</span></p>"
        "<signature style='s' label='审核人：' gap='2'/>"
        "<signature style='s' label='签字：' gap='1' date='2023-09-01'/>"
        "<fields style='s'><field label='甲：'>一</field>"
        "<field label='乙：'>二</field></fields></section>");
    EXPECT(doc);
    if (!doc)
        return;
    const lo_block *b = doc->sections[0].blocks;
    xlsx_text t = {0};
    xlsx_text_para(&t, &b[0].u.para);
    EXPECT_STR(buf_str(&t.buf), IDSP IDSP "承诺书");
    EXPECT(xlsx_text_style(&t) == &doc->styles[0]);
    xlsx_text_reset(&t);
    xlsx_text_signature(&t, &b[1].u.signature);
    EXPECT_STR(buf_str(&t.buf), "审核人：" IDSP IDSP "年" IDSP IDSP "月" IDSP
                                IDSP "日");
    xlsx_text_reset(&t);
    xlsx_text_signature(&t, &b[2].u.signature);
    EXPECT_STR(buf_str(&t.buf), "签字：" IDSP "2023年9月1日");
    xlsx_text_reset(&t);
    /* 100 pt less an em of slack: "甲：一", 4 em of blanks, "乙：二" */
    xlsx_text_fields(&t, &b[3].u.fields, 110);
    EXPECT_STR(buf_str(&t.buf), "甲：一" IDSP IDSP IDSP IDSP "乙：二");
    xlsx_text_reset(&t);
    xlsx_text_fields(&t, &b[3].u.fields, 60);  /* too narrow: two lines */
    EXPECT_STR(buf_str(&t.buf), "甲：一\n乙：二");
    xlsx_text_free(&t);
    layout_free_doc(doc);
}

TEST(aligns_blocks_of_a_cell)
{
    lo_document *doc = layout(
        "<section name='a'><table style='s'><col/><row>"
        "<cell><p style='s'>同意。</p><signature style='s' label='审核人：'"
        " gap='0' date='none'/></cell></row><row><cell><signature "
        "style='s' label='审核人：' date='none'/></cell></row></table>"
        "</section>");
    EXPECT(doc);
    if (!doc)
        return;
    const lo_table *tb = &doc->sections[0].blocks[0].u.table;
    xlsx_text t = {0};
    /* 100 pt: "审核人：" is 40, an em is kept spare, 50 pt of padding */
    EXPECT(xlsx_text_blocks(&t, tb->rows[0].cells[0].more->blocks, 2, 100) ==
           LO_ALIGN_LEFT);
    EXPECT_STR(buf_str(&t.buf), "同意。\n" IDSP IDSP IDSP IDSP IDSP "审核人：");
    xlsx_text_reset(&t);
    EXPECT(xlsx_text_blocks(&t, tb->rows[1].cells[0].more->blocks, 1,
                            100) ==
           LO_ALIGN_RIGHT);
    xlsx_text_free(&t);
    layout_free_doc(doc);
}

/* ------------------------------------------------------------- plan */

TEST(plans_a_shared_grid_rows_and_breaks)
{
    lo_document *doc = layout(
        "<section name='a' margin-left='0' margin-right='0'>"
        "<p style='s'>标题</p><space height='5'/>"
        "<table style='s' header-rows='1'><col width='105'/><col width='105'/>"
        "<row><cell>甲</cell><cell>乙</cell></row>"
        "<row><cell>1</cell><cell>2</cell></row>"
        "<row><cell>3</cell><cell>4</cell></row>"
        "<row><cell>5</cell><cell>6</cell></row></table><page-break/>"
        "<table style='s' header-rows='1'><col width='70'/><col width='70'/>"
        "<col width='70'/><row><cell>a</cell><cell>b</cell><cell>c</cell>"
        "</row><row><cell>1</cell><cell>2</cell><cell>3</cell></row>"
        "<row><cell>4</cell><cell>5</cell><cell>6</cell></row></table>"
        "<space height='5'/><p style='s'>尾</p></section>");
    EXPECT(doc);
    if (!doc)
        return;
    xlsx_plan plan;
    xlsx_cells pos = plan_first(doc, &plan);
    /* boundaries 0, 70, 105, 140, 210 mm */
    EXPECT(plan.col_count == 4);
    EXPECT(near(plan.grid[2], 105 * LO_PT_PER_MM));
    EXPECT(plan.colmap[2][1] == 2 && plan.colmap[4][1] == 1 &&
           plan.colmap[4][2] == 3 && plan.colmap[4][3] == 4);
    /* 标题, blank, table 1 (4 rows), break, table 2 (3 rows), blank, 尾 */
    EXPECT(plan.block_row[0] == 0 && plan.block_row[2] == 2 &&
           plan.block_row[4] == 6 && plan.block_row[6] == 10);
    EXPECT(near(plan.heights[1], 5 * LO_PT_PER_MM) &&
           near(plan.heights[9], 5 * LO_PT_PER_MM));
    EXPECT(plan.row_count == 11);
    EXPECT(plan.break_count == 1 && plan.breaks[0] == 6 && !plan.breaks[1]);
    /* table 1 is longer, but a page break follows it */
    EXPECT(plan.repeat_first == 6 && plan.repeat_last == 6);
    const lo_cell *c = &doc->sections[0].blocks[4].u.table.rows[2].cells[2];
    EXPECT(pos.at[c->seq].row == 8 && pos.at[c->seq].col == 3);
    xlsx_plan_free(&plan);
    free(pos.at);
    layout_free_doc(doc);
}

/* ---------------------------------------------------------- formulas */

/* The formula of the last cell of the first table of DOC. */
static void expect_formula(const char *section, const char *want)
{
    lo_document *doc = layout(section);
    EXPECT(doc);
    if (!doc)
        return;
    zb_buf f = {0};
    xlsx_plan plan;
    xlsx_cells pos = plan_first(doc, &plan);
    const lo_table *t = &doc->sections[0].blocks[0].u.table;
    const lo_row *last = &t->rows[t->row_count - 1];
    EXPECT(xlsx_formula(&last->cells[last->cell_count - 1], &pos, &f) ==
           ZB_OK);
    EXPECT_STR(buf_str(&f), want);
    xlsx_plan_free(&plan);
    free(pos.at);
    buf_free(&f);
    layout_free_doc(doc);
}

TEST(writes_sum_formulas_over_ranges)
{
    expect_formula(
        "<section name='a'><table style='s'><col/><col/><col/>"
        "<row><cell type='integer' id='a1'>1</cell><cell type='integer' "
        "id='b1'>2</cell><cell type='integer' id='c1'>3</cell></row>"
        "<row><cell type='integer' id='a2'>1</cell><cell type='integer' "
        "id='b2'>2</cell><cell type='integer' id='c2'>3</cell></row>"
        "<row><cell type='integer' id='a3'>1</cell><cell/><cell/></row>"
        "<row><cell/><cell/><cell type='integer' "
        "sum='c1 a2 b1 a1 b2 a3 c1'>13</cell></row></table></section>",
        "SUM(A1:A3,B1:B2,C1,C1)");
    expect_formula(
        "<section name='a'><table style='s'><col/><col/><col/>"
        "<row><cell type='integer' id='a1'>1</cell><cell type='integer' "
        "id='b1'>2</cell><cell/></row>"
        "<row><cell type='integer' id='a2'>1</cell><cell type='integer' "
        "id='b2'>2</cell><cell type='integer' sum='a1 a2 b1 b2'>6</cell>"
        "</row></table></section>",
        "SUM(A1:B2)");
}

TEST(rounds_products_and_sums_to_the_cells_decimals)
{
    expect_formula(
        "<section name='a'><table style='s'><col/><col/><col/>"
        "<row><cell type='money' id='p'>12.50</cell><cell type='integer' "
        "id='n'>3</cell><cell type='money' product='p n'>37.50</cell></row>"
        "</table></section>",
        "A1*B1");
    expect_formula(
        "<section name='a'><table style='s'><col/><col/><col/>"
        "<row><cell type='money' id='p'>1.10</cell><cell type='money' "
        "decimals='4' id='q'>0.0051</cell><cell type='money' sum='p q'>"
        "1.11</cell></row></table></section>",
        "ROUND(SUM(A1:B1),2)");
}

TEST(nests_sums_of_more_than_255_arguments)
{
    zb_buf b = {0}, sum = {0};
    buf_append_str(&b, "<section name='a'><table style='s'><col/><col/>");
    for (int i = 0; i < 600; i++) {
        buf_printf(&b, "<row><cell type='integer' id='n%d'>1</cell><cell/>"
                   "</row><row><cell/><cell/></row>", i);
        buf_printf(&sum, " n%d", i);
    }
    buf_printf(&b, "<row><cell/><cell type='integer' sum='%s'>600</cell>"
               "</row></table></section>", sum.data + 1);
    lo_document *doc = layout(b.data);
    EXPECT(doc);
    if (doc) {
        zb_buf f = {0};
        xlsx_plan plan;
        xlsx_cells pos = plan_first(doc, &plan);
        const lo_table *t = &doc->sections[0].blocks[0].u.table;
        EXPECT(xlsx_formula(&t->rows[1200].cells[1], &pos, &f) == ZB_OK);
        /* 600 cells: 3 inner SUMs of at most 255 */
        EXPECT(!strncmp(f.data, "SUM(SUM(A1,A3,", 14));
        size_t calls = 0, args = 0;
        for (const char *p = f.data; (p = strstr(p, "SUM(")); p++)
            calls++;
        for (const char *p = f.data; *p; p++)
            args += *p == 'A';
        EXPECT(calls == 4 && args == 600);
        xlsx_plan_free(&plan);
        free(pos.at);
        buf_free(&f);
        layout_free_doc(doc);
    }
    buf_free(&b);
    buf_free(&sum);
}

/* ---------------------------------------------------------- workbook */

/* Make the folder DIR (a mkdtemp() template) and PATH, a workbook in it. */
static void temp_path(char *dir, char *path, size_t size)
{
    EXPECT(mkdtemp(dir) != NULL);
    snprintf(path, size, "%s/t.xlsx", dir);
}

/* The number of worksheets of the workbook PATH: its zip directory names
   the parts xl/worksheets/sheetN.xml. */
static int sheet_count(const char *path)
{
    zb_diags d = {0};
    char *data = NULL, part[64];
    size_t len = 0;
    int n = 0;
    if (file_read_all(path, &data, &len, &d) == ZB_OK)
        do
            snprintf(part, sizeof part, "xl/worksheets/sheet%d.xml", ++n);
        while (holds(data, len, part));
    free(data);
    diags_free(&d);
    return n - 1;
}

/* xlsx_zip.c deflates a part whole (libdeflate) up to 16 MB and as it
   comes (zlib) past that: a sheet of 600,000 numbers (about 20 MB of XML)
   and the workbook's small parts come back whole, their CRCs right. */
TEST(deflates_small_parts_whole_and_a_large_one_as_it_comes)
{
    char dir[] = "/tmp/zb-xlsx-XXXXXX", path[64];
    temp_path(dir, path, sizeof path);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *big = wb ? workbook_add_worksheet(wb, NULL) : NULL;
    lxw_worksheet *small = wb ? workbook_add_worksheet(wb, NULL) : NULL;
    EXPECT(big && small);
    if (!big || !small)
        return;
    for (lxw_row_t r = 0; r < 60000; r++)
        for (lxw_col_t c = 0; c < 10; c++)
            worksheet_write_number(big, r, c, 100000.0 * c + r, NULL);
    worksheet_write_string(small, 0, 0, "正版化", NULL);
    EXPECT(workbook_close(wb) == LXW_NO_ERROR);
    zb_diags d = {0};
    zipfile_entries parts;
    EXPECT(zipfile_read(path, (size_t)64 << 20, &parts, &d) == ZB_OK);
    const zipfile_entry *b = zipfile_find(&parts, "xl/worksheets/sheet1.xml");
    const zipfile_entry *s = zipfile_find(&parts, "xl/sharedStrings.xml");
    EXPECT(b && b->len > (size_t)16 << 20 &&
           occurrences(b->data, b->len, "<c r=") == 600000);
    EXPECT(b && holds(b->data, b->len, "<c r=\"J60000\"><v>959999</v>"));
    EXPECT(s && holds(s->data, s->len, "<t>正版化</t>"));
    struct stat st;
    EXPECT(stat(path, &st) == 0 && st.st_size < (off_t)(b ? b->len / 4 : 0));
    zipfile_entries_free(&parts);
    unlink(path);
    rmdir(dir);
    diags_free(&d);
}

TEST(writes_several_documents_into_one_workbook)
{
    lo_document *a = layout("<section name='附件1'><p style='s'>一</p>"
                            "</section>");
    lo_document *b = layout("<section name='附件2 甲'><p style='s'>二</p>"
                            "</section><section name='附件2 乙'><p style='s'>"
                            "三</p></section>");
    lo_document *c = layout("<section name='附件2 甲'><p style='s'>四</p>"
                            "</section>");
    EXPECT(a && b && c);
    if (!a || !b || !c)
        return;
    char dir[] = "/tmp/zb-xlsx-XXXXXX", path[64];
    temp_path(dir, path, sizeof path);
    zb_diags d = {0};
    const lo_document *ok[] = {a, b};
    EXPECT(xlsx_render_docs(ok, 2, path, &d) == ZB_OK && d.count == 0);
    EXPECT(sheet_count(path) == 3);
    unlink(path);
    const lo_document *clash[] = {a, b, c};
    EXPECT(xlsx_render_docs(clash, 3, path, &d) == ZB_ERR_INVALID);
    EXPECT(d.errors == 1 && strstr(d.items[0].message, "与另一节重名"));
    EXPECT(access(path, F_OK) != 0);
    EXPECT(rmdir(dir) == 0);  /* no temporary file left behind */
    diags_free(&d);
    layout_free_doc(a);
    layout_free_doc(b);
    layout_free_doc(c);
}

TEST(names_the_sheets_of_stacked_copies_by_their_range)
{
    /* two runs of the stack 份 (sheets 份 1-2 and 份 1-1), 汇总 between */
    const char *copies =
        "<section name='1 甲' stack='份'><p style='s'>一</p></section>"
        "<section name='2 乙' stack='份'><p style='s'>二</p></section>"
        "<section name='汇总'><p style='s'>三</p></section>"
        "<section name='3 丙' stack='份'><p style='s'>四</p></section>";
    char sections[1024];
    snprintf(sections, sizeof sections, "%s<section name='份 1-2'><p "
             "style='s'>五</p></section>", copies);
    lo_document *ok = layout(copies), *doc = layout(sections);
    EXPECT(ok && doc);
    if (!ok || !doc)
        return;
    char dir[] = "/tmp/zb-xlsx-XXXXXX", path[64];
    temp_path(dir, path, sizeof path);
    zb_diags d = {0};
    EXPECT(xlsx_render_doc(ok, path, &d) == ZB_OK && d.count == 0);
    EXPECT(sheet_count(path) == 3);
    unlink(path);
    EXPECT(xlsx_render_doc(doc, path, &d) == ZB_ERR_INVALID);
    EXPECT(d.errors == 1 && d.items[0].line == 1 &&
           strstr(d.items[0].message, "“份 1-2” 不能作 Excel 工作表名：与另一"));
    EXPECT(access(path, F_OK) != 0);
    EXPECT(rmdir(dir) == 0);
    diags_free(&d);
    layout_free_doc(ok);
    layout_free_doc(doc);
}

/* The bytes of the file PATH in *DATA (free it), 0 when unreadable. */
static size_t file_bytes(const char *path, char **data)
{
    zb_diags d = {0};
    size_t len = 0;
    *data = NULL;
    if (file_read_all(path, data, &len, &d) != ZB_OK)
        len = 0;
    diags_free(&d);
    return len;
}

TEST(runs_a_stack_on_from_one_document_into_the_next)
{
    /* the copies of one stack, cut after the second: one sheet 份 1-3, the
       very workbook the copies make as one document */
    const char *one = "<section name='1 甲' stack='份'><p style='s'>一</p>"
                      "</section><section name='2 乙' stack='份'><p style='s'>"
                      "二</p></section>";
    const char *two = "<section name='3 丙' stack='份'><p style='s'>三</p>"
                      "</section>";
    char all[512];
    snprintf(all, sizeof all, "%s%s", one, two);
    lo_document *whole = layout(all), *a = layout(one), *b = layout(two);
    EXPECT(whole && a && b);
    if (!whole || !a || !b)
        return;
    char dir[] = "/tmp/zb-xlsx-XXXXXX", path[64], path2[80];
    temp_path(dir, path, sizeof path);
    snprintf(path2, sizeof path2, "%s/pieces.xlsx", dir);
    zb_diags d = {0};
    EXPECT(xlsx_render_doc(whole, path, &d) == ZB_OK);
    xlsx_writer *w;
    EXPECT(xlsx_render_begin(path2, &d, &w) == ZB_OK);
    EXPECT(xlsx_render_add(w, a) == ZB_OK); /* takes A and B */
    EXPECT(xlsx_render_add(w, b) == ZB_OK);
    EXPECT(xlsx_render_end(w, ZB_OK) == ZB_OK && d.count == 0);
    char *x, *y;
    size_t nx = file_bytes(path, &x), ny = file_bytes(path2, &y);
    EXPECT(sheet_count(path2) == 1);
    EXPECT(nx > 0 && nx == ny && !memcmp(x, y, nx));
    free(x);
    free(y);
    unlink(path);
    unlink(path2);
    EXPECT(rmdir(dir) == 0);
    diags_free(&d);
    layout_free_doc(whole);
}

/* ------------------------------------------------- rows and cells */

typedef void write_cell_fn(lxw_worksheet *, lxw_cell *, lxw_format *);
typedef void write_row_fn(lxw_worksheet *, lxw_row *, char *);
typedef void write_merge_fn(lxw_worksheet *, lxw_merged_range *);
void _write_cell(lxw_worksheet *self, lxw_cell *cell, lxw_format *row_format);
void _write_row(lxw_worksheet *self, lxw_row *row, char *spans);
void _worksheet_write_merge_cell(lxw_worksheet *self,
                                 lxw_merged_range *range);

typedef struct spellers {
    write_cell_fn *cell;
    write_row_fn *row;
    write_merge_fn *merge;
} spellers;

/* What W (the program's or libxlsxwriter's) spells for every cell, row
   and merged range below, into *TEXT (free()). */
static size_t spell_all(lxw_worksheet *ws, lxw_format *bold,
                        const spellers *w, char **text)
{
    static const double numbers[] = {
        0, -0.0, 1, -3, 12, 22.75, 0.25, -0.5, 1740.5, 0.62, 45291,
        1e11 + 0.75, 999999999999.75, 1e12, 1e15, 123456789012345678.0,
        1e-5, 1.0 / 3, INFINITY, -INFINITY, NAN};
    static const lxw_col_t cols[] = {0, 3, 25, 26, 701, 702, 16383};
    static const lxw_row_t rows[] = {0, 9, 1048575};
    static const double heights[] = {15, 15.25, 22.75, 409, 13.3, 0.5};
    size_t len = 0;
    FILE *f = open_memstream(text, &len);
    EXPECT(f != NULL);
    if (!f)
        return 0;
    ws->file = f;
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++)
        for (size_t c = 0; c < sizeof cols / sizeof *cols; c++)
            for (int k = 0; k < 2; k++) {
                lxw_cell cell = {.row_num = rows[r], .col_num = cols[c],
                                 .format = k ? bold : NULL};
                for (size_t n = 0; n < sizeof numbers / sizeof *numbers;
                     n++) {
                    cell.type = NUMBER_CELL;
                    cell.u.number = numbers[n];
                    w->cell(ws, &cell, NULL);
                    w->cell(ws, &cell, bold);
                }
                cell.type = STRING_CELL;
                cell.u.string_id = (int32_t)(r * 1000 + c);
                w->cell(ws, &cell, NULL);
                cell.type = BLANK_CELL;
                w->cell(ws, &cell, NULL);
                w->cell(ws, &cell, bold);
                cell.type = BOOLEAN_CELL; /* libxlsxwriter's own */
                cell.u.number = 1;
                w->cell(ws, &cell, NULL);
            }
    char spans[] = "1:10", odd[] = "1:1&";
    char *span_list[] = {NULL, spans, odd};
    for (size_t h = 0; h < sizeof heights / sizeof *heights; h++)
        for (int bits = 0; bits < 64; bits++) {
            lxw_row row = {.row_num = (lxw_row_t)(h * 7 + (size_t)bits),
                           .height = heights[h],
                           .height_changed = bits & 1,
                           .format = bits & 2 ? bold : NULL,
                           .data_changed = (bits & 4) != 0,
                           .hidden = (bits & 8) != 0,
                           .level = (bits & 16) ? 1 : 0,
                           .collapsed = (bits & 32) != 0};
            for (size_t i = 0; i < 3; i++)
                w->row(ws, &row, span_list[i]);
        }
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++)
        for (size_t c = 0; c < sizeof cols / sizeof *cols; c++) {
            lxw_merged_range one = {.first_row = rows[r], .last_row = rows[r],
                                    .first_col = cols[c],
                                    .last_col = cols[c]};
            w->merge(ws, &one);
            lxw_merged_range wide = one;
            wide.last_col = cols[sizeof cols / sizeof *cols - 1];
            w->merge(ws, &wide);
            lxw_merged_range tall = one;
            tall.last_row = rows[sizeof rows / sizeof *rows - 1];
            w->merge(ws, &tall);
        }
    ws->file = NULL;
    EXPECT(fclose(f) == 0);
    return len;
}

/* xlsx_cells.c spells rows, cells and merged ranges in place of
   libxlsxwriter's _write_row(), _write_cell() and
   _worksheet_write_merge_cell(): byte for byte as those do, for every
   kind it spells and every kind it hands on. */
TEST(spells_rows_and_cells_as_libxlsxwriter_does)
{
    spellers program = {_write_cell, _write_row, _worksheet_write_merge_cell};
    spellers library;
    *(void **)&library.cell = dlsym(RTLD_NEXT, "_write_cell");
    *(void **)&library.row = dlsym(RTLD_NEXT, "_write_row");
    *(void **)&library.merge = dlsym(RTLD_NEXT, "_worksheet_write_merge_cell");
    /* without them the program's are never called: see xlsx_cells.c */
    EXPECT(library.cell && library.row && library.merge);
    char dir[] = "/tmp/zb-xlsx-XXXXXX", path[64];
    temp_path(dir, path, sizeof path);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, NULL) : NULL;
    lxw_format *bold = wb ? workbook_add_format(wb) : NULL;
    EXPECT(ws && bold);
    if (!library.cell || !library.row || !library.merge || !ws || !bold)
        return;
    format_set_bold(bold);
    lxw_format *italic = workbook_add_format(wb);
    format_set_italic(italic);
    EXPECT(worksheet_set_column(ws, 3, 3, 10, italic) == LXW_NO_ERROR);
    char *ours = NULL, *theirs = NULL;
    size_t n = spell_all(ws, bold, &program, &ours);
    size_t m = spell_all(ws, bold, &library, &theirs);
    EXPECT(n > 100000 && n == m && !memcmp(ours, theirs, n));
    for (size_t i = 0; i < n && i < m; i++)
        if (ours[i] != theirs[i]) {
            printf("    at %zu: ours \"%.60s\"\n    theirs \"%.60s\"\n", i,
                   ours + (i > 20 ? i - 20 : 0),
                   theirs + (i > 20 ? i - 20 : 0));
            break;
        }
    free(ours);
    free(theirs);
    EXPECT(workbook_close(wb) == LXW_NO_ERROR);
    unlink(path);
    EXPECT(rmdir(dir) == 0);
}

int main(void)
{
    xml_init();
    RUN(measures_cjk_as_one_em_and_latin_as_less);
    RUN(pads_with_ideographic_then_ascii_spaces);
    RUN(composes_paragraphs_signatures_and_fields);
    RUN(aligns_blocks_of_a_cell);
    RUN(plans_a_shared_grid_rows_and_breaks);
    RUN(writes_sum_formulas_over_ranges);
    RUN(rounds_products_and_sums_to_the_cells_decimals);
    RUN(nests_sums_of_more_than_255_arguments);
    RUN(deflates_small_parts_whole_and_a_large_one_as_it_comes);
    RUN(writes_several_documents_into_one_workbook);
    RUN(names_the_sheets_of_stacked_copies_by_their_range);
    RUN(runs_a_stack_on_from_one_document_into_the_next);
    RUN(spells_rows_and_cells_as_libxlsxwriter_does);
    xml_cleanup();
    return test_summary();
}
