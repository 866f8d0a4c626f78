/*
 * pdf_fontfile.h - the TrueType font programs the PDF renderer embeds
 * (FontFile2), from font files read once per process.
 *
 * libharu 2.3.0 opens and parses the font file again for every PDF, reads
 * it two and four bytes at a call, and at saving copies every table it
 * embeds into the PDF and deflates it again: about 10-50 ms per font and
 * PDF whatever the PDF's length. Here a font file is mapped into memory
 * and parsed once; each PDF gets a copy of the parsed font that shares its
 * tables; the tables every PDF embeds unchanged are deflated once, and a
 * PDF deflates only what is its own (head, glyf and loca; the name table
 * once per subset tag). The font program inflates to the tables libharu
 * would write, in another order (pdf_fontfile.c).
 */
#ifndef ZB_PDF_FONTFILE_H
#define ZB_PDF_FONTFILE_H

#include <hpdf.h>
#include <libdeflate.h>

#include "../core/status.h"

typedef struct pdf_fontfile pdf_fontfile;

/* Map the font file PATH (INDEX: the font of a .ttc collection, -1 for a
   .ttf file) into memory and parse it with libharu. ZB_ERR_IO when it
   cannot be read; ZB_ERR_FONT when libharu cannot use it, with libharu's
   error code in *PROBLEM. *OUT is set (to be freed) unless ZB_ERR_IO or
   ZB_ERR_NOMEM came before it was made. */
zb_status pdf_fontfile_open(const char *path, int index, pdf_fontfile **out,
                            HPDF_STATUS *problem);

/* Release a font file; NULL is allowed. */
void pdf_fontfile_free(pdf_fontfile *file);

/* The font as libharu parsed it, once per process: read its metrics. */
HPDF_FontDef pdf_fontfile_def(const pdf_fontfile *file);

/* Load FILE into the document PDF as libharu's HPDF_LoadTTFontFromFile()
   does, with embedding, without reading the file again: a copy of the
   parsed font that shares its tables. The font, or NULL with
   the error set on PDF. A font of the same name already in PDF is
   returned as it is. */
HPDF_FontDef pdf_fontfile_load(const pdf_fontfile *file, HPDF_Doc pdf);

/* Before the document is saved: write the font descriptor and the font
   program of FONT, loaded from FILE, with the glyphs its document marked
   as used, its own tables deflated with C (pdf_stream_deflater()); libharu
   then only links them. The first call for a FILE deflates its shared
   tables (FILE is not thread-safe). */
zb_status pdf_fontfile_embed(pdf_fontfile *file, HPDF_Font font,
                             struct libdeflate_compressor *c);

#endif
