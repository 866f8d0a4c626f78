/*
 * xlsx_formula.c - the SUM/PRODUCT formula of a total cell (see
 * xlsx_sheet.h).
 */
#include <stdlib.h>

#include "xlsx_sheet.h"

#define MAX_ARGS 255        /* arguments of one Excel function */
#define MAX_FORMULA 8192    /* characters of one Excel formula */

typedef struct ref_range {
    lxw_row_t r1, r2;
    lxw_col_t c1, c2;
} ref_range;

static int compare_by_column(const void *pa, const void *pb)
{
    const ref_range *a = pa, *b = pb;
    if (a->c1 != b->c1)
        return a->c1 < b->c1 ? -1 : 1;
    return a->r1 < b->r1 ? -1 : a->r1 > b->r1;
}

static int compare_by_rows(const void *pa, const void *pb)
{
    const ref_range *a = pa, *b = pb;
    if (a->r1 != b->r1)
        return a->r1 < b->r1 ? -1 : 1;
    if (a->r2 != b->r2)
        return a->r2 < b->r2 ? -1 : 1;
    return a->c1 < b->c1 ? -1 : a->c1 > b->c1;
}

/* Join the N single cells in R into ranges: runs down a column, then runs
   of equal row spans across adjacent columns; leave them in column order.
   Returns the range count. A cell named twice stays twice, as it counts
   twice. */
static size_t join_ranges(ref_range *r, size_t n)
{
    qsort(r, n, sizeof *r, compare_by_column);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && r[m - 1].c1 == r[i].c1 && r[m - 1].r2 + 1 == r[i].r1)
            r[m - 1].r2 = r[i].r1;
        else
            r[m++] = r[i];
    }
    qsort(r, m, sizeof *r, compare_by_rows);
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        if (k && r[k - 1].r1 == r[i].r1 && r[k - 1].r2 == r[i].r2 &&
            r[k - 1].c2 + 1 == r[i].c1)
            r[k - 1].c2 = r[i].c2;
        else
            r[k++] = r[i];
    }
    qsort(r, k, sizeof *r, compare_by_column);
    return k;
}

static void write_range(zb_buf *out, const ref_range *r)
{
    char range[LXW_MAX_CELL_RANGE_LENGTH];
    lxw_rowcol_to_range(range, r->r1, r->c1, r->r2, r->c2);
    buf_append_str(out, range);
}

/* SUM(ranges...), nested so that no call has more than 255 arguments:
   SUM(SUM(255 ranges),SUM(255 ranges),...). */
static void write_sum(zb_buf *out, const ref_range *r, size_t n)
{
    size_t piece = 1;
    while ((n + piece - 1) / piece > MAX_ARGS)
        piece *= MAX_ARGS;
    buf_append_str(out, "SUM(");
    for (size_t i = 0; i < n; i += piece) {
        if (i)
            buf_append(out, ",", 1);
        if (piece > 1)
            write_sum(out, r + i, n - i < piece ? n - i : piece);
        else
            write_range(out, &r[i]);
    }
    buf_append(out, ")", 1);
}

/* B4*C4: an empty cell counts as 0, as in the layout (PRODUCT would skip
   it). */
static void write_product(zb_buf *out, const ref_range *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_append(out, "*", 1);
        write_range(out, &r[i]);
    }
}

/* The decimals of the exact result before it is rounded to the cell's. */
static int exact_decimals(const lo_cell *cell)
{
    int decimals = 0;
    for (size_t i = 0; i < cell->more->ref_count; i++) {
        int d = cell->more->refs[i]->decimals;
        if (cell->calc == LO_CALC_PRODUCT)
            decimals += d;
        else if (d > decimals)
            decimals = d;
    }
    return decimals;
}

zb_status xlsx_formula(const lo_cell *cell, const xlsx_cells *pos,
                       zb_buf *out)
{
    size_t n = cell->more->ref_count;
    ref_range *r = malloc((n ? n : 1) * sizeof *r);
    if (!r)
        return ZB_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        xlsx_pos p = pos->at[cell->more->refs[i]->seq - pos->first];
        r[i] = (ref_range){p.row, p.row, p.col, p.col};
    }
    int round = exact_decimals(cell) > cell->decimals;
    buf_reset(out);
    if (round)
        buf_append_str(out, "ROUND(");
    if (cell->calc == LO_CALC_PRODUCT)
        write_product(out, r, n);
    else
        write_sum(out, r, join_ranges(r, n));
    if (round)
        buf_printf(out, ",%d)", cell->decimals);
    free(r);
    if (out->failed)
        return ZB_ERR_NOMEM;
    return out->len > MAX_FORMULA ? ZB_ERR_RENDER : ZB_OK;
}
