#include "mask.h"

#include <stdlib.h>
#include <string.h>

#include "../core/utf8.h"

/* Characters of a serial left to read; the bytes a serial is looked up
   by (a serial worth masking has at least SHOWN + 1 characters). */
enum { SHOWN = 5, KEY = SHOWN + 1 };

typedef struct serial {
    const char *text;
    size_t len;
    char *masked;
} serial;

struct zb_mask {
    serial *serials; /* by their first KEY bytes, then longest first */
    size_t count;
};

/* The number of characters of TEXT. */
static size_t length_of(const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p; n++)
        utf8_next(&p);
    return n;
}

/* "****" and the last SHOWN characters of TEXT, N characters long: as
   short as the shown part allows, so that it fits the 序列号 column (the
   length of a serial tells nothing worth keeping). NULL when memory runs
   out. */
static char *masked_form(const char *text, size_t n)
{
    zb_buf b = {0};
    const char *p = text;
    for (size_t i = 0; i + SHOWN < n; i++)
        utf8_next(&p);
    buf_printf(&b, "****%s", p);
    return buf_detach(&b);
}

static int compare_serials(const void *pa, const void *pb)
{
    const serial *a = pa, *b = pb;
    int c = memcmp(a->text, b->text, KEY);
    return c ? c : (a->len < b->len) - (a->len > b->len);
}

zb_status mask_open(const zb_ledger *ledger, zb_mask **out)
{
    size_t cap = 0;
    for (size_t s = 0; s < ledger->nsoftware; s++)
        if (ledger->software[s].kind == SOFTWARE_COMMERCIAL)
            cap += ledger->software[s].commercial.nserials;
    zb_mask *m = calloc(1, sizeof *m);
    zb_status st = m && (m->serials = calloc(cap + 1, sizeof *m->serials))
                       ? ZB_OK
                       : ZB_ERR_NOMEM;
    for (size_t s = 0; st == ZB_OK && s < ledger->nsoftware; s++) {
        const zb_software *sw = &ledger->software[s];
        for (size_t k = 0; st == ZB_OK && sw->kind == SOFTWARE_COMMERCIAL &&
                           k < sw->commercial.nserials; k++) {
            const char *text = sw->commercial.serials[k].text;
            size_t n = length_of(text);
            if (n <= SHOWN)
                continue;
            serial *e = &m->serials[m->count++];
            *e = (serial){text, strlen(text), masked_form(text, n)};
            st = e->masked ? ZB_OK : ZB_ERR_NOMEM;
        }
    }
    if (st != ZB_OK) {
        mask_free(m);
        *out = NULL;
        return st;
    }
    if (m->count)
        qsort(m->serials, m->count, sizeof *m->serials, compare_serials);
    *out = m;
    return ZB_OK;
}

void mask_free(zb_mask *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->count; i++)
        free(m->serials[i].masked);
    free(m->serials);
    free(m);
}

/* The longest serial that starts at P, where N bytes are left; NULL. */
static const serial *match(const zb_mask *m, const char *p, size_t n)
{
    if (n < KEY)
        return NULL;
    size_t lo = 0, hi = m->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (memcmp(m->serials[mid].text, p, KEY) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < m->count && !memcmp(m->serials[lo].text, p, KEY); lo++)
        if (m->serials[lo].len <= n && !memcmp(m->serials[lo].text, p,
                                               m->serials[lo].len))
            return &m->serials[lo];
    return NULL;
}

/* TEXT with every serial masked into OUT; 0 when it holds none. */
static int mask_string(const zb_mask *m, const char *text, zb_buf *out)
{
    size_t n = strlen(text);
    const char *run = text;
    for (const char *p = text; p < text + n;) {
        const serial *s = match(m, p, (size_t)(text + n - p));
        if (!s) {
            p++;
            continue;
        }
        buf_append(out, run, (size_t)(p - run));
        buf_append_str(out, s->masked);
        p += s->len;
        run = p;
    }
    if (run == text)
        return 0;
    buf_append_str(out, run);
    return 1;
}

/* Mask the text nodes among N and its siblings, and below them. */
static zb_status mask_nodes(const zb_mask *m, xmlNodePtr n, zb_buf *scratch)
{
    zb_status st = ZB_OK;
    for (; n && st == ZB_OK; n = n->next) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            n->content) {
            buf_reset(scratch);
            if (mask_string(m, (const char *)n->content, scratch))
                xmlNodeSetContent(n, BAD_CAST buf_str(scratch));
            st = scratch->failed ? ZB_ERR_NOMEM : ZB_OK;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (xmlAttrPtr a = n->properties; a && st == ZB_OK; a = a->next)
            st = mask_nodes(m, a->children, scratch);
        if (st == ZB_OK)
            st = mask_nodes(m, n->children, scratch);
    }
    return st;
}

zb_status mask_doc(const zb_mask *m, xmlDocPtr doc)
{
    zb_buf scratch = {0};
    zb_status st = m->count ? mask_nodes(m, doc->children, &scratch) : ZB_OK;
    buf_free(&scratch);
    return st;
}

zb_status mask_buf(const zb_mask *m, zb_buf *buf)
{
    zb_buf out = {0};
    if (!m->count || !buf->len || !mask_string(m, buf_str(buf), &out)) {
        buf_free(&out);
        return ZB_OK;
    }
    if (out.failed) {
        buf_free(&out);
        return ZB_ERR_NOMEM;
    }
    buf_free(buf);
    *buf = out;
    return ZB_OK;
}
