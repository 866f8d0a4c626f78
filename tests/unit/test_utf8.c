/* Unit tests for UTF-8 decoding and encoding (src/core/utf8.c). */
#include "test.h"

#include "core/utf8.h"

TEST(round_trips_every_length)
{
    const char *s = "A©中𠀀";
    static const uint32_t want[] = {0x41, 0xA9, 0x4E2D, 0x20000};
    const char *p = s;
    char out[16];
    size_t len = 0;
    for (size_t i = 0; i < 4; i++) {
        uint32_t c = utf8_next(&p);
        EXPECT(c == want[i]);
        len += utf8_put(out + len, c);
    }
    EXPECT(*p == 0);
    out[len] = 0;
    EXPECT_STR(out, s);
}

TEST(stops_at_a_truncated_sequence)
{
    const char s[] = {(char)0xE4, (char)0xB8, 0};
    const char *p = s;
    utf8_next(&p);
    EXPECT(*p == 0);
}

int main(void)
{
    RUN(round_trips_every_length);
    RUN(stops_at_a_truncated_sequence);
    return test_summary();
}
