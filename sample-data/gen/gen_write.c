/* Print a generated ledger as XML valid against forms/ledger.xsd, in the
   schema's order of parts. */
#include "gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ID_SIZE = 24 }; /* "SQ2023-00001" and the like */

/* The writer's state: the output and the ids given to records in date
   order (requests, confirmations). */
typedef struct writer {
    const gen_ledger *l;
    zb_buf *b;
    char (*request_ids)[ID_SIZE];
    char (*confirmation_ids)[ID_SIZE];
} writer;

static void put_escaped(zb_buf *b, const char *s)
{
    for (; *s; s++) {
        const char *e = *s == '&'   ? "&amp;"
                        : *s == '<' ? "&lt;"
                        : *s == '>' ? "&gt;"
                        : *s == '"' ? "&quot;"
                                    : NULL;
        if (e)
            buf_append_str(b, e);
        else
            buf_append(b, s, 1);
    }
}

/* Append ` NAME="VALUE"` unless VALUE is NULL. */
static void attr(zb_buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    buf_printf(b, " %s=\"", name);
    put_escaped(b, value);
    buf_append_str(b, "\"");
}

static void attr_date(zb_buf *b, const char *name, zb_date date)
{
    char text[11];
    date_format(date, text);
    if (date)
        attr(b, name, text);
}

static const char *staff_id(int index, char buf[12])
{
    if (index < 0)
        return NULL;
    snprintf(buf, 12, "s%05d", index + 1);
    return buf;
}

static void attr_staff(zb_buf *b, const char *name, int index)
{
    char id[12];
    attr(b, name, staff_id(index, id));
}

/* ---- the unit ---------------------------------------------------------- */

static void put_unit(const writer *w)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    const char *it = l->depts[l->it_dept].id;
    buf_printf(b, "<ledger xmlns=\"urn:zhengban:ledger:1\" year=\"%d\"",
               GEN_YEAR);
    attr_date(b, "asOf", GEN_AS_OF);
    buf_append_str(b, ">\n  <unit");
    attr(b, "name", l->size->unit);
    attr_staff(b, "filler", l->operators[l->noperators > 1]);
    buf_printf(b, ">\n    <roles>\n      <responsible dept=\"%s\"/>\n"
                  "      <it dept=\"%s\"/>\n      <assets dept=\"%s\"/>\n"
                  "      <finance dept=\"%s\"/>\n    </roles>\n  </unit>\n",
               it, it, l->depts[l->assets_dept].id,
               l->depts[l->finance_dept].id);
    static const struct { zb_date date; const char *note; } revisions[] = {
        {GEN_START, "建立台账"},
        {20210630, "登记统一部署的正版软件"},
        {20211228, "年终更新"},
        {20220630, "半年更新：杀毒软件续订升级"},
        {20221228, "年终更新：计算机报废与新配"},
        {20230630, "半年更新：WPS 升级、杀毒软件续订"},
        {20231222, "年终更新：Office 升级与报废"},
    };
    buf_append_str(b, "  <revisions>\n");
    for (size_t i = 0; i < sizeof revisions / sizeof *revisions; i++) {
        buf_append_str(b, "    <revision");
        attr_date(b, "date", revisions[i].date);
        attr_staff(b, "by", l->operators[l->noperators > 1]);
        attr(b, "note", revisions[i].note);
        buf_append_str(b, "/>\n");
    }
    buf_append_str(b, "  </revisions>\n");
}

static void put_people(const writer *w)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    buf_append_str(b, "  <departments>\n");
    for (size_t i = 0; i < l->ndepts; i++) {
        const gen_dept *d = &l->depts[i];
        buf_append_str(b, "    <department");
        attr(b, "id", d->id);
        attr(b, "name", d->name);
        attr_staff(b, "head", d->head);
        attr(b, "phone", d->phone);
        if ((int)i == l->it_dept)
            buf_printf(b, " fax=\"0771-555%04d\"", 109 + (int)i);
        buf_append_str(b, "/>\n");
    }
    buf_append_str(b, "  </departments>\n  <staff>\n");
    for (size_t i = 0; i < l->nstaff; i++) {
        const gen_person *s = &l->staff[i];
        buf_append_str(b, "    <person");
        attr_staff(b, "id", (int)i);
        attr(b, "name", s->name);
        attr(b, "dept", l->depts[s->dept].id);
        attr(b, "post", s->post);
        attr(b, "phone", s->phone);
        attr_date(b, "pledged", s->pledged);
        buf_append_str(b, "/>\n");
    }
    buf_append_str(b, "  </staff>\n  <leadership>\n");
    for (int i = 0; i < 6 && l->leaders[i] >= 0; i++) {
        buf_append_str(b, "    <member");
        attr_staff(b, "staff", l->leaders[i]);
        attr(b, "role", i == 0 ? "组长" : i < 3 ? "副组长" : "成员");
        buf_append_str(b, "/>\n");
    }
    buf_append_str(b, "  </leadership>\n");
}

static void put_computers(const writer *w)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    static const char *const kinds[] = {"server", "desktop", "laptop"};
    buf_append_str(b, "  <computers>\n");
    for (size_t i = 0; i < l->ncomputers; i++) {
        const gen_computer *c = &l->computers[i];
        buf_append_str(b, "    <computer");
        attr(b, "id", c->id);
        attr(b, "kind", kinds[c->kind]);
        attr(b, "brand", c->brand);
        attr(b, "model", c->model);
        if (c->user >= 0)
            attr_staff(b, "user", c->user);
        else
            attr(b, "dept", l->depts[c->dept].id);
        attr_date(b, "acquired", c->acquired);
        attr_date(b, "disposed", c->disposed);
        buf_append_str(b, "/>\n");
    }
    buf_append_str(b, "  </computers>\n");
}

/* ---- the software catalogue ------------------------------------------- */

/* Serial number K (1-based) of product SW: its stem and three groups of
   five characters, made from SW and K alone. */
static void put_serial_text(zb_buf *b, int sw, int k)
{
    static const char alphabet[] = "23456789BCDFGHJKMNPQRTVWXY";
    gen_rng r = {(uint64_t)sw << 32 | (uint32_t)k};
    buf_append_str(b, gen_products[sw].serial);
    for (int group = 0; group < 3; group++) {
        buf_append_str(b, "-");
        for (int i = 0; i < 5; i++)
            buf_append(b, &alphabet[rng_below(&r, (int)sizeof alphabet - 1)],
                       1);
    }
}

static void put_commercial(const writer *w, int sw)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    const gen_product *p = &gen_products[sw];
    int count = l->holding[sw].count;
    buf_append_str(b, "    <commercial");
    attr(b, "id", p->id);
    attr(b, "name", p->name);
    attr(b, "version", p->version);
    attr(b, "category", p->category);
    attr(b, "origin", p->origin);
    attr(b, "vendor", p->vendor);
    attr(b, "vendorContact", p->contact);
    buf_append_str(b, ">\n");
    if (p->bought) {
        buf_append_str(b, "      <purchase");
        attr_date(b, "date", p->bought);
        buf_printf(b, " amount=\"%lld.00\"/>\n",
                   (long long)count * p->price);
    } else {
        buf_printf(b, "      <donation kind=\"%s\" from=\"%s%s\"/>\n",
                   sw == SW_MSO2016 ? "调剂" : "受赠", l->size->region,
                   sw == SW_MSO2016 ? "人民政府办公室" : "财政局");
    }
    buf_append_str(b, "      <license");
    attr(b, "type", p->licence);
    buf_printf(b, " count=\"%d\"", count);
    attr(b, "usableVersions", p->usable);
    if (p->term)
        attr_date(b, "term", p->term);
    else
        attr(b, "term", "永久");
    buf_append_str(b, "/>\n");
    for (int k = 1; k <= (p->serial_each ? count : 1); k++) {
        buf_append_str(b, "      <serial>");
        put_serial_text(b, sw, k);
        buf_append_str(b, "</serial>\n");
    }
    if (sw == SW_MSO2016)
        buf_append_str(b, "      <disposal date=\"2023-10-31\" "
                          "reason=\"技术进步\"/>\n");
    buf_append_str(b, "    </commercial>\n");
}

static void put_oem(const writer *w, int sw)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    const gen_product *p = &gen_products[sw];
    buf_append_str(b, "    <oem");
    attr(b, "id", p->id);
    attr(b, "name", p->name);
    attr(b, "version", p->version);
    attr(b, "category", p->category);
    attr(b, "origin", p->origin);
    attr(b, "vendor", p->vendor);
    if (sw == SW_OEM_HOME)
        attr(b, "home", "true");
    buf_append_str(b, ">\n");
    for (size_t i = 0; i < l->ncomputers; i++)
        if (l->computers[i].oem == sw)
            buf_printf(b, "      <machine computer=\"%s\"/>\n",
                       l->computers[i].id);
    buf_append_str(b, "    </oem>\n");
}

static void put_free(const writer *w, int sw)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    static const char *const why[] = {
        [SW_360] = "维护电脑安全", [SW_360SD] = "查杀计算机病毒",
        [SW_TENCENT] = "维护电脑安全", [SW_FOXIT] = "阅读 PDF 格式的文件",
        [SW_SOGOU] = "中文输入", [SW_HAOZIP] = "解压缩上级下发的文件",
        [SW_WXWORK] = "工作沟通和协同办公"};
    const gen_product *p = &gen_products[sw];
    buf_append_str(b, "    <free");
    attr(b, "id", p->id);
    attr(b, "name", p->name);
    attr(b, "category", p->category);
    attr(b, "source", "官网下载");
    attr(b, "vendor", p->vendor);
    attr(b, "vendorContact", p->contact);
    attr(b, "reason", why[sw]);
    buf_append_str(b, ">\n");
    if (sw == SW_FOXIT)
        for (size_t d = 1; d < l->ndepts; d += 3)
            buf_printf(b, "      <dept ref=\"%s\"/>\n", l->depts[d].id);
    else
        buf_append_str(b, "      <allDepartments/>\n");
    buf_append_str(b, "    </free>\n");
}

static int has_oem_copies(const gen_ledger *l, int sw)
{
    for (size_t i = 0; i < l->ncomputers; i++)
        if (l->computers[i].oem == sw)
            return 1;
    return 0;
}

static void put_software(const writer *w)
{
    const gen_ledger *l = w->l;
    buf_append_str(w->b, "  <software>\n");
    for (int kind = KIND_COMMERCIAL; kind <= KIND_FREE; kind++)
        for (int sw = 0; sw < SW_COUNT; sw++) {
            if ((int)gen_products[sw].kind != kind)
                continue;
            if (kind == KIND_COMMERCIAL && l->holding[sw].count)
                put_commercial(w, sw);
            else if (kind == KIND_OEM && has_oem_copies(l, sw))
                put_oem(w, sw);
            else if (kind == KIND_FREE)
                put_free(w, sw);
        }
    buf_append_str(w->b, "  </software>\n");
}

/* ---- demands and plans ------------------------------------------------- */

static void put_review(const writer *w, const char *elem, int by, zb_date date,
                       const char *text)
{
    buf_printf(w->b, "      <%s", elem);
    attr_staff(w->b, "by", by);
    attr_date(w->b, "date", date);
    buf_printf(w->b, ">%s</%s>\n", text, elem);
}

/* The day the plan of YEAR was drawn up: before its first purchase. */
static zb_date plan_date(int year)
{
    return year * 10000 + 213;
}

static void put_demands(const writer *w)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    int *machines = calloc(l->ndepts, sizeof *machines);
    if (!machines) {
        b->failed = 1;
        return;
    }
    for (size_t i = 0; i < l->ncomputers; i++)
        machines[l->computers[i].dept]++;
    buf_append_str(b, "  <demands>\n");
    for (int year = 2021; year <= GEN_YEAR; year++)
        for (size_t d = 1, seq = 0; d < l->ndepts && seq < 50; d++) {
            if ((int)d % 4 != year % 4)
                continue;
            zb_date date = date_add_days(plan_date(year), -20 + (int)(d % 5));
            int n = machines[d] ? machines[d] : 1;
            buf_printf(b, "    <demand id=\"XQ%d-%03zu\"", year, ++seq);
            attr(b, "dept", l->depts[d].id);
            attr_staff(b, "handler", l->depts[d].head);
            attr_date(b, "date", date);
            buf_printf(b, ">\n      <need category=\"办公\" purpose=\"公文"
                          "处理和业务文书\" function=\"兼容常用文档格式，支持 "
                          "PDF 转换\" count=\"%d\"/>\n      <need category="
                          "\"杀毒\" purpose=\"计算机病毒防护\" function=\"集中"
                          "管理、病毒库自动更新\" count=\"%d\"/>\n", n, n);
            put_review(w, "itReview", l->depts[l->it_dept].head,
                       date_add_days(date, 3), "同意，纳入年度采购计划。");
            put_review(w, "assetReview", l->depts[l->assets_dept].head,
                       date_add_days(date, 5), "同意。");
            buf_append_str(b, "    </demand>\n");
        }
    buf_append_str(b, "  </demands>\n");
    free(machines);
}

/* Is commercial entry SW in the ledger and bought in YEAR? */
static int bought_in(const gen_ledger *l, int sw, int year)
{
    const gen_product *p = &gen_products[sw];
    return p->kind == KIND_COMMERCIAL && p->bought / 10000 == year &&
           l->holding[sw].count;
}

static void put_plans(const writer *w)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    buf_append_str(b, "  <plans>\n");
    for (int year = 2021; year <= GEN_YEAR; year++) {
        zb_date date = plan_date(year);
        int items = 0;
        for (int sw = 0; sw < SW_COUNT; sw++)
            items += bought_in(l, sw, year);
        if (!items)
            continue;
        buf_printf(b, "    <plan id=\"JH%d-01\"", year);
        attr_staff(b, "handler", l->operators[l->noperators > 1]);
        attr_date(b, "date", date);
        buf_append_str(b, ">\n");
        for (int sw = 0; sw < SW_COUNT; sw++) {
            const gen_product *p = &gen_products[sw];
            if (!bought_in(l, sw, year))
                continue;
            buf_append_str(b, "      <item");
            attr(b, "name", p->name);
            attr(b, "version", p->version);
            attr(b, "category", p->category);
            buf_printf(b, " unitPrice=\"%d.00\" count=\"%d\"", p->price,
                       l->holding[sw].count);
            attr(b, "software", p->id);
            buf_append_str(b, "/>\n");
        }
        put_review(w, "itReview", l->depts[l->it_dept].head,
                   date_add_days(date, 1), "同意。");
        put_review(w, "assetReview", l->depts[l->assets_dept].head,
                   date_add_days(date, 1), "同意。");
        put_review(w, "financeReview", l->depts[l->finance_dept].head,
                   date_add_days(date, 2), "已纳入部门预算。");
        put_review(w, "leaderApproval", l->leaders[0], date_add_days(date, 3),
                   "同意采购。");
        buf_append_str(b, "    </plan>\n");
    }
    buf_append_str(b, "  </plans>\n");
}

/* ---- deployments, requests, confirmations, the log --------------------- */

static void put_change(zb_buf *b, const gen_change *c, const char *indent)
{
    static const char *const elems[] = {"install", "uninstall", "upgrade"};
    buf_printf(b, "%s<%s", indent, elems[c->kind]);
    if (c->kind == 2) {
        attr(b, "from", gen_products[c->from].id);
        attr(b, "fromVersion", c->from_version);
        attr(b, "to", gen_products[c->to].id);
        attr(b, "toVersion", c->to_version);
    } else {
        attr(b, "software", gen_products[c->kind ? c->from : c->to].id);
        attr(b, "version", c->kind ? c->from_version : c->to_version);
    }
    buf_append_str(b, "/>\n");
}

static void put_deployments(const writer *w)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    buf_append_str(b, "  <deployments>\n");
    for (size_t i = 0; i < l->ndeployments; i++) {
        const gen_deployment *d = &l->deployments[i];
        if (!d->nchanges)
            continue;
        buf_append_str(b, "    <deployment");
        attr(b, "id", d->id);
        attr_date(b, "date", d->date);
        attr(b, "title", d->title);
        buf_append_str(b, ">\n");
        if (d->dept >= 0)
            buf_printf(b, "      <dept ref=\"%s\"/>\n", l->depts[d->dept].id);
        for (size_t k = 0; d->depts_half && k < l->ndepts; k += 2)
            buf_printf(b, "      <dept ref=\"%s\"/>\n", l->depts[k].id);
        if (d->dept < 0 && !d->depts_half)
            buf_append_str(b, "      <allDepartments/>\n");
        for (int k = 0; k < d->nchanges; k++)
            put_change(b, &d->changes[k], "      ");
        buf_append_str(b, "    </deployment>\n");
    }
    buf_append_str(b, "  </deployments>\n");
}

static void put_requests(const writer *w, const size_t *order)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    buf_append_str(b, "  <requests>\n");
    for (size_t k = 0; k < l->nrequests; k++) {
        size_t i = order[k];
        const gen_request *r = &l->requests[i];
        buf_append_str(b, "    <request");
        attr(b, "id", w->request_ids[i]);
        attr_staff(b, "applicant", r->applicant);
        attr_date(b, "date", r->date);
        attr(b, "computer", l->computers[r->computer].id);
        buf_append_str(b, ">\n");
        put_change(b, &r->change, "      ");
        buf_printf(b, "      <reason>%s</reason>\n", r->reason);
        put_review(w, "deptOpinion", r->dept_head, r->dept_date, "同意。");
        buf_append_str(b, "      <itOpinion");
        attr_staff(b, "by", r->it_head);
        attr_date(b, "date", r->it_date);
        buf_append_str(b, r->agree ? ">同意。</itOpinion>\n"
                                   : " agree=\"false\">不同意。许可已用完，"
                                     "WPS Office 可满足工作需要。</itOpinion>\n");
        buf_append_str(b, "    </request>\n");
    }
    buf_append_str(b, "  </requests>\n");
}

static void put_confirmations(const writer *w, const size_t *order)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    buf_append_str(b, "  <confirmations>\n");
    for (size_t k = 0; k < l->nconfirmations; k++) {
        size_t i = order[k];
        const gen_confirmation *q = &l->confirmations[i];
        const gen_computer *c = &l->computers[q->computer];
        buf_append_str(b, "    <confirmation");
        attr(b, "id", w->confirmation_ids[i]);
        attr(b, "computer", c->id);
        attr_date(b, "date", q->date);
        if (c->user < 0)
            attr_staff(b, "signedBy", l->depts[c->dept].head);
        attr_date(b, "signedOn", q->date);
        buf_append_str(b, "/>\n");
    }
    buf_append_str(b, "  </confirmations>\n");
}

static void put_log(const writer *w)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    buf_append_str(b, "  <log>\n");
    for (size_t i = 0; i < l->nevents; i++) {
        const gen_event *e = &l->events[i];
        buf_append_str(b, "    <event");
        attr(b, "action", e->uninstall ? "uninstall" : "install");
        attr(b, "software", gen_products[e->software].id);
        attr(b, "computer", l->computers[e->computer].id);
        attr_date(b, "date", e->date);
        attr(b, "version", e->version);
        attr_staff(b, "operator", e->operator);
        if (e->request >= 0)
            attr(b, "request", w->request_ids[e->request]);
        if (e->deployment >= 0)
            attr(b, "deployment", l->deployments[e->deployment].id);
        if (e->unauthorised)
            attr(b, "unauthorised", "true");
        if (e->confirmation >= 0)
            attr(b, "confirmation", w->confirmation_ids[e->confirmation]);
        if (e->serial) {
            buf_append_str(b, " serial=\"");
            put_serial_text(b, e->software, e->serial);
            buf_append_str(b, "\"");
        }
        buf_append_str(b, "/>\n");
    }
    buf_append_str(b, "  </log>\n");
}

/* ---- inspections, trainings, documents --------------------------------- */

static void put_closing(const writer *w)
{
    const gen_ledger *l = w->l;
    zb_buf *b = w->b;
    const char *unit = l->size->unit, *it = l->depts[l->it_dept].id;
    char leader[12];
    staff_id(l->leaders[0], leader);
    buf_append_str(b, "  <inspections>\n");
    for (int year = 2021; year <= GEN_YEAR; year++)
        buf_printf(b, "    <inspection date=\"%d-11-20\" title=\"%d 年度软件"
                      "使用情况全面检查\" dept=\"%s\">\n      <summary>逐台检查"
                      "在用计算机，软件安装情况与台账一致，未发现盗版软件；私自"
                      "安装的软件已如实登记并责成使用人整改。</summary>\n"
                      "    </inspection>\n",
                   year, year, it);
    buf_append_str(b, "  </inspections>\n  <trainings>\n");
    for (int year = 2021; year <= GEN_YEAR; year++)
        buf_printf(b, "    <training date=\"%d-05-25\" title=\"全%s软件正版化"
                      "工作培训班\" organiser=\"%s版权局\" attendees=\"2\" "
                      "external=\"true\"/>\n    <training date=\"%d-07-12\" "
                      "title=\"软件正版化工作制度培训\" attendees=\"%zu\"/>\n",
                   year, l->size->region + strlen(l->size->region) - 3,
                   l->size->region, year, l->nstaff);
    buf_printf(b, "  </trainings>\n  <documents>\n"
                  "    <document id=\"notice-2021-15\" kind=\"systems-notice\">\n"
                  "      <issuerMark>%s文件</issuerMark>\n"
                  "      <number agency=\"%s\" year=\"2021\" seq=\"15\"/>\n"
                  "      <title>关于印发《软件正版化工作六项制度》的通知</title>\n"
                  "      <to>各部门</to>\n      <body>\n"
                  "        <p>现将《软件正版化工作六项制度》印发给你们，请认真执行。"
                  "</p>\n      </body>\n      <signature>%s</signature>\n"
                  "      <date>2021-06-20</date>\n"
                  "      <note>公开方式：主动公开</note>\n"
                  "      <printing by=\"%s办公室\" date=\"2021-06-20\"/>\n"
                  "    </document>\n",
               unit, l->size->agency, unit, unit);
    buf_printf(b, "    <document id=\"report-2023\" kind=\"report\" "
                  "upward=\"true\" signer=\"%s\">\n"
                  "      <issuerMark>%s文件</issuerMark>\n"
                  "      <number agency=\"%s\" year=\"2023\" seq=\"31\"/>\n"
                  "      <title>%s关于2023年度软件正版化工作情况的报告</title>\n"
                  "      <to>%s版权局</to>\n      <body>\n"
                  "        <p>现将我单位2023年度软件正版化工作情况报告如下。</p>\n"
                  "      </body>\n      <attachments>\n        <attachment "
                  "form=\"statistics\">软件正版化工作信息统计表</attachment>\n"
                  "      </attachments>\n      <signature>%s</signature>\n"
                  "      <date>2023-12-25</date>\n"
                  "      <note>公开方式：依申请公开</note>\n"
                  "      <printing by=\"%s办公室\" date=\"2023-12-25\"/>\n"
                  "    </document>\n  </documents>\n</ledger>\n",
               leader, unit, l->size->agency, unit, l->size->region, unit,
               unit);
}

/* ---- ids in date order ------------------------------------------------- */

typedef struct dated {
    zb_date date;
    size_t index;
} dated;

static int compare_dated(const void *pa, const void *pb)
{
    const dated *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Sort the N records by DATES into ORDER and give each the id
   PREFIX<year>-<number within the year> in IDS. */
static zb_status number_by_date(const zb_date *dates, size_t n,
                                const char *prefix, size_t *order,
                                char (*ids)[ID_SIZE])
{
    dated *d = malloc((n + 1) * sizeof *d);
    if (!d)
        return ZB_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        d[i] = (dated){dates[i], i};
    qsort(d, n, sizeof *d, compare_dated);
    int year = 0, seq = 0;
    for (size_t k = 0; k < n; k++) {
        int y = d[k].date / 10000;
        seq = y == year ? seq + 1 : 1;
        year = y;
        order[k] = d[k].index;
        snprintf(ids[d[k].index], ID_SIZE, "%s%d-%05d", prefix, year, seq);
    }
    free(d);
    return ZB_OK;
}

static zb_status number_all(writer *w, size_t *request_order,
                            size_t *confirmation_order)
{
    const gen_ledger *l = w->l;
    size_t n = l->nrequests > l->nconfirmations ? l->nrequests
                                                : l->nconfirmations;
    zb_date *dates = malloc((n + 1) * sizeof *dates);
    if (!dates)
        return ZB_ERR_NOMEM;
    for (size_t i = 0; i < l->nrequests; i++)
        dates[i] = l->requests[i].date;
    zb_status st = number_by_date(dates, l->nrequests, "SQ", request_order,
                                  w->request_ids);
    for (size_t i = 0; i < l->nconfirmations; i++)
        dates[i] = l->confirmations[i].date;
    if (st == ZB_OK)
        st = number_by_date(dates, l->nconfirmations, "QR",
                            confirmation_order, w->confirmation_ids);
    free(dates);
    return st;
}

zb_status gen_write(const gen_ledger *l, zb_buf *out)
{
    writer w = {l, out, malloc((l->nrequests + 1) * ID_SIZE),
                malloc((l->nconfirmations + 1) * ID_SIZE)};
    size_t *request_order = malloc((l->nrequests + 1) * sizeof(size_t));
    size_t *confirmation_order =
        malloc((l->nconfirmations + 1) * sizeof(size_t));
    zb_status st = w.request_ids && w.confirmation_ids && request_order &&
                           confirmation_order
                       ? number_all(&w, request_order, confirmation_order)
                       : ZB_ERR_NOMEM;
    if (st == ZB_OK) {
        buf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<!-- %s：软件正版化台账（合成数据，规模 %s）。由 "
                        "zhengban 的台账生成器写出；单位、人员、电话、序列号均为"
                        "虚构。 -->\n",
                   l->size->unit, l->size->name);
        put_unit(&w);
        put_people(&w);
        put_computers(&w);
        put_software(&w);
        put_demands(&w);
        put_plans(&w);
        put_deployments(&w);
        put_requests(&w, request_order);
        put_confirmations(&w, confirmation_order);
        put_log(&w);
        put_closing(&w);
        st = out->failed ? ZB_ERR_NOMEM : ZB_OK;
    }
    free(w.request_ids);
    free(w.confirmation_ids);
    free(request_order);
    free(confirmation_order);
    return st;
}
