#include "schema_refs.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/xmlschemastypes.h>

#define XSD_NS "http://www.w3.org/2001/XMLSchema"

enum { MAX_REFS = 16 };

/* One keyref and the key it refers to: the keyref's SELECTOR ("z:a/z:b|
   z:c") names paths of children from the root, FIELDS ("@a|@b") the
   attribute holding the reference; the key is in the children named in
   KEY_SELECTOR ("z:a|z:b") of the root's child CONTAINER, in their
   attribute KEY_FIELD. */
typedef struct ref {
    xmlChar *name;
    xmlChar *selector;
    xmlChar *fields;
    xmlChar *container;
    xmlChar *key_selector;
    xmlChar *key_field;
} ref;

struct schema_refs {
    ref refs[MAX_REFS];
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

/* Remember keyref N in REFS. */
static zb_status keep_ref(schema_refs *refs, xmlNodePtr schema, xmlNodePtr n)
{
    if (refs->count == MAX_REFS)
        return ZB_ERR_IO; /* the schema has changed beyond this module */
    ref *r = &refs->refs[refs->count++];
    xmlChar *refer = xmlGetProp(n, (const xmlChar *)"refer");
    xmlNodePtr key = refer ? find_key(schema, refer) : NULL;
    xmlFree(refer);
    r->name = xmlGetProp(n, (const xmlChar *)"name");
    r->selector = xpath_of(n, "selector");
    r->fields = xpath_of(n, "field");
    if (key && key->parent && is_xsd(key->parent, "element")) {
        r->container = xmlGetProp(key->parent, (const xmlChar *)"name");
        r->key_selector = xpath_of(key, "selector");
        r->key_field = xpath_of(key, "field");
    }
    return r->name && r->selector && r->fields && r->container &&
                   r->key_selector && r->key_field
               ? ZB_OK
               : ZB_ERR_IO;
}

zb_status refs_split(xmlDocPtr xsd, schema_refs **out)
{
    schema_refs *refs = calloc(1, sizeof *refs);
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
        if (!is_xsd(n, "keyref"))
            continue;
        st = keep_ref(refs, schema, n);
        xmlUnlinkNode(n);
        xmlFreeNode(n);
    }
    if (st != ZB_OK) {
        refs_free(refs);
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

/* Is S already collapsed as for xs:token: no space, tab or line break at
   either end, none beside another, and no tab or line break at all? */
static int collapsed(const xmlChar *s)
{
    if (*s == ' ')
        return 0;
    for (; *s; s++)
        if (*s == '\t' || *s == '\n' || *s == '\r' ||
            (*s == ' ' && (s[1] == ' ' || !s[1])))
            return 0;
    return 1;
}

/* The value of the attribute NAME (NAME_LEN bytes, no namespace) of N, as
   it stands in the tree when it is one text and already collapsed as for
   xs:token (*COPY NULL); otherwise collapsed into *COPY, which the caller
   frees with xmlFree(). NULL when N has no such attribute. Reading in
   place spares a copy for each of the references in the log, which
   `check` made a twentieth of its time. */
static const xmlChar *attr_value(xmlNodePtr n, const char *name,
                                 size_t name_len, xmlChar **copy)
{
    *copy = NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->ns || strncmp((const char *)a->name, name, name_len) ||
            a->name[name_len])
            continue;
        xmlNodePtr t = a->children;
        if (t && t->type == XML_TEXT_NODE && !t->next && t->content &&
            collapsed(t->content))
            return t->content;
        xmlChar *raw = xmlNodeListGetString(n->doc, t, 1);
        *copy = raw ? xmlSchemaCollapseString(raw) : NULL;
        if (*copy)
            xmlFree(raw);
        else
            *copy = raw;
        return *copy ? *copy : (const xmlChar *)"";
    }
    return NULL;
}

/* The value of the first attribute in FIELDS ("@a|@b") that N has,
   whitespace collapsed as for xs:token; *COPY as for attr_value(). */
static const xmlChar *field_value(xmlNodePtr n, const char *fields,
                                  xmlChar **copy)
{
    for (const char *p = fields; *p;) {
        size_t len = strcspn(p, "|");
        const char *at = *p == '@' ? p + 1 : p;
        const xmlChar *value = attr_value(n, at, len - (size_t)(at - p), copy);
        if (value)
            return value;
        p += len + (p[len] == '|');
    }
    *copy = NULL;
    return NULL;
}

/* The key values of R in DOC, as a set. */
static xmlHashTablePtr key_values(const ref *r, xmlNodePtr root)
{
    xmlHashTablePtr keys = xmlHashCreate(1024);
    for (xmlNodePtr c = root->children; c && keys; c = c->next) {
        if (!has_name(c, (const char *)r->container))
            continue;
        for (xmlNodePtr k = c->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE ||
                !selected((const char *)r->key_selector, k->name))
                continue;
            xmlChar *copy;
            const xmlChar *value =
                field_value(k, (const char *)r->key_field, &copy);
            if (value && !xmlHashLookup(keys, value))
                xmlHashAddEntry(keys, value, (void *)1);
            xmlFree(copy);
        }
    }
    return keys;
}

/* Check the references of R held by the elements below N at the end of
   PATH ("z:a/z:b", up to the next '|') against KEYS. */
static void check_path(const ref *r, xmlHashTablePtr keys, zb_validation *v,
                       xmlNodePtr n, const char *path)
{
    size_t step = strcspn(path, "/|");
    const char *colon = memchr(path, ':', step);
    const char *local = colon ? colon + 1 : path;
    size_t len = step - (size_t)(local - path);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE ||
            strncmp((const char *)c->name, local, len) || c->name[len])
            continue;
        if (path[step] == '/') {
            check_path(r, keys, v, c, path + step + 1);
            continue;
        }
        xmlChar *copy;
        const xmlChar *value = field_value(c, (const char *)r->fields, &copy);
        if (value && !xmlHashLookup(keys, value))
            schema_errors_breach(v, (const char *)r->name, c,
                                 (const char *)value);
        xmlFree(copy);
    }
}

static void check_ref(const ref *r, zb_validation *v, xmlNodePtr root)
{
    xmlHashTablePtr keys = key_values(r, root);
    if (!keys) {
        v->status = ZB_ERR_NOMEM;
        return;
    }
    for (const char *p = (const char *)r->selector; *p;) {
        check_path(r, keys, v, root, p);
        p += strcspn(p, "|");
        p += *p == '|';
    }
    xmlHashFree(keys, NULL);
}

void refs_check(const schema_refs *refs, zb_validation *v, xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (int i = 0; root && i < refs->count; i++)
        check_ref(&refs->refs[i], v, root);
}

void refs_free(schema_refs *refs)
{
    if (!refs)
        return;
    for (int i = 0; i < refs->count; i++) {
        ref *r = &refs->refs[i];
        xmlFree(r->name);
        xmlFree(r->selector);
        xmlFree(r->fields);
        xmlFree(r->container);
        xmlFree(r->key_selector);
        xmlFree(r->key_field);
    }
    free(refs);
}
