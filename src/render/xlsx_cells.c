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

static char *put_uint(char *p, uint64_t v)
{
    char digits[20];
    int n = 0;
    do
        digits[n++] = (char)('0' + v % 10);
    while (v /= 10);
    while (n)
        *p++ = digits[--n];
    return p;
}

static char *put_int(char *p, int64_t v)
{
    if (v < 0)
        *p++ = '-';
    return put_uint(p, v < 0 ? (uint64_t)-(v + 1) + 1 : (uint64_t)v);
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
    p = put_uint(p, q / 4);
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
    return put_uint(p, (uint64_t)row + 1);
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

/* <c r="B7" s="3"><v>12</v></c>, <c ... t="s"><v>40</v></c> (a shared
   string), <c r="B7" s="3"/> (a blank with a format; without one it is
   not written). */
void _write_cell(lxw_worksheet *self, lxw_cell *cell, lxw_format *row_format)
{
    char spelled[SPELL_MAX], *p = spelled, *end = NULL;
    int type = cell->type;
    if (type == BLANK_CELL && !cell->format)
        return;
    if (type == NUMBER_CELL || type == STRING_CELL || type == BLANK_CELL) {
        int32_t style = cell_style(self, cell, row_format);
        p = put_cell_name(put(p, "<c r=\""), cell->row_num, cell->col_num);
        p = put(p, "\"");
        if (style)
            p = put(put_int(put(p, " s=\""), style), "\"");
        if (type == BLANK_CELL)
            end = put(p, "/>");
        else if (type == STRING_CELL)
            end = put(put_int(put(p, " t=\"s\"><v>"), cell->u.string_id),
                      "</v></c>");
        else if ((end = put_plain(put(p, "><v>"), cell->u.number)))
            end = put(end, "</v></c>");
    }
    if (end) {
        fwrite_unlocked(spelled, 1, (size_t)(end - spelled), self->file);
        return;
    }
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
   customHeight="1">, or ending "/>" when the row has no cells. */
void _write_row(lxw_worksheet *self, lxw_row *row, char *spans)
{
    char spelled[SPELL_MAX], *p = spelled, *end = NULL;
    double height = row->height_changed ? row->height
                                        : self->default_row_height;
    bool custom = height != LXW_DEF_ROW_HEIGHT;
    if (!row->hidden && !row->level && !row->collapsed &&
        self->excel_version != 2010 && plain_spans(spans)) {
        p = put(put_uint(put(p, "<row r=\""), (uint64_t)row->row_num + 1),
                "\"");
        if (spans)
            p = put(put(put(p, " spans=\""), spans), "\"");
        int32_t style = row->format ? lxw_format_get_xf_index(row->format)
                                    : 0;
        if (style)
            p = put(put_int(put(p, " s=\""), style), "\"");
        if (row->format)
            p = put(p, " customFormat=\"1\"");
        end = p;
        if (custom && (end = put_plain(put(p, " ht=\""), height)))
            end = put(end, "\" customHeight=\"1\"");
        if (end)
            end = put(end, row->data_changed ? ">" : "/>");
    }
    if (end) {
        fwrite_unlocked(spelled, 1, (size_t)(end - spelled), self->file);
        return;
    }
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
    p = put(p, "\"/>");
    fwrite_unlocked(spelled, 1, (size_t)(p - spelled), self->file);
}
