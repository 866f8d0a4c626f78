/* Unit tests for src/rules: every rule has cases that pass (often just
   inside the rule) and cases that fail, checked for the rule id and the
   line; and the rule table agrees with the rules forms/ledger.xsd names. */
#include "test.h"

#include "fixtures.h"
#include "parse/xml_load.h"
#include "pipeline/front.h"
#include "rules/rules.h"

static zb_schema *schema;
static char *minimal;

typedef struct rule_case {
    const char *from; /* text of tests/data/minimal.xml ... */
    const char *to;   /* ... replaced by this */
    const char *rule; /* the rule broken, NULL: the ledger stays clean */
    const char *at;   /* text on the line the diagnostic names */
} rule_case;

#define EV_WPS_PC01                                                            \
    "<event action=\"install\" software=\"BG-WPS-01\" "                        \
    "computer=\"PC-01\" date=\"2022-03-10\" operator=\"s3\" "
#define EV_READER                                                              \
    "<event action=\"install\" software=\"QT-READER\" "                        \
    "computer=\"PC-02\" date=\"2022-06-02\" version=\"V11\" "                  \
    "operator=\"s3\" request=\"SQ-1\""
#define EV_UP_UNINSTALL                                                        \
    "<event action=\"uninstall\" software=\"BG-WPS-01\" "                      \
    "computer=\"NB-01\" date=\"2023-04-03\""
#define EV_UP_INSTALL                                                          \
    "<event action=\"install\" software=\"BG-WPS-02\" "                        \
    "computer=\"NB-01\" date=\"2023-04-03\""
/* minimal.xml's report from its kind to its section's topic, and the
   same as a document of another KIND */
#define DOC_BODY                                                               \
    " upward=\"true\" signer=\"s1\">\n"                                         \
    "      <issuerMark>青石县测试局文件</issuerMark>\n"                          \
    "      <number agency=\"青测报\" year=\"2023\" seq=\"9\"/>\n"              \
    "      <title>青石县测试局关于2023年度软件正版化工作情况的报告</title>\n"    \
    "      <to>青石县版权局</to>\n"                                             \
    "      <body>\n"                                                            \
    "        <p>现将我局2023年度软件正版化工作情况报告如下。</p>\n"            \
    "        "
#define DOC_HEAD "kind=\"report\"" DOC_BODY
#define DOC_HEAD_AS(kind) "kind=\"" kind "\"" DOC_BODY
#define LOG_END "  </log>"
#define ADD(event) event "\n" LOG_END

static const rule_case cases[] = {
    /* tz-1.3: same name, version and purchase data -> one number */
    {"<commercial id=\"BG-WPS-02\"",
     "<commercial id=\"BG-WPS-01B\" name=\"WPS office  2019 专业版\" version=\"2019\" "
     "category=\"办公\" origin=\"国内\"><purchase date=\"2022-03-01\" amount=\"1740.00\"/>"
     "<license type=\"批量许可\" count=\"3\" term=\"永久\"/><serial>WPS-TEST-0001</serial>"
     "</commercial>\n<commercial id=\"BG-WPS-02\"",
     "tz-1.3", "BG-WPS-01B"},
    {"<commercial id=\"BG-WPS-02\"",
     "<commercial id=\"BG-WPS-01B\" name=\"WPS Office 2019 专业版\" version=\"2019\" "
     "category=\"办公\" origin=\"国内\"><purchase date=\"2022-09-01\" amount=\"1740.00\"/>"
     "<license type=\"批量许可\" count=\"3\" term=\"永久\"/><serial>WPS-TEST-0001</serial>"
     "</commercial>\n<commercial id=\"BG-WPS-02\"",
     NULL, NULL},
    /* tz-1.5: OEM of the same name and version -> one number */
    {"<oem id=\"OEM-WIN7\"",
     "<oem id=\"OEM-WIN10B\" name=\"Windows 10 专业版\" version=\"20H2\" "
     "category=\"操作系统\" origin=\"国外\"><machine computer=\"SV-01\"/></oem>\n"
     "<oem id=\"OEM-WIN7\"",
     "tz-1.5", "OEM-WIN10B"},
    {"<oem id=\"OEM-WIN7\"",
     "<oem id=\"OEM-WIN10B\" name=\"Windows 10 专业版\" version=\"21H2\" "
     "category=\"操作系统\" origin=\"国外\"><machine computer=\"SV-01\"/></oem>\n"
     "<oem id=\"OEM-WIN7\"",
     NULL, NULL},
    /* tz-1.8: one number per free software name, spacing and case aside */
    {"<free id=\"QT-READER\"",
     "<free id=\"SD360B\" name=\"360 安全卫士\" category=\"杀毒\" source=\"官网下载\" "
     "vendor=\"奇虎\" reason=\"新版\"><allDepartments/></free>\n<free id=\"QT-READER\"",
     "tz-1.8", "SD360B"},
    {"<free id=\"QT-READER\"",
     "<free id=\"SD360B\" name=\"360杀毒\" category=\"杀毒\" source=\"官网下载\" "
     "vendor=\"奇虎\" reason=\"杀毒\"><allDepartments/></free>\n<free id=\"QT-READER\"",
     NULL, NULL},
    /* tz-1.13: six months before the as-of date (2023-12-20) is still fine */
    {"<revision date=\"2023-07-10\" by=\"s3\" note=\"半年更新\"/>\n"
     "    <revision date=\"2023-12-15\" by=\"s3\" note=\"年终更新\"/>",
     "<revision date=\"2023-06-20\" by=\"s3\"/>", NULL, NULL},
    {"<revision date=\"2023-07-10\" by=\"s3\" note=\"半年更新\"/>\n"
     "    <revision date=\"2023-12-15\" by=\"s3\" note=\"年终更新\"/>",
     "<revision date=\"2023-06-19\" by=\"s3\"/>", "tz-1.13", "2023-06-19"},
    /* zr-1 */
    {"<member staff=\"s2\" role=\"副组长\"/>",
     "<member staff=\"s2\" role=\"组长\"/>", "zr-1", "<member staff=\"s2\""},
    {"<member staff=\"s1\" role=\"组长\"/>",
     "<member staff=\"s1\" role=\"成员\"/>", "zr-1", "<leadership>"},
    {"<member staff=\"s3\" role=\"成员\"",
     "<member staff=\"s3\" role=\"副组长\"", NULL, NULL},
    /* tz-3.5: an upgrade is an uninstall plus an install, same computer and day */
    {EV_UP_UNINSTALL, "<!-- -->" EV_UP_UNINSTALL, NULL, NULL},
    {EV_UP_UNINSTALL
     " operator=\"s3\" request=\"SQ-2\" confirmation=\"QR-2\"/>\n",
     "", "tz-3.5", EV_UP_INSTALL},
    /* tz-3.5: a deployment with two upgrades to one version; the install
       pairs with the uninstall of either */
    {"<upgrade from=\"BG-WPS-01\" to=\"BG-WPS-02\"/>\n    </deployment>",
     "<upgrade from=\"BG-WPS-01\" to=\"BG-WPS-02\"/>\n"
     "<upgrade from=\"BG-MSO-01\" to=\"BG-WPS-02\"/>\n    </deployment>",
     NULL, NULL},
    {"<dept ref=\"yw\"/>\n      <upgrade from=\"BG-WPS-01\"",
     "<dept ref=\"yw\"/>\n<upgrade from=\"BG-MSO-01\" to=\"BG-WPS-02\"/>"
     "<upgrade from=\"BG-WPS-01\"",
     NULL, NULL},
    /* az-1.2 */
    {EV_WPS_PC01 "deployment=\"DEP-1\"/>", EV_WPS_PC01 "/>", "az-1.2",
     EV_WPS_PC01},
    {EV_WPS_PC01 "deployment=\"DEP-1\"/>",
     EV_WPS_PC01 "deployment=\"DEP-1\" "
                 "unauthorised=\"true\"/>",
     "az-1.2", EV_WPS_PC01},
    {EV_WPS_PC01 "deployment=\"DEP-1\"/>",
     EV_WPS_PC01 "unauthorised=\"true\"/>", NULL, NULL},
    {"<deptOpinion by=\"s4\" date=\"2022-06-01\">同意。</deptOpinion>", "",
     "az-1.2", EV_READER},
    {"<request id=\"SQ-1\" applicant=\"s4\" date=\"2022-06-01\" computer=\"PC-02\"",
     "<request id=\"SQ-1\" applicant=\"s4\" date=\"2022-06-01\" computer=\"PC-01\"",
     "az-1.2", EV_READER},
    {"<itOpinion by=\"s3\" date=\"2022-06-01\">",
     "<itOpinion by=\"s3\" "
     "date=\"2022-06-03\">",
     "az-1.2", EV_READER},
    {"<itOpinion by=\"s3\" date=\"2022-06-01\">",
     "<itOpinion by=\"s3\" "
     "date=\"2022-06-02\">",
     NULL, NULL},
    {"<install software=\"QT-READER\" version=\"V11\"/>",
     "<install software=\"SD360AQWS0\"/>", "az-1.2", EV_READER},
    /* az-1.3 */
    {"<deployment id=\"DEP-1\" date=\"2022-03-05\"",
     "<deployment id=\"DEP-1\" date=\"2022-03-11\"", "az-1.3", EV_WPS_PC01},
    {"<deployment id=\"DEP-1\" date=\"2022-03-05\"",
     "<deployment id=\"DEP-1\" date=\"2022-03-10\"", NULL, NULL},
    {"<dept ref=\"yw\"/>\n      <upgrade", "<dept ref=\"ld\"/>\n      <upgrade",
     "az-1.3", "software=\"BG-WPS-01\" computer=\"PC-02\" date=\"2023-03-10\""},
    /* az-1.4 */
    {"<confirmation id=\"QR-1\" computer=\"PC-02\" date=\"2022-06-02\"",
     "<confirmation id=\"QR-1\" computer=\"PC-02\" date=\"2022-06-01\"",
     "az-1.4", EV_READER},
    {" confirmation=\"QR-1\"/>", "/>", "az-1.4", "<confirmation id=\"QR-1\""},
    /* az-2 */
    {"<deptOpinion by=\"s1\" date=\"2023-04-01\">同意。</deptOpinion>", "",
     "az-2", EV_UP_UNINSTALL},
    /* log-order and log-double, OEM copies installed from the start */
    {LOG_END,
     ADD("<event action=\"uninstall\" software=\"OEM-WIN10\" "
         "computer=\"PC-01\" date=\"2023-06-01\" operator=\"s3\" "
         "unauthorised=\"true\"/>"),
     NULL, NULL},
    {LOG_END,
     ADD("<event action=\"uninstall\" software=\"OEM-WIN10\" "
         "computer=\"SV-01\" date=\"2023-06-01\" operator=\"s3\" "
         "unauthorised=\"true\"/>"),
     "log-order", "software=\"OEM-WIN10\" computer=\"SV-01\""},
    {LOG_END,
     ADD("<event action=\"install\" software=\"OEM-WIN10\" "
         "computer=\"PC-01\" date=\"2023-06-01\" operator=\"s3\" "
         "unauthorised=\"true\"/>"),
     "log-double", "OEM-WIN10\" computer"},
    {LOG_END,
     ADD("<event action=\"uninstall\" software=\"BG-WPS-01\" "
         "computer=\"PC-01\" date=\"2023-06-01\" operator=\"s3\" "
         "unauthorised=\"true\"/>\n    <event action=\"install\" "
         "software=\"BG-WPS-01\" computer=\"PC-01\" date=\"2023-06-01\" "
         "operator=\"s3\" unauthorised=\"true\"/>"),
     NULL, NULL},
    /* log dates: on the day itself is allowed */
    {"user=\"s3\" acquired=\"2020-09-01\"",
     "user=\"s3\" acquired=\"2022-03-10\"", NULL, NULL},
    {"user=\"s3\" acquired=\"2020-09-01\"",
     "user=\"s3\" acquired=\"2022-03-11\"", "log-acquired", EV_WPS_PC01},
    {"disposed=\"2023-05-31\"", "disposed=\"2023-05-30\"", NULL, NULL},
    {"disposed=\"2023-05-31\"", "disposed=\"2023-05-29\"", "log-disposed",
     "software=\"BG-MSO-01\" computer=\"PC-03\" date=\"2023-05-30\""},
    {"asOf=\"2023-12-20\"", "asOf=\"2023-05-30\"", NULL, NULL},
    {"asOf=\"2023-12-20\"", "asOf=\"2023-05-29\"", "log-asof",
     "software=\"BG-MSO-01\" computer=\"PC-03\" date=\"2023-05-30\""},
    {"<disposal date=\"2023-06-30\"", "<disposal date=\"2022-07-02\"", NULL,
     NULL},
    {"<disposal date=\"2023-06-30\"", "<disposal date=\"2022-07-01\"",
     "log-sw-disposed",
     "software=\"BG-MSO-01\" computer=\"PC-03\" date=\"2022-07-01\""},
    /* ref-serial */
    {"version=\"V11\" operator=\"s3\" request=\"SQ-1\"",
     "version=\"V11\" serial=\"WPS-TEST-0001\" operator=\"s3\" request=\"SQ-1\"",
     "ref-serial", "serial=\"WPS-TEST-0001\" operator"},
    {"computer=\"PC-01\" date=\"2022-03-10\" operator=\"s3\" deployment=\"DEP-1\"/>",
     "computer=\"PC-01\" date=\"2022-03-10\" serial=\"WPS-TEST-0001\" operator=\"s3\" "
     "deployment=\"DEP-1\"/>",
     NULL, NULL},
    /* form-number: a number the ledger gives, against the defaults */
    {"    </roles>",
     "    </roles><numbering><form name=\"statistics\" number=\"13\"/>"
     "</numbering>",
     NULL, NULL},
    {"    </roles>",
     "    </roles><numbering><form name=\"statistics\" number=\"12\"/>"
     "<form name=\"audit\" number=\"5\"/></numbering>",
     NULL, NULL},
    {"    </roles>",
     "    </roles><numbering><form name=\"statistics\" number=\"12\"/>"
     "</numbering>",
     "form-number", "name=\"statistics\" number=\"12\""},
    {"    </roles>",
     "    </roles><numbering><form name=\"audit\" number=\"1\"/>"
     "</numbering>",
     "form-number", "name=\"audit\" number=\"1\""},
    /* gw-signer */
    {"upward=\"true\" signer=\"s1\"", "upward=\"false\"", NULL, NULL},
    {"upward=\"true\" signer=\"s1\"", "upward=\"true\"", "gw-signer",
     "kind=\"report\""},
    /* gw-topic: a report's topics in a report, the inspection notice's in
       it; any other topic, a topic below the first level or given twice,
       a section with neither topic nor heading, refused */
    {"<section topic=\"plan\">", "<section heading=\"下一步\">", NULL, NULL},
    {"<section topic=\"plan\">", "<section topic=\"ratings\">", "gw-topic",
     "topic=\"ratings\""},
    {DOC_HEAD "<section topic=\"plan\">",
     DOC_HEAD_AS("inspection-notice") "<section topic=\"findings\">", NULL,
     NULL},
    {DOC_HEAD "<section topic=\"plan\">",
     DOC_HEAD_AS("inspection-notice") "<section topic=\"usage\">", "gw-topic",
     "topic=\"usage\""},
    {DOC_HEAD "<section topic=\"plan\">",
     DOC_HEAD_AS("general") "<section topic=\"plan\">", "gw-topic",
     "topic=\"plan\""},
    {"<p>明年继续做好软件正版化工作。</p>",
     "<section topic=\"usage\"><p>明年继续。</p></section>", "gw-topic",
     "topic=\"usage\""},
    {"<p>明年继续做好软件正版化工作。</p>\n        </section>",
     "<p>明年继续做好软件正版化工作。</p>\n        </section>\n"
     "        <section topic=\"plan\" heading=\"再写\"><p>又一次。</p></section>",
     "gw-topic", "heading=\"再写\""},
    {"<section topic=\"plan\">", "<section>", "gw-topic", "<section>"},
};

/* Run case C; print "PASS name" or "FAIL name: why" for it. */
static int run_case(const rule_case *c, size_t index)
{
    char name[64];
    snprintf(name, sizeof name, "rule_case_%02zu_%s", index,
             c->rule ? c->rule : "clean");
    char *text = fixture_replace(minimal, c->from, c->to);
    if (!text) {
        printf("FAIL %s: the text to change is not in minimal.xml\n", name);
        return 0;
    }
    zb_front f;
    zb_diags d = {0};
    zb_status st =
        front_load_memory(schema, "t.xml", text, strlen(text), &f, &d);
    int ok;
    long line = c->rule ? fixture_line_of(text, c->at) : 0;
    if (!c->rule) {
        ok = st == ZB_OK && d.count == 0;
    } else {
        int found = 0, others = 0;
        for (size_t i = 0; i < d.count; i++) {
            int same = d.items[i].rule && !strcmp(d.items[i].rule, c->rule);
            found |= same && d.items[i].line == line && d.items[i].col > 0;
            others += !same;
        }
        zb_status want = strcmp(c->rule, "tz-1.13") ? ZB_ERR_INVALID : ZB_OK;
        ok = line > 0 && found && others == 0 && st == want;
    }
    if (ok) {
        printf("PASS %s\n", name);
    } else {
        printf("FAIL %s: want %s at line %ld\n", name,
               c->rule ? c->rule : "no diagnostic", line);
        diags_print(&d, stdout);
    }
    front_free(&f);
    diags_free(&d);
    free(text);
    return ok;
}

TEST(every_rule_passes_and_fails)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (!run_case(&cases[i], i))
            test_this_failed = 1;
}

TEST(every_checked_rule_has_cases)
{
    size_t count;
    const zb_rule *rules = rules_ledger(&count);
    for (size_t i = 0; i < count; i++) {
        if (!rules[i].check)
            continue;
        int fails = 0;
        for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
            fails += cases[k].rule && !strcmp(cases[k].rule, rules[i].id);
        EXPECT(fails > 0);
        if (!fails)
            printf("    no failing case for %s\n", rules[i].id);
    }
}

TEST(table_is_well_formed)
{
    size_t count;
    const zb_rule *rules = rules_ledger(&count);
    EXPECT(count >= 30);
    for (size_t i = 0; i < count; i++) {
        EXPECT(rules[i].id && rules[i].text && *rules[i].text);
        EXPECT(rules_find(rules[i].id) == &rules[i]);
        EXPECT(rules[i].severity == DIAG_ERROR ||
               rules[i].severity == DIAG_WARNING);
        EXPECT(!rules[i].article ||
               strstr(rules[i].article, "《") == rules[i].article);
        EXPECT(!rules[i].article == !rules[i].quote);
    }
    EXPECT(rules_find("tz-1.13")->severity == DIAG_WARNING);
    EXPECT(rules_find("no-such-rule") == NULL);
}

/* Every rule the schema names in xs:appinfo has an entry, and every entry
   without a check function is named by the schema. */
TEST(table_agrees_with_the_schema)
{
    char *xsd = fixture_read("forms/ledger.xsd");
    EXPECT(xsd != NULL);
    if (!xsd)
        return;
    const char *tag = "<xs:appinfo source=\"urn:zhengban:rule\">";
    for (const char *p = strstr(xsd, tag); p; p = strstr(p + 1, tag)) {
        const char *q = p + strlen(tag), *end = strstr(q, "</xs:appinfo>");
        size_t len = end ? (size_t)(end - q) : 0;
        if (memchr(q, '<', len)) /* the example in the header comment */
            continue;
        char *words = strndup(q, len);
        for (char *save, *w = strtok_r(words, " \n", &save); w;
             w = strtok_r(NULL, " \n", &save)) {
            const char *id = strchr(w, '=') ? strchr(w, '=') + 1 : w;
            if (*id == '@' || !strchr(id, '-'))
                continue; /* a forbidden attribute or child element */
            EXPECT(rules_find(id) != NULL);
            if (!rules_find(id))
                printf("    %s is not in the rule table\n", id);
        }
        free(words);
    }
    size_t count;
    const zb_rule *rules = rules_ledger(&count);
    for (size_t i = 0; i < count; i++) {
        char quoted[80];
        snprintf(quoted, sizeof quoted, "%s", rules[i].id);
        int named = strstr(xsd, quoted) != NULL;
        EXPECT(rules[i].check || named ||
               !strcmp(rules[i].id, "schema-version"));
    }
    free(xsd);
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
    RUN(every_rule_passes_and_fails);
    RUN(every_checked_rule_has_cases);
    RUN(table_is_well_formed);
    RUN(table_agrees_with_the_schema);
    schema_close(schema);
    free(minimal);
    xml_cleanup();
    return test_summary();
}
