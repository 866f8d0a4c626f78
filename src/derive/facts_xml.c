/* The facts as libxml2 nodes. */
#include "facts_xml.h"

#include "facts_writer.h"

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

/* XML has no lists: the elements follow each other. */
static void xml_list(facts_writer *base, const char *name)
{
    (void)base;
    (void)name;
}

static void xml_end_list(facts_writer *base) { (void)base; }

/* Write FACTS by WALK as a new element of DOC, not yet linked to it. */
static zb_status build(const zb_facts *facts, facts_walk *walk, xmlDocPtr doc,
                       xmlNodePtr *out)
{
    xml_writer w = {
        {xml_begin, xml_attr, xml_end, xml_list, xml_end_list, ZB_OK},
        doc,
        NULL,
        NULL,
        NULL};
    zb_status st = walk(facts, &w.base);
    if (st != ZB_OK) {
        xmlFreeNode(w.root);
        return st;
    }
    *out = w.root;
    return ZB_OK;
}

zb_status facts_append(const zb_facts *facts, xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc), node;
    zb_status st = build(facts, facts_write, doc, &node);
    if (st == ZB_OK)
        xmlAddChild(root, node);
    return st;
}

/* A new document whose root WALK writes. */
static zb_status document(const zb_facts *facts, facts_walk *walk,
                          xmlDocPtr *out)
{
    xmlNodePtr node;
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    if (!doc)
        return ZB_ERR_NOMEM;
    zb_status st = build(facts, walk, doc, &node);
    if (st != ZB_OK) {
        xmlFreeDoc(doc);
        return st;
    }
    xmlDocSetRootElement(doc, node);
    *out = doc;
    return ZB_OK;
}

zb_status facts_document(const zb_facts *facts, xmlDocPtr *out)
{
    return document(facts, facts_write, out);
}

zb_status facts_audit_document(const zb_facts *facts, xmlDocPtr *out)
{
    return document(facts, facts_write_audit, out);
}
