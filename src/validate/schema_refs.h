/*
 * schema_refs.h - the ledger's references, checked in C (private to
 * src/validate).
 *
 * forms/ledger.xsd declares every reference as an xs:keyref of the root
 * and stays the one place that says so (other validators such as xmllint
 * check the whole of it). libxml2 2.9 matches every keyref of the root
 * against every element and keeps a node and a value for each match: with
 * 300,000 events that was half the validation time and 190 MB, and the
 * keyrefs left after the log's events were taken out still cost a third
 * of the validation of a large ledger. So zhengban compiles the schema
 * without them and checks every reference after validation with one hash
 * lookup each, reporting a missing one exactly as the validator does: the
 * same message, line, column and rule id. The keys themselves (ids that
 * repeat) are still the validator's.
 */
#ifndef ZB_SCHEMA_REFS_H
#define ZB_SCHEMA_REFS_H

#include <libxml/tree.h>

#include "../core/status.h"
#include "schema_errors.h"

typedef struct schema_refs schema_refs;

/* Take every keyref of the root out of the schema document XSD and
   remember, for each, its name, the elements it selects, its fields and
   where the key it refers to is. ZB_ERR_IO when a keyref is not of the
   shape this module reads (child paths from the root, attribute fields, a
   key on a child of the root). */
zb_status refs_split(xmlDocPtr xsd, schema_refs **out);

/* Check every reference of DOC against the keys of DOC, reporting each
   value that is missing through V. */
void refs_check(const schema_refs *refs, zb_validation *v, xmlDocPtr doc);

/* Release REFS; NULL is allowed. */
void refs_free(schema_refs *refs);

#endif
