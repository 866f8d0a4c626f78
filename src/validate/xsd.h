/*
 * xsd.h - validate a document against one of zhengban's published schemas
 * other than the ledger's (forms/facts.xsd: the facts in a submission
 * bundle).
 *
 * The ledger has its own validator (schema.h), which speaks of elements by
 * their Chinese names and the rules they carry; a document made by
 * zhengban and checked again where it arrives only needs to be named,
 * located and refused: each problem is a diagnostic with its line and
 * libxml2's words.
 */
#ifndef ZB_XSD_H
#define ZB_XSD_H

#include <libxml/tree.h>

#include "../core/diag.h"
#include "../core/status.h"

typedef struct zb_xsd zb_xsd;

/* Compile the schema DATADIR/REL ("forms/facts.xsd"). One that cannot be
   read or compiled is an installation fault: ZB_ERR_IO with a
   diagnostic. */
zb_status xsd_open(const char *datadir, const char *rel, zb_diags *diags,
                   zb_xsd **out);

/* Validate DOC, called NAME in diagnostics. ZB_OK when valid, else
   ZB_ERR_INVALID with one diagnostic per problem. */
zb_status xsd_validate(const zb_xsd *xsd, xmlDocPtr doc, const char *name,
                       zb_diags *diags);

/* Release XSD; NULL is allowed. */
void xsd_close(zb_xsd *xsd);

#endif
