#include "ledger.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_fields.h"
#include "xml_load.h"

static const char *const category_names[] = {"操作系统", "办公", "杀毒",
                                             "其他"};
static const char *const origin_names[] = {"", "国内", "国外"};
static const char *const kind_names[] = {"server", "desktop", "laptop"};
static const char *const role_names[] = {"组长", "副组长", "成员"};
static const char *const reason_names[] = {"达到使用年限", "技术进步",
                                           "硬件报废"};
static const char *const action_names[] = {"install", "uninstall"};
static const char *const document_names[] = {"report", "systems-notice",
                                             "inspection-notice", "general"};
static const char *const topic_names[] = {
    "",         "responsibility", "procurement", "usage", "inspection",
    "training", "plan",           "findings",    "ratings"};
static const char *const form_names[] = {
    "leadership", "pledge", "demand", "plan",    "statistics",   "freelist",
    "summary",    "detail", "log",    "request", "confirmation", "audit"};

#define ENUM(r, node, name, values)                                            \
    field_enum(r, node, name, values, (int)(sizeof values / sizeof *values))

/* ---- indexes ----------------------------------------------------------- */

/* Where the records of each keyed table are: the section and, inside it,
   the element name (NULL: every element, for the three kinds of software). */
static const struct {
    const char *section;
    const char *element;
} table_places[TABLE_COUNT] = {
    [TABLE_DEPARTMENT] = {"departments", "department"},
    [TABLE_STAFF] = {"staff", "person"},
    [TABLE_COMPUTER] = {"computers", "computer"},
    [TABLE_SOFTWARE] = {"software", NULL},
    [TABLE_REQUEST] = {"requests", "request"},
    [TABLE_DEPLOYMENT] = {"deployments", "deployment"},
    [TABLE_CONFIRMATION] = {"confirmations", "confirmation"},
};

static xmlNodePtr section(xmlNodePtr root, const char *name)
{
    FOR_EACH_CHILD(n, root)
    if (field_is(n, name))
        return n;
    return NULL;
}

static void index_table(zb_reader *r, xmlNodePtr root, zb_table table)
{
    xmlNodePtr sec = section(root, table_places[table].section);
    xmlHashTablePtr h = xmlHashCreate((int)field_count(sec) + 1);
    r->ledger->store->index[table] = h;
    if (!h) {
        r->status = ZB_ERR_NOMEM;
        return;
    }
    intptr_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        const char *el = table_places[table].element;
        if (el && !field_is(n, el))
            continue;
        const char *id = field_str(r, n, "id");
        if (!id || xmlHashAddEntry(h, (const xmlChar *)id, (void *)(i + 1)))
            field_fail(r, n, "id 缺失或重复");
        i++;
    }
}

/* ---- shared pieces ----------------------------------------------------- */

static void read_review(zb_reader *r, xmlNodePtr n, zb_review *out)
{
    out->present = 1;
    out->by = field_ref(r, n, "by", TABLE_STAFF);
    out->date = field_date(r, n, "date");
    out->agree = field_flag(r, n, "agree", 1);
    out->text = field_text(r, n);
}

static const char *catalogue_version(zb_reader *r, int software)
{
    return software == ZB_NONE ? NULL : r->ledger->software[software].version;
}

/* The version in attribute NAME, else the catalogue version of SOFTWARE. */
static const char *version_or_default(zb_reader *r, xmlNodePtr n,
                                      const char *name, int software)
{
    const char *v = field_str(r, n, name);
    return v ? v : catalogue_version(r, software);
}

static int is_change(xmlNodePtr n)
{
    return field_is(n, "install") || field_is(n, "uninstall") ||
           field_is(n, "upgrade");
}

static void read_change(zb_reader *r, xmlNodePtr n, zb_change *c)
{
    c->old_software = c->new_software = ZB_NONE;
    c->line = xml_node_line(n);
    if (field_is(n, "install")) {
        c->kind = CHANGE_INSTALL;
        c->new_software = field_ref(r, n, "software", TABLE_SOFTWARE);
        c->new_version = version_or_default(r, n, "version", c->new_software);
    } else if (field_is(n, "uninstall")) {
        c->kind = CHANGE_UNINSTALL;
        c->old_software = field_ref(r, n, "software", TABLE_SOFTWARE);
        c->old_version = version_or_default(r, n, "version", c->old_software);
    } else if (field_is(n, "upgrade")) {
        c->kind = CHANGE_UPGRADE;
        c->old_software = field_ref(r, n, "from", TABLE_SOFTWARE);
        c->old_version =
            version_or_default(r, n, "fromVersion", c->old_software);
        c->new_software = field_ref(r, n, "to", TABLE_SOFTWARE);
        c->new_version = version_or_default(r, n, "toVersion", c->new_software);
    } else {
        field_fail(r, n, "应为 install、uninstall 或 upgrade");
    }
}

/* Read the departments named by <dept ref> children, or <allDepartments>. */
static void read_dept_list(zb_reader *r, xmlNodePtr parent, int *all,
                           const int **depts, size_t *ndepts)
{
    size_t n = 0;
    FOR_EACH_CHILD(c, parent)
    n += field_is(c, "dept");
    int *list = field_array(r, n, sizeof *list);
    size_t i = 0;
    FOR_EACH_CHILD(c, parent)
    {
        if (field_is(c, "allDepartments"))
            *all = 1;
        else if (field_is(c, "dept") && list)
            list[i++] = field_ref(r, c, "ref", TABLE_DEPARTMENT);
    }
    *depts = list;
    *ndepts = i;
}

/* Allocate the array for the N element children of SEC; *COUNT gets N. */
#define ALLOC_LIST(r, sec, field)                                              \
    do {                                                                       \
        (r)->ledger->n##field = field_count(sec);                              \
        (r)->ledger->field =                                                   \
            field_array(r, (r)->ledger->n##field, sizeof *(r)->ledger->field); \
        if (!(r)->ledger->field)                                               \
            (r)->ledger->n##field = 0;                                         \
    } while (0)

/* ---- sections ---------------------------------------------------------- */

static void read_unit(zb_reader *r, xmlNodePtr sec)
{
    zb_ledger *l = r->ledger;
    l->unit_name = field_str(r, sec, "name");
    l->filler = field_ref(r, sec, "filler", TABLE_STAFF);
    FOR_EACH_CHILD(n, sec)
    {
        if (field_is(n, "roles")) {
            FOR_EACH_CHILD(role, n)
            {
                int *dept = field_is(role, "responsible") ? &l->responsible_dept
                            : field_is(role, "it")        ? &l->it_dept
                            : field_is(role, "assets")    ? &l->assets_dept
                                                          : &l->finance_dept;
                *dept = field_ref(r, role, "dept", TABLE_DEPARTMENT);
            }
        } else if (field_is(n, "numbering")) {
            FOR_EACH_CHILD(f, n)
            {
                int form = ENUM(r, f, "name", form_names);
                l->form_number[form] = field_count_attr(r, f, "number");
                l->form_number_line[form] = xml_node_line(f);
            }
        }
    }
}

static void read_revisions(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, revisions);
    zb_revision *out = (zb_revision *)r->ledger->revisions;
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        if (i == r->ledger->nrevisions)
            break;
        out[i++] = (zb_revision){
            .date = field_date(r, n, "date"),
            .by = field_ref(r, n, "by", TABLE_STAFF),
            .note = field_str(r, n, "note"),
            .line = xml_node_line(n),
        };
    }
}

static void read_departments(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, departments);
    zb_department *out = (zb_department *)r->ledger->departments;
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        if (i == r->ledger->ndepartments)
            break;
        out[i++] = (zb_department){
            .id = field_str(r, n, "id"),
            .name = field_str(r, n, "name"),
            .head = field_ref(r, n, "head", TABLE_STAFF),
            .phone = field_str(r, n, "phone"),
            .fax = field_str(r, n, "fax"),
            .line = xml_node_line(n),
        };
    }
}

static void read_staff(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, staff);
    zb_person *out = (zb_person *)r->ledger->staff;
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        if (i == r->ledger->nstaff)
            break;
        out[i++] = (zb_person){
            .id = field_str(r, n, "id"),
            .name = field_str(r, n, "name"),
            .dept = field_ref(r, n, "dept", TABLE_DEPARTMENT),
            .post = field_str(r, n, "post"),
            .phone = field_str(r, n, "phone"),
            .pledged = field_date(r, n, "pledged"),
            .line = xml_node_line(n),
        };
    }
}

static void read_leadership(zb_reader *r, xmlNodePtr sec)
{
    r->ledger->leadership_line = xml_node_line(sec);
    ALLOC_LIST(r, sec, members);
    zb_member *out = (zb_member *)r->ledger->members;
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        if (i == r->ledger->nmembers)
            break;
        out[i++] = (zb_member){
            .staff = field_ref(r, n, "staff", TABLE_STAFF),
            .role = (zb_leader_role)ENUM(r, n, "role", role_names),
            .fax = field_str(r, n, "fax"),
            .note = field_str(r, n, "note"),
            .line = xml_node_line(n),
        };
    }
}

static void read_computers(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, computers);
    zb_computer *out = (zb_computer *)r->ledger->computers;
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        if (i == r->ledger->ncomputers)
            break;
        zb_computer *c = &out[i++];
        *c = (zb_computer){
            .id = field_str(r, n, "id"),
            .kind = (zb_computer_kind)ENUM(r, n, "kind", kind_names),
            .brand = field_str(r, n, "brand"),
            .model = field_str(r, n, "model"),
            .user = field_ref(r, n, "user", TABLE_STAFF),
            .dept = field_ref(r, n, "dept", TABLE_DEPARTMENT),
            .acquired = field_date(r, n, "acquired"),
            .disposed = field_date(r, n, "disposed"),
            .line = xml_node_line(n),
        };
        if (c->user != ZB_NONE)
            c->dept = r->ledger->staff[c->user].dept;
    }
}

/* ---- software ---------------------------------------------------------- */

static void read_serials(zb_reader *r, xmlNodePtr n, zb_commercial *c)
{
    size_t count = 0;
    FOR_EACH_CHILD(s, n)
    count += field_is(s, "serial");
    zb_serial *serials = field_array(r, count, sizeof *serials);
    size_t i = 0;
    FOR_EACH_CHILD(s, n)
    {
        if (!field_is(s, "serial") || !serials)
            continue;
        int seats = field_count_attr(r, s, "seats");
        if (!seats)
            seats = count == 1 ? c->license_count : 1;
        serials[i++] = (zb_serial){field_text(r, s), seats, xml_node_line(s)};
    }
    c->serials = serials;
    c->nserials = i;
}

static void read_commercial(zb_reader *r, xmlNodePtr n, zb_software *sw)
{
    zb_commercial *c = &sw->commercial;
    FOR_EACH_CHILD(part, n)
    {
        if (field_is(part, "purchase")) {
            c->purchased = field_date(r, part, "date");
            c->amount = field_money(r, part, "amount");
        } else if (field_is(part, "donation")) {
            c->donated = 1;
            c->donation_kind = field_str(r, part, "kind");
            c->donated_from = field_str(r, part, "from");
        } else if (field_is(part, "license")) {
            c->license_type = field_str(r, part, "type");
            c->license_count = field_count_attr(r, part, "count");
            c->usable_versions = field_str(r, part, "usableVersions");
            const char *term = field_str(r, part, "term");
            if (term && strcmp(term, "永久") != 0)
                c->term_end = field_date(r, part, "term");
        } else if (field_is(part, "disposal")) {
            c->disposed = field_date(r, part, "date");
            c->disposal_reason =
                (zb_disposal_reason)ENUM(r, part, "reason", reason_names);
        }
    }
    read_serials(r, n, c);
}

static void read_oem(zb_reader *r, xmlNodePtr n, zb_software *sw)
{
    sw->oem.home = field_flag(r, n, "home", 0);
    size_t count = field_count(n);
    int *machines = field_array(r, count, sizeof *machines);
    size_t i = 0;
    FOR_EACH_CHILD(m, n)
    if (machines && i < count)
        machines[i++] = field_ref(r, m, "computer", TABLE_COMPUTER);
    sw->oem.machines = machines;
    sw->oem.nmachines = i;
}

static void read_freeware(zb_reader *r, xmlNodePtr n, zb_software *sw)
{
    sw->freeware.source = field_str(r, n, "source");
    sw->freeware.reason = field_str(r, n, "reason");
    read_dept_list(r, n, &sw->freeware.all_depts, &sw->freeware.depts,
                   &sw->freeware.ndepts);
}

static void read_software(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, software);
    zb_software *out = (zb_software *)r->ledger->software;
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        if (i == r->ledger->nsoftware)
            break;
        zb_software *sw = &out[i++];
        *sw = (zb_software){
            .id = field_str(r, n, "id"),
            .name = field_str(r, n, "name"),
            .version = field_str(r, n, "version"),
            .category = (zb_category)ENUM(r, n, "category", category_names),
            .origin = (zb_origin)ENUM(r, n, "origin", origin_names),
            .vendor = field_str(r, n, "vendor"),
            .vendor_contact = field_str(r, n, "vendorContact"),
            .line = xml_node_line(n),
        };
        if (field_is(n, "commercial")) {
            sw->kind = SOFTWARE_COMMERCIAL;
            read_commercial(r, n, sw);
        } else if (field_is(n, "oem")) {
            sw->kind = SOFTWARE_OEM;
            read_oem(r, n, sw);
        } else {
            sw->kind = SOFTWARE_FREE;
            read_freeware(r, n, sw);
        }
    }
}

/* ---- demands and plans ------------------------------------------------- */

static void read_demand(zb_reader *r, xmlNodePtr n, zb_demand *d)
{
    *d = (zb_demand){
        .id = field_str(r, n, "id"),
        .dept = field_ref(r, n, "dept", TABLE_DEPARTMENT),
        .handler = field_ref(r, n, "handler", TABLE_STAFF),
        .date = field_date(r, n, "date"),
        .line = xml_node_line(n),
    };
    FOR_EACH_CHILD(c, n)
    {
        if (field_is(c, "need")) {
            zb_need *need = &d->needs[ENUM(r, c, "category", category_names)];
            *need = (zb_need){
                .present = 1,
                .purpose = field_str(r, c, "purpose"),
                .function = field_str(r, c, "function"),
                .count = field_count_attr(r, c, "count"),
                .note = field_str(r, c, "note"),
                .line = xml_node_line(c),
            };
        } else if (field_is(c, "itReview")) {
            read_review(r, c, &d->it_review);
        } else if (field_is(c, "assetReview")) {
            read_review(r, c, &d->asset_review);
        }
    }
}

static void read_demands(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, demands);
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    if (i < r->ledger->ndemands)
        read_demand(r, n, (zb_demand *)&r->ledger->demands[i++]);
}

static void read_plan_item(zb_reader *r, xmlNodePtr n, zb_plan_item *item)
{
    *item = (zb_plan_item){
        .name = field_str(r, n, "name"),
        .version = field_str(r, n, "version"),
        .category = (zb_category)ENUM(r, n, "category", category_names),
        .unit_price = field_money(r, n, "unitPrice"),
        .count = field_count_attr(r, n, "count"),
        .note = field_str(r, n, "note"),
        .software = field_ref(r, n, "software", TABLE_SOFTWARE),
        .line = xml_node_line(n),
    };
}

static void read_plan(zb_reader *r, xmlNodePtr n, zb_plan *p)
{
    *p = (zb_plan){
        .id = field_str(r, n, "id"),
        .handler = field_ref(r, n, "handler", TABLE_STAFF),
        .date = field_date(r, n, "date"),
        .line = xml_node_line(n),
    };
    size_t count = 0;
    FOR_EACH_CHILD(c, n)
    count += field_is(c, "item");
    zb_plan_item *items = field_array(r, count, sizeof *items);
    FOR_EACH_CHILD(c, n)
    {
        if (field_is(c, "item") && items)
            read_plan_item(r, c, &items[p->nitems++]);
        else if (field_is(c, "itReview"))
            read_review(r, c, &p->it_review);
        else if (field_is(c, "assetReview"))
            read_review(r, c, &p->asset_review);
        else if (field_is(c, "financeReview"))
            read_review(r, c, &p->finance_review);
        else if (field_is(c, "leaderApproval"))
            read_review(r, c, &p->leader_approval);
    }
    p->items = items;
}

static void read_plans(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, plans);
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    if (i < r->ledger->nplans)
        read_plan(r, n, (zb_plan *)&r->ledger->plans[i++]);
}

/* ---- deployments, requests, confirmations, log ------------------------- */

static void read_deployment(zb_reader *r, xmlNodePtr n, zb_deployment *d)
{
    *d = (zb_deployment){
        .id = field_str(r, n, "id"),
        .date = field_date(r, n, "date"),
        .title = field_str(r, n, "title"),
        .line = xml_node_line(n),
    };
    read_dept_list(r, n, &d->all_depts, &d->depts, &d->ndepts);
    size_t count = 0;
    FOR_EACH_CHILD(c, n)
    count += is_change(c);
    zb_change *changes = field_array(r, count, sizeof *changes);
    size_t i = 0;
    FOR_EACH_CHILD(c, n)
    if (changes && is_change(c))
        read_change(r, c, &changes[i++]);
    d->changes = changes;
    d->nchanges = i;
}

static void read_deployments(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, deployments);
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    if (i < r->ledger->ndeployments)
        read_deployment(r, n, (zb_deployment *)&r->ledger->deployments[i++]);
}

static void read_request(zb_reader *r, xmlNodePtr n, zb_request *q)
{
    *q = (zb_request){
        .id = field_str(r, n, "id"),
        .applicant = field_ref(r, n, "applicant", TABLE_STAFF),
        .date = field_date(r, n, "date"),
        .computer = field_ref(r, n, "computer", TABLE_COMPUTER),
        .line = xml_node_line(n),
    };
    xmlNodePtr c = field_first(n);
    if (c)
        read_change(r, c, &q->change);
    for (; c; c = field_next(c)) {
        if (field_is(c, "reason"))
            q->reason = field_text(r, c);
        else if (field_is(c, "deptOpinion"))
            read_review(r, c, &q->dept_opinion);
        else if (field_is(c, "itOpinion"))
            read_review(r, c, &q->it_opinion);
    }
    q->approved = q->dept_opinion.present && q->dept_opinion.agree &&
                  q->it_opinion.present && q->it_opinion.agree;
    if (q->approved)
        q->approved_on = q->dept_opinion.date > q->it_opinion.date
                             ? q->dept_opinion.date
                             : q->it_opinion.date;
}

static void read_requests(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, requests);
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    if (i < r->ledger->nrequests)
        read_request(r, n, (zb_request *)&r->ledger->requests[i++]);
}

static void read_confirmations(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, confirmations);
    zb_confirmation *out = (zb_confirmation *)r->ledger->confirmations;
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        if (i == r->ledger->nconfirmations)
            break;
        zb_confirmation *c = &out[i++];
        *c = (zb_confirmation){
            .id = field_str(r, n, "id"),
            .computer = field_ref(r, n, "computer", TABLE_COMPUTER),
            .date = field_date(r, n, "date"),
            .result = field_str(r, n, "result"),
            .signed_by = field_ref(r, n, "signedBy", TABLE_STAFF),
            .signed_on = field_date(r, n, "signedOn"),
            .line = xml_node_line(n),
        };
        if (!c->result)
            c->result = "已完成";
        if (c->signed_by == ZB_NONE && c->computer != ZB_NONE)
            c->signed_by = r->ledger->computers[c->computer].user;
    }
}

static void read_event(zb_reader *r, xmlNodePtr n, zb_event *e)
{
    *e = (zb_event){
        .action = (zb_action)ENUM(r, n, "action", action_names),
        .software = field_ref(r, n, "software", TABLE_SOFTWARE),
        .computer = field_ref(r, n, "computer", TABLE_COMPUTER),
        .date = field_date(r, n, "date"),
        .maintainer = field_ref(r, n, "operator", TABLE_STAFF),
        .request = field_ref(r, n, "request", TABLE_REQUEST),
        .deployment = field_ref(r, n, "deployment", TABLE_DEPLOYMENT),
        .unauthorised = field_flag(r, n, "unauthorised", 0),
        .confirmation = field_ref(r, n, "confirmation", TABLE_CONFIRMATION),
        .serial = field_str(r, n, "serial"),
        .line = xml_node_line(n),
    };
    e->version = version_or_default(r, n, "version", e->software);
}

static void read_log(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, events);
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    if (i < r->ledger->nevents)
        read_event(r, n, (zb_event *)&r->ledger->events[i++]);
}

/* ---- inspections, trainings, documents --------------------------------- */

static void read_inspections(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, inspections);
    zb_inspection *out = (zb_inspection *)r->ledger->inspections;
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        if (i == r->ledger->ninspections)
            break;
        xmlNodePtr summary = field_first(n);
        out[i++] = (zb_inspection){
            .date = field_date(r, n, "date"),
            .title = field_str(r, n, "title"),
            .dept = field_ref(r, n, "dept", TABLE_DEPARTMENT),
            .summary = summary ? field_text(r, summary) : NULL,
            .line = xml_node_line(n),
        };
    }
}

static void read_trainings(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, trainings);
    zb_training *out = (zb_training *)r->ledger->trainings;
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    {
        if (i == r->ledger->ntrainings)
            break;
        out[i++] = (zb_training){
            .date = field_date(r, n, "date"),
            .title = field_str(r, n, "title"),
            .organiser = field_str(r, n, "organiser"),
            .attendees = field_count_attr(r, n, "attendees"),
            .external = field_flag(r, n, "external", 0),
            .line = xml_node_line(n),
        };
    }
}

static void read_attachments(zb_reader *r, xmlNodePtr n, zb_document *d)
{
    size_t count = 0;
    FOR_EACH_CHILD(c, n)
    count += field_is(c, "attachment");
    zb_attachment *items = field_array(r, count, sizeof *items);
    FOR_EACH_CHILD(c, n)
    if (field_is(c, "attachment") && items) {
        const char *form = field_str(r, c, "form");
        items[d->nattachments++] = (zb_attachment){
            form ? ledger_form_find(form) : FORM_COUNT, xml_node_line(c)};
    }
    d->attachments = items;
}

/* Count the sections in N, at DEPTH and below, after the AT before them
   (ITEMS NULL), or read them into ITEMS from index AT on; returns the
   count so far. */
static size_t read_sections(zb_reader *r, xmlNodePtr n, int depth,
                            zb_section *items, size_t at)
{
    FOR_EACH_CHILD(c, n)
    if (field_is(c, "section")) {
        if (items)
            items[at] = (zb_section){
                .topic = (zb_topic)ENUM(r, c, "topic", topic_names),
                .depth = depth,
                .headed = xmlHasProp(c, BAD_CAST "heading") != NULL,
                .line = xml_node_line(c),
            };
        at = read_sections(r, c, depth + 1, items, at + 1);
    }
    return at;
}

static void read_body(zb_reader *r, xmlNodePtr n, zb_document *d)
{
    size_t count = read_sections(r, n, 1, NULL, 0);
    zb_section *items = field_array(r, count, sizeof *items);
    if (items)
        d->nsections = read_sections(r, n, 1, items, 0);
    d->sections = items;
}

static void read_document(zb_reader *r, xmlNodePtr n, zb_document *d)
{
    *d = (zb_document){
        .id = field_str(r, n, "id"),
        .kind = (zb_document_kind)ENUM(r, n, "kind", document_names),
        .upward = field_flag(r, n, "upward", 0),
        .signer = field_ref(r, n, "signer", TABLE_STAFF),
        .sealed = field_flag(r, n, "sealed", 1),
        .line = xml_node_line(n),
    };
    FOR_EACH_CHILD(c, n)
    {
        if (field_is(c, "title")) {
            d->title = field_text(r, c);
        } else if (field_is(c, "body")) {
            read_body(r, c, d);
        } else if (field_is(c, "attachments")) {
            read_attachments(r, c, d);
        } else if (field_is(c, "date")) {
            const char *text = field_text(r, c);
            if (text && date_parse(text, &d->date) != ZB_OK)
                field_fail(r, c, "“%s”不是日期", text);
        }
    }
}

static void read_documents(zb_reader *r, xmlNodePtr sec)
{
    ALLOC_LIST(r, sec, documents);
    size_t i = 0;
    FOR_EACH_CHILD(n, sec)
    if (i < r->ledger->ndocuments)
        read_document(r, n, (zb_document *)&r->ledger->documents[i++]);
}

/* ---- the whole ledger -------------------------------------------------- */

static const struct {
    const char *name;
    void (*read)(zb_reader *r, xmlNodePtr sec);
} sections[] = {
    {"unit", read_unit},
    {"revisions", read_revisions},
    {"departments", read_departments},
    {"staff", read_staff},
    {"leadership", read_leadership},
    {"computers", read_computers},
    {"software", read_software},
    {"demands", read_demands},
    {"plans", read_plans},
    {"deployments", read_deployments},
    {"requests", read_requests},
    {"confirmations", read_confirmations},
    {"log", read_log},
    {"inspections", read_inspections},
    {"trainings", read_trainings},
    {"documents", read_documents},
};

static void read_root(zb_reader *r, xmlNodePtr root)
{
    zb_ledger *l = r->ledger;
    l->year = field_count_attr(r, root, "year");
    l->as_of = field_date(r, root, "asOf");
    l->filler = l->responsible_dept = l->it_dept = ZB_NONE;
    l->assets_dept = l->finance_dept = ZB_NONE;
    for (int f = 0; f < FORM_COUNT; f++)
        l->form_number[f] = f + 1;
    for (int t = 0; t < TABLE_COUNT; t++)
        index_table(r, root, (zb_table)t);
    /* Sections come in schema order, so every reference a section
       resolves to a record (a user's department, a version) is read. */
    FOR_EACH_CHILD(sec, root)
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
        if (field_is(sec, sections[i].name))
            sections[i].read(r, sec);
}

static int is_ledger_root(xmlNodePtr root)
{
    return root && root->ns && root->ns->href &&
           !strcmp((const char *)root->ns->href, LEDGER_NAMESPACE) &&
           field_is(root, "ledger");
}

zb_status ledger_read(xmlDocPtr doc, const char *file, zb_ledger **out,
                      zb_diags *diags)
{
    *out = NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    zb_ledger *l = calloc(1, sizeof *l);
    struct ledger_store *store = calloc(1, sizeof *store);
    if (!l || !store) {
        free(l);
        free(store);
        return ZB_ERR_NOMEM;
    }
    l->store = store;
    zb_reader r = {l, &store->arena, diags, file, ZB_OK};
    if (is_ledger_root(root)) {
        read_root(&r, root);
    } else {
        diags_add(diags, file, root ? xml_node_line(root) : 0, 0, DIAG_ERROR,
                  "schema-version",
                  "不是台账：根元素应为 %s 命名空间中的 <ledger>",
                  LEDGER_NAMESPACE);
        r.status = ZB_ERR_INVALID;
    }
    if (r.status != ZB_OK) {
        ledger_free(l);
        return r.status;
    }
    *out = l;
    return ZB_OK;
}

int ledger_find(const zb_ledger *ledger, zb_table table, const char *id)
{
    return field_lookup(ledger->store, table, id);
}

zb_form ledger_form_find(const char *name)
{
    int f = 0;
    while (f < FORM_COUNT && strcmp(form_names[f], name))
        f++;
    return (zb_form)f;
}

const char *ledger_form_name(zb_form form)
{
    return form_names[form];
}

const char *ledger_document_kind_name(zb_document_kind kind)
{
    return document_names[kind];
}

const char *ledger_topic_name(zb_topic topic)
{
    return topic_names[topic];
}

const char *ledger_category_name(zb_category category)
{
    return category_names[category];
}

const char *ledger_origin_name(zb_origin origin)
{
    return origin_names[origin];
}

void ledger_free(zb_ledger *ledger)
{
    if (!ledger)
        return;
    for (int t = 0; t < TABLE_COUNT; t++)
        xmlHashFree(ledger->store->index[t], NULL);
    arena_free(&ledger->store->arena);
    free(ledger->store);
    free(ledger);
}
