/* Unit tests for src/parse/ledger: the C model of the sample ledger, its
   defaults and references, and robustness on documents the schema would
   refuse. The expected figures are counted by hand from the sample. */
#include "test.h"

#include "fixtures.h"
#include "parse/ledger.h"
#include "parse/xml_load.h"
#include "pipeline/front.h"

static zb_schema *schema;
static zb_front sample;
static const zb_ledger *l;
static char *sample_text;

static int find(zb_table t, const char *id)
{
    return ledger_find(l, t, id);
}

static const zb_software *software(const char *id)
{
    int i = find(TABLE_SOFTWARE, id);
    return i == ZB_NONE ? NULL : &l->software[i];
}

static long line_of(const char *needle)
{
    return fixture_line_of(sample_text, needle);
}

TEST(unit_and_counts)
{
    EXPECT(l->year == 2023 && l->as_of == 20231225);
    EXPECT_STR(l->unit_name, "桐川县医疗保障局");
    EXPECT_STR(l->staff[l->filler].name, "陆雅琴");
    EXPECT_STR(l->departments[l->it_dept].name, "办公室");
    EXPECT_STR(l->departments[l->finance_dept].name, "规划财务股");
    EXPECT(l->responsible_dept == l->it_dept && l->assets_dept == l->it_dept);
    EXPECT(l->form_number[FORM_LEADERSHIP] == 1 &&
           l->form_number[FORM_STATISTICS] == 5 &&
           l->form_number[FORM_CONFIRMATION] == 11);
    EXPECT(l->ndepartments == 7 && l->nstaff == 31 && l->nmembers == 6);
    EXPECT(l->ncomputers == 35 && l->nsoftware == 16 && l->nevents == 204);
    EXPECT(l->nrevisions == 5 && l->ndemands == 3 && l->nplans == 1);
    EXPECT(l->ndeployments == 7 && l->nrequests == 7 && l->nconfirmations == 9);
    EXPECT(l->ninspections == 2 && l->ntrainings == 2 && l->ndocuments == 3);
}

TEST(leadership_and_staff)
{
    EXPECT(l->members[0].role == LEADER_HEAD &&
           l->members[1].role == LEADER_DEPUTY);
    EXPECT_STR(l->staff[l->members[0].staff].post, "党组书记、局长");
    int s31 = find(TABLE_STAFF, "s31");
    EXPECT(s31 != ZB_NONE && l->staff[s31].pledged == 0);
    EXPECT(l->staff[find(TABLE_STAFF, "s01")].pledged == 20230628);
    EXPECT_STR(l->departments[l->staff[s31].dept].name, "医保中心");
}

TEST(computers_and_their_departments)
{
    int server = find(TABLE_COMPUTER, "TCYB-SV-01");
    int shared = find(TABLE_COMPUTER, "TCYB-PC-017");
    int old = find(TABLE_COMPUTER, "TCYB-PC-004");
    EXPECT(server != ZB_NONE && l->computers[server].kind == COMPUTER_SERVER);
    EXPECT_STR(l->departments[l->computers[server].dept].name, "办公室");
    EXPECT(l->computers[shared].user == ZB_NONE);
    EXPECT_STR(l->departments[l->computers[shared].dept].name, "办公室");
    EXPECT(l->computers[shared].line == line_of("id=\"TCYB-PC-017\""));
    EXPECT(l->computers[old].disposed == 20230815 &&
           l->computers[old].acquired == 20141103);
    size_t servers = 0, desktops = 0, laptops = 0, disposed = 0;
    for (size_t i = 0; i < l->ncomputers; i++) {
        servers += l->computers[i].kind == COMPUTER_SERVER;
        desktops += l->computers[i].kind == COMPUTER_DESKTOP;
        laptops += l->computers[i].kind == COMPUTER_LAPTOP;
        disposed += l->computers[i].disposed != 0;
    }
    EXPECT(servers == 2 && desktops == 28 && laptops == 5 && disposed == 1);
}

TEST(commercial_software)
{
    const zb_software *wps = software("BG-WPS2019-01");
    EXPECT(wps && wps->kind == SOFTWARE_COMMERCIAL);
    if (!wps)
        return;
    EXPECT(wps->commercial.amount == 1740000 &&
           wps->commercial.purchased == 20220328);
    EXPECT(wps->commercial.license_count == 30 &&
           wps->commercial.term_end == 0);
    EXPECT(wps->category == CATEGORY_OFFICE && wps->origin == ORIGIN_DOMESTIC);
    EXPECT(wps->commercial.nserials == 1 &&
           wps->commercial.serials[0].seats == 30);
    EXPECT(wps->line == line_of("id=\"BG-WPS2019-01\""));
    const zb_software *ws = software("XT-WS2019-01");
    EXPECT(ws && ws->commercial.nserials == 2 &&
           ws->commercial.serials[1].seats == 1);
    EXPECT(ws && ws->origin == ORIGIN_FOREIGN && ws->category == CATEGORY_OS);
    const zb_software *rx = software("SD-RX2022-01");
    EXPECT(rx && rx->commercial.term_end == 20230630);
    const zb_software *mso = software("BG-MSO2016-01");
    EXPECT(mso && mso->commercial.donated && mso->commercial.amount == 0 &&
           mso->commercial.purchased == 0);
    EXPECT(mso && mso->commercial.disposed == 20231031 &&
           mso->commercial.disposal_reason == DISPOSAL_OBSOLETE);
    EXPECT_STR(mso ? mso->commercial.donation_kind : NULL, "调剂");
}

TEST(oem_and_free_software)
{
    const zb_software *home = software("OEM-WIN10HOME");
    EXPECT(home && home->kind == SOFTWARE_OEM && home->oem.home);
    EXPECT(home && home->oem.nmachines == 1 &&
           home->oem.machines[0] == find(TABLE_COMPUTER, "TCYB-NB-03"));
    const zb_software *pro = software("OEM-WIN10PRO-1809");
    EXPECT(pro && !pro->oem.home && pro->oem.nmachines == 16);
    const zb_software *uos = software("OEM-UOS20PRO");
    EXPECT(uos && uos->origin == ORIGIN_DOMESTIC);
    const zb_software *guard = software("SD360AQWS0");
    EXPECT(guard && guard->kind == SOFTWARE_FREE && guard->version == NULL);
    EXPECT(guard && guard->freeware.all_depts && guard->origin == ORIGIN_NONE);
    EXPECT_STR(guard ? guard->freeware.reason : NULL, "维护电脑安全");
    const zb_software *reader = software("QT-FOXIT00");
    EXPECT(reader && !reader->freeware.all_depts &&
           reader->freeware.ndepts == 1);
}

TEST(demands_and_plans)
{
    const zb_demand *d = &l->demands[0];
    EXPECT(d->needs[CATEGORY_OFFICE].present &&
           d->needs[CATEGORY_OFFICE].count == 10);
    EXPECT(!d->needs[CATEGORY_OS].present &&
           d->needs[CATEGORY_ANTIVIRUS].count == 12);
    EXPECT(d->it_review.present && d->it_review.agree &&
           d->it_review.date == 20230310);
    const zb_plan *p = &l->plans[0];
    EXPECT(p->nitems == 3 && p->items[0].unit_price == 62000 &&
           p->items[0].count == 10);
    EXPECT(p->items[1].unit_price == 9500 &&
           p->items[1].software == find(TABLE_SOFTWARE, "SD-RX2023-01"));
    EXPECT(p->leader_approval.present &&
           p->leader_approval.by == find(TABLE_STAFF, "s01"));
}

TEST(requests_deployments_confirmations)
{
    const zb_request *up = &l->requests[find(TABLE_REQUEST, "SQ2023-001")];
    EXPECT(up->change.kind == CHANGE_UPGRADE && up->approved &&
           up->approved_on == 20230516);
    EXPECT(up->change.old_software == find(TABLE_SOFTWARE, "BG-WPS2019-01"));
    EXPECT_STR(up->change.new_version, "2023");
    const zb_request *refused = &l->requests[find(TABLE_REQUEST, "SQ2023-005")];
    EXPECT(!refused->approved && refused->it_opinion.present &&
           !refused->it_opinion.agree);
    EXPECT(refused->line == line_of("id=\"SQ2023-005\""));
    const zb_deployment *dep =
        &l->deployments[find(TABLE_DEPLOYMENT, "DEP-2023-03")];
    EXPECT(dep->nchanges == 6 && dep->ndepts == 1 && !dep->all_depts);
    EXPECT(dep->changes[0].kind == CHANGE_UNINSTALL &&
           dep->changes[3].kind == CHANGE_INSTALL);
    const zb_confirmation *q =
        &l->confirmations[find(TABLE_CONFIRMATION, "QR2023-001")];
    EXPECT_STR(q->result, "已完成");
    EXPECT(q->signed_by == find(TABLE_STAFF, "s09"));
}

TEST(events_with_defaults)
{
    const zb_event *e = &l->events[0];
    EXPECT(e->action == ACTION_INSTALL && e->date == 20220411);
    EXPECT(e->software == find(TABLE_SOFTWARE, "BG-WPS2019-01"));
    EXPECT(e->computer == find(TABLE_COMPUTER, "TCYB-PC-001"));
    EXPECT_STR(e->version, "2019");
    EXPECT(e->deployment == find(TABLE_DEPLOYMENT, "DEP-2022-01") &&
           e->request == ZB_NONE && e->confirmation == ZB_NONE &&
           !e->unauthorised);
    EXPECT(e->line ==
           line_of("<event action=\"install\" software=\"BG-WPS2019-01\" "
                   "computer=\"TCYB-PC-001\""));
    EXPECT_STR(l->events[2].version, "V13");
    size_t with_serial = 0;
    for (size_t i = 0; i < l->nevents; i++)
        with_serial += l->events[i].serial != NULL;
    EXPECT(with_serial == 4);
    EXPECT(ledger_find(l, TABLE_STAFF, "nobody") == ZB_NONE);
}

TEST(documents)
{
    const zb_document *report = &l->documents[1];
    EXPECT(report->kind == DOCUMENT_REPORT && report->upward && report->sealed);
    EXPECT(report->signer == find(TABLE_STAFF, "s01") &&
           report->date == 20231225);
    EXPECT_STR(report->title,
               "桐川县医疗保障局关于2023年度软件正版化工作情况的报告");
    EXPECT(report->nattachments == 1 &&
           report->attachments[0].form == FORM_STATISTICS);
    const zb_document *notice = &l->documents[2];
    EXPECT(notice->kind == DOCUMENT_INSPECTION_NOTICE && !notice->sealed);
    EXPECT(notice->nattachments == 4 &&
           notice->attachments[0].form == FORM_SUMMARY &&
           notice->attachments[1].form == FORM_DETAIL &&
           notice->attachments[2].form == FORM_AUDIT &&
           notice->attachments[3].form == FORM_COUNT);
    EXPECT(l->documents[0].nattachments == 0);
    /* the body's sections */
    EXPECT(report->nsections == 3 &&
           report->sections[0].topic == TOPIC_RESPONSIBILITY &&
           report->sections[2].topic == TOPIC_PLAN);
    static const struct {
        zb_topic topic;
        int depth, headed;
    } want[] = {{TOPIC_NONE, 1, 1}, {TOPIC_FINDINGS, 1, 0},
                {TOPIC_RATINGS, 1, 0}, {TOPIC_NONE, 1, 1}};
    EXPECT(notice->nsections == 4);
    for (size_t i = 0; i < 4 && i < notice->nsections; i++)
        EXPECT(notice->sections[i].topic == want[i].topic &&
               notice->sections[i].depth == want[i].depth &&
               notice->sections[i].headed == want[i].headed &&
               notice->sections[i].line > notice->line);
    EXPECT_STR(ledger_topic_name(TOPIC_FINDINGS), "findings");
}

TEST(nested_sections_follow_their_parent)
{
    char *text = fixture_read("tests/data/minimal.xml");
    char *nested =
        text ? fixture_replace(text, "<section topic=\"plan\">",
                               "<section heading=\"甲\"><section heading=\"乙\">"
                               "<p>乙。</p></section></section>"
                               "<section topic=\"plan\">")
             : NULL;
    zb_front f;
    zb_diags d = {0};
    EXPECT(nested && front_load_memory(schema, "t.xml", nested, strlen(nested),
                                       &f, &d) == ZB_OK);
    const zb_document *doc = f.ledger ? &f.ledger->documents[0] : NULL;
    EXPECT(doc && doc->nsections == 3);
    if (doc && doc->nsections == 3)
        EXPECT(doc->sections[0].depth == 1 && doc->sections[0].headed &&
               doc->sections[1].depth == 2 && doc->sections[1].headed &&
               doc->sections[2].depth == 1 &&
               doc->sections[2].topic == TOPIC_PLAN);
    front_free(&f);
    diags_free(&d);
    free(nested);
    free(text);
}

TEST(whitespace_is_collapsed_as_the_schema_reads_it)
{
    char *text = fixture_read("tests/data/minimal.xml");
    char *spaced = text ? fixture_replace(text, "name=\"甲局长\" dept=\"ld\"",
                                          "name=\"  甲\n局长 \" dept=\" ld \"")
                        : NULL;
    zb_front f;
    zb_diags d = {0};
    EXPECT(spaced && front_load_memory(schema, "t.xml", spaced, strlen(spaced),
                                       &f, &d) == ZB_OK);
    if (f.ledger) {
        EXPECT_STR(f.ledger->staff[0].name, "甲 局长");
        EXPECT(f.ledger->staff[0].dept ==
               ledger_find(f.ledger, TABLE_DEPARTMENT, "ld"));
    }
    front_free(&f);
    diags_free(&d);
    free(spaced);
    free(text);
}

TEST(read_survives_documents_the_schema_refuses)
{
    static const char *const docs[] = {
        "<ledger xmlns=\"urn:zhengban:ledger:1\"/>",
        "<ledger xmlns=\"urn:zhengban:ledger:1\" year=\"x\"><staff><person id=\"a\" "
        "dept=\"nowhere\"/><person id=\"a\"/></staff><log><event software=\"Q\"/>"
        "</log></ledger>",
        "<other/>",
    };
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        zb_diags d = {0};
        xmlDocPtr doc = NULL;
        zb_ledger *bad = NULL;
        EXPECT(xml_load_memory(docs[i], strlen(docs[i]), "t.xml", &d, &doc) ==
               ZB_OK);
        zb_status st = ledger_read(doc, "t.xml", &bad, &d);
        EXPECT(i == 0 ? st == ZB_OK : st == ZB_ERR_INVALID);
        EXPECT(i == 0 ? bad != NULL : bad == NULL && d.errors > 0);
        ledger_free(bad);
        xmlFreeDoc(doc);
        diags_free(&d);
    }
}

int main(void)
{
    xml_init();
    schema = fixture_schema();
    sample_text = fixture_read("sample-data/county-medical-insurance-2023.xml");
    char *path = fixture_path("sample-data/county-medical-insurance-2023.xml");
    zb_diags d = {0};
    if (!schema || !sample_text ||
        front_load_file(schema, path, &sample, &d) != ZB_OK) {
        printf("FAIL setup: the sample ledger does not load under %s\n",
               fixture_top());
        diags_print(&d, stdout);
        return 1;
    }
    l = sample.ledger;
    RUN(unit_and_counts);
    RUN(leadership_and_staff);
    RUN(computers_and_their_departments);
    RUN(commercial_software);
    RUN(oem_and_free_software);
    RUN(demands_and_plans);
    RUN(requests_deployments_confirmations);
    RUN(events_with_defaults);
    RUN(documents);
    RUN(nested_sections_follow_their_parent);
    RUN(whitespace_is_collapsed_as_the_schema_reads_it);
    RUN(read_survives_documents_the_schema_refuses);
    front_free(&sample);
    diags_free(&d);
    free(path);
    free(sample_text);
    schema_close(schema);
    xml_cleanup();
    return test_summary();
}
