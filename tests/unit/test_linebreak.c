/* Unit tests for the line breaker (src/render/linebreak.c). */
#include <math.h>
#include <stdlib.h>

#include "test.h"

#include "core/buf.h"
#include "core/utf8.h"
#include "render/linebreak.h"

#define MAX 256

typedef struct text {
    uint32_t cp[MAX];
    double w[MAX];
    size_t n;
} text;

/* Decode UTF-8 S; ASCII is half as wide as everything else. */
static void decode(const char *s, text *t)
{
    t->n = 0;
    while (*s && t->n < MAX) {
        t->cp[t->n] = utf8_next(&s);
        t->w[t->n] = t->cp[t->n] < 0x80 ? 0.5 : 1.0;
        t->n++;
    }
}

/* Break S at WIDTH (INDENT on the first line), pushing punctuation in if
   SQUEEZE; the lines joined by "|". */
static char *lines_of(const char *s, double width, double indent, bool squeeze)
{
    text t;
    decode(s, &t);
    lb_lines lines = {0};
    zb_buf b = {0};
    if (linebreak_find_lines(t.cp, t.w, t.n, width, indent, squeeze,
                             &lines) != ZB_OK)
        return NULL;
    for (size_t i = 0; i < lines.count; i++) {
        if (i)
            buf_append_str(&b, "|");
        for (size_t k = lines.items[i].start; k < lines.items[i].end; k++) {
            char ch[4];
            buf_append(&b, ch, utf8_put(ch, t.cp[k]));
        }
    }
    linebreak_free(&lines);
    if (!b.len)
        buf_append_str(&b, "");
    return buf_detach(&b);
}

static void expect_lines(const char *s, double width, const char *want)
{
    char *got = lines_of(s, width, 0, true);
    EXPECT_STR(got, want);
    free(got);
}

TEST(breaks_between_ideographs)
{
    expect_lines("一二三四五六七", 3, "一二三|四五六|七");
    expect_lines("", 3, "");
    char *got = lines_of("一二三四五六七", 3, 1, true);
    EXPECT_STR(got, "一二|三四五|六七");
    free(got);
}

TEST(no_line_starts_with_closing_marks)
{
    /* each would start the second line if nothing were done: the
       character before it comes down with it */
    static const char *const marks[] = {"，", "。", "、", "；", "：", "？", "！",
        "）", "》", "」", "』", "】", "〕", "”", "’"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        char s[64], want[64];
        snprintf(s, sizeof s, "一二三%s四五", marks[i]);
        snprintf(want, sizeof want, "一二|三%s四|五", marks[i]);
        expect_lines(s, 3, want);
    }
}

TEST(no_line_ends_with_opening_marks)
{
    static const char *const marks[] = {"（", "《", "「", "『", "【", "〔", "“",
                                        "‘"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        char s[64], want[64];
        snprintf(s, sizeof s, "一二%s三四五", marks[i]);
        snprintf(want, sizeof want, "一二|%s三四|五", marks[i]);
        expect_lines(s, 3, want);
    }
}

TEST(never_splits_dashes_or_ellipses)
{
    expect_lines("一二——三四", 3, "一二|——三|四");
    expect_lines("一二……三四", 3, "一二|……三|四");
}

TEST(pushes_punctuation_in_when_it_can_be_squeezed)
{
    /* half of the comma's width is blank: it squeezes into 3.5 */
    text t;
    decode("一二三，四五", &t);
    lb_lines lines = {0};
    EXPECT(linebreak_find_lines(t.cp, t.w, t.n, 3.5, 0, true, &lines) == ZB_OK);
    EXPECT(lines.count == 2 && lines.items[0].end == 4);
    EXPECT(fabs(lines.items[0].width - 4) < 1e-9);
    double x[MAX];
    linebreak_place(t.cp, t.w, &lines.items[0], 3.5, true, x);
    EXPECT(fabs(x[3] - 3) < 1e-9); /* the comma stays, narrower */
    linebreak_free(&lines);
    /* two marks squeeze together: "。”" needs 1 em, has 0.5 + 0.5 in line */
    expect_lines("一，二三。”四", 5.1, "一，二三。”|四");
    expect_lines("一，二三。”四", 4.1, "一，二|三。”四");
}

TEST(on_a_character_grid_pulls_down_instead)
{
    /* every character keeps its pitch: the comma cannot be squeezed in, so
       三 goes down with it */
    char *got = lines_of("一二三，四五", 3.5, 0, false);
    EXPECT_STR(got, "一二|三，四|五");
    free(got);
    got = lines_of("一二三，四五", 4, 0, false);
    EXPECT_STR(got, "一二三，|四五");
    free(got);
}

TEST(keeps_latin_and_digit_runs_together)
{
    const char *s = "永医保发〔2023〕15号软件版本V11电话0773-1234567";
    /* every run fits on a line from 6 em on */
    for (double width = 6; width <= 12; width += 0.5) {
        char *got = lines_of(s, width, 0, true);
        EXPECT(got != NULL);
        if (test_this_failed) {
            printf("    width %.1f: %s\n", width, got);
            test_this_failed = 0;
        }
        EXPECT(!strstr(got, "〔|") && !strstr(got, "|〕"));
        EXPECT(!strstr(got, "〔2023〕|15"));
        for (const char *p = got; (p = strchr(p, '|')); p++) {
            unsigned char before = (unsigned char)p[-1], after = (unsigned char)p[1];
            int ascii_before = before < 0x80, ascii_after = after < 0x80;
            EXPECT(!(ascii_before && ascii_after)); /* never inside a run */
        }
        free(got);
    }
    expect_lines("电话0773-1234567号", 7, "电话|0773-1234567号");
    /* a run wider than the line is split between characters */
    expect_lines("ABCDEFGH", 2, "ABCD|EFGH");
}

TEST(breaks_after_spaces_and_drops_them)
{
    expect_lines("ab cd ef", 2.6, "ab cd|ef");
    expect_lines("Windows 10 专业版", 5, "Windows 10|专业版");
    expect_lines("Windows 10 专业版", 4, "Windows|10 专业|版");
}

TEST(forced_breaks_make_lines)
{
    expect_lines("一二\n三", 5, "一二|三");
    expect_lines("一\n\n二", 5, "一||二");
    text t;
    decode("一二三四\n五", &t);
    lb_lines lines = {0};
    EXPECT(linebreak_find_lines(t.cp, t.w, t.n, 3, 0, true, &lines) == ZB_OK);
    EXPECT(lines.count == 3);
    EXPECT(!lines.items[0].last && lines.items[1].last && lines.items[2].last);
    EXPECT(lines.items[1].next == 5);
    linebreak_free(&lines);
}

TEST(spreads_justified_lines)
{
    text t;
    decode("一二V11三", &t);
    lb_line line = {0, t.n, t.n, 4.5, false};
    double x[MAX];
    linebreak_place(t.cp, t.w, &line, 6, true, x);
    /* gaps: 一|二, 二|V, 1|三 (none inside V11): 1.5 over 3 gaps */
    EXPECT(fabs(x[1] - 1.5) < 1e-9 && fabs(x[2] - 3) < 1e-9);
    EXPECT(fabs(x[3] - 3.5) < 1e-9 && fabs(x[4] - 4) < 1e-9);
    EXPECT(fabs(x[5] - 5) < 1e-9 && fabs(x[5] + t.w[5] - 6) < 1e-9);
    linebreak_place(t.cp, t.w, &line, 6, false, x);
    EXPECT(fabs(x[5] - 3.5) < 1e-9);
}

TEST(classifies_code_points)
{
    EXPECT(linebreak_props(0xFF0C) & LB_NO_START);
    EXPECT(linebreak_props(0xFF0C) & LB_SQUEEZE);
    EXPECT(linebreak_props(0x300A) & LB_NO_END);
    EXPECT(linebreak_props('7') & LB_WORD);
    EXPECT(linebreak_props(0x4E2D) == 0);
    EXPECT(linebreak_props(0x2014) & LB_PAIR);
}

int main(void)
{
    RUN(breaks_between_ideographs);
    RUN(no_line_starts_with_closing_marks);
    RUN(no_line_ends_with_opening_marks);
    RUN(never_splits_dashes_or_ellipses);
    RUN(pushes_punctuation_in_when_it_can_be_squeezed);
    RUN(on_a_character_grid_pulls_down_instead);
    RUN(keeps_latin_and_digit_runs_together);
    RUN(breaks_after_spaces_and_drops_them);
    RUN(forced_breaks_make_lines);
    RUN(spreads_justified_lines);
    RUN(classifies_code_points);
    return test_summary();
}
