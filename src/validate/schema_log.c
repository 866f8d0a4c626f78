#include "schema_log.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/xmlschemastypes.h>

#include "../core/buf.h"

#define XSD_NS "http://www.w3.org/2001/XMLSchema"
#define LOG_SELECTOR "z:log/z:event"

enum { MAX_REFS = 16 };

/* One keyref that selects events, and the key it refers to: the children
   named in KEY_SELECTOR ("z:a|z:b") of the root's child CONTAINER, whose
   attribute KEY_FIELD holds the key. */
typedef struct log_ref {
    xmlChar *name;
    xmlChar *fields;       /* "@a|@b" of the keyref */
    xmlChar *container;
    xmlChar *key_selector;
    xmlChar *key_field;
} log_ref;

struct log_refs {
    log_ref refs[MAX_REFS];
    int count;
};

static int is_xsd(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           !strcmp((const char *)n->ns->href, XSD_NS) &&
           !strcmp((const char *)n->name, name);
}

static xmlNodePtr xsd_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (is_xsd(c, name))
            return c;
    return NULL;
}

static xmlChar *xpath_of(xmlNodePtr n, const char *child)
{
    xmlNodePtr c = xsd_child(n, child);
    return c ? xmlGetProp(c, (const xmlChar *)"xpath") : NULL;
}

/* The xs:key called NAME anywhere under N. */
static xmlNodePtr find_key(xmlNodePtr n, const xmlChar *name)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *own = is_xsd(c, "key") ? xmlGetProp(c, (const xmlChar *)"name")
                                        : NULL;
        int match = own && xmlStrEqual(own, name);
        xmlFree(own);
        xmlNodePtr found = match ? c : find_key(c, name);
        if (found)
            return found;
    }
    return NULL;
}

/* SELECTOR without its alternative LOG_SELECTOR, into B. Returns whether
   the alternative was there. */
static int drop_log(const char *selector, zb_buf *b)
{
    int found = 0;
    for (const char *p = selector; *p;) {
        size_t n = strcspn(p, "|");
        if (n == strlen(LOG_SELECTOR) && !strncmp(p, LOG_SELECTOR, n))
            found = 1;
        else
            buf_printf(b, "%s%.*s", b->len ? "|" : "", (int)n, p);
        p += n + (p[n] == '|');
    }
    return found;
}

/* Remember keyref N, whose selector had the log's events, in REFS. */
static zb_status keep_ref(log_refs *refs, xmlNodePtr schema, xmlNodePtr n)
{
    if (refs->count == MAX_REFS)
        return ZB_ERR_IO; /* the schema has changed beyond this module */
    log_ref *r = &refs->refs[refs->count++];
    xmlChar *refer = xmlGetProp(n, (const xmlChar *)"refer");
    xmlNodePtr key = refer ? find_key(schema, refer) : NULL;
    xmlFree(refer);
    r->name = xmlGetProp(n, (const xmlChar *)"name");
    r->fields = xpath_of(n, "field");
    if (key && key->parent && is_xsd(key->parent, "element")) {
        r->container = xmlGetProp(key->parent, (const xmlChar *)"name");
        r->key_selector = xpath_of(key, "selector");
        r->key_field = xpath_of(key, "field");
    }
    return r->name && r->fields && r->container && r->key_selector &&
                   r->key_field
               ? ZB_OK
               : ZB_ERR_IO;
}

zb_status log_refs_split(xmlDocPtr xsd, log_refs **out)
{
    log_refs *refs = calloc(1, sizeof *refs);
    xmlNodePtr schema = xmlDocGetRootElement(xsd);
    if (!refs || !schema) {
        free(refs);
        return refs ? ZB_ERR_IO : ZB_ERR_NOMEM;
    }
    zb_status st = ZB_OK;
    xmlNodePtr ledger = NULL;
    for (xmlNodePtr c = schema->children; c && !ledger; c = c->next) {
        xmlChar *name = is_xsd(c, "element")
                            ? xmlGetProp(c, (const xmlChar *)"name")
                            : NULL;
        if (name && xmlStrEqual(name, (const xmlChar *)"ledger"))
            ledger = c;
        xmlFree(name);
    }
    xmlNodePtr next;
    for (xmlNodePtr n = ledger ? ledger->children : NULL; n && st == ZB_OK;
         n = next) {
        next = n->next;
        xmlNodePtr sel = is_xsd(n, "keyref") ? xsd_child(n, "selector") : NULL;
        xmlChar *xpath = sel ? xmlGetProp(sel, (const xmlChar *)"xpath") : NULL;
        zb_buf rest = {0};
        if (xpath && drop_log((const char *)xpath, &rest)) {
            st = rest.failed ? ZB_ERR_NOMEM : keep_ref(refs, schema, n);
            if (st == ZB_OK && rest.len) {
                xmlSetProp(sel, (const xmlChar *)"xpath",
                           (const xmlChar *)buf_str(&rest));
            } else if (st == ZB_OK) {
                xmlUnlinkNode(n);
                xmlFreeNode(n);
            }
        }
        buf_free(&rest);
        xmlFree(xpath);
    }
    if (st != ZB_OK) {
        log_refs_free(refs);
        return st;
    }
    *out = refs;
    return ZB_OK;
}

/* ---- checking ------------------------------------------------------------ */

static int has_name(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* Is NAME one of the alternatives "z:a|z:b" of SELECTOR? */
static int selected(const char *selector, const xmlChar *name)
{
    size_t len = strlen((const char *)name);
    for (const char *p = selector; *p;) {
        size_t n = strcspn(p, "|");
        const char *colon = memchr(p, ':', n);
        const char *local = colon ? colon + 1 : p;
        size_t local_len = n - (size_t)(local - p);
        if (local_len == len && !strncmp(local, (const char *)name, len))
            return 1;
        p += n + (p[n] == '|');
    }
    return 0;
}

/* The value of the first attribute in FIELDS ("@a|@b") that N has,
   whitespace collapsed as for xs:token; free with xmlFree(). */
static xmlChar *field_value(xmlNodePtr n, const char *fields)
{
    for (const char *p = fields; *p;) {
        size_t len = strcspn(p, "|");
        char attr[64];
        const char *at = *p == '@' ? p + 1 : p;
        size_t k = len - (size_t)(at - p);
        k = k < sizeof attr ? k : sizeof attr - 1;
        memcpy(attr, at, k);  /* a name from the schema; snprintf() was */
        attr[k] = '\0';       /* a tenth of `check` */
        xmlChar *value = xmlGetNoNsProp(n, (const xmlChar *)attr);
        if (value) {
            xmlChar *collapsed = xmlSchemaCollapseString(value);
            if (collapsed) {
                xmlFree(value);
                value = collapsed;
            }
            return value;
        }
        p += len + (p[len] == '|');
    }
    return NULL;
}

/* The key values of R in DOC, as a set. */
static xmlHashTablePtr key_values(const log_ref *r, xmlNodePtr root)
{
    xmlHashTablePtr keys = xmlHashCreate(1024);
    for (xmlNodePtr c = root->children; c && keys; c = c->next) {
        if (!has_name(c, (const char *)r->container))
            continue;
        for (xmlNodePtr k = c->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE ||
                !selected((const char *)r->key_selector, k->name))
                continue;
            xmlChar *value = field_value(k, (const char *)r->key_field);
            if (value && !xmlHashLookup(keys, value))
                xmlHashAddEntry(keys, value, (void *)1);
            xmlFree(value);
        }
    }
    return keys;
}

static void check_ref(const log_ref *r, zb_validation *v, xmlNodePtr root)
{
    xmlHashTablePtr keys = key_values(r, root);
    if (!keys) {
        v->status = ZB_ERR_NOMEM;
        return;
    }
    for (xmlNodePtr log = root->children; log; log = log->next) {
        if (!has_name(log, "log"))
            continue;
        for (xmlNodePtr e = log->children; e; e = e->next) {
            if (!has_name(e, "event"))
                continue;
            xmlChar *value = field_value(e, (const char *)r->fields);
            if (value && !xmlHashLookup(keys, value))
                schema_errors_breach(v, (const char *)r->name, e,
                                     (const char *)value);
            xmlFree(value);
        }
    }
    xmlHashFree(keys, NULL);
}

void log_refs_check(const log_refs *refs, zb_validation *v, xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (int i = 0; root && i < refs->count; i++)
        check_ref(&refs->refs[i], v, root);
}

void log_refs_free(log_refs *refs)
{
    if (!refs)
        return;
    for (int i = 0; i < refs->count; i++) {
        log_ref *r = &refs->refs[i];
        xmlFree(r->name);
        xmlFree(r->fields);
        xmlFree(r->container);
        xmlFree(r->key_selector);
        xmlFree(r->key_field);
    }
    free(refs);
}
