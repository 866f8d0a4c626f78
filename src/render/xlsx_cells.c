/*
 * xlsx_cells.c - how a worksheet's rows, cells and merged ranges are
 * spelled out.
 *
 * libxlsxwriter 1.1.4 spells each <row> and <mergeCell> through a list of
 * attributes (a malloc'd node and an snprintf() each) and each <c> with
 * fprintf(), naming the cell with snprintf(): more than half of the XLSX
 * stage (M's 附件9: 209 of 408 M instructions). Debian's build of it
 * exports these helpers, _write_row(), _write_cell() and
 * _worksheet_write_merge_cell(), and calls them through the PLT, so the
 * program's definitions below come first in the dynamic
 * linker's search, as xlsx_zip.c's do for minizip. They write the same
 * bytes with plain appends. A cell of a kind the forms never write
 * (formula, boolean, array formula, inline string) and a row with what
 * the forms never set (hidden, outline, Excel 2010's descent) go on to
 * libxlsxwriter's own definitions, found with dlsym(RTLD_NEXT), and so
 * does a number that printf's "%.16G" does not spell as plainly as a
 * count, a day or a quarter point: test_xlsx compares the two writers
 * byte for byte.
 *
 * Where libxlsxwriter keeps these functions to itself, its calls never
 * come here and the workbooks are the same, written more slowly.
 */
#include <dlfcn.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "../core/num.h"

/* A cell's or row's XML: at most a name, two integers and a number. */
enum { SPELL_MAX = 160 };

/* Numbers at most this large are spelled here; "%.16G" spells every
   quarter below it in full. */
#define PLAIN_MAX 1e12

typedef void write_cell_fn(lxw_worksheet *, lxw_cell *, lxw_format *);
typedef void write_row_fn(lxw_worksheet *, lxw_row *, char *);

void _write_cell(lxw_worksheet *self, lxw_cell *cell, lxw_format *row_format);
void _write_row(lxw_worksheet *self, lxw_row *row, char *spans);
void _worksheet_write_merge_cell(lxw_worksheet *self,
                                 lxw_merged_range *range);

/* libxlsxwriter's own definition of NAME (after the program's). */
static void *library(const char *name)
{
    return dlsym(RTLD_NEXT, name);
}

static char *put(char *p, const char *s)
{
    size_t n = strlen(s);
    memcpy(p, s, n);
    return p + n;
}

/* V as "%.16G" spells it, when V is a multiple of a quarter below
   PLAIN_MAX (not -0): "12", "-3", "22.75". NULL otherwise. */
static char *put_plain(char *p, double v)
{
    double quarters = v * 4;
    if (!(fabs(v) < PLAIN_MAX) || quarters != trunc(quarters) ||
        (v == 0 && signbit(v)))
        return NULL;
    static const char *const fractions[] = {"", ".25", ".5", ".75"};
    uint64_t q = (uint64_t)fabs(quarters);
    if (v < 0)
        *p++ = '-';
    p = num_put_int(p, (int64_t)(q / 4));
    return put(p, fractions[q % 4]);
}

/* A1-style name of the cell at ROW, COL (from 0). */
static char *put_cell_name(char *p, lxw_row_t row, lxw_col_t col)
{
    char letters[4];
    int n = 0;
    for (uint32_t c = (uint32_t)col + 1; c && n < 4; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    while (n)
        *p++ = letters[--n];
    return num_put_int(p, (int64_t)row + 1);
}

/* The style of CELL as libxlsxwriter chooses it: its own format, else
   its row's, else its column's. */
static int32_t cell_style(const lxw_worksheet *self, const lxw_cell *cell,
                          lxw_format *row_format)
{
    if (cell->format)
        return lxw_format_get_xf_index(cell->format);
    if (row_format)
        return lxw_format_get_xf_index(row_format);
    if (cell->col_num < self->col_formats_max &&
        self->col_formats[cell->col_num])
        return lxw_format_get_xf_index(self->col_formats[cell->col_num]);
    return 0;
}

/* Write SPELLED up to END to the sheet; false when END is NULL (nothing
   spelled: the caller hands on to libxlsxwriter's own). */
static bool write_out(lxw_worksheet *self, const char *spelled,
                      const char *end)
{
    if (end)
        fwrite_unlocked(spelled, 1, (size_t)(end - spelled), self->file);
    return end != NULL;
}

/* <c r="B7" s="3"><v>12</v></c>, <c ... t="s"><v>40</v></c> (a shared
   string), <c r="B7" s="3"/> (a blank with a format) at P; the end, or
   NULL for a cell spelled by libxlsxwriter. */
static char *spell_cell(char *p, const lxw_worksheet *self,
                        const lxw_cell *cell, lxw_format *row_format)
{
    int type = cell->type;
    if (type != NUMBER_CELL && type != STRING_CELL && type != BLANK_CELL)
        return NULL;
    int32_t style = cell_style(self, cell, row_format);
    p = put(put_cell_name(put(p, "<c r=\""), cell->row_num, cell->col_num),
            "\"");
    if (style)
        p = put(num_put_int(put(p, " s=\""), style), "\"");
    if (type == BLANK_CELL)
        return put(p, "/>");
    if (type == STRING_CELL)
        return put(num_put_int(put(p, " t=\"s\"><v>"), cell->u.string_id),
                   "</v></c>");
    p = put_plain(put(p, "><v>"), cell->u.number);
    return p ? put(p, "</v></c>") : NULL;
}

/* A blank without a format is not written. */
void _write_cell(lxw_worksheet *self, lxw_cell *cell, lxw_format *row_format)
{
    char spelled[SPELL_MAX];
    if ((cell->type == BLANK_CELL && !cell->format) ||
        write_out(self, spelled, spell_cell(spelled, self, cell, row_format)))
        return;
    write_cell_fn *own;
    *(void **)&own = library("_write_cell");
    if (own)
        own(self, cell, row_format);
}

/* Do SPANS ("1:10", or NULL) need no escaping and fit? */
static bool plain_spans(const char *spans)
{
    size_t n = spans ? strlen(spans) : 0;
    return n < 32 && strspn(spans ? spans : "", "0123456789:") == n;
}

/* <row r="7" spans="1:10" s="2" customFormat="1" ht="22.75"
   customHeight="1">, or ending "/>" when the row has no cells, at P; the
   end, or NULL for a row spelled by libxlsxwriter. */
static char *spell_row(char *p, const lxw_worksheet *self, const lxw_row *row,
                       const char *spans)
{
    if (row->hidden || row->level || row->collapsed ||
        self->excel_version == 2010 || !plain_spans(spans))
        return NULL;
    double height = row->height_changed ? row->height
                                        : self->default_row_height;
    p = put(num_put_int(put(p, "<row r=\""), (int64_t)row->row_num + 1),
            "\"");
    if (spans)
        p = put(put(put(p, " spans=\""), spans), "\"");
    int32_t style = row->format ? lxw_format_get_xf_index(row->format) : 0;
    if (style)
        p = put(num_put_int(put(p, " s=\""), style), "\"");
    if (row->format)
        p = put(p, " customFormat=\"1\"");
    if (height != LXW_DEF_ROW_HEIGHT &&
        (p = put_plain(put(p, " ht=\""), height)))
        p = put(p, "\" customHeight=\"1\"");
    return p ? put(p, row->data_changed ? ">" : "/>") : NULL;
}

void _write_row(lxw_worksheet *self, lxw_row *row, char *spans)
{
    char spelled[SPELL_MAX];
    if (write_out(self, spelled, spell_row(spelled, self, row, spans)))
        return;
    write_row_fn *own;
    *(void **)&own = library("_write_row");
    if (own)
        own(self, row, spans);
}

/* <mergeCell ref="A7:J7"/> */
void _worksheet_write_merge_cell(lxw_worksheet *self,
                                 lxw_merged_range *range)
{
    char spelled[SPELL_MAX];
    char *p = put_cell_name(put(spelled, "<mergeCell ref=\""),
                            range->first_row, range->first_col);
    if (range->first_row != range->last_row ||
        range->first_col != range->last_col)
        p = put_cell_name(put(p, ":"), range->last_row, range->last_col);
    write_out(self, spelled, put(p, "\"/>"));
}
