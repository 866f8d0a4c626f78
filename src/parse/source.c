#include "source.h"

#include <stdlib.h>
#include <string.h>

#include "../core/fileio.h"

/* How far back from the end of a line a start tag may begin. */
enum { MAX_TAG_BYTES = 1 << 20 };

static zb_status index_lines(zb_source *src)
{
    size_t n = 1;
    for (const char *p = src->text;
         (p = memchr(p, '\n', src->text + src->len - p)); p++)
        n++;
    src->line_start = malloc(n * sizeof *src->line_start);
    if (!src->line_start)
        return ZB_ERR_NOMEM;
    src->nlines = 0;
    src->line_start[src->nlines++] = 0;
    for (const char *p = src->text;
         (p = memchr(p, '\n', src->text + src->len - p)); p++)
        src->line_start[src->nlines++] = (size_t)(p - src->text) + 1;
    return ZB_OK;
}

zb_status source_set(zb_source *src, const char *name, const char *text,
                     size_t len)
{
    *src = (zb_source){0};
    src->name = strdup(name);
    src->text = malloc(len + 1);
    if (!src->name || !src->text) {
        source_free(src);
        return ZB_ERR_NOMEM;
    }
    memcpy(src->text, text, len);
    src->text[len] = '\0';
    src->len = len;
    zb_status st = index_lines(src);
    if (st != ZB_OK)
        source_free(src);
    return st;
}

zb_status source_read(zb_source *src, const char *path, zb_diags *diags)
{
    *src = (zb_source){0};
    zb_status st = file_read_all(path, &src->text, &src->len, diags);
    if (st != ZB_OK)
        return st;
    src->name = strdup(path);
    st = src->name ? index_lines(src) : ZB_ERR_NOMEM;
    if (st != ZB_OK)
        source_free(src);
    return st;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int ends_name(char c)
{
    return is_space(c) || c == '/' || c == '>' || c == '=' || c == '\0';
}

/* Does the qualified name at P have the local part NAME? */
static int local_name_is(const char *p, const char *name)
{
    const char *q = p;
    while (!ends_name(*q) && *q != ':')
        q++;
    if (*q == ':')
        p = q + 1;
    size_t n = strlen(name);
    return strncmp(p, name, n) == 0 && ends_name(p[n]);
}

/* The '<' of the last start tag of ELEM that begins before END. */
static const char *find_tag(const zb_source *src, size_t end, const char *elem)
{
    size_t stop = end > MAX_TAG_BYTES ? end - MAX_TAG_BYTES : 0;
    for (size_t i = end; i-- > stop;)
        if (src->text[i] == '<' && local_name_is(src->text + i + 1, elem))
            return src->text + i;
    return NULL;
}

/* The attribute ATTR inside the start tag at TAG, or NULL. */
static const char *find_attr(const char *tag, const char *attr)
{
    const char *p = tag + 1;
    while (!ends_name(*p))
        p++;
    size_t n = strlen(attr);
    for (;;) {
        while (is_space(*p))
            p++;
        if (*p == '\0' || *p == '>' || *p == '/')
            return NULL;
        const char *name = p;
        while (!ends_name(*p))
            p++;
        if ((size_t)(p - name) == n && strncmp(name, attr, n) == 0)
            return name;
        while (is_space(*p))
            p++;
        if (*p != '=')
            return NULL;
        p++;
        while (is_space(*p))
            p++;
        char quote = *p;
        if (quote != '"' && quote != '\'')
            return NULL;
        p = strchr(p + 1, quote);
        if (!p)
            return NULL;
        p++;
    }
}

/* Turn the byte offset POS into a 1-based line and character column. */
static void position(const zb_source *src, size_t pos, long *line, int *col)
{
    size_t lo = 0, hi = src->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->line_start[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    int c = 1;
    for (size_t i = src->line_start[lo]; i < pos; i++)
        if (((unsigned char)src->text[i] & 0xC0) != 0x80 &&
            !(i == 0 && (unsigned char)src->text[0] == 0xEF))
            c++;
    *line = (long)lo + 1;
    *col = c;
}

void source_locate(const zb_source *src, long *line, int *col, const char *elem,
                   const char *attr)
{
    *col = 0;
    if (!src || !src->text || *line < 1 || (size_t)*line > src->nlines)
        return;
    size_t end =
        (size_t)*line < src->nlines ? src->line_start[*line] : src->len;
    const char *tag = find_tag(src, end, elem);
    if (!tag)
        return;
    const char *at = attr ? find_attr(tag, attr) : tag;
    position(src, (size_t)((at ? at : tag) - src->text), line, col);
}

void source_drop_text(zb_source *src)
{
    free(src->text);
    free(src->line_start);
    src->text = NULL;
    src->line_start = NULL;
    src->len = src->nlines = 0;
}

void source_free(zb_source *src)
{
    free(src->name);
    free(src->text);
    free(src->line_start);
    *src = (zb_source){0};
}
