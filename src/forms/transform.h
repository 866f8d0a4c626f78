/*
 * transform.h - run the form stylesheets (XSLT 1.0 + EXSLT, libxslt).
 *
 * A stylesheet is compiled once per process and applied to many documents.
 * Stylesheets lay out only: while one runs it cannot write files, create
 * directories or touch the network, and document() reads only files inside
 * the data directory.
 *
 * Stylesheets may call the functions of the namespace urn:zhengban:xslt
 * (xslt_ext.h): zb:where(node) fills the layout's src attributes, so that
 * a renderer can name the ledger line behind a character it cannot print;
 * zb:ref(section, ids) looks up the ledger's records by id.
 */
#ifndef ZB_TRANSFORM_H
#define ZB_TRANSFORM_H

#include <libxml/tree.h>

#include "../core/diag.h"
#include "../core/status.h"

#include "xslt_ext.h"

typedef struct zb_stylesheet zb_stylesheet;

/* Compile the stylesheet at PATH, a trusted file of the data directory
   DATADIR. Compile errors become diagnostics on PATH. Not thread-safe:
   compile every stylesheet before starting threads. */
zb_status transform_load(const char *path, const char *datadir,
                         zb_diags *diags, zb_stylesheet **out);

/* transform_load() of DATADIR/stylesheets/FILE, a stylesheet of the data
   directory by its name ("statistics.xsl"). */
zb_status transform_load_named(const char *datadir, const char *file,
                               zb_diags *diags, zb_stylesheet **out);

/* Apply SHEET to DOC. PARAMS is a NULL-terminated list of name, value
   pairs passed as string parameters (quoting is done here). On success
   *OUT is a new document the caller frees. Runtime errors and
   <xsl:message terminate="yes"> become diagnostics. */
zb_status transform_apply(const zb_stylesheet *sheet, xmlDocPtr doc,
                          const char *const *params, zb_diags *diags,
                          xmlDocPtr *out);

/* Release a compiled stylesheet; NULL is allowed. */
void transform_free(zb_stylesheet *sheet);

#endif
