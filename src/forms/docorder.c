#include "docorder.h"

#include <stddef.h>
#include <stdint.h>

#include <libxml/xpath.h>

/* libxml2's stamp: the element's place, 1 for the first, negated. */
static ptrdiff_t stamp_of(xmlNodePtr el)
{
    ptrdiff_t s = -(ptrdiff_t)el->content;
    return s > 0 ? s : 0;
}

/* The last element of the subtree of the element EL, EL included. */
static xmlNodePtr last_in(xmlNodePtr el)
{
    for (;;) {
        xmlNodePtr c = el->last;
        while (c && c->type != XML_ELEMENT_NODE)
            c = c->prev;
        if (!c)
            return el;
        el = c;
    }
}

/* The element before N in document order, or NULL. */
static xmlNodePtr element_before(xmlNodePtr n)
{
    for (xmlNodePtr p = n->prev; p; p = p->prev)
        if (p->type == XML_ELEMENT_NODE)
            return last_in(p);
    return n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent
                                                           : NULL;
}

/* The node after N in document order, entering N's children only if N is
   an element (as xmlXPathOrderDocElems() walks), or NULL. */
static xmlNodePtr node_after(xmlNodePtr n)
{
    if (n->type == XML_ELEMENT_NODE && n->children)
        return n->children;
    while (!n->next) {
        n = n->parent;
        if (!n || n->type == XML_DOCUMENT_NODE)
            return NULL;
    }
    return n->next;
}

void docorder_stamp(xmlDocPtr doc)
{
    xmlXPathOrderDocElems(doc);
}

void docorder_stamp_from(xmlNodePtr first)
{
    xmlNodePtr before = element_before(first);
    ptrdiff_t s = before ? stamp_of(before) : 0;
    if (before && !s) {
        xmlXPathOrderDocElems(first->doc);
        return;
    }
    for (xmlNodePtr n = first; n; n = node_after(n)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *stamp = (xmlChar *)(intptr_t)-(++s);
        if (n->content != stamp)
            n->content = stamp;
    }
}

bool docorder_is_stamped(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    return root && stamp_of(last_in(root)) > 0;
}
