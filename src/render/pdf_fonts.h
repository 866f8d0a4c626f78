/*
 * pdf_fonts.h - the fonts of the PDF renderer: which TrueType file draws
 * each font role, the metrics of every code point, and the libharu 2.3.0
 * fonts of one PDF.
 *
 * The configuration maps each role (宋体 黑体 楷体 仿宋 小标宋) to a font
 * file and adds fallback fonts for characters a role's font lacks:
 *
 *     # zhengban 字体配置：角色 = 字体文件（.ttc 文件可加 :序号）
 *     仿宋 = /usr/share/fonts/truetype/fangsong/FangSong_GB2312.ttf
 *     小标宋 = 方正小标宋简体.ttf
 *     黑体 = /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc:0
 *     后备 = /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
 *
 * A relative path is taken from the configuration file's directory. Roles
 * not named keep their defaults (see pdf_fonts.c and the README).
 *
 * pdf_fonts_load() reads the configuration and every font once per process;
 * the result is read-only afterwards and can serve any number of PDFs.
 */
#ifndef ZB_PDF_FONTS_H
#define ZB_PDF_FONTS_H

#include <stdbool.h>
#include <stdint.h>

#include <hpdf.h>
#include <libdeflate.h>

#include "../core/diag.h"
#include "../core/status.h"
#include "layout.h"
#include "pdf_fontfile.h"

#define PDF_FONTS_CODES 0x10000  /* libharu 2.3.0 encodes the BMP only */

/* One font file (and TTC index), with its metrics for every BMP code
   point. */
typedef struct pdf_face {
    char *path;
    int index;             /* TTC index; -1 for a .ttf file */
    size_t id;             /* position in pdf_fonts.faces */
    int missing_width;     /* the PDF /DW, 1/1000 em */
    uint16_t *gid;         /* [PDF_FONTS_CODES]: glyph id, 0 = no glyph */
    int16_t *advance;      /* [PDF_FONTS_CODES]: 1/1000 em */
    pdf_fontfile *file;    /* the file, mapped, and its shared tables */
} pdf_face;

typedef struct pdf_fonts {
    pdf_face *faces;
    size_t face_count;
    const pdf_face *role[LO_FONT_ROLES];
    const pdf_face **fallback;  /* tried in order */
    size_t fallback_count;
} pdf_fonts;

/* Read the font configuration and load every font it names. CONFIG is the
   file given with --fonts; when NULL, the first of
   $XDG_CONFIG_HOME/zhengban/fonts.conf (~/.config/...) and
   /etc/zhengban/fonts.conf that exists is read. Roles the file does not
   name keep their defaults. A missing or unusable font is an error that
   names the role and the path (ZB_ERR_FONT); a bad line of the
   configuration names the file and line (ZB_ERR_USAGE). */
zb_status pdf_fonts_load(const char *config, zb_diags *diags,
                         pdf_fonts **out);

/* Release the fonts; NULL is allowed. */
void pdf_fonts_free(pdf_fonts *fonts);

/* The face that draws CP in ROLE: the role's font when it has the
   character; else, for 黑体, the first fallback font that has it (sans
   fonts: Droid Sans Fallback, the default 黑体, has no Latin letters or
   digits, and a serif "1" in a 黑体 line looks wrong), then the 宋体 font;
   for the other roles the 宋体 font (almost every document embeds it
   anyway), then the fallbacks. NULL when none has it or CP is beyond
   U+FFFF. */
const pdf_face *pdf_fonts_pick(const pdf_fonts *fonts, lo_font_role role,
                               uint32_t cp);

/* Load FACE into the PDF document PDF as a Type0 font of libharu's UTF-8
   encoder, with the objects libharu makes for one but without its work for
   every code point (the used ones are written by pdf_face_finish()). The
   font measures nothing: text is written by the renderer (pdf_text.c). */
zb_status pdf_face_attach(const pdf_face *face, HPDF_Doc pdf,
                          HPDF_Font *font);

/* Before the document is saved: mark the glyphs of the code points set in
   USED (a bit set of PDF_FONTS_CODES bits) and their components, write
   FONT's widths, CIDToGIDMap and ToUnicode map for just those code points
   (the two streams deflated with Z, as pdf_stream_deflate() does), and its
   font program (pdf_fontfile.h, its own tables deflated with Z too). libharu 2.3.0 writes an invalid ToUnicode
   map and a width and map entry for every code point. */
zb_status pdf_face_finish(const pdf_face *face, HPDF_Font font,
                          const uint8_t *used,
                          struct libdeflate_compressor *z);

#endif
