/*
 * docorder.h - the document order stamps XPath sorts by, written once.
 *
 * libxml2 sorts node-sets fast when each element carries its place in the
 * document (xmlXPathOrderDocElems() writes it into the element's unused
 * `content`), and libxslt stamps the whole source document again in every
 * xsltNewTransformContext(). For the ledger that is a walk of the whole
 * tree per form and, in a process forked after the front, a write to
 * every page of it: copy-on-write copies the ledger's tree into each
 * process. So the ledger is stamped once before the fork
 * (docorder_stamp()), what is added to it later is stamped as it is added
 * (docorder_stamp_from()), and transform_apply() keeps libxslt from
 * stamping a document already stamped (docorder_is_stamped()).
 */
#ifndef ZB_DOCORDER_H
#define ZB_DOCORDER_H

#include <stdbool.h>

#include <libxml/tree.h>

/* Stamp every element of DOC with its place in document order. */
void docorder_stamp(xmlDocPtr doc);

/* Stamp the elements from FIRST (an element just linked into a stamped
   document) to the end of the document, continuing from the element
   before FIRST; an element whose stamp is already right is not written.
   When the element before FIRST has no stamp, the whole document is
   stamped again. */
void docorder_stamp_from(xmlNodePtr first);

/* Has the last element of DOC in document order a stamp (DOC was stamped
   and what was added at its end since, too)? */
bool docorder_is_stamped(xmlDocPtr doc);

#endif
