/* The walk over the facts, in the order and with the names of
   forms/facts.xsd. */
#include "facts_writer.h"

#include <stdint.h>
#include <stdio.h>

/* ---- attributes ---------------------------------------------------------- */

/* A text attribute; nothing when VALUE is NULL (not filled in). */
static void put(facts_writer *w, const char *name, const char *value)
{
    if (value)
        w->attr(w, name, value, 0);
}

static void put_int(facts_writer *w, const char *name, long long value)
{
    char text[24];
    snprintf(text, sizeof text, "%lld", value);
    w->attr(w, name, text, 1);
}

static void put_date(facts_writer *w, const char *name, zb_date date)
{
    char text[11];
    date_format(date, text);
    w->attr(w, name, text, 0);
}

/* A ledger id: the record's id, nothing when INDEX is ZB_NONE. */
#define PUT_ID(w, name, array, index)                                          \
    put(w, name, (index) == ZB_NONE ? NULL : (array)[index].id)

/* Amounts in 元 ("yuan") and 万元 ("wanyuan"), both exact decimals. */
static void put_amounts(facts_writer *w, zb_money amount)
{
    char text[32];
    money_format_yuan(amount, text);
    w->attr(w, "yuan", text, 0);
    money_format_wanyuan(amount, text);
    w->attr(w, "wanyuan", text, 0);
}

/* ---- 附件5 --------------------------------------------------------------- */

static const char *row_name(int row)
{
    return row == ROW_TOTAL
               ? "合计"
               : ledger_origin_name(row == ROW_DOMESTIC ? ORIGIN_DOMESTIC
                                                        : ORIGIN_FOREIGN);
}

static const char *column_name(int column)
{
    return column == COLUMN_TOTAL ? "总计" : ledger_category_name(column);
}

/* The columns inside the form: the three classes and 总计. */
static const int form_columns[] = {CATEGORY_OS, CATEGORY_OFFICE,
                                   CATEGORY_ANTIVIRUS, COLUMN_TOTAL};

static void write_responsible(const zb_ledger *l, facts_writer *w)
{
    const zb_department *d = &l->departments[l->responsible_dept];
    const zb_person *head = d->head == ZB_NONE ? NULL : &l->staff[d->head];
    w->begin(w, "responsible");
    put(w, "dept", d->id);
    put(w, "name", d->name);
    put(w, "head", head ? head->name : NULL);
    put(w, "phone", d->phone ? d->phone : head ? head->phone : NULL);
    put(w, "fax", d->fax);
    w->end(w);
}

static void write_people(const zb_statistics *s, facts_writer *w)
{
    w->begin(w, "people");
    put_int(w, "total", s->people);
    put_int(w, "computerUsers", s->computer_users);
    w->end(w);
    w->begin(w, "computers");
    put_int(w, "servers", s->computers[COMPUTER_SERVER]);
    put_int(w, "desktops", s->computers[COMPUTER_DESKTOP]);
    put_int(w, "laptops", s->computers[COMPUTER_LAPTOP]);
    put_int(w, "total", s->computers_total);
    w->end(w);
}

/* Write the figure in ROW and COLUMN of a 附件5 table. */
typedef void write_figure(facts_writer *w, const zb_statistics *s, int row,
                          int column);

static void write_purchase(facts_writer *w, const zb_statistics *s, int row,
                           int column)
{
    const zb_purchase_figure *p = &s->purchases[row][column];
    put_int(w, "licenses", p->licenses);
    put_amounts(w, p->amount);
}

static void write_holding(facts_writer *w, const zb_statistics *s, int row,
                          int column)
{
    const zb_holding_figure *h = &s->holdings[row][column];
    put_int(w, "licenses", h->licenses);
    put_int(w, "commercial", h->commercial);
    put_int(w, "oem", h->oem);
}

/* A 附件5 table: a row per origin with a cell per column of the form, then
   其他软件 per origin beside it. */
static void write_table(facts_writer *w, const zb_statistics *s,
                        write_figure *figure)
{
    w->begin_list(w, "row");
    for (int r = 0; r < ROW_COUNT; r++) {
        w->begin(w, "row");
        put(w, "origin", row_name(r));
        w->begin_list(w, "cell");
        for (size_t c = 0; c < sizeof form_columns / sizeof *form_columns;
             c++) {
            w->begin(w, "cell");
            put(w, "category", column_name(form_columns[c]));
            figure(w, s, r, form_columns[c]);
            w->end(w);
        }
        w->end_list(w);
        w->end(w);
    }
    w->end_list(w);
    w->begin_list(w, "other");
    for (int r = 0; r < ROW_COUNT; r++) {
        w->begin(w, "other");
        put(w, "origin", row_name(r));
        figure(w, s, r, CATEGORY_OTHER);
        w->end(w);
    }
    w->end_list(w);
}

static void write_homes(const zb_facts *f, facts_writer *w)
{
    const zb_ledger *l = f->ledger;
    const zb_statistics *s = &f->statistics;
    w->begin_list(w, "homeEdition");
    for (size_t i = 0; i < s->nhome_copies; i++) {
        const zb_copy *c = &f->history.copies[s->home_copies[i]];
        w->begin(w, "homeEdition");
        PUT_ID(w, "software", l->software, c->software);
        PUT_ID(w, "computer", l->computers, c->computer);
        w->end(w);
    }
    w->end_list(w);
}

static void write_statistics(const zb_facts *f, facts_writer *w)
{
    w->begin(w, "statistics");
    write_responsible(f->ledger, w);
    write_people(&f->statistics, w);
    w->begin(w, "purchases");
    write_table(w, &f->statistics, write_purchase);
    w->end(w);
    w->begin(w, "holdings");
    write_table(w, &f->statistics, write_holding);
    write_homes(f, w);
    w->end(w);
    w->end(w);
}

/* ---- 附件7, 8, 9, 4 ------------------------------------------------------ */

static void write_software(const zb_facts *f, facts_writer *w)
{
    const zb_ledger *l = f->ledger;
    w->begin(w, "software");
    w->begin_list(w, "entry");
    for (size_t s = 0; s < l->nsoftware; s++) {
        w->begin(w, "entry");
        put(w, "id", l->software[s].id);
        put_int(w, "installed", f->installed[s]);
        w->end(w);
    }
    w->end_list(w);
    w->end(w);
}

/* The user and department of computer C: 使用人, 使用部门. */
static void put_user(const zb_ledger *l, facts_writer *w, int c)
{
    PUT_ID(w, "staff", l->staff, l->computers[c].user);
    PUT_ID(w, "dept", l->departments, l->computers[c].dept);
}

static void write_installations(const zb_facts *f, facts_writer *w)
{
    const zb_ledger *l = f->ledger;
    w->begin(w, "installations");
    w->begin_list(w, "installation");
    for (size_t i = 0; i < f->ninstallations; i++) {
        const zb_copy *c = &f->history.copies[f->installations[i]];
        w->begin(w, "installation");
        put_user(l, w, c->computer);
        PUT_ID(w, "computer", l->computers, c->computer);
        PUT_ID(w, "software", l->software, c->software);
        put(w, "version",
            c->install_event == ZB_NONE ? l->software[c->software].version
                                        : l->events[c->install_event].version);
        put_date(w, "date", c->from);
        w->end(w);
    }
    w->end_list(w);
    w->end(w);
}

/* The event's action as the facts name it. */
static void put_action(facts_writer *w, const zb_event *e)
{
    put(w, "action", e->action == ACTION_INSTALL ? "install" : "uninstall");
}

/* The log of the software FIRST to END-1 (END past the last: to the end),
   of each only its rows FROM to TO-1 (0-based; TO past the last: to the
   end). */
static void write_log(const zb_facts *f, size_t first, size_t end,
                      size_t from, size_t to, facts_writer *w)
{
    const zb_ledger *l = f->ledger;
    w->begin(w, "log");
    w->begin_list(w, "software");
    for (size_t s = first; s < end && s < l->nsoftware; s++) {
        w->begin(w, "software");
        put(w, "id", l->software[s].id);
        w->begin_list(w, "row");
        size_t rows = f->log_start[s + 1] - f->log_start[s];
        size_t stop = f->log_start[s] + (to < rows ? to : rows);
        for (size_t i = f->log_start[s] + (from < rows ? from : rows);
             i < stop; i++) {
            const zb_step *step = &f->history.steps[f->log[i]];
            const zb_event *e = &l->events[step->event];
            w->begin(w, "row");
            put_action(w, e);
            PUT_ID(w, "computer", l->computers, e->computer);
            put_date(w, "date", e->date);
            put(w, "version", e->version);
            put_user(l, w, e->computer);
            put_int(w, "running", step->running);
            put_int(w, "line", e->line);
            w->end(w);
        }
        w->end_list(w);
        w->end(w);
    }
    w->end_list(w);
    w->end(w);
}

/* The confirmations FIRST to END-1 (END past the last: to the end). */
static void write_confirmations(const zb_facts *f, size_t first, size_t end,
                                facts_writer *w)
{
    const zb_ledger *l = f->ledger;
    w->begin(w, "confirmations");
    w->begin_list(w, "confirmation");
    for (size_t c = first; c < end && c < l->nconfirmations; c++) {
        w->begin(w, "confirmation");
        put(w, "id", l->confirmations[c].id);
        w->begin_list(w, "event");
        for (size_t i = f->confirmed_start[c]; i < f->confirmed_start[c + 1];
             i++) {
            const zb_event *e = &l->events[f->confirmed[i]];
            w->begin(w, "event");
            put_action(w, e);
            PUT_ID(w, "software", l->software, e->software);
            put(w, "version", e->version);
            PUT_ID(w, "operator", l->staff, e->maintainer);
            PUT_ID(w, "request", l->requests, e->request);
            PUT_ID(w, "deployment", l->deployments, e->deployment);
            put_int(w, "line", e->line);
            w->end(w);
        }
        w->end_list(w);
        w->end(w);
    }
    w->end_list(w);
    w->end(w);
}

static void write_plans(const zb_facts *f, facts_writer *w)
{
    const zb_ledger *l = f->ledger;
    char text[32];
    const zb_money *item = f->item_totals;
    w->begin(w, "plans");
    w->begin_list(w, "plan");
    for (size_t p = 0; p < l->nplans; p++) {
        w->begin(w, "plan");
        put(w, "id", l->plans[p].id);
        money_format_yuan(f->plan_totals[p], text);
        put(w, "yuan", text);
        w->begin_list(w, "item");
        for (size_t i = 0; i < l->plans[p].nitems; i++) {
            w->begin(w, "item");
            put_int(w, "index", (long long)i + 1);
            money_format_yuan(*item++, text);
            put(w, "yuan", text);
            w->end(w);
        }
        w->end_list(w);
        w->end(w);
    }
    w->end_list(w);
    w->end(w);
}

/* ---- the audit ----------------------------------------------------------- */

/* The counts by level, the score and the grade of R. */
static void put_rating(facts_writer *w, const zb_rating *r)
{
    static const char *const names[LEVEL_COUNT] = {"serious", "general",
                                                   "minor"};
    for (int k = 0; k < LEVEL_COUNT; k++)
        put_int(w, names[k], r->counts[k]);
    put_int(w, "score", r->score);
    put(w, "grade", audit_grade_name(r->grade));
}

/* The rule of the ratings: the points of each level, the lowest score of
   each grade. */
static void write_scale(facts_writer *w)
{
    w->begin(w, "scale");
    put_int(w, "serious", audit_deduction(LEVEL_SERIOUS));
    put_int(w, "general", audit_deduction(LEVEL_GENERAL));
    put_int(w, "minor", audit_deduction(LEVEL_MINOR));
    put_int(w, "excellent", audit_grade_floor(GRADE_EXCELLENT));
    put_int(w, "pass", audit_grade_floor(GRADE_PASS));
    put_int(w, "basic", audit_grade_floor(GRADE_BASIC));
    w->end(w);
}

static void write_checks(const zb_audit *a, facts_writer *w)
{
    size_t n;
    audit_checks(&n);
    w->begin_list(w, "check");
    for (size_t i = 0; i < n; i++) {
        const zb_reason *c = &a->per_check[i];
        w->begin(w, "check");
        put(w, "id", c->check->id);
        put(w, "name", c->check->name);
        put(w, "article", c->check->article);
        put(w, "quote", c->check->quote);
        put(w, "content", c->check->text);
        put_int(w, "findings", c->findings);
        put_int(w, "deduction", c->points);
        w->end(w);
    }
    w->end_list(w);
}

static void write_rating(const zb_ledger *l, const zb_rating *r,
                         facts_writer *w)
{
    w->begin(w, "rating");
    PUT_ID(w, "dept", l->departments, r->dept);
    put_rating(w, r);
    w->begin_list(w, "reason");
    for (size_t i = 0; i < r->nreasons; i++) {
        w->begin(w, "reason");
        put(w, "check", r->reasons[i].check->id);
        put_int(w, "findings", r->reasons[i].findings);
        put_int(w, "deduction", r->reasons[i].points);
        w->end(w);
    }
    w->end_list(w);
    w->end(w);
}

static void write_findings(const zb_ledger *l, const zb_audit *a,
                           facts_writer *w)
{
    w->begin_list(w, "finding");
    for (size_t i = 0; i < a->nfindings; i++) {
        const zb_finding *f = &a->findings[i];
        w->begin(w, "finding");
        put(w, "id", f->id);
        put(w, "check", f->check->id);
        put(w, "severity", audit_level_name(f->level));
        put_int(w, "deduction", audit_deduction(f->level));
        PUT_ID(w, "dept", l->departments, f->dept);
        PUT_ID(w, "staff", l->staff, f->staff);
        PUT_ID(w, "computer", l->computers, f->computer);
        PUT_ID(w, "software", l->software, f->software);
        put_int(w, "line", f->line);
        put(w, "article", f->check->article);
        put(w, "message", f->text);
        w->end(w);
    }
    w->end_list(w);
}

/* The audit element; STANDALONE: the root of a document of its own, which
   says whose audit it is. */
static void write_audit(const zb_facts *f, facts_writer *w, int standalone)
{
    const zb_ledger *l = f->ledger;
    const zb_audit *a = &f->audit;
    w->begin(w, "audit");
    if (standalone) {
        put_int(w, "version", FACTS_VERSION);
        put(w, "unit", l->unit_name);
        put_int(w, "year", l->year);
        put_date(w, "asOf", l->as_of);
    }
    put_int(w, "findings", (long long)a->nfindings);
    put_rating(w, &a->unit);
    write_scale(w);
    write_checks(a, w);
    write_findings(l, a, w);
    w->begin_list(w, "rating");
    for (size_t i = 0; i < a->nratings; i++)
        write_rating(l, &a->ratings[i], w);
    w->end_list(w);
    w->end(w);
}

zb_status facts_write_audit(const zb_facts *f, facts_writer *w)
{
    write_audit(f, w, 1);
    return w->status;
}

zb_status facts_write_copies(const zb_facts *f, unsigned parts, size_t first,
                             size_t end, facts_writer *w)
{
    if (parts & FACTS_INSTALLATIONS)
        write_installations(f, w);
    if (parts & FACTS_LOG)
        write_log(f, first, end, 0, SIZE_MAX, w);
    if (parts & FACTS_CONFIRMATIONS)
        write_confirmations(f, first, end, w);
    return w->status;
}

zb_status facts_write_log_rows(const zb_facts *f, size_t copy, size_t from,
                               size_t to, facts_writer *w)
{
    write_log(f, copy, copy + 1, from, to, w);
    return w->status;
}

zb_status facts_write_with(const zb_facts *f, unsigned parts,
                           facts_writer *w)
{
    const zb_ledger *l = f->ledger;
    w->begin(w, "facts");
    put_int(w, "version", FACTS_VERSION);
    put(w, "unit", l->unit_name);
    put_int(w, "year", l->year);
    put_date(w, "asOf", l->as_of);
    write_statistics(f, w);
    write_software(f, w);
    facts_write_copies(f, parts, 0, SIZE_MAX, w);
    write_plans(f, w);
    write_audit(f, w, 0);
    w->end(w);
    return w->status;
}

zb_status facts_write(const zb_facts *f, facts_writer *w)
{
    return facts_write_with(f, FACTS_LARGE_PARTS, w);
}
