/* Unit tests for src/derive/audit: each check on the edges of the report
   year and of its condition, one finding per id, the order of the report,
   and the grades on the boundaries of each. Every case edits the clean
   ledger sample-data/audit/clean.xml (as-of 2023-12-20), must stay a valid
   ledger, and gives exactly the finding it names (or none). */
#include "test.h"

#include "derive/audit.h"
#include "fixtures.h"
#include "pipeline/front.h"

static zb_schema *schema;
static char *clean;

typedef struct edit {
    const char *from, *to;
} edit;

typedef struct audit_case {
    const char *name;
    edit edits[3];
    const char *check; /* the one finding's check; NULL: no finding */
    zb_level level;
    const char *dept; /* the 股室 it counts against */
    const char *at;   /* text on the line it names */
    const char *says; /* a part of its text */
} audit_case;

/* Pieces of the edits. */
#define COMPUTERS_END "  </computers>"
#define SOFTWARE_END "  </software>\n"
#define DEPLOYMENTS_END "  </deployments>"
#define LOG_END "  </log>"
#define PC04 "<computer id=\"PC-04\" kind=\"desktop\" brand=\"联想\" "
/* A deployment DEP-6 to DEPT (BGS or ALL) of the changes WHAT. */
#define DEPLOY(dept, what)                                                     \
    {DEPLOYMENTS_END, "<deployment id=\"DEP-6\" date=\"2023-06-01\" "          \
                      "title=\"测试\">" dept what "</deployment>\n" DEPLOYMENTS_END}
#define BGS "<dept ref=\"bgs\"/>"
#define ALL "<allDepartments/>"
/* EVENT (or two) at the end of the log. */
#define LOG(event) {LOG_END, event "\n" LOG_END}
#define EVENT(action, software, computer, date)                                \
    "<event action=\"" action "\" software=\"" software "\" computer=\""        \
    computer "\" date=\"" date "\" operator=\"s3\" "
#define DEP6 "deployment=\"DEP-6\"/>"
#define PRIVATE "unauthorised=\"true\"/>"
#define V11 "version=\"V11\" "
#define V13 "version=\"V13\" "
/* 业务股 asks for 3 office licences; the IT department's REVIEW. */
#define DEMAND(review)                                                         \
    {SOFTWARE_END, SOFTWARE_END                                                \
     "<demands><demand id=\"XQ-1\" dept=\"yw\" handler=\"s4\" date=\"2023-03-01\">" \
     "<need category=\"办公\" count=\"3\"/><itReview by=\"s3\" date=\"2023-03-02\"" \
     review ">审核</itReview></demand></demands>\n"}
/* A procurement plan of DATE for COUNT office licences. */
#define PLAN(date, count)                                                      \
    {"</demands>\n", "</demands>\n<plans><plan id=\"JH-1\" handler=\"s3\" date=\"" \
     date "\"><item name=\"WPS Office 2023 专业版\" category=\"办公\" "        \
     "unitPrice=\"620.00\" count=\"" count "\"/></plan></plans>\n"}
#define REVISIONS                                                              \
    "<revision date=\"2023-07-10\" by=\"s3\" note=\"半年更新\"/>\n"            \
    "    <revision date=\"2023-12-15\" by=\"s3\" note=\"年终更新\"/>"

static const audit_case cases[] = {
    /* over-deployed: end-of-day counts over the year; 2 licences */
    {"over_deployed_earlier_in_year",
     {DEPLOY(BGS, "<install software=\"BG-WPS-02\"/><uninstall software=\"BG-WPS-02\"/>"),
      LOG(EVENT("install", "BG-WPS-02", "PC-01", "2023-06-02") DEP6),
      LOG(EVENT("uninstall", "BG-WPS-02", "PC-01", "2023-07-01") DEP6)},
     "over-deployed", LEVEL_GENERAL, "bgs", "computer=\"PC-01\" date=\"2023-06-02\"",
     "2023-06-02 安装在 3 台计算机上，超出 1 台"},
    {"over_deployed_not_by_a_move_within_a_day",
     {DEPLOY(ALL, "<install software=\"BG-WPS-02\"/><uninstall software=\"BG-WPS-02\"/>"),
      LOG(EVENT("install", "BG-WPS-02", "PC-01", "2023-06-02") DEP6),
      LOG(EVENT("uninstall", "BG-WPS-02", "PC-02", "2023-06-02") DEP6)},
     NULL, 0, NULL, NULL, NULL},
    {"over_deployed_on_the_first_of_january",
     {{"<license type=\"批量许可\" count=\"3\"", "<license type=\"批量许可\" count=\"2\""}},
     "over-deployed", LEVEL_GENERAL, "bgs", "software=\"BG-WPS-01\" computer=\"NB-01\"",
     "2023-01-01 安装在 3 台计算机上，超出 1 台"},
    /* expired: the term's last day is still within it */
    {"expired_on_the_last_day_of_term_is_fine",
     {{"count=\"2\" term=\"永久\"", "count=\"2\" term=\"2023-12-20\""}},
     NULL, 0, NULL, NULL, NULL},
    {"expired_the_day_before",
     {{"count=\"2\" term=\"永久\"", "count=\"2\" term=\"2023-12-19\""}},
     "expired", LEVEL_SERIOUS, "bgs", "<commercial id=\"BG-WPS-02\"",
     "填表日期仍安装在 2 台计算机上：PC-02、NB-01"},
    {"expired_then_removed",
     {{"term=\"2024-12-31\"", "term=\"2023-05-28\""}},
     "expired", LEVEL_GENERAL, "bgs", "<commercial id=\"BG-MSO-01\"",
     "到期后仍在 1 台计算机上使用，2023-05-30 才全部卸载"},
    {"expired_removed_the_day_after_term",
     {{"term=\"2024-12-31\"", "term=\"2023-05-29\""}},
     NULL, 0, NULL, NULL, NULL},
    /* unlicensed */
    {"unlicensed_before_purchase",
     {{"<purchase date=\"2023-03-01\"", "<purchase date=\"2023-03-20\""}},
     "unlicensed", LEVEL_GENERAL, "yw", "software=\"BG-WPS-02\" computer=\"PC-02\"",
     "在购得许可（2023-03-20）之前就已安装"},
    {"unlicensed_after_disposal_until_removed",
     {{"<disposal date=\"2023-06-30\"", "<disposal date=\"2023-05-15\""}},
     "unlicensed", LEVEL_GENERAL, "ld",
     "software=\"BG-MSO-01\" computer=\"PC-03\" date=\"2022-07-01\"",
     "已于 2023-05-15 报废，2023-05-30 才卸载"},
    {"unlicensed_disposed_still_installed",
     {{"<serial>WPS-TEST-0001</serial>",
       "<serial>WPS-TEST-0001</serial><disposal date=\"2023-12-01\" reason=\"技术进步\"/>"}},
     "unlicensed", LEVEL_SERIOUS, "bgs", "software=\"BG-WPS-01\" computer=\"PC-01\"",
     "填表日期仍安装着"},
    {"unlicensed_free_on_the_list_for_all",
     {{"<dept ref=\"yw\"/>\n    </free>", "<allDepartments/>\n    </free>"},
      DEPLOY(BGS, "<install software=\"QT-READER\" version=\"V11\"/>"),
      LOG(EVENT("install", "QT-READER", "PC-01", "2023-06-02") V11 DEP6)},
     NULL, 0, NULL, NULL, NULL},
    {"unlicensed_free_removed_and_installed_again_is_one_finding",
     {DEPLOY(BGS, "<install software=\"QT-READER\" version=\"V11\"/>"
                  "<uninstall software=\"QT-READER\" version=\"V11\"/>"),
      LOG(EVENT("install", "QT-READER", "PC-01", "2023-06-02") V11 DEP6 "\n"
          EVENT("uninstall", "QT-READER", "PC-01", "2023-07-01") V11 DEP6),
      LOG(EVENT("install", "QT-READER", "PC-01", "2023-08-01") V11 DEP6)},
     "unlicensed", LEVEL_SERIOUS, "bgs", "computer=\"PC-01\" date=\"2023-08-01\"",
     "没有列办公室"},
    /* OEM copies */
    {"oem_moved_then_removed",
     {DEPLOY(BGS, "<install software=\"OEM-WIN7\"/><uninstall software=\"OEM-WIN7\"/>"),
      LOG(EVENT("install", "OEM-WIN7", "SV-01", "2023-06-02") DEP6),
      LOG(EVENT("uninstall", "OEM-WIN7", "SV-01", "2023-07-01") DEP6)},
     "oem-moved", LEVEL_GENERAL, "bgs",
     "software=\"OEM-WIN7\" computer=\"SV-01\" date=\"2023-06-02\"",
     "曾安装随机预装软件 OEM-WIN7"},
    {"oem_home_until_its_computer_was_disposed",
     {{"name=\"Windows 7 专业版\" version=\"SP1\" category=\"操作系统\" origin=\"国外\"",
       "name=\"Windows 7 家庭普通版\" version=\"SP1\" category=\"操作系统\" "
       "origin=\"国外\" home=\"true\""}},
     "oem-home", LEVEL_GENERAL, "ld", "<oem id=\"OEM-WIN7\"",
     "曾使用家庭版随机预装软件 OEM-WIN7（Windows 7 家庭普通版），至 2023-05-31"},
    /* serials */
    {"serial_with_fewer_seats_than_licences",
     {{"<serial>WPS-TEST-0001</serial>", "<serial seats=\"1\">WPS-TEST-0001</serial>"}},
     "serial-misuse", LEVEL_GENERAL, "bgs", "WPS-TEST-0001</serial>",
     "第 1 个序列号（尾号 -0001）可安装 1 台，2023-01-01 安装在 3 台"},
    {"serials_each_on_its_own_computer",
     {{"count=\"1\" term=\"永久\"/>\n      <serial>WS-TEST-0001</serial>",
       "count=\"2\" term=\"永久\"/>\n      <serial>WS-TEST-0001</serial>"
       "<serial>WS-TEST-0002</serial>"},
      {COMPUTERS_END, "<computer id=\"SV-02\" kind=\"server\" brand=\"浪潮\" dept=\"bgs\" "
                      "acquired=\"2021-06-01\"/>\n" COMPUTERS_END},
      LOG(EVENT("install", "XT-WS-01", "SV-02", "2022-04-06")
          "deployment=\"DEP-2\" serial=\"WS-TEST-0002\"/>")},
     NULL, 0, NULL, NULL, NULL},
    /* unauthorised changes */
    {"unauthorised_upgrade_is_one_finding",
     {LOG(EVENT("uninstall", "SD360AQWS0", "PC-01", "2023-08-01") V13 PRIVATE "\n"
          EVENT("install", "SD360AQWS0", "PC-01", "2023-08-01") "version=\"V14\" " PRIVATE)},
     "unauthorised", LEVEL_GENERAL, "bgs", "version=\"V14\"",
     "2023-08-01 私自把 SD360AQWS0（360安全卫士）升级为"},
    {"unauthorised_uninstall",
     {LOG(EVENT("uninstall", "SD360AQWS0", "PC-01", "2023-08-01") V13 PRIVATE)},
     "unauthorised", LEVEL_GENERAL, "bgs", "computer=\"PC-01\" date=\"2023-08-01\"",
     "私自卸载了 SD360AQWS0（360安全卫士）"},
    /* pledges: signed by the as-of date */
    {"pledge_after_the_as_of_date",
     {{"phone=\"13900000004\" pledged=\"2023-02-01\"",
       "phone=\"13900000004\" pledged=\"2023-12-21\""}},
     "no-pledge", LEVEL_MINOR, "yw", "<person id=\"s4\"",
     "丁股长（业务股）使用计算机 PC-02，到填表日期尚未签署"},
    {"pledge_on_the_as_of_date",
     {{"phone=\"13900000004\" pledged=\"2023-02-01\"",
       "phone=\"13900000004\" pledged=\"2023-12-20\""}},
     NULL, 0, NULL, NULL, NULL},
    {"no_pledge_without_a_computer_in_service",
     {{"phone=\"13900000002\" pledged=\"2023-02-01\"", "phone=\"13900000002\""}},
     NULL, 0, NULL, NULL, NULL},
    /* ledger updates: six months before 2023-12-20 is 2023-06-20 */
    {"updated_six_months_before",
     {{REVISIONS, "<revision date=\"2023-06-20\" by=\"s3\"/>"}},
     NULL, 0, NULL, NULL, NULL},
    {"not_updated_for_six_months",
     {{REVISIONS, "<revision date=\"2023-06-19\" by=\"s3\"/>"}},
     "stale-ledger", LEVEL_GENERAL, "bgs", "2023-06-19",
     "台账最近一次更新在 2023-06-19，到填表日期 2023-12-20 已超过六个月"},
    /* demand gaps: 业务股 asks for 3 office licences and uses 1 */
    {"demand_covered_by_the_plan",
     {DEMAND(""), PLAN("2023-03-10", "2")},
     NULL, 0, NULL, NULL, NULL},
    {"demand_partly_covered",
     {DEMAND(""), PLAN("2023-03-10", "1")},
     "demand-gap", LEVEL_GENERAL, "bgs", "<need category=\"办公\"",
     "业务股本年度申请办公类软件许可 3 个（需求申请 XQ-1），在用 1 个，采购计划补足 1 个，仍差 1 个"},
    {"demand_and_last_years_plan",
     {DEMAND(""), PLAN("2022-12-10", "2")},
     "demand-gap", LEVEL_GENERAL, "bgs", "<need category=\"办公\"",
     "采购计划补足 0 个，仍差 2 个"},
    {"demand_refused_by_the_it_department",
     {DEMAND(" agree=\"false\"")},
     NULL, 0, NULL, NULL, NULL},
    /* operating systems */
    {"no_os_on_a_computer_not_yet_acquired",
     {{COMPUTERS_END, PC04 "user=\"s2\" acquired=\"2023-12-21\"/>\n" COMPUTERS_END}},
     NULL, 0, NULL, NULL, NULL},
};

/* The clean ledger with the edits of C (malloc'ed), or NULL when an edit
   does not apply. */
static char *edited(const audit_case *c)
{
    char *text = strdup(clean);
    for (size_t i = 0; i < 3 && c->edits[i].from && text; i++) {
        char *next = fixture_replace(text, c->edits[i].from, c->edits[i].to);
        free(text);
        text = next;
    }
    return text;
}

/* Load TEXT and audit it into A; the front and history are released. */
static zb_status audit_text(const char *text, zb_audit *a)
{
    zb_front front;
    zb_diags diags = {0};
    zb_history h = {0};
    zb_status st = front_load_memory(schema, "case.xml", text, strlen(text),
                                     &front, &diags);
    if (st == ZB_OK)
        st = history_build(front.ledger, &h);
    if (st == ZB_OK)
        st = audit_run(front.ledger, &h, a);
    if (st != ZB_OK)
        for (size_t i = 0; i < diags.count; i++)
            printf("    %ld: %s\n", diags.items[i].line,
                   diags.items[i].message);
    history_free(&h);
    front_free(&front);
    diags_free(&diags);
    return st;
}

/* The id of department D of the clean ledger's family. */
static const char *dept_id(int d)
{
    static const char *const ids[] = {"ld", "bgs", "yw"};
    return d == ZB_NONE ? "(none)" : ids[d];
}

static void run_case(const audit_case *c)
{
    test_name = c->name;
    test_this_failed = 0;
    char *text = edited(c);
    zb_audit a = {0};
    EXPECT(text != NULL);
    EXPECT(text && audit_text(text, &a) == ZB_OK);
    EXPECT(a.nfindings == (c->check ? 1u : 0u));
    for (size_t i = 0; i < a.nfindings; i++)
        printf("    found %s %s: %s\n", a.findings[i].id,
               audit_level_name(a.findings[i].level), a.findings[i].text);
    if (c->check && a.nfindings == 1 && text) {
        const zb_finding *f = &a.findings[0];
        EXPECT_STR(f->check->id, c->check);
        EXPECT(f->level == c->level);
        EXPECT_STR(dept_id(f->dept), c->dept);
        EXPECT(f->line == fixture_line_of(text, c->at));
        EXPECT(strstr(f->text, c->says) != NULL);
        if (!strstr(f->text, c->says))
            printf("    text \"%s\"\n", f->text);
    }
    audit_free(&a);
    free(text);
    if (test_this_failed)
        test_failures++;
    else
        printf("PASS %s\n", c->name);
}

TEST(clean_ledger_has_no_findings)
{
    zb_audit a = {0};
    EXPECT(audit_text(clean, &a) == ZB_OK);
    EXPECT(a.nfindings == 0);
    EXPECT(a.nratings == 3);
    for (size_t i = 0; i < a.nratings; i++)
        EXPECT(a.ratings[i].score == 100 &&
               a.ratings[i].grade == GRADE_EXCELLENT);
    audit_free(&a);
}

/* Findings of three departments and three levels come by level, then
   department in ledger order; each 股室 is rated on its own findings. */
TEST(findings_in_report_order)
{
    audit_case c = {
        "order",
        {{COMPUTERS_END, PC04 "user=\"s2\" acquired=\"2023-06-01\"/>\n" COMPUTERS_END},
         {"phone=\"13900000004\" pledged=\"2023-02-01\"", "phone=\"13900000004\""},
         LOG(EVENT("install", "SD360AQWS0", "PC-02", "2023-08-01") V13 PRIVATE "\n"
             EVENT("install", "QT-READER", "PC-01", "2023-08-01") V11 PRIVATE)},
        NULL, 0, NULL, NULL, NULL};
    char *text = edited(&c);
    zb_audit a = {0};
    EXPECT(text && audit_text(text, &a) == ZB_OK);
    static const char *const want[] = {
        "no-os:PC-04", "unlicensed:PC-01:QT-READER",
        "unauthorised:PC-01:QT-READER:2023-08-01:install",
        "unauthorised:PC-02:SD360AQWS0:2023-08-01:install", "no-pledge:s4"};
    EXPECT(a.nfindings == 5);
    for (size_t i = 0; i < a.nfindings && i < 5; i++)
        EXPECT_STR(a.findings[i].id, want[i]);
    /* 局领导 100 - 30; 办公室 100 - 30 - 15; 业务股 100 - 15 - 5; the
       unit 100 - 2 × 30 - 2 × 15 - 5 */
    EXPECT(a.nratings == 3);
    EXPECT(a.ratings[0].score == 70 && a.ratings[0].grade == GRADE_BASIC);
    EXPECT(a.ratings[1].score == 55 && a.ratings[1].grade == GRADE_FAIL);
    EXPECT(a.ratings[2].score == 80 && a.ratings[2].grade == GRADE_PASS);
    EXPECT(a.unit.score == 5 && a.unit.grade == GRADE_FAIL);
    /* the reasons: 办公室 lost 30 for unlicensed software and 15 for a
       change without authority; the unit 30 for each serious check */
    const zb_rating *bgs = &a.ratings[1];
    EXPECT(bgs->nreasons == 2);
    EXPECT(bgs->nreasons == 2 && !strcmp(bgs->reasons[0].check->id, "unlicensed") &&
           bgs->reasons[0].findings == 1 && bgs->reasons[0].points == 30 &&
           !strcmp(bgs->reasons[1].check->id, "unauthorised") &&
           bgs->reasons[1].points == 15);
    EXPECT(a.unit.nreasons == 4 && a.per_check[6].findings == 2 &&
           a.per_check[6].points == 30 && a.per_check[10].points == 30);
    audit_free(&a);
    free(text);
}

/* The rule of README "考核评议": 100 less 30, 15 and 5 a finding;
   90 优秀, 80 合格, 60 基本合格. Each boundary from both sides. */
TEST(grades_on_their_boundaries)
{
    static const struct {
        int serious, general, minor, score;
        zb_grade grade;
    } cases[] = {
        {0, 0, 0, 100, GRADE_EXCELLENT},
        {0, 0, 2, 90, GRADE_EXCELLENT},
        {0, 0, 3, 85, GRADE_PASS},
        {0, 1, 0, 85, GRADE_PASS},
        {0, 1, 1, 80, GRADE_PASS},
        {0, 0, 4, 80, GRADE_PASS},
        {0, 0, 5, 75, GRADE_BASIC},
        {1, 0, 0, 70, GRADE_BASIC},
        {0, 2, 2, 60, GRADE_BASIC},
        {0, 0, 8, 60, GRADE_BASIC},
        {0, 0, 9, 55, GRADE_FAIL},
        {1, 1, 0, 55, GRADE_FAIL},
        {2, 0, 0, 40, GRADE_FAIL},
        {4, 0, 0, 0, GRADE_FAIL},
        {100000, 100000, 100000, 0, GRADE_FAIL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int counts[LEVEL_COUNT] = {cases[i].serious, cases[i].general,
                                   cases[i].minor};
        zb_rating r;
        audit_rate(counts, &r);
        EXPECT(r.score == cases[i].score);
        EXPECT(r.grade == cases[i].grade);
        if (r.score != cases[i].score || r.grade != cases[i].grade)
            printf("    case %zu: %d 分 %s\n", i, r.score,
                   audit_grade_name(r.grade));
    }
    EXPECT_STR(audit_grade_name(GRADE_BASIC), "基本合格");
    EXPECT_STR(audit_level_name(LEVEL_MINOR), "轻微");
}

/* Every check has a distinct id, a name, an article with its words and a
   function. */
TEST(every_check_has_an_article)
{
    size_t n;
    const zb_audit_check *checks = audit_checks(&n);
    EXPECT(n == 11);
    for (size_t i = 0; i < n; i++) {
        EXPECT(checks[i].article &&
               strstr(checks[i].article, "《") == checks[i].article);
        EXPECT(checks[i].quote && strlen(checks[i].quote) > 20);
        EXPECT(checks[i].name && checks[i].text && checks[i].run);
        for (size_t k = 0; k < i; k++)
            EXPECT(strcmp(checks[i].id, checks[k].id) != 0);
    }
}

int main(void)
{
    schema = fixture_schema();
    clean = fixture_read("sample-data/audit/clean.xml");
    if (!schema || !clean) {
        printf("FAIL setup: cannot read the schema or the clean ledger\n");
        return 1;
    }
    RUN(clean_ledger_has_no_findings);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        run_case(&cases[i]);
    RUN(findings_in_report_order);
    RUN(grades_on_their_boundaries);
    RUN(every_check_has_an_article);
    free(clean);
    schema_close(schema);
    return test_summary();
}
