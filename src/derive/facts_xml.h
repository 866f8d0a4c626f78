/*
 * facts_xml.h - the facts as XML, in the shape of forms/facts.xsd.
 *
 * One element <facts xmlns="urn:zhengban:facts:1" version unit year asOf>
 * holds every derived figure; ledger records are named by their ids, so a
 * stylesheet looks the names up with xsl:key. `build` appends it to the
 * ledger document the stylesheets read (/l:ledger/f:facts); `stats --format
 * xml` and the submission bundle write it as a document of its own.
 */
#ifndef ZB_FACTS_XML_H
#define ZB_FACTS_XML_H

#include <libxml/tree.h>

#include "../core/status.h"
#include "facts.h"

/* Append the facts element as the last child of the root element of DOC,
   the document FACTS were derived from. ZB_OK or ZB_ERR_NOMEM (then DOC is
   as it was). */
zb_status facts_append(const zb_facts *facts, xmlDocPtr doc);

/* A new document whose root is the facts element, valid against
   forms/facts.xsd; the caller frees *OUT with xmlFreeDoc(). */
zb_status facts_document(const zb_facts *facts, xmlDocPtr *out);

/* A new document whose root is the audit element (forms/facts.xsd <audit>
   with the unit, year and as-of date), for `zhengban audit --format xml`. */
zb_status facts_audit_document(const zb_facts *facts, xmlDocPtr *out);

#endif
