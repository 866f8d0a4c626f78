/*
 * pdf_fontfile.c - TrueType font programs with the tables libharu 2.3.0's
 * HPDF_TTFontDef_SaveFontData() writes (hpdf_fontdef_tt.c: the same
 * thirteen tables and directory, glyf and loca holding only the used
 * glyphs, the name table with the subset tag, the same checksums), from a
 * mapped file, with the unchanged tables deflated once per process.
 *
 * A deflate stream may be cut into pieces that each end on a byte boundary
 * (zlib's Z_SYNC_FLUSH) and start without looking back: the pieces
 * deflated once are copied into each PDF's program, and the zlib
 * trailer's Adler-32 is combined from the pieces'. The tables' bytes come
 * in another order than libharu's (the directory says where each is, and
 * TrueType lets the tables lie in any order): those that are the same in
 * every PDF first, then head, glyf and loca, the PDF's own, deflated in
 * one go by libdeflate as the stream's last blocks.
 */
#include "pdf_fontfile.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "../core/buf.h"
#include "pdf_stream.h"

/* The tables libharu embeds, in its order; those marked own differ from
   one PDF to the next. */
#define TABLES 13
static const struct {
    char tag[5];
    bool own;
} tables[TABLES] = {
    {"OS/2", false}, {"cmap", false}, {"cvt ", false}, {"fpgm", false},
    {"glyf", true},  {"head", true},  {"hhea", false}, {"hmtx", false},
    {"loca", true},  {"maxp", false}, {"name", true},  {"post", false},
    {"prep", false},
};
enum { TABLE_GLYF = 4, TABLE_HEAD = 5, TABLE_LOCA = 8, TABLE_NAME = 10 };

/* Where the tables' bytes lie in the program, by index in tables[]: the
   shared ones and name, then head, glyf and loca (as write_own() writes
   them, one after the other). */
static const size_t data_order[TABLES] = {0, 1, 2, 3, 6, 7, 9, 10, 11, 12,
                                          TABLE_HEAD, TABLE_GLYF, TABLE_LOCA};

/* The offset table and the table directory, before the tables. */
#define DIRECTORY (12 + 16 * TABLES)

/* A part of a font program (a table, the directory): its bytes, what the
   program's sums need of them, and, when it is the same in every PDF,
   deflated. WORDS[k]: its bytes summed as big-endian 32-bit words when it
   starts at an offset of k modulo 4 (WORDS[0] is its TrueType checksum). */
typedef struct piece {
    const uint8_t *data;
    size_t len;
    uint32_t words[4];
    uint32_t adler;      /* Adler-32 of its bytes alone */
    zb_buf packed;       /* deflated (Z_SYNC_FLUSH), or empty */
} piece;

/* A name table with a subset tag, made once per tag. */
typedef struct named {
    char tag[HPDF_TTF_FONT_TAG_LEN];
    zb_buf bytes;
    piece piece;
} named;

struct pdf_fontfile {
    uint8_t *data;  /* the mapped file */
    size_t size;
    int index;      /* TTC index, -1 for a .ttf file */
    HPDF_Doc owner;         /* holds DEF */
    HPDF_FontDef def;       /* the font parsed by libharu, once */
    piece shared[TABLES];   /* the tables that are not own */
    bool prepared;          /* shared is filled (at the first embedding) */
    named *names;           /* by subset tag: HPDFAA, HPDFAB... */
    size_t name_count, name_cap;
};

void pdf_fontfile_free(pdf_fontfile *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < TABLES; i++)
        buf_free(&f->shared[i].packed);
    for (size_t i = 0; i < f->name_count; i++) {
        buf_free(&f->names[i].bytes);
        buf_free(&f->names[i].piece.packed);
    }
    free(f->names);
    if (f->def)
        HPDF_FontDef_Free(f->def);
    HPDF_Free(f->owner);
    munmap(f->data, f->size);
    free(f);
}

/* ------------------------------------------------------- the tables */

static HPDF_TTFTable *find_table(HPDF_TTFontDefAttr a, const char *tag)
{
    for (unsigned i = 0; i < a->offset_tbl.num_tables; i++)
        if (!memcmp(a->offset_tbl.table[i].tag, tag, 4))
            return &a->offset_tbl.table[i];
    return NULL;
}

/* Whether LEN bytes at OFFSET lie inside FILE. */
static bool inside(const pdf_fontfile *f, size_t offset, size_t len)
{
    return offset <= f->size && len <= f->size - offset;
}

/* Whether the tables of A lie inside F. */
static bool tables_inside(const pdf_fontfile *f, HPDF_TTFontDefAttr a)
{
    for (size_t i = 0; i < TABLES; i++) {
        const HPDF_TTFTable *t = find_table(a, tables[i].tag);
        if (t && !inside(f, t->offset, t->length))
            return false;
    }
    return true;
}

/* libharu's next subset tag: HPDFAA, HPDFAB, ... */
static void next_tag(HPDF_BYTE tag[6])
{
    if (tag[0] == 0) {
        memcpy(tag, "HPDFAA", 6);
        return;
    }
    for (int i = 5; i >= 0; i--) {
        if (++tag[i] <= 'Z')
            break;
        tag[i] = 'A';
    }
}

static void on_haru_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
    (void)detail;
    HPDF_STATUS *problem = data;
    if (!*problem)
        *problem = code;
}

/* Parse F with libharu into F->def (its first error in *PROBLEM). */
static zb_status parse(pdf_fontfile *f, HPDF_STATUS *problem)
{
    f->owner = HPDF_New(on_haru_error, problem);
    HPDF_Stream s = f->owner ? pdf_stream_over(f->owner->mmgr, f->data, f->size) : NULL;
    if (!s)
        return ZB_ERR_NOMEM;
    f->def = f->index >= 0 ? HPDF_TTFontDef_Load2(f->owner->mmgr, s,
                                                  (HPDF_UINT)f->index,
                                                  HPDF_TRUE)
                           : HPDF_TTFontDef_Load(f->owner->mmgr, s, HPDF_TRUE);
    if (f->def && !tables_inside(f, (HPDF_TTFontDefAttr)f->def->attr)) {
        HPDF_FontDef_Free(f->def);
        f->def = NULL;
        *problem = HPDF_TTF_INVALID_FOMAT;
    }
    if (!f->def && !*problem)
        *problem = HPDF_FAILD_TO_ALLOC_MEM;
    return f->def ? ZB_OK : ZB_ERR_FONT;
}

zb_status pdf_fontfile_open(const char *path, int index, pdf_fontfile **out,
                            HPDF_STATUS *problem)
{
    *out = NULL;
    *problem = HPDF_OK;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return ZB_ERR_IO;
    if (fstat(fd, &st) != 0 || st.st_size <= 0) {
        close(fd);
        return ZB_ERR_IO;
    }
    void *data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (data == MAP_FAILED)
        return ZB_ERR_IO;
    pdf_fontfile *f = calloc(1, sizeof *f);
    if (!f) {
        munmap(data, (size_t)st.st_size);
        return ZB_ERR_NOMEM;
    }
    f->data = data;
    f->size = (size_t)st.st_size;
    f->index = index;
    *out = f;
    return parse(f, problem);
}

HPDF_FontDef pdf_fontfile_def(const pdf_fontfile *file)
{
    return file->def;
}

/* The free function of a copy: only what is its own. */
static void copy_free(HPDF_FontDef def)
{
    HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
    HPDF_FreeMem(def->mmgr, a->glyph_tbl.flgs);
    if (a->stream)
        HPDF_Stream_Free(a->stream);
    HPDF_FreeMem(def->mmgr, a);
}

/* A copy of F's font for one document (MMGR): its own glyph marks, reader
   and subset tag; the tables libharu parsed (metrics, glyph offsets,
   names, character map) are F's, read only. */
static HPDF_FontDef copy_def(const pdf_fontfile *f, HPDF_MMgr mmgr)
{
    const HPDF_TTFontDefAttr t = (HPDF_TTFontDefAttr)f->def->attr;
    HPDF_FontDef def = HPDF_GetMem(mmgr, sizeof *def);
    HPDF_TTFontDefAttr a = def ? HPDF_GetMem(mmgr, sizeof *a) : NULL;
    HPDF_BYTE *flags = a ? HPDF_GetMem(mmgr, t->num_glyphs) : NULL;
    HPDF_Stream s = flags ? pdf_stream_over(mmgr, f->data, f->size) : NULL;
    if (!s) {
        HPDF_FreeMem(mmgr, flags);
        HPDF_FreeMem(mmgr, a);
        HPDF_FreeMem(mmgr, def);
        return NULL;
    }
    *def = *f->def;
    *a = *t;
    def->mmgr = mmgr;
    def->error = mmgr->error;
    def->free_fn = copy_free;
    def->descriptor = NULL;
    def->attr = a;
    memset(flags, 0, t->num_glyphs);
    flags[0] = 1;  /* .notdef, as libharu marks it */
    a->glyph_tbl.flgs = flags;
    a->stream = s;
    return def;
}

HPDF_FontDef pdf_fontfile_load(const pdf_fontfile *file, HPDF_Doc pdf)
{
    HPDF_FontDef known = HPDF_Doc_FindFontDef(pdf, file->def->base_font);
    if (known)
        return known;
    HPDF_FontDef def = copy_def(file, pdf->mmgr);
    if (!def || HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
        if (def)
            HPDF_FontDef_Free(def);
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    next_tag(pdf->ttfont_tag);
    HPDF_TTFontDef_SetTagName(def, (char *)pdf->ttfont_tag);
    return def;
}

/* ------------------------------------------------------- deflating */

/* The zlib level of the pieces deflated once (the shared tables, the
   name tables). Level 1 against libharu's 6: a one-page form's PDF costs
   about a fifth fewer instructions; the files grow by 6-9%. */
#define PDF_DEFLATE_LEVEL Z_BEST_SPEED

/* A raw deflate stream (no zlib header) at PDF_DEFLATE_LEVEL for the
   pieces deflated once, opened at its first use (most PDFs deflate none:
   their pieces were made by the PDFs before). */
typedef struct packer {
    z_stream z;
    bool open;
} packer;

/* Deflate the N bytes at IN onto OUT with K as blocks that do not look
   back before IN and end on a byte boundary (Z_SYNC_FLUSH). */
static zb_status pack(packer *k, const uint8_t *in, size_t n, zb_buf *out)
{
    z_stream *z = &k->z;
    if (!k->open && deflateInit2(z, PDF_DEFLATE_LEVEL, Z_DEFLATED,
                                 -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return ZB_ERR_NOMEM;
    k->open = true;
    uint8_t chunk[32768];
    int rc = deflateReset(z) == Z_OK ? Z_OK : Z_STREAM_ERROR;
    z->next_in = (Bytef *)in;
    z->avail_in = (uInt)n;
    while (rc != Z_STREAM_ERROR) {
        z->next_out = chunk;
        z->avail_out = sizeof chunk;
        rc = deflate(z, Z_SYNC_FLUSH);
        buf_append(out, chunk, sizeof chunk - z->avail_out);
        if (z->avail_out != 0)
            break;
    }
    return rc == Z_STREAM_ERROR ? ZB_ERR_RENDER
           : out->failed        ? ZB_ERR_NOMEM
                                : ZB_OK;
}

/* The N bytes at DATA (fewer than 65,536) onto OUT as a stored deflate
   block, not the last: the directory, which zlib would clear a table of
   64 KB to deflate. */
static zb_status store(const uint8_t *data, size_t n, zb_buf *out)
{
    const uint8_t head[5] = {0x00, (uint8_t)n, (uint8_t)(n >> 8),
                             (uint8_t)~n, (uint8_t)(~n >> 8)};
    buf_append(out, head, sizeof head);
    return buf_append(out, data, n);
}

/* -------------------------------------------------------- the pieces */

/* Fill the sums of piece P from its N bytes at DATA (see piece). */
static void piece_sum(piece *p, const uint8_t *data, size_t n)
{
    uint32_t lane[4] = {0};
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        lane[0] += data[i];
        lane[1] += data[i + 1];
        lane[2] += data[i + 2];
        lane[3] += data[i + 3];
    }
    for (; i < n; i++)
        lane[i & 3] += data[i];
    for (unsigned k = 0; k < 4; k++) {
        p->words[k] = 0;
        for (unsigned j = 0; j < 4; j++)
            p->words[k] += lane[j] << 8 * (3 - ((k + j) & 3));
    }
    p->data = data;
    p->len = n;
    p->adler = (uint32_t)adler32(adler32(0, NULL, 0), data, (uInt)n);
}

/* Piece P of the N bytes at DATA, deflated with K. */
static zb_status piece_make(piece *p, const uint8_t *data, size_t n,
                            packer *k)
{
    piece_sum(p, data, n);
    return n ? pack(k, data, n, &p->packed) : ZB_OK;
}

/* Deflate the tables of F that are not own, as A names them, with K. */
static zb_status prepare(pdf_fontfile *f, HPDF_TTFontDefAttr a, packer *k)
{
    for (size_t i = 0; i < TABLES && !f->prepared; i++) {
        const HPDF_TTFTable *t = find_table(a, tables[i].tag);
        if (tables[i].own || !t)
            continue;
        zb_status st = piece_make(&f->shared[i], f->data + t->offset,
                                  t->length, k);
        if (st != ZB_OK)
            return st;
    }
    f->prepared = true;
    return ZB_OK;
}

/* ----------------------------------------------- the font program */

static void put16(zb_buf *b, unsigned v)
{
    uint8_t x[2] = {(uint8_t)(v >> 8), (uint8_t)v};
    buf_append(b, x, 2);
}

static void put32(zb_buf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8),
                    (uint8_t)v};
    buf_append(b, x, 4);
}

/* head as libharu writes it: checkSumAdjustment 0 at *ADJUST, to be set. */
static void write_head(HPDF_TTFontDefAttr a, zb_buf *b, size_t *adjust)
{
    const HPDF_TTF_FontHeader *h = &a->header;
    buf_append(b, h->version_number, 4);
    put32(b, h->font_revision);
    *adjust = b->len;
    put32(b, 0);
    put32(b, h->magic_number);
    put16(b, h->flags);
    put16(b, h->units_per_em);
    buf_append(b, h->created, 8);
    buf_append(b, h->modified, 8);
    put16(b, (uint16_t)h->x_min);
    put16(b, (uint16_t)h->y_min);
    put16(b, (uint16_t)h->x_max);
    put16(b, (uint16_t)h->y_max);
    put16(b, h->mac_style);
    put16(b, h->lowest_rec_ppem);
    put16(b, (uint16_t)h->font_direction_hint);
    put16(b, (uint16_t)h->index_to_loc_format);
    put16(b, (uint16_t)h->glyph_data_format);
}

/* glyf with the used glyphs only, their new loca values in OFFSETS. */
static zb_status write_glyf(const pdf_fontfile *f, HPDF_TTFontDefAttr a,
                            zb_buf *b, uint32_t *offsets)
{
    bool halved = a->header.index_to_loc_format == 0;
    size_t start = b->len;
    uint32_t next = 0;
    for (unsigned i = 0; i < a->num_glyphs; i++) {
        if (a->glyph_tbl.flgs[i] != 1) {
            offsets[i] = next;
            continue;
        }
        uint32_t from = a->glyph_tbl.offsets[i];
        uint32_t len = a->glyph_tbl.offsets[i + 1] - from;
        if (a->glyph_tbl.offsets[i + 1] < from)
            return ZB_ERR_FONT;
        offsets[i] = (uint32_t)(b->len - start) >> halved;
        size_t at = a->glyph_tbl.base_offset + ((size_t)from << halved);
        if (!inside(f, at, (size_t)len << halved))
            return ZB_ERR_FONT;
        buf_append(b, f->data + at, (size_t)len << halved);
        next = (uint32_t)(b->len - start) >> halved;
    }
    offsets[a->num_glyphs] = next;
    return ZB_OK;
}

static zb_status write_loca(HPDF_TTFontDefAttr a, zb_buf *b,
                            const uint32_t *offsets)
{
    size_t n = (size_t)a->num_glyphs + 1, width = a->header.index_to_loc_format
                                                       ? 4 : 2;
    uint8_t *bytes = malloc(n * width);
    if (!bytes)
        return ZB_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < width; k++)
            bytes[i * width + k] = (uint8_t)(offsets[i] >> 8 * (width - 1 - k));
    zb_status st = buf_append(b, bytes, n * width);
    free(bytes);
    return st;
}

/* name with the subset tag before the family and full names. */
static zb_status write_name(const pdf_fontfile *f, HPDF_TTFontDefAttr a,
                            zb_buf *b)
{
    const HPDF_TTF_NamingTable *n = &a->name_tbl;
    const HPDF_TTFTable *t = find_table(a, "name");
    zb_buf text = {0};
    put16(b, n->format);
    put16(b, n->count);
    put16(b, n->string_offset);
    for (unsigned i = 0; t && i < n->count; i++) {
        const HPDF_TTF_NameRecord *r = &n->name_records[i];
        size_t at = (size_t)t->offset + n->string_offset + r->offset;
        size_t len = r->length, offset = text.len;
        if (r->name_id == 1 || r->name_id == 4) {
            bool wide = r->platform_id == 0 || r->platform_id == 3;
            const char *tag = wide ? a->tag_name2 : a->tag_name;
            size_t tag_len = wide ? sizeof a->tag_name2 : sizeof a->tag_name;
            buf_append(&text, tag, tag_len);
            len += tag_len;
        }
        if (!inside(f, at, r->length)) {
            buf_free(&text);
            return ZB_ERR_FONT;
        }
        buf_append(&text, f->data + at, r->length);
        put16(b, r->platform_id);
        put16(b, r->encoding_id);
        put16(b, r->language_id);
        put16(b, r->name_id);
        put16(b, (uint16_t)len);
        put16(b, (uint16_t)offset);
    }
    buf_append(b, text.data, text.len);
    zb_status st = text.failed ? ZB_ERR_NOMEM : ZB_OK;
    buf_free(&text);
    return st;
}

/* The name table of A (with its subset tag) as a piece: made and deflated
   once per tag (HPDFAA, HPDFAB...: a PDF's first fonts), then reused. */
static zb_status name_piece(pdf_fontfile *f, HPDF_TTFontDefAttr a,
                            packer *k, const piece **out)
{
    named *n = f->names;
    for (size_t i = 0; i < f->name_count; i++, n++)
        if (!memcmp(n->tag, a->tag_name, sizeof n->tag)) {
            *out = &n->piece;
            return ZB_OK;
        }
    if (f->name_count == f->name_cap) {
        size_t cap = f->name_cap ? 2 * f->name_cap : 4;
        named *names = realloc(f->names, cap * sizeof *names);
        if (!names)
            return ZB_ERR_NOMEM;
        f->names = names;
        f->name_cap = cap;
    }
    n = &f->names[f->name_count];
    *n = (named){0};
    zb_status st = write_name(f, a, &n->bytes);
    if (st == ZB_OK && n->bytes.failed)
        st = ZB_ERR_NOMEM;
    if (st == ZB_OK)
        st = piece_make(&n->piece, (const uint8_t *)n->bytes.data,
                        n->bytes.len, k);
    if (st != ZB_OK) {
        buf_free(&n->bytes);
        buf_free(&n->piece.packed);
        return st;
    }
    memcpy(n->tag, a->tag_name, sizeof n->tag);
    f->name_count++;
    *out = &n->piece;
    return ZB_OK;
}

/* One PDF's font program: its own tables' bytes, and the pieces of all
   thirteen tables in libharu's order. */
typedef struct program {
    zb_buf own;                   /* directory, head, glyf, loca */
    const piece *table[TABLES];
    piece mine[TABLES + 1];       /* own tables' pieces; last: directory */
    size_t length;                /* of the whole program */
} program;

/* The pieces of glyf, head and loca of A in P (head's checkSumAdjustment
   still 0, at *ADJUST in P->own). */
static zb_status write_own(const pdf_fontfile *f, HPDF_TTFontDefAttr a,
                           program *p, size_t *adjust)
{
    uint32_t *offsets = malloc(((size_t)a->num_glyphs + 1) * sizeof *offsets);
    if (!offsets)
        return ZB_ERR_NOMEM;
    size_t start[TABLES] = {0};
    uint8_t zero[DIRECTORY] = {0};
    buf_append(&p->own, zero, sizeof zero);
    start[TABLE_HEAD] = p->own.len;
    write_head(a, &p->own, adjust);
    start[TABLE_GLYF] = p->own.len;
    zb_status st = write_glyf(f, a, &p->own, offsets);
    start[TABLE_LOCA] = p->own.len;
    if (st == ZB_OK)
        st = write_loca(a, &p->own, offsets);
    free(offsets);
    if (st == ZB_OK && p->own.failed)
        st = ZB_ERR_NOMEM;
    static const size_t own[] = {TABLE_HEAD, TABLE_GLYF, TABLE_LOCA};
    size_t end[] = {start[TABLE_GLYF], start[TABLE_LOCA], p->own.len};
    for (size_t k = 0; k < 3 && st == ZB_OK; k++) {
        size_t i = own[k];
        piece_sum(&p->mine[i], (const uint8_t *)p->own.data + start[i],
                  end[k] - start[i]);
        p->table[i] = &p->mine[i];
    }
    return st;
}

/* The big-endian word sum of the bytes of P from program offset AT on,
   up to program offset LIMIT (a multiple of 4). */
static uint32_t piece_words(const piece *p, size_t at, size_t limit)
{
    if (at + p->len <= limit)
        return p->words[at & 3];
    uint32_t sum = 0;  /* the piece that holds the last partial word */
    for (size_t i = 0; at + i < limit; i++)
        sum += (uint32_t)p->data[i] << 8 * (3 - ((at + i) & 3));
    return sum;
}

/* The directory of P, the head's checkSumAdjustment (over the tables,
   leaving out the directory and a last partial word, as libharu does) and
   the directory's piece. */
static void finish_program(HPDF_TTFontDefAttr a, program *p, size_t adjust)
{
    uint8_t *dir = (uint8_t *)p->own.data;
    zb_buf d = {0};
    put32(&d, a->offset_tbl.sfnt_version);
    put16(&d, TABLES);
    put16(&d, a->offset_tbl.search_range);
    put16(&d, a->offset_tbl.entry_selector);
    put16(&d, a->offset_tbl.range_shift);
    size_t at = DIRECTORY, offset[TABLES];
    size_t limit = DIRECTORY + ((p->length - DIRECTORY) & ~(size_t)3);
    uint32_t body = 0;
    for (size_t k = 0; k < TABLES; k++) {
        const piece *t = p->table[data_order[k]];
        offset[data_order[k]] = at;
        body += piece_words(t, at, limit);
        at += t->len;
    }
    for (size_t i = 0; i < TABLES; i++) {
        buf_append(&d, tables[i].tag, 4);
        put32(&d, p->table[i]->words[0]);
        put32(&d, (uint32_t)offset[i]);
        put32(&d, (uint32_t)p->table[i]->len);
    }
    if (!d.failed)
        memcpy(dir, d.data, DIRECTORY);
    buf_free(&d);
    uint32_t sum = 0xB1B0AFBA - body;
    uint8_t be[4] = {(uint8_t)(sum >> 24), (uint8_t)(sum >> 16),
                     (uint8_t)(sum >> 8), (uint8_t)sum};
    memcpy(dir + adjust, be, 4);
    /* head's checksum in the directory is the one with 0: as libharu */
    piece *h = &p->mine[TABLE_HEAD];
    h->adler = (uint32_t)adler32(adler32(0, NULL, 0), h->data, (uInt)h->len);
    piece_sum(&p->mine[TABLES], dir, DIRECTORY);
}

/* The font program of A as libharu writes it, in pieces. */
static zb_status write_program(pdf_fontfile *f, HPDF_TTFontDefAttr a,
                               packer *k, program *p)
{
    size_t adjust = 0;
    zb_status st = write_own(f, a, p, &adjust);
    if (st == ZB_OK)
        st = name_piece(f, a, k, &p->table[TABLE_NAME]);
    if (st != ZB_OK)
        return st;
    p->length = DIRECTORY;
    for (size_t i = 0; i < TABLES; i++) {
        if (!p->table[i])
            p->table[i] = &f->shared[i];
        p->length += p->table[i]->len;
    }
    finish_program(a, p, adjust);
    return ZB_OK;
}

/* P deflated as a zlib stream onto OUT: the directory stored, the
   pieces deflated once copied, then head, glyf and loca (P->own after the
   directory) deflated by C as the last blocks; the Adler-32 combined from
   the pieces'. */
static zb_status deflate_program(const program *p,
                                 struct libdeflate_compressor *c, zb_buf *out)
{
    static const uint8_t header[2] = {0x78, 0x9C};
    const piece *dir = &p->mine[TABLES];
    buf_append(out, header, sizeof header);
    zb_status st = store(dir->data, dir->len, out);
    uLong adler = dir->adler;
    for (size_t k = 0; k < TABLES && st == ZB_OK; k++) {
        const piece *t = p->table[data_order[k]];
        if (t->packed.len)
            st = buf_append(out, t->packed.data, t->packed.len);
        if (t->len)
            adler = adler32_combine(adler, t->adler, (z_off_t)t->len);
    }
    const uint8_t *own = (const uint8_t *)p->own.data + DIRECTORY;
    size_t n = p->own.len - DIRECTORY;
    size_t bound = libdeflate_deflate_compress_bound(c, n);
    if (st == ZB_OK)
        st = buf_reserve(out, bound + 4);
    size_t len = st == ZB_OK ? libdeflate_deflate_compress(
                                   c, own, n, out->data + out->len, bound)
                             : 0;
    if (st == ZB_OK && !len)
        st = ZB_ERR_RENDER;
    out->len += len;
    put32(out, (uint32_t)adler);
    return st == ZB_OK && out->failed ? ZB_ERR_NOMEM : st;
}

/* The font descriptor of DEF with the font program FILE, as libharu's
   CIDFontType2_BeforeWrite_Func() makes it. */
static zb_status add_descriptor(HPDF_Font font, HPDF_Dict file,
                                size_t length1)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
    HPDF_FontDef def = fa->fontdef;
    HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
    HPDF_Dict d = HPDF_Dict_New(font->mmgr);
    if (!d)
        return ZB_ERR_NOMEM;
    HPDF_STATUS ret = HPDF_Dict_Add(d, "FontFile2", file);
    ret += HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)length1);
    ret += HPDF_Dict_AddNumber(file, "Length2", 0);
    ret += HPDF_Dict_AddNumber(file, "Length3", 0);
    pdf_stream_set_deflated(file);  /* deflated already */
    ret += HPDF_Xref_Add(fa->xref, d);
    ret += HPDF_Dict_AddName(d, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
    ret += HPDF_Dict_AddNumber(d, "Descent", def->descent);
    ret += HPDF_Dict_AddNumber(d, "Flags", def->flags);
    ret += HPDF_Dict_Add(d, "FontBBox",
                         HPDF_Box_Array_New(font->mmgr, def->font_bbox));
    ret += HPDF_Dict_AddName(d, "FontName", a->base_font);
    ret += HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
    ret += HPDF_Dict_AddNumber(d, "StemV", def->stemv);
    ret += HPDF_Dict_AddNumber(d, "XHeight", def->x_height);
    if (ret != HPDF_OK)
        return ZB_ERR_RENDER;
    def->descriptor = d;
    return ZB_OK;
}

zb_status pdf_fontfile_embed(pdf_fontfile *f, HPDF_Font font,
                             struct libdeflate_compressor *c)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
    HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)fa->fontdef->attr;
    if (fa->fontdef->descriptor)
        return ZB_OK;
    program p = {0};
    zb_buf packed = {0};
    packer k = {0};
    zb_status st = prepare(f, a, &k);
    if (st == ZB_OK)
        st = write_program(f, a, &k, &p);
    if (st == ZB_OK)
        st = deflate_program(&p, c, &packed);
    if (k.open)
        deflateEnd(&k.z);
    HPDF_Dict file = st == ZB_OK ? HPDF_DictStream_New(font->mmgr, fa->xref)
                                 : NULL;
    if (st == ZB_OK &&
        (!file || !pdf_stream_use(file) ||
         HPDF_Stream_Write(file->stream, (HPDF_BYTE *)packed.data,
                           (HPDF_UINT)packed.len) != HPDF_OK))
        st = ZB_ERR_RENDER;
    if (st == ZB_OK)
        st = add_descriptor(font, file, p.length);
    a->length1 = (HPDF_UINT)p.length;
    buf_free(&p.own);
    buf_free(&packed);
    return st;
}
