#include "sums.h"

#include <stdlib.h>
#include <string.h>

zb_status sums_add(zb_sums *sums, const char *name,
                   const char hex[HASH_HEX_SIZE])
{
    if (sums->count == sums->cap) {
        size_t cap = sums->cap ? 2 * sums->cap : 16;
        sums_entry *items = realloc(sums->items, cap * sizeof *items);
        if (!items)
            return ZB_ERR_NOMEM;
        sums->items = items;
        sums->cap = cap;
    }
    sums_entry *e = &sums->items[sums->count];
    e->name = strdup(name);
    if (!e->name)
        return ZB_ERR_NOMEM;
    memcpy(e->hex, hex, HASH_HEX_SIZE);
    sums->count++;
    return ZB_OK;
}

const sums_entry *sums_find(const zb_sums *sums, const char *name)
{
    for (size_t i = 0; i < sums->count; i++)
        if (!strcmp(sums->items[i].name, name))
            return &sums->items[i];
    return NULL;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(((const sums_entry *)a)->name, ((const sums_entry *)b)->name);
}

zb_status sums_format(zb_sums *sums, zb_buf *out)
{
    if (sums->count)
        qsort(sums->items, sums->count, sizeof *sums->items, compare_names);
    for (size_t i = 0; i < sums->count; i++) {
        const char *name = sums->items[i].name;
        int escaped = name[strcspn(name, "\\\n")] != '\0';
        buf_printf(out, "%s%s  ", escaped ? "\\" : "", sums->items[i].hex);
        for (const char *p = name; *p; p++) {
            if (*p == '\\')
                buf_append_str(out, "\\\\");
            else if (*p == '\n')
                buf_append_str(out, "\\n");
            else
                buf_append(out, p, 1);
        }
        buf_append_str(out, "\n");
    }
    return out->failed ? ZB_ERR_NOMEM : ZB_OK;
}

/* The name of an escaped line, "\\" and "\n" undone in place; NULL when
   a backslash is followed by anything else. */
static char *unescape(char *name)
{
    char *w = name;
    for (const char *r = name; *r; r++) {
        if (*r != '\\') {
            *w++ = *r;
            continue;
        }
        r++;
        if (*r != '\\' && *r != 'n')
            return NULL;
        *w++ = *r == 'n' ? '\n' : '\\';
    }
    *w = '\0';
    return name;
}

/* Read the line LINE (NUL-terminated, without its newline) into OUT;
   0 when it is not in the format. */
static int parse_line(char *line, zb_sums *out, zb_status *st)
{
    int escaped = *line == '\\';
    char *p = line + escaped;
    char hex[HASH_HEX_SIZE];
    for (int i = 0; i < HASH_HEX_SIZE - 1; i++, p++) {
        const char *digits = "0123456789abcdef0123456789ABCDEF";
        const char *at = *p ? strchr(digits, *p) : NULL;
        if (!at)
            return 0;
        hex[i] = digits[(at - digits) % 16];
    }
    hex[HASH_HEX_SIZE - 1] = '\0';
    if (p[0] != ' ' || (p[1] != ' ' && p[1] != '*') || !p[2])
        return 0;
    char *name = escaped ? unescape(p + 2) : p + 2;
    if (!name)
        return 0;
    *st = sums_add(out, name, hex);
    return 1;
}

zb_status sums_parse(const char *text, size_t len, const char *file,
                     zb_sums *out, zb_diags *diags)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return ZB_ERR_NOMEM;
    memcpy(copy, text, len);
    copy[len] = '\0';
    zb_status st = ZB_OK;
    long number = 1;
    for (char *line = copy; st == ZB_OK && line < copy + len; number++) {
        char *end = memchr(line, '\n', (size_t)(copy + len - line));
        if (!end)
            end = copy + len;
        *end = '\0';
        if (strlen(line) != (size_t)(end - line) || !parse_line(line, out, &st)) {
            diags_add(diags, file, number, 0, DIAG_ERROR, NULL,
                      "不是“SHA-256 值（64 位十六进制）  文件名”格式的一行");
            st = ZB_ERR_INVALID;
        }
        line = end + 1;
    }
    free(copy);
    return st;
}

void sums_free(zb_sums *sums)
{
    for (size_t i = 0; i < sums->count; i++)
        free(sums->items[i].name);
    free(sums->items);
    *sums = (zb_sums){0};
}
