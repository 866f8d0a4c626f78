/* Unit tests for the form catalogue (src/forms/catalog.c) and the output
   directories build makes (file_make_dirs). */
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "fixtures.h"
#include "forms/catalog.h"
#include "parse/ledger.h"
#include "parse/xml_load.h"

static char dir[] = "/tmp/zbcatXXXXXX";

/* A data directory in DIR holding the real catalog.xsd and CATALOG. */
static void make_datadir(const char *catalog)
{
    char path[256];
    zb_diags d = {0};
    char *xsd = fixture_read("forms/catalog.xsd");
    snprintf(path, sizeof path, "%s/forms", dir);
    file_make_dirs(path, &d);
    snprintf(path, sizeof path, "%s/forms/catalog.xsd", dir);
    file_write_atomic(path, xsd, strlen(xsd), &d);
    snprintf(path, sizeof path, "%s/forms/catalog.xml", dir);
    file_write_atomic(path, catalog, strlen(catalog), &d);
    free(xsd);
    diags_free(&d);
}

TEST(loads_the_twelve_forms_in_order)
{
    zb_diags d = {0};
    zb_catalog *c;
    EXPECT(catalog_load(fixture_top(), &d, &c) == ZB_OK);
    EXPECT(c && c->count == 12);
    for (size_t i = 0; c && i < c->count; i++) {
        const zb_catalog_entry *e = &c->entries[i];
        /* the guide's numbers 1..11, then the audit's 12, in order, each
           a form of the ledger whose default 附件 number is the same */
        EXPECT(e->number == (int)i + 1);
        EXPECT(ledger_form_find(e->name) == (zb_form)i);
        EXPECT(e->formats == (CATALOG_PDF | CATALOG_XLSX));
        EXPECT(e->line > 0);
    }
    const zb_catalog_entry *s = c ? catalog_find(c, "statistics") : NULL;
    EXPECT(s && s->number == 5);
    EXPECT_STR(s ? s->title : NULL, "软件正版化工作信息统计表");
    EXPECT_STR(s ? s->stylesheet : NULL, "statistics.xsl");
    EXPECT_STR(s ? s->orientation : NULL, "portrait");
    EXPECT_STR(s ? s->copy : NULL, "unit");
    const zb_catalog_entry *log = c ? catalog_find(c, "log") : NULL;
    EXPECT_STR(log ? log->copy : NULL, "software");
    EXPECT_STR(log ? log->orientation : NULL, "landscape");
    /* laid out a piece of copies at a time: 附件9, 10 and 11; a range of
       rows at a time: 附件8 */
    for (size_t i = 0; c && i < c->count; i++) {
        int n = c->entries[i].number;
        EXPECT(c->entries[i].pieces == (n >= 9 && n <= 11 ? CATALOG_COPIES
                                        : n == 8          ? CATALOG_ROWS
                                                          : CATALOG_WHOLE));
    }
    EXPECT(c && !catalog_find(c, "report"));
    EXPECT(d.count == 0);
    catalog_free(c);
    diags_free(&d);
}

TEST(a_pdf_only_entry)
{
    make_datadir("<catalog xmlns='urn:zhengban:catalog:1'>\n"
                 "<form name='report' number='20' title='工作总结报告'"
                 " stylesheet='report.xsl' orientation='portrait' copy='unit'"
                 " formats='pdf'/></catalog>");
    zb_diags d = {0};
    zb_catalog *c;
    EXPECT(catalog_load(dir, &d, &c) == ZB_OK);
    EXPECT(c && c->count == 1 && c->entries[0].formats == CATALOG_PDF);
    EXPECT(c && c->entries[0].line == 2);
    EXPECT_STR(catalog_format_name(CATALOG_XLSX), "xlsx");
    catalog_free(c);
    diags_free(&d);
}

TEST(a_broken_catalogue_is_an_installation_fault)
{
    /* no title, a format the renderers do not know */
    make_datadir("<catalog xmlns='urn:zhengban:catalog:1'>\n"
                 "<form name='leadership' number='1' stylesheet='a.xsl'\n"
                 " orientation='portrait' copy='unit' formats='pdf docx'/>"
                 "</catalog>");
    zb_diags d = {0};
    zb_catalog *c;
    EXPECT(catalog_load(dir, &d, &c) == ZB_ERR_IO);
    EXPECT(c == NULL);
    EXPECT(d.errors >= 2);
    EXPECT(d.count && d.items[0].line >= 2);
    EXPECT(d.count && strstr(d.items[0].message, "forms/catalog.xsd"));
    diags_free(&d);
    make_datadir("<catalog xmlns='urn:zhengban:catalog:1'><form");
    EXPECT(catalog_load(dir, &d, &c) == ZB_ERR_IO);
    diags_free(&d);
}

TEST(make_dirs_makes_parents_and_refuses_a_file)
{
    char path[256];
    struct stat st;
    zb_diags d = {0};
    snprintf(path, sizeof path, "%s/a/b/c", dir);
    EXPECT(file_make_dirs(path, &d) == ZB_OK);
    EXPECT(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
    EXPECT(file_make_dirs(path, &d) == ZB_OK);  /* there already */
    snprintf(path, sizeof path, "%s/a/file", dir);
    file_write_atomic(path, "x", 1, &d);
    snprintf(path, sizeof path, "%s/a/file/sub", dir);
    EXPECT(file_make_dirs(path, &d) == ZB_ERR_IO);
    EXPECT(d.count == 1 && strstr(d.items[0].file, "a/file"));
    diags_free(&d);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    xml_init();
    RUN(loads_the_twelve_forms_in_order);
    RUN(a_pdf_only_entry);
    RUN(a_broken_catalogue_is_an_installation_fault);
    RUN(make_dirs_makes_parents_and_refuses_a_file);
    xml_cleanup();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return test_summary();
}
