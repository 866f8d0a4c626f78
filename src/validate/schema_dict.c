#include "schema_dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "../core/arena.h"
#include "../core/buf.h"

#define XSD_NS "http://www.w3.org/2001/XMLSchema"
#define RULE_SOURCE "urn:zhengban:rule"

/* One named thing of the schema, under one of these keys:
     "e:ELEM"        an element (names have one meaning in the ledger)
     "a:ELEM@ATTR"   an attribute of an element, wherever it is declared
     "t:TYPE"        a named simple or complex type
     "d:KIND:NAME"   a named definition, while building
     "c:NAME"        an identity constraint */
typedef struct dict_item {
    const char *label;      /* first sentence of the documentation */
    const char *hint;       /* t: the rest of the documentation */
    const char *value_type; /* e:, a: the simple type of the value */
    const char *forbidden;  /* e: "rule name @attr ..." from appinfo */
    int walked;             /* e: its content has been walked */
    xmlNodePtr node;        /* d: the definition */
    dict_constraint constraint;
} dict_item;

struct zb_dict {
    xmlHashTablePtr items;
    zb_arena arena;
    zb_status status;
};

static const char *keep(zb_dict *d, const char *s, size_t n)
{
    char *copy = arena_strndup(&d->arena, s, n);
    if (!copy)
        d->status = ZB_ERR_NOMEM;
    return copy;
}

static const dict_item *find(const zb_dict *d, const char *fmt, const char *a,
                             const char *b)
{
    char key[256];
    snprintf(key, sizeof key, fmt, a, b);
    return xmlHashLookup(d->items, (const xmlChar *)key);
}

static dict_item *item(zb_dict *d, const char *fmt, const char *a,
                       const char *b)
{
    dict_item *it = (dict_item *)find(d, fmt, a, b);
    if (it)
        return it;
    char key[256];
    snprintf(key, sizeof key, fmt, a, b);
    it = arena_alloc(&d->arena, sizeof *it);
    if (!it || xmlHashAddEntry(d->items, (const xmlChar *)key, it)) {
        d->status = ZB_ERR_NOMEM;
        return NULL;
    }
    return it;
}

static int is_xsd(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           !strcmp((const char *)n->ns->href, XSD_NS) &&
           (!name || !strcmp((const char *)n->name, name));
}

static const char *prop(xmlNodePtr n, const char *name)
{
    xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
    return a && a->children ? (const char *)a->children->content : NULL;
}

/* Strip a namespace prefix: "xs:date" -> "date". */
static const char *local(const char *qname)
{
    const char *colon = qname ? strchr(qname, ':') : NULL;
    return colon ? colon + 1 : qname;
}

/* The text of N's annotation child WHAT ("documentation", or "appinfo" with
   the rule source), whitespace collapsed; NULL when there is none. */
static const char *annotation(zb_dict *d, xmlNodePtr n, const char *what)
{
    for (xmlNodePtr a = n->children; a; a = a->next) {
        if (!is_xsd(a, "annotation"))
            continue;
        for (xmlNodePtr c = a->children; c; c = c->next) {
            const char *src = prop(c, "source");
            if (!is_xsd(c, what) || (!strcmp(what, "appinfo") &&
                                     (!src || strcmp(src, RULE_SOURCE))))
                continue;
            xmlChar *text = xmlNodeGetContent(c);
            zb_buf b = {0};
            for (const char *p = (const char *)text; p && *p; p++) {
                int space = *p == ' ' || *p == '\n' || *p == '\t';
                if (!space || (b.len && p[1] && !strchr(" \n\t", p[1])))
                    buf_append(&b, space ? " " : p, 1);
            }
            xmlFree(text);
            const char *s = keep(d, buf_str(&b), b.len);
            buf_free(&b);
            return s;
        }
    }
    return NULL;
}

/* Split documentation DOC at its first "。" into label and hint. */
static void set_doc(zb_dict *d, dict_item *it, const char *doc)
{
    if (!it || !doc || it->label)
        return;
    const char *stop = strstr(doc, "。");
    it->label = keep(d, doc, stop ? (size_t)(stop - doc) : strlen(doc));
    if (stop && stop[3]) {
        const char *rest = stop + 3;
        size_t n = strlen(rest);
        if (n >= 3 && !strcmp(rest + n - 3, "。"))
            n -= 3;
        it->hint = keep(d, rest, n);
    }
}

static xmlNodePtr definition(zb_dict *d, const char *kind, const char *name)
{
    const dict_item *it = name ? find(d, "d:%s:%s", kind, local(name)) : NULL;
    return it ? it->node : NULL;
}

/* "@a|@b" -> "a|b": the attribute names of a field. */
static const char *fields_of(zb_dict *d, const char *xpath)
{
    zb_buf b = {0};
    for (const char *p = xpath; *p; p++)
        if (*p != '@' && *p != ' ')
            buf_append(&b, p, 1);
    const char *names = keep(d, buf_str(&b), b.len);
    buf_free(&b);
    return names;
}

static void add_constraint(zb_dict *d, xmlNodePtr n)
{
    const char *name = prop(n, "name");
    dict_item *it = name ? item(d, "c:%s%s", name, "") : NULL;
    if (!it)
        return;
    it->constraint.rules = annotation(d, n, "appinfo");
    it->constraint.meaning = annotation(d, n, "documentation");
    for (xmlNodePtr c = n->children; c; c = c->next) {
        const char *xpath = is_xsd(c, "field") ? prop(c, "xpath") : NULL;
        if (xpath)
            it->constraint.fields = fields_of(d, xpath);
    }
}

static void walk(zb_dict *d, xmlNodePtr parent, const char *owner);

static void walk_element(zb_dict *d, xmlNodePtr n, const char *name)
{
    dict_item *it = item(d, "e:%s%s", name, "");
    if (!it || it->walked)
        return;
    it->walked = 1;
    set_doc(d, it, annotation(d, n, "documentation"));
    it->forbidden = annotation(d, n, "appinfo");
    const char *type = prop(n, "type");
    xmlNodePtr complex = definition(d, "complexType", type);
    if (complex)
        walk(d, complex, name);
    else if (type)
        it->value_type = keep(d, local(type), strlen(local(type)));
    walk(d, n, name);
}

static void walk_attribute(zb_dict *d, xmlNodePtr n, const char *owner)
{
    dict_item *it = item(d, "a:%s@%s", owner, prop(n, "name"));
    if (!it)
        return;
    set_doc(d, it, annotation(d, n, "documentation"));
    const char *type = local(prop(n, "type"));
    if (type)
        it->value_type = keep(d, type, strlen(type));
}

/* A simple-content base (extension or restriction) gives OWNER's value
   type; a complex one brings its content. */
static void walk_base(zb_dict *d, const char *base, const char *owner)
{
    xmlNodePtr complex = definition(d, "complexType", base);
    if (complex) {
        walk(d, complex, owner);
        return;
    }
    dict_item *it = item(d, "e:%s%s", owner, "");
    if (it && !it->value_type)
        it->value_type = keep(d, local(base), strlen(local(base)));
}

static void walk(zb_dict *d, xmlNodePtr parent, const char *owner)
{
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if (!is_xsd(n, NULL) || is_xsd(n, "annotation"))
            continue;
        const char *name = prop(n, "name"), *ref = prop(n, "ref");
        if (is_xsd(n, "element") && name)
            walk_element(d, n, name);
        else if (is_xsd(n, "attribute") && name && owner)
            walk_attribute(d, n, owner);
        else if (is_xsd(n, "attributeGroup") && ref)
            walk(d, definition(d, "attributeGroup", ref), owner);
        else if (is_xsd(n, "group") && ref)
            walk(d, definition(d, "group", ref), owner);
        else if (is_xsd(n, "key") || is_xsd(n, "keyref") || is_xsd(n, "unique"))
            add_constraint(d, n);
        else if ((is_xsd(n, "extension") || is_xsd(n, "restriction")) &&
                 owner && prop(n, "base"))
            walk_base(d, prop(n, "base"), owner);
        if (!is_xsd(n, "element") && !is_xsd(n, "attribute") && !ref)
            walk(d, n, owner);
    }
}

/* Register the named definitions at the top of the schema. */
static void collect_definitions(zb_dict *d, xmlNodePtr schema)
{
    static const char *const kinds[] = {"complexType", "simpleType", "group",
                                        "attributeGroup"};
    for (xmlNodePtr n = schema->children; n; n = n->next) {
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
            const char *name = prop(n, "name");
            if (!is_xsd(n, kinds[k]) || !name)
                continue;
            dict_item *def = item(d, "d:%s:%s", kinds[k], name);
            if (def)
                def->node = n;
            if (k < 2)
                set_doc(d, item(d, "t:%s%s", name, ""),
                        annotation(d, n, "documentation"));
        }
    }
}

zb_status dict_build(xmlDocPtr xsd, zb_dict **out)
{
    *out = NULL;
    zb_dict *d = calloc(1, sizeof *d);
    if (!d || !(d->items = xmlHashCreate(512))) {
        free(d);
        return ZB_ERR_NOMEM;
    }
    xmlNodePtr schema = xmlDocGetRootElement(xsd);
    collect_definitions(d, schema);
    for (xmlNodePtr n = schema->children; n; n = n->next)
        if (is_xsd(n, "element") && prop(n, "name"))
            walk_element(d, n, prop(n, "name"));
    if (d->status != ZB_OK) {
        zb_status st = d->status;
        dict_free(d);
        return st;
    }
    *out = d;
    return ZB_OK;
}

const char *dict_element_label(const zb_dict *dict, const char *elem)
{
    const dict_item *it = find(dict, "e:%s%s", elem, "");
    return it ? it->label : NULL;
}

const char *dict_attribute_label(const zb_dict *dict, const char *elem,
                                 const char *attr)
{
    const dict_item *it = find(dict, "a:%s@%s", elem, attr);
    return it ? it->label : NULL;
}

const char *dict_value_hint(const zb_dict *dict, const char *elem,
                            const char *attr)
{
    const dict_item *it = attr ? find(dict, "a:%s@%s", elem, attr)
                               : find(dict, "e:%s%s", elem, "");
    const dict_item *type =
        it && it->value_type ? find(dict, "t:%s%s", it->value_type, "") : NULL;
    return type ? type->hint : NULL;
}

/* Is NAME one of the space-separated words of LIST? */
static int listed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; *p; p += strspn(p, " ")) {
        size_t len = strcspn(p, " ");
        if (len == n && !strncmp(p, name, n))
            return 1;
        p += len;
    }
    return 0;
}

const char *dict_forbidden_rule(const zb_dict *dict, const char *elem,
                                const char *name, char *buf, size_t size)
{
    const dict_item *it = find(dict, "e:%s%s", elem, "");
    const char *names = it && it->forbidden ? strchr(it->forbidden, ' ') : NULL;
    if (!names || !listed(names, name))
        return NULL;
    snprintf(buf, size, "%.*s", (int)(names - it->forbidden), it->forbidden);
    return buf;
}

const dict_constraint *dict_constraint_get(const zb_dict *dict,
                                           const char *name)
{
    const dict_item *it = find(dict, "c:%s%s", name, "");
    return it ? &it->constraint : NULL;
}

const char *dict_constraint_rule(const dict_constraint *c, const char *elem,
                                 char *buf, size_t size)
{
    snprintf(buf, size, "schema");
    size_t n = strlen(elem);
    for (const char *p = c && c->rules ? c->rules : ""; *p;
         p += strspn(p, " ")) {
        size_t len = strcspn(p, " ");
        const char *eq = memchr(p, '=', len);
        if (!eq)
            snprintf(buf, size, "%.*s", (int)len, p);
        else if ((size_t)(eq - p) == n && !strncmp(p, elem, n))
            snprintf(buf, size, "%.*s", (int)(p + len - eq - 1), eq + 1);
        p += len;
    }
    return buf;
}

void dict_free(zb_dict *dict)
{
    if (!dict)
        return;
    xmlHashFree(dict->items, NULL);
    arena_free(&dict->arena);
    free(dict);
}
