/*
 * schema.h - validate a ledger against forms/ledger.xsd.
 *
 * The schema is compiled once per process (a batch run checks many
 * ledgers) and may then be shared by threads: each validation has its own
 * libxml2 context. Every schema error becomes a Chinese diagnostic with
 * line and column, naming the element and attribute by their Chinese names
 * from the schema's documentation and the rule the schema enforces (from
 * its xs:appinfo), e.g. a purchase inside an OEM entry is [tz-1.6], a
 * duplicate 计算机编号 [key-computer]. A ledger of another namespace or
 * schema version is refused with one message [schema-version].
 */
#ifndef ZB_SCHEMA_H
#define ZB_SCHEMA_H

#include <libxml/tree.h>

#include "../core/diag.h"
#include "../core/status.h"
#include "../parse/source.h"

typedef struct zb_schema zb_schema;

/* Compile DATADIR/forms/ledger.xsd. A schema that cannot be read or
   compiled is an installation fault: ZB_ERR_IO with a diagnostic. */
zb_status schema_open(const char *datadir, zb_schema **out, zb_diags *diags);

/* Validate DOC, parsed from SRC (whose name and text the diagnostics use).
   ZB_OK when valid; ZB_ERR_INVALID with one diagnostic per problem. */
zb_status schema_validate(const zb_schema *schema, xmlDocPtr doc,
                          const zb_source *src, zb_diags *diags);

/* Release the schema; NULL is allowed. */
void schema_close(zb_schema *schema);

#endif
