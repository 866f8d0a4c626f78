/* Three years of installs, uninstalls and upgrades, simulated computer by
   computer: unified deployments reach every computer in service in the
   departments they notify; requests, each approved (or now and then
   refused) and confirmed, come at random; a computer about to be disposed
   of is cleared first. Every event follows the ledger rules by
   construction. */
#include "gen.h"

#include <stdlib.h>
#include <string.h>

enum scope { ALL, IT_DEPT, FINANCE_DEPT, HALF };

/* What a deployment does to each computer it reaches. */
enum job {
    JOB_SETUP,     /* a computer's first software: office, antivirus, ... */
    JOB_SERVERS,   /* the servers' operating systems */
    JOB_INSTALL,   /* install SOFTWARE (version VERSION) */
    JOB_UPGRADE,   /* FROM (or FROM2) -> TO */
    JOB_UNINSTALL, /* uninstall SOFTWARE */
    JOB_DISPOSE    /* clear a computer before it is disposed of */
};

typedef struct campaign {
    const char *id;
    zb_date date;
    const char *title;
    enum scope scope;
    enum job job;
    int software, from2;
    const char *from_version, *to_version;
} campaign;

/* The deployments of 2021-2023, in date order. SOFTWARE is what a job
   installs, uninstalls or upgrades to; FROM2 what an upgrade replaces. */
static const campaign campaigns[] = {
    {"DEP-2021-01", 20210322, "2021 年正版办公、杀毒软件统一安装", ALL, JOB_SETUP,
     -1, -1, NULL, NULL},
    {"DEP-2021-02", 20210419, "服务器操作系统正版化", IT_DEPT, JOB_SERVERS,
     -1, -1, NULL, NULL},
    {"DEP-2021-03", 20210510, "财务部门安装调剂所得 Office 2016", FINANCE_DEPT, JOB_INSTALL,
     SW_MSO2016, -1, NULL, NULL},
    {"DEP-2021-04", 20210913, "统一安装国产输入法", ALL, JOB_INSTALL,
     SW_SOGOU, -1, NULL, "V11"},
    {"DEP-2022-01", 20220104, "2022 年新配计算机统一安装正版软件", ALL, JOB_SETUP,
     -1, -1, NULL, NULL},
    {"DEP-2022-02", 20220110, "2022 年计算机报废前卸载软件", ALL, JOB_DISPOSE,
     -1, -1, NULL, NULL},
    {"DEP-2022-03", 20220314, "统一安装企业微信", ALL, JOB_INSTALL,
     SW_WXWORK, -1, NULL, "V3"},
    {"DEP-2022-04", 20220620, "2022 年杀毒软件续订升级", ALL, JOB_UPGRADE,
     SW_RX2022, SW_RX2021, NULL, NULL},
    {"DEP-2022-05", 20220905, "财务部门安装用友U8 财务软件", FINANCE_DEPT, JOB_INSTALL,
     SW_YONYOU, -1, NULL, NULL},
    {"DEP-2023-01", 20230104, "2023 年新配计算机统一安装正版软件", ALL, JOB_SETUP,
     -1, -1, NULL, NULL},
    {"DEP-2023-02", 20230110, "2023 年计算机报废前卸载软件", ALL, JOB_DISPOSE,
     -1, -1, NULL, NULL},
    {"DEP-2023-03", 20230320, "国产输入法升级", ALL, JOB_UPGRADE,
     SW_SOGOU, SW_SOGOU, "V11", "V12"},
    {"DEP-2023-04", 20230508, "WPS Office 升级到 2023 版", HALF, JOB_UPGRADE,
     SW_WPS2023, SW_WPS2019A, NULL, NULL},
    {"DEP-2023-05", 20230619, "2023 年杀毒软件续订升级", ALL, JOB_UPGRADE,
     SW_RX2023, SW_RX2022, NULL, NULL},
    {"DEP-2023-06", 20230821, "企业微信升级", ALL, JOB_UPGRADE,
     SW_WXWORK, SW_WXWORK, "V3", "V4"},
    {"DEP-2023-07", 20231020, "Office 2016 报废前卸载", FINANCE_DEPT, JOB_UNINSTALL,
     SW_MSO2016, -1, NULL, NULL},
};

enum { NCAMPAIGNS = sizeof campaigns / sizeof *campaigns, MAX_HELD = 16 };

/* The free software a computer has, by version. */
static const char *current_version(int software, zb_date date)
{
    if (software == SW_SOGOU)
        return date < 20230321 ? "V11" : "V12";
    if (software == SW_WXWORK)
        return date < 20230822 ? "V3" : "V4";
    return gen_products[software].version;
}

/* One computer's simulation. */
typedef struct machine {
    gen_ledger *l;
    int index;
    const gen_computer *c;
    zb_date cleared;      /* the day it is cleared before disposal, or 0 */
    int set_up;
    int held[MAX_HELD];   /* installed software (OEM copies not counted) */
    const char *version[MAX_HELD];
    int nheld;
    int free_av;          /* SW_360 or SW_TENCENT */
    zb_date setup_date;
} machine;

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static int holds(const machine *m, int software)
{
    for (int i = 0; i < m->nheld; i++)
        if (m->held[i] == software)
            return i;
    return -1;
}

static int notified(const gen_ledger *l, enum scope scope, int dept)
{
    return scope == ALL || (scope == IT_DEPT && dept == l->it_dept) ||
           (scope == FINANCE_DEPT && dept == l->finance_dept) ||
           (scope == HALF && dept % 2 == 0);
}

/* Record CHANGE in deployment DEP unless it is there already. */
static void note_change(gen_deployment *dep, gen_change change)
{
    for (int i = 0; i < dep->nchanges; i++) {
        const gen_change *c = &dep->changes[i];
        if (c->kind == change.kind && c->from == change.from &&
            c->to == change.to && same_text(c->from_version, change.from_version) &&
            same_text(c->to_version, change.to_version))
            return;
    }
    if (dep->nchanges < (int)(sizeof dep->changes / sizeof *dep->changes))
        dep->changes[dep->nchanges++] = change;
}

/* The grounds of one or more events: a deployment, a request or neither
   (unauthorised), and the confirmation they cite. */
typedef struct grounds {
    int deployment, request, confirmation, unauthorised;
} grounds;

/* Record the install (VERSION: of free software, NULL for the current
   one) or uninstall of SOFTWARE on M on DATE. */
static zb_status add_event(machine *m, zb_date date, int uninstall,
                           int software, const char *version,
                           const grounds *g)
{
    gen_ledger *l = m->l;
    gen_event *e = GEN_PUSH(l, events);
    if (!e)
        return ZB_ERR_NOMEM;
    const gen_product *p = &gen_products[software];
    int slot = holds(m, software);
    *e = (gen_event){date, (int)l->nevents, uninstall, software, m->index,
                     NULL, l->operators[m->index % l->noperators],
                     g->request, g->deployment, g->confirmation, 0,
                     g->unauthorised};
    if (uninstall) {
        e->version = p->kind == KIND_FREE ? m->version[slot] : NULL;
        m->nheld--;
        m->held[slot] = m->held[m->nheld];
        m->version[slot] = m->version[m->nheld];
        return ZB_OK;
    }
    if (p->kind == KIND_FREE)
        e->version = version ? version : current_version(software, date);
    gen_holding *h = &l->holding[software];
    h->installs++;
    if (p->serial_each)
        e->serial = ++h->serials_used;
    if (m->nheld < MAX_HELD) {
        m->held[m->nheld] = software;
        m->version[m->nheld++] = e->version;
    }
    return ZB_OK;
}

static zb_status add_confirmation(machine *m, zb_date date, int *out)
{
    gen_confirmation *q = GEN_PUSH(m->l, confirmations);
    if (!q)
        return ZB_ERR_NOMEM;
    *q = (gen_confirmation){m->index, date, 0};
    *out = (int)m->l->nconfirmations - 1;
    return ZB_OK;
}

/* ---- deployments ------------------------------------------------------- */

static zb_status deploy_install(machine *m, int dep, zb_date date,
                                int software, const grounds *g)
{
    if (holds(m, software) >= 0)
        return ZB_OK;
    const char *v = gen_products[software].kind == KIND_FREE
                        ? current_version(software, date)
                        : NULL;
    note_change(&m->l->deployments[dep],
                (gen_change){0, -1, software, NULL, v});
    return add_event(m, date, 0, software, v, g);
}

static zb_status setup(machine *m, int dep, zb_date date, int with_conf)
{
    grounds g = {dep, -1, -1, 0};
    zb_status st = with_conf ? add_confirmation(m, date, &g.confirmation)
                             : ZB_OK;
    m->set_up = 1;
    m->setup_date = date;
    if (m->c->kind == MACHINE_SERVER) {
        if (st == ZB_OK)
            st = deploy_install(m, dep, date, gen_current_server_os(date), &g);
        if (st == ZB_OK)
            st = deploy_install(m, dep, date, gen_current_antivirus(date), &g);
        return st;
    }
    int want[] = {gen_current_office(date), gen_current_antivirus(date),
                  m->free_av, date >= 20210914 ? SW_SOGOU : -1,
                  date >= 20220315 ? SW_WXWORK : -1};
    for (size_t i = 0; i < sizeof want / sizeof *want && st == ZB_OK; i++)
        if (want[i] >= 0)
            st = deploy_install(m, dep, date, want[i], &g);
    return st;
}

static zb_status upgrade(machine *m, int dep, zb_date date, int from, int to,
                         const campaign *c)
{
    grounds g = {dep, -1, -1, 0};
    note_change(&m->l->deployments[dep],
                (gen_change){2, from, to, c->from_version, c->to_version});
    zb_status st = add_event(m, date, 1, from, NULL, &g);
    return st == ZB_OK ? add_event(m, date, 0, to, c->to_version, &g) : st;
}

/* Clear the computer before its disposal: uninstall everything but its
   OEM system, confirmed by its user. */
static zb_status clear(machine *m, int dep, zb_date date)
{
    grounds g = {dep, -1, -1, 0};
    zb_status st = m->nheld ? add_confirmation(m, date, &g.confirmation)
                            : ZB_OK;
    while (m->nheld && st == ZB_OK) {
        int sw = m->held[m->nheld - 1];
        note_change(&m->l->deployments[dep], (gen_change){1, sw, -1, NULL, NULL});
        st = add_event(m, date, 1, sw, NULL, &g);
    }
    return st;
}

/* The day deployment C reaches computer M: computers are visited over
   ten days. */
static zb_date visit_day(const campaign *c, const machine *m)
{
    return date_add_days(c->date, 1 + m->index % 10);
}

static zb_status run_campaign(machine *m, int k, zb_date date)
{
    const campaign *c = &campaigns[k];
    gen_ledger *l = m->l;
    int server = m->c->kind == MACHINE_SERVER;
    if (!m->set_up || !notified(l, c->scope, m->c->dept))
        return ZB_OK;
    if (c->job == JOB_INSTALL && !server) {
        if (c->software == SW_MSO2016 &&
            l->holding[SW_MSO2016].installs >= 3 + l->size->computers / 100)
            return ZB_OK;
        grounds g = {k, -1, -1, 0};
        return deploy_install(m, k, date, c->software, &g);
    }
    if (c->job == JOB_UPGRADE) {
        int from = c->from2, slot = holds(m, from);
        if (slot < 0 || (c->from_version &&
                         !same_text(m->version[slot], c->from_version)))
            return ZB_OK;
        return upgrade(m, k, date, from, c->software, c);
    }
    if (c->job == JOB_UNINSTALL && holds(m, c->software) >= 0) {
        grounds g = {k, -1, -1, 0};
        note_change(&l->deployments[k],
                    (gen_change){1, c->software, -1, NULL, NULL});
        return add_event(m, date, 1, c->software, NULL, &g);
    }
    return ZB_OK;
}

/* ---- requests ---------------------------------------------------------- */

static const char *const reasons[] = {
    "审核材料需阅读 PDF 文件。",
    "需解压上级下发的压缩文件。",
    "需编辑 PDF 格式的报表和合同。",
    "与其他部门交换的文档需用 2023 版打开。",
    "好压不再使用，申请卸载。",
    "旧版无法打开新版电子文件。",
    "希望使用 Microsoft Office 处理报表。",
    "数据分析需使用 Office 2021。",
};

enum wish { WISH_PDF, WISH_ZIP, WISH_PDFPRO, WISH_WPS, WISH_UNZIP,
            WISH_PDF_UP, WISH_OFFICE, WISH_MSO_UP, WISH_NONE };

/* What the user of M may ask for on DATE, at random among what makes
   sense for what the computer has. */
static enum wish pick_wish(machine *m, zb_date date)
{
    gen_ledger *l = m->l;
    enum wish options[8];
    int n = 0;
    int foxit = holds(m, SW_FOXIT);
    if (foxit < 0 && m->c->dept % 3 == 1)
        options[n++] = WISH_PDF;
    if (foxit >= 0 && same_text(m->version[foxit], "V11"))
        options[n++] = WISH_PDF_UP;
    options[n++] = holds(m, SW_HAOZIP) < 0 ? WISH_ZIP : WISH_UNZIP;
    if (date > 20220520 && holds(m, SW_FOXITPRO) < 0)
        options[n++] = WISH_PDFPRO;
    /* the deployment upgrades the first batch in half the departments */
    if (date > 20230520 && (holds(m, SW_WPS2019B) >= 0 ||
                            (holds(m, SW_WPS2019A) >= 0 &&
                             !notified(l, HALF, m->c->dept))))
        options[n++] = WISH_WPS;
    if (rng_chance(&l->rng, 10))
        options[n++] = WISH_OFFICE;
    return n ? options[rng_below(&l->rng, n)] : WISH_NONE;
}

/* A request for CHANGE by the user of M, approved on the day before DATE
   (or refused); its events and confirmation on DATE. */
static zb_status request(machine *m, zb_date date, gen_change change,
                         enum wish wish, int agree)
{
    gen_ledger *l = m->l;
    gen_request *r = GEN_PUSH(l, requests);
    if (!r)
        return ZB_ERR_NOMEM;
    int applicant = m->c->user >= 0 ? m->c->user : l->depts[m->c->dept].head;
    zb_date asked = date_add_days(date, -2 - rng_below(&l->rng, 5));
    *r = (gen_request){applicant, asked, m->index, change, reasons[wish],
                       l->depts[l->staff[applicant].dept].head, asked,
                       l->depts[l->it_dept].head, date_add_days(asked, 1),
                       agree, 0};
    if (!agree)
        return ZB_OK;
    grounds g = {-1, (int)l->nrequests - 1, -1, 0};
    zb_status st = add_confirmation(m, date, &g.confirmation);
    if (st == ZB_OK && change.kind != 0)
        st = add_event(m, date, 1, change.from, NULL, &g);
    if (st == ZB_OK && change.kind != 1)
        st = add_event(m, date, 0, change.to, change.to_version, &g);
    return st;
}

static zb_status make_request(machine *m, zb_date date)
{
    enum wish wish = pick_wish(m, date);
    int wps = holds(m, SW_WPS2019A) >= 0 ? SW_WPS2019A : SW_WPS2019B;
    switch (wish) {
    case WISH_PDF:
        return request(m, date, (gen_change){0, -1, SW_FOXIT, NULL, "V11"},
                       wish, 1);
    case WISH_PDF_UP:
        return request(m, date,
                       (gen_change){2, SW_FOXIT, SW_FOXIT, "V11", "V12"},
                       wish, 1);
    case WISH_ZIP:
        return request(m, date, (gen_change){0, -1, SW_HAOZIP, NULL, "V6"},
                       wish, 1);
    case WISH_UNZIP:
        return request(m, date, (gen_change){1, SW_HAOZIP, -1, NULL, NULL},
                       wish, 1);
    case WISH_PDFPRO:
        return request(m, date, (gen_change){0, -1, SW_FOXITPRO, NULL, NULL},
                       wish, 1);
    case WISH_WPS:
        return request(m, date, (gen_change){2, wps, SW_WPS2023, NULL, NULL},
                       wish, 1);
    case WISH_OFFICE: /* refused: WPS does the job */
        return request(m, date, (gen_change){0, -1, SW_MSO2021, NULL, NULL},
                       wish, 0);
    default:
        return ZB_OK;
    }
}

/* ---- one computer, step by step --------------------------------------- */

typedef struct step {
    zb_date date;
    int order;
    int what;  /* campaign index, or one of the STEP_ values */
} step;

enum { STEP_SETUP = -1, STEP_REQUEST = -2, STEP_MSO_UP = -3, STEP_CLEAR = -4,
       STEP_SNEAK = -5 };

static int compare_steps(const void *pa, const void *pb)
{
    const step *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The setup deployment for a computer set up on DATE. */
static int setup_campaign(zb_date date)
{
    return date < 20220104 ? 0 : date < 20230104 ? 4 : 9;
}

static int dispose_campaign(zb_date date)
{
    return date < 20230110 ? 5 : 10;
}

static zb_status run_step(machine *m, const step *s)
{
    int server = m->c->kind == MACHINE_SERVER;
    if (s->what >= 0)
        return run_campaign(m, s->what, s->date);
    switch (s->what) {
    case STEP_SETUP:
        if (m->c->acquired < 20210322 && server)
            return setup(m, 1, s->date, 0);
        return setup(m, setup_campaign(s->date), s->date,
                     m->c->acquired >= 20210322);
    case STEP_REQUEST:
        return m->set_up && !server ? make_request(m, s->date) : ZB_OK;
    case STEP_MSO_UP:
        if (holds(m, SW_MSO2016) < 0)
            return ZB_OK;
        return request(m, s->date,
                       (gen_change){2, SW_MSO2016, SW_MSO2021, NULL, NULL},
                       WISH_MSO_UP, 1);
    case STEP_CLEAR:
        return clear(m, dispose_campaign(s->date), s->date);
    case STEP_SNEAK:
        if (!m->set_up || server || holds(m, SW_HAOZIP) >= 0)
            return ZB_OK;
        return add_event(m, s->date, 0, SW_HAOZIP, NULL,
                         &(grounds){-1, -1, -1, 1});
    }
    return ZB_OK;
}

/* The steps of computer M: its setup, every deployment's visit, a few
   requests, and its clearing when it is disposed of. */
static size_t plan_steps(machine *m, step *steps)
{
    gen_ledger *l = m->l;
    const gen_computer *c = m->c;
    zb_date end = m->cleared ? m->cleared : GEN_AS_OF;
    size_t n = 0;
    int server = c->kind == MACHINE_SERVER;
    zb_date first = c->acquired >= 20210322
                        ? date_add_days(c->acquired, 1 + rng_below(&l->rng, 7))
                        : visit_day(&campaigns[server ? 1 : 0], m);
    if (c->acquired >= 20210322 &&
        first <= campaigns[setup_campaign(first)].date)
        first = date_add_days(campaigns[setup_campaign(first)].date, 1);
    if (first < end)
        steps[n++] = (step){first, 0, STEP_SETUP};
    for (int k = 0; k < NCAMPAIGNS; k++) {
        zb_date d = visit_day(&campaigns[k], m);
        enum job job = campaigns[k].job;
        if ((job == JOB_INSTALL || job == JOB_UPGRADE ||
             job == JOB_UNINSTALL) && d > first && d < end)
            steps[n++] = (step){d, 0, k};
    }
    int span = date_to_days(end) - date_to_days(first) - 30;
    for (int k = rng_below(&l->rng, 4); k > 0 && span > 0; k--)
        steps[n++] = (step){date_add_days(first, 20 + rng_below(&l->rng, span)),
                            0, STEP_REQUEST};
    zb_date mso = date_add_days(20230914, rng_below(&l->rng, 10));
    if (c->dept == l->finance_dept && mso < end && rng_chance(&l->rng, 60))
        steps[n++] = (step){mso, 0, STEP_MSO_UP};
    if (span > 0 && rng_chance(&l->rng, 1))
        steps[n++] = (step){date_add_days(first, 20 + rng_below(&l->rng, span)),
                            0, STEP_SNEAK};
    if (m->cleared)
        steps[n++] = (step){m->cleared, 0, STEP_CLEAR};
    for (size_t i = 0; i < n; i++)
        steps[i].order = (int)i;
    qsort(steps, n, sizeof *steps, compare_steps);
    return n;
}

static zb_status simulate(gen_ledger *l, int index)
{
    const gen_computer *c = &l->computers[index];
    machine m = {l, index, c, 0, 0, {0}, {0}, 0,
                 rng_chance(&l->rng, 70) ? SW_360 : SW_TENCENT, 0};
    if (c->disposed)
        m.cleared = date_add_days(c->disposed, -2);
    step steps[NCAMPAIGNS + 8];
    size_t n = plan_steps(&m, steps);
    zb_status st = ZB_OK;
    for (size_t i = 0; i < n && st == ZB_OK; i++)
        st = run_step(&m, &steps[i]);
    return st;
}

static int compare_events(const void *pa, const void *pb)
{
    const gen_event *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

zb_status gen_log(gen_ledger *l)
{
    l->ndeployments = NCAMPAIGNS;
    l->deployments = calloc(NCAMPAIGNS, sizeof *l->deployments);
    if (!l->deployments)
        return ZB_ERR_NOMEM;
    for (int k = 0; k < NCAMPAIGNS; k++) {
        const campaign *c = &campaigns[k];
        l->deployments[k] = (gen_deployment){
            c->id, c->date, c->title,
            c->scope == IT_DEPT        ? l->it_dept
            : c->scope == FINANCE_DEPT ? l->finance_dept
                                       : -1,
            c->scope == HALF, {{0}}, 0};
    }
    zb_status st = ZB_OK;
    for (size_t i = 0; i < l->ncomputers && st == ZB_OK; i++)
        st = simulate(l, (int)i);
    qsort(l->events, l->nevents, sizeof *l->events, compare_events);
    return st;
}
