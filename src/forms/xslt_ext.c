#include "xslt_ext.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>

#include "../core/num.h"
#include "../parse/xml_load.h"

/* ------------------------------------------------- zb:where(node) */

/* "FILE:LINE" of NODE in a new string, "" when NODE has no file. Called
   for every src attribute of a layout (three a row of 附件9), so it
   writes the digits itself rather than through printf. */
static xmlChar *where_of(xmlNodePtr node)
{
    const char *file = node && node->doc && node->doc->URL
                           ? (const char *)node->doc->URL : NULL;
    if (!file)
        return xmlStrdup(BAD_CAST "");
    size_t len = strlen(file);
    xmlChar *where = xmlMalloc(len + 1 + 20 + 1);
    if (where) {
        memcpy(where, file, len);
        where[len] = ':';
        /* -1 for a node without a line */
        *num_put_int((char *)where + len + 1, xml_node_line(node)) = '\0';
    }
    return where;
}

static void fn_where(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlNodeSetPtr set = xmlXPathPopNodeSet(ctxt);
    if (xmlXPathCheckError(ctxt))
        return;
    xmlNodePtr node = set && set->nodeNr ? set->nodeTab[0] : NULL;
    if (node && node->type == XML_ATTRIBUTE_NODE)
        node = node->parent;
    xmlChar *where = where_of(node);
    xmlXPathFreeNodeSet(set);
    if (!where) {
        xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
        return;
    }
    valuePush(ctxt, xmlXPathWrapString(where));
}

/* ------------------------------------------------ zb:ref(section, ids) */

/* What one transformation looked up: section name -> table of the
   section's children by @id (ids are unique in a section, the schema's
   keys; of a repeated one, the first). */
typedef struct refs {
    xmlHashTablePtr sections;
} refs;

static void free_table(void *table, const xmlChar *name)
{
    (void)name;
    xmlHashFree(table, NULL);
}

/* The root's child element called NAME, in the root's namespace. */
static xmlNodePtr find_section(xmlDocPtr doc, const xmlChar *name)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && n->ns == root->ns &&
            xmlStrEqual(n->name, name))
            return n;
    return NULL;
}

/* A table of the children of SECTION (may be NULL) by @id. */
static xmlHashTablePtr make_table(xmlNodePtr section)
{
    xmlHashTablePtr table = xmlHashCreate(64);
    for (xmlNodePtr c = section ? section->children : NULL; table && c;
         c = c->next) {
        xmlAttrPtr id = c->type == XML_ELEMENT_NODE
                            ? xmlHasNsProp(c, BAD_CAST "id", NULL)
                            : NULL;
        xmlChar *value = id ? xmlNodeListGetString(c->doc, id->children, 1)
                            : NULL;
        if (value && !xmlHashLookup(table, value) &&
            xmlHashAddEntry(table, value, c) != 0) {
            xmlHashFree(table, NULL);
            table = NULL;
        }
        xmlFree(value);
    }
    return table;
}

/* The table of section NAME of DOC, made at its first lookup; NULL on
   ENOMEM. */
static xmlHashTablePtr section_table(refs *r, xmlDocPtr doc,
                                     const xmlChar *name)
{
    if (!r->sections && !(r->sections = xmlHashCreate(8)))
        return NULL;
    xmlHashTablePtr table = xmlHashLookup(r->sections, name);
    if (table)
        return table;
    table = make_table(find_section(doc, name));
    if (table && xmlHashAddEntry(r->sections, name, table) != 0) {
        xmlHashFree(table, NULL);
        table = NULL;
    }
    return table;
}

/* Add to SET the element of TABLE with id ID, if any; 0 on ENOMEM. */
static int add_ref(xmlNodeSetPtr set, xmlHashTablePtr table,
                   const xmlChar *id)
{
    xmlNodePtr el = id ? xmlHashLookup(table, id) : NULL;
    return !el || xmlXPathNodeSetAdd(set, el) == 0;
}

/* Add the elements of TABLE whose ids IDS holds to SET; 0 on ENOMEM. */
static int add_refs(xmlNodeSetPtr set, xmlHashTablePtr table,
                    xmlXPathObjectPtr ids)
{
    if (ids->type == XPATH_STRING)
        return add_ref(set, table, ids->stringval);
    if (ids->type != XPATH_NODESET && ids->type != XPATH_XSLT_TREE) {
        xmlChar *id = xmlXPathCastToString(ids);
        int ok = id && add_ref(set, table, id);
        xmlFree(id);
        return ok;
    }
    xmlNodeSetPtr nodes = ids->nodesetval;
    for (int i = 0; nodes && i < nodes->nodeNr; i++) {
        xmlChar *id = xmlXPathCastNodeToString(nodes->nodeTab[i]);
        int ok = id && add_ref(set, table, id);
        xmlFree(id);
        if (!ok)
            return 0;
    }
    if (set->nodeNr > 1)
        xmlXPathNodeSetSort(set);
    return 1;
}

static void fn_ref(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlXPathObjectPtr ids = valuePop(ctxt);
    xmlChar *name = xmlXPathPopString(ctxt);
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    refs *r = tctxt ? xsltGetExtData(tctxt, BAD_CAST ZB_XSLT_NAMESPACE)
                    : NULL;
    xmlHashTablePtr table =
        r && name && ids ? section_table(r, tctxt->initialContextDoc, name)
                         : NULL;
    xmlNodeSetPtr set = table ? xmlXPathNodeSetCreate(NULL) : NULL;
    if (set && !add_refs(set, table, ids)) {
        xmlXPathFreeNodeSet(set);
        set = NULL;
    }
    xmlFree(name);
    xmlXPathFreeObject(ids);
    if (!set) {
        xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
        return;
    }
    valuePush(ctxt, xmlXPathWrapNodeSet(set));
}

/* --------------------------------------------------------- the module */

/* A transformation's data: its zb:ref() tables. */
static void *module_init(xsltTransformContextPtr ctxt, const xmlChar *uri)
{
    (void)ctxt;
    (void)uri;
    return calloc(1, sizeof(refs));
}

/* libxslt 1.1.35 ends each transformation by clearing its marks from
   every node of the source document (xsltCleanupSourceDoc()): the marks
   of the nodes xsl:key indexed, which only templates matching with key()
   read, and those of generate-id(). That writes every node of the ledger
   once per form (in a forked helper, a copy of every page of it) and
   wipes the line numbers past 65,535 that libxml2 keeps in text nodes
   (xml_node_line(): the forms after the first said 65535). The module's
   shutdown, which libxslt calls when the transformation is done and
   before that clean-up, says there is nothing to clean when generate-id()
   was not called: a key mark left behind only makes libxslt try key()
   patterns on the node, which find what they find. */
static void module_shutdown(xsltTransformContextPtr ctxt, const xmlChar *uri,
                            void *data)
{
    refs *r = data;
    (void)uri;
    xmlHashFree(r->sections, free_table);
    free(r);
    if (!ctxt->currentId)
        ctxt->sourceDocDirty = 0;
}

void xslt_ext_attach(xsltStylesheetPtr style)
{
    xsltRegisterExtModule(BAD_CAST ZB_XSLT_NAMESPACE, module_init,
                          module_shutdown);
    xsltStyleGetExtData(style, BAD_CAST ZB_XSLT_NAMESPACE);
}

void xslt_ext_register(xsltTransformContextPtr ctxt)
{
    xsltRegisterExtFunction(ctxt, BAD_CAST "where",
                            BAD_CAST ZB_XSLT_NAMESPACE, fn_where);
    xsltRegisterExtFunction(ctxt, BAD_CAST "ref", BAD_CAST ZB_XSLT_NAMESPACE,
                            fn_ref);
}
