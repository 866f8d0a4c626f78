#include "rollup.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/money.h"
#include "../derive/facts_xml.h"
#include "../parse/ledger.h"

struct zb_rollup {
    char *unit, *filler, *phone;
    xmlDocPtr doc;
    xmlNsPtr f;              /* the facts namespace, on the root */
    xmlNodePtr statistics;   /* the sums; NULL until the first unit */
    xmlNodePtr units;
    size_t count;
    long long findings;
    char year[8];
    char as_of[16];          /* the latest, YYYY-MM-DD */
};

static const xmlChar *attr(xmlNodePtr n, const char *name)
{
    xmlAttrPtr a = xmlHasProp(n, BAD_CAST name);
    return a && a->children ? a->children->content : NULL;
}

/* The first child element of N called NAME in the facts namespace. */
static xmlNodePtr child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
            return c;
    return NULL;
}

zb_status rollup_open(const rollup_header *h, zb_rollup **out)
{
    zb_rollup *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        return ZB_ERR_NOMEM;
    r->unit = h->unit ? strdup(h->unit) : NULL;
    r->filler = h->filler ? strdup(h->filler) : NULL;
    r->phone = h->phone ? strdup(h->phone) : NULL;
    r->doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = r->doc ? xmlNewDocNode(r->doc, NULL, BAD_CAST "ledger",
                                             NULL)
                             : NULL;
    xmlNsPtr l = root ? xmlNewNs(root, BAD_CAST LEDGER_NAMESPACE, NULL) : NULL;
    r->f = root ? xmlNewNs(root, BAD_CAST FACTS_NAMESPACE, BAD_CAST "f") : NULL;
    if ((h->unit && !r->unit) || (h->filler && !r->filler) ||
        (h->phone && !r->phone) || !l || !r->f) {
        xmlFreeNode(root);
        rollup_free(r);
        return ZB_ERR_NOMEM;
    }
    xmlSetNs(root, l);
    xmlDocSetRootElement(r->doc, root);
    *out = r;
    return ZB_OK;
}

void rollup_free(zb_rollup *r)
{
    if (!r)
        return;
    xmlFreeNode(r->statistics);
    xmlFreeNode(r->units);
    xmlFreeDoc(r->doc);
    free(r->unit);
    free(r->filler);
    free(r->phone);
    free(r);
}

size_t rollup_count(const zb_rollup *r)
{
    return r->count;
}

zb_status rollup_check_version(xmlDocPtr doc, const char *name,
                               zb_diags *diags)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const char *ns = root && root->ns ? (const char *)root->ns->href : "";
    const xmlChar *version = root ? attr(root, "version") : NULL;
    char want[8];
    snprintf(want, sizeof want, "%d", FACTS_VERSION);
    if (root && !strcmp((const char *)root->name, "facts") &&
        !strcmp(ns, FACTS_NAMESPACE) && version &&
        !strcmp((const char *)version, want))
        return ZB_OK;
    size_t stem = strlen(FACTS_NAMESPACE_STEM);
    if (!strncmp(ns, FACTS_NAMESPACE_STEM, stem) || version)
        diags_add(diags, name, root ? xmlGetLineNo(root) : 0, 0, DIAG_ERROR,
                  NULL,
                  "数据是第 %s 版格式（%s），本程序只读第 %d 版（%s）：请用与"
                  "生成报送包的 zhengban 版本相应的 zhengban 汇总",
                  version ? (const char *)version : ns + stem, ns, FACTS_VERSION,
                  FACTS_NAMESPACE);
    else
        diags_add(diags, name, 0, 0, DIAG_ERROR, NULL,
                  "不是 zhengban 推导数据：根元素应为 <facts xmlns=\"%s\">",
                  FACTS_NAMESPACE);
    return ZB_ERR_INVALID;
}

/* ------------------------------------------------------------- adding */

/* The child element of THEIRS that stands for the same figures as N:
   the same name, origin and category. NULL. */
static xmlNodePtr find_place(xmlNodePtr theirs, xmlNodePtr n)
{
    const char *keys[] = {"origin", "category"};
    for (xmlNodePtr c = theirs->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, n->name))
            continue;
        int same = 1;
        for (int i = 0; i < 2; i++) {
            const xmlChar *x = attr(c, keys[i]), *y = attr(n, keys[i]);
            same = same && (x == y || (x && y && !xmlStrcmp(x, y)));
        }
        if (same)
            return c;
    }
    return NULL;
}

/* SUM's attribute NAME plus ADD's, both whole numbers (yuan: money). */
static int add_value(xmlNodePtr sum, const char *name, const xmlChar *add)
{
    const char *have = (const char *)attr(sum, name);
    char text[32];
    if (!have || !add)
        return 0;
    if (!strcmp(name, "yuan")) {
        zb_money a, b, c;
        if (money_parse(have, &a) != ZB_OK ||
            money_parse((const char *)add, &b) != ZB_OK || !money_add(a, b, &c))
            return 0;
        money_format_yuan(c, text);
        xmlSetProp(sum, BAD_CAST "yuan", BAD_CAST text);
        money_format_wanyuan(c, text);
        xmlSetProp(sum, BAD_CAST "wanyuan", BAD_CAST text);
        return 1;
    }
    char *end_a, *end_b;
    long long a = strtoll(have, &end_a, 10), b, c;
    b = strtoll((const char *)add, &end_b, 10);
    if (*end_a || *end_b || __builtin_add_overflow(a, b, &c))
        return 0;
    snprintf(text, sizeof text, "%lld", c);
    xmlSetProp(sum, BAD_CAST name, BAD_CAST text);
    return 1;
}

/* Add the figures below the unit's THEIRS into those below SUM. */
static int add_figures(xmlNodePtr sum, xmlNodePtr theirs)
{
    for (xmlNodePtr c = sum->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlNodePtr t = find_place(theirs, c);
        if (!t || !add_figures(c, t))
            return 0;
        for (xmlAttrPtr a = c->properties; a; a = a->next) {
            const char *name = (const char *)a->name;
            if (strcmp(name, "origin") && strcmp(name, "category") &&
                strcmp(name, "wanyuan") &&
                !add_value(c, name, attr(t, name)))
                return 0;
        }
    }
    return 1;
}

/* The first unit's statistics, to add the others to: without the 一 part
   and the home-edition copies, which are no sums. */
static zb_status first_sums(zb_rollup *r, xmlNodePtr stats)
{
    r->statistics = xmlDocCopyNode(stats, r->doc, 1);
    r->units = xmlNewDocNode(r->doc, r->f, BAD_CAST "units", NULL);
    if (!r->statistics || !r->units)
        return ZB_ERR_NOMEM;
    xmlNodePtr next;
    for (xmlNodePtr c = r->statistics->children; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE || !strcmp((const char *)c->name,
                                                   "responsible")) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
    xmlNodePtr holdings = child(r->statistics, "holdings");
    for (xmlNodePtr c = holdings ? holdings->children : NULL; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE ||
            !strcmp((const char *)c->name, "homeEdition")) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
    return ZB_OK;
}

/* The unit's <f:unit name asOf bundle> with copies of its statistics and
   audit. */
static zb_status add_unit(zb_rollup *r, xmlNodePtr root, const char *bundle)
{
    xmlNodePtr u = xmlNewChild(r->units, r->f, BAD_CAST "unit", NULL);
    if (!u || !xmlSetProp(u, BAD_CAST "name", attr(root, "unit")) ||
        !xmlSetProp(u, BAD_CAST "asOf", attr(root, "asOf")) ||
        !xmlSetProp(u, BAD_CAST "bundle", BAD_CAST bundle))
        return ZB_ERR_NOMEM;
    const char *parts[] = {"statistics", "audit"};
    for (int i = 0; i < 2; i++) {
        xmlNodePtr part = child(root, parts[i]);
        xmlNodePtr copy = part ? xmlDocCopyNode(part, r->doc, 1) : NULL;
        if (part && (!copy || !xmlAddChild(u, copy)))
            return ZB_ERR_NOMEM;
    }
    return ZB_OK;
}

/* Refuse a unit already added or of another year than the first. */
static zb_status check_unit(const zb_rollup *r, xmlNodePtr root,
                            const char *bundle, zb_diags *diags)
{
    const char *unit = (const char *)attr(root, "unit");
    const char *year = (const char *)attr(root, "year");
    for (xmlNodePtr u = r->units ? r->units->children : NULL; u; u = u->next) {
        const char *other = (const char *)attr(u, "bundle");
        if (!strcmp((const char *)attr(u, "name"), unit)) {
            diags_add(diags, bundle, 0, 0, DIAG_ERROR, NULL,
                      "单位“%s”出现了两次（又见 %s）：每个单位只汇总一份报送包",
                      unit, other);
            return ZB_ERR_INVALID;
        }
        if (strcmp(r->year, year)) {
            diags_add(diags, bundle, 0, 0, DIAG_ERROR, NULL,
                      "报告年度是 %s 年，而 %s 是 %s 年的：一次只汇总同一"
                      "年度的报送包", year, other, r->year);
            return ZB_ERR_INVALID;
        }
    }
    return ZB_OK;
}

zb_status rollup_add(zb_rollup *r, xmlDocPtr doc, const char *bundle,
                     zb_diags *diags)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr stats = child(root, "statistics");
    if (!stats || !attr(root, "unit") || !attr(root, "year") ||
        !attr(root, "asOf"))
        return ZB_ERR_INVALID; /* the schema requires them */
    zb_status st = check_unit(r, root, bundle, diags);
    if (st != ZB_OK)
        return st;
    if (!r->statistics) {
        const xmlChar *year = attr(root, "year");
        st = first_sums(r, stats);
        snprintf(r->year, sizeof r->year, "%s", year ? (const char *)year : "");
    } else if (!add_figures(r->statistics, stats)) {
        diags_add(diags, bundle, 0, 0, DIAG_ERROR, NULL,
                  "数字相加超出范围，无法汇总");
        st = ZB_ERR_INVALID;
    }
    if (st == ZB_OK)
        st = add_unit(r, root, bundle);
    xmlNodePtr audit = child(root, "audit");
    const xmlChar *findings = audit ? attr(audit, "findings") : NULL;
    if (st == ZB_OK && findings)
        r->findings += strtoll((const char *)findings, NULL, 10);
    const char *as_of = (const char *)attr(root, "asOf");
    if (st == ZB_OK && strcmp(as_of, r->as_of) > 0)
        snprintf(r->as_of, sizeof r->as_of, "%s", as_of);
    r->count += st == ZB_OK;
    return st;
}

/* ------------------------------------------------------------ document */

/* The ledger part: <unit name filler/> and the filler's <staff>. */
static int add_header(zb_rollup *r, xmlNodePtr root, const char *unit)
{
    xmlNodePtr u = xmlNewChild(root, root->ns, BAD_CAST "unit", NULL);
    if (!u || !xmlSetProp(u, BAD_CAST "name", BAD_CAST unit))
        return 0;
    if (!r->filler)
        return 1;
    xmlNodePtr staff = xmlNewChild(root, root->ns, BAD_CAST "staff", NULL);
    xmlNodePtr p = staff ? xmlNewChild(staff, root->ns, BAD_CAST "person",
                                       NULL)
                         : NULL;
    return p && xmlSetProp(u, BAD_CAST "filler", BAD_CAST "filler") &&
           xmlSetProp(p, BAD_CAST "id", BAD_CAST "filler") &&
           xmlSetProp(p, BAD_CAST "name", BAD_CAST r->filler) &&
           (!r->phone || xmlSetProp(p, BAD_CAST "phone", BAD_CAST r->phone));
}

xmlDocPtr rollup_document(zb_rollup *r)
{
    xmlNodePtr root = xmlDocGetRootElement(r->doc);
    if (!r->statistics)
        return r->doc; /* done already, or no unit */
    char unit[64], findings[32];
    snprintf(unit, sizeof unit, "%zu 个单位汇总", r->count);
    snprintf(findings, sizeof findings, "%lld", r->findings);
    const char *name = r->unit ? r->unit : unit;
    xmlNodePtr facts = add_header(r, root, name)
                           ? xmlNewChild(root, r->f, BAD_CAST "facts", NULL)
                           : NULL;
    int ok = facts && xmlSetProp(root, BAD_CAST "year", BAD_CAST r->year) &&
             xmlSetProp(root, BAD_CAST "asOf", BAD_CAST r->as_of) &&
             xmlSetProp(facts, BAD_CAST "version", BAD_CAST "1") &&
             xmlSetProp(facts, BAD_CAST "unit", BAD_CAST name) &&
             xmlSetProp(facts, BAD_CAST "year", BAD_CAST r->year) &&
             xmlSetProp(facts, BAD_CAST "asOf", BAD_CAST r->as_of) &&
             xmlSetProp(r->units, BAD_CAST "findings", BAD_CAST findings);
    if (ok) {
        xmlAddChild(facts, r->statistics);
        xmlAddChild(facts, r->units);
        r->statistics = r->units = NULL;
    }
    return ok ? r->doc : NULL;
}
