/* Unit tests for the stylesheet driver (src/forms/transform.c). */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "core/buf.h"
#include "core/fileio.h"
#include "forms/transform.h"
#include "parse/xml_load.h"

static char dir[] = "/tmp/zbxsltXXXXXX";

#define XSL_HEAD                                                          \
    "<xsl:stylesheet version='1.0' "                                      \
    "xmlns:xsl='http://www.w3.org/1999/XSL/Transform' "                   \
    "xmlns:zb='urn:zhengban:xslt' xmlns:exsl='http://exslt.org/common' "  \
    "extension-element-prefixes='exsl' exclude-result-prefixes='zb'>\n"

static void write_file(const char *name, const char *text)
{
    char path[256];
    zb_diags d = {0};
    snprintf(path, sizeof path, "%s/%s", dir, name);
    file_write_atomic(path, text, strlen(text), &d);
    diags_free(&d);
}

/* Apply stylesheet NAME (in DIR) to the document XML, "ledger.xml". */
static zb_status run_on(const char *name, const char *const *params,
                        const char *xml, zb_diags *d, char **text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    zb_stylesheet *sheet;
    *text = NULL;
    zb_status st = transform_load(path, dir, d, &sheet);
    if (st != ZB_OK)
        return st;
    xmlDocPtr doc, out;
    xml_load_memory(xml, strlen(xml), "ledger.xml", d, &doc);
    st = transform_apply(sheet, doc, params, d, &out);
    if (st == ZB_OK) {
        xmlChar *mem;
        int len;
        xmlDocDumpMemoryEnc(out, &mem, &len, "UTF-8");
        *text = strdup((char *)mem);
        xmlFree(mem);
        xmlFreeDoc(out);
    }
    xmlFreeDoc(doc);
    transform_free(sheet);
    return st;
}

/* Apply stylesheet NAME (in DIR) to a small ledger-like document. */
static zb_status run(const char *name, const char *const *params,
                     zb_diags *d, char **text)
{
    return run_on(name, params,
                  "<ledger>\n<unit>\n<name>永福县医疗保障局</name>"
                  "</unit></ledger>",
                  d, text);
}

TEST(applies_with_params_and_where)
{
    write_file("ok.xsl", XSL_HEAD
               "<xsl:param name='title'/>\n"
               "<xsl:template match='/'><out t='{$title}' "
               "src='{zb:where(ledger/unit/name)}'>"
               "<xsl:value-of select='ledger/unit/name'/></out>"
               "</xsl:template></xsl:stylesheet>");
    const char *params[] = {"title", "它's \"引号\"", NULL};
    zb_diags d = {0};
    char *text;
    EXPECT(run("ok.xsl", params, &d, &text) == ZB_OK);
    EXPECT(text && strstr(text, "src=\"ledger.xml:3\""));
    EXPECT(text && strstr(text, ">永福县医疗保障局</out>"));
    EXPECT(text && !strstr(text, "xmlns:zb"));
    EXPECT(text && strstr(text, "t=\"它's &quot;引号&quot;\""));
    if (d.count)
        diags_print(&d, stdout);
    free(text);
    diags_free(&d);
}

TEST(where_counts_lines_past_65535)
{
    /* <unit> after 70,000 line ends: on line 70001, though it ends on the
       next (libxml2's own line there is that of the text after it) */
    size_t blank = 70000;
    char *xml = malloc(blank + 64);
    if (!xml)
        return;
    strcpy(xml, "<ledger>");
    memset(xml + strlen(xml), '\n', blank);
    strcpy(xml + strlen("<ledger>") + blank, "<unit\n/>\n</ledger>");
    write_file("where.xsl", XSL_HEAD
               "<xsl:template match='/'><out src='{zb:where(ledger/unit)}'/>"
               "</xsl:template></xsl:stylesheet>");
    zb_diags d = {0};
    char *text;
    EXPECT(run_on("where.xsl", NULL, xml, &d, &text) == ZB_OK);
    EXPECT(text && strstr(text, "src=\"ledger.xml:70001\""));
    free(text);
    free(xml);
    diags_free(&d);
}

TEST(cannot_write_files)
{
    write_file("write.xsl", XSL_HEAD
               "<xsl:template match='/'><exsl:document href='/tmp/zb-pwned'>"
               "<x/></exsl:document><out/></xsl:template></xsl:stylesheet>");
    unlink("/tmp/zb-pwned");
    zb_diags d = {0};
    char *text;
    EXPECT(run("write.xsl", NULL, &d, &text) == ZB_ERR_XSLT);
    EXPECT(access("/tmp/zb-pwned", F_OK) != 0);
    EXPECT(d.errors == 1 && strstr(d.items[0].message, "不得写文件"));
    EXPECT(d.count && d.items[0].line == 2);
    diags_free(&d);
}

TEST(reads_only_inside_the_data_directory)
{
    write_file("data.xml", "<text>六项制度</text>");
    write_file("read.xsl", XSL_HEAD
               "<xsl:template match='/'><out>"
               "<xsl:value-of select=\"document('data.xml')\"/>"
               "<xsl:value-of select=\"document('/etc/passwd')\"/>"
               "<xsl:value-of select=\"document('http://example.com/x')\"/>"
               "</out></xsl:template></xsl:stylesheet>");
    zb_diags d = {0};
    char *text = NULL;
    run("read.xsl", NULL, &d, &text);
    EXPECT(!text || !strstr(text, "root:"));
    EXPECT(d.errors >= 1);
    free(text);
    diags_clear(&d);
    write_file("inside.xsl", XSL_HEAD
               "<xsl:template match='/'><out>"
               "<xsl:value-of select=\"document('data.xml')\"/>"
               "</out></xsl:template></xsl:stylesheet>");
    EXPECT(run("inside.xsl", NULL, &d, &text) == ZB_OK);
    EXPECT(text && strstr(text, ">六项制度</out>"));
    free(text);
    diags_free(&d);
}

TEST(reports_messages_and_compile_errors)
{
    write_file("stop.xsl", XSL_HEAD
               "<xsl:template match='/'><xsl:message terminate='yes'>"
               "缺少填表日期</xsl:message></xsl:template></xsl:stylesheet>");
    zb_diags d = {0};
    char *text;
    EXPECT(run("stop.xsl", NULL, &d, &text) == ZB_ERR_XSLT);
    int found = 0;
    for (size_t i = 0; i < d.count; i++)
        found |= strstr(d.items[i].message, "缺少填表日期") != NULL;
    EXPECT(found);
    diags_clear(&d);
    write_file("broken.xsl", XSL_HEAD "<xsl:template match='/'>"
               "<xsl:value-of select='(('/></xsl:template></xsl:stylesheet>");
    EXPECT(run("broken.xsl", NULL, &d, &text) == ZB_ERR_XSLT);
    EXPECT(d.errors >= 1 && strstr(d.items[0].message, "无法编译"));
    diags_free(&d);
}

int main(void)
{
    xml_init();
    if (!mkdtemp(dir))
        return 1;
    RUN(applies_with_params_and_where);
    RUN(where_counts_lines_past_65535);
    RUN(cannot_write_files);
    RUN(reads_only_inside_the_data_directory);
    RUN(reports_messages_and_compile_errors);
    const char *names[] = {"ok.xsl",     "where.xsl", "write.xsl",
                           "data.xml",   "read.xsl",  "inside.xsl",
                           "stop.xsl",   "broken.xsl"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    xml_cleanup();
    return test_summary();
}
