#include "ledger_fields.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "xml_load.h"

/* Ids in the schema are at most 40 characters. */
enum { MAX_ID = 64 };

xmlNodePtr field_first(xmlNodePtr parent)
{
    xmlNodePtr n = parent ? parent->children : NULL;
    while (n && n->type != XML_ELEMENT_NODE)
        n = n->next;
    return n;
}

xmlNodePtr field_next(xmlNodePtr node)
{
    xmlNodePtr n = node->next;
    while (n && n->type != XML_ELEMENT_NODE)
        n = n->next;
    return n;
}

int field_is(xmlNodePtr node, const char *name)
{
    return node && strcmp((const char *)node->name, name) == 0;
}

size_t field_count(xmlNodePtr parent)
{
    size_t n = 0;
    FOR_EACH_CHILD(c, parent)
    n++;
    return n;
}

void *field_array(zb_reader *r, size_t n, size_t size)
{
    if (n == 0)
        return NULL;
    if (n > SIZE_MAX / size) {
        r->status = ZB_ERR_NOMEM;
        return NULL;
    }
    void *p = arena_alloc(r->arena, n * size);
    if (!p)
        r->status = ZB_ERR_NOMEM;
    return p;
}

void field_fail(zb_reader *r, xmlNodePtr node, const char *fmt, ...)
{
    zb_buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    diags_add(r->diags, r->file, xml_node_line(node), 0, DIAG_ERROR, "schema",
              "<%s> 不符合台账模式：%s", (const char *)node->name,
              buf_str(&msg));
    buf_free(&msg);
    if (r->status == ZB_OK)
        r->status = ZB_ERR_INVALID;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Collapse the whitespace of S into OUT (at least strlen(S) + 1 bytes). */
static size_t collapse(const char *s, char *out)
{
    size_t n = 0;
    while (is_space(*s))
        s++;
    while (*s) {
        if (is_space(*s)) {
            while (is_space(*s))
                s++;
            if (*s)
                out[n++] = ' ';
            continue;
        }
        out[n++] = *s++;
    }
    out[n] = '\0';
    return n;
}

static const char *copy_collapsed(zb_reader *r, const char *s)
{
    char *out = arena_alloc(r->arena, strlen(s) + 1);
    if (!out) {
        r->status = ZB_ERR_NOMEM;
        return NULL;
    }
    collapse(s, out);
    return out;
}

/* The attribute's value as it stands in the tree, or NULL. A value made of
   several nodes is joined into the arena. */
static const char *raw_attr(zb_reader *r, xmlNodePtr node, const char *name)
{
    for (xmlAttrPtr a = node->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) != 0 || a->ns)
            continue;
        xmlNodePtr t = a->children;
        if (!t)
            return "";
        if (t->type == XML_TEXT_NODE && !t->next && t->content)
            return (const char *)t->content;
        xmlChar *joined = xmlNodeListGetString(node->doc, t, 1);
        const char *copy =
            joined ? copy_collapsed(r, (const char *)joined) : "";
        xmlFree(joined);
        return copy;
    }
    return NULL;
}

const char *field_str(zb_reader *r, xmlNodePtr node, const char *name)
{
    const char *raw = raw_attr(r, node, name);
    return raw ? copy_collapsed(r, raw) : NULL;
}

const char *field_text(zb_reader *r, xmlNodePtr node)
{
    xmlChar *content = xmlNodeGetContent(node);
    if (!content) {
        r->status = ZB_ERR_NOMEM;
        return NULL;
    }
    const char *copy = copy_collapsed(r, (const char *)content);
    xmlFree(content);
    return copy;
}

/* The attribute NAME collapsed into BUF (MAX_ID bytes); NULL when absent.
   A value too long for an id gives "" so that it is not found. */
static const char *attr_in(zb_reader *r, xmlNodePtr node, const char *name,
                           char buf[MAX_ID])
{
    const char *raw = raw_attr(r, node, name);
    if (!raw)
        return NULL;
    if (strlen(raw) >= MAX_ID)
        return "";
    collapse(raw, buf);
    return buf;
}

int field_lookup(const struct ledger_store *store, zb_table table,
                 const char *id)
{
    void *v = xmlHashLookup(store->index[table], (const xmlChar *)id);
    return v ? (int)((intptr_t)v - 1) : ZB_NONE;
}

int field_ref(zb_reader *r, xmlNodePtr node, const char *name, zb_table table)
{
    char buf[MAX_ID];
    const char *id = attr_in(r, node, name, buf);
    if (!id)
        return ZB_NONE;
    int index = field_lookup(r->ledger->store, table, id);
    if (index == ZB_NONE)
        field_fail(r, node, "%s=\"%s\" 没有对应的记录", name, id);
    return index;
}

zb_date field_date(zb_reader *r, xmlNodePtr node, const char *name)
{
    char buf[MAX_ID];
    const char *text = attr_in(r, node, name, buf);
    zb_date d = 0;
    if (text && date_parse(text, &d) != ZB_OK)
        field_fail(r, node, "%s=\"%s\" 不是日期", name, text);
    return d;
}

zb_money field_money(zb_reader *r, xmlNodePtr node, const char *name)
{
    char buf[MAX_ID];
    const char *text = attr_in(r, node, name, buf);
    zb_money m = 0;
    if (text && money_parse(text, &m) != ZB_OK)
        field_fail(r, node, "%s=\"%s\" 不是金额", name, text);
    return m;
}

int field_count_attr(zb_reader *r, xmlNodePtr node, const char *name)
{
    char buf[MAX_ID];
    const char *text = attr_in(r, node, name, buf);
    if (!text)
        return 0;
    char *end;
    long v = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < 1 || v > 1000000) {
        field_fail(r, node, "%s=\"%s\" 不是 1 至 1000000 的整数", name, text);
        return 0;
    }
    return (int)v;
}

int field_flag(zb_reader *r, xmlNodePtr node, const char *name, int fallback)
{
    char buf[MAX_ID];
    const char *text = attr_in(r, node, name, buf);
    if (!text)
        return fallback;
    if (!strcmp(text, "true") || !strcmp(text, "1"))
        return 1;
    if (!strcmp(text, "false") || !strcmp(text, "0"))
        return 0;
    field_fail(r, node, "%s=\"%s\" 应为 true 或 false", name, text);
    return fallback;
}

int field_enum(zb_reader *r, xmlNodePtr node, const char *name,
               const char *const *values, int n)
{
    char buf[MAX_ID];
    const char *text = attr_in(r, node, name, buf);
    if (!text)
        return 0;
    for (int i = 0; i < n; i++)
        if (!strcmp(text, values[i]))
            return i;
    field_fail(r, node, "%s=\"%s\" 不是可选值", name, text);
    return 0;
}
