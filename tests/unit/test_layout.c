/* Unit tests for the layout model reader (src/render/layout.c). */
#include <math.h>
#include <stdlib.h>

#include "test.h"

#include "core/buf.h"
#include "parse/xml_load.h"
#include "render/layout.h"

#define HEAD                                                              \
    "<document xmlns='urn:zhengban:layout:1'>\n"                          \
    "<meta title='t' author='永福县医疗保障局' created='2023-12-31'/>\n"   \
    "<styles><style name='cell' font='宋体' size='五号'/>"                \
    "<style name='title' font='小标宋' size='二号' align='center' "       \
    "line-height='1.5' indent='2'/>"                                      \
    "<style name='kai' font='楷体' size='三号'/>"                          \
    "<style name='body' font='仿宋' size='三号' indent='2' line-height='1' " \
    "grid='chars'/></styles>\n"

/* Parse HEAD + BODY + "</document>" into *XML. */
static zb_status parse_layout(const char *body, zb_diags *d, xmlDocPtr *xml)
{
    zb_buf b = {0};
    buf_printf(&b, "%s%s</document>\n", HEAD, body);
    zb_status st = xml_load_memory(b.data, b.len, "t.xml", d, xml);
    buf_free(&b);
    return st;
}

/* Read HEAD + BODY + "</document>"; returns the status, *DOC on success. */
static zb_status read_layout(const char *body, zb_diags *d, lo_document **doc)
{
    xmlDocPtr xml;
    zb_status st = parse_layout(body, d, &xml);
    if (st != ZB_OK)
        return st;
    st = layout_read_doc(xml, "t.xml", d, doc);
    xmlFreeDoc(xml);
    return st;
}

/* Expect BODY to be rejected with a message containing WORDS on LINE. */
static void expect_rejected(const char *body, const char *words, long line)
{
    zb_diags d = {0};
    lo_document *doc = NULL;
    EXPECT(read_layout(body, &d, &doc) == ZB_ERR_INVALID);
    EXPECT(doc == NULL);
    int found = 0;
    for (size_t i = 0; i < d.count; i++)
        found |= strstr(d.items[i].message, words) && d.items[i].line == line;
    EXPECT(found);
    if (!found)
        diags_print(&d, stdout);
    diags_free(&d);
}

static int near(double a, double b)
{
    return fabs(a - b) < 0.01;
}

TEST(reads_styles_and_page)
{
    zb_diags d = {0};
    lo_document *doc;
    EXPECT(read_layout("<section name='附件5 信息统计表' orientation='landscape'"
                       " margin-left='30'>\n"
                       "<footer format='第 {page} 页 共 {pages} 页' style='cell'"
                       " align='outside' indent='1'/>\n"
                       "<p style='title'>软件正版化工作信息统计表</p></section>",
                       &d, &doc) == ZB_OK);
    EXPECT(d.count == 0);
    EXPECT_STR(doc->meta.author, "永福县医疗保障局");
    EXPECT(doc->meta.created == 20231231);
    const lo_style *title = &doc->styles[1];
    EXPECT(title->font == LO_FONT_XIAOBIAOSONG && title->size == 22);
    EXPECT(near(title->line_height, 33) && near(title->indent, 44));
    const lo_section *s = &doc->sections[0];
    EXPECT(s->landscape && near(s->page_width, 297 * LO_PT_PER_MM));
    EXPECT(near(layout_body_width(s), (297 - 50) * LO_PT_PER_MM));
    EXPECT(s->footer && s->footer->align == LO_FOOTER_OUTSIDE);
    EXPECT(near(s->footer->indent, 10.5) && near(s->footer->offset,
                                                 7 * LO_PT_PER_MM));
    EXPECT(s->block_count == 1 && s->blocks[0].kind == LO_BLOCK_PARA);
    EXPECT(s->blocks[0].u.para.align == LO_ALIGN_CENTER);
    layout_free_doc(doc);
    diags_free(&d);
}

TEST(collapses_whitespace_across_runs)
{
    zb_diags d = {0};
    lo_document *doc;
    EXPECT(read_layout("<section name='s'><p style='cell' src='ledger.xml:3'>\n"
                       "  一、  软件  <span style='kai'> （一）人员 </span>"
                       "组成<br/>  V11   0773-1234567  </p></section>",
                       &d, &doc) == ZB_OK);
    const lo_para *p = &doc->sections[0].blocks[0].u.para;
    EXPECT(p->run_count == 5);
    if (p->run_count == 5) {
        EXPECT_STR(p->runs[0].text, "一、 软件");
        EXPECT_STR(p->runs[1].text, " （一）人员");
        EXPECT(p->runs[1].style == &doc->styles[2]);
        EXPECT_STR(p->runs[2].text, " 组成");
        EXPECT_STR(p->runs[3].text, "\n");
        EXPECT_STR(p->runs[4].text, "V11 0773-1234567");
        EXPECT_STR(p->runs[4].src, "ledger.xml:3");
    }
    layout_free_doc(doc);
    diags_free(&d);
}

/* A cell's src is its runs' (one copy), a span's its own. */
TEST(gives_cell_runs_their_src)
{
    zb_diags d = {0};
    lo_document *doc;
    EXPECT(read_layout(
        "<section name='s'><table style='cell'><col width='1*'/>\n"
        "<row><cell src='ledger.xml:12 姓名'>张三<span style='kai' "
        "src='ledger.xml:40 部门'>办公室</span>主任</cell></row>\n"
        "<row><cell>无来源</cell></row></table></section>", &d, &doc) == ZB_OK);
    const lo_table *t = &doc->sections[0].blocks[0].u.table;
    const lo_cell *c = &t->rows[0].cells[0];
    EXPECT_STR(c->src, "ledger.xml:12 姓名");
    EXPECT(c->run_count == 3);
    if (c->run_count == 3) {
        EXPECT(c->runs[0].src == c->src && c->runs[2].src == c->src);
        EXPECT_STR(c->runs[1].src, "ledger.xml:40 部门");
    }
    const lo_cell *bare = &t->rows[1].cells[0];
    EXPECT(!bare->src && bare->run_count == 1 && !bare->runs[0].src);
    layout_free_doc(doc);
    diags_free(&d);
}

TEST(places_cells_on_the_grid)
{
    zb_diags d = {0};
    lo_document *doc;
    EXPECT(read_layout(
        "<section name='s'><table style='cell' header-rows='2'>\n"
        "<col width='20'/><col width='1*' align='center'/><col width='3*'/>\n"
        "<row><cell rowspan='2'>软件属性</cell><cell colspan='2'>操作系统</cell></row>\n"
        "<row><cell>许可数</cell><cell align='right'>金额</cell></row>\n"
        "<row><cell rowspan='2'>国内</cell><cell type='integer' id='a'>3</cell>"
        "<cell type='money' id='b'>1.10</cell></row>\n"
        "<row><cell type='integer' id='c'>4</cell><cell type='money' id='d' "
        "decimals='4'>0.0051</cell></row>\n"
        "<row><cell>合计</cell><cell type='integer' sum='a c'>7</cell>"
        "<cell type='money' sum='b d'>1.11</cell></row>\n"
        "</table></section>", &d, &doc) == ZB_OK);
    if (d.count)
        diags_print(&d, stdout);
    const lo_table *t = &doc->sections[0].blocks[0].u.table;
    EXPECT(t->col_count == 3 && t->row_count == 5 && t->header_rows == 2);
    double body = layout_body_width(&doc->sections[0]);
    EXPECT(near(t->cols[0].width, 20 * LO_PT_PER_MM));
    EXPECT(near(t->cols[1].width, (body - 20 * LO_PT_PER_MM) / 4));
    EXPECT(t->rows[1].cell_count == 2);
    const lo_cell *amount = &t->rows[1].cells[1];
    EXPECT(amount->row == 1 && amount->col == 2);
    EXPECT(amount->align == LO_ALIGN_RIGHT);
    EXPECT(t->rows[1].cells[0].align == LO_ALIGN_CENTER);
    const lo_cell *n4 = &t->rows[3].cells[0];
    EXPECT(n4->col == 1 && n4->has_value && n4->value == 4);
    const lo_cell *total = &t->rows[4].cells[2];
    EXPECT(total->calc == LO_CALC_SUM && total->more &&
           total->more->ref_count == 2);
    EXPECT(!t->rows[1].cells[0].more &&
           !strcmp(t->rows[2].cells[1].more->id, "a"));
    EXPECT(total->value == 111 && !strcmp(total->text, "1.11"));
    EXPECT(doc->cell_count == 12 && total->seq == 11);
    layout_free_doc(doc);
    diags_free(&d);
}

TEST(reads_what_keeps_rows_together)
{
    zb_diags d = {0};
    lo_document *doc;
    /* a span that may break still covers its rows */
    EXPECT(read_layout(
        "<section name='s'><table style='cell'><col/><col/>\n"
        "<row keep-with-next='true'><cell colspan='2'>商业软件</cell></row>\n"
        "<row><cell rowspan='2' keep-together='false'>办公室</cell>"
        "<cell rowspan='2'>a</cell></row>\n<row><cell>x</cell></row>\n"
        "</table></section>", &d, &doc) == ZB_ERR_INVALID);
    diags_free(&d);
    EXPECT(read_layout(
        "<section name='s'><table style='cell'><col/><col/>\n"
        "<row keep-with-next='true'><cell colspan='2'>商业软件</cell></row>\n"
        "<row><cell rowspan='2' keep-together='false'>办公室</cell>"
        "<cell>a</cell></row>\n<row><cell keep-together='0'>b</cell></row>\n"
        "</table></section>", &d, &doc) == ZB_OK);
    const lo_table *t = &doc->sections[0].blocks[0].u.table;
    EXPECT(t->rows[0].keep_with_next && !t->rows[1].keep_with_next);
    EXPECT(!t->rows[1].cells[0].keep_together);
    EXPECT(t->rows[1].cells[1].keep_together);  /* the default */
    EXPECT(!t->rows[2].cells[0].keep_together);
    layout_free_doc(doc);
    diags_free(&d);
}

TEST(formats_typed_cells)
{
    zb_diags d = {0};
    lo_document *doc;
    EXPECT(read_layout(
        "<section name='s'><table style='cell'><col/><col/><col/><col/><col/>"
        "<col/>\n<row><cell type='money'>5800</cell><cell type='date'>"
        "2023-06-20</cell><cell type='date' date-format='iso'>2023-06-20"
        "</cell><cell type='check'>1</cell><cell type='check'/>"
        "<cell type='integer'> 12 </cell></row></table></section>",
        &d, &doc) == ZB_OK);
    const lo_row *row = &doc->sections[0].blocks[0].u.table.rows[0];
    EXPECT_STR(row->cells[0].text, "5800.00");
    EXPECT(row->cells[0].value == 580000);
    EXPECT_STR(row->cells[1].text, "2023年6月20日");
    EXPECT_STR(row->cells[2].text, "2023-06-20");
    EXPECT_STR(row->cells[3].text, "√");
    EXPECT_STR(row->cells[4].text, "");
    EXPECT(!row->cells[4].has_value);
    EXPECT_STR(row->cells[5].text, "12");
    layout_free_doc(doc);
    diags_free(&d);
}

TEST(types_body_cells_by_their_columns)
{
    zb_diags d = {0};
    lo_document *doc;
    /* header row: 序号 and 日期 stay text; body: the second row's first
       cell is covered from above, so its cells start in the second and
       third columns */
    EXPECT(read_layout(
        "<section name='s'><table style='cell' header-rows='1'>"
        "<col type='integer'/><col type='check'/>"
        "<col type='date' date-format='iso'/>\n"
        "<row><cell>序号</cell><cell>安装</cell><cell>日期</cell></row>\n"
        "<row><cell rowspan='2'>007</cell><cell>1</cell>"
        "<cell>2023-06-20</cell></row>\n"
        "<row><cell>0</cell><cell date-format='cn'>2023-06-21</cell></row>\n"
        "<row><cell type='text'>-0</cell><cell/><cell type='integer'>-0"
        "</cell></row></table></section>",
        &d, &doc) == ZB_OK);
    EXPECT(d.count == 0);
    const lo_table *t = &doc->sections[0].blocks[0].u.table;
    EXPECT(t->rows[0].cells[0].type == LO_CELL_TEXT);
    EXPECT_STR(t->rows[0].cells[2].text, "日期");
    EXPECT(t->rows[1].cells[0].type == LO_CELL_INTEGER);
    EXPECT_STR(t->rows[1].cells[0].text, "7");
    EXPECT_STR(t->rows[1].cells[1].text, "√");
    EXPECT_STR(t->rows[1].cells[2].text, "2023-06-20");
    EXPECT(t->rows[1].cells[2].value == 20230620);
    EXPECT(t->rows[2].cells[0].type == LO_CELL_CHECK);
    EXPECT_STR(t->rows[2].cells[0].text, "");
    EXPECT_STR(t->rows[2].cells[1].text, "2023年6月21日");
    EXPECT_STR(t->rows[3].cells[0].text, "-0");
    EXPECT(t->rows[3].cells[1].type == LO_CELL_CHECK);
    EXPECT_STR(t->rows[3].cells[2].text, "0");
    layout_free_doc(doc);
    diags_free(&d);
}

TEST(reads_cell_blocks_fields_and_signatures)
{
    zb_diags d = {0};
    lo_document *doc;
    EXPECT(read_layout(
        "<section name='s'>\n"
        "<fields style='cell'><field label='单位名称（盖章）：' width='2*'>"
        "永福县医疗保障局</field><field label='填表日期：'/></fields>\n"
        "<table style='cell'><col width='30'/><col/>\n"
        "<row height='30'><cell>信息化部门<br/>审核</cell><cell valign='bottom'>"
        "<p style='cell'>同意。</p>\n<signature style='cell' label='审核人：' "
        "date='2023-09-01'/></cell></row></table>\n"
        "<signature style='cell' label='承诺人签字：' date='none' gap='8'/>\n"
        "<rule width='0.35' color='#E60012' space-before='4'/><space height='5'/>"
        "<page-break/></section>", &d, &doc) == ZB_OK);
    const lo_section *s = &doc->sections[0];
    EXPECT(s->block_count == 6);
    const lo_fields *f = &s->blocks[0].u.fields;
    EXPECT(f->count == 2 && f->items[0].star && near(f->items[0].width, 2));
    EXPECT_STR(f->items[1].value, "");
    const lo_row *row = &s->blocks[1].u.table.rows[0];
    EXPECT(near(row->min_height, 30 * LO_PT_PER_MM));
    EXPECT_STR(row->cells[0].text, "信息化部门\n审核");
    const lo_cell *approval = &row->cells[1];
    const lo_cell_more *more = approval->more;
    EXPECT(more && more->block_count == 2 &&
           approval->valign == LO_VALIGN_BOTTOM);
    EXPECT(more && more->blocks[1].u.signature.date == LO_SIG_DATE_GIVEN);
    EXPECT(more && more->blocks[1].u.signature.ymd == 20230901);
    const lo_signature *sig = &s->blocks[2].u.signature;
    EXPECT(sig->date == LO_SIG_DATE_NONE && near(sig->gap, 8 * 10.5));
    EXPECT(s->blocks[3].u.rule.color == 0xE60012);
    EXPECT(s->blocks[5].kind == LO_BLOCK_PAGE_BREAK);
    layout_free_doc(doc);
    diags_free(&d);
}

TEST(rejects_bad_layouts_naming_the_element)
{
    expect_rejected("<section name='s'><p style='nope'>x</p></section>",
                    "样式 “nope” 没有在", 4);
    expect_rejected("<section name='s'>\n<p style='cell' colour='red'>x</p>"
                    "</section>", "未知属性 colour", 5);
    expect_rejected("<section name='s'>\n<para style='cell'/></section>",
                    "不是版面块元素", 5);
    expect_rejected("<section name='a:b'><space height='1'/></section>",
                    "不能作工作表名", 4);
    expect_rejected("<section name='s' stack='[承诺书]'><space height='1'/>"
                    "</section>", "stack=\"[承诺书]\" 不能作工作表名的开头", 4);
    expect_rejected("<section name='s' stack='一二三四五六七八九十一二三四五六七'>"
                    "<space height='1'/></section>", "1–16 个字符", 4);
    expect_rejected("<section name='1 韦振邦'><space height='1'/></section>\n"
                    "<section name='2 韦振邦'><space height='1'/></section>\n"
                    "<section name='1 韦振邦'><space height='1'/></section>",
                    "节名 “1 韦振邦” 重复", 6);
    expect_rejected("<section name='s'><table style='cell'><col/><col/>\n"
                    "<row><cell colspan='3'>x</cell></row></table></section>",
                    "超出表格的 2 列", 5);
    expect_rejected("<section name='s'><table style='cell'><col/><col/>\n"
                    "<row><cell>x</cell></row></table></section>",
                    "没有铺满全部 2 列", 5);
    expect_rejected("<section name='s'>\n<table style='cell'><col/>"
                    "<row><cell rowspan='2'>x</cell></row></table></section>",
                    "跨行超出了表格末行", 5);
    /* a row without cells: even one wholly under a cell from above */
    expect_rejected("<section name='s'><table style='cell'><col/>\n"
                    "<row><cell rowspan='2'>x</cell></row>\n<row/>\n"
                    "<row><cell>y</cell></row></table></section>",
                    "<row>：没有单元格", 6);
    expect_rejected("<section name='s'><table style='cell'><col/><col/>\n"
                    "<row><cell>x</cell><cell>y</cell></row>\n<row>\n</row>"
                    "</table></section>",
                    "没有单元格：每行至少要有一个 <cell>", 6);
    expect_rejected("<section name='s'><table style='cell'><col width='100'/>"
                    "\n<col width='100'/><row><cell/><cell/></row></table>"
                    "</section>", "超过或占满了版心宽度", 4);
    expect_rejected("<section name='s'><table style='cell'><col/>\n"
                    "<row><cell type='money'>1.005</cell></row></table>"
                    "</section>", "不是 money 类型的值", 5);
    expect_rejected("<section name='s'><table style='cell'><col/>\n"
                    "<row><cell type='date'>2023-02-30</cell></row></table>"
                    "</section>", "不是 date 类型的值", 5);
    expect_rejected("<section name='s'><table style='cell'><col/><col/>\n"
                    "<row><cell type='integer' id='a'>2</cell>"
                    "<cell type='integer' sum='a b'>2</cell></row></table>"
                    "</section>", "引用的 id “b” 不存在", 5);
    expect_rejected("<section name='s'><table style='cell'><col/><col/><col/>\n"
                    "<row><cell type='money' id='p'>12.50</cell><cell "
                    "type='integer' id='n'>3</cell>\n<cell type='money' "
                    "product='p n'>37.00</cell></row></table></section>",
                    "与所引用单元格的乘积 37.50 不符", 6);
    expect_rejected("<section name='s'><space height='1'/></section>\n"
                    "<section name='s'><space height='1'/></section>",
                    "节名 “s” 重复", 5);
}

/* GB/T 9704-2012: a 156 x 225 mm body of 22 lines of 28 characters. */
#define GRID_SECTION                                                        \
    "<section name='正文' margin-top='37' margin-bottom='35' margin-left='28'" \
    " margin-right='26' grid-lines='22' grid-chars='28'>\n"

TEST(reads_the_type_grid)
{
    zb_diags d = {0};
    lo_document *doc;
    EXPECT(read_layout(GRID_SECTION
        "<space to='35'/><space lines='2'/><space height='4'/>\n"
        "<p style='body' hang='6' indent-right='1' balance='true'>附件：1.表</p>\n"
        "<p style='kai' indent='2'>（一）</p>\n"
        "<fields style='body' inset='1'><field label=''>桐医保报〔2023〕31号"
        "</field><field label='签发人：' style='kai'>韦振邦</field></fields>\n"
        "<signoff style='body' date='2023-06-20' sealed='false'> 桐川县医疗保障局 "
        "</signoff>\n"
        "<colophon page='even'><rule width='0.35'/><p style='body'>抄送：县版权局。"
        "</p></colophon>\n"
        "<keep><p style='body'>特此报告。</p><space lines='2'/>"
        "<signoff style='body' date='2023-12-25'>桐川县医疗保障局</signoff></keep>"
        "</section>", &d, &doc) == ZB_OK);
    if (d.count)
        diags_print(&d, stdout);
    const lo_section *s = &doc->sections[0];
    /* 225 mm / 22 = 10.2273 mm = 28.9907 pt; 156 mm / 28 = 5.5714 mm =
       15.7930 pt */
    EXPECT(fabs(s->line_pitch - 28.9907) < 0.001);
    EXPECT(fabs(s->char_pitch - 15.7930) < 0.001);
    const lo_style *body = &doc->styles[3], *kai = &doc->styles[2];
    EXPECT(body->grid == LO_GRID_CHARS && kai->grid == LO_GRID_NONE);
    EXPECT(fabs(layout_char_width(s, body) - 15.7930) < 0.001);
    EXPECT(layout_char_width(s, kai) == 16);
    /* a 16 pt line takes one grid line, a 30 pt line two */
    EXPECT(fabs(layout_line_height(s, body, 16) - 28.9907) < 0.001);
    EXPECT(fabs(layout_line_height(s, body, 30) - 57.9814) < 0.001);
    EXPECT(layout_line_height(s, kai, 19.2) == 19.2);
    const lo_block *b = s->blocks;
    EXPECT(s->block_count == 9);
    EXPECT(b[0].u.space.kind == LO_SPACE_TO &&
           near(b[0].u.space.amount, 35 * LO_PT_PER_MM));
    EXPECT(b[1].u.space.kind == LO_SPACE_LINES && b[1].u.space.amount == 2);
    EXPECT(b[2].u.space.kind == LO_SPACE_HEIGHT &&
           near(b[2].u.space.amount, 4 * LO_PT_PER_MM));
    /* characters of a grid style are character pitches: indent 2, hang 6 */
    const lo_para *p = &b[3].u.para;
    EXPECT(fabs(p->indent - 31.5861) < 0.001);
    EXPECT(fabs(p->hang - 94.7582) < 0.001);
    EXPECT(fabs(p->indent_right - 15.7930) < 0.001 && p->balance);
    EXPECT(b[4].u.para.indent == 32 && !b[4].u.para.balance);
    const lo_fields *f = &b[5].u.fields;
    EXPECT(fabs(f->inset - 15.7930) < 0.001 && f->count == 2);
    EXPECT(f->items[0].value_style == NULL && f->items[1].value_style == kai);
    EXPECT_STR(f->items[1].value, "韦振邦");
    const lo_signoff *so = &b[6].u.signoff;
    EXPECT(b[6].kind == LO_BLOCK_SIGNOFF && !so->sealed && so->ymd == 20230620);
    EXPECT_STR(so->name, "桐川县医疗保障局");
    const lo_colophon *c = &b[7].u.colophon;
    EXPECT(b[7].kind == LO_BLOCK_COLOPHON && c->even &&
           c->group.block_count == 2);
    EXPECT(c->group.blocks[0].kind == LO_BLOCK_RULE &&
           c->group.blocks[1].kind == LO_BLOCK_PARA);
    const lo_keep *k = &b[8].u.keep;
    EXPECT(b[8].kind == LO_BLOCK_KEEP && k->block_count == 3);
    EXPECT(k->blocks[2].kind == LO_BLOCK_SIGNOFF && k->blocks[2].u.signoff.sealed);
    layout_free_doc(doc);
    diags_free(&d);
}

TEST(rejects_bad_grid_and_document_blocks)
{
    expect_rejected("<section name='s'>\n<space height='1' lines='2'/></section>",
                    "须有且只有 height、lines、to 三个属性之一", 5);
    expect_rejected("<section name='s'>\n<space lines='2'/></section>",
                    "lines 只能用在有行网格（grid-lines）的节里", 5);
    expect_rejected(GRID_SECTION "<colophon>\n<table style='cell'><col/>"
                    "<row><cell>x</cell></row></table></colophon></section>",
                    "<colophon> 里只能有", 6);
    expect_rejected(GRID_SECTION "<keep>\n<page-break/></keep></section>",
                    "<keep> 里只能有 <p>、<fields>、<signature>、<rule>、<space>、"
                    "<signoff>", 6);
    expect_rejected(GRID_SECTION "<keep>\n</keep></section>", "是空的", 5);
    expect_rejected(GRID_SECTION "<colophon page='odd'><rule/></colophon>"
                    "</section>", "page=\"odd\" 不是可用的值", 5);
    expect_rejected("<section name='s'>\n<signoff style='body'>桐川县医疗保障局"
                    "</signoff></section>", "date 应为 YYYY-MM-DD 日期", 5);
    expect_rejected("<section name='s'>\n<signoff style='body' date='2023-06-20'>"
                    "甲<br/>乙</signoff></section>", "只能是文字", 5);
    expect_rejected("<section name='s' grid-lines='0'>\n<space height='1'/>"
                    "</section>", "grid-lines=\"0\" 应为 1–200 之间的整数", 4);
}

TEST(rejects_other_documents)
{
    zb_diags d = {0};
    xmlDocPtr xml;
    const char *text = "<ledger xmlns='urn:zhengban:ledger:1'/>";
    EXPECT(xml_load_memory(text, strlen(text), "x.xml", &d, &xml) == ZB_OK);
    lo_document *doc;
    EXPECT(layout_read_doc(xml, "x.xml", &d, &doc) == ZB_ERR_INVALID);
    EXPECT(d.errors == 1 && strstr(d.items[0].message, "不是版面文档"));
    xmlFreeDoc(xml);
    diags_free(&d);
}

/* Read HEAD + BODY + "</document>" as a piece into R. */
static zb_status read_piece(lo_reader *r, const char *body, zb_diags *d)
{
    xmlDocPtr xml;
    zb_status st = parse_layout(body, d, &xml);
    if (st != ZB_OK)
        return st;
    return layout_read_piece(r, xml); /* frees XML */
}

#define TABLE(name, cells)                                                \
    "<section name='" name "'><table style='cell'><col width='20'/><col width='20'/>"  \
    "<row>" cells "</row></table></section>\n"

TEST(reads_a_model_in_pieces)
{
    zb_diags d = {0};
    lo_reader *r;
    lo_document *doc;
    /* three pieces of one, two and one sections (a form's copies) */
    EXPECT(layout_read_begin("p.xml", &d, &r) == ZB_OK);
    EXPECT(read_piece(r, TABLE("1 甲", "<cell>a</cell><cell>b</cell>"), &d)
           == ZB_OK);
    EXPECT(read_piece(r, TABLE("2 乙", "<cell>c</cell><cell>d</cell>")
                         TABLE("3 丙", "<cell type='integer' id='x'>4</cell>"
                                       "<cell type='integer' sum='x'>4</cell>"),
                      &d) == ZB_OK);
    EXPECT(read_piece(r, TABLE("4 丁", "<cell>e</cell><cell>f</cell>"), &d)
           == ZB_OK);
    EXPECT(layout_read_end(r, ZB_OK, &doc) == ZB_OK);
    EXPECT(d.count == 0);
    EXPECT(doc && doc->section_count == 4 && doc->cell_count == 8);
    EXPECT(doc && doc->style_count == 4 && !strcmp(doc->meta.title, "t"));
    const char *names[] = {"1 甲", "2 乙", "3 丙", "4 丁"};
    for (size_t i = 0; doc && i < 4; i++) {
        const lo_table *t = &doc->sections[i].blocks[0].u.table;
        EXPECT(!strcmp(doc->sections[i].name, names[i]));
        /* cells numbered on through the pieces, styles the first's */
        EXPECT(t->rows[0].cells[1].seq == 2 * i + 1);
        EXPECT(t->style == &doc->styles[0]);
        EXPECT(t->rows[0].line == 0 && t->rows[0].cells[0].line == 0);
    }
    EXPECT(doc && doc->sections[2].blocks[0].u.table.rows[0].cells[1]
                          .more->ref_count == 1);
    layout_free_doc(doc);
    diags_free(&d);
}

TEST(rejects_a_sheet_name_repeated_in_another_piece)
{
    zb_diags d = {0};
    lo_reader *r;
    lo_document *doc = NULL;
    EXPECT(layout_read_begin("p.xml", &d, &r) == ZB_OK);
    EXPECT(read_piece(r, TABLE("1 甲", "<cell>a</cell><cell>b</cell>"), &d)
           == ZB_OK);
    EXPECT(read_piece(r, TABLE("1 甲", "<cell>c</cell><cell>d</cell>"), &d)
           == ZB_OK);
    EXPECT(layout_read_end(r, ZB_OK, &doc) == ZB_ERR_INVALID);
    EXPECT(doc == NULL);
    EXPECT(d.errors == 1 && strstr(d.items[0].message, "重复"));
    /* a piece is a result tree: its lines are the stylesheet's, not told */
    EXPECT(d.count && d.items[0].line == 0);
    diags_free(&d);
}

TEST(takes_each_piece_out_as_a_model_of_its_own)
{
    zb_diags d = {0};
    lo_reader *r;
    lo_document *a = NULL, *b = NULL, *c = NULL;
    EXPECT(layout_read_begin("p.xml", &d, &r) == ZB_OK);
    EXPECT(read_piece(r, TABLE("1 甲", "<cell type='integer' id='x'>4</cell>"
                                       "<cell type='integer' sum='x'>4</cell>"),
                      &d) == ZB_OK);
    EXPECT(layout_read_take(r, &a) == ZB_OK);
    EXPECT(read_piece(r, TABLE("2 乙", "<cell>c</cell><cell>d</cell>")
                         TABLE("3 丙", "<cell>e</cell><cell>f</cell>"),
                      &d) == ZB_OK);
    EXPECT(layout_read_take(r, &b) == ZB_OK);
    EXPECT(d.count == 0);
    /* each piece has its own sections, the reader's name, meta and styles,
       and its cells numbered on from the piece before */
    EXPECT(a && a->section_count == 1 && a->cell_count == 2);
    EXPECT(b && b->section_count == 2 && b->cell_count == 6);
    EXPECT(a && b && a->styles == b->styles && a->name == b->name &&
           !strcmp(b->meta.title, "t"));
    EXPECT(b && !strcmp(b->sections[1].name, "3 丙") &&
           b->sections[1].blocks[0].u.table.rows[0].cells[1].seq == 5);
    /* the sum was resolved when its piece was taken */
    const lo_cell *sum = a ? &a->sections[0].blocks[0].u.table.rows[0]
                                  .cells[1] : NULL;
    EXPECT(sum && sum->more && sum->more->ref_count == 1 &&
           sum->more->refs[0] == sum - 1);
    layout_free_doc(a);
    layout_free_doc(b);
    /* a cell of a piece already taken (and freed) is in another section;
       then nothing more is taken */
    EXPECT(read_piece(r, TABLE("4 丁", "<cell type='integer'>4</cell>"
                                       "<cell type='integer' sum='x'>4</cell>"),
                      &d) == ZB_OK);
    EXPECT(layout_read_take(r, &c) == ZB_ERR_INVALID && c == NULL);
    EXPECT(d.errors == 1 && strstr(d.items[0].message, "“x” 在另一节"));
    EXPECT(layout_read_end(r, ZB_OK, NULL) == ZB_ERR_INVALID);
    diags_free(&d);
}

/* Read HEAD + BODY + "</document>" as rows into R (layout_read_rows()). */
static zb_status read_rows(lo_reader *r, const char *body, bool more,
                           zb_diags *d)
{
    xmlDocPtr xml;
    zb_status st = parse_layout(body, d, &xml);
    if (st != ZB_OK)
        return st;
    return layout_read_rows(r, xml, more); /* frees XML */
}

/* A section of one table: a heading row, then ROWS. */
#define ROWS(rows)                                                        \
    "<section name='明细'><p style='title'>标题</p><table style='cell' "       \
    "header-rows='1'><col width='20'/><col width='20'/>"                  \
    "<row><cell>部门</cell><cell>序号</cell></row>" rows                   \
    "</table></section>\n"

TEST(joins_a_table_read_in_ranges_of_rows)
{
    zb_diags d = {0};
    lo_reader *r;
    lo_document *doc = NULL;
    /* 甲 spans three rows: two in the first piece, one in the second; the
       second piece's heading and header row are the first's */
    EXPECT(layout_read_begin("p.xml", &d, &r) == ZB_OK);
    EXPECT(read_rows(r, ROWS("<row><cell rowspan='3'>甲</cell><cell>1</cell>"
                             "</row><row><cell>2</cell></row>"), true, &d)
           == ZB_OK);
    EXPECT(read_rows(r, ROWS("<row><cell>3</cell></row><row><cell>乙</cell>"
                             "<cell>4</cell></row>"), true, &d) == ZB_OK);
    EXPECT(read_rows(r, ROWS("<row><cell>丙</cell><cell>5</cell></row>"),
                     false, &d) == ZB_OK);
    EXPECT(layout_read_end(r, ZB_OK, &doc) == ZB_OK && d.count == 0);
    const lo_section *s = doc ? &doc->sections[0] : NULL;
    EXPECT(doc && doc->section_count == 1 && s->block_count == 2);
    const lo_table *t = s ? &s->blocks[1].u.table : NULL;
    EXPECT(t && t->row_count == 6 && t->header_rows == 1);
    EXPECT(t && t->rows[1].cell_count == 2 && t->rows[1].cells[0].rowspan == 3);
    EXPECT(t && t->rows[3].cell_count == 1 && t->rows[3].cells[0].col == 1 &&
           !strcmp(t->rows[3].cells[0].text, "3") &&
           t->rows[3].cells[0].row == 3);
    EXPECT(t && !strcmp(t->rows[5].cells[1].text, "5") &&
           t->rows[5].cells[1].seq == 9 && doc->cell_count == 10);
    layout_free_doc(doc);
    /* a span past the last row of the last piece is refused */
    EXPECT(layout_read_begin("p.xml", &d, &r) == ZB_OK);
    EXPECT(read_rows(r, ROWS("<row><cell rowspan='3'>甲</cell><cell>1</cell>"
                             "</row>"), true, &d) == ZB_OK);
    EXPECT(read_rows(r, ROWS("<row><cell>2</cell></row>"), false, &d) ==
           ZB_OK);
    EXPECT(layout_read_end(r, ZB_OK, &doc) == ZB_ERR_INVALID && !doc);
    EXPECT(d.errors == 1 && strstr(d.items[0].message, "跨行超出了表格末行"));
    diags_free(&d);
}

int main(void)
{
    xml_init();
    RUN(reads_styles_and_page);
    RUN(collapses_whitespace_across_runs);
    RUN(gives_cell_runs_their_src);
    RUN(places_cells_on_the_grid);
    RUN(reads_what_keeps_rows_together);
    RUN(formats_typed_cells);
    RUN(types_body_cells_by_their_columns);
    RUN(reads_cell_blocks_fields_and_signatures);
    RUN(rejects_bad_layouts_naming_the_element);
    RUN(reads_the_type_grid);
    RUN(rejects_bad_grid_and_document_blocks);
    RUN(rejects_other_documents);
    RUN(reads_a_model_in_pieces);
    RUN(rejects_a_sheet_name_repeated_in_another_piece);
    RUN(takes_each_piece_out_as_a_model_of_its_own);
    RUN(joins_a_table_read_in_ranges_of_rows);
    xml_cleanup();
    return test_summary();
}
