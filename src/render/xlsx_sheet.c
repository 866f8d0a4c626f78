/*
 * xlsx_sheet.c - writing one section as one worksheet (see xlsx_sheet.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/date.h"
#include "xlsx_sheet.h"

#define PX_PER_PT (96.0 / 72.0)
#define LINE_ROW_PADDING 2.0   /* pt added to a text line's row */
#define EXCEL_1970 25569       /* 1970-01-01 as an Excel day number */
#define EXCEL_1900_03_01 61    /* before it Excel's calendar is a day off */
#define PAPER_A3 8
#define PAPER_A4 9

typedef struct sheet {
    xlsx_book *book;
    const lo_document *doc;
    const lo_section *section;
    const xlsx_cells *pos;
    lxw_worksheet *ws;
    xlsx_plan plan;
} sheet;

/* Report a libxlsxwriter failure ERR at layout line LINE. */
static zb_status sheet_check(sheet *sh, lxw_error err, long line)
{
    if (err == LXW_NO_ERROR)
        return ZB_OK;
    diags_add(sh->book->diags, sh->doc->name, line, 0, DIAG_ERROR, "xlsx",
              "写工作表 “%s” 失败：%s", sh->section->name, lxw_strerror(err));
    return err == LXW_ERROR_MEMORY_MALLOC_FAILED ? ZB_ERR_NOMEM
                                                 : ZB_ERR_RENDER;
}

static void need_height(sheet *sh, lxw_row_t row, double height)
{
    if (sh->plan.heights[row] < height)
        sh->plan.heights[row] = height;
}

/* ------------------------------------------------------------- text */

static zb_status write_rich(sheet *sh, lxw_row_t row, lxw_col_t col,
                            const xlsx_text *t, lxw_format *format, long line)
{
    size_t n = t->count;
    lxw_rich_string_tuple *tuples = calloc(n, sizeof *tuples);
    lxw_rich_string_tuple **list = calloc(n + 1, sizeof *list);
    char *strings = malloc(t->buf.len + n);
    zb_status st = tuples && list && strings ? ZB_OK : ZB_ERR_NOMEM;
    size_t at = 0;
    for (size_t i = 0; st == ZB_OK && i < n; i++) {
        size_t start = t->frags[i].start;
        size_t len = (i + 1 < n ? t->frags[i + 1].start : t->buf.len) - start;
        xlsx_look font = {.font = t->frags[i].style};
        tuples[i].format = xlsx_format_get(&sh->book->formats, &font);
        tuples[i].string = memcpy(strings + at, t->buf.data + start, len);
        strings[at + len] = '\0';
        at += len + 1;
        list[i] = &tuples[i];
        if (!tuples[i].format)
            st = ZB_ERR_NOMEM;
    }
    if (st == ZB_OK)
        st = sheet_check(sh, worksheet_write_rich_string(sh->ws, row, col, list,
                                                         format), line);
    free(tuples);
    free(list);
    free(strings);
    return st;
}

/* Write T into the cell at ROW, COL in LOOK; a text in one style gets that
   style's font, a text mixing styles becomes a rich string. */
static zb_status write_text(sheet *sh, lxw_row_t row, lxw_col_t col,
                            const xlsx_text *t, xlsx_look look, long line)
{
    const lo_style *style = xlsx_text_style(t);
    if (style)
        look.font = style;
    lxw_format *format = xlsx_format_get(&sh->book->formats, &look);
    if (!format || xlsx_text_failed(t))
        return ZB_ERR_NOMEM;
    if (!t->buf.len)
        return sheet_check(sh, worksheet_write_blank(sh->ws, row, col, format),
                           line);
    if (style)
        return sheet_check(sh, worksheet_write_string(sh->ws, row, col,
                                                      t->buf.data, format),
                           line);
    return write_rich(sh, row, col, t, format, line);
}

/* Merge the cells ROW1..ROW2 x COL1..COL2 (when more than one) in LOOK,
   so that every cell of the range carries its borders. Without borders
   only the first cell, which the caller writes, needs to exist: the range
   gets no format, and libxlsxwriter writes no blank cells into it. */
static zb_status merge_cells(sheet *sh, lxw_row_t row1, lxw_col_t col1,
                             lxw_row_t row2, lxw_col_t col2,
                             const xlsx_look *look, long line)
{
    if (row1 == row2 && col1 == col2)
        return ZB_OK;
    lxw_format *format = NULL;
    if (look->borders && look->border_width > 0) {
        format = xlsx_format_get(&sh->book->formats, look);
        if (!format)
            return ZB_ERR_NOMEM;
    }
    return sheet_check(sh, worksheet_merge_range(sh->ws, row1, col1, row2,
                                                 col2, "", format), line);
}

/* A paragraph, label/value line or signature: a row merged across the
   sheet. */
static zb_status write_line(sheet *sh, lxw_row_t row, const xlsx_text *t,
                            const lo_style *style, lo_align align, long line)
{
    xlsx_look look = {.font = style, .align = align,
                      .valign = LO_VALIGN_MIDDLE, .wrap = true};
    size_t last = sh->plan.col_count - 1;
    zb_status st = merge_cells(sh, row, 0, row, (lxw_col_t)last, &look, line);
    if (st == ZB_OK)
        st = write_text(sh, row, 0, t, look, line);
    need_height(sh, row, xlsx_text_height(t, style, xlsx_plan_width(&sh->plan, 0, last)) +
                             LINE_ROW_PADDING);
    return st;
}

/* A rule: the bottom border of a low row across the sheet. */
static zb_status write_rule(sheet *sh, lxw_row_t row, const lo_rule *rule,
                            long line)
{
    xlsx_look look = {.borders = LO_BORDER_BOTTOM, .border_width = rule->width,
                      .border_color = rule->color};
    lxw_format *format = xlsx_format_get(&sh->book->formats, &look);
    if (!format)
        return ZB_ERR_NOMEM;
    zb_status st = ZB_OK;
    for (size_t c = 0; st == ZB_OK && c < sh->plan.col_count; c++)
        st = sheet_check(sh, worksheet_write_blank(sh->ws, row, (lxw_col_t)c,
                                                   format), line);
    return st;
}

/* ----------------------------------------------------------- tables */

static xlsx_look cell_look(const lo_cell *c, const lo_table *t)
{
    xlsx_look look = {.font = c->style, .align = c->align,
                      .valign = c->valign, .wrap = true,
                      .borders = c->borders, .border_width = t->border};
    if (c->type == LO_CELL_INTEGER || c->type == LO_CELL_MONEY) {
        look.number = XLSX_NUMBER_DECIMAL;
        look.decimals = c->decimals;
        look.hide_zero = c->calc != LO_CALC_NONE && !c->has_value;
    } else if (c->type == LO_CELL_DATE) {
        look.number = c->iso_date ? XLSX_NUMBER_DATE_ISO : XLSX_NUMBER_DATE_CN;
    }
    return look;
}

/* The number a numeric cell holds (0 when empty). */
static double cell_number(const lo_cell *c)
{
    double scale = 1;
    for (int i = 0; i < c->decimals; i++)
        scale *= 10;
    return c->has_value ? (double)c->value / scale : 0;
}

static zb_status write_number(sheet *sh, lxw_row_t row, lxw_col_t col,
                              double value, const xlsx_look *look, long line)
{
    lxw_format *format = xlsx_format_get(&sh->book->formats, look);
    if (!format)
        return ZB_ERR_NOMEM;
    return sheet_check(sh, worksheet_write_number(sh->ws, row, col, value,
                                                  format), line);
}

/* A total: its formula, with the layout's figure as the cached result. */
static zb_status write_total(sheet *sh, lxw_row_t row, lxw_col_t col,
                             const lo_cell *c, const xlsx_look *look)
{
    zb_buf *formula = &sh->book->scratch;
    zb_status st = xlsx_formula(c, sh->pos, formula);
    if (st == ZB_ERR_RENDER) {
        diags_add(sh->book->diags, sh->doc->name, c->line, 0, DIAG_WARNING,
                  "xlsx", "合计公式超过 Excel 的 8192 个字符，只写入合计数");
        return write_number(sh, row, col, cell_number(c), look, c->line);
    }
    lxw_format *format = xlsx_format_get(&sh->book->formats, look);
    if (st != ZB_OK || !format)
        return ZB_ERR_NOMEM;
    return sheet_check(sh, worksheet_write_formula_num(sh->ws, row, col,
                                                       formula->data, format,
                                                       cell_number(c)),
                       c->line);
}

static zb_status write_value(sheet *sh, lxw_row_t row, lxw_col_t col,
                             const lo_cell *c, const xlsx_text *text,
                             const xlsx_look *look)
{
    if (c->calc != LO_CALC_NONE && c->more && c->more->ref_count)
        return write_total(sh, row, col, c, look);
    if (c->has_value && (c->type == LO_CELL_INTEGER ||
                         c->type == LO_CELL_MONEY))
        return write_number(sh, row, col, cell_number(c), look, c->line);
    if (c->has_value && c->type == LO_CELL_DATE) {
        double day = date_to_days((int32_t)c->value) + EXCEL_1970;
        if (day >= EXCEL_1900_03_01)
            return write_number(sh, row, col, day, look, c->line);
    }
    return write_text(sh, row, col, text, *look, c->line);
}

/* Write cell C of table block INDEX, merged over the sheet rows and
   columns it spans. */
static zb_status write_cell(sheet *sh, const lo_table *t, size_t index,
                            const lo_cell *c)
{
    const size_t *map = sh->plan.colmap[index];
    const size_t *at = sh->plan.row_at[index];
    lxw_row_t base = sh->plan.block_row[index];
    lxw_row_t row1 = base + (lxw_row_t)at[c->row];
    lxw_row_t row2 = base + (lxw_row_t)at[c->row + c->rowspan] - 1;
    size_t col1 = map[c->col], col2 = map[c->col + c->colspan] - 1;
    xlsx_text *text = &sh->book->text;
    xlsx_look look = cell_look(c, t);
    xlsx_text_reset(text);
    look.align = xlsx_text_cell(text, c, xlsx_plan_width(&sh->plan, col1, col2));
    zb_status st = merge_cells(sh, row1, (lxw_col_t)col1, row2,
                               (lxw_col_t)col2, &look, c->line);
    if (st != ZB_OK)
        return st;
    return write_value(sh, row1, (lxw_col_t)col1, c, text, &look);
}

/* A table: its rows' heights are the plan's. */
static zb_status write_table(sheet *sh, const lo_block *b, size_t index)
{
    const lo_table *t = &b->u.table;
    zb_status st = ZB_OK;
    for (size_t r = 0; st == ZB_OK && r < t->row_count; r++)
        for (size_t i = 0; st == ZB_OK && i < t->rows[r].cell_count; i++)
            st = write_cell(sh, t, index, &t->rows[r].cells[i]);
    return st;
}

/* ------------------------------------------------------------ blocks */

static zb_status write_block(sheet *sh, const lo_block *b, size_t index)
{
    lxw_row_t row = sh->plan.block_row[index];
    xlsx_text *t = &sh->book->text;
    xlsx_text_reset(t);
    switch (b->kind) {
    case LO_BLOCK_PARA:
        xlsx_text_para(t, &b->u.para);
        return write_line(sh, row, t, b->u.para.style, b->u.para.align,
                          b->line);
    case LO_BLOCK_FIELDS:
        xlsx_text_fields(t, &b->u.fields,
                         xlsx_plan_width(&sh->plan, 0, sh->plan.col_count - 1));
        return write_line(sh, row, t, b->u.fields.style, LO_ALIGN_LEFT,
                          b->line);
    case LO_BLOCK_SIGNATURE:
        xlsx_text_signature(t, &b->u.signature);
        return write_line(sh, row, t, b->u.signature.style,
                          b->u.signature.align, b->line);
    case LO_BLOCK_TABLE:
        return write_table(sh, b, index);
    case LO_BLOCK_RULE:
        return write_rule(sh, row, &b->u.rule, b->line);
    case LO_BLOCK_SPACE:
    case LO_BLOCK_PAGE_BREAK:
    case LO_BLOCK_SIGNOFF:   /* refused by xlsx_plan_section() */
    case LO_BLOCK_COLOPHON:
    case LO_BLOCK_KEEP:
        break;
    }
    return ZB_OK;
}

/* ------------------------------------------------------ sheet set-up */

static zb_status set_columns(sheet *sh)
{
    zb_status st = ZB_OK;
    for (size_t c = 0; st == ZB_OK && c < sh->plan.col_count; c++) {
        long px0 = lround(sh->plan.grid[c] * PX_PER_PT);
        long px1 = lround(sh->plan.grid[c + 1] * PX_PER_PT);
        st = sheet_check(sh, worksheet_set_column_pixels(
                                 sh->ws, (lxw_col_t)c, (lxw_col_t)c,
                                 (uint32_t)(px1 - px0), NULL),
                         sh->section->line);
    }
    return st;
}

/* HEIGHT, pt, rounded up to a quarter point: a binary fraction, which the
   workbook's XML spells in a few digits (libxlsxwriter prints "%.16G":
   22.75, not 22.67716535433071, in half the time). Excel's default 15 pt
   is made 15.25, as a row of the default height is written without
   customHeight and LibreOffice would size it again itself. */
static double row_height(double height)
{
    double quarters = ceil(height * 4 - 1e-6);
    return quarters == LXW_DEF_ROW_HEIGHT * 4 ? LXW_DEF_ROW_HEIGHT + 0.25
                                              : quarters / 4;
}

static zb_status set_rows(sheet *sh)
{
    size_t cut = 0;
    zb_status st = ZB_OK;
    for (size_t r = 0; st == ZB_OK && r < sh->plan.row_count; r++) {
        double height = row_height(sh->plan.heights[r]);
        if (height > XLSX_ROW_MAX_HEIGHT) {
            height = XLSX_ROW_MAX_HEIGHT;
            cut++;
        }
        st = sheet_check(sh, worksheet_set_row(sh->ws, (lxw_row_t)r, height,
                                               NULL), sh->section->line);
    }
    if (cut)
        diags_add(sh->book->diags, sh->doc->name, sh->section->line, 0,
                  DIAG_WARNING, "xlsx", "工作表 “%s” 有 %zu 行需要超过 Excel "
                  "最大行高 409 磅的高度，文字显示不全", sh->section->name,
                  cut);
    return st;
}

/* The footer in Excel's header/footer codes: place, size, font, colour,
   then the text with {page} as &P and {pages} as &N. */
static void footer_code(const lo_footer *f, zb_buf *out)
{
    static const char *const places[] = {"&L", "&C", "&R", "&R", "&L"};
    const lo_style *style = f->style;
    buf_reset(out);
    buf_printf(out, "%s&%ld&\"%s,%s\"", places[f->align], lround(style->size),
               xlsx_font_name(style->font), style->bold ? "Bold" : "Regular");
    if (style->color)
        buf_printf(out, "&K%06X", (unsigned)style->color);
    for (const char *p = f->format; *p;) {
        if (!strncmp(p, "{pages}", 7)) {
            buf_append_str(out, "&N");
            p += 7;
        } else if (!strncmp(p, "{page}", 6)) {
            buf_append_str(out, "&P");
            p += 6;
        } else if (*p == '&') {
            buf_append_str(out, "&&");
            p++;
        } else {
            buf_append(out, p++, 1);
        }
    }
}

static zb_status set_footer(sheet *sh)
{
    const lo_section *s = sh->section;
    const lo_footer *f = s->footer;
    if (!f)
        return ZB_OK;
    zb_buf *code = &sh->book->scratch;
    footer_code(f, code);
    if (code->failed)
        return ZB_ERR_NOMEM;
    if (lxw_utf8_strlen(code->data) > 255) {
        diags_add(sh->book->diags, sh->doc->name, s->line, 0, DIAG_WARNING,
                  "xlsx", "页脚 “%s” 超过 Excel 页眉页脚的 255 个字符，工作表 "
                  "“%s” 不印页码", f->format, s->name);
        return ZB_OK;
    }
    /* Excel measures from the paper's edge to the footer's baseline */
    double margin = s->margin_bottom - f->offset - f->style->size;
    lxw_header_footer_options options = {.margin = fmax(margin, 0) / 72};
    return sheet_check(sh, worksheet_set_footer_opt(sh->ws, code->data,
                                                    &options), s->line);
}

static zb_status set_page(sheet *sh)
{
    const lo_section *s = sh->section;
    lxw_worksheet *ws = sh->ws;
    bool a3 = fmax(s->page_width, s->page_height) > 320 * LO_PT_PER_MM;
    worksheet_set_paper(ws, a3 ? PAPER_A3 : PAPER_A4);
    if (s->landscape)
        worksheet_set_landscape(ws);
    worksheet_set_margins(ws, s->margin_left / 72, s->margin_right / 72,
                          s->margin_top / 72, s->margin_bottom / 72);
    worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
    /* one page wide, as tall as it takes: the page breaks still count */
    worksheet_fit_to_pages(ws, 1, 0);
    if (!s->continue_numbering)
        worksheet_set_start_page(ws, 1);
    zb_status st = ZB_OK;
    if (sh->plan.break_count)
        st = sheet_check(sh, worksheet_set_h_pagebreaks(ws, sh->plan.breaks),
                         s->line);
    if (st == ZB_OK && sh->plan.repeat_first >= 0)
        st = sheet_check(sh, worksheet_repeat_rows(
                                 ws, (lxw_row_t)sh->plan.repeat_first,
                                 (lxw_row_t)sh->plan.repeat_last), s->line);
    return st == ZB_OK ? set_footer(sh) : st;
}

/* The sections of SRC as one, into OUT: the first's name, page and
   footer, the blocks of all with a page break before each copy after the
   first. *BLOCKS is what the caller frees (NULL for one section). */
static zb_status stack_sections(const xlsx_sheet_src *src, lo_section *out,
                                lo_block **blocks)
{
    *out = *src->sections[0];
    out->name = src->name;
    *blocks = NULL;
    if (src->count == 1)
        return ZB_OK;
    size_t n = 0;
    for (size_t i = 0; i < src->count; i++)
        n += src->sections[i]->block_count + (i > 0);
    lo_block *b = calloc(n, sizeof *b);
    if (!b)
        return ZB_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < src->count; i++) {
        const lo_section *s = src->sections[i];
        if (i)
            b[k++] = (lo_block){.kind = LO_BLOCK_PAGE_BREAK, .line = s->line};
        memcpy(&b[k], s->blocks, s->block_count * sizeof *b);
        k += s->block_count;
    }
    out->blocks = *blocks = b;
    out->block_count = n;
    return ZB_OK;
}

/* Room in POS for the table cells of S: they are numbered in document
   order (lo_cell.seq), so from its first table's first cell to its last
   table's last. */
static zb_status alloc_cells(const lo_section *s, xlsx_cells *pos)
{
    size_t first = SIZE_MAX, end = 0;
    for (size_t i = 0; i < s->block_count; i++) {
        const lo_table *t = &s->blocks[i].u.table;
        for (size_t r = 0; s->blocks[i].kind == LO_BLOCK_TABLE &&
                           r < t->row_count; r++) {
            const lo_row *row = &t->rows[r];
            if (!row->cell_count)
                continue;
            if (row->cells[0].seq < first)
                first = row->cells[0].seq;
            if (row->cells[row->cell_count - 1].seq >= end)
                end = row->cells[row->cell_count - 1].seq + 1;
        }
    }
    pos->first = end ? first : 0;
    pos->at = calloc(end ? end - first : 1, sizeof *pos->at);
    return pos->at ? ZB_OK : ZB_ERR_NOMEM;
}

zb_status xlsx_write_sheet(xlsx_book *book, const xlsx_sheet_src *src)
{
    lo_section s;
    lo_block *blocks;
    xlsx_cells pos = {0};
    zb_status st = stack_sections(src, &s, &blocks);
    if (st == ZB_OK)
        st = alloc_cells(&s, &pos);
    if (st != ZB_OK) {
        free(blocks);
        return st;
    }
    sheet sh = {.book = book, .doc = src->doc, .section = &s, .pos = &pos};
    st = xlsx_plan_section(src->doc, &s, &pos, &book->text, &sh.plan,
                           book->diags);
    if (st == ZB_OK) {
        sh.ws = workbook_add_worksheet(book->workbook, s.name);
        st = sh.ws ? set_columns(&sh) : ZB_ERR_NOMEM;
    }
    if (st == ZB_OK)
        st = set_page(&sh);
    for (size_t i = 0; st == ZB_OK && i < s.block_count; i++)
        st = write_block(&sh, &s.blocks[i], i);
    if (st == ZB_OK)
        st = set_rows(&sh);
    xlsx_plan_free(&sh.plan);
    free(pos.at);
    free(blocks);
    return st;
}
