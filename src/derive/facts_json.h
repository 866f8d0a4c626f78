/*
 * facts_json.h - the facts as JSON, for scripts.
 *
 * The same facts as forms/facts.xsd, mapped one to one: the facts element
 * is the top object, with "xmlns" naming the shape and version; every
 * element is an object whose members are its attributes, then its child
 * elements - a child that occurs once under its name, a list of children
 * as an array under their common name (possibly empty). Counts, years,
 * versions and lines are JSON numbers; amounts are strings of exact
 * decimals ("6200.00"), never floating-point numbers; everything else is a
 * string. UTF-8, members in schema order, the same bytes for the same
 * ledger.
 */
#ifndef ZB_FACTS_JSON_H
#define ZB_FACTS_JSON_H

#include "../core/buf.h"
#include "../core/status.h"
#include "facts.h"

/* Append FACTS as JSON, ending in a newline, to OUT. ZB_OK or
   ZB_ERR_NOMEM. */
zb_status facts_json(const zb_facts *facts, zb_buf *out);

/* Append only the audit of FACTS as JSON (the audit element as the top
   object), for `zhengban audit --format json`. */
zb_status facts_audit_json(const zb_facts *facts, zb_buf *out);

#endif
