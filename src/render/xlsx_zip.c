/*
 * xlsx_zip.c - how the parts of an XLSX are deflated.
 *
 * libxlsxwriter 1.1.4 writes each part of a workbook with minizip:
 * zipOpenNewFileInZip4_64() at zlib's default level (6), then the part's
 * bytes in blocks of 16 KB (zipWriteInFileInZip()), then
 * zipCloseFileInZip(); it has no option for the level. The program's own
 * definitions of those three functions come before minizip's in the
 * dynamic linker's search, so libxlsxwriter's calls arrive here. A part
 * is opened raw (minizip writes what it is given), its bytes gathered and
 * deflated whole by libdeflate at XLSX_WHOLE_LEVEL, and closed with its
 * size and CRC; a part of more than XLSX_WHOLE_MAX bytes is deflated as
 * it comes by zlib at XLSX_STREAM_LEVEL instead. Deflating was two fifths
 * of the XLSX stage at level 6 (L: 0.8 of 2.0 s).
 *
 * Where libxlsxwriter is built with its own copy of minizip, the calls
 * never come here and the parts keep level 6.
 */
#include <dlfcn.h>
#include <stdbool.h>
#include <stdlib.h>

#include <libdeflate.h>
#include <xlsxwriter/third_party/zip.h>

#include "../core/buf.h"

/* libdeflate 1.14's level 1: the 63 MB of L's workbooks' parts in 0.10 s
   and 8.5 MB, against zlib 1.2.13's level 2 in 0.23 s and as many bytes
   (zlib's level 6: 0.23 s for one 21 MB sheet alone). */
#define XLSX_WHOLE_LEVEL 1

/* The largest part deflated whole: the part and its deflated bytes are in
   memory at once. L's largest part is 10 MB (附件8's sheet); at XL, where
   the peak memory is near the budget, 附件8's sheet is 58 MB. */
#define XLSX_WHOLE_MAX ((size_t)16 << 20)

/* zlib's level for the parts deflated as they come: 22% more bytes than
   level 6 in a third of the time. */
#define XLSX_STREAM_LEVEL 2

/* The part being written. libxlsxwriter writes the parts of a workbook
   one after another, and a process one workbook at a time: minizip's
   calls carry no place for this, so it is the one state of the module. */
typedef struct zip_part {
    zipFile file;   /* the zip the part is open in; NULL: none of ours */
    zb_buf data;    /* its bytes, while they are at most XLSX_WHOLE_MAX */
    bool streaming; /* past that: deflated by Z as they come */
    z_stream z;
    uLong crc;      /* CRC-32 and size of the bytes given so far */
    ZPOS64_T size;
} zip_part;

static zip_part part;

typedef int open_fn(zipFile, const char *, const zip_fileinfo *,
                    const void *, uInt, const void *, uInt, const char *,
                    int, int, int, int, int, int, const char *, uLong, uLong,
                    uLong, int);
typedef int write_fn(zipFile, const void *, unsigned);
typedef int close_fn(zipFile);
typedef int close_raw_fn(zipFile, ZPOS64_T, uLong);

/* minizip's own definition of NAME (after the program's). */
static void *minizip(const char *name)
{
    return dlsym(RTLD_NEXT, name);
}

static int write_next(zipFile file, const void *data, size_t len)
{
    write_fn *next;
    *(void **)&next = minizip("zipWriteInFileInZip");
    return next ? next(file, data, (unsigned)len) : ZIP_INTERNALERROR;
}

/* Is FILE the zip our part is open in? */
static bool ours(zipFile file)
{
    return file && file == part.file;
}

static void part_free(void)
{
    if (part.streaming)
        deflateEnd(&part.z);
    buf_free(&part.data);
    part = (zip_part){0};
}

int zipOpenNewFileInZip4_64(zipFile file, const char *filename,
                            const zip_fileinfo *zipfi,
                            const void *extrafield_local,
                            uInt size_extrafield_local,
                            const void *extrafield_global,
                            uInt size_extrafield_global, const char *comment,
                            int method, int level, int raw, int windowBits,
                            int memLevel, int strategy, const char *password,
                            uLong crcForCrypting, uLong versionMadeBy,
                            uLong flagBase, int zip64)
{
    open_fn *next;
    *(void **)&next = minizip("zipOpenNewFileInZip4_64");
    if (!next)
        return ZIP_INTERNALERROR;
    bool ours = method == Z_DEFLATED && !raw && !password;
    if (ours) {
        part_free(); /* a part left open by a workbook that failed */
        level = XLSX_WHOLE_LEVEL;
        raw = 1;
    }
    int rc = next(file, filename, zipfi, extrafield_local,
                  size_extrafield_local, extrafield_global,
                  size_extrafield_global, comment, method, level, raw,
                  windowBits, memLevel, strategy, password, crcForCrypting,
                  versionMadeBy, flagBase, zip64);
    if (ours && rc == ZIP_OK)
        part.file = file;
    return rc;
}

/* Deflate the LEN bytes at DATA into the part with zlib, FLUSH as
   deflate() takes it, writing what comes out. */
static int stream(const void *data, size_t len, int flush)
{
    unsigned char out[1 << 16];
    part.z.next_in = (Bytef *)data;
    part.z.avail_in = (uInt)len;
    int rc;
    do {
        part.z.next_out = out;
        part.z.avail_out = sizeof out;
        rc = deflate(&part.z, flush);
        size_t n = sizeof out - part.z.avail_out;
        if (rc == Z_STREAM_ERROR || (n && write_next(part.file, out, n)))
            return ZIP_INTERNALERROR;
    } while (part.z.avail_out == 0 || (flush == Z_FINISH &&
                                        rc != Z_STREAM_END));
    return ZIP_OK;
}

/* The part has grown past XLSX_WHOLE_MAX: deflate what it gathered with
   zlib, and from now on what comes. */
static int start_streaming(void)
{
    if (deflateInit2(&part.z, XLSX_STREAM_LEVEL, Z_DEFLATED, -MAX_WBITS, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return ZIP_INTERNALERROR;
    part.streaming = true;
    int rc = stream(part.data.data, part.data.len, Z_NO_FLUSH);
    buf_free(&part.data);
    return rc;
}

int zipWriteInFileInZip(zipFile file, const void *buf, unsigned len)
{
    if (!ours(file))
        return write_next(file, buf, len);
    part.crc = libdeflate_crc32((uint32_t)part.crc, buf, len);
    part.size += len;
    if (!part.streaming && part.data.len + len <= XLSX_WHOLE_MAX)
        return buf_append(&part.data, buf, len) == ZB_OK ? ZIP_OK
                                                         : ZIP_INTERNALERROR;
    if (!part.streaming && start_streaming() != ZIP_OK)
        return ZIP_INTERNALERROR;
    return stream(buf, len, Z_NO_FLUSH);
}

/* Deflate the part gathered whole and write it. */
static int write_whole(void)
{
    struct libdeflate_compressor *c =
        libdeflate_alloc_compressor(XLSX_WHOLE_LEVEL);
    size_t bound = c ? libdeflate_deflate_compress_bound(c, part.data.len)
                     : 0;
    unsigned char *out = c ? malloc(bound) : NULL;
    size_t len = out ? libdeflate_deflate_compress(c, part.data.data,
                                                   part.data.len, out, bound)
                     : 0;
    int rc = len ? write_next(part.file, out, len) : ZIP_INTERNALERROR;
    free(out);
    libdeflate_free_compressor(c);
    return rc;
}

int zipCloseFileInZip(zipFile file)
{
    if (!ours(file)) {
        close_fn *next;
        *(void **)&next = minizip("zipCloseFileInZip");
        return next ? next(file) : ZIP_INTERNALERROR;
    }
    close_raw_fn *close_raw;
    *(void **)&close_raw = minizip("zipCloseFileInZipRaw64");
    int rc = part.streaming ? stream(NULL, 0, Z_FINISH) : write_whole();
    if (!close_raw)
        rc = ZIP_INTERNALERROR;
    else if (rc == ZIP_OK)
        rc = close_raw(file, part.size, part.crc);
    part_free();
    return rc;
}
