/* Unit tests for src/validate: schema errors in Chinese, with the rule the
   schema enforces, the right line and column, also past line 65535. */
#include "test.h"

#include "fixtures.h"
#include "parse/xml_load.h"
#include "pipeline/front.h"

static zb_schema *schema;
static char *minimal;

/* Validate TEXT; the diagnostics go to D. */
static zb_status validate(const char *text, zb_diags *d)
{
    zb_front f;
    zb_status st =
        front_load_memory(schema, "t.xml", text, strlen(text), &f, d);
    front_free(&f);
    return st;
}

/* Validate MINIMAL with FROM replaced by TO; expect exactly one error, of
   RULE, at the line of AT in the changed text, whose message holds WORDS. */
static void expect_one(const char *from, const char *to, const char *rule,
                       const char *at, const char *words)
{
    char *text = fixture_replace(minimal, from, to);
    EXPECT(text != NULL);
    if (!text)
        return;
    zb_diags d = {0};
    EXPECT(validate(text, &d) == ZB_ERR_INVALID);
    EXPECT(d.errors == 1);
    if (d.count) {
        long line = fixture_line_of(text, at);
        EXPECT_STR(d.items[0].rule, rule);
        EXPECT(d.items[0].line == line && d.items[0].col > 0);
        EXPECT(strstr(d.items[0].message, words) != NULL);
        if (d.items[0].line != line || !strstr(d.items[0].message, words))
            printf("    %ld:%d %s (want line %ld, \"%s\")\n", d.items[0].line,
                   d.items[0].col, d.items[0].message, line, words);
    }
    diags_free(&d);
    free(text);
}

TEST(schema_open_reports_a_missing_schema)
{
    zb_schema *s = NULL;
    zb_diags d = {0};
    EXPECT(schema_open("/nonexistent", &s, &d) == ZB_ERR_IO);
    EXPECT(s == NULL && d.errors == 1);
    diags_free(&d);
}

TEST(forbidden_content_names_its_article_rule)
{
    expect_one("<machine computer=\"PC-03\"/>",
               "<machine computer=\"PC-03\"/><license type=\"x\" count=\"1\" "
               "term=\"永久\"/>",
               "tz-1.6", "<license type=\"x\"",
               "<oem>（随机预装软件）不填写 <license>（许可）");
    expect_one("name=\"Windows 7 专业版\"",
               "name=\"Windows 7 专业版\" amount=\"5\"", "tz-1.6",
               "amount=\"5\"", "不填写 amount");
    expect_one("<dept ref=\"yw\"/>", "<dept ref=\"yw\"/><serial>X-1</serial>",
               "tz-1.9", "X-1", "<free>（免费软件）不填写 <serial>");
    expect_one("<donation kind=\"调剂\"",
               "<donation kind=\"调剂\" date=\"2022-01-01\"", "tz-1.4",
               "<donation", "不填写 date");
}

TEST(other_content_is_a_schema_error)
{
    /* an unknown attribute on an OEM entry is not 一.6 */
    expect_one("name=\"Windows 7 专业版\"",
               "name=\"Windows 7 专业版\" colour=\"red\"", "schema",
               "colour=", "没有属性 colour");
    expect_one("<revisions>", "<revisions><foo/>", "schema", "<foo/>",
               "未知元素 <foo>，此处应为 <revision>（一次台账更新）");
    expect_one("filler=\"s3\"", "", "schema", "<unit",
               "<unit>（单位）缺少必填的 filler（填表人）");
}

TEST(values_are_explained_once)
{
    /* libxml2 reports both the pattern and the fraction digits */
    expect_one("amount=\"1740.00\"", "amount=\"1740.005\"", "schema",
               "amount=\"1740.005\"",
               "amount（采购金额）值“1740.005”无效：以元为单位");
    expect_one("kind=\"server\"", "kind=\"mainframe\"", "schema", "mainframe",
               "应为：server、desktop、laptop");
    expect_one("asOf=\"2023-12-20\"", "asOf=\"2023-02-30\"", "schema",
               "asOf=", "asOf（填表日期）值“2023-02-30”无效：写成“年-月-日”");
    expect_one("name=\"甲局长\"", "name=\" \"", "schema", "name=\" \"",
               "name（姓名）值不能为空");
}

TEST(keys_and_references_name_their_rules)
{
    expect_one("<computer id=\"PC-03\"",
               "<computer id=\"PC-01\" kind=\"laptop\" brand=\"戴尔\" "
               "acquired=\"2022-01-01\"/><computer id=\"PC-03\"",
               "key-computer", "brand=\"戴尔\"", "id（计算机编号）“PC-01”重复");
    expect_one("<member staff=\"s3\"", "<member staff=\"s7\"", "zr-1",
               "staff=\"s7\"", "领导小组成员须是本单位工作人员");
    expect_one(
        "<free id=\"QT-READER\"",
        "<free id=\"SD360AQWS0\" name=\"360杀毒\" category=\"杀毒\" "
        "source=\"官网\" vendor=\"奇虎\" reason=\"杀毒\"><allDepartments/>"
        "</free><free id=\"QT-READER\"",
        "tz-1.7", "name=\"360杀毒\"", "“SD360AQWS0”重复");
    expect_one("<oem id=\"OEM-WIN7\"", "<oem id=\"OEM-WIN10\"", "tz-1.5",
               "<oem id=\"OEM-WIN10\" name=\"Windows 7", "重复");
    expect_one("<finance dept=\"yw\"/>", "<finance dept=\"cw\"/>", "ref-dept",
               "<finance", "<finance>（财务部门）的 dept（部门）“cw”未登记");
    expect_one("operator=\"s2\"", "operator=\"s8\"", "ref-staff",
               "operator=\"s8\"", "operator（安装维护人）“s8”未登记");
    /* a reference is looked up as xs:token, its spaces collapsed */
    expect_one("operator=\"s2\"", "operator=\" s8&#9; \"", "ref-staff",
               "operator=\" s8", "operator（安装维护人）“s8”未登记");
}

TEST(other_versions_are_refused_with_one_message)
{
    expect_one("urn:zhengban:ledger:1", "urn:zhengban:ledger:7",
               "schema-version", "<ledger", "台账模式版本“7”不受支持");
    expect_one("xmlns=\"urn:zhengban:ledger:1\"", "", "schema-version",
               "<ledger", "不是 zhengban 台账");
}

/* MINIMAL with BLANK empty lines before <log>'s first event and FROM
   replaced by TO. */
static char *tall_ledger(int blank, const char *from, const char *to)
{
    zb_buf b = {0};
    buf_append_str(&b, "<log>");
    for (int i = 0; i < blank; i++)
        buf_append_str(&b, "\n");
    char *lines = buf_detach(&b);
    char *tall = fixture_replace(minimal, "<log>", lines);
    char *text = tall ? fixture_replace(tall, from, to) : NULL;
    free(lines);
    free(tall);
    return text;
}

TEST(lines_past_65535_stay_exact)
{
    static const struct {
        const char *from, *to, *rule;
    } cases[] = {
        /* a keyref: libxml2 gives no node and cuts the line at 65535 */
        {"computer=\"PC-02\" date=\"2023-03-10\"",
         "computer=\"PC-22\" date=\"2023-03-10\"", "ref-computer"},
        /* a value error: libxml2 gives the node */
        {"date=\"2023-03-10\" operator=\"s3\" deployment=\"DEP-3\"/>\n    <event",
         "date=\"2023-3-10\" operator=\"s3\" deployment=\"DEP-3\"/>\n    <event",
         "schema"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *text = tall_ledger(70000, cases[i].from, cases[i].to);
        EXPECT(text != NULL);
        if (!text)
            continue;
        zb_diags d = {0};
        EXPECT(validate(text, &d) == ZB_ERR_INVALID);
        const char *bad = strstr(cases[i].to, "PC-22") ? "PC-22" : "2023-3-10";
        long line = fixture_line_of(text, bad);
        EXPECT(line > 70000 && d.errors == 1);
        if (d.count) {
            EXPECT_STR(d.items[0].rule, cases[i].rule);
            EXPECT(d.items[0].line == line);
            if (d.items[0].line != line)
                printf("    got line %ld, want %ld\n", d.items[0].line, line);
        }
        diags_free(&d);
        free(text);
    }
}

TEST(node_lines_past_65535_are_start_tag_lines)
{
    char *text = tall_ledger(70000, "<log>", "<log>");
    zb_diags d = {0};
    xmlDocPtr doc = NULL;
    EXPECT(text &&
           xml_load_memory(text, strlen(text), "t.xml", &d, &doc) == ZB_OK);
    xmlNodePtr log = doc ? xmlDocGetRootElement(doc)->children : NULL;
    while (log && !(log->type == XML_ELEMENT_NODE &&
                    !strcmp((const char *)log->name, "log")))
        log = log->next;
    xmlNodePtr event = log ? log->children : NULL;
    while (event && event->type != XML_ELEMENT_NODE)
        event = event->next;
    EXPECT(event != NULL);
    if (event)
        EXPECT(xml_node_line(event) ==
               fixture_line_of(text, "<event action=\"install\""));
    xmlFreeDoc(doc);
    diags_free(&d);
    free(text);
}

int main(void)
{
    xml_init();
    schema = fixture_schema();
    minimal = fixture_read("tests/data/minimal.xml");
    if (!schema || !minimal) {
        printf(
            "FAIL setup: cannot read forms/ledger.xsd or tests/data/minimal.xml"
            " under %s\n",
            fixture_top());
        return 1;
    }
    RUN(schema_open_reports_a_missing_schema);
    RUN(forbidden_content_names_its_article_rule);
    RUN(other_content_is_a_schema_error);
    RUN(values_are_explained_once);
    RUN(keys_and_references_name_their_rules);
    RUN(other_versions_are_refused_with_one_message);
    RUN(lines_past_65535_stay_exact);
    RUN(node_lines_past_65535_are_start_tag_lines);
    schema_close(schema);
    free(minimal);
    xml_cleanup();
    return test_summary();
}
