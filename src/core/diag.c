#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

zb_status diags_vadd(zb_diags *diags, const char *file, long line, int col,
                     zb_severity severity, const char *rule,
                     const char *fmt, va_list ap)
{
    if (diags->count == diags->cap) {
        size_t cap = diags->cap ? diags->cap * 2 : 16;
        zb_diag *items = realloc(diags->items, cap * sizeof *items);
        if (!items)
            return ZB_ERR_NOMEM;
        diags->items = items;
        diags->cap = cap;
    }
    zb_buf msg = {0};
    buf_vprintf(&msg, fmt, ap);
    zb_diag d = {
        .file = dup_or_null(file),
        .line = line,
        .col = col,
        .severity = severity,
        .rule = dup_or_null(rule),
        .message = buf_detach(&msg),
        .seq = diags->count,
    };
    if (!d.message || (file && !d.file) || (rule && !d.rule)) {
        free(d.file);
        free(d.rule);
        free(d.message);
        return ZB_ERR_NOMEM;
    }
    diags->items[diags->count++] = d;
    if (severity == DIAG_ERROR)
        diags->errors++;
    else if (severity == DIAG_WARNING)
        diags->warnings++;
    return ZB_OK;
}

zb_status diags_add(zb_diags *diags, const char *file, long line, int col,
                    zb_severity severity, const char *rule,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    zb_status st = diags_vadd(diags, file, line, col, severity, rule, fmt, ap);
    va_end(ap);
    return st;
}

static int diag_compare(const void *pa, const void *pb)
{
    const zb_diag *a = pa, *b = pb;
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diags_sort(zb_diags *diags)
{
    if (diags->count > 1)
        qsort(diags->items, diags->count, sizeof *diags->items, diag_compare);
}

static const char *severity_word(zb_severity severity)
{
    switch (severity) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    case DIAG_NOTE: return "note";
    }
    return "error";
}

void diags_print(const zb_diags *diags, FILE *out)
{
    for (size_t i = 0; i < diags->count; i++) {
        const zb_diag *d = &diags->items[i];
        if (d->file) {
            fputs(d->file, out);
            if (d->line > 0)
                fprintf(out, ":%ld", d->line);
            if (d->line > 0 && d->col > 0)
                fprintf(out, ":%d", d->col);
            fputs(": ", out);
        } else {
            fputs("zhengban: ", out);
        }
        fprintf(out, "%s: %s", severity_word(d->severity), d->message);
        if (d->rule)
            fprintf(out, " [%s]", d->rule);
        fputc('\n', out);
    }
}

void diags_print_summary(const zb_diags *diags, const char *file, FILE *out)
{
    fprintf(out, "%s：%zu 个错误，%zu 个警告\n", file, diags->errors,
            diags->warnings);
}

void diags_clear(zb_diags *diags)
{
    for (size_t i = 0; i < diags->count; i++) {
        free(diags->items[i].file);
        free(diags->items[i].rule);
        free(diags->items[i].message);
    }
    diags->count = 0;
    diags->errors = 0;
    diags->warnings = 0;
}

void diag_encode(const zb_diag *d, zb_buf *out)
{
    buf_printf(out, "%d%c%ld%c%d%c%s%c%s%c%s%c", (int)d->severity, 0, d->line,
               0, d->col, 0, d->file ? d->file : "", 0, d->rule ? d->rule : "",
               0, d->message, 0);
}

size_t diags_add_encoded(zb_diags *diags, const char *data, size_t len)
{
    const char *f[6];
    const char *p = data, *end = data + len;
    for (int i = 0; i < 6; i++) {
        const char *nul = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
        if (!nul)
            return 0;
        f[i] = p;
        p = nul + 1;
    }
    diags_add(diags, *f[3] ? f[3] : NULL, atol(f[1]), atoi(f[2]),
              (zb_severity)atoi(f[0]), *f[4] ? f[4] : NULL, "%s", f[5]);
    return (size_t)(p - data);
}

void diags_free(zb_diags *diags)
{
    diags_clear(diags);
    free(diags->items);
    *diags = (zb_diags){0};
}
