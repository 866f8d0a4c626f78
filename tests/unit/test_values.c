/* Unit tests for the value types of src/core: dates, money, the arena. */
#include <stdalign.h>
#include <stdint.h>

#include "test.h"

#include "core/arena.h"
#include "core/date.h"
#include "core/money.h"

TEST(date_parse_accepts_calendar_days)
{
    zb_date d = 0;
    EXPECT(date_parse("2023-06-20", &d) == ZB_OK && d == 20230620);
    EXPECT(date_parse("2024-02-29", &d) == ZB_OK && d == 20240229);
    EXPECT(date_parse("2000-02-29", &d) == ZB_OK && d == 20000229);
    EXPECT(date_parse("2023-12-31", &d) == ZB_OK && d == 20231231);
}

TEST(date_parse_refuses_the_rest)
{
    static const char *const bad[] = {
        "2023-02-29", "1900-02-29", "2023-13-01",   "2023-00-10",
        "2023-04-31", "2023-6-20",  "2023/06/20",   "2023-06-20Z",
        "20230620",   "",           "０２３-06-20",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        zb_date d = 7;
        EXPECT(date_parse(bad[i], &d) == ZB_ERR_INVALID);
        EXPECT(d == 7);
    }
}

TEST(date_add_months_clamps_to_month_end)
{
    EXPECT(date_add_months(20231225, -6) == 20230625);
    EXPECT(date_add_months(20230831, -6) == 20230228);
    EXPECT(date_add_months(20240831, -6) == 20240229);
    EXPECT(date_add_months(20230315, -6) == 20220915);
    EXPECT(date_add_months(20231130, 3) == 20240229);
    EXPECT(date_add_months(20230101, 0) == 20230101);
}

TEST(date_add_days_crosses_months_and_years)
{
    EXPECT(date_add_days(20230620, 0) == 20230620);
    EXPECT(date_add_days(20230131, 1) == 20230201);
    EXPECT(date_add_days(20240228, 1) == 20240229);
    EXPECT(date_add_days(20230228, 1) == 20230301);
    EXPECT(date_add_days(20231231, 1) == 20240101);
    EXPECT(date_add_days(20240101, -1) == 20231231);
    EXPECT(date_add_days(20210311, 1000) == 20231206);
    EXPECT(date_add_days(20000301, -1) == 20000229);
    EXPECT(date_add_days(19700101, -1) == 19691231);
    EXPECT(date_add_days(20230101, 364) == 20231231);
}

TEST(date_format_writes_iso)
{
    char buf[11];
    date_format(20230620, buf);
    EXPECT_STR(buf, "2023-06-20");
    date_format(20240101, buf);
    EXPECT_STR(buf, "2024-01-01");
    date_format(70905, buf);  /* zero-padded */
    EXPECT_STR(buf, "0007-09-05");
    date_format(99991231, buf);
    EXPECT_STR(buf, "9999-12-31");
}

TEST(money_parse_counts_fen_exactly)
{
    zb_money m = 0;
    EXPECT(money_parse("0", &m) == ZB_OK && m == 0);
    EXPECT(money_parse("17400.00", &m) == ZB_OK && m == 1740000);
    EXPECT(money_parse("0.1", &m) == ZB_OK && m == 10);
    EXPECT(money_parse("0.07", &m) == ZB_OK && m == 7);
    EXPECT(money_parse("12800.5", &m) == ZB_OK && m == 1280050);
    EXPECT(money_parse("999999999999999", &m) == ZB_OK &&
           m == INT64_C(99999999999999900));
    /* 0.10 元 a thousand times is 100 元 to the 分 (a double drifts) */
    zb_money sum = 0;
    for (int i = 0; i < 1000; i++) {
        EXPECT(money_parse("0.10", &m) == ZB_OK);
        sum += m;
    }
    EXPECT(sum == 10000);
}

/* 万元 keep two decimals of the exact amount, half up: 0.005 万元 is
   50.00 元 = 5000 分. */
TEST(money_formats_yuan_and_wanyuan)
{
    static const struct {
        zb_money fen;
        const char *yuan, *wanyuan;
    } cases[] = {
        {0, "0.00", "0.00"},
        {7, "0.07", "0.00"},
        {4999, "49.99", "0.00"},
        {5000, "50.00", "0.01"},
        {14999, "149.99", "0.01"},
        {15000, "150.00", "0.02"},
        {1719000, "17190.00", "1.72"},
        {INT64_C(99999999999999900), "999999999999999.00",
         "100000000000.00"},
    };
    char text[32];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        money_format_yuan(cases[i].fen, text);
        EXPECT_STR(text, cases[i].yuan);
        money_format_wanyuan(cases[i].fen, text);
        EXPECT_STR(text, cases[i].wanyuan);
    }
}

/* 999999999999999 分 (9999999999999.99 元) 9223 times fits in 64 bits,
   9224 times does not (2^63 - 1 = 9223372036854775807). */
TEST(money_add_and_mul_refuse_overflow)
{
    zb_money big = INT64_C(999999999999999), out = -1;
    EXPECT(money_mul(big, 9223, &out) && out == INT64_C(9222999999999990777));
    out = -1;
    EXPECT(!money_mul(big, 9224, &out) && out == -1);
    EXPECT(money_add(INT64_MAX - 1, 1, &out) && out == INT64_MAX);
    EXPECT(!money_add(INT64_MAX, 1, &out) && out == INT64_MAX);
    EXPECT(money_add(620000, 323000, &out) && out == 943000);
}

TEST(money_parse_refuses_the_rest)
{
    static const char *const bad[] = {
        "",
        "-1",
        "+1",
        "1.005",
        "1e3",
        " 1",
        "1 ",
        "1.",
        ".5",
        "1,000",
        "1000000000000000",
        "99999999999999.99",
        "１２",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        zb_money m = 7;
        EXPECT(money_parse(bad[i], &m) == ZB_ERR_INVALID);
        EXPECT(m == 7);
        if (m != 7)
            printf("    accepted \"%s\"\n", bad[i]);
    }
}

TEST(arena_gives_zeroed_aligned_memory)
{
    zb_arena a = {0};
    char *prev = NULL;
    for (int i = 1; i < 5000; i++) {
        char *p = arena_alloc(&a, (size_t)(i % 97) + 1);
        EXPECT(p && (uintptr_t)p % alignof(max_align_t) == 0);
        EXPECT(p && p[0] == 0 && p[i % 97] == 0);
        if (p)
            memset(p, 0xAB, (size_t)(i % 97) + 1);
        EXPECT(p != prev);
        prev = p;
    }
    unsigned char *big = arena_alloc(&a, 1 << 20);
    EXPECT(big && big[0] == 0 && big[(1 << 20) - 1] == 0);
    char *s = arena_strndup(&a, "台账abc", 6);
    EXPECT_STR(s, "台账");
    arena_free(&a);
    EXPECT(a.head == NULL);
}

int main(void)
{
    RUN(date_parse_accepts_calendar_days);
    RUN(date_parse_refuses_the_rest);
    RUN(date_add_months_clamps_to_month_end);
    RUN(date_add_days_crosses_months_and_years);
    RUN(date_format_writes_iso);
    RUN(money_parse_counts_fen_exactly);
    RUN(money_parse_refuses_the_rest);
    RUN(money_formats_yuan_and_wanyuan);
    RUN(money_add_and_mul_refuse_overflow);
    RUN(arena_gives_zeroed_aligned_memory);
    return test_summary();
}
