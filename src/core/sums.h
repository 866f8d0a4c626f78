/*
 * sums.h - a list of files and their SHA-256, as the file SHA256SUMS holds
 * it: one line per file, "<64 hex digits>  <name>", the format that
 * `sha256sum` writes and `sha256sum -c` checks. A name holding a backslash
 * or a newline is written as sha256sum does: the line starts with "\" and
 * the name has "\\" and "\n" in their place.
 *
 * zhengban writes one into each output folder and each submission bundle.
 */
#ifndef ZB_SUMS_H
#define ZB_SUMS_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "status.h"

/* The name of the file that holds the list. */
#define SUMS_FILE "SHA256SUMS"

typedef struct sums_entry {
    char *name;
    char hex[HASH_HEX_SIZE];
} sums_entry;

/* A zero-initialised zb_sums is empty and ready to use. */
typedef struct zb_sums {
    sums_entry *items;
    size_t count;
    size_t cap;
} zb_sums;

/* Add NAME with the digest HEX (the name is copied). */
zb_status sums_add(zb_sums *sums, const char *name,
                   const char hex[HASH_HEX_SIZE]);

/* The entry of NAME, or NULL. */
const sums_entry *sums_find(const zb_sums *sums, const char *name);

/* Append SUMS to OUT as the text of a SHA256SUMS file, sorted by name
   (byte order), so that the same files give the same bytes. */
zb_status sums_format(zb_sums *sums, zb_buf *out);

/* Read the LEN bytes of TEXT, a SHA256SUMS file called FILE in
   diagnostics, into OUT (appended). A line that is not "<64 hex digits>
   <space><space or *><name>" is ZB_ERR_INVALID with a diagnostic naming
   the line. */
zb_status sums_parse(const char *text, size_t len, const char *file,
                     zb_sums *out, zb_diags *diags);

/* Release the entries; SUMS is empty afterwards. */
void sums_free(zb_sums *sums);

#endif
