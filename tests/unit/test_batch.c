/* Unit tests for what batch builds, bundles and the roll-up stand on:
   SHA-256 and SHA256SUMS, the serial mask, the zip writer and reader,
   output folder names and relative paths, comparing and listing files,
   the pool of worker processes. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "batch/outdir.h"
#include "batch/pool.h"
#include "core/fileio.h"
#include "core/hash.h"
#include "core/sums.h"
#include "core/zipfile.h"
#include "forms/mask.h"
#include "parse/xml_load.h"

/* FIPS 180-2, appendix B.1 and B.2 */
TEST(hash_gives_the_standard_digests)
{
    char hex[HASH_HEX_SIZE];
    hash_bytes("abc", 3, hex);
    EXPECT_STR(hex, "ba7816bf8f01cfea414140de5dae2223"
                    "b00361a396177a9cb410ff61f20015ad");
    hash_bytes("", 0, hex);
    EXPECT_STR(hex, "e3b0c44298fc1c149afbf4c8996fb924"
                    "27ae41e4649b934ca495991b7852b855");
}

static const char A[] = "ba7816bf8f01cfea414140de5dae2223"
                        "b00361a396177a9cb410ff61f20015ad";
static const char E[] = "e3b0c44298fc1c149afbf4c8996fb924"
                        "27ae41e4649b934ca495991b7852b855";

TEST(sums_are_sorted_in_sha256sum_format)
{
    zb_sums s = {0};
    zb_buf out = {0};
    sums_add(&s, "附件05-软件正版化工作信息统计表.pdf", A);
    sums_add(&s, "../台账.xml", E);
    sums_add(&s, "a\\b\nc", A);
    EXPECT(sums_format(&s, &out) == ZB_OK);
    EXPECT_STR(buf_str(&out),
               "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
               "  ../台账.xml\n"
               "\\ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
               "  a\\\\b\\nc\n"
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
               "  附件05-软件正版化工作信息统计表.pdf\n");
    zb_sums back = {0};
    zb_diags d = {0};
    EXPECT(sums_parse(out.data, out.len, "SHA256SUMS", &back, &d) == ZB_OK);
    EXPECT(back.count == 3 && d.count == 0);
    const sums_entry *e = sums_find(&back, "a\\b\nc");
    EXPECT(e && !strcmp(e->hex, A));
    EXPECT(sums_find(&back, "../台账.xml") != NULL);
    sums_free(&s);
    sums_free(&back);
    buf_free(&out);
    diags_free(&d);
}

TEST(sums_parse_takes_binary_marks_and_upper_case)
{
    const char text[] = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"
                        " *x.pdf\n";
    zb_sums s = {0};
    zb_diags d = {0};
    EXPECT(sums_parse(text, sizeof text - 1, "S", &s, &d) == ZB_OK);
    EXPECT(s.count == 1 && !strcmp(s.items[0].name, "x.pdf") &&
           !strcmp(s.items[0].hex, A));
    sums_free(&s);
    diags_free(&d);
}

TEST(sums_parse_refuses_other_lines)
{
    const char *bad[] = {
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a  x\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad x\n",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  \n",
        "zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  x\n",
        "\\ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a\\tb\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        zb_sums s = {0};
        zb_diags d = {0};
        char two[256];
        snprintf(two, sizeof two, "%s%s", "e3b0c44298fc1c149afbf4c8996fb924"
                 "27ae41e4649b934ca495991b7852b855  ok\n", bad[i]);
        EXPECT(sums_parse(two, strlen(two), "S", &s, &d) == ZB_ERR_INVALID);
        EXPECT(d.count == 1 && d.items[0].line == 2);
        sums_free(&s);
        diags_free(&d);
    }
}

/* A ledger with the commercial serials SERIALS (N of them). */
static zb_ledger ledger_with(zb_software *sw, zb_serial *serials, size_t n)
{
    memset(sw, 0, sizeof *sw);
    sw->kind = SOFTWARE_COMMERCIAL;
    sw->commercial.serials = serials;
    sw->commercial.nserials = n;
    return (zb_ledger){.software = sw, .nsoftware = 1};
}

TEST(mask_shows_the_last_five_characters)
{
    zb_serial serials[] = {{"WPS19-PRO-8H3K2", 1, 1}, {"WPS19-PRO-8H3K2-QX7M4", 1, 2},
                           {"AB123", 1, 3}, {"序列号甲乙丙丁戊己", 1, 4}};
    zb_software sw;
    zb_ledger l = ledger_with(&sw, serials, 4);
    zb_mask *m;
    EXPECT(mask_open(&l, &m) == ZB_OK);
    zb_buf b = {0};
    buf_append_str(&b, "序列号 WPS19-PRO-8H3K2-QX7M4 与 WPS19-PRO-8H3K2，AB123；"
                       "序列号甲乙丙丁戊己。");
    EXPECT(mask_buf(m, &b) == ZB_OK);
    /* the longer serial is masked whole, the five-character one is left */
    EXPECT_STR(buf_str(&b), "序列号 ****QX7M4 与 ****8H3K2，AB123；****乙丙丁戊己。");
    buf_reset(&b);
    buf_append_str(&b, "nothing here");
    EXPECT(mask_buf(m, &b) == ZB_OK);
    EXPECT_STR(buf_str(&b), "nothing here");
    buf_free(&b);
    mask_free(m);
}

TEST(mask_reaches_text_and_attributes)
{
    zb_serial serials[] = {{"MSO21-6HNT4-QW8RB", 1, 1}};
    zb_software sw;
    zb_ledger l = ledger_with(&sw, serials, 1);
    const char xml[] = "<a note=\"用 MSO21-6HNT4-QW8RB 安装\"><b>MSO21-6HNT4-QW8RB</b>"
                       "<c><![CDATA[x MSO21-6HNT4-QW8RB]]></c></a>";
    zb_diags d = {0};
    xmlDocPtr doc;
    zb_mask *m;
    EXPECT(xml_load_memory(xml, sizeof xml - 1, "t.xml", &d, &doc) == ZB_OK);
    EXPECT(mask_open(&l, &m) == ZB_OK);
    EXPECT(mask_doc(m, doc) == ZB_OK);
    xmlChar *text = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(doc, &text, &len, "UTF-8");
    EXPECT(strstr((char *)text, "note=\"用 ****QW8RB 安装\""));
    EXPECT(strstr((char *)text, "<b>****QW8RB</b>"));
    EXPECT(strstr((char *)text, "x ****QW8RB"));
    EXPECT(!strstr((char *)text, "6HNT4"));
    xmlFree(text);
    xmlFreeDoc(doc);
    mask_free(m);
    diags_free(&d);
}

TEST(zip_round_trip_and_same_bytes)
{
    char a[] = "甲乙丙", b[] = "";
    zipfile_entry in[] = {{"单位-2023/a.txt", a, sizeof a - 1},
                          {"单位-2023/empty", b, 0}};
    zb_buf one = {0}, two = {0};
    zb_diags d = {0};
    EXPECT(zipfile_write(in, 2, 20231225, "x.zip", &one, &d) == ZB_OK);
    EXPECT(zipfile_write(in, 2, 20231225, "x.zip", &two, &d) == ZB_OK);
    EXPECT(one.len == two.len && !memcmp(one.data, two.data, one.len));
    char dir[] = "/tmp/zb-test-XXXXXX";
    EXPECT(mkdtemp(dir) != NULL);
    char path[64];
    snprintf(path, sizeof path, "%s/x.zip", dir);
    EXPECT(file_write_atomic(path, one.data, one.len, &d) == ZB_OK);
    zipfile_entries out;
    EXPECT(zipfile_read(path, 1024, &out, &d) == ZB_OK);
    EXPECT(out.count == 2);
    const zipfile_entry *e = zipfile_find(&out, "单位-2023/a.txt");
    EXPECT(e && e->len == 9 && !memcmp(e->data, "甲乙丙", 9));
    zipfile_entries_free(&out);
    /* an entry past the bound is refused */
    EXPECT(zipfile_read(path, 8, &out, &d) == ZB_ERR_INVALID);
    zipfile_entries_free(&out);
    /* not a zip */
    EXPECT(file_write_atomic(path, "PK no", 5, &d) == ZB_OK);
    EXPECT(zipfile_read(path, 1024, &out, &d) == ZB_ERR_INVALID);
    zipfile_entries_free(&out);
    file_remove_dir(dir);
    buf_free(&one);
    buf_free(&two);
    diags_free(&d);
}

TEST(folder_names_are_safe)
{
    char *n = outdir_name("桐川县医疗保障局", 2023);
    EXPECT_STR(n, "桐川县医疗保障局-2023");
    free(n);
    n = outdir_name(".hidden/单位\n名", 2022);
    EXPECT_STR(n, "_hidden_单位_名-2022");
    free(n);
}

TEST(relative_paths_from_the_folder)
{
    char top[] = "/tmp/zb-test-XXXXXX", path[128];
    zb_diags d = {0};
    EXPECT(mkdtemp(top) != NULL);
    snprintf(path, sizeof path, "%s/ledgers", top);
    EXPECT(file_make_dirs(path, &d) == ZB_OK);
    snprintf(path, sizeof path, "%s/ledgers/台账.xml", top);
    EXPECT(file_write_atomic(path, "x", 1, &d) == ZB_OK);
    char out[128];
    snprintf(out, sizeof out, "%s/out/单位-2023", top);
    zb_outdir *o;
    EXPECT(outdir_open(out, &d, &o) == ZB_OK);
    char *rel = outdir_relative(o, path);
    EXPECT_STR(rel, "../../ledgers/台账.xml");
    free(rel);
    outdir_close(o);
    /* a folder that nothing was written into is removed again */
    snprintf(out, sizeof out, "%s/out", top);
    EXPECT(access(out, F_OK) != 0);
    snprintf(path, sizeof path, "%s/ledgers", top);
    EXPECT(outdir_open(path, &d, &o) == ZB_OK);
    snprintf(path, sizeof path, "%s/ledgers/台账.xml", top);
    rel = outdir_relative(o, path);
    EXPECT_STR(rel, "台账.xml");
    free(rel);
    outdir_close(o);
    snprintf(path, sizeof path, "%s/ledgers", top);
    EXPECT(access(path, F_OK) == 0);
    snprintf(path, sizeof path, "%s/ledgers/台账.xml", top);
    unlink(path);
    snprintf(path, sizeof path, "%s/ledgers", top);
    rmdir(path);
    rmdir(top);
    diags_free(&d);
}

TEST(files_compared_and_listed)
{
    char dir[] = "/tmp/zb-test-XXXXXX", path[64];
    zb_diags d = {0};
    EXPECT(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/b", dir);
    EXPECT(file_write_atomic(path, "bytes", 5, &d) == ZB_OK);
    EXPECT(file_equals(path, "bytes", 5));
    EXPECT(!file_equals(path, "byte", 4));
    EXPECT(!file_equals(path, "bytez", 5));
    EXPECT(!file_equals(dir, "", 0));
    snprintf(path, sizeof path, "%s/a", dir);
    EXPECT(file_write_atomic(path, "", 0, &d) == ZB_OK);
    EXPECT(file_equals(path, "", 0));
    snprintf(path, sizeof path, "%s/.hidden", dir);
    EXPECT(file_write_atomic(path, "", 0, &d) == ZB_OK);
    char **names;
    size_t n;
    EXPECT(file_list_dir(dir, &names, &n, &d) == ZB_OK);
    EXPECT(n == 2 && !strcmp(names[0], "a") && !strcmp(names[1], "b"));
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    file_remove_dir(dir);
    EXPECT(access(dir, F_OK) != 0);
    diags_free(&d);
}

/* The jobs of a pool run that ended finished and well. */
static zb_status tally_work(size_t job, pool_link *link, void *arg)
{
    (void)job;
    (void)link;
    (void)arg;
    return ZB_OK;
}

static void tally_ended(size_t job, const pool_end *end, zb_diags *diags,
                        void *arg)
{
    (void)job;
    (void)diags;
    size_t *ended = arg;
    *ended += end->finished && end->status == ZB_OK;
}

TEST(pool_ends_every_job_whatever_the_places)
{
    size_t ended = 0;
    pool_hooks h = {.work = tally_work, .ended = tally_ended, .arg = &ended};
    EXPECT(pool_run(5, 2, &h) == 0 && ended == 5);
    ended = 0;
    EXPECT(pool_run(2, 4, &h) == 0 && ended == 2);
    ended = 0;
    EXPECT(pool_run(0, 2, &h) == 0 && ended == 0);
}

int main(void)
{
    xml_init();
    RUN(hash_gives_the_standard_digests);
    RUN(sums_are_sorted_in_sha256sum_format);
    RUN(sums_parse_takes_binary_marks_and_upper_case);
    RUN(sums_parse_refuses_other_lines);
    RUN(mask_shows_the_last_five_characters);
    RUN(mask_reaches_text_and_attributes);
    RUN(zip_round_trip_and_same_bytes);
    RUN(folder_names_are_safe);
    RUN(relative_paths_from_the_folder);
    RUN(files_compared_and_listed);
    RUN(pool_ends_every_job_whatever_the_places);
    xml_cleanup();
    return test_summary();
}
