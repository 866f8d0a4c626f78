/*
 * schema_errors.h - libxml2's schema errors in Chinese (private to
 * src/validate).
 *
 * libxml2 reports schema errors as English sentences ("Element 'oem':
 * This element is not expected. Expected is ( machine )."). This module
 * reads them and says the same in Chinese, with the names and rules the
 * schema itself documents.
 */
#ifndef ZB_SCHEMA_ERRORS_H
#define ZB_SCHEMA_ERRORS_H

#include <libxml/hash.h>
#include <libxml/xmlerror.h>

#include "../core/diag.h"
#include "../parse/source.h"
#include "schema_dict.h"

/* One validation run. */
typedef struct zb_validation {
    const zb_dict *dict;
    const zb_source *src;
    zb_diags *diags;
    xmlHashTablePtr seen;     /* diagnostics already given (line:col:text) */
    zb_status status;         /* ZB_ERR_NOMEM once memory ran out */
} zb_validation;

/* The structured error handler for xmlSchemaSetValidStructuredErrors();
   CTX is the zb_validation. */
void schema_errors_handle(void *ctx, xmlErrorPtr err);

/* Report that the keyref CONSTRAINT finds no key VALUE for element NODE,
   in the words the validator's own error would get. */
void schema_errors_breach(zb_validation *v, const char *constraint,
                          xmlNodePtr node, const char *value);

#endif
