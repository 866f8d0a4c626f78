/*
 * pdf_stream.c - a libharu stream in one buffer (see pdf_stream.h).
 */
#include "pdf_stream.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>
#include <hpdf_streams.h>

typedef struct buffer {
    HPDF_BYTE *data;     /* owned, unless the stream is read-only */
    size_t len, cap;
    size_t pos;          /* where the next read starts */
} buffer;

static HPDF_STATUS buffer_write(HPDF_Stream s, const HPDF_BYTE *p,
                                HPDF_UINT n)
{
    buffer *b = s->attr;
    if (n > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 4096;
        while (n > cap - b->len)
            cap *= 2;
        HPDF_BYTE *data = realloc(b->data, cap);
        if (!data)
            return HPDF_SetError(s->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    return HPDF_OK;
}

/* As libharu's streams: *N bytes; when fewer are left, those (the rest of
   P cleared), *N their count and HPDF_STREAM_EOF. */
static HPDF_STATUS buffer_read(HPDF_Stream s, HPDF_BYTE *p, HPDF_UINT *n)
{
    buffer *b = s->attr;
    size_t left = b->pos < b->len ? b->len - b->pos : 0;
    size_t got = *n < left ? *n : left;
    memcpy(p, b->data + b->pos, got);
    b->pos += got;
    if (got == *n)
        return HPDF_OK;
    memset(p + got, 0, *n - got);
    *n = (HPDF_UINT)got;
    return HPDF_STREAM_EOF;
}

static HPDF_STATUS buffer_seek(HPDF_Stream s, HPDF_INT pos,
                               HPDF_WhenceMode mode)
{
    buffer *b = s->attr;
    long long base = mode == HPDF_SEEK_SET ? 0
                     : mode == HPDF_SEEK_CUR ? (long long)b->pos
                                             : (long long)b->len;
    if (base + pos < 0)
        return HPDF_SetError(s->error, HPDF_FILE_IO_ERROR, 0);
    b->pos = (size_t)(base + pos);
    return HPDF_OK;
}

static HPDF_INT32 buffer_tell(HPDF_Stream s)
{
    return (HPDF_INT32)((buffer *)s->attr)->pos;
}

static HPDF_UINT32 buffer_size(HPDF_Stream s)
{
    return (HPDF_UINT32)((buffer *)s->attr)->len;
}

static void buffer_free(HPDF_Stream s)
{
    buffer *b = s->attr;
    if (s->write_fn)
        free(b->data);
    HPDF_FreeMem(s->mmgr, b);
}

/* A stream over B (its data kept): writable with WRITE, read-only
   without. */
static HPDF_Stream stream_new(HPDF_MMgr mmgr, buffer b, bool write)
{
    HPDF_Stream s = HPDF_GetMem(mmgr, sizeof *s);
    buffer *attr = s ? HPDF_GetMem(mmgr, sizeof *attr) : NULL;
    if (!attr) {
        HPDF_FreeMem(mmgr, s);
        return NULL;
    }
    *attr = b;
    *s = (HPDF_Stream_Rec){.sig_bytes = HPDF_STREAM_SIG_BYTES,
                           .type = HPDF_STREAM_MEMORY,
                           .mmgr = mmgr,
                           .error = mmgr->error,
                           .write_fn = write ? buffer_write : NULL,
                           .read_fn = buffer_read,
                           .seek_fn = buffer_seek,
                           .tell_fn = buffer_tell,
                           .size_fn = buffer_size,
                           .free_fn = buffer_free,
                           .attr = attr};
    return s;
}

HPDF_Stream pdf_stream_over(HPDF_MMgr mmgr, const uint8_t *data, size_t len)
{
    return stream_new(mmgr, (buffer){(HPDF_BYTE *)data, len, len, 0}, false);
}

/* Copy what OLD holds into S. */
static HPDF_STATUS copy_stream(HPDF_Stream old, HPDF_Stream s)
{
    if (!old->size)
        return HPDF_OK;
    HPDF_STATUS ret = HPDF_Stream_Seek(old, 0, HPDF_SEEK_SET);
    for (;;) {
        HPDF_BYTE chunk[4096];
        HPDF_UINT n = sizeof chunk;
        if (ret == HPDF_OK)
            ret = HPDF_Stream_Read(old, chunk, &n);
        if (ret != HPDF_OK && ret != HPDF_STREAM_EOF)
            return ret;
        if (n && HPDF_Stream_Write(s, chunk, n) != HPDF_OK)
            return HPDF_FAILD_TO_ALLOC_MEM;
        if (ret == HPDF_STREAM_EOF)
            return HPDF_OK;
    }
}

HPDF_Stream pdf_stream_use(HPDF_Dict dict)
{
    HPDF_Stream s = stream_new(dict->mmgr, (buffer){0}, true);
    if (!s)
        return NULL;
    if (dict->stream && copy_stream(dict->stream, s) != HPDF_OK) {
        HPDF_Stream_Free(s);
        return NULL;
    }
    HPDF_Stream_Free(dict->stream);
    dict->stream = s;
    return s;
}

/* Written after the dictionary's other keys, where libharu writes its
   filter. */
static HPDF_STATUS write_filter(HPDF_Dict dict, HPDF_Stream stream)
{
    (void)dict;
    return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

void pdf_stream_set_deflated(HPDF_Dict dict)
{
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = write_filter;
}

struct libdeflate_compressor *pdf_stream_deflater(void)
{
    return libdeflate_alloc_compressor(PDF_STREAM_LEVEL);
}

zb_status pdf_stream_deflate(HPDF_Dict dict, struct libdeflate_compressor *c)
{
    HPDF_Stream s = dict->stream;
    buffer *b = s->attr;
    if (s->free_fn != buffer_free || !s->write_fn || dict->filter !=
        HPDF_STREAM_FILTER_FLATE_DECODE || !b->len)
        return ZB_OK;
    size_t bound = libdeflate_zlib_compress_bound(c, b->len);
    HPDF_BYTE *out = malloc(bound);
    if (!out)
        return ZB_ERR_NOMEM;
    size_t len = libdeflate_zlib_compress(c, b->data, b->len, out, bound);
    if (!len) {
        free(out);
        return ZB_ERR_RENDER;
    }
    free(b->data);
    HPDF_BYTE *fit = realloc(out, len);
    out = fit ? fit : out;
    *b = (buffer){out, len, fit ? len : bound, 0};
    s->size = (HPDF_UINT)len;
    pdf_stream_set_deflated(dict);
    return ZB_OK;
}
