/*
 * catalog.h - the form catalogue, forms/catalog.xml (format and meaning in
 * forms/catalog.xsd).
 *
 * One entry per output file of `build`: the form's name (as the ledger's
 * <numbering> calls it), the guide's 附件 number, title, stylesheet, paper
 * orientation, what one copy is made of, the formats to write and the
 * large parts of the derived facts its stylesheet reads. A new
 * form is a stylesheet plus an entry; no C changes.
 */
#ifndef ZB_CATALOG_H
#define ZB_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/diag.h"
#include "../core/status.h"

/* Output formats, or-ed together. */
enum {
    CATALOG_PDF = 1,
    CATALOG_XLSX = 2
};

/* How a form may be laid out in pieces, to bound build's memory (the
   catalogue's pieces="..."). */
typedef enum catalog_pieces {
    CATALOG_WHOLE,           /* always whole */
    CATALOG_COPIES,          /* "true": the stylesheet lays out only the
                                copies first-copy to last-copy */
    CATALOG_ROWS             /* "rows": the stylesheet lays out only the
                                rows first-row to last-row of its one long
                                table (and the rest as when whole) */
} catalog_pieces;

typedef struct zb_catalog_entry {
    const char *name;        /* "statistics" */
    int number;              /* the guide's 附件 number */
    const char *title;       /* "软件正版化工作信息统计表" */
    const char *stylesheet;  /* file name under stylesheets/ */
    const char *orientation; /* "portrait" or "landscape" */
    const char *copy;        /* "unit", "staff", "software", ... */
    unsigned formats;        /* CATALOG_PDF | CATALOG_XLSX */
    unsigned facts;          /* the large parts of the facts that the
                                stylesheet reads (facts_part, or-ed) */
    catalog_pieces pieces;   /* how build may lay it out in pieces */
    long line;               /* in forms/catalog.xml */
} zb_catalog_entry;

/* A kind of red-header document: PDF only, one file per document of the
   ledger, its attached forms laid out by their own entries. */
typedef struct zb_catalog_document {
    const char *kind;        /* the ledger's document/@kind: "report" */
    const char *stylesheet;  /* file name under stylesheets/ */
    bool attach_all;         /* attaches every form, blank (the notice that
                                issues the six systems), instead of the
                                forms its 附件说明 names */
    long line;               /* in forms/catalog.xml */
} zb_catalog_document;

typedef struct zb_catalog {
    zb_catalog_entry *entries;  /* in catalogue order */
    size_t count;
    zb_catalog_document *documents;
    size_t document_count;
    zb_arena arena;             /* owns everything above */
} zb_catalog;

/* Read DATADIR/forms/catalog.xml, checked against forms/catalog.xsd. A
   catalogue that is missing or breaks its schema is an installation
   fault: ZB_ERR_IO with a diagnostic per problem. Free the result with
   catalog_free(). */
zb_status catalog_load(const char *datadir, zb_diags *diags,
                       zb_catalog **out);

/* The entry called NAME, or NULL. */
const zb_catalog_entry *catalog_find(const zb_catalog *catalog,
                                     const char *name);

/* The document entry of KIND ("report"), or NULL. */
const zb_catalog_document *catalog_find_document(const zb_catalog *catalog,
                                                 const char *kind);

/* The extension of the single format FORMAT ("pdf", "xlsx"). */
const char *catalog_format_name(unsigned format);

/* Release CATALOG; NULL is allowed. */
void catalog_free(zb_catalog *catalog);

#endif
