/*
 * layout_table.c - reading <table>: columns, the cell grid with its spans,
 * typed cells, and the sum/product references of total cells.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/date.h"
#include "../core/num.h"
#include "layout_reader.h"

/* ---------------------------------------------------------- columns */

/* Resolve star widths against the body width. */
static void resolve_widths(lo_reader *r, xmlNodePtr n, lo_table *t,
                           const bool *star)
{
    double fixed = 0, shares = 0;
    for (size_t i = 0; i < t->col_count; i++) {
        if (star[i])
            shares += t->cols[i].width;
        else
            fixed += t->cols[i].width;
    }
    double body = layout_body_width(r->section);
    double rest = body - fixed;
    if (rest < -0.5 || (shares > 0 && rest < 1)) {
        reader_error(r, n, "固定列宽之和 %.1f 毫米超过或占满了版心宽度 %.1f 毫米",
                     fixed / LO_PT_PER_MM, body / LO_PT_PER_MM);
        rest = shares > 0 ? shares : 0;
    }
    for (size_t i = 0; i < t->col_count; i++)
        if (star[i])
            t->cols[i].width = rest * t->cols[i].width / shares;
}

static const char *const cell_types[] = {"text", "integer", "money", "date",
                                         "check", NULL};
static const char *const date_formats[] = {"cn", "iso", NULL};

static zb_status read_cols(lo_reader *r, xmlNodePtr n, lo_table *t,
                           size_t count)
{
    static const char *const attrs[] = {"width", "align", "type",
                                        "date-format", NULL};
    t->cols = arena_calloc(r->arena, count, sizeof *t->cols);
    bool *star = calloc(count, sizeof *star);
    if (!t->cols || !star) {
        free(star);
        return ZB_ERR_NOMEM;
    }
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!reader_is(c, "col"))
            continue;
        reader_check_attrs(r, c, attrs);
        lo_column *col = &t->cols[t->col_count];
        if (!reader_width(r, c, &col->width, &star[t->col_count])) {
            col->width = 1; /* "1*" */
            star[t->col_count] = true;
        }
        col->has_align = reader_attr(c, "align") != NULL;
        col->align = (lo_align)reader_enum(r, c, "align", lo_align_names, 0);
        col->type = (lo_cell_type)reader_enum(r, c, "type", cell_types, 0);
        col->iso_date = reader_enum(r, c, "date-format", date_formats, 0);
        t->col_count++;
    }
    resolve_widths(r, n, t, star);
    free(star);
    return ZB_OK;
}

/* ------------------------------------------------------------ cells */

/* The borders of cell N, whose border attribute is V (NULL: absent). */
static unsigned read_borders(lo_reader *r, xmlNodePtr n, const char *v)
{
    if (!v || !strcmp(v, "all"))
        return LO_BORDER_ALL;
    if (!strcmp(v, "none"))
        return 0;
    static const char *const sides[] = {"top", "right", "bottom", "left"};
    unsigned mask = 0;
    const char *p = v;
    while (*p) {
        size_t len = strcspn(p, " ");
        int found = 0;
        for (int i = 0; i < 4; i++)
            if (len == strlen(sides[i]) && !strncmp(p, sides[i], len)) {
                mask |= 1u << i;
                found = 1;
            }
        if (!found) {
            reader_error(r, n, "border=\"%s\" 应为 all、none 或 top right "
                               "bottom left 的组合", v);
            return LO_BORDER_ALL;
        }
        p += len;
        p += strspn(p, " ");
    }
    return mask;
}

/* The trimmed text content of a typed cell, or NULL after an error. */
static const char *typed_text(lo_reader *r, xmlNodePtr n, lo_cell *cell)
{
    if (cell->run_count > 1 || (cell->run_count && cell->runs[0].style !=
                                                       cell->style)) {
        reader_error(r, n, "数值、日期与勾选单元格只能写纯文字");
        return NULL;
    }
    return cell->run_count ? cell->runs[0].text : "";
}

/* Is TEXT an integer as num_format_decimal() writes it (no sign but a
   minus, no leading zero)? Then the shown text is TEXT itself. */
static int is_plain_integer(const char *text)
{
    const char *p = text + (*text == '-');
    if (*p == '0')
        return p[1] == '\0' && p == text;
    for (; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return p > text + (*text == '-');
}

static void format_typed(lo_reader *r, xmlNodePtr n, lo_cell *cell)
{
    const char *text = typed_text(r, n, cell);
    char shown[64] = "";
    if (!text || !*text) {
        cell->text = "";
        return;
    }
    int ok = 1;
    switch (cell->type) {
    case LO_CELL_TEXT:
        break;
    case LO_CELL_INTEGER:
        ok = num_parse_decimal(text, 0, &cell->value);
        if (ok && is_plain_integer(text))
            break;
        num_format_decimal(cell->value, 0, shown, sizeof shown);
        break;
    case LO_CELL_MONEY:
        ok = num_parse_decimal(text, cell->decimals, &cell->value);
        num_format_decimal(cell->value, cell->decimals, shown, sizeof shown);
        break;
    case LO_CELL_DATE: {
        int32_t ymd = 0;
        ok = date_parse(text, &ymd) == ZB_OK;
        cell->value = ymd;
        if (!cell->iso_date) /* date_parse() takes only YYYY-MM-DD: */
            date_format_cn(ymd, shown); /* an ISO date shows TEXT as it is */
        break;
    }
    case LO_CELL_CHECK:
        cell->value = strcmp(text, "0") && strcmp(text, "false");
        cell->has_value = cell->value;
        cell->text = cell->value ? "√" : "";
        return;
    }
    if (!ok) {
        reader_error(r, n, "“%s” 不是 %s 类型的值%s", text,
                     cell_types[cell->type],
                     cell->type == LO_CELL_MONEY ? "（小数位数不能超过 decimals）"
                                                 : "");
        cell->text = "";
        return;
    }
    cell->has_value = true;
    cell->text = *shown ? reader_strdup(r, shown) : text;
}

/* The display text of a text cell: its runs joined. */
static const char *join_runs(lo_reader *r, const lo_cell *cell)
{
    if (cell->run_count == 1)
        return cell->runs[0].text;
    zb_buf b = {0};
    for (size_t i = 0; i < cell->run_count; i++)
        buf_append_str(&b, cell->runs[i].text);
    const char *s = reader_strdup(r, buf_str(&b));
    buf_free(&b);
    return s;
}

static int has_block_child(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (reader_is(c, "p") || reader_is(c, "signature"))
            return 1;
    return 0;
}

/* CELL's more, made when it has none yet; NULL when out of memory. */
static lo_cell_more *cell_more(lo_reader *r, lo_cell *cell)
{
    if (!cell->more)
        cell->more = arena_alloc(r->arena, sizeof *cell->more);
    return cell->more;
}

static zb_status read_cell_content(lo_reader *r, xmlNodePtr n, lo_cell *cell)
{
    if (has_block_child(n)) {
        if (cell->type != LO_CELL_TEXT)
            reader_error(r, n, "数值、日期与勾选单元格不能包含块");
        cell->text = "";
        lo_cell_more *more = cell_more(r, cell);
        return more ? reader_cell_blocks(r, n, &more->blocks,
                                         &more->block_count)
                    : ZB_ERR_NOMEM;
    }
    size_t runs;
    zb_status st = reader_inline(r, n, cell->style, cell->src, &cell->runs,
                                 &runs);
    cell->run_count = (uint32_t)runs;
    if (st != ZB_OK)
        return st;
    if (cell->type == LO_CELL_TEXT)
        cell->text = cell->run_count ? join_runs(r, cell) : "";
    else
        format_typed(r, n, cell);
    return cell->text ? ZB_OK : ZB_ERR_NOMEM;
}

/* Note the sum or product attribute (SUM, PRODUCT: their values or NULL)
   of cell N to resolve when every id is known. */
static zb_status note_refs(lo_reader *r, xmlNodePtr n, lo_cell *cell,
                           const char *sum, const char *product)
{
    if (!sum && !product)
        return ZB_OK;
    if (sum && product) {
        reader_error(r, n, "sum 与 product 不能同时使用");
        return ZB_OK;
    }
    if (cell->type != LO_CELL_INTEGER && cell->type != LO_CELL_MONEY) {
        reader_error(r, n, "合计单元格的 type 须为 integer 或 money");
        return ZB_OK;
    }
    cell->calc = sum ? LO_CALC_SUM : LO_CALC_PRODUCT;
    if (r->pending_count == r->pending_cap) {
        size_t cap = r->pending_cap ? r->pending_cap * 2 : 16;
        lo_pending_ref *p = realloc(r->pending, cap * sizeof *p);
        if (!p)
            return ZB_ERR_NOMEM;
        r->pending = p;
        r->pending_cap = cap;
    }
    r->pending[r->pending_count++] = (lo_pending_ref){
        cell, reader_section_number(r), reader_strdup(r, sum ? sum : product)};
    return ZB_OK;
}

/* The attributes of a cell, in the order of cell_attrs. */
enum {
    CELL_COLSPAN, CELL_ROWSPAN, CELL_TYPE, CELL_DECIMALS, CELL_DATE_FORMAT,
    CELL_STYLE, CELL_ALIGN, CELL_VALIGN, CELL_BORDER, CELL_ID, CELL_SUM,
    CELL_PRODUCT, CELL_SRC, CELL_KEEP_TOGETHER, CELL_ATTRS
};

/* Read cell N of table T; COL is the column it starts in when it is a cell
   of the table's body (its type and date-format are the defaults), else
   NULL. *ALIGN is its align attribute (NULL: absent), which read_row()
   applies once the cell is placed. */
static zb_status read_cell(lo_reader *r, xmlNodePtr n, const lo_table *t,
                           const lo_column *col, lo_cell *cell,
                           const char **align)
{
    static const char *const cell_attrs[] = {"colspan", "rowspan", "type",
        "decimals", "date-format", "style", "align", "valign", "border", "id",
        "sum", "product", "src", "keep-together", NULL};
    static const char *const valigns[] = {"top", "middle", "bottom", NULL};
    const char *v[CELL_ATTRS];
    reader_attrs(r, n, cell_attrs, v);
    cell->seq = r->doc->cell_count++;
    cell->line = reader_line(r, n);
    cell->colspan =
        (int)reader_int_of(r, n, "colspan", v[CELL_COLSPAN], 1, 1, 1000);
    cell->rowspan =
        (int)reader_int_of(r, n, "rowspan", v[CELL_ROWSPAN], 1, 1, 1000000);
    cell->keep_together = reader_enum_of(r, n, "keep-together",
                                         v[CELL_KEEP_TOGETHER],
                                         lo_bool_names, 1) % 2;
    cell->type = (lo_cell_type)reader_enum_of(r, n, "type", v[CELL_TYPE],
                                              cell_types,
                                              col ? (int)col->type : 0);
    cell->decimals =
        (int)reader_int_of(r, n, "decimals", v[CELL_DECIMALS], 2, 0, 6);
    if (cell->type == LO_CELL_INTEGER)
        cell->decimals = 0;
    cell->iso_date = reader_enum_of(r, n, "date-format", v[CELL_DATE_FORMAT],
                                    date_formats, col && col->iso_date);
    const lo_style *style = reader_style_of(r, n, v[CELL_STYLE], 0);
    cell->style = style ? style : t->style;
    cell->valign = (lo_valign)reader_enum_of(r, n, "valign", v[CELL_VALIGN],
                                             valigns, 1);
    cell->borders = read_borders(r, n, v[CELL_BORDER]);
    cell->src = v[CELL_SRC] ? reader_strdup(r, v[CELL_SRC]) : NULL;
    const char *id = v[CELL_ID];
    if (id) {
        if (!cell_more(r, cell))
            return ZB_ERR_NOMEM;
        cell->more->id = reader_strdup(r, id);
        if (xmlHashAddEntry(r->ids, BAD_CAST id, cell) != 0)
            reader_error(r, n, "id “%s” 重复", id);
        else
            xmlHashAddEntry(r->cell_section, BAD_CAST id,
                            (void *)(reader_section_number(r) + 1));
    }
    *align = v[CELL_ALIGN];
    zb_status st = note_refs(r, n, cell, v[CELL_SUM], v[CELL_PRODUCT]);
    return st == ZB_OK ? read_cell_content(r, n, cell) : st;
}

/* -------------------------------------------------------------- grid */

/* Place the cells of row N on the grid. LEFT[c] counts the rows column c is
   still covered by a cell from above (including this row). A row without
   cells is refused, even one wholly under cells from above. */
static zb_status read_row(lo_reader *r, xmlNodePtr n, lo_table *t,
                          size_t index, int *left)
{
    static const char *const attrs[] = {"height", "keep-with-next", NULL};
    reader_check_attrs(r, n, attrs);
    lo_row *row = &t->rows[index];
    row->line = reader_line(r, n);
    row->min_height = reader_mm(r, n, "height", 0);
    row->keep_with_next =
        reader_enum(r, n, "keep-with-next", lo_bool_names, 0) % 2;
    size_t count = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        count += c->type == XML_ELEMENT_NODE;
    int ncols = (int)t->col_count, col = 0;
    if (!count) {
        reader_error(r, n, "没有单元格：每行至少要有一个 <cell>（整行都在上方"
                           "跨行的单元格之下时，减小那个单元格的 rowspan，"
                           "用 height 给出行高）");
        for (int k = 0; k < ncols; k++)
            left[k]--;
        return ZB_OK;
    }
    row->cells = arena_calloc(r->arena, count, sizeof *row->cells);
    if (!row->cells)
        return ZB_ERR_NOMEM;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE)
            continue;
        if (!reader_is(c, "cell")) {
            if (c->type == XML_ELEMENT_NODE)
                reader_error(r, c, "<row> 里只能有 <cell>");
            continue;
        }
        lo_cell *cell = &row->cells[row->cell_count++];
        const char *align;
        while (col < ncols && left[col] > 0)
            col++;
        const lo_column *body = index >= t->header_rows && col < ncols
                                    ? &t->cols[col] : NULL;
        zb_status st = read_cell(r, c, t, body, cell, &align);
        if (st != ZB_OK)
            return st;
        cell->row = (int)index;
        cell->col = col;
        if (col + cell->colspan > ncols) {
            reader_error(r, c, "超出表格的 %d 列（从第 %d 列起跨 %d 列）", ncols,
                         col + 1, cell->colspan);
            cell->colspan = col < ncols ? ncols - col : 1;
            if (col >= ncols)
                continue;
        }
        for (int k = col; k < col + cell->colspan; k++) {
            if (left[k] > 0)
                reader_error(r, c, "与上方跨行的单元格重叠（第 %d 列）", k + 1);
            left[k] = cell->rowspan;
        }
        lo_column *first = &t->cols[col];
        cell->align = align ? (lo_align)reader_enum_of(r, c, "align", align,
                                                       lo_align_names, 0)
                    : first->has_align ? first->align : cell->style->align;
        col += cell->colspan;
    }
    for (int k = 0; k < ncols; k++)
        if (left[k] <= 0) {
            reader_error(r, n, "没有铺满全部 %d 列（第 %d 列空缺）", ncols, k + 1);
            break;
        }
    for (int k = 0; k < ncols; k++)
        left[k]--;
    return ZB_OK;
}

static void check_spans(lo_reader *r, xmlNodePtr n, const lo_table *t,
                        const int *left)
{
    for (size_t k = 0; k < t->col_count; k++)
        if (left[k] > 0) {
            reader_error(r, n, "有单元格跨行超出了表格末行（第 %zu 列）", k + 1);
            return;
        }
    for (size_t i = 0; i < t->header_rows && i < t->row_count; i++)
        for (size_t j = 0; j < t->rows[i].cell_count; j++) {
            const lo_cell *c = &t->rows[i].cells[j];
            if ((size_t)(c->row + c->rowspan) > t->header_rows) {
                reader_error(r, n, "表头单元格（第 %zu 行）跨行进入了表体", i + 1);
                return;
            }
        }
}

/* Read the rows of table N from its FIRST into T (room made for them),
   each freed once read when R says; LEFT is the columns' coverage by
   cells from above (read_row()). */
static zb_status read_rows(lo_reader *r, xmlNodePtr n, lo_table *t,
                           size_t first, int *left)
{
    size_t k = 0;
    zb_status st = ZB_OK;
    for (xmlNodePtr c = n->children, next; c && st == ZB_OK; c = next) {
        next = c->next;
        if (!reader_is(c, "row"))
            continue;
        if (k++ >= first)
            st = read_row(r, c, t, t->row_count++, left);
        if (r->piece) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
    return st;
}

/* End the table T of element N: check its spans, unless R reads a table
   in ranges of rows and more are to come (then T stays open). */
static void end_table(lo_reader *r, xmlNodePtr n, lo_table *t, int *left)
{
    if (r->rows_more) {
        r->open_table = t;
        r->open_left = left;
        r->open_node = n;
        return;
    }
    check_spans(r, n, t, left);
    free(left);
}

zb_status reader_table(lo_reader *r, xmlNodePtr n, lo_table *t)
{
    static const char *const attrs[] = {"style", "header-rows", "border",
                                        "padding", NULL};
    reader_check_attrs(r, n, attrs);
    reader_close_table(r);  /* a table before it is not the one left open */
    t->style = reader_style(r, n, 1);
    t->border = reader_mm(r, n, "border", 0.25);
    t->padding = reader_mm(r, n, "padding", 1);
    size_t cols = 0, rows = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (reader_is(c, "col"))
            cols += !rows ? 1 : (reader_error(r, c, "<col> 须写在所有 <row> "
                                                    "之前"), 0);
        else if (reader_is(c, "row"))
            rows++;
        else if (c->type == XML_ELEMENT_NODE)
            reader_error(r, c, "<table> 里只能有 <col> 与 <row>");
    }
    if (!cols || !rows) {
        reader_error(r, n, "表格至少要有一个 <col> 和一个 <row>");
        return ZB_OK;
    }
    t->header_rows = (size_t)reader_int(r, n, "header-rows", 0, 0, (long)rows);
    zb_status st = read_cols(r, n, t, cols);
    t->rows = arena_calloc(r->arena, rows, sizeof *t->rows);
    int *left = calloc(cols, sizeof *left);
    if (st == ZB_OK && (!t->rows || !left))
        st = ZB_ERR_NOMEM;
    if (st == ZB_OK)
        st = read_rows(r, n, t, 0, left);
    if (st != ZB_OK) {
        free(left);
        return st;
    }
    end_table(r, n, t, left);
    return ZB_OK;
}

zb_status reader_table_more(lo_reader *r, xmlNodePtr n)
{
    lo_table *t = r->open_table;
    int *left = r->open_left;
    r->open_table = NULL;
    r->open_left = NULL;
    r->open_node = NULL;
    size_t rows = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        rows += reader_is(c, "row");
    size_t body = rows > t->header_rows ? rows - t->header_rows : 0;
    lo_row *grown = arena_calloc(r->arena, t->row_count + body,
                                 sizeof *grown);
    if (!grown) {
        free(left);
        return ZB_ERR_NOMEM;
    }
    memcpy(grown, t->rows, t->row_count * sizeof *grown);
    t->rows = grown;
    zb_status st = read_rows(r, n, t, t->header_rows, left);
    if (st != ZB_OK) {
        free(left);
        return st;
    }
    end_table(r, n, t, left);
    return ZB_OK;
}

void reader_close_table(lo_reader *r)
{
    if (r->open_node)
        check_spans(r, r->open_node, r->open_table, r->open_left);
    free(r->open_left);
    r->open_table = NULL;
    r->open_left = NULL;
    r->open_node = NULL;
}

/* -------------------------------------------------------- references */

static void report_ref(lo_reader *r, const lo_cell *cell, const char *fmt,
                       const char *arg)
{
    diags_add(r->diags, r->doc->name, cell->line, 0, DIAG_ERROR, "layout",
              fmt, arg);
    r->errors++;
}

/* Collect the cells named in P->ids into P->cell->refs. */
static int collect_refs(lo_reader *r, const lo_pending_ref *p)
{
    const lo_cell *cell = p->cell;
    lo_cell_more *more = cell_more(r, p->cell);
    size_t count = 0;
    for (const char *s = p->ids; *s;) {
        s += strspn(s, " \t\n");
        if (*s)
            count++;
        s += strcspn(s, " \t\n");
    }
    if (more)
        more->refs = arena_calloc(r->arena, count ? count : 1,
                                  sizeof *more->refs);
    if (!more || !more->refs)
        return 0;
    char id[256];
    for (const char *s = p->ids; *s;) {
        s += strspn(s, " \t\n");
        size_t len = strcspn(s, " \t\n");
        if (!len)
            break;
        snprintf(id, sizeof id, "%.*s", (int)len, s);
        s += len;
        lo_cell *ref = xmlHashLookup(r->ids, BAD_CAST id);
        if (!ref) {
            report_ref(r, cell, "版面元素 <cell>：引用的 id “%s” 不存在", id);
            continue;
        }
        if ((size_t)xmlHashLookup(r->cell_section, BAD_CAST id) !=
            p->section + 1)
            report_ref(r, cell, "版面元素 <cell>：引用的 “%s” 在另一节（工作表）"
                                "中", id);
        else if (ref->type != LO_CELL_INTEGER && ref->type != LO_CELL_MONEY)
            report_ref(r, cell, "版面元素 <cell>：引用的 “%s” 不是数值单元格",
                       id);
        else
            more->refs[more->ref_count++] = ref;
    }
    return 1;
}

/* The value the references give, at the cell's decimals; 0 on overflow. */
static int compute_refs(const lo_cell *cell, int64_t *out)
{
    int64_t acc = cell->calc == LO_CALC_PRODUCT ? 1 : 0;
    int decimals = 0;
    for (size_t i = 0; i < cell->more->ref_count; i++) {
        const lo_cell *ref = cell->more->refs[i];
        int64_t v = ref->has_value ? ref->value : 0;
        if (cell->calc == LO_CALC_PRODUCT) {
            if (v && (acc > INT64_MAX / (v < 0 ? -v : v)))
                return 0;
            acc *= v;
            decimals += ref->decimals;
        } else {
            int64_t scaled;
            if (!num_rescale(v, ref->decimals, 6, &scaled))
                return 0;
            acc += scaled;
            decimals = 6;
        }
    }
    return num_rescale(acc, decimals, cell->decimals, out);
}

void reader_resolve_refs(lo_reader *r)
{
    for (size_t i = 0; i < r->pending_count; i++) {
        const lo_pending_ref *p = &r->pending[i];
        lo_cell *cell = p->cell;
        if (!collect_refs(r, p)) {
            report_ref(r, cell, "%s内存不足", "");
            continue;
        }
        int64_t expect;
        if (!cell->has_value || cell->more->ref_count == 0)
            continue;
        if (!compute_refs(cell, &expect)) {
            report_ref(r, cell, "版面元素 <cell>：%s 计算溢出",
                       cell->calc == LO_CALC_SUM ? "合计" : "乘积");
        } else if (expect != cell->value) {
            char want[64];
            num_format_decimal(expect, cell->decimals, want, sizeof want);
            diags_add(r->diags, r->doc->name, cell->line, 0, DIAG_ERROR,
                      "layout", "版面元素 <cell>：值 %s 与所引用单元格的%s %s "
                      "不符", cell->text,
                      cell->calc == LO_CALC_SUM ? "合计" : "乘积", want);
            r->errors++;
        }
    }
}
