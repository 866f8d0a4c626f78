/*
 * source.h - a ledger's bytes, kept to point diagnostics at a column.
 *
 * libxml2 keeps a line for every element (the line where its start tag
 * ends) but no column. A zb_source holds the file as read and an index of
 * its line starts, so a diagnostic about an element or one of its
 * attributes can name the exact line and column of the text at fault.
 * Columns count characters (UTF-8 code points) from 1, like libxml2's
 * well-formedness errors.
 */
#ifndef ZB_SOURCE_H
#define ZB_SOURCE_H

#include <stddef.h>

#include "../core/diag.h"
#include "../core/status.h"

typedef struct zb_source {
    char *name; /* the path as given, used in diagnostics */
    char *text; /* the bytes of the file, NUL-terminated */
    size_t len;
    size_t *line_start; /* byte offset where each line begins; [0] is line 1 */
    size_t nlines;
} zb_source;

/* Read PATH into SRC. On failure (missing, a directory, unreadable) a
   diagnostic names the path and SRC is left empty. */
zb_status source_read(zb_source *src, const char *path, zb_diags *diags);

/* Use the LEN bytes of TEXT (copied) as the source called NAME. */
zb_status source_set(zb_source *src, const char *name, const char *text,
                     size_t len);

/* Find the start tag of element ELEM (local name) that ends on line *LINE,
   and in it the attribute ATTR (NULL: the tag itself). On success *LINE and
   *COL point at the '<' of the tag or the first character of the attribute
   name; otherwise *LINE is kept and *COL is 0. */
void source_locate(const zb_source *src, long *line, int *col, const char *elem,
                   const char *attr);

/* Release the bytes and the index. */
void source_free(zb_source *src);

/* Free the text and the line table of SRC, keeping its name: for after the
   last diagnostic that needs a column (the source of a large ledger is
   tens of megabytes). */
void source_drop_text(zb_source *src);

#endif
