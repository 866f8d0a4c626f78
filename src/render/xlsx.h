/*
 * xlsx.h - layout documents as print-ready Excel workbooks (libxlsxwriter).
 *
 * Each section of a layout document becomes one worksheet named after it,
 * or the adjacent sections of one stack (copies of a form) one worksheet
 * of up to 1,000 copies, a printed page each, named by their range:
 * text blocks as rows merged across the sheet, tables with merged cells,
 * borders, column widths from the layout and row heights that show all of
 * their wrapped text; numbers, money and dates stored as numbers with their
 * formats, totals as SUM formulas that carry the layout's figure; A4/A3,
 * orientation, margins, fit to one page wide, header rows on every page,
 * page-number footer. The same input always gives the same bytes: the
 * document properties' dates come from <meta created>, never the clock.
 */
#ifndef ZB_XLSX_H
#define ZB_XLSX_H

#include <stddef.h>

#include "../core/diag.h"
#include "../core/status.h"
#include "layout.h"

/* Write DOC as the workbook PATH, one worksheet per section or stack. The
   file is replaced atomically: on failure nothing is left behind and the
   reason is in DIAGS. */
zb_status xlsx_render_doc(const lo_document *doc, const char *path,
                          zb_diags *diags);

/* Write the COUNT (at least one) documents DOCS into one workbook PATH, the sections of
   each in order, one worksheet per section or stack; the document
   properties come from the first. Worksheet names must differ across the
   documents (Excel ignores case in them); a stack's copies run on from
   one document into the next. */
zb_status xlsx_render_docs(const lo_document *const *docs, size_t count,
                           const char *path, zb_diags *diags);

/* A workbook written from several models in turn, as xlsx_render_docs()
   writes them: the pieces of a form that layout_read_take() gives, each
   freed once its worksheets are written. */
typedef struct xlsx_writer xlsx_writer;

/* Start the workbook PATH (a temporary file until xlsx_render_end()).
   ZB_OK, ZB_ERR_NOMEM or ZB_ERR_IO. */
zb_status xlsx_render_begin(const char *path, zb_diags *diags,
                            xlsx_writer **out);

/* Write the worksheets of DOC, which W takes: it is freed
   (layout_free_doc()) once they are written - the last copies of a stack
   wait for the next document, whose first copies may join their
   worksheet. The first document gives the document properties. Returns
   W's status so far. */
zb_status xlsx_render_add(xlsx_writer *w, lo_document *doc);

/* End W and free it: with ST ZB_OK and nothing failed, the workbook is
   closed and renamed over PATH; else nothing is left behind and the
   status is ST, or what failed. NULL W returns ST. */
zb_status xlsx_render_end(xlsx_writer *w, zb_status st);

#endif
