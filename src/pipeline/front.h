/*
 * front.h - the front of the pipeline for one ledger:
 *   read the file -> parse safely -> validate against forms/ledger.xsd ->
 *   read the C model -> run the ledger rules.
 *
 * `check` stops here; `build`, `stats` and `audit` go on from the document
 * and the model it returns. Each stage runs only when the one before
 * succeeded, so every diagnostic is about the ledger as written, never a
 * consequence of an earlier error.
 */
#ifndef ZB_FRONT_H
#define ZB_FRONT_H

#include <libxml/tree.h>

#include "../core/diag.h"
#include "../core/status.h"
#include "../core/timing.h"
#include "../parse/ledger.h"
#include "../parse/source.h"
#include "../validate/schema.h"

typedef struct zb_front {
    zb_source source;  /* the bytes read (name, text for columns) */
    xmlDocPtr doc;     /* NULL unless the file is well-formed XML */
    zb_ledger *ledger; /* NULL unless the document is schema-valid */
    zb_timings timings; /* read, parse, validate, model, rules: the stages
                           that ran */
} zb_front;

/* Run the front of the pipeline on the ledger file PATH, with SCHEMA from
   schema_open(). Every problem found is a diagnostic in DIAGS. Returns
     ZB_OK           no errors (there may be warnings);
     ZB_ERR_IO       the file cannot be read (missing, a directory, ...);
     ZB_ERR_PARSE    not well-formed XML (doc is NULL);
     ZB_ERR_INVALID  the schema or a ledger rule is broken (doc is set;
                     ledger too when only ledger rules are broken);
     ZB_ERR_NOMEM.
   Release *OUT with front_free() whatever the result. */
zb_status front_load_file(const zb_schema *schema, const char *path,
                          zb_front *out, zb_diags *diags);

/* The same for the LEN bytes of TEXT, called NAME in diagnostics. */
zb_status front_load_memory(const zb_schema *schema, const char *name,
                            const char *text, size_t len, zb_front *out,
                            zb_diags *diags);

/* Release what the front holds; the struct is empty afterwards. */
void front_free(zb_front *front);

#endif
