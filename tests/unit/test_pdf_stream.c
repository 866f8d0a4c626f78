/* Unit tests for the PDF renderer's page-writing helpers: numbers as
   libharu writes them (pdf_put_real, src/render/pdf_render.c) and the
   one-buffer streams (src/render/pdf_stream.c). */
#include <stdlib.h>
#include <zlib.h>

#include "test.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "render/pdf_page.h"
#include "render/pdf_stream.h"

/* VALUE as pdf_put_real() writes it, in a static buffer. */
static const char *real(double value)
{
    static char buf[32];
    char *end = pdf_put_real(buf, value);
    *end = 0;
    return buf;
}

TEST(numbers_are_written_as_libharu_writes_them)
{
    EXPECT_STR(real(0), "0");
    EXPECT_STR(real(12), "12");
    EXPECT_STR(real(100), "100");
    EXPECT_STR(real(1.5), "1.5");
    EXPECT_STR(real(-2.25), "-2.25");
    /* as a float: 0.100000001, five decimals kept, zeros dropped */
    EXPECT_STR(real(0.1), "0.1");
    /* 595.2756 as a float is 595.27557373...: truncated, not rounded */
    EXPECT_STR(real(595.2756), "595.27557");
    EXPECT_STR(real(1e-5), "0.00001");
    EXPECT_STR(real(2.999999), "3");
    EXPECT_STR(real(-0.000001), "-0");  /* libharu keeps the sign */
    EXPECT_STR(real(40000), "32767");   /* and clamps to +-32767 */
    EXPECT_STR(real(-40000), "-32767");
}

/* The bytes STREAM holds, read from the start as libharu reads them. */
static size_t read_all(HPDF_Stream s, HPDF_BYTE *out, size_t cap)
{
    size_t got = 0;
    if (HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) != HPDF_OK)
        return 0;
    for (;;) {
        HPDF_UINT n = 3;  /* small reads cross the buffer's parts */
        HPDF_STATUS ret = HPDF_Stream_Read(s, out + got, &n);
        got += n;
        if (ret != HPDF_OK || got + 3 > cap)
            return got;
    }
}

TEST(streams_keep_what_was_written)
{
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    HPDF_Dict dict = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_Stream_WriteStr(dict->stream, "BT ");
    HPDF_Stream s = pdf_stream_use(dict);
    EXPECT(s && dict->stream == s);
    for (int i = 0; i < 2000; i++)  /* past the first growth */
        HPDF_Stream_WriteStr(s, "0 0 Td ");
    HPDF_Stream_WriteStr(s, "ET");
    EXPECT(HPDF_Stream_Size(s) == 3 + 2000 * 7 + 2);
    HPDF_BYTE *back = malloc(20000);
    size_t n = read_all(s, back, 20000);
    EXPECT(n == 3 + 2000 * 7 + 2);
    EXPECT(!memcmp(back, "BT 0 0 Td 0 0 Td", 16));
    EXPECT(!memcmp(back + n - 9, "0 0 Td ET", 9));
    free(back);
    HPDF_Free(pdf);
}

TEST(streams_are_deflated_as_zlib_streams)
{
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    HPDF_Dict dict = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_Dict empty = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_Stream s = pdf_stream_use(dict);
    pdf_stream_use(empty);
    /* long enough to shrink: libdeflate stores 37 bytes of it as they are */
    const char *text = "q 1 0 0 1 0 0 cm Q q 1 0 0 1 0 0 cm Q "
                       "q 1 0 0 1 0 0 cm Q q 1 0 0 1 0 0 cm Q";
    HPDF_Stream_WriteStr(s, text);
    struct libdeflate_compressor *z = pdf_stream_deflater();
    EXPECT(z);
    /* not to be deflated: left alone */
    EXPECT(pdf_stream_deflate(dict, z) == ZB_OK);
    EXPECT(HPDF_Stream_Size(s) == strlen(text));
    dict->filter = empty->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    EXPECT(pdf_stream_deflate(dict, z) == ZB_OK);
    EXPECT(pdf_stream_deflate(empty, z) == ZB_OK);
    EXPECT(dict->filter == HPDF_STREAM_FILTER_NONE && dict->write_fn);
    EXPECT(empty->filter == HPDF_STREAM_FILTER_FLATE_DECODE);  /* no bytes */
    HPDF_BYTE packed[256], plain[256];
    size_t n = read_all(s, packed, sizeof packed);
    EXPECT(n == HPDF_Stream_Size(s) && n < strlen(text));
    EXPECT(packed[0] == 0x78 && packed[1] == 0x01);  /* zlib, level 1 */
    uLongf len = sizeof plain;
    EXPECT(uncompress(plain, &len, packed, n) == Z_OK);
    EXPECT(len == strlen(text) && !memcmp(plain, text, len));
    libdeflate_free_compressor(z);
    HPDF_Free(pdf);
}

int main(void)
{
    RUN(numbers_are_written_as_libharu_writes_them);
    RUN(streams_keep_what_was_written);
    RUN(streams_are_deflated_as_zlib_streams);
    return test_summary();
}
