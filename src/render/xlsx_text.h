/*
 * xlsx_text.h - private to the XLSX renderer: the text of one worksheet
 * cell, how it is put together from the layout's blocks, and how much room
 * it needs.
 *
 * A spreadsheet cell holds one string. Paragraphs, label/value lines,
 * signatures and the blocks of a table cell become text with line breaks,
 * first-line indents and the padding spaces a clerk would type. The text
 * keeps the style of each stretch (a fragment), so that a cell mixing styles
 * can be written as a rich string.
 *
 * LibreOffice does not grow a row to fit wrapped text, so the renderer sets
 * every row height itself from an estimate of the wrapped line count: CJK
 * characters and full-width punctuation are one em wide, everything before
 * U+1100 (Latin, digits, spaces) 0.55 em - SimSun's half width plus a little
 * for proportional Latin fallback fonts, so that an estimate errs towards a
 * taller row rather than clipped text.
 */
#ifndef ZB_XLSX_TEXT_H
#define ZB_XLSX_TEXT_H

#include <stdbool.h>

#include "../core/buf.h"
#include "layout.h"

/* Excel shows no cell padding we could set; this much of a cell's width,
   pt, is taken as lost to its margins when wrapping. */
#define XLSX_CELL_MARGINS 6.0

typedef struct xlsx_frag {
    size_t start;            /* byte offset of the fragment in the text */
    const lo_style *style;
} xlsx_frag;

typedef struct xlsx_text {
    zb_buf buf;              /* the whole text, UTF-8 */
    xlsx_frag *frags;        /* in order; the first starts at 0 */
    size_t count, cap;
    int failed;              /* an allocation failed */
} xlsx_text;

/* Empty T, keeping its memory. */
void xlsx_text_reset(xlsx_text *t);

/* Release T's memory. */
void xlsx_text_free(xlsx_text *t);

/* Append S in STYLE. */
void xlsx_text_add(xlsx_text *t, const lo_style *style, const char *s);

/* Append blanks about PT points wide: ideographic spaces, then ASCII
   spaces for the rest. */
void xlsx_text_add_space(xlsx_text *t, const lo_style *style, double pt);

/* The estimated width, pt, of T's text from byte offset FROM to the end,
   as one line. */
double xlsx_text_width(const xlsx_text *t, size_t from);

/* The number of lines T takes when wrapped to WIDTH points. */
int xlsx_text_lines(const xlsx_text *t, double width);

/* The height, pt, a spreadsheet gives one line of STYLE. */
double xlsx_line_height(const lo_style *style);

/* The height, pt, of T wrapped to WIDTH points: its lines at the height a
   spreadsheet gives a line of its largest type, or one line of STYLE when T
   is empty. */
double xlsx_text_height(const xlsx_text *t, const lo_style *style,
                        double width);

/* The style of all of T, or NULL when its fragments differ. */
const lo_style *xlsx_text_style(const xlsx_text *t);

/* Did an allocation fail? */
bool xlsx_text_failed(const xlsx_text *t);

/* Append paragraph P: its first-line indent, then its runs. */
void xlsx_text_para(xlsx_text *t, const lo_para *p);

/* Append signature S: label, the blank for the hand, then the date. */
void xlsx_text_signature(xlsx_text *t, const lo_signature *s);

/* Append the label/value line F laid out over WIDTH points: each field in
   its share of the line, padded with blanks; a field that does not fit on
   the line starts a new one. */
void xlsx_text_fields(xlsx_text *t, const lo_fields *f, double width);

/* Append the blocks (p, signature) of a table cell as lines of text in a
   cell WIDTH points wide. Returns the alignment the cell must get: the
   blocks' own when they all agree, otherwise left, with each single-line
   block padded to its own alignment (a signature to the right). */
lo_align xlsx_text_blocks(xlsx_text *t, const lo_block *blocks, size_t count,
                          double width);

/* Append the content of table cell C, WIDTH points wide: its blocks, its
   runs or its value's text. Returns the alignment the cell must get (see
   xlsx_text_blocks()). */
lo_align xlsx_text_cell(xlsx_text *t, const lo_cell *c, double width);

#endif
