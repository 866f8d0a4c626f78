/*
 * test.h - a minimal unit-test harness for tests/run.sh.
 *
 *     TEST(buf_grows) { ... EXPECT(x == 1); EXPECT_STR(s, "a"); }
 *     int main(void) { RUN(buf_grows); return test_summary(); }
 *
 * Each test prints "PASS name" or "FAIL name: file:line: expression".
 */
#ifndef ZB_TEST_H
#define ZB_TEST_H

#include <stdio.h>
#include <string.h>

static int test_failures;    /* failed tests so far */
static int test_this_failed; /* the running test has failed */
static const char *test_name;

#define TEST(name) static void name(void)

#define EXPECT(cond)                                                       \
    do {                                                                   \
        if (!(cond)) {                                                     \
            if (!test_this_failed)                                         \
                printf("FAIL %s: %s:%d: %s\n", test_name, __FILE__,        \
                       __LINE__, #cond);                                   \
            else                                                           \
                printf("    also %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            test_this_failed = 1;                                          \
        }                                                                  \
    } while (0)

#define EXPECT_STR(got, want)                                              \
    do {                                                                   \
        const char *got_ = (got), *want_ = (want);                         \
        EXPECT(got_ && strcmp(got_, want_) == 0);                          \
        if (!got_ || strcmp(got_, want_))                                  \
            printf("    got  \"%s\"\n    want \"%s\"\n",                   \
                   got_ ? got_ : "(null)", want_);                         \
    } while (0)

#define RUN(fn)                                                            \
    do {                                                                   \
        test_name = #fn;                                                   \
        test_this_failed = 0;                                              \
        fn();                                                              \
        if (test_this_failed)                                              \
            test_failures++;                                               \
        else                                                               \
            printf("PASS %s\n", #fn);                                      \
    } while (0)

static inline int test_summary(void)
{
    return test_failures ? 1 : 0;
}

#endif
