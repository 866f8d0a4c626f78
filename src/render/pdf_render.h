/*
 * pdf_render.h - the PDF renderer: a layout model (layout.h) to a PDF file
 * with libharu 2.3.0.
 *
 *     pdf_fonts *fonts;
 *     pdf_fonts_load(NULL, &diags, &fonts);     once per process
 *     pdf_render_doc(doc, fonts, "附件5.pdf", &diags);   per document
 *     or pdf_render_begin(), pdf_render_add() per piece, pdf_render_end()
 *     pdf_fonts_free(fonts);
 */
#ifndef ZB_PDF_RENDER_H
#define ZB_PDF_RENDER_H

#include "../core/diag.h"
#include "../core/status.h"
#include "layout.h"
#include "pdf_fonts.h"

/* Render DOC with FONTS into the PDF file PATH, written atomically (a
   temporary file renamed over PATH). The output depends on DOC and the
   font files only: no clock, the document information comes from
   <meta>. A character no configured font can draw, or that libharu cannot
   encode (beyond U+FFFF), is reported with its code and the src of its
   text, and nothing is written (ZB_ERR_FONT). */
zb_status pdf_render_doc(const lo_document *doc, const pdf_fonts *fonts,
                         const char *path, zb_diags *diags);

/* A PDF drawn from several models in turn, the pages of each following
   those of the one before as if all had been one model: the pieces of a
   form that layout_read_take() gives, each freed once drawn. */
typedef struct pdf_ctx pdf_writer;

/* Start the PDF file PATH, drawn with FONTS. ZB_OK or ZB_ERR_NOMEM. */
zb_status pdf_render_begin(const pdf_fonts *fonts, const char *path,
                           zb_diags *diags, pdf_writer **out);

/* Draw the sections of DOC (the first model gives the document
   information). DOC may be freed once this returns, but its name and
   styles must stay until pdf_render_end(). Returns W's status so far. */
zb_status pdf_render_add(pdf_writer *w, const lo_document *doc);

/* End W and free it: with ST ZB_OK and nothing failed, the last footers
   drawn and the file written as pdf_render_doc() does; else nothing is
   written and the status is ST, or what failed. NULL W returns ST. */
zb_status pdf_render_end(pdf_writer *w, zb_status st);

#endif
