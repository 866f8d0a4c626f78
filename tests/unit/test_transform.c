/* Unit tests for the stylesheet driver (src/forms/transform.c). */
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "core/buf.h"
#include "core/fileio.h"
#include "forms/docorder.h"
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

/* A ledger whose <unit> comes after 70,000 line ends: on line 70001,
   though it ends on the next (libxml2's own line there is that of the
   text after it); NULL on ENOMEM. */
static char *far_ledger(void)
{
    size_t blank = 70000;
    char *xml = malloc(blank + 64);
    if (!xml)
        return NULL;
    strcpy(xml, "<ledger>");
    memset(xml + strlen(xml), '\n', blank);
    strcpy(xml + strlen("<ledger>") + blank, "<unit\n/>\n</ledger>");
    return xml;
}

TEST(where_counts_lines_past_65535)
{
    char *xml = far_ledger();
    if (!xml)
        return;
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

/* The stamp of element NAME in DOC (0 if none), found in document order. */
static long stamp_of(xmlDocPtr doc, const char *name)
{
    xmlNodePtr n = xmlDocGetRootElement(doc);
    while (n && strcmp((const char *)n->name, name)) {
        if (n->children)
            n = n->children;
        else {
            while (n && !n->next)
                n = n->parent && n->parent->type == XML_ELEMENT_NODE
                        ? n->parent : NULL;
            n = n ? n->next : NULL;
        }
    }
    long s = n ? -(long)(intptr_t)n->content : 0;
    return s > 0 ? s : 0;
}

static xmlDocPtr load(const char *xml)
{
    zb_diags d = {0};
    xmlDocPtr doc = NULL;
    xml_load_memory(xml, strlen(xml), "t.xml", &d, &doc);
    diags_free(&d);
    return doc;
}

TEST(stamps_what_is_added_after_the_rest)
{
    xmlDocPtr doc = load("<a><b/>text<c><d/></c><e/></a>");
    docorder_stamp(doc);
    EXPECT(stamp_of(doc, "a") == 1 && stamp_of(doc, "d") == 4 &&
           stamp_of(doc, "e") == 5);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    /* f at the end of c: after d, before e, which moves up one */
    xmlNodePtr f = xmlNewChild(root->children->next->next, NULL,
                               BAD_CAST "f", NULL);
    xmlNewChild(f, NULL, BAD_CAST "g", NULL);
    docorder_stamp_from(f);
    EXPECT(stamp_of(doc, "d") == 4 && stamp_of(doc, "f") == 5 &&
           stamp_of(doc, "g") == 6 && stamp_of(doc, "e") == 7);
    docorder_stamp_from(xmlNewChild(root, NULL, BAD_CAST "h", NULL));
    EXPECT(stamp_of(doc, "h") == 8 && docorder_is_stamped(doc));
    xmlNewChild(root, NULL, BAD_CAST "i", NULL);
    EXPECT(!docorder_is_stamped(doc));
    xmlFreeDoc(doc);
}

TEST(stamps_all_when_the_element_before_has_none)
{
    xmlDocPtr doc = load("<a><b/><c/></a>");
    EXPECT(!docorder_is_stamped(doc));
    docorder_stamp_from(xmlNewChild(xmlDocGetRootElement(doc), NULL,
                                    BAD_CAST "d", NULL));
    EXPECT(stamp_of(doc, "a") == 1 && stamp_of(doc, "c") == 3 &&
           stamp_of(doc, "d") == 4);
    xmlFreeDoc(doc);
}

/* Write TEXT as stylesheet NAME in DIR and compile it; NULL on failure. */
static zb_stylesheet *compile(const char *name, const char *text,
                              zb_diags *d)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_file(name, text);
    zb_stylesheet *sheet = NULL;
    EXPECT(transform_load(path, dir, d, &sheet) == ZB_OK);
    return sheet;
}

/* A stamped document keeps its stamps through a transformation (libxslt
   would number it 1, 2, 3 again), and XPath orders its node-sets by
   them. */
TEST(transformation_keeps_the_stamps)
{
    zb_diags d = {0};
    zb_stylesheet *sheet = compile("order.xsl", XSL_HEAD
               "<xsl:template match='/'><out>"
               "<xsl:for-each select='//c | //b | //a'>"
               "<xsl:value-of select='name()'/></xsl:for-each>"
               "</out></xsl:template></xsl:stylesheet>", &d);
    xmlDocPtr doc = load("<a><b/><c/></a>"), out = NULL;
    xmlNodePtr a = xmlDocGetRootElement(doc);
    a->content = (xmlChar *)(intptr_t)-10;
    a->children->content = (xmlChar *)(intptr_t)-20;
    a->children->next->content = (xmlChar *)(intptr_t)-30;
    EXPECT(sheet && transform_apply(sheet, doc, NULL, &d, &out) == ZB_OK);
    xmlChar *text = out ? xmlNodeGetContent(xmlDocGetRootElement(out)) : NULL;
    EXPECT_STR((char *)text, "abc");
    EXPECT(stamp_of(doc, "a") == 10 && stamp_of(doc, "c") == 30);
    xmlFree(text);
    xmlFreeDoc(out);
    xmlFreeDoc(doc);
    transform_free(sheet);
    diags_free(&d);
}

/* libxslt clears its key marks from every node of the source after a
   transformation, and with them the line numbers past 65,535 that
   libxml2 keeps in text nodes: the second form's zb:where() said
   65535. */
TEST(lines_past_65535_outlive_a_transformation)
{
    char *xml = far_ledger();
    if (!xml)
        return;
    zb_diags d = {0};
    zb_stylesheet *sheet = compile("keyed.xsl", XSL_HEAD
               "<xsl:key name='k' match='unit' use='name()'/>"
               "<xsl:template match='/'>"
               "<out src='{zb:where(key(\"k\", \"unit\"))}'/>"
               "</xsl:template></xsl:stylesheet>", &d);
    xmlDocPtr doc = load(xml);
    for (int i = 0; sheet && doc && i < 2; i++) {
        xmlDocPtr out = NULL;
        EXPECT(transform_apply(sheet, doc, NULL, &d, &out) == ZB_OK);
        xmlChar *src = out ? xmlGetProp(xmlDocGetRootElement(out),
                                        BAD_CAST "src")
                           : NULL;
        EXPECT_STR((char *)src, "t.xml:70001");
        xmlFree(src);
        xmlFreeDoc(out);
    }
    xmlFreeDoc(doc);
    transform_free(sheet);
    free(xml);
    diags_free(&d);
}

/* zb:ref(section, ids): by a string, by each node of a node-set (in
   document order, once each), nothing for an unknown id or section. */
TEST(ref_finds_records_by_id)
{
    write_file("ref.xsl", XSL_HEAD
               "<xsl:template match='/'><out>"
               "<a><xsl:value-of select=\"zb:ref('staff', 'p2')/@name\"/></a>"
               "<b><xsl:for-each select=\"zb:ref('staff', //use/@who)\">"
               "<xsl:value-of select='@name'/></xsl:for-each></b>"
               "<c><xsl:value-of select=\"count(zb:ref('staff', 'p9') | "
               "zb:ref('nowhere', 'p1') | zb:ref('depts', 'p1'))\"/></c>"
               "<d><xsl:value-of select=\"zb:ref('depts', 'p1')/@name\"/></d>"
               "</out></xsl:template></xsl:stylesheet>");
    zb_diags d = {0};
    char *text;
    EXPECT(run_on("ref.xsl", NULL,
                  "<ledger><staff><person id='p1' name='甲'/>"
                  "<person id='p2' name='乙'/><person id='p3' name='丙'/>"
                  "</staff><depts><dept id='p1' name='办公室'/></depts>"
                  "<uses><use who='p3'/><use who='p1'/><use who='p3'/>"
                  "</uses></ledger>",
                  &d, &text) == ZB_OK);
    EXPECT(text && strstr(text, "<a>乙</a><b>甲丙</b><c>1</c>"
                                "<d>办公室</d>"));
    free(text);
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
    RUN(stamps_what_is_added_after_the_rest);
    RUN(stamps_all_when_the_element_before_has_none);
    RUN(transformation_keeps_the_stamps);
    RUN(lines_past_65535_outlive_a_transformation);
    RUN(ref_finds_records_by_id);
    const char *names[] = {"ok.xsl",     "where.xsl", "write.xsl",
                           "data.xml",   "read.xsl",  "inside.xsl",
                           "stop.xsl",   "broken.xsl", "order.xsl",  "keyed.xsl",
                           "ref.xsl"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    xml_cleanup();
    return test_summary();
}
