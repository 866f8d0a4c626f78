/* The checks on licences: copies over the licence count or past the term,
   copies without a licence, OEM copies off their computer and home
   editions, serials over their seats, computers without an operating
   system. */
#include "audit_checks.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "licence.h"

/* ---- counting copies day by day ------------------------------------------ */

/* The copies of one software (or of one serial) at the end of each day of
   a window, fed the steps of the history in time order: the most there
   were, the first day there were that many, and how many there are at the
   end of the window. Several steps on one day count as one change. */
typedef struct tally {
    zb_date lo, hi; /* the window, both included; empty when lo > hi */
    int count;      /* copies after the steps counted so far */
    zb_date day;    /* the day of the last step counted; 0 before any */
    long line;      /* the ledger line of the last step counted */
    int lo_seen;    /* the end of day lo was looked at */
    int peak;       /* -1 until a day of the window was looked at */
    zb_date peak_day;
    long peak_line;
} tally;

static void tally_open(tally *t, zb_date lo, zb_date hi)
{
    *t = (tally){.lo = lo, .hi = hi, .peak = -1};
}

/* The end of DAY, with the copies counted so far. */
static void tally_look(tally *t, zb_date day)
{
    if (t->count > t->peak) {
        t->peak = t->count;
        t->peak_day = day;
        t->peak_line = t->line;
    }
}

/* A step on DATE, from the ledger LINE, that changes the copies by DELTA. */
static void tally_step(tally *t, zb_date date, int delta, long line)
{
    if (date > t->hi)
        return;
    if (t->day && date != t->day && t->day >= t->lo)
        tally_look(t, t->day);
    if (date > t->lo && !t->lo_seen) {
        tally_look(t, t->lo);
        t->lo_seen = 1;
    }
    t->count += delta;
    t->day = date;
    t->line = line;
}

/* No more steps: look at the days not looked at yet. */
static void tally_close(tally *t)
{
    if (t->lo > t->hi)
        return;
    if (t->day && t->day >= t->lo)
        tally_look(t, t->day);
    if (!t->lo_seen)
        tally_look(t, t->lo);
}

/* +1 when step I of H started its copy, -1 when it ended it, 0 when it
   changed nothing. */
static int step_delta(const zb_history *h, size_t i)
{
    int c = h->steps[i].copy;
    return c == ZB_NONE ? 0 : h->copies[c].first == i ? 1 : -1;
}

/* The ledger line of STEP: its event's, else its computer's. */
static long step_line(const zb_ledger *l, const zb_step *step)
{
    return step->event != ZB_NONE ? l->events[step->event].line
                                  : l->computers[step->computer].line;
}

/* The days of the audit (the report year up to the as-of date) on which
   commercial SW is held. */
static void held_window(const audit_ctx *ctx, const zb_software *sw,
                        zb_date *lo, zb_date *hi)
{
    licence_days(sw, lo, hi);
    if (*lo < ctx->year_start)
        *lo = ctx->year_start;
    if (*hi > ctx->as_of)
        *hi = ctx->as_of;
}

/* Whether T, holding at most LIMIT copies, holds more on the as-of date. */
static int over_now(const audit_ctx *ctx, const tally *t, int limit)
{
    return t->hi == ctx->as_of && t->count > limit;
}

/* ---- over-deployed ------------------------------------------------------- */

static void report_over(audit_ctx *ctx, const zb_audit_check *check, int s,
                        const tally *t)
{
    const zb_software *sw = &ctx->l->software[s];
    int licences = sw->commercial.license_count;
    int now = over_now(ctx, t, licences);
    zb_finding *f =
        audit_add(ctx, check, now ? LEVEL_SERIOUS : LEVEL_GENERAL,
                  t->peak_line ? t->peak_line : sw->line, ZB_NONE, s);
    if (!f)
        return;
    f->dept = ctx->l->it_dept;
    audit_key(ctx, f, "%s", sw->id);
    char day[11];
    date_format(t->peak_day, day);
    if (now)
        audit_say(ctx, f,
                  "商业软件 %s（%s）许可数量 %d 个，填表日期安装在 %d "
                  "台计算机上，超出 %d 台（最多时 %s 安装 %d 台）",
                  sw->id, sw->name, licences, t->count, t->count - licences,
                  day, t->peak);
    else
        audit_say(ctx, f,
                  "商业软件 %s（%s）许可数量 %d 个，%s 安装在 %d "
                  "台计算机上，超出 %d 台（填表日期前已减少）",
                  sw->id, sw->name, licences, day, t->peak, t->peak - licences);
}

zb_status audit_check_over_deployed(audit_ctx *ctx, const zb_audit_check *check)
{
    const zb_ledger *l = ctx->l;
    const zb_history *h = ctx->h;
    tally *t = malloc((l->nsoftware + 1) * sizeof *t);
    if (!t)
        return ctx->status = ZB_ERR_NOMEM;
    for (size_t s = 0; s < l->nsoftware; s++) {
        zb_date lo = 1, hi = 0;
        if (l->software[s].kind == SOFTWARE_COMMERCIAL)
            held_window(ctx, &l->software[s], &lo, &hi);
        tally_open(&t[s], lo, hi);
    }
    for (size_t i = 0; i < h->nsteps; i++) {
        const zb_step *step = &h->steps[i];
        tally_step(&t[step->software], step->date, step_delta(h, i),
                   step_line(l, step));
    }
    for (size_t s = 0; s < l->nsoftware; s++) {
        tally_close(&t[s]);
        if (t[s].peak > l->software[s].commercial.license_count &&
            l->software[s].kind == SOFTWARE_COMMERCIAL)
            report_over(ctx, check, (int)s, &t[s]);
    }
    free(t);
    return ctx->status;
}

/* ---- serials over their seats -------------------------------------------- */

typedef struct serial_key {
    int software;
    const char *text;
    int index; /* among the software's serials */
} serial_key;

static int compare_serials(const void *pa, const void *pb)
{
    const serial_key *a = pa, *b = pb;
    if (a->software != b->software)
        return a->software < b->software ? -1 : 1;
    return strcmp(a->text, b->text);
}

/* The serials worth counting: the over-deployed check already covers the
   only serial of a software when it may be installed as often as the
   software. */
static int serial_counted(const zb_commercial *c, size_t k)
{
    return c->nserials > 1 || c->serials[k].seats < c->license_count;
}

/* What the serial check needs: each serial's number among all serials,
   sorted for look-up, and the serial each copy was installed with. */
typedef struct serial_map {
    size_t *base;     /* by software: the number of its first serial */
    serial_key *keys; /* sorted by software and text */
    size_t nkeys;
    int *copy_serial; /* by copy: the serial's number, or -1 */
} serial_map;

static void serial_map_free(serial_map *m)
{
    free(m->base);
    free(m->keys);
    free(m->copy_serial);
}

/* The serial number of copy C: the one its install recorded, or the only
   one of its software; -1 when unknown or not counted. */
static int serial_of(const audit_ctx *ctx, const serial_map *m,
                     const zb_copy *c)
{
    const zb_software *sw = &ctx->l->software[c->software];
    const zb_commercial *com = &sw->commercial;
    if (sw->kind != SOFTWARE_COMMERCIAL || com->nserials == 0)
        return -1;
    const char *text = c->install_event == ZB_NONE
                           ? NULL
                           : ctx->l->events[c->install_event].serial;
    int k = 0;
    if (text) {
        serial_key key = {c->software, text, 0};
        const serial_key *at =
            bsearch(&key, m->keys, m->nkeys, sizeof key, compare_serials);
        if (!at)
            return -1;
        k = at->index;
    } else if (com->nserials > 1) {
        return -1;
    }
    return serial_counted(com, (size_t)k) ? (int)(m->base[c->software] + k)
                                          : -1;
}

static zb_status serial_map_build(const audit_ctx *ctx, serial_map *m)
{
    const zb_ledger *l = ctx->l;
    *m = (serial_map){0};
    m->base = malloc((l->nsoftware + 1) * sizeof *m->base);
    if (!m->base)
        return ZB_ERR_NOMEM;
    size_t n = 0;
    for (size_t s = 0; s < l->nsoftware; s++) {
        m->base[s] = n;
        if (l->software[s].kind == SOFTWARE_COMMERCIAL)
            n += l->software[s].commercial.nserials;
    }
    m->keys = malloc((n + 1) * sizeof *m->keys);
    m->copy_serial = malloc((ctx->h->ncopies + 1) * sizeof *m->copy_serial);
    if (!m->keys || !m->copy_serial)
        return ZB_ERR_NOMEM;
    for (size_t s = 0; s < l->nsoftware; s++)
        for (size_t k = 0; l->software[s].kind == SOFTWARE_COMMERCIAL &&
                           k < l->software[s].commercial.nserials;
             k++)
            m->keys[m->nkeys++] = (serial_key){
                (int)s, l->software[s].commercial.serials[k].text, (int)k};
    qsort(m->keys, m->nkeys, sizeof *m->keys, compare_serials);
    for (size_t c = 0; c < ctx->h->ncopies; c++)
        m->copy_serial[c] = serial_of(ctx, m, &ctx->h->copies[c]);
    return ZB_OK;
}

/* The last five characters of TEXT (a serial is shown by its tail only, as
   in the submission bundle). */
static const char *tail_of(const char *text)
{
    const char *p = text + strlen(text);
    for (int chars = 0; p > text && chars < 5;) {
        p--;
        if (((unsigned char)*p & 0xC0) != 0x80)
            chars++;
    }
    return p;
}

static void report_serial(audit_ctx *ctx, const zb_audit_check *check, int s,
                          size_t k, const tally *t)
{
    const zb_software *sw = &ctx->l->software[s];
    const zb_serial *serial = &sw->commercial.serials[k];
    int now = over_now(ctx, t, serial->seats);
    zb_finding *f = audit_add(ctx, check, now ? LEVEL_SERIOUS : LEVEL_GENERAL,
                              serial->line, ZB_NONE, s);
    if (!f)
        return;
    f->dept = ctx->l->it_dept;
    audit_key(ctx, f, "%s:%zu", sw->id, k + 1);
    char day[11];
    date_format(t->peak_day, day);
    if (now)
        audit_say(ctx, f,
                  "商业软件 %s（%s）的第 %zu 个序列号（尾号 %s）可安装 %d "
                  "台，填表日期安装在 %d 台计算机上",
                  sw->id, sw->name, k + 1, tail_of(serial->text), serial->seats,
                  t->count);
    else
        audit_say(ctx, f,
                  "商业软件 %s（%s）的第 %zu 个序列号（尾号 %s）可安装 %d "
                  "台，%s 安装在 %d 台计算机上（填表日期前已减少）",
                  sw->id, sw->name, k + 1, tail_of(serial->text), serial->seats,
                  day, t->peak);
}

zb_status audit_check_serials(audit_ctx *ctx, const zb_audit_check *check)
{
    const zb_ledger *l = ctx->l;
    const zb_history *h = ctx->h;
    serial_map m;
    tally *t = NULL;
    if (serial_map_build(ctx, &m) != ZB_OK ||
        !(t = malloc((m.nkeys + 1) * sizeof *t))) {
        serial_map_free(&m);
        return ctx->status = ZB_ERR_NOMEM;
    }
    for (size_t s = 0; s < l->nsoftware; s++) {
        const zb_software *sw = &l->software[s];
        for (size_t k = 0;
             sw->kind == SOFTWARE_COMMERCIAL && k < sw->commercial.nserials;
             k++) {
            zb_date lo, hi;
            held_window(ctx, sw, &lo, &hi);
            tally_open(&t[m.base[s] + k], lo, hi);
        }
    }
    for (size_t i = 0; i < h->nsteps; i++) {
        const zb_step *step = &h->steps[i];
        if (step->copy != ZB_NONE && m.copy_serial[step->copy] >= 0)
            tally_step(&t[m.copy_serial[step->copy]], step->date,
                       step_delta(h, i), step_line(l, step));
    }
    for (size_t s = 0; s < l->nsoftware; s++) {
        const zb_commercial *c = &l->software[s].commercial;
        for (size_t k = 0;
             l->software[s].kind == SOFTWARE_COMMERCIAL && k < c->nserials;
             k++) {
            tally *one = &t[m.base[s] + k];
            tally_close(one);
            if (serial_counted(c, k) && one->peak > c->serials[k].seats)
                report_serial(ctx, check, (int)s, k, one);
        }
    }
    free(t);
    serial_map_free(&m);
    return ctx->status;
}

/* ---- expired ------------------------------------------------------------- */

#define SHOWN 5 /* computers named in a finding; the others are counted */

/* The copies of one software used after its term. */
typedef struct expiry {
    int used;         /* copies installed on a day after the term */
    int now;          /* of them, still installed on the as-of date */
    zb_date removed;  /* the last day one was removed */
    int shown[SHOWN]; /* computers still installed, the first few */
} expiry;

/* The days of the audit after the term of commercial SW ended and before
   it was disposed (a disposed one is the unlicensed check's). */
static void expired_window(const audit_ctx *ctx, const zb_software *sw,
                           zb_date *lo, zb_date *hi)
{
    const zb_commercial *c = &sw->commercial;
    *lo = date_add_days(c->term_end, 1);
    if (*lo < ctx->year_start)
        *lo = ctx->year_start;
    *hi = c->disposed ? date_add_days(c->disposed, -1) : ctx->as_of;
    if (*hi > ctx->as_of)
        *hi = ctx->as_of;
}

/* "TCYB-PC-001、TCYB-PC-002 等 7 台" into B. */
static void list_computers(const zb_ledger *l, const int *shown, int n,
                           zb_buf *b)
{
    for (int i = 0; i < n && i < SHOWN; i++)
        buf_printf(b, "%s%s", i ? "、" : "", l->computers[shown[i]].id);
    if (n > SHOWN)
        buf_printf(b, " 等 %d 台", n);
}

static void report_expired(audit_ctx *ctx, const zb_audit_check *check, int s,
                           const expiry *e)
{
    const zb_software *sw = &ctx->l->software[s];
    zb_finding *f =
        audit_add(ctx, check, e->now ? LEVEL_SERIOUS : LEVEL_GENERAL, sw->line,
                  ZB_NONE, s);
    if (!f)
        return;
    f->dept = ctx->l->it_dept;
    audit_key(ctx, f, "%s", sw->id);
    char end[11], removed[11];
    date_format(sw->commercial.term_end, end);
    date_format(e->removed, removed);
    zb_buf list = {0};
    list_computers(ctx->l, e->shown, e->now, &list);
    if (e->now)
        audit_say(ctx, f,
                  "商业软件 %s（%s）许可期限到 %s 为止，填表日期仍安装在 %d "
                  "台计算机上：%s",
                  sw->id, sw->name, end, e->now, buf_str(&list));
    else
        audit_say(ctx, f,
                  "商业软件 %s（%s）许可期限到 %s 为止，到期后仍在 %d "
                  "台计算机上使用，%s 才全部卸载",
                  sw->id, sw->name, end, e->used, removed);
    if (list.failed)
        ctx->status = ZB_ERR_NOMEM;
    buf_free(&list);
}

zb_status audit_check_expired(audit_ctx *ctx, const zb_audit_check *check)
{
    const zb_ledger *l = ctx->l;
    expiry *e = calloc(l->nsoftware + 1, sizeof *e);
    if (!e)
        return ctx->status = ZB_ERR_NOMEM;
    for (size_t i = 0; i < ctx->h->ncopies; i++) {
        const zb_copy *c = &ctx->h->copies[i];
        const zb_software *sw = &l->software[c->software];
        zb_date lo, hi;
        if (sw->kind != SOFTWARE_COMMERCIAL || !sw->commercial.term_end)
            continue;
        expired_window(ctx, sw, &lo, &hi);
        if (!audit_present(c, lo, hi))
            continue;
        expiry *x = &e[c->software];
        x->used++;
        if (hi == ctx->as_of && history_installed_on(c, ctx->as_of)) {
            if (x->now < SHOWN)
                x->shown[x->now] = c->computer;
            x->now++;
        } else if (c->until > x->removed) {
            x->removed = c->until;
        }
    }
    for (size_t s = 0; s < l->nsoftware; s++)
        if (e[s].used)
            report_expired(ctx, check, (int)s, &e[s]);
    free(e);
    return ctx->status;
}

/* ---- unlicensed ---------------------------------------------------------- */

/* The line of the ledger that put copy C there: its install, else its
   software (an OEM copy). */
static long copy_line(const zb_ledger *l, const zb_copy *c)
{
    return c->install_event != ZB_NONE ? l->events[c->install_event].line
                                       : l->software[c->software].line;
}

/* The departments each free software may be used in (附件6), as sorted
   (software, department) pairs. */
typedef struct free_pair {
    int software, dept;
} free_pair;

static int compare_free_pairs(const void *pa, const void *pb)
{
    const free_pair *a = pa, *b = pb;
    if (a->software != b->software)
        return a->software < b->software ? -1 : 1;
    return a->dept < b->dept ? -1 : a->dept > b->dept;
}

/* The pairs of LEDGER into *OUT (free() it); *N gets their number. */
static zb_status free_pairs(const zb_ledger *l, free_pair **out, size_t *n)
{
    size_t count = 0;
    for (size_t s = 0; s < l->nsoftware; s++)
        if (l->software[s].kind == SOFTWARE_FREE)
            count += l->software[s].freeware.ndepts;
    *n = 0;
    *out = malloc((count + 1) * sizeof **out);
    if (!*out)
        return ZB_ERR_NOMEM;
    for (size_t s = 0; s < l->nsoftware; s++)
        for (size_t i = 0; l->software[s].kind == SOFTWARE_FREE &&
                           i < l->software[s].freeware.ndepts;
             i++)
            (*out)[(*n)++] =
                (free_pair){(int)s, l->software[s].freeware.depts[i]};
    qsort(*out, *n, sizeof **out, compare_free_pairs);
    return ZB_OK;
}

/* Whether free software S may be used in department DEPT. */
static int free_allowed(const zb_ledger *l, const free_pair *pairs, size_t n,
                        int s, int dept)
{
    free_pair key = {s, dept};
    return l->software[s].freeware.all_depts ||
           (n && bsearch(&key, pairs, n, sizeof key, compare_free_pairs));
}

/* A finding of CHECK about copy C: 严重 when NOW (still so on the as-of
   date), else 一般. */
static zb_finding *add_copy(audit_ctx *ctx, const zb_audit_check *check,
                            const zb_copy *c, int now)
{
    zb_finding *f = audit_add(ctx, check, now ? LEVEL_SERIOUS : LEVEL_GENERAL,
                              copy_line(ctx->l, c), c->computer, c->software);
    audit_key(ctx, f, "%s:%s", ctx->l->computers[c->computer].id,
              ctx->l->software[c->software].id);
    return f;
}

/* Copy C of commercial software, installed before its purchase or after
   its disposal. */
static void check_commercial_copy(audit_ctx *ctx, const zb_audit_check *check,
                                  const zb_copy *c)
{
    const zb_ledger *l = ctx->l;
    const zb_software *sw = &l->software[c->software];
    const zb_commercial *com = &sw->commercial;
    const zb_computer *pc = &l->computers[c->computer];
    int installed = history_installed_on(c, ctx->as_of);
    char day[11], until[11];
    if (!com->donated && com->purchased > ctx->year_start &&
        audit_present(c, ctx->year_start, date_add_days(com->purchased, -1))) {
        date_format(com->purchased, day);
        audit_say(
            ctx,
            add_copy(ctx, check, c, installed && ctx->as_of < com->purchased),
            "计算机 %s（%s）上的商业软件 %s（%s）在购得许可（%s）"
            "之前就已安装",
            pc->id, audit_holder(l, c->computer), sw->id, sw->name, day);
    } else if (com->disposed &&
               audit_present(c,
                             com->disposed > ctx->year_start ? com->disposed
                                                             : ctx->year_start,
                             ctx->as_of)) {
        date_format(com->disposed, day);
        date_format(c->until, until);
        audit_say(ctx, add_copy(ctx, check, c, installed),
                  "计算机 %s（%s）上的商业软件 %s（%s）已于 %s 报废，%s%s",
                  pc->id, audit_holder(l, c->computer), sw->id, sw->name, day,
                  installed ? "填表日期仍安装着" : until,
                  installed ? "" : " 才卸载");
    }
}

/* Copy C of free software on a computer of a department the list of free
   software does not name. */
static void check_free_copy(audit_ctx *ctx, const zb_audit_check *check,
                            const zb_copy *c, const free_pair *pairs,
                            size_t npairs)
{
    const zb_ledger *l = ctx->l;
    const zb_software *sw = &l->software[c->software];
    const zb_computer *pc = &l->computers[c->computer];
    if (free_allowed(l, pairs, npairs, c->software, pc->dept) ||
        !audit_present(c, ctx->year_start, ctx->as_of))
        return;
    audit_say(ctx, add_copy(ctx, check, c, history_installed_on(c, ctx->as_of)),
              "计算机 %s（%s）安装了免费软件 %s（%s），"
              "《可使用免费软件清单》没有列%s",
              pc->id, audit_holder(l, c->computer), sw->id, sw->name,
              pc->dept == ZB_NONE ? "这台计算机的部门"
                                  : l->departments[pc->dept].name);
}

zb_status audit_check_unlicensed(audit_ctx *ctx, const zb_audit_check *check)
{
    free_pair *pairs;
    size_t npairs;
    if (free_pairs(ctx->l, &pairs, &npairs) != ZB_OK)
        return ctx->status = ZB_ERR_NOMEM;
    for (size_t i = 0; i < ctx->h->ncopies && ctx->status == ZB_OK; i++) {
        const zb_copy *c = &ctx->h->copies[i];
        zb_software_kind kind = ctx->l->software[c->software].kind;
        if (kind == SOFTWARE_COMMERCIAL)
            check_commercial_copy(ctx, check, c);
        else if (kind == SOFTWARE_FREE)
            check_free_copy(ctx, check, c, pairs, npairs);
    }
    free(pairs);
    return ctx->status;
}

/* ---- OEM copies ---------------------------------------------------------- */

/* A finding of CHECK on OEM copy C of SW: installed on a computer it did
   not come with, or a home edition (HOME). */
static void report_oem(audit_ctx *ctx, const zb_audit_check *check,
                       const zb_copy *c, const zb_software *sw, int home)
{
    const zb_ledger *l = ctx->l;
    int now = history_installed_on(c, ctx->as_of);
    char until[11];
    date_format(c->until, until);
    zb_finding *f = add_copy(ctx, check, c, now);
    const char *pc = l->computers[c->computer].id;
    const char *holder = audit_holder(l, c->computer);
    if (home)
        audit_say(ctx, f,
                  "计算机 %s（%s）%s家庭版随机预装软件 %s（%s）%s%s，"
                  "家庭版不能作为单位的正版许可",
                  pc, holder, now ? "使用" : "曾使用", sw->id, sw->name,
                  now ? "" : "，至 ", now ? "" : until);
    else
        audit_say(ctx, f,
                  "计算机 %s（%s）%s随机预装软件 %s（%s），"
                  "它不是随这台计算机购置的%s%s%s",
                  pc, holder, now ? "安装着" : "曾安装", sw->id, sw->name,
                  now ? "" : "（", now ? "" : until, now ? "" : " 已卸载）");
}

/* The OEM copies installed on some day of the audit that are home
   editions (HOME), or else that are off their computer. */
static zb_status check_oem(audit_ctx *ctx, const zb_audit_check *check,
                           int home)
{
    for (size_t i = 0; i < ctx->h->ncopies && ctx->status == ZB_OK; i++) {
        const zb_copy *c = &ctx->h->copies[i];
        const zb_software *sw = &ctx->l->software[c->software];
        if (sw->kind == SOFTWARE_OEM &&
            (home ? sw->oem.home : !c->own_machine) &&
            audit_present(c, ctx->year_start, ctx->as_of))
            report_oem(ctx, check, c, sw, home);
    }
    return ctx->status;
}

zb_status audit_check_oem_moved(audit_ctx *ctx, const zb_audit_check *check)
{
    return check_oem(ctx, check, 0);
}

zb_status audit_check_oem_home(audit_ctx *ctx, const zb_audit_check *check)
{
    return check_oem(ctx, check, 1);
}

/* ---- no operating system ------------------------------------------------- */

zb_status audit_check_no_os(audit_ctx *ctx, const zb_audit_check *check)
{
    const zb_ledger *l = ctx->l;
    char *has_os = calloc(l->ncomputers + 1, 1);
    if (!has_os)
        return ctx->status = ZB_ERR_NOMEM;
    for (size_t i = 0; i < ctx->h->ncopies; i++) {
        const zb_copy *c = &ctx->h->copies[i];
        if (l->software[c->software].category == CATEGORY_OS &&
            history_installed_on(c, ctx->as_of))
            has_os[c->computer] = 1;
    }
    for (size_t i = 0; i < l->ncomputers && ctx->status == ZB_OK; i++) {
        const zb_computer *pc = &l->computers[i];
        if (has_os[i] || !history_in_service(pc, ctx->as_of))
            continue;
        zb_finding *f =
            audit_add(ctx, check, LEVEL_SERIOUS, pc->line, (int)i, ZB_NONE);
        audit_key(ctx, f, "%s", pc->id);
        audit_say(ctx, f, "在用计算机 %s（%s）没有登记安装操作系统", pc->id,
                  audit_holder(l, (int)i));
    }
    free(has_os);
    return ctx->status;
}
