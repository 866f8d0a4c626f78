/*
 * xlsx_zip.c - the level the parts of an XLSX are deflated at.
 *
 * libxlsxwriter 1.1.4 starts each part of a workbook with minizip's
 * zipOpenNewFileInZip4_64() at zlib's default level (6) and has no option
 * for it; deflating was two fifths of the XLSX stage (L: 0.8 of 2.0 s).
 * The program's own definition of that function comes before minizip's
 * in the dynamic linker's search, so libxlsxwriter's call arrives here;
 * it asks for XLSX_DEFLATE_LEVEL and hands on to minizip's. Where
 * libxlsxwriter is built with its own copy of minizip, the call never
 * comes here and the parts keep level 6.
 */
#include <dlfcn.h>

#include <xlsxwriter/third_party/zip.h>

/* zlib's level 2: deflating a sheet of 附件9 (21 MB of XML) takes 0.07 s
   against 0.23 s at level 6, and gives 22% more bytes (level 1: as fast,
   32% more; 3 and 4: 0.1 s, 15% and 8% more). */
#define XLSX_DEFLATE_LEVEL 2

typedef int open_fn(zipFile, const char *, const zip_fileinfo *,
                    const void *, uInt, const void *, uInt, const char *,
                    int, int, int, int, int, int, const char *, uLong, uLong,
                    uLong, int);

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
    *(void **)&next = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    if (!next)
        return ZIP_INTERNALERROR;
    if (level == Z_DEFAULT_COMPRESSION)
        level = XLSX_DEFLATE_LEVEL;
    return next(file, filename, zipfi, extrafield_local,
                size_extrafield_local, extrafield_global,
                size_extrafield_global, comment, method, level, raw,
                windowBits, memLevel, strategy, password, crcForCrypting,
                versionMadeBy, flagBase, zip64);
}
