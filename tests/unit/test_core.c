/* Unit tests for src/core and the safe XML loader. */
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

#include "core/buf.h"
#include "core/diag.h"
#include "core/fileio.h"
#include "core/hugepages.h"
#include "core/num.h"
#include "core/timing.h"
#include "parse/xml_load.h"

TEST(buf_appends_and_formats)
{
    zb_buf b = {0};
    EXPECT_STR(buf_str(&b), "");
    for (int i = 0; i < 1000; i++)
        buf_printf(&b, "%d,", i % 10);
    EXPECT(b.len == 2000);
    buf_reset(&b);
    buf_append_str(&b, "软件");
    buf_printf(&b, "%s%d", "编号", 7);
    EXPECT_STR(buf_str(&b), "软件编号7");
    char *s = buf_detach(&b);
    EXPECT_STR(s, "软件编号7");
    EXPECT(b.data == NULL && b.len == 0);
    free(s);
}

TEST(diags_sort_by_position_and_count)
{
    zb_diags d = {0};
    diags_add(&d, "a.xml", 20, 3, DIAG_WARNING, "tz-1.13", "后");
    diags_add(&d, "a.xml", 5, 1, DIAG_ERROR, "tz-1.2", "前");
    diags_add(&d, "a.xml", 5, 1, DIAG_ERROR, "tz-1.3", "同位置第二条");
    diags_sort(&d);
    EXPECT(d.count == 3 && d.errors == 2 && d.warnings == 1);
    EXPECT_STR(d.items[0].rule, "tz-1.2");
    EXPECT_STR(d.items[1].rule, "tz-1.3");
    EXPECT_STR(d.items[2].rule, "tz-1.13");
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    diags_print(&d, f);
    fclose(f);
    EXPECT(strstr(text, "a.xml:5:1: error: 前 [tz-1.2]\n") == text);
    EXPECT(strstr(text, "a.xml:20:3: warning: 后 [tz-1.13]\n") != NULL);
    free(text);
    diags_free(&d);
}

TEST(atomic_write_replaces_whole_file)
{
    char dir[] = "/tmp/zbtestXXXXXX";
    EXPECT(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    zb_diags d = {0};
    EXPECT(file_write_atomic(path, "old", 3, &d) == ZB_OK);
    EXPECT(file_write_atomic(path, "new bytes", 9, &d) == ZB_OK);
    char *data;
    size_t len;
    EXPECT(file_read_all(path, &data, &len, &d) == ZB_OK);
    EXPECT(len == 9 && memcmp(data, "new bytes", 9) == 0);
    free(data);
    struct stat st;
    EXPECT(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644);
    EXPECT(d.count == 0);
    /* a write into a missing directory fails cleanly */
    char bad[300];
    snprintf(bad, sizeof bad, "%s/missing/out.txt", dir);
    EXPECT(file_write_atomic(bad, "x", 1, &d) == ZB_ERR_IO);
    EXPECT(d.errors == 1);
    unlink(path);
    rmdir(dir);
    diags_free(&d);
}

/* A file read whole: of 200,000 bytes (past the chunk of a pipe), empty,
   and a pipe's bytes, each NUL-terminated. */
TEST(read_takes_every_byte)
{
    char dir[] = "/tmp/zbtestXXXXXX";
    EXPECT(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/big.txt", dir);
    size_t size = 200000;
    char *big = malloc(size);
    for (size_t i = 0; big && i < size; i++)
        big[i] = (char)('a' + i % 26);
    zb_diags d = {0};
    EXPECT(big && file_write_atomic(path, big, size, &d) == ZB_OK);
    char *data = NULL;
    size_t len = 0;
    EXPECT(file_read_all(path, &data, &len, &d) == ZB_OK);
    EXPECT(len == size && big && data && !memcmp(data, big, size) &&
           data[size] == '\0');
    free(data);
    EXPECT(file_write_atomic(path, "", 0, &d) == ZB_OK);
    EXPECT(file_read_all(path, &data, &len, &d) == ZB_OK);
    EXPECT(len == 0 && data && *data == '\0');
    free(data);
    unlink(path);
    snprintf(path, sizeof path, "%s/fifo", dir);
    EXPECT(mkfifo(path, 0600) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        FILE *w = fopen(path, "w");
        fwrite(big, 1, size, w);
        fclose(w);
        _exit(0);
    }
    EXPECT(file_read_all(path, &data, &len, &d) == ZB_OK);
    EXPECT(len == size && data && !memcmp(data, big, size));
    waitpid(pid, NULL, 0);
    free(data);
    free(big);
    unlink(path);
    rmdir(dir);
    EXPECT(d.count == 0);
    diags_free(&d);
}

TEST(read_reports_missing_and_directory)
{
    zb_diags d = {0};
    char *data;
    size_t len;
    EXPECT(file_read_all("/nonexistent/x.xml", &data, &len, &d) == ZB_ERR_IO);
    EXPECT(file_read_all("/tmp", &data, &len, &d) == ZB_ERR_IO);
    EXPECT(d.errors == 2);
    EXPECT(strstr(d.items[0].message, "不存在") != NULL);
    EXPECT(strstr(d.items[1].message, "目录") != NULL);
    diags_free(&d);
}

static zb_status load(const char *xml, zb_diags *d, xmlDocPtr *doc)
{
    return xml_load_memory(xml, strlen(xml), "t.xml", d, doc);
}

TEST(xml_load_keeps_big_line_numbers)
{
    zb_buf b = {0};
    buf_append_str(&b, "<a>");
    for (int i = 0; i < 70000; i++)
        buf_append_str(&b, "\n");
    buf_append_str(&b, "<b/></a>");
    zb_diags d = {0};
    xmlDocPtr doc;
    EXPECT(load(buf_str(&b), &d, &doc) == ZB_OK);
    xmlNodePtr node = xmlDocGetRootElement(doc)->children->next;
    EXPECT(node && xmlGetLineNo(node) == 70001);
    xmlFreeDoc(doc);
    buf_free(&b);
    diags_free(&d);
}

TEST(xml_load_refuses_external_entity)
{
    const char *xxe = "<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                      "<a>&x;</a>\n";
    zb_diags d = {0};
    xmlDocPtr doc;
    EXPECT(load(xxe, &d, &doc) == ZB_ERR_PARSE);
    EXPECT(doc == NULL);
    EXPECT(d.errors == 1 && d.items[0].line == 2);
    EXPECT(strstr(d.items[0].message, "DOCTYPE") != NULL);
    EXPECT(strstr(d.items[0].message, "root:") == NULL);
    diags_free(&d);
}

TEST(xml_load_stops_billion_laughs_fast)
{
    zb_buf b = {0};
    buf_append_str(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                       "<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
        buf_printf(&b, "<!ENTITY lol%d \"", i);
        for (int k = 0; k < 10; k++)
            buf_printf(&b, "&lol%d;", i - 1);
        buf_append_str(&b, "\">\n");
    }
    buf_append_str(&b, "]>\n<lolz>&lol9;</lolz>\n");
    zb_diags d = {0};
    xmlDocPtr doc;
    clock_t start = clock();
    EXPECT(load(buf_str(&b), &d, &doc) == ZB_ERR_PARSE);
    EXPECT((double)(clock() - start) / CLOCKS_PER_SEC < 1.0);
    EXPECT(d.errors == 1);
    buf_free(&b);
    diags_free(&d);
}

TEST(xml_load_explains_common_faults)
{
    static const struct {
        const char *xml;
        const char *words;
        long line;
    } cases[] = {
        {"", "为空", 1},
        {"<a>\n<b>\n", "截断", 3},
        {"<a>\n<b></c></a>", "不一致", 2},
        {"<a>\xb2\xe2\xca\xd4</a>", "UTF-8", 1},
        {"<a>1 & 2</a>", "&amp;", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        zb_diags d = {0};
        xmlDocPtr doc;
        EXPECT(load(cases[i].xml, &d, &doc) == ZB_ERR_PARSE);
        EXPECT(d.errors == 1);
        if (d.count) {
            EXPECT(strstr(d.items[0].message, cases[i].words) != NULL);
            EXPECT(d.items[0].line == cases[i].line);
            if (!strstr(d.items[0].message, cases[i].words) ||
                d.items[0].line != cases[i].line)
                printf("    case %zu: line %ld: %s\n", i, d.items[0].line,
                       d.items[0].message);
        }
        diags_free(&d);
    }
}

TEST(timings_add_up_by_stage_in_first_order)
{
    zb_timings t = {0}, more = {0};
    double start = timing_now();
    double next = timings_add(&t, "parse", start);
    EXPECT(next >= start);
    timings_add(&t, "validate", next);
    t.items[0].seconds = 1.5;
    t.items[1].seconds = 0.25;
    more.items[0].stage = "validate";
    more.items[0].seconds = 0.5;
    more.items[1].stage = "xslt";
    more.items[1].seconds = 2;
    more.count = 2;
    timings_merge(&t, &more);
    EXPECT(t.count == 3);
    EXPECT_STR(t.items[0].stage, "parse");
    EXPECT(t.items[0].seconds == 1.5);
    EXPECT(t.items[1].seconds == 0.75);
    EXPECT_STR(t.items[2].stage, "xslt");
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    timings_print(&t, "a.xml", out);
    fclose(out);
    EXPECT_STR(text, "timings: a.xml\n  parse         1.500 s\n"
                     "  validate      0.750 s\n  xslt          2.000 s\n"
                     "  total         4.250 s\n");
    free(text);
}

TEST(timings_drop_stages_past_the_limit)
{
    static const char *const names[] = {"a", "b", "c", "d", "e", "f", "g",
                                        "h", "i", "j", "k", "l", "m", "n",
                                        "o", "p", "q"};
    zb_timings t = {0};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        timings_add(&t, names[i], timing_now());
    EXPECT(t.count == TIMINGS_MAX);
    EXPECT_STR(t.items[TIMINGS_MAX - 1].stage, "p");
}

/* num_put_int() writes what printf's "%lld" does, without a NUL. */
TEST(num_puts_integers_as_printf_does)
{
    static const int64_t values[] = {0, 7, -1, 10, 65535, 70001, -4096,
                                     INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        char ours[24] = {0}, want[24];
        *num_put_int(ours, values[i]) = '\0';
        snprintf(want, sizeof want, "%lld", (long long)values[i]);
        EXPECT_STR(ours, want);
    }
}

TEST(hugepages_adds_the_tunable_once)
{
    char v[64];
    EXPECT(hugepages_tunables(NULL, v, sizeof v));
    EXPECT_STR(v, "glibc.malloc.hugetlb=1");
    EXPECT(hugepages_tunables("", v, sizeof v));
    EXPECT_STR(v, "glibc.malloc.hugetlb=1");
    EXPECT(hugepages_tunables("glibc.malloc.mxfast=0", v, sizeof v));
    EXPECT_STR(v, "glibc.malloc.mxfast=0:glibc.malloc.hugetlb=1");
    /* the second start, or the user's own choice: nothing to add */
    EXPECT(!hugepages_tunables("glibc.malloc.hugetlb=1", v, sizeof v));
    EXPECT(!hugepages_tunables("glibc.malloc.mxfast=0:glibc.malloc.hugetlb=0",
                               v, sizeof v));
    /* too long for OUT */
    EXPECT(!hugepages_tunables("glibc.malloc.mxfast=0", v, 30));
}

int main(void)
{
    xml_init();
    RUN(buf_appends_and_formats);
    RUN(hugepages_adds_the_tunable_once);
    RUN(num_puts_integers_as_printf_does);
    RUN(diags_sort_by_position_and_count);
    RUN(atomic_write_replaces_whole_file);
    RUN(read_takes_every_byte);
    RUN(read_reports_missing_and_directory);
    RUN(xml_load_keeps_big_line_numbers);
    RUN(xml_load_refuses_external_entity);
    RUN(xml_load_stops_billion_laughs_fast);
    RUN(xml_load_explains_common_faults);
    RUN(timings_add_up_by_stage_in_first_order);
    RUN(timings_drop_stages_past_the_limit);
    xml_cleanup();
    return test_summary();
}
