/*
 * xml_load.h - parse untrusted XML safely.
 *
 * Ledgers and layout documents come from users. They are parsed with no
 * network access, no DTD (a DOCTYPE is refused before any entity in it is
 * declared, so external entities and entity expansion cannot happen), no
 * XInclude, no transparent decompression, and line numbers past 65535 kept.
 * A document that is not well-formed gives one diagnostic with line and
 * column, in Chinese.
 */
#ifndef ZB_XML_LOAD_H
#define ZB_XML_LOAD_H

#include <stddef.h>

#include <libxml/tree.h>

#include "../core/diag.h"
#include "../core/status.h"

/* Process-wide libxml2/libxslt set-up: initialise the parser, refuse
   network access for every entity or schema load, register EXSLT. Call once from main()
   before any thread starts; pair with xml_cleanup(). */
void xml_init(void);
void xml_cleanup(void);

/* Parse the file PATH. Returns ZB_ERR_IO (missing, directory, unreadable)
   or ZB_ERR_PARSE with a diagnostic, or ZB_OK and the document in *DOC,
   which the caller frees with xmlFreeDoc(). */
zb_status xml_load_file(const char *path, zb_diags *diags, xmlDocPtr *doc);

/* Parse LEN bytes of DATA; NAME is used in diagnostics and as base URL. */
zb_status xml_load_memory(const char *data, size_t len, const char *name,
                          zb_diags *diags, xmlDocPtr *doc);

/* The line of element NODE of a loaded document, also past 65535, where
   xmlGetLineNo() would take the line after an empty element's end. */
long xml_node_line(xmlNodePtr node);

#endif
