/*
 * pdf_stream.h - the streams the PDF renderer writes (page contents, the
 * fonts' glyph maps, CMaps and programs) held in one growing buffer.
 *
 * libharu 2.3.0's memory stream copies every byte written and read with a
 * loop of its own (HPDF_MemCpy), in blocks of 4 KB: a tenth of the PDF
 * stage of a long table. A pdf_stream is a libharu stream (the same
 * functions read, write and free it) whose bytes move with memcpy; a
 * read-only one serves libharu's font parser over a mapped font file.
 */
#ifndef ZB_PDF_STREAM_H
#define ZB_PDF_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>
#include <libdeflate.h>

#include "../core/status.h"

/* A read-only libharu stream over the LEN bytes at DATA, which the caller
   keeps (a font file libharu parses); NULL when out of memory. */
HPDF_Stream pdf_stream_over(HPDF_MMgr mmgr, const uint8_t *data, size_t len);

/* Give the stream dictionary DICT a pdf_stream in place of its libharu
   memory stream, with what was written to that so far; the old stream is
   freed. Returns the new stream, or NULL when out of memory (DICT keeps
   its stream). */
HPDF_Stream pdf_stream_use(HPDF_Dict dict);

/* Have the stream dictionary DICT, whose stream holds deflated bytes
   already, written as it is with /Filter [ /FlateDecode ] (after its other
   keys, where libharu writes its filter). */
void pdf_stream_set_deflated(HPDF_Dict dict);

/* The libdeflate level of the streams deflated whole (page contents, the
   fonts' glyph maps and CMaps, a font program's own tables). libdeflate 1.14's level 1
   deflates the 74 MB of page contents of L's four long forms in 0.20 s
   and 17.5 MB, zlib 1.2.13's level 1 in 0.50 s and 19.0 MB. */
#define PDF_STREAM_LEVEL 1

/* A compressor for pdf_stream_deflate() at PDF_STREAM_LEVEL, or NULL when
   out of memory; free it with libdeflate_free_compressor(). */
struct libdeflate_compressor *pdf_stream_deflater(void);

/* Deflate now what the pdf_stream of DICT holds, as a zlib stream, with
   C (from pdf_stream_deflater()): one compressor serves many streams
   (the pages and fonts of a PDF) instead of libharu's z_stream allocated
   and cleared per stream while saving. DICT is then written as it is,
   with /Filter [ /FlateDecode ]. Nothing is done unless DICT is to be
   deflated and has bytes. ZB_ERR_NOMEM, or ZB_ERR_RENDER. */
zb_status pdf_stream_deflate(HPDF_Dict dict, struct libdeflate_compressor *c);

#endif
