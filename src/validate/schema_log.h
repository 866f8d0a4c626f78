/*
 * schema_log.h - the references of the event log, checked in C (private
 * to src/validate).
 *
 * forms/ledger.xsd declares every reference as an xs:keyref, those of the
 * log's events among them, and stays the one place that says so (other
 * validators such as xmllint check the whole of it). libxml2 2.9 matches
 * every keyref of the root against every element and keeps a node and a
 * value for each match; with 300,000 events that was half the validation
 * time and 190 MB. So zhengban compiles the schema without the log's part
 * of the keyrefs and checks those references after validation with one
 * hash lookup each, reporting a missing one exactly as the validator
 * does: the same message, line, column and rule id.
 */
#ifndef ZB_SCHEMA_LOG_H
#define ZB_SCHEMA_LOG_H

#include <libxml/tree.h>

#include "../core/status.h"
#include "schema_errors.h"

typedef struct log_refs log_refs;

/* Take the log's events out of the selector of every keyref of the schema
   document XSD (removing a keyref that selects nothing else) and remember,
   for each, its name, its fields and where the key it refers to is. */
zb_status log_refs_split(xmlDocPtr xsd, log_refs **out);

/* Check every reference of every event of DOC against the keys of DOC,
   reporting each value that is missing through V. */
void log_refs_check(const log_refs *refs, zb_validation *v, xmlDocPtr doc);

/* Release REFS; NULL is allowed. */
void log_refs_free(log_refs *refs);

#endif
