/*
 * fixtures.h - helpers for unit tests that read files of the source tree
 * (the schema, tests/data, sample-data). tests/run.sh exports ZB_TOP; run
 * by hand, the tests look in the current directory.
 */
#ifndef ZB_FIXTURES_H
#define ZB_FIXTURES_H

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/fileio.h"
#include "validate/schema.h"

static inline const char *fixture_top(void)
{
    const char *top = getenv("ZB_TOP");
    return top && *top ? top : ".";
}

/* The path TOP/REL (malloc'ed). */
static inline char *fixture_path(const char *rel)
{
    zb_buf b = {0};
    buf_printf(&b, "%s/%s", fixture_top(), rel);
    return buf_detach(&b);
}

/* The contents of TOP/REL, NUL-terminated (malloc'ed), or NULL. */
static inline char *fixture_read(const char *rel)
{
    char *path = fixture_path(rel), *data = NULL;
    size_t len;
    zb_diags d = {0};
    if (file_read_all(path, &data, &len, &d) != ZB_OK)
        data = NULL;
    diags_free(&d);
    free(path);
    return data;
}

/* The schema of the source tree, or NULL. */
static inline zb_schema *fixture_schema(void)
{
    zb_schema *s = NULL;
    zb_diags d = {0};
    schema_open(fixture_top(), &s, &d);
    diags_free(&d);
    return s;
}

/* TEXT with the first FROM replaced by TO (malloc'ed), or NULL when FROM
   does not occur. */
static inline char *fixture_replace(const char *text, const char *from,
                                    const char *to)
{
    const char *at = strstr(text, from);
    if (!at)
        return NULL;
    zb_buf b = {0};
    buf_append(&b, text, (size_t)(at - text));
    buf_append_str(&b, to);
    buf_append_str(&b, at + strlen(from));
    return buf_detach(&b);
}

/* The 1-based line of the first NEEDLE in TEXT, or 0. */
static inline long fixture_line_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    if (!at)
        return 0;
    long line = 1;
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

#endif
