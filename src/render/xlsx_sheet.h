/*
 * xlsx_sheet.h - private to the XLSX renderer: one layout section, or the
 * copies of a stack, as one worksheet.
 *
 * xlsx_plan_section() decides where everything goes before anything is
 * written: the column grid that every table of the section shares (the
 * union of their column boundaries, each table's columns mapped onto it),
 * the sheet row of every block, blank rows for vertical space, the page
 * breaks, the header rows printed on every page, and the position of every
 * table cell, so that a total can name cells further down.
 * xlsx_write_sheet() plans the copies of a stack as one section, a page
 * break before each copy, and writes it as planned.
 */
#ifndef ZB_XLSX_SHEET_H
#define ZB_XLSX_SHEET_H

#include <stdint.h>

#include <xlsxwriter.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/diag.h"
#include "layout.h"
#include "xlsx_format.h"
#include "xlsx_text.h"

/* Excel's tallest row, pt. */
#define XLSX_ROW_MAX_HEIGHT 409.0

/* Where a table cell's top-left corner is on its worksheet. */
typedef struct xlsx_pos {
    lxw_row_t row;
    lxw_col_t col;
} xlsx_pos;

/* Where the table cells of one worksheet are: the cell of lo_cell.seq N
   at at[N - first]. */
typedef struct xlsx_cells {
    xlsx_pos *at;
    size_t first;
} xlsx_cells;

typedef struct xlsx_plan {
    double *grid;           /* column boundaries, pt: 0 = grid[0] < ... */
    size_t col_count;       /* grid has col_count + 1 entries */
    size_t **colmap;        /* per block: a table's column boundaries as
                               indexes into grid; NULL for other blocks */
    size_t **row_at;        /* per block: a table's row r is sheet rows
                               row_at[r] .. row_at[r + 1] - 1 from the
                               block's first (more than one when it is
                               taller than Excel allows); NULL for others */
    lxw_row_t *block_row;   /* per block: its first sheet row */
    double *heights;        /* per sheet row, pt; blank rows are set, the
                               others 0 until their content is written */
    size_t row_count;
    lxw_row_t *breaks;      /* rows that begin a printed page, 0-ended */
    size_t break_count;
    long repeat_first;      /* header rows printed on every page, or -1 */
    long repeat_last;
    zb_arena arena;         /* owns the arrays above */
} xlsx_plan;

/* Plan section S of DOC into PLAN and record the position of each of its
   table cells in POS. Table rows are measured
   (TEXT is scratch for that) and given their heights here; a row taller
   than XLSX_ROW_MAX_HEIGHT is spread over as many sheet rows as it needs,
   its cells merged over them. The header rows of the longest table are
   printed on every page unless S is on a stack (they would head the other
   copies' pages). Problems a workbook cannot hold (too many rows or
   columns) are reported. Free with xlsx_plan_free(). */
zb_status xlsx_plan_section(const lo_document *doc, const lo_section *s,
                            const xlsx_cells *pos, xlsx_text *text,
                            xlsx_plan *plan, zb_diags *diags);

/* The width of grid columns FIRST..LAST of PLAN that text can fill, pt. */
double xlsx_plan_width(const xlsx_plan *plan, size_t first, size_t last);

/* Release what PLAN holds. */
void xlsx_plan_free(xlsx_plan *plan);

/* Write into OUT the formula of the total cell CELL over the cells it
   names, e.g. "SUM(C5:C9,E5:F5)" or "ROUND(C4*D4,2)": in a sum adjacent
   cells become ranges and more than 255 arguments nest; ROUND keeps the
   result at the cell's decimals as the layout computed it. POS holds the
   cells' positions. Returns ZB_ERR_RENDER when the formula would be longer
   than Excel allows (8,192 characters). */
zb_status xlsx_formula(const lo_cell *cell, const xlsx_cells *pos,
                       zb_buf *out);

/* What writing every sheet of one workbook shares. */
typedef struct xlsx_book {
    lxw_workbook *workbook;
    xlsx_formats formats;
    xlsx_text text;         /* scratch for one cell's text */
    zb_buf scratch;         /* scratch for formulas and footers */
    zb_diags *diags;
} xlsx_book;

/* At most this many copies are stacked on one worksheet: Excel keeps at
   most 1,026 manual page breaks a sheet (libxlsxwriter 1,023). */
#define XLSX_STACK_MAX 1000

/* What one worksheet holds, and its name: the COUNT SECTIONS of DOC (or
   of the pieces of DOC's model, layout_read_take(): they share its name),
   either one section on no stack or copies of a stack (sections[0]->stack
   set, however many), each starting a printed page. */
typedef struct xlsx_sheet_src {
    const lo_document *doc;
    const lo_section *const *sections;
    size_t count;
    char name[128];         /* UTF-8; a stack's name and the copies' range */
} xlsx_sheet_src;

/* Add SRC to BOOK as a worksheet: the page set-up, footer and columns of
   its first section, the blocks of all. */
zb_status xlsx_write_sheet(xlsx_book *book, const xlsx_sheet_src *src);

#endif
