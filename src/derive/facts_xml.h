/*
 * facts_xml.h - the facts as XML, in the shape of forms/facts.xsd.
 *
 * One element <facts xmlns="urn:zhengban:facts:1" version unit year asOf>
 * holds every derived figure; ledger records are named by their ids, so a
 * stylesheet looks the names up with xsl:key. `build` appends it to the
 * ledger document the stylesheets read (/l:ledger/f:facts); `stats --format
 * xml` and the submission bundle write it as a document of its own.
 *
 * In memory the facts cost about 2 KB per event of the log (a 附件9 row is
 * an element with nine attributes); the text costs about 200 bytes.
 */
#ifndef ZB_FACTS_XML_H
#define ZB_FACTS_XML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "../core/buf.h"
#include "../core/status.h"
#include "facts.h"

/* The namespace of the facts and the version of their shape
   (forms/facts.xsd), which is its last part and the root's version
   attribute. A reader refuses facts of another version. */
#define FACTS_NAMESPACE "urn:zhengban:facts:1"
#define FACTS_NAMESPACE_STEM "urn:zhengban:facts:"
#define FACTS_VERSION 1

/* The large parts of the facts, each read by one or two forms only:
   `build` puts each in the document just for the forms that read it (the
   catalogue's facts attribute), so that the others neither build nor walk
   its nodes. Or-ed together. */
typedef enum facts_part {
    FACTS_INSTALLATIONS = 1, /* <installations>, 附件8 */
    FACTS_LOG = 2,           /* <log>, 附件9 */
    FACTS_CONFIRMATIONS = 4  /* <confirmations>, 附件11 */
} facts_part;
#define FACTS_LARGE_PARTS 7

/* The large part whose element is called NAME (LEN bytes: "log"), or 0. */
unsigned facts_part_named(const char *name, size_t len);

/* Append the facts element, with of the large parts only those in PARTS,
   as the last child of the root element of DOC, the document FACTS were
   derived from. ZB_OK or ZB_ERR_NOMEM (then DOC is as it was). */
zb_status facts_append(const zb_facts *facts, unsigned parts, xmlDocPtr doc);

/* The facts element facts_append() put in DOC, or NULL. */
xmlNodePtr facts_element(xmlDocPtr doc);

/* The large parts the facts element in DOC has (0 when it has none, or
   DOC has no facts). */
unsigned facts_parts_in(xmlDocPtr doc);

/* Add the large parts PARTS to the facts element that facts_append() put
   in DOC, which lacks them. ZB_OK or ZB_ERR_NOMEM (then DOC is as it
   was). */
zb_status facts_add_parts(const zb_facts *facts, unsigned parts,
                          xmlDocPtr doc);

/* Like facts_add_parts(), but of the parts that are one entry per copy of
   their form (the log, the confirmations) only the entries of copies
   FIRST to END-1 (END past the last: to the end): what a form laid out a
   few copies at a time reads; and when the log is one of PARTS and FIRST
   is one copy (END = FIRST + 1), of its log only the rows FROM to TO-1
   (0-based; TO past the last: to the end): a copy too large for one piece
   laid out a range of its rows at a time. */
zb_status facts_add_rows(const zb_facts *facts, unsigned parts, size_t first,
                         size_t end, size_t from, size_t to, xmlDocPtr doc);

/* Remove the large parts PARTS from the facts element in DOC. */
void facts_remove_parts(xmlDocPtr doc, unsigned parts);

/* Append to OUT the facts as a document of its own, valid against
   forms/facts.xsd: UTF-8 text with an XML declaration, one element per
   line, indented. Written as text, without building a tree, so that a
   large ledger's facts cost little memory. ZB_OK or ZB_ERR_NOMEM. */
zb_status facts_xml(const zb_facts *facts, zb_buf *out);

/* Append to OUT only the audit, as a document of its own whose root is the
   audit element of forms/facts.xsd with the unit, year and as-of date (for
   `zhengban audit --format xml`). ZB_OK or ZB_ERR_NOMEM. */
zb_status facts_audit_xml(const zb_facts *facts, zb_buf *out);

#endif
