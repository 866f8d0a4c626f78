/* The unit: departments, staff, the leadership group and the computers. */
#include "gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const gen_size sizes[] = {
    {"S", 30, 35, 7, UNIT_BUREAU, "桐川县人力资源和社会保障局", "桐川县",
     "TCRS", "桐人社发"},
    {"M", 300, 350, 20, UNIT_HOSPITAL, "桐川县人民医院", "桐川县", "TCRY",
     "桐医发"},
    {"L", 3000, 3500, 60, UNIT_HOSPITAL, "岚州市中心医院", "岚州市", "LZZX",
     "岚中医发"},
    {"XL", 17000, 20000, 240, UNIT_COLLEGE, "岚州大学", "岚州市", "LZDX",
     "岚大发"},
};

const gen_size *gen_size_find(const char *name)
{
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
        if (!strcmp(sizes[i].name, name))
            return &sizes[i];
    return NULL;
}

void *gen_push(void **items, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t grown = *cap ? *cap * 2 : 64;
        void *p = realloc(*items, grown * size);
        if (!p)
            return NULL;
        *items = p;
        *cap = grown;
    }
    char *item = (char *)*items + (*n)++ * size;
    memset(item, 0, size);
    return item;
}

/* ---- departments --------------------------------------------------------- */

/* How a kind of unit is organised. The first five departments are the
   leaders, the office, IT, finance and assets (some the same one). */
typedef struct profile {
    const char *const *depts;    /* leaders first, NULL-terminated */
    const char *const *subunits; /* names past the list: dept + subunit */
    int it, finance, assets;     /* indexes into depts */
    const char *const *leader_posts;
    const char *head_post;
    const char *const *posts;    /* everyone else */
} profile;

#define LIST(...) ((const char *const[]){__VA_ARGS__, NULL})

static const profile profiles[] = {
    [UNIT_BUREAU] = {
        LIST("局领导", "办公室", "规划财务股", "就业促进股", "社会保险股",
             "劳动关系股", "人才服务中心"),
        LIST("一组", "二组"), 1, 2, 1,
        LIST("党组书记、局长", "党组成员、副局长", "党组成员、副局长",
             "四级调研员"),
        "股长", LIST("科员", "科员", "经办员", "经办员", "会计")},
    [UNIT_HOSPITAL] = {
        LIST("院领导", "党政办公室", "信息中心", "财务科", "资产设备科",
             "人事科", "医务科", "护理部", "心血管内科", "呼吸内科",
             "消化内科", "神经内科", "内分泌科", "肾内科", "血液科", "普外科",
             "骨科", "神经外科", "泌尿外科", "胸外科", "妇科", "产科", "儿科",
             "眼科", "耳鼻咽喉科", "口腔科", "皮肤科", "急诊科", "重症医学科",
             "麻醉科", "康复医学科", "中医科", "肿瘤科", "感染科", "放射科",
             "超声科", "检验科", "病理科", "药剂科", "医保办", "门诊部",
             "后勤保障科", "科教科"),
        LIST("一病区", "二病区", "门诊", "医技组"), 2, 3, 4,
        LIST("党委书记", "院长", "副院长", "副院长", "副院长", "总会计师",
             "工会主席", "纪委书记"),
        "主任", LIST("主治医师", "住院医师", "副主任医师", "主管护师", "护师",
                    "技师", "科员")},
    [UNIT_COLLEGE] = {
        LIST("校领导", "党政办公室", "网络信息中心", "财务处",
             "国有资产管理处", "人事处", "教务处", "科研处", "学生工作处",
             "研究生院", "图书馆", "后勤管理处", "保卫处", "文学院",
             "历史文化学院", "外国语学院", "数学与统计学院",
             "物理与电子工程学院", "化学化工学院", "生命科学学院",
             "计算机科学与技术学院", "机械工程学院", "电气工程学院",
             "土木工程学院", "建筑学院", "经济学院", "管理学院", "法学院",
             "马克思主义学院", "教育学院", "体育学院", "音乐学院", "美术学院",
             "新闻传播学院", "医学院", "药学院", "农学院", "环境科学学院",
             "材料科学与工程学院", "继续教育学院", "国际教育学院"),
        LIST("办公室", "实验中心", "教学科研一室", "教学科研二室", "资料室",
             "学生工作办公室"),
        2, 3, 4,
        LIST("党委书记", "校长", "副校长", "副校长", "副校长", "副校长",
             "总会计师", "纪委书记", "党委副书记", "工会主席"),
        "处长", LIST("教授", "副教授", "讲师", "讲师", "助教", "实验员",
                    "科员", "辅导员")},
};

static size_t count_of(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}

static zb_status make_departments(gen_ledger *l, const profile *p)
{
    size_t npool = count_of(p->depts), nsub = count_of(p->subunits);
    for (int i = 0; i < l->size->departments; i++) {
        gen_dept *d = GEN_PUSH(l, depts);
        if (!d)
            return ZB_ERR_NOMEM;
        size_t base = (size_t)i % npool, round = (size_t)i / npool;
        if (round > nsub)
            return ZB_ERR_USAGE; /* more departments than names */
        snprintf(d->name, sizeof d->name, "%s%s", p->depts[base],
                 round ? p->subunits[round - 1] : "");
        snprintf(d->id, sizeof d->id, "d%03d", i + 1);
        snprintf(d->phone, sizeof d->phone, "0771-555%04d", 101 + i);
    }
    l->it_dept = p->it;
    l->finance_dept = p->finance;
    l->assets_dept = p->assets;
    return ZB_OK;
}

/* ---- staff --------------------------------------------------------------- */

static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
    "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋",
    "唐", "韦", "邓", "许", "冯", "曾", "彭", "潘", "蒋", "蔡", "覃", "蒙",
    "莫", "陆", "农", "廖", "甘", "卢", "黎", "钟", "谭", "蓝", "欧阳", "司马"};

static const char *const given[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
    "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华",
    "玉", "兰", "文", "建", "国", "志", "海", "晓", "红", "春", "雪", "梅",
    "宇", "航", "思", "远", "佳", "琳", "婷", "博", "浩", "然", "欣", "怡",
    "子", "涵", "俊", "豪", "雅", "琴", "振", "邦", "立", "新", "德", "才",
    "慧", "燕", "峰", "凡", "彬", "天", "佑", "秋", "萍", "宝", "珠", "美"};

#define COUNT(a) ((int)(sizeof a / sizeof *a))

static void make_name(gen_rng *r, char *out, size_t size)
{
    const char *s = surnames[rng_below(r, COUNT(surnames))];
    const char *a = given[rng_below(r, COUNT(given))];
    const char *b = rng_chance(r, 70) ? given[rng_below(r, COUNT(given))] : "";
    snprintf(out, size, "%s%s%s", s, a, b);
}

/* How many people each department has: the leaders a few, every other
   department at least two, the rest spread unevenly. */
static int *department_sizes(gen_ledger *l, int leaders)
{
    int ndepts = (int)l->ndepts, rest = l->size->staff - leaders;
    int *n = calloc((size_t)ndepts, sizeof *n);
    int *weight = calloc((size_t)ndepts, sizeof *weight);
    if (!n || !weight) {
        free(n);
        free(weight);
        return NULL;
    }
    int total = 0;
    n[0] = leaders;
    for (int i = 1; i < ndepts; i++) {
        n[i] = 2;
        rest -= 2;
        weight[i] = 1 + rng_below(&l->rng, 4) +
                    (i == l->it_dept && l->size->kind != UNIT_BUREAU) * 2;
        total += weight[i];
    }
    for (int k = 0; k < rest; k++) {
        int pick = rng_below(&l->rng, total), i = 1;
        while (pick >= weight[i])
            pick -= weight[i++];
        n[i]++;
    }
    free(weight);
    return n;
}

static zb_status make_staff(gen_ledger *l, const profile *p)
{
    int leaders = (int)count_of(p->leader_posts);
    if (leaders > l->size->staff / 4)
        leaders = l->size->staff / 4;
    int *sizes_of = department_sizes(l, leaders);
    if (!sizes_of)
        return ZB_ERR_NOMEM;
    size_t nposts = count_of(p->posts);
    for (size_t d = 0; d < l->ndepts; d++) {
        l->depts[d].head = (int)l->nstaff;
        for (int k = 0; k < sizes_of[d]; k++) {
            gen_person *s = GEN_PUSH(l, staff);
            if (!s) {
                free(sizes_of);
                return ZB_ERR_NOMEM;
            }
            make_name(&l->rng, s->name, sizeof s->name);
            s->dept = (int)d;
            s->post = d == 0                      ? p->leader_posts[k]
                      : k == 0                    ? p->head_post
                      : (int)d == l->it_dept && k < 3 ? "信息管理员"
                      : (int)d == l->finance_dept ? "会计"
                      : p->posts[rng_below(&l->rng, (int)nposts)];
            int i = (int)l->nstaff;
            snprintf(s->phone, sizeof s->phone, "139%08d",
                     (int)((7710000u + (unsigned)i * 37u) % 100000000u));
            s->pledged = rng_chance(&l->rng, 98) ? 20210628 : 0;
        }
    }
    free(sizes_of);
    return ZB_OK;
}

/* 组长 and 副组长 from the leaders; the heads of the office, IT, finance
   and assets as 成员. */
static void make_leadership(gen_ledger *l)
{
    int office = l->depts[1].head;
    int want[6] = {0, 1, 2, office, l->depts[l->it_dept].head,
                   l->depts[l->finance_dept].head};
    for (int i = 0; i < 6; i++)
        l->leaders[i] = -1;
    for (int i = 0, n = 0; i < 6; i++) {
        int dup = 0;
        for (int k = 0; k < n; k++)
            dup |= l->leaders[k] == want[i];
        if (!dup)
            l->leaders[n++] = want[i];
    }
    int it = l->depts[l->it_dept].head;
    for (size_t i = (size_t)it; i < l->nstaff && l->noperators < 8; i++)
        if (l->staff[i].dept == l->it_dept)
            l->operators[l->noperators++] = (int)i;
}

/* ---- computers ----------------------------------------------------------- */

typedef struct model {
    const char *brand, *model;
    int oem;
} model;

/* A consumer laptop with a home edition, bought now and then. */
#define HOME_LAPTOP ((model){"联想", "小新Pro14", SW_OEM_HOME})

/* A computer of KIND bought in YEAR, as units buy them: Windows 7 before
   2017, Windows 10 after, domestic systems from 2022; now and then a
   laptop with a home edition. */
static model pick_model(gen_rng *r, gen_machine kind, int year)
{
    static const model servers[] = {{"戴尔", "PowerEdge R740", -1},
                                    {"浪潮", "NF5280M5", -1},
                                    {"华为", "FusionServer 2288H V5", -1}};
    static const model desktops[4][4] = {
        {{"联想", "启天M4600", SW_OEM_WIN7},
         {"惠普", "ProDesk 400 G3", SW_OEM_WIN7}},
        {{"联想", "启天M428", SW_OEM_WIN10_1809},
         {"戴尔", "OptiPlex 3060", SW_OEM_WIN10_1809}},
        {{"联想", "启天M420", SW_OEM_WIN10_20H2},
         {"惠普", "ProDesk 480 G7", SW_OEM_WIN10_20H2}},
        {{"长城", "世恒TD120A2", SW_OEM_UOS},
         {"华为", "擎云W515", SW_OEM_UOS},
         {"联想", "开天M630Z", SW_OEM_KYLIN},
         {"联想", "启天M455", SW_OEM_WIN10_22H2}}};
    static const model laptops[4][3] = {
        {{"联想", "ThinkPad E450", SW_OEM_WIN7},
         {"戴尔", "Latitude 3470", SW_OEM_WIN7}},
        {{"联想", "ThinkPad E480", SW_OEM_WIN10_1809},
         {"戴尔", "Latitude 3490", SW_OEM_WIN10_1809}},
        {{"联想", "ThinkPad E14", SW_OEM_WIN10_20H2},
         {"华为", "MateBook D14", SW_OEM_WIN10_20H2}},
        {{"联想", "ThinkPad E14 Gen 4", SW_OEM_WIN10_22H2},
         {"华为", "擎云L420", SW_OEM_UOS},
         {"戴尔", "Latitude 3420", SW_OEM_WIN10_22H2}}};
    if (kind == MACHINE_SERVER)
        return servers[rng_below(r, COUNT(servers))];
    int era = year < 2017 ? 0 : year < 2020 ? 1 : year < 2022 ? 2 : 3;
    if (kind == MACHINE_DESKTOP)
        return desktops[era][rng_below(r, era == 3 ? 4 : 2)];
    if (era == 2 && rng_chance(r, 5))
        return HOME_LAPTOP;
    model m = laptops[era][rng_below(r, era == 3 ? 3 : 2)];
    if (year == 2023 && m.oem == SW_OEM_WIN10_22H2)
        m.oem = SW_OEM_WIN11;
    return m;
}

/* A day of YEAR, not after the 1st of December of the report year. */
static zb_date day_in(gen_rng *r, int year)
{
    zb_date d = date_add_days(year * 10000 + 101, rng_below(r, 365));
    return d > GEN_YEAR * 10000 + 1201 ? GEN_YEAR * 10000 + 1201 : d;
}

static int purchase_year(gen_rng *r, int from)
{
    static const int weight[] = {4, 6, 8, 10, 12, 12, 12, 12, 12, 8};
    int total = 0, first = from - 2014;
    for (int i = first; i < COUNT(weight); i++)
        total += weight[i];
    int pick = rng_below(r, total), i = first;
    while (pick >= weight[i])
        pick -= weight[i++];
    return 2014 + i;
}

static gen_computer *add_computer(gen_ledger *l, gen_machine kind, int user,
                                  int dept, zb_date acquired)
{
    gen_computer *c = GEN_PUSH(l, computers);
    if (!c)
        return NULL;
    model m = pick_model(&l->rng, kind, acquired / 10000);
    *c = (gen_computer){"", kind, m.brand, m.model, user, dept, acquired, 0,
                        m.oem};
    return c;
}

static int compare_computers(const void *pa, const void *pb)
{
    const gen_computer *a = pa, *b = pb;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->acquired != b->acquired)
        return a->acquired < b->acquired ? -1 : 1;
    return a->user < b->user ? -1 : a->user > b->user;
}

/* Make sure the unit has one laptop with a home edition (the forms flag
   it): the first laptop of 2020-2021 when chance gave none. */
static void give_home_edition(gen_ledger *l)
{
    gen_computer *first = NULL;
    for (size_t i = 0; i < l->ncomputers; i++) {
        gen_computer *c = &l->computers[i];
        if (c->oem == SW_OEM_HOME)
            return;
        if (!first && c->kind == MACHINE_LAPTOP && c->acquired >= 20200101 &&
            c->acquired < 20220101)
            first = c;
    }
    if (first) {
        first->brand = HOME_LAPTOP.brand;
        first->model = HOME_LAPTOP.model;
        first->oem = HOME_LAPTOP.oem;
    }
}

/* Servers for the IT department, a few shared computers, one computer for
   nearly everyone (a second one, a laptop, for some), and old computers
   disposed of in 2022-2023 and replaced for the same user. */
static zb_status make_computers(gen_ledger *l)
{
    int n = l->size->computers;
    int servers = n / 50 < 2 ? 2 : n / 50, shared = n / 33 < 1 ? 1 : n / 33;
    int replaced = n / 12, personal = n - servers - shared - replaced;
    int nstaff = (int)l->nstaff;
    for (int i = 0; i < servers; i++)
        if (!add_computer(l, MACHINE_SERVER,
                          l->operators[i % l->noperators], l->it_dept,
                          day_in(&l->rng, purchase_year(&l->rng, 2016))))
            return ZB_ERR_NOMEM;
    for (int i = 0; i < shared; i++)
        if (!add_computer(l, MACHINE_DESKTOP, -1,
                          1 + rng_below(&l->rng, (int)l->ndepts - 1),
                          day_in(&l->rng, purchase_year(&l->rng, 2014))))
            return ZB_ERR_NOMEM;
    for (int i = 0; i < personal; i++) {
        /* the first round gives everyone but a few one computer; later
           rounds give leaders and others a laptop besides */
        int user = i < nstaff ? i : rng_below(&l->rng, nstaff);
        if (i < nstaff && rng_chance(&l->rng, 3))
            user = (user + 1) % nstaff;
        gen_machine kind = i >= nstaff || rng_chance(&l->rng, 15)
                               ? MACHINE_LAPTOP
                               : MACHINE_DESKTOP;
        if (!add_computer(l, kind, user, l->staff[user].dept,
                          day_in(&l->rng, purchase_year(&l->rng, 2014))))
            return ZB_ERR_NOMEM;
    }
    for (size_t i = (size_t)servers + (size_t)shared;
         i < l->ncomputers && replaced > 0; i++) {
        const gen_computer *old = &l->computers[i];
        if (old->acquired >= 20180101 || !rng_chance(&l->rng, 60))
            continue;
        zb_date disposed = date_add_days(20220201, rng_below(&l->rng, 650));
        zb_date bought = date_add_days(disposed, -3 - rng_below(&l->rng, 18));
        int user = old->user, dept = old->dept;
        l->computers[i].disposed = disposed;
        if (!add_computer(l, MACHINE_DESKTOP, user, dept, bought))
            return ZB_ERR_NOMEM;
        replaced--;
    }
    while (replaced-- > 0) /* not enough old computers: new laptops */
        if (!add_computer(l, MACHINE_LAPTOP, 0, 0, 20230301))
            return ZB_ERR_NOMEM;
    give_home_edition(l);
    qsort(l->computers, l->ncomputers, sizeof *l->computers,
          compare_computers);
    static const char *const kinds[] = {"SV", "PC", "NB"};
    int seq[3] = {0, 0, 0};
    for (size_t i = 0; i < l->ncomputers; i++) {
        gen_computer *c = &l->computers[i];
        snprintf(c->id, sizeof c->id, "%s-%s-%0*d", l->size->prefix,
                 kinds[c->kind], n >= 10000 ? 5 : n >= 1000 ? 4 : 3,
                 ++seq[c->kind]);
    }
    return ZB_OK;
}

zb_status gen_unit(gen_ledger *l)
{
    const profile *p = &profiles[l->size->kind];
    zb_status st = make_departments(l, p);
    if (st == ZB_OK)
        st = make_staff(l, p);
    if (st != ZB_OK)
        return st;
    make_leadership(l);
    return make_computers(l);
}
