/*
 * pdf_render.h - the PDF renderer: a layout model (layout.h) to a PDF file
 * with libharu 2.3.0.
 *
 *     pdf_fonts *fonts;
 *     pdf_fonts_load(NULL, &diags, &fonts);     once per process
 *     pdf_render_doc(doc, fonts, "附件5.pdf", &diags);   per document
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

#endif
