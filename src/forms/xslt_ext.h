/*
 * xslt_ext.h - the zb: namespace of the stylesheets (urn:zhengban:xslt).
 *
 *   zb:where(node)        "ledger.xml:123": where NODE came from in its
 *                         file (a layout's src attributes)
 *   zb:ref(section, ids)  the children of the source document's section
 *                         SECTION (the root's child of that name:
 *                         computers, staff, departments, software,
 *                         requests, deployments) whose @id is one of IDS
 *                         (a string, or each node's value of a node-set),
 *                         in document order
 *
 * zb:ref() is xsl:key's lookup without its marks: libxslt writes a mark
 * into every node a key indexes, which in a process forked after the
 * front copies the ledger's pages (copy-on-write); zb:ref() keeps its
 * tables beside the document, one per section, made at the section's
 * first lookup in a transformation.
 */
#ifndef ZB_XSLT_EXT_H
#define ZB_XSLT_EXT_H

#include <libxslt/xsltInternals.h>

#define ZB_XSLT_NAMESPACE "urn:zhengban:xslt"

/* Make the zb: module part of every transformation with STYLE (once,
   after compiling it; not thread-safe). */
void xslt_ext_attach(xsltStylesheetPtr style);

/* Give the transformation CTXT the zb: functions. */
void xslt_ext_register(xsltTransformContextPtr ctxt);

#endif
