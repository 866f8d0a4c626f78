/*
 * pdf_fonts.c - font configuration, metrics, and the repairs libharu 2.3.0
 * needs for CJK TrueType fonts.
 *
 * libharu's internals used here (hpdf_fontdef.h, hpdf_objects.h,
 * hpdf_streams.h) are part of the installed headers of libhpdf-dev 2.3.0;
 * the Makefile pins that version.
 */
#include "pdf_fonts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "../core/buf.h"
#include "../core/fileio.h"
#include "pdf_fontfile.h"
#include "pdf_stream.h"

#define ROLE_FALLBACK LO_FONT_ROLES   /* "后备" in a configuration */

/* The defaults: free fonts from Debian, chosen for coverage and PDF size
   (see the README). Debian has no simplified-Chinese 仿宋 or 小标宋: both
   fall back to AR PL SungtiL GB, a heavy 报宋 close to 小标宋. */
#define SUNG "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
#define KAI "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"
#define HEI "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
#define MICROHEI "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

static const struct {
    int role;
    const char *path;
    int index;
    const char *package;
} default_fonts[] = {
    {LO_FONT_SONG, SUNG, -1, "fonts-arphic-gbsn00lp"},
    {LO_FONT_HEI, HEI, -1, "fonts-droid-fallback"},
    {LO_FONT_KAI, KAI, -1, "fonts-arphic-gkai00mp"},
    {LO_FONT_FANGSONG, SUNG, -1, "fonts-arphic-gbsn00lp"},
    {LO_FONT_XIAOBIAOSONG, SUNG, -1, "fonts-arphic-gbsn00lp"},
    /* after the 宋体 font (see pdf_fonts_pick): symbols from a small font,
       rare ideographs from the large WenQuanYi Micro Hei */
    {ROLE_FALLBACK, DEJAVU, -1, "fonts-dejavu-core"},
    {ROLE_FALLBACK, MICROHEI, 0, "fonts-wqy-microhei"},
};

/* One font named by the configuration (or a default). */
typedef struct font_ref {
    int role;             /* lo_font_role or ROLE_FALLBACK */
    char *path;
    int index;
    const char *file;     /* the configuration file, NULL for a default */
    long line;
    const char *package;  /* Debian package of a default */
} font_ref;

typedef struct font_config {
    font_ref refs[LO_FONT_ROLES];
    font_ref *fallbacks;
    size_t fallback_count;
    char *file;
} font_config;

static const char *role_name(int role)
{
    return role == ROLE_FALLBACK ? "后备" : layout_font_role_name(role);
}

/* ------------------------------------------------ configuration file */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = 0;
    return s;
}

static bool is_ttc(const char *path, size_t len)
{
    return len >= 4 && !strncasecmp(path + len - 4, ".ttc", 4);
}

/* Split "file.ttc:2" into the path and the index: 0 for a .ttc file
   without one, -1 for a .ttf file. */
static int split_index(char *value, int *index)
{
    *index = is_ttc(value, strlen(value)) ? 0 : -1;
    char *colon = strrchr(value, ':');
    if (!colon || !is_ttc(value, (size_t)(colon - value)))
        return 1;
    char *end;
    long i = strtol(colon + 1, &end, 10);
    if (end == colon + 1 || *end || i < 0 || i > 255)
        return 0;
    *colon = 0;
    *index = (int)i;
    return 1;
}

/* PATH made absolute against the directory of FILE. */
static char *resolve_path(const char *file, const char *path)
{
    const char *slash = strrchr(file, '/');
    zb_buf b = {0};
    if (path[0] == '/' || !slash)
        buf_append_str(&b, path);
    else
        buf_printf(&b, "%.*s/%s", (int)(slash - file), file, path);
    return buf_detach(&b);
}

static int role_of(const char *key)
{
    if (!strcmp(key, "后备"))
        return ROLE_FALLBACK;
    for (int r = 0; r < LO_FONT_ROLES; r++)
        if (!strcmp(key, layout_font_role_name(r)))
            return r;
    return -1;
}

static zb_status add_fallback(font_config *c, font_ref ref)
{
    font_ref *f = realloc(c->fallbacks, (c->fallback_count + 1) * sizeof *f);
    if (!f)
        return ZB_ERR_NOMEM;
    c->fallbacks = f;
    c->fallbacks[c->fallback_count++] = ref;
    return ZB_OK;
}

static zb_status set_ref(font_config *c, font_ref ref)
{
    if (ref.role == ROLE_FALLBACK)
        return add_fallback(c, ref);
    free(c->refs[ref.role].path);
    c->refs[ref.role] = ref;
    return ZB_OK;
}

/* One line of the configuration; problems are reported and counted. */
static zb_status parse_line(font_config *c, char *line, long lineno,
                            zb_diags *diags, int *errors)
{
    char *s = trim(line);
    if (!*s || *s == '#')
        return ZB_OK;
    char *eq = strchr(s, '=');
    if (!eq) {
        (*errors)++;
        return diags_add(diags, c->file, lineno, 0, DIAG_ERROR, "fonts",
                         "应写成 “角色 = 字体文件”，如 “仿宋 = "
                         "/usr/share/fonts/FangSong_GB2312.ttf”");
    }
    *eq = 0;
    char *key = trim(s), *value = trim(eq + 1);
    int role = role_of(key), index;
    if (role < 0 || !*value || !split_index(value, &index)) {
        (*errors)++;
        return diags_add(diags, c->file, lineno, 0, DIAG_ERROR, "fonts",
                         role < 0 ? "“%s” 不是字体角色（宋体、黑体、楷体、仿宋、"
                                    "小标宋、后备）"
                                  : "角色 %s 的字体文件写错了（.ttc 文件的序号写作 "
                                    "“文件.ttc:1”）", key);
    }
    char *path = resolve_path(c->file, value);
    if (!path)
        return ZB_ERR_NOMEM;
    return set_ref(c, (font_ref){role, path, index, c->file, lineno, NULL});
}

static zb_status parse_config(font_config *c, zb_diags *diags)
{
    char *text;
    size_t len;
    zb_status st = file_read_all(c->file, &text, &len, diags);
    if (st != ZB_OK)
        return st;
    int errors = 0;
    long lineno = 1;
    for (char *line = text; line && st == ZB_OK; lineno++) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        st = parse_line(c, line, lineno, diags, &errors);
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    return st != ZB_OK ? st : errors ? ZB_ERR_USAGE : ZB_OK;
}

/* The configuration file to read: CONFIG, or the user's, or the system's,
   or none (NULL). */
static char *find_config(const char *config)
{
    if (config)
        return strdup(config);
    zb_buf b = {0};
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && *xdg)
        buf_printf(&b, "%s/zhengban/fonts.conf", xdg);
    else if (home && *home)
        buf_printf(&b, "%s/.config/zhengban/fonts.conf", home);
    if (b.len && access(b.data, F_OK) == 0)
        return buf_detach(&b);
    buf_free(&b);
    if (access("/etc/zhengban/fonts.conf", F_OK) == 0)
        return strdup("/etc/zhengban/fonts.conf");
    return NULL;
}

static void config_free(font_config *c)
{
    for (int r = 0; r < LO_FONT_ROLES; r++)
        free(c->refs[r].path);
    for (size_t i = 0; i < c->fallback_count; i++)
        free(c->fallbacks[i].path);
    free(c->fallbacks);
    free(c->file);
}

static zb_status read_config(const char *config, font_config *c,
                             zb_diags *diags)
{
    c->file = find_config(config);
    zb_status st = c->file ? parse_config(c, diags) : ZB_OK;
    for (size_t i = 0; i < sizeof default_fonts / sizeof default_fonts[0] &&
                       st == ZB_OK; i++) {
        int role = default_fonts[i].role;
        if (role != ROLE_FALLBACK && c->refs[role].path)
            continue;
        char *path = strdup(default_fonts[i].path);
        if (!path)
            return ZB_ERR_NOMEM;
        st = set_ref(c, (font_ref){role, path, default_fonts[i].index, NULL, 0,
                                   default_fonts[i].package});
    }
    return st;
}

/* ----------------------------------------------------- loading fonts */

static const char *haru_font_problem(HPDF_STATUS code)
{
    switch (code) {
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
        return "字体的许可不允许嵌入 PDF";
    case HPDF_TTF_INVALID_CMAP:
        return "字体没有 Unicode（3,1）字符映射表";
    case HPDF_INVALID_TTC_INDEX:
        return "TTC 序号超出了字体集中的字体个数";
    case HPDF_FILE_IO_ERROR:
    case HPDF_FILE_OPEN_ERROR:
        return "无法读取文件";
    default:
        return "不是 libharu 能嵌入的 TrueType 字体（OpenType/CFF 字体不能用）";
    }
}

/* The glyph of code point C in the format 4 segment S of CMAP, or 0. */
static uint16_t segment_glyph(const HPDF_TTF_CmapRange *cmap, unsigned s,
                              unsigned c)
{
    unsigned segs = cmap->seg_count_x2 / 2;
    if (!cmap->id_range_offset[s])
        return (uint16_t)(c + (unsigned)cmap->id_delta[s]);
    size_t idx = cmap->id_range_offset[s] / 2 + (c - cmap->start_count[s]) -
                 (segs - s);
    if (idx >= cmap->glyph_id_array_count || !cmap->glyph_id_array[idx])
        return 0;
    return (uint16_t)(cmap->glyph_id_array[idx] + (unsigned)cmap->id_delta[s]);
}

/* Fill FACE's glyph and advance tables from libharu's font DEF. */
static void read_metrics(pdf_face *face, HPDF_FontDef def)
{
    HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
    const HPDF_TTF_CmapRange *cmap = &a->cmap;
    if (cmap->format == 0) {
        for (unsigned c = 0; c < 256 && c < cmap->glyph_id_array_count; c++)
            face->gid[c] = cmap->glyph_id_array[c];
    } else {
        for (unsigned s = 0; s < cmap->seg_count_x2 / 2u; s++)
            for (unsigned c = cmap->start_count[s]; c <= cmap->end_count[s] &&
                                                    c < PDF_FONTS_CODES; c++)
                if (!face->gid[c])
                    face->gid[c] = segment_glyph(cmap, s, c);
    }
    face->missing_width = def->missing_width;
    for (unsigned c = 0; c < PDF_FONTS_CODES; c++) {
        if (face->gid[c] >= a->num_glyphs)
            face->gid[c] = 0;
        face->advance[c] = (int16_t)HPDF_TTFontDef_GetGidWidth(def,
                                                               face->gid[c]);
    }
}

static zb_status font_error(zb_diags *diags, const font_ref *ref,
                            const char *problem)
{
    zb_buf where = {0};
    buf_printf(&where, "%s", ref->path);
    if (ref->index >= 0)
        buf_printf(&where, ":%d", ref->index);
    if (ref->package)
        buf_printf(&where, "（默认字体，请安装 Debian 软件包 %s，或用 --fonts "
                           "指定字体配置）", ref->package);
    diags_add(diags, ref->file, ref->line, 0, DIAG_ERROR, "fonts",
              "字体角色 %s 的字体文件 %s：%s", role_name(ref->role),
              buf_str(&where), problem);
    buf_free(&where);
    return ZB_ERR_FONT;
}

/* Check REF's file, map and parse it, and read its metrics into FACE. */
static zb_status load_face(const font_ref *ref, pdf_face *face,
                           zb_diags *diags)
{
    face->path = strdup(ref->path);
    face->index = ref->index;
    if (!face->path)
        return ZB_ERR_NOMEM;
    if (access(ref->path, R_OK) != 0)
        return font_error(diags, ref, errno == ENOENT ? "文件不存在"
                                                      : "无法读取文件");
    HPDF_STATUS problem;
    zb_status st = pdf_fontfile_open(ref->path, ref->index, &face->file,
                                     &problem);
    if (st == ZB_ERR_IO)
        return font_error(diags, ref, "无法读取文件");
    if (st == ZB_ERR_FONT)
        return font_error(diags, ref, haru_font_problem(problem));
    face->gid = calloc(PDF_FONTS_CODES, sizeof *face->gid);
    face->advance = calloc(PDF_FONTS_CODES, sizeof *face->advance);
    if (st != ZB_OK || !face->gid || !face->advance)
        return ZB_ERR_NOMEM;
    read_metrics(face, pdf_fontfile_def(face->file));
    return ZB_OK;
}

/* The face for REF, loading it unless an earlier reference shares it. */
static zb_status find_face(pdf_fonts *f, const font_ref *ref, zb_diags *diags,
                           const pdf_face **out)
{
    for (size_t i = 0; i < f->face_count; i++)
        if (!strcmp(f->faces[i].path, ref->path) &&
            f->faces[i].index == ref->index) {
            *out = &f->faces[i];
            return ZB_OK;
        }
    pdf_face *face = &f->faces[f->face_count];
    face->id = f->face_count;
    zb_status st = load_face(ref, face, diags);
    f->face_count++;  /* even when failed: pdf_fonts_free() frees it */
    *out = face;
    return st;
}

static zb_status load_all(pdf_fonts *f, const font_config *c, zb_diags *diags)
{
    size_t n = LO_FONT_ROLES + c->fallback_count;
    f->faces = calloc(n, sizeof *f->faces);
    f->fallback = calloc(c->fallback_count + 1, sizeof *f->fallback);
    if (!f->faces || !f->fallback)
        return ZB_ERR_NOMEM;
    zb_status worst = ZB_OK;
    for (int r = 0; r < LO_FONT_ROLES; r++) {
        zb_status st = find_face(f, &c->refs[r], diags, &f->role[r]);
        if (st == ZB_ERR_NOMEM)
            return st;
        worst = st != ZB_OK ? st : worst;
    }
    for (size_t i = 0; i < c->fallback_count; i++) {
        const font_ref *ref = &c->fallbacks[i];
        if (ref->package && access(ref->path, F_OK) != 0)
            continue; /* a default fallback that is not installed */
        zb_status st = find_face(f, ref, diags,
                                 &f->fallback[f->fallback_count++]);
        if (st == ZB_ERR_NOMEM)
            return st;
        worst = st != ZB_OK ? st : worst;
    }
    return worst;
}

zb_status pdf_fonts_load(const char *config, zb_diags *diags,
                         pdf_fonts **out)
{
    *out = NULL;
    font_config c = {0};
    pdf_fonts *f = calloc(1, sizeof *f);
    zb_status st = f ? read_config(config, &c, diags) : ZB_ERR_NOMEM;
    if (st == ZB_OK)
        st = load_all(f, &c, diags);
    config_free(&c);
    if (st != ZB_OK) {
        pdf_fonts_free(f);
        return st;
    }
    *out = f;
    return ZB_OK;
}

void pdf_fonts_free(pdf_fonts *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->face_count; i++) {
        free(f->faces[i].path);
        free(f->faces[i].gid);
        free(f->faces[i].advance);
        pdf_fontfile_free(f->faces[i].file);
    }
    free(f->faces);
    free(f->fallback);
    free(f);
}

static const pdf_face *first_fallback(const pdf_fonts *f, uint32_t cp)
{
    for (size_t i = 0; i < f->fallback_count; i++)
        if (f->fallback[i]->gid[cp])
            return f->fallback[i];
    return NULL;
}

const pdf_face *pdf_fonts_pick(const pdf_fonts *f, lo_font_role role,
                               uint32_t cp)
{
    if (cp >= PDF_FONTS_CODES)
        return NULL;
    if (f->role[role]->gid[cp])
        return f->role[role];
    const pdf_face *song = f->role[LO_FONT_SONG]->gid[cp]
                               ? f->role[LO_FONT_SONG] : NULL;
    const pdf_face *other = first_fallback(f, cp);
    if (role == LO_FONT_HEI)
        return other ? other : song;
    return song ? song : other;
}

/* ------------------------------------------------- one PDF's fonts */

static void font_free(HPDF_Dict font)
{
    HPDF_FreeMem(font->mmgr, font->attr);
}

/* Before FONT is written (libharu's CIDFontType2_BeforeWrite_Func(); the
   descriptor was made by pdf_fontfile_embed()): the tagged name, the
   descriptor linked. */
static HPDF_STATUS font_before_write(HPDF_Dict font)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
    HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)fa->fontdef->attr;
    if (!fa->fontdef->descriptor)
        return HPDF_SetError(font->error, HPDF_INVALID_FONTDEF_DATA, 0);
    HPDF_STATUS ret = HPDF_Dict_AddName(font, "BaseFont", a->base_font);
    ret += HPDF_Dict_AddName(fa->descendant_font, "BaseFont", a->base_font);
    ret += HPDF_Dict_Add(fa->descendant_font, "FontDescriptor",
                         fa->fontdef->descriptor);
    return ret;
}

/* A CIDSystemInfo dictionary of the encoder E, added to DICT. */
static HPDF_STATUS add_system_info(HPDF_Dict dict, HPDF_CMapEncoderAttr e)
{
    HPDF_Dict info = HPDF_Dict_New(dict->mmgr);
    if (HPDF_Dict_Add(dict, "CIDSystemInfo", info) != HPDF_OK)
        return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS ret = HPDF_Dict_Add(info, "Registry",
                                    HPDF_String_New(dict->mmgr, e->registry,
                                                    NULL));
    ret += HPDF_Dict_Add(info, "Ordering",
                         HPDF_String_New(dict->mmgr, e->ordering, NULL));
    ret += HPDF_Dict_AddNumber(info, "Supplement", e->suppliment);
    return ret;
}

/* The descendant CIDFontType2 of FONT (FA: its attributes). Each object
   is linked as soon as it is made: libharu frees it with the document. */
static HPDF_STATUS add_descendant(HPDF_Dict font, HPDF_FontAttr fa,
                                  HPDF_CMapEncoderAttr e)
{
    HPDF_MMgr m = font->mmgr;
    HPDF_FontDef def = fa->fontdef;
    HPDF_Array kids = HPDF_Array_New(m);
    HPDF_STATUS ret = HPDF_Dict_Add(font, "DescendantFonts", kids);
    HPDF_Dict cid = ret == HPDF_OK ? HPDF_Dict_New(m) : NULL;
    if (ret != HPDF_OK || HPDF_Xref_Add(fa->xref, cid) != HPDF_OK ||
        HPDF_Array_Add(kids, cid) != HPDF_OK)
        return HPDF_FAILD_TO_ALLOC_MEM;
    fa->descendant_font = cid;
    ret += HPDF_Dict_AddName(cid, "Type", "Font");
    ret += HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    ret += HPDF_Dict_AddNumber(cid, "DW", def->missing_width);
    HPDF_Array dw2 = HPDF_Array_New(m);
    ret += HPDF_Dict_Add(cid, "DW2", dw2);
    if (ret != HPDF_OK)
        return ret;
    ret += HPDF_Array_AddNumber(dw2, (HPDF_INT32)def->font_bbox.bottom);
    ret += HPDF_Array_AddNumber(dw2, (HPDF_INT32)(def->font_bbox.bottom -
                                                  def->font_bbox.top));
    /* filled by pdf_face_finish() */
    ret += HPDF_Dict_Add(cid, "W", HPDF_Array_New(m));
    fa->map_stream = HPDF_DictStream_New(m, fa->xref);
    if (!fa->map_stream || !pdf_stream_use(fa->map_stream))
        return HPDF_FAILD_TO_ALLOC_MEM;
    fa->map_stream->filter = font->filter;
    ret += HPDF_Dict_Add(cid, "CIDToGIDMap", fa->map_stream);
    return ret != HPDF_OK ? ret : add_system_info(cid, e);
}

/* The ToUnicode CMap stream of FONT (its data by pdf_face_finish()). */
static HPDF_STATUS add_to_unicode(HPDF_Dict font, HPDF_FontAttr fa,
                                  HPDF_Encoder enc)
{
    HPDF_CMapEncoderAttr e = (HPDF_CMapEncoderAttr)enc->attr;
    HPDF_Dict cmap = HPDF_DictStream_New(font->mmgr, fa->xref);
    if (!cmap || !pdf_stream_use(cmap))
        return HPDF_FAILD_TO_ALLOC_MEM;
    fa->cmap_stream = cmap;
    cmap->filter = font->filter;
    HPDF_STATUS ret = HPDF_Dict_AddName(cmap, "Type", "CMap");
    ret += HPDF_Dict_AddName(cmap, "CMapName", enc->name);
    ret += add_system_info(cmap, e);
    ret += HPDF_Dict_AddNumber(cmap, "WMode", (HPDF_UINT32)e->writing_mode);
    return ret != HPDF_OK ? ret : HPDF_Dict_Add(font, "ToUnicode", cmap);
}

/* The font of DEF in PDF with libharu's UTF-8 encoder: the objects, keys
   and order of libharu's HPDF_GetFont() (HPDF_Type0Font_New()), without
   what it computes for every one of the 65,536 code points (a width and
   glyph map that pdf_face_finish() replaces by the used ones, a CMap it
   replaces too): that was most of the time of a short PDF. Text is written
   by the renderer (pdf_text.c): the font measures nothing. */
static HPDF_Font font_new(HPDF_Doc pdf, HPDF_FontDef def)
{
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_Dict font = enc ? HPDF_Dict_New(pdf->mmgr) : NULL;
    HPDF_FontAttr fa = font ? HPDF_GetMem(pdf->mmgr, sizeof *fa) : NULL;
    if (!fa) {
        if (font)
            HPDF_Dict_Free(font);
        return NULL;
    }
    *fa = (HPDF_FontAttr_Rec){.type = HPDF_FONT_TYPE0_TT,
                              .writing_mode = HPDF_WMODE_HORIZONTAL,
                              .fontdef = def, .encoder = enc,
                              .xref = pdf->xref};
    font->header.obj_class |= HPDF_OSUBCLASS_FONT;
    font->free_fn = font_free;
    font->before_write_fn = font_before_write;
    font->attr = fa;
    if (pdf->compression_mode & HPDF_COMP_METADATA)
        font->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    if (HPDF_Xref_Add(pdf->xref, font) != HPDF_OK)
        return NULL;  /* freed by libharu */
    HPDF_STATUS ret = HPDF_Dict_AddName(font, "Type", "Font");
    ret += HPDF_Dict_AddName(font, "BaseFont", def->base_font);
    ret += HPDF_Dict_AddName(font, "Subtype", "Type0");
    ret += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
    if (ret == HPDF_OK)
        ret = add_to_unicode(font, fa, enc);
    if (ret == HPDF_OK)
        ret = add_descendant(font, fa, (HPDF_CMapEncoderAttr)enc->attr);
    if (ret == HPDF_OK)
        ret = HPDF_List_Add(pdf->font_mgr, font);
    return ret == HPDF_OK ? font : NULL;
}

zb_status pdf_face_attach(const pdf_face *face, HPDF_Doc pdf, HPDF_Font *font)
{
    HPDF_FontDef def = pdf_fontfile_load(face->file, pdf);
    *font = def ? font_new(pdf, def) : NULL;
    return *font ? ZB_OK : ZB_ERR_RENDER;
}

/* The first code point from C on set in USED, or PDF_FONTS_CODES: the set
   is sparse, so whole empty bytes are skipped. */
static unsigned next_used(const uint8_t *used, unsigned c)
{
    while (c < PDF_FONTS_CODES) {
        unsigned bits = used[c >> 3] >> (c & 7);
        if (bits)
            return c + (unsigned)__builtin_ctz(bits);
        c = (c | 7) + 1;
    }
    return PDF_FONTS_CODES;
}

/* /W: the widths of the used code points that differ from /DW. */
static zb_status write_widths(const pdf_face *face, HPDF_Dict cid,
                              const uint8_t *used)
{
    HPDF_Array w = HPDF_Array_New(cid->mmgr);
    if (!w || HPDF_Dict_Add(cid, "W", w) != HPDF_OK)
        return ZB_ERR_RENDER;
    HPDF_Array run = NULL;  /* of the code points up to LAST */
    unsigned last = 0;
    HPDF_STATUS ret = HPDF_OK;
    for (unsigned c = next_used(used, 0); c < PDF_FONTS_CODES;
         c = next_used(used, c + 1)) {
        if (face->advance[c] == face->missing_width) {
            run = NULL;
            continue;
        }
        if (!run || c != last + 1) {
            run = HPDF_Array_New(cid->mmgr);
            ret |= HPDF_Array_AddNumber(w, (HPDF_INT32)c);
            ret |= run ? HPDF_Array_Add(w, run) : HPDF_FAILD_TO_ALLOC_MEM;
        }
        ret |= run ? HPDF_Array_AddNumber(run, face->advance[c]) : 0;
        last = c;
    }
    return ret == HPDF_OK ? ZB_OK : ZB_ERR_RENDER;
}

/* /CIDToGIDMap: the glyphs of the used code points (CID = code point). */
static zb_status write_gid_map(const pdf_face *face, HPDF_Dict cid,
                               const uint8_t *used)
{
    HPDF_Dict map = HPDF_Dict_GetItem(cid, "CIDToGIDMap", HPDF_OCLASS_DICT);
    if (!map)
        return ZB_ERR_RENDER;
    unsigned count = 0;
    for (unsigned c = next_used(used, 0); c < PDF_FONTS_CODES;
         c = next_used(used, c + 1))
        count = c + 1;
    uint8_t *bytes = calloc(count ? count : 1, 2);
    if (!bytes)
        return ZB_ERR_NOMEM;
    for (unsigned c = next_used(used, 0); c < count;
         c = next_used(used, c + 1)) {
        bytes[2 * c] = (uint8_t)(face->gid[c] >> 8);
        bytes[2 * c + 1] = (uint8_t)face->gid[c];
    }
    HPDF_STATUS ret = HPDF_Stream_Write(map->stream, bytes, count * 2);
    free(bytes);
    return ret == HPDF_OK ? ZB_OK : ZB_ERR_RENDER;
}

/* /ToUnicode: the identity (CID = code point), in ranges of 256 over the
   rows of the BMP that hold a used code point. */
static zb_status write_to_unicode(HPDF_Font font, const uint8_t *used)
{
    HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    if (!cmap)
        return ZB_ERR_RENDER;
    unsigned rows[256], count = 0;
    for (unsigned hi = 0; hi < 256; hi++) {
        bool any = false;
        for (unsigned k = 0; k < 32 && !any; k++)
            any = used[hi * 32 + k] != 0;
        if (any && (hi < 0xD8 || hi > 0xDF))
            rows[count++] = hi;
    }
    zb_buf b = {0};
    buf_append_str(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
                       "begincmap\n/CIDSystemInfo << /Registry (Adobe) "
                       "/Ordering (UCS) /Supplement 0 >> def\n/CMapName "
                       "/Adobe-Identity-UCS def\n/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\n"
                       "endcodespacerange\n");
    for (unsigned i = 0; i < count; i++) {
        if (i % 100 == 0)
            buf_printf(&b, "%u beginbfrange\n",
                       count - i < 100 ? count - i : 100);
        buf_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", rows[i], rows[i],
                   rows[i]);
        if (i % 100 == 99 || i + 1 == count)
            buf_append_str(&b, "endbfrange\n");
    }
    buf_append_str(&b, "endcmap\nCMapName currentdict /CMap defineresource "
                       "pop\nend\nend\n");
    if (b.failed) {
        buf_free(&b);
        return ZB_ERR_NOMEM;
    }
    HPDF_STATUS ret = HPDF_Stream_Write(cmap->stream, (HPDF_BYTE *)b.data,
                                        (HPDF_UINT)b.len);
    buf_free(&b);
    return ret == HPDF_OK ? ZB_OK : ZB_ERR_RENDER;
}

/* Read a big-endian 16-bit number from S. */
static bool read_u16(HPDF_Stream s, unsigned *v)
{
    HPDF_BYTE b[2];
    HPDF_UINT n = 2;
    if (HPDF_Stream_Read(s, b, &n) != HPDF_OK || n != 2)
        return false;
    *v = (unsigned)b[0] << 8 | b[1];
    return true;
}

/* Mark the components of composite glyph GID (and theirs) as used; push
   the newly marked ones on STACK. */
static void mark_components(HPDF_TTFontDefAttr a, unsigned gid,
                            uint16_t *stack, size_t *depth)
{
    enum { WORDS = 1, SCALE = 8, MORE = 32, XY_SCALE = 64, TWO_BY_TWO = 128 };
    HPDF_UINT32 offset = a->glyph_tbl.offsets[gid];
    if (offset == a->glyph_tbl.offsets[gid + 1])
        return;  /* an empty glyph */
    if (a->header.index_to_loc_format == 0)
        offset *= 2;
    unsigned contours, flags, component;
    if (HPDF_Stream_Seek(a->stream, (HPDF_INT)(offset + a->glyph_tbl.base_offset),
                         HPDF_SEEK_SET) != HPDF_OK ||
        !read_u16(a->stream, &contours) || contours < 0x8000 ||
        HPDF_Stream_Seek(a->stream, 8, HPDF_SEEK_CUR) != HPDF_OK)
        return;
    do {
        if (!read_u16(a->stream, &flags) || !read_u16(a->stream, &component))
            return;
        HPDF_INT skip = (flags & WORDS ? 4 : 2) + (flags & SCALE ? 2
                        : flags & XY_SCALE ? 4 : flags & TWO_BY_TWO ? 8 : 0);
        if (HPDF_Stream_Seek(a->stream, skip, HPDF_SEEK_CUR) != HPDF_OK)
            return;
        if (component < a->num_glyphs && !a->glyph_tbl.flgs[component]) {
            a->glyph_tbl.flgs[component] = 1;
            stack[(*depth)++] = (uint16_t)component;
        }
    } while (flags & MORE);
}

/* Mark the glyphs of the code points in USED, and every component of
   every such glyph, however deep (libharu 2.3.0 marked a glyph when it
   measured it, and its components one level deep and below glyph 32768
   only). */
static zb_status mark_glyphs(const pdf_face *face, HPDF_Font font,
                             const uint8_t *used)
{
    HPDF_FontDef def = ((HPDF_FontAttr)font->attr)->fontdef;
    HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
    for (unsigned c = next_used(used, 0); c < PDF_FONTS_CODES;
         c = next_used(used, c + 1))
        a->glyph_tbl.flgs[face->gid[c]] = 1;
    uint16_t *stack = malloc((size_t)a->num_glyphs * sizeof *stack);
    if (!stack)
        return ZB_ERR_NOMEM;
    size_t depth = 0;
    for (unsigned g = 0; g < a->num_glyphs; g++)
        if (a->glyph_tbl.flgs[g])
            stack[depth++] = (uint16_t)g;
    while (depth)
        mark_components(a, stack[--depth], stack, &depth);
    free(stack);
    return ZB_OK;
}

zb_status pdf_face_finish(const pdf_face *face, HPDF_Font font,
                          const uint8_t *used,
                          struct libdeflate_compressor *z)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
    HPDF_Array kids = HPDF_Dict_GetItem(font, "DescendantFonts",
                                        HPDF_OCLASS_ARRAY);
    HPDF_Dict cid = kids ? HPDF_Array_GetItem(kids, 0, HPDF_OCLASS_DICT)
                         : NULL;
    if (!cid)
        return ZB_ERR_RENDER;
    zb_status st = mark_glyphs(face, font, used);
    if (st == ZB_OK)
        st = write_widths(face, cid, used);
    if (st == ZB_OK)
        st = write_gid_map(face, cid, used);
    if (st == ZB_OK)
        st = write_to_unicode(font, used);
    if (st == ZB_OK)
        st = pdf_stream_deflate(fa->map_stream, z);
    if (st == ZB_OK)
        st = pdf_stream_deflate(fa->cmap_stream, z);
    if (st == ZB_OK)
        st = pdf_fontfile_embed(face->file, font, z);
    return st;
}
