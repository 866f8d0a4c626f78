/*
 * xlsx_plan.c - where the blocks of a section go on its worksheet (see
 * xlsx_sheet.h).
 */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx_sheet.h"

/* Column boundaries closer than this, pt, are one boundary. */
#define GRID_EPSILON 0.05
/* Vertical space below this, pt, gets no blank row of its own. */
#define MIN_BLANK_ROW 0.5
/* The height of the row that draws a rule as its bottom border, pt. */
#define RULE_ROW 2.0

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The union of the column boundaries of S's tables; one column of the body
   width when S has no table. */
static zb_status plan_grid(const lo_section *s, xlsx_plan *plan)
{
    size_t n = 2;
    for (size_t i = 0; i < s->block_count; i++)
        if (s->blocks[i].kind == LO_BLOCK_TABLE)
            n += s->blocks[i].u.table.col_count;
    double *xs = arena_calloc(&plan->arena, n, sizeof *xs);
    if (!xs)
        return ZB_ERR_NOMEM;
    size_t k = 1;
    for (size_t i = 0; i < s->block_count; i++) {
        if (s->blocks[i].kind != LO_BLOCK_TABLE)
            continue;
        const lo_table *t = &s->blocks[i].u.table;
        double x = 0;
        for (size_t c = 0; c < t->col_count; c++)
            xs[k++] = x += t->cols[c].width;
    }
    if (k == 1)
        xs[k++] = layout_body_width(s);
    qsort(xs, k, sizeof *xs, compare_double);
    size_t m = 1;
    for (size_t i = 1; i < k; i++)
        if (xs[i] - xs[m - 1] >= GRID_EPSILON)
            xs[m++] = xs[i];
    plan->grid = xs;
    plan->col_count = m - 1;
    return ZB_OK;
}

/* The index of the grid boundary at X. */
static size_t grid_index(const xlsx_plan *plan, double x)
{
    size_t lo = 0, hi = plan->col_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (plan->grid[mid] < x - GRID_EPSILON)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static zb_status plan_colmap(xlsx_plan *plan, const lo_block *b,
                             size_t **out, const char *name, zb_diags *diags)
{
    const lo_table *t = &b->u.table;
    size_t *map = arena_calloc(&plan->arena, t->col_count + 1, sizeof *map);
    if (!map)
        return ZB_ERR_NOMEM;
    double x = 0;
    for (size_t c = 0; c < t->col_count; c++) {
        x += t->cols[c].width;
        map[c + 1] = grid_index(plan, x);
        if (map[c + 1] == map[c]) {
            diags_add(diags, name, b->line, 0, DIAG_ERROR, "xlsx",
                      "表格第 %zu 列太窄（%.3f 磅），工作表里放不下", c + 1,
                      t->cols[c].width);
            return ZB_ERR_INVALID;
        }
    }
    *out = map;
    return ZB_OK;
}

double xlsx_plan_width(const xlsx_plan *plan, size_t first, size_t last)
{
    return plan->grid[last + 1] - plan->grid[first] - XLSX_CELL_MARGINS;
}

/* ----------------------------------------------------------- tables */

/* The height, pt, that cell C of table T (columns mapped by MAP) needs. */
static double cell_need(const xlsx_plan *plan, const lo_table *t,
                        const size_t *map, const lo_cell *c, xlsx_text *text)
{
    double width =
        xlsx_plan_width(plan, map[c->col], map[c->col + c->colspan] - 1);
    xlsx_text_reset(text);
    xlsx_text_cell(text, c, width);
    return xlsx_text_height(text, c->style, width) + 2 * t->padding;
}

/* The height of each row of table T into H, pt: that of its tallest cell,
   then what a cell spanning rows still lacks spread evenly over them. */
static void table_heights(const xlsx_plan *plan, const lo_table *t,
                          const size_t *map, xlsx_text *text, double *h)
{
    for (size_t r = 0; r < t->row_count; r++) {
        const lo_row *row = &t->rows[r];
        h[r] = row->min_height;
        for (size_t i = 0; i < row->cell_count; i++)
            if (row->cells[i].rowspan == 1)
                h[r] = fmax(h[r], cell_need(plan, t, map, &row->cells[i],
                                            text));
    }
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t i = 0; i < t->rows[r].cell_count; i++) {
            const lo_cell *c = &t->rows[r].cells[i];
            size_t n = (size_t)c->rowspan;
            if (n == 1)
                continue;
            double missing = cell_need(plan, t, map, c, text);
            for (size_t k = 0; k < n; k++)
                missing -= h[r + k];
            for (size_t k = 0; missing > 0 && k < n; k++)
                h[r + k] += missing / (double)n;
        }
}

/* Measure the table of block I and give each of its rows as many sheet
   rows as it needs to stay within Excel's tallest row: sets
   plan->row_at[I] and *HEIGHTS, the height of each sheet row. */
static zb_status plan_table(xlsx_plan *plan, const lo_block *b, size_t i,
                            xlsx_text *text, double **heights)
{
    const lo_table *t = &b->u.table;
    double *h = arena_calloc(&plan->arena, t->row_count + 1, sizeof *h);
    size_t *at = arena_calloc(&plan->arena, t->row_count + 1, sizeof *at);
    if (!h || !at)
        return ZB_ERR_NOMEM;
    table_heights(plan, t, plan->colmap[i], text, h);
    if (xlsx_text_failed(text))
        return ZB_ERR_NOMEM;
    for (size_t r = 0; r < t->row_count; r++)
        at[r + 1] = at[r] + (h[r] > XLSX_ROW_MAX_HEIGHT
                                 ? (size_t)ceil(h[r] / XLSX_ROW_MAX_HEIGHT)
                                 : 1);
    double *out = arena_calloc(&plan->arena, at[t->row_count] + 1, sizeof *out);
    if (!out)
        return ZB_ERR_NOMEM;
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t k = at[r]; k < at[r + 1]; k++)
            out[k] = h[r] / (double)(at[r + 1] - at[r]);
    plan->row_at[i] = at;
    *heights = out;
    return ZB_OK;
}

/* ------------------------------------------------------------- rows */

typedef struct row_cursor {
    xlsx_plan *plan;
    size_t row;       /* the next free row */
    double pending;   /* vertical space not yet given a row */
} row_cursor;

/* Take N rows for content, after a blank row for the pending space. */
static lxw_row_t rows_take(row_cursor *cur, size_t n)
{
    if (cur->pending >= MIN_BLANK_ROW)
        cur->plan->heights[cur->row++] = cur->pending;
    cur->pending = 0;
    size_t first = cur->row;
    cur->row += n;
    return (lxw_row_t)first;
}

static void rows_break(row_cursor *cur, size_t *cap)
{
    xlsx_plan *plan = cur->plan;
    cur->pending = 0; /* space at the foot of a page is not carried over */
    if (cur->row == 0 || plan->break_count == *cap ||
        (plan->break_count && plan->breaks[plan->break_count - 1] == cur->row))
        return;
    plan->breaks[plan->break_count++] = (lxw_row_t)cur->row;
}

static const lo_style *block_style(const lo_block *b)
{
    switch (b->kind) {
    case LO_BLOCK_PARA:
        return b->u.para.style;
    case LO_BLOCK_FIELDS:
        return b->u.fields.style;
    case LO_BLOCK_SIGNATURE:
        return b->u.signature.style;
    default:
        return NULL;
    }
}

/* Record where the cells of table T, its rows at AT from sheet row BASE,
   are. */
static void plan_cells(const lo_table *t, const size_t *map, const size_t *at,
                       lxw_row_t base, const xlsx_cells *pos)
{
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t i = 0; i < t->rows[r].cell_count; i++) {
            const lo_cell *c = &t->rows[r].cells[i];
            pos->at[c->seq - pos->first] =
                (xlsx_pos){base + (lxw_row_t)at[c->row],
                           (lxw_col_t)map[c->col]};
        }
}

/* Make the header rows of the longest table the rows printed on every
   page (a worksheet has only one such range) - unless a page break follows
   that table, as its header would then head pages without it. */
static void plan_repeat(xlsx_plan *plan, const lo_section *s)
{
    size_t best = 0;
    bool broken = false;
    for (size_t i = s->block_count; i-- > 0;) {
        const lo_table *t = &s->blocks[i].u.table;
        broken |= s->blocks[i].kind == LO_BLOCK_PAGE_BREAK;
        if (broken || s->blocks[i].kind != LO_BLOCK_TABLE || !t->header_rows ||
            (plan->repeat_first >= 0 && t->row_count - t->header_rows < best))
            continue;
        best = t->row_count - t->header_rows;
        plan->repeat_first = plan->block_row[i];
        plan->repeat_last =
            plan->block_row[i] + (long)plan->row_at[i][t->header_rows] - 1;
    }
}

static zb_status plan_rows(const lo_section *s, const xlsx_cells *pos,
                           xlsx_text *text, xlsx_plan *plan, zb_diags *diags,
                           const char *name)
{
    size_t bound = 1, break_cap = 0;
    plan->row_at = arena_calloc(&plan->arena, s->block_count + 1,
                                sizeof *plan->row_at);
    double **table_rows = arena_calloc(&plan->arena, s->block_count + 1,
                                       sizeof *table_rows);
    if (!plan->row_at || !table_rows)
        return ZB_ERR_NOMEM;
    for (size_t i = 0; i < s->block_count; i++) {
        const lo_block *b = &s->blocks[i];
        bound += 2;
        if (b->kind == LO_BLOCK_TABLE) {
            zb_status st = plan_table(plan, b, i, text, &table_rows[i]);
            if (st != ZB_OK)
                return st;
            bound += plan->row_at[i][b->u.table.row_count];
        }
        break_cap += b->kind == LO_BLOCK_PAGE_BREAK;
    }
    if (break_cap > LXW_BREAKS_MAX) {
        diags_add(diags, name, s->line, 0, DIAG_WARNING, "xlsx",
                  "节 “%s” 有 %zu 个分页符，Excel 一张工作表只能有 %d 个，"
                  "其余的略去", s->name, break_cap, LXW_BREAKS_MAX);
        break_cap = LXW_BREAKS_MAX;
    }
    plan->heights = arena_calloc(&plan->arena, bound, sizeof *plan->heights);
    plan->block_row = arena_calloc(&plan->arena, s->block_count,
                                   sizeof *plan->block_row);
    plan->breaks = arena_calloc(&plan->arena, break_cap + 1,
                                sizeof *plan->breaks);
    if (!plan->heights || !plan->block_row || !plan->breaks)
        return ZB_ERR_NOMEM;
    row_cursor cur = {plan, 0, 0};
    for (size_t i = 0; i < s->block_count; i++) {
        const lo_block *b = &s->blocks[i];
        const lo_style *style = block_style(b);
        switch (b->kind) {
        case LO_BLOCK_TABLE: {
            size_t n = plan->row_at[i][b->u.table.row_count];
            plan->block_row[i] = rows_take(&cur, n);
            memcpy(&plan->heights[plan->block_row[i]], table_rows[i],
                   n * sizeof *table_rows[i]);
            plan_cells(&b->u.table, plan->colmap[i], plan->row_at[i],
                       plan->block_row[i], pos);
            break;
        }
        case LO_BLOCK_RULE:
            cur.pending += b->u.rule.space_before;
            plan->block_row[i] = rows_take(&cur, 1);
            plan->heights[plan->block_row[i]] = RULE_ROW;
            cur.pending += b->u.rule.space_after;
            break;
        case LO_BLOCK_SPACE:
            /* a space down to a place on the page has no meaning here */
            cur.pending += b->u.space.kind == LO_SPACE_HEIGHT ? b->u.space.amount
                         : b->u.space.kind == LO_SPACE_LINES
                             ? b->u.space.amount * s->line_pitch
                             : 0;
            break;
        case LO_BLOCK_PAGE_BREAK:
            rows_break(&cur, &break_cap);
            break;
        default:
            cur.pending += style->space_before;
            plan->block_row[i] = rows_take(&cur, 1);
            cur.pending += style->space_after;
        }
    }
    plan->row_count = cur.row;
    return ZB_OK;
}

zb_status xlsx_plan_section(const lo_document *doc, const lo_section *s,
                            const xlsx_cells *pos, xlsx_text *text,
                            xlsx_plan *plan, zb_diags *diags)
{
    *plan = (xlsx_plan){.repeat_first = -1, .repeat_last = -1};
    for (size_t i = 0; i < s->block_count; i++)
        if (s->blocks[i].kind == LO_BLOCK_SIGNOFF ||
            s->blocks[i].kind == LO_BLOCK_COLOPHON ||
            s->blocks[i].kind == LO_BLOCK_KEEP) {
            diags_add(diags, doc->name, s->blocks[i].line, 0, DIAG_ERROR,
                      "xlsx", "署名（signoff）、版记（colophon）与同页块组"
                      "（keep）只用于红头文件，只能排成 PDF，不能排成 XLSX");
            return ZB_ERR_INVALID;
        }
    zb_status st = plan_grid(s, plan);
    if (st == ZB_OK) {
        plan->colmap = arena_calloc(&plan->arena, s->block_count + 1,
                                    sizeof *plan->colmap);
        st = plan->colmap ? ZB_OK : ZB_ERR_NOMEM;
    }
    for (size_t i = 0; st == ZB_OK && i < s->block_count; i++)
        if (s->blocks[i].kind == LO_BLOCK_TABLE)
            st = plan_colmap(plan, &s->blocks[i], &plan->colmap[i], doc->name,
                             diags);
    if (st == ZB_OK)
        st = plan_rows(s, pos, text, plan, diags, doc->name);
    if (st != ZB_OK)
        return st;
    if (!s->stack)
        plan_repeat(plan, s);
    if (plan->col_count > LXW_COL_MAX || plan->row_count > LXW_ROW_MAX) {
        diags_add(diags, doc->name, s->line, 0, DIAG_ERROR, "xlsx",
                  "节 “%s” 排成工作表要 %zu 行、%zu 列，超出了 Excel 的 "
                  "1048576 行、16384 列", s->name, plan->row_count,
                  plan->col_count);
        return ZB_ERR_INVALID;
    }
    return ZB_OK;
}

void xlsx_plan_free(xlsx_plan *plan)
{
    arena_free(&plan->arena);
}
