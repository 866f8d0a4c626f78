/* The facts as libxml2 nodes (facts_append) or as XML text (facts_xml). */
#include "facts_xml.h"

#include <stdint.h>
#include <string.h>

#include "facts_writer.h"

/* ---- nodes ------------------------------------------------------------- */

typedef struct xml_writer {
    facts_writer base;
    xmlDocPtr doc;
    xmlNodePtr parent; /* the element that the next one goes into */
    xmlNodePtr root;   /* the facts element, once begun */
    xmlNsPtr ns;
} xml_writer;

static void xml_begin(facts_writer *base, const char *name)
{
    xml_writer *w = (xml_writer *)base;
    if (base->status != ZB_OK)
        return;
    xmlNodePtr node = xmlNewDocNode(w->doc, w->ns, BAD_CAST name, NULL);
    if (node && !w->root) {
        w->ns = xmlNewNs(node, BAD_CAST FACTS_NAMESPACE, NULL);
        xmlSetNs(node, w->ns);
    }
    if (!node || !w->ns) {
        xmlFreeNode(node);
        base->status = ZB_ERR_NOMEM;
        return;
    }
    if (w->root)
        xmlAddChild(w->parent, node);
    else
        w->root = node;
    w->parent = node;
}

static void xml_attr(facts_writer *base, const char *name, const char *value,
                     int integer)
{
    xml_writer *w = (xml_writer *)base;
    (void)integer;
    if (base->status == ZB_OK &&
        !xmlNewProp(w->parent, BAD_CAST name, BAD_CAST value))
        base->status = ZB_ERR_NOMEM;
}

static void xml_end(facts_writer *base)
{
    xml_writer *w = (xml_writer *)base;
    if (base->status == ZB_OK && w->parent != w->root)
        w->parent = w->parent->parent;
}

/* XML has no lists: the elements follow each other (both writers). */
static void no_list(facts_writer *base, const char *name)
{
    (void)base;
    (void)name;
}

static void no_end_list(facts_writer *base)
{
    (void)base;
}

zb_status facts_append(const zb_facts *facts, unsigned parts, xmlDocPtr doc)
{
    xml_writer w = {{xml_begin, xml_attr, xml_end, no_list, no_end_list, ZB_OK},
                    doc,
                    NULL,
                    NULL,
                    NULL};
    zb_status st = facts_write_with(facts, parts, &w.base);
    if (st == ZB_OK)
        xmlAddChild(xmlDocGetRootElement(doc), w.root);
    else
        xmlFreeNode(w.root);
    return st;
}

static const char *const part_names[] = {"installations", "log",
                                         "confirmations"};
#define NPARTS (sizeof part_names / sizeof *part_names)

unsigned facts_part_named(const char *name, size_t len)
{
    for (size_t i = 0; i < NPARTS; i++)
        if (strlen(part_names[i]) == len && !strncmp(part_names[i], name, len))
            return 1u << i;
    return 0;
}

xmlNodePtr facts_element(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root ? root->last : NULL; n; n = n->prev)
        if (n->type == XML_ELEMENT_NODE && n->ns &&
            !strcmp((const char *)n->ns->href, FACTS_NAMESPACE) &&
            !strcmp((const char *)n->name, "facts"))
            return n;
    return NULL;
}

zb_status facts_add_parts(const zb_facts *facts, unsigned parts,
                          xmlDocPtr doc)
{
    return facts_add_rows(facts, parts, 0, SIZE_MAX, 0, SIZE_MAX, doc);
}

zb_status facts_add_rows(const zb_facts *facts, unsigned parts, size_t first,
                         size_t end, size_t from, size_t to, xmlDocPtr doc)
{
    xmlNodePtr el = facts_element(doc);
    if (!el)
        return ZB_ERR_NOMEM;
    xml_writer w = {{xml_begin, xml_attr, xml_end, no_list, no_end_list, ZB_OK},
                    doc,
                    el,
                    el,
                    el->ns};
    bool rows = (parts & FACTS_LOG) && end == first + 1 &&
                (from > 0 || to != SIZE_MAX);
    zb_status st = rows ? facts_write_log_rows(facts, first, from, to, &w.base)
                        : ZB_OK;
    if (st == ZB_OK)
        st = facts_write_copies(facts, rows ? parts & ~FACTS_LOG : parts,
                                first, end, &w.base);
    if (st != ZB_OK)
        facts_remove_parts(doc, parts);
    return st;
}

/* The large part that N is, or 0. */
static unsigned part_of(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE
               ? facts_part_named((const char *)n->name,
                                  strlen((const char *)n->name))
               : 0;
}

unsigned facts_parts_in(xmlDocPtr doc)
{
    xmlNodePtr el = facts_element(doc);
    unsigned parts = 0;
    for (xmlNodePtr n = el ? el->children : NULL; n; n = n->next)
        parts |= part_of(n);
    return parts;
}

void facts_remove_parts(xmlDocPtr doc, unsigned parts)
{
    xmlNodePtr el = facts_element(doc), next;
    for (xmlNodePtr n = el ? el->children : NULL; n; n = next) {
        next = n->next;
        if (part_of(n) & parts) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
    }
}

/* ---- text --------------------------------------------------------------- */

#define MAX_DEPTH 16

typedef struct text_writer {
    facts_writer base;
    zb_buf *out;
    int depth;
    const char *names[MAX_DEPTH]; /* the open elements */
    int open_tag;                 /* the innermost start tag lacks its '>' */
} text_writer;

/* Append S with the characters that attribute values must not hold raw
   written as references. */
static void put_escaped(zb_buf *out, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        const char *ref = *s == '&'    ? "&amp;"
                          : *s == '<'  ? "&lt;"
                          : *s == '>'  ? "&gt;"
                          : *s == '"'  ? "&quot;"
                          : *s == '\n' ? "&#10;"
                          : *s == '\t' ? "&#9;"
                          : *s == '\r' ? "&#13;"
                                       : NULL;
        if (!ref)
            continue;
        buf_append(out, run, (size_t)(s - run));
        buf_append_str(out, ref);
        run = s + 1;
    }
    buf_append(out, run, (size_t)(s - run));
}

static void indent(zb_buf *out, int depth)
{
    static const char spaces[] = "                                ";
    buf_append(out, spaces, (size_t)(2 * depth));
}

static void text_begin(facts_writer *base, const char *name)
{
    text_writer *w = (text_writer *)base;
    if (base->status != ZB_OK)
        return;
    if (w->depth == MAX_DEPTH) {
        base->status = ZB_ERR_NOMEM;
        return;
    }
    if (w->open_tag)
        buf_append_str(w->out, ">\n");
    indent(w->out, w->depth);
    buf_append_str(w->out, "<");
    buf_append_str(w->out, name);
    if (w->depth == 0)
        buf_append_str(w->out, " xmlns=\"" FACTS_NAMESPACE "\"");
    w->names[w->depth++] = name;
    w->open_tag = 1;
}

static void text_attr(facts_writer *base, const char *name, const char *value,
                      int integer)
{
    text_writer *w = (text_writer *)base;
    (void)integer;
    if (base->status != ZB_OK)
        return;
    buf_append_str(w->out, " ");
    buf_append_str(w->out, name);
    buf_append_str(w->out, "=\"");
    put_escaped(w->out, value);
    buf_append_str(w->out, "\"");
}

static void text_end(facts_writer *base)
{
    text_writer *w = (text_writer *)base;
    if (base->status != ZB_OK)
        return;
    const char *name = w->names[--w->depth];
    if (w->open_tag) {
        buf_append_str(w->out, "/>\n");
    } else {
        indent(w->out, w->depth);
        buf_printf(w->out, "</%s>\n", name);
    }
    w->open_tag = 0;
    if (w->out->failed)
        base->status = ZB_ERR_NOMEM;
}

/* Append to OUT what WALK writes of FACTS as a document of its own. */
static zb_status text(const zb_facts *facts, facts_walk *walk, zb_buf *out)
{
    text_writer w = {
        {text_begin, text_attr, text_end, no_list, no_end_list, ZB_OK},
        out,
        0,
        {0},
        0};
    buf_append_str(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    return walk(facts, &w.base);
}

zb_status facts_xml(const zb_facts *facts, zb_buf *out)
{
    return text(facts, facts_write, out);
}

zb_status facts_audit_xml(const zb_facts *facts, zb_buf *out)
{
    return text(facts, facts_write_audit, out);
}
