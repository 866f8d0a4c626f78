/*
 * diag.h - diagnostics, collected and printed like a compiler's.
 *
 *     ledger.xml:120:7: error: 同名同版本且采购信息相同的商业软件应使用同一软件编号 [tz-1.3]
 *
 * Every stage appends to one zb_diags list; the command prints them sorted by
 * position, errors and warnings apart, followed by a summary line.
 * Messages are Chinese; the words "error"/"warning" stay English so editors
 * and CI can jump to the line.
 */
#ifndef ZB_DIAG_H
#define ZB_DIAG_H

#include <stdarg.h>
#include <stdio.h>

#include "buf.h"
#include "status.h"

typedef enum zb_severity {
    DIAG_ERROR,
    DIAG_WARNING,
    DIAG_NOTE
} zb_severity;

typedef struct zb_diag {
    char *file;       /* path as the user gave it; may be NULL */
    long line;        /* 1-based; 0 when unknown */
    int col;          /* 1-based; 0 when unknown */
    zb_severity severity;
    char *rule;       /* stable rule id such as "tz-1.3"; may be NULL */
    char *message;    /* Chinese, without trailing newline */
    size_t seq;       /* insertion order, keeps the sort stable */
} zb_diag;

typedef struct zb_diags {
    zb_diag *items;
    size_t count;
    size_t cap;
    size_t errors;
    size_t warnings;
} zb_diags;

/* Append a diagnostic; FILE and RULE may be NULL. The strings are copied. */
zb_status diags_add(zb_diags *diags, const char *file, long line, int col,
                    zb_severity severity, const char *rule,
                    const char *fmt, ...) __attribute__((format(printf, 7, 8)));
zb_status diags_vadd(zb_diags *diags, const char *file, long line, int col,
                     zb_severity severity, const char *rule,
                     const char *fmt, va_list ap);

/* Sort by file, line, column, then insertion order. */
void diags_sort(zb_diags *diags);

/* Print every diagnostic, one per line, in the current order. */
void diags_print(const zb_diags *diags, FILE *out);

/* Print the summary line for FILE, e.g. "ledger.xml：2 个错误，1 个警告". */
void diags_print_summary(const zb_diags *diags, const char *file, FILE *out);

/* Append to OUT the diagnostic D as bytes that diags_add_encoded() reads
   back in another process: severity, line, column, file, rule and
   message, each ending in NUL. */
void diag_encode(const zb_diag *d, zb_buf *out);

/* Add to DIAGS the diagnostic that diag_encode() wrote at the start of the
   LEN bytes at DATA; returns the bytes it took, 0 when they are not a
   whole diagnostic. */
size_t diags_add_encoded(zb_diags *diags, const char *data, size_t len);

/* Remove every diagnostic (the list stays usable). */
void diags_clear(zb_diags *diags);

/* Release the list. */
void diags_free(zb_diags *diags);

#endif
