#include "schema_errors.h"

#include <stdio.h>
#include <string.h>


#include "../core/buf.h"
#include "../parse/xml_load.h"
#include "../rules/rules.h"

/* How many characters of a bad value a message quotes. */
enum { QUOTE_CHARS = 40, NAME_MAX_BYTES = 128 };

/* The parts of "Element '{ns}elem'[, attribute 'attr']: rest". */
typedef struct parsed {
    char elem[NAME_MAX_BYTES];
    char attr[NAME_MAX_BYTES];
    const char *rest;
} parsed;

/* Copy the text between the quote at *P and the next quote into OUT,
   without a "{namespace}" prefix; advance *P past the closing quote. */
static int take_quoted(const char **p, char *out, size_t size)
{
    if (**p != '\'')
        return 0;
    const char *start = *p + 1, *end = strchr(start, '\'');
    if (!end)
        return 0;
    const char *brace = memchr(start, '}', (size_t)(end - start));
    if (*start == '{' && brace)
        start = brace + 1;
    snprintf(out, size, "%.*s", (int)(end - start), start);
    *p = end + 1;
    return 1;
}

static int parse_message(const char *msg, parsed *p)
{
    *p = (parsed){{0}, {0}, NULL};
    static const char el[] = "Element ", at[] = ", attribute ";
    if (!msg || strncmp(msg, el, sizeof el - 1))
        return 0;
    const char *s = msg + sizeof el - 1;
    if (!take_quoted(&s, p->elem, sizeof p->elem))
        return 0;
    if (!strncmp(s, at, sizeof at - 1)) {
        s += sizeof at - 1;
        if (!take_quoted(&s, p->attr, sizeof p->attr))
            return 0;
    }
    if (strncmp(s, ": ", 2))
        return 0;
    p->rest = s + 2;
    return 1;
}

/* The quoted text after the first occurrence of AFTER in S (namespace
   stripped), or "" when there is none. */
static const char *quoted_after(const char *s, const char *after, char *out,
                                size_t size)
{
    const char *at = strstr(s, after);
    out[0] = '\0';
    if (at) {
        const char *p = at + strlen(after);
        take_quoted(&p, out, size);
    }
    return out;
}

/* ---- names --------------------------------------------------------------- */

static void put_elem(zb_buf *b, const zb_validation *v, const char *elem)
{
    const char *label = dict_element_label(v->dict, elem);
    if (label)
        buf_printf(b, "<%s>（%s）", elem, label);
    else
        buf_printf(b, "<%s>", elem);
}

static void put_attr(zb_buf *b, const zb_validation *v, const char *elem,
                     const char *attr)
{
    const char *label = dict_attribute_label(v->dict, elem, attr);
    if (label)
        buf_printf(b, "%s（%s）", attr, label);
    else
        buf_append_str(b, attr);
}

/* Append VALUE, cut after QUOTE_CHARS characters. */
static void put_value(zb_buf *b, const char *value)
{
    size_t i = 0;
    int chars = 0;
    for (; value[i] && chars < QUOTE_CHARS; chars++)
        for (i++; ((unsigned char)value[i] & 0xC0) == 0x80; i++)
            ;
    buf_printf(b, "“%.*s%s”", (int)i, value, value[i] ? "……" : "");
}

/* Append the names in "( {ns}a, {ns}b )" after "Expected is", joined. */
static void put_expected(zb_buf *b, const zb_validation *v, const char *rest)
{
    const char *p = strstr(rest, "( ");
    const char *end = p ? strstr(p, " )") : NULL;
    for (int first = 1; p && end && p < end; first = 0) {
        p += 2;
        const char *stop = strstr(p, ", ");
        if (!stop || stop > end)
            stop = end;
        const char *brace = memchr(p, '}', (size_t)(stop - p));
        char name[NAME_MAX_BYTES];
        const char *start = brace ? brace + 1 : p;
        snprintf(name, sizeof name, "%.*s", (int)(stop - start), start);
        if (!first)
            buf_append_str(b, "或");
        put_elem(b, v, name);
        p = stop;
    }
}

/* ---- emitting ------------------------------------------------------------ */

/* Report the breach of RULE at the element ELEM (attribute ATTR, may be
   NULL) whose start tag ends on LINE, once per position and text. */
static void emit(zb_validation *v, const char *rule, long line,
                 const char *elem, const char *attr, const char *message)
{
    int col;
    source_locate(v->src, &line, &col, elem, attr);
    zb_buf key = {0};
    buf_printf(&key, "%ld:%d:%s", line, col, message);
    if (key.failed) {
        v->status = ZB_ERR_NOMEM;
    } else if (!xmlHashLookup(v->seen, (const xmlChar *)key.data)) {
        if (xmlHashAddEntry(v->seen, (const xmlChar *)key.data, (void *)1) ||
            rules_add(v->diags, v->src, rule, line, col, message) != ZB_OK)
            v->status = ZB_ERR_NOMEM;
    }
    buf_free(&key);
}

/* Emit the message in B (and release it). */
static void emit_buf(zb_validation *v, const char *rule, long line,
                     const char *elem, const char *attr, zb_buf *b)
{
    if (b->failed)
        v->status = ZB_ERR_NOMEM;
    else
        emit(v, rule, line, elem, attr, buf_str(b));
    buf_free(b);
}

/* ---- the kinds of error -------------------------------------------------- */

static void not_expected(zb_validation *v, xmlNodePtr node, const parsed *p,
                         long line)
{
    const char *parent =
        node && node->parent && node->parent->type == XML_ELEMENT_NODE
            ? (const char *)node->parent->name
            : "";
    char rule[32];
    zb_buf b = {0};
    if (dict_forbidden_rule(v->dict, parent, p->elem, rule, sizeof rule)) {
        put_elem(&b, v, parent);
        buf_append_str(&b, "不填写 ");
        put_elem(&b, v, p->elem);
        emit_buf(v, rule, line, p->elem, NULL, &b);
        return;
    }
    buf_append_str(&b, dict_element_label(v->dict, p->elem) ? "此处不应有 "
                                                            : "未知元素 ");
    put_elem(&b, v, p->elem);
    if (strstr(p->rest, "Expected is")) {
        buf_append_str(&b, "，此处应为 ");
        put_expected(&b, v, p->rest);
    } else if (*parent) {
        buf_append_str(&b, "：");
        put_elem(&b, v, parent);
        buf_append_str(&b, "中此前的内容已经完整");
    }
    emit_buf(v, "schema", line, p->elem, NULL, &b);
}

static void missing_child(zb_validation *v, const parsed *p, long line)
{
    zb_buf b = {0};
    put_elem(&b, v, p->elem);
    buf_append_str(&b, "缺少 ");
    put_expected(&b, v, p->rest);
    emit_buf(v, "schema", line, p->elem, NULL, &b);
}

static void missing_attr(zb_validation *v, const parsed *p, long line)
{
    char attr[NAME_MAX_BYTES];
    quoted_after(p->rest, "The attribute ", attr, sizeof attr);
    zb_buf b = {0};
    put_elem(&b, v, p->elem);
    buf_append_str(&b, "缺少必填的 ");
    put_attr(&b, v, p->elem, attr);
    emit_buf(v, "schema", line, p->elem, NULL, &b);
}

static void attr_not_allowed(zb_validation *v, const parsed *p, long line)
{
    char rule[32], at[NAME_MAX_BYTES + 1];
    snprintf(at, sizeof at, "@%s", p->attr);
    int forbidden =
        dict_forbidden_rule(v->dict, p->elem, at, rule, sizeof rule) != NULL;
    zb_buf b = {0};
    put_elem(&b, v, p->elem);
    buf_printf(&b, forbidden ? "不填写 %s" : "没有属性 %s", p->attr);
    emit_buf(v, forbidden ? rule : "schema", line, p->elem, p->attr, &b);
}

/* Why a value is wrong, when the schema does not explain its type. */
static const char *facet_reason(const char *rest)
{
    static const struct {
        const char *english, *chinese;
    } reasons[] = {
        {"'maxLength'", "太长"},
        {"'minInclusive'", "超出允许的范围"},
        {"'maxInclusive'", "超出允许的范围"},
        {"'totalDigits'", "位数太多"},
        {"'fractionDigits'", "小数位数太多"},
        {"'pattern'", "格式不对"},
        {"xs:positiveInteger", "应为正整数"},
        {"xs:integer", "应为整数"},
        {"xs:boolean", "应为 true 或 false"},
        {"xs:date", "应为“年-月-日”形式的日期"},
    };
    for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
        if (strstr(rest, reasons[i].english))
            return reasons[i].chinese;
    return "格式不对";
}

/* The value a facet or type error is about: "The value 'V' ..." or
   "'V' is not a valid value ...". */
static const char *bad_value_text(const char *rest, const xmlError *err,
                                  char *out, size_t size)
{
    const char *start = strstr(rest, "The value '");
    start = start ? start + strlen("The value ") : *rest == '\'' ? rest : NULL;
    const char *end = start ? strstr(start + 1, "' ") : NULL;
    if (end)
        snprintf(out, size, "%.*s", (int)(end - start - 1), start + 1);
    else
        snprintf(out, size, "%s", err->str1 ? err->str1 : "");
    return out;
}

static void bad_value(zb_validation *v, const parsed *p, const xmlError *err,
                      long line)
{
    const char *attr = *p->attr ? p->attr : NULL;
    char value[512];
    zb_buf b = {0};
    put_elem(&b, v, p->elem);
    if (attr) {
        buf_append_str(&b, "的 ");
        put_attr(&b, v, p->elem, attr);
    }
    buf_append_str(&b, attr ? "值" : "的内容");
    if (strstr(p->rest, "[facet 'minLength']")) {
        buf_append_str(&b, "不能为空");
        emit_buf(v, "schema", line, p->elem, attr, &b);
        return;
    }
    put_value(&b, bad_value_text(p->rest, err, value, sizeof value));
    if (strstr(p->rest, "[facet 'enumeration']") && err->str2) {
        buf_append_str(&b, "不是可选值，应为：");
        for (const char *s = err->str2; *s; s++) {
            if (*s == ',')
                buf_append_str(&b, "、");
            else if (*s != '\'' && *s != ' ')
                buf_append(&b, s, 1);
        }
    } else {
        const char *hint = dict_value_hint(v->dict, p->elem, attr);
        buf_printf(&b, "无效：%s", hint ? hint : facet_reason(p->rest));
    }
    emit_buf(v, "schema", line, p->elem, attr, &b);
}

static void content_not_allowed(zb_validation *v, const parsed *p, long line)
{
    zb_buf b = {0};
    put_elem(&b, v, p->elem);
    buf_append_str(&b, strstr(p->rest, "Element content") ? "中不能有子元素"
                                                          : "中不能直接写文字");
    emit_buf(v, "schema", line, p->elem, NULL, &b);
}

/* Parse "... key-sequence ['VALUE'] ..." into VALUE. */
static const char *key_value(const char *rest, char *out, size_t size)
{
    const char *start = strstr(rest, "['");
    const char *end = start ? strstr(start, "']") : NULL;
    snprintf(out, size, "%.*s", end ? (int)(end - start - 2) : 0,
             end ? start + 2 : "");
    return out;
}

/* Into OUT, the attribute of constraint C's field that holds the value at
   element ELEM: the one NODE has, else the first the schema declares on
   ELEM. NULL when there is none. */
static const char *field_name(const zb_validation *v, const dict_constraint *c,
                              const char *elem, xmlNodePtr node, char *out,
                              size_t size)
{
    for (const char *p = c && c->fields ? c->fields : ""; *p; p++) {
        size_t len = strcspn(p, "|");
        snprintf(out, size, "%.*s", (int)len, p);
        if (node ? xmlHasProp(node, (const xmlChar *)out) != NULL
                 : dict_attribute_label(v->dict, elem, out) != NULL)
            return out;
        p += len;
        if (!*p)
            break;
    }
    return NULL;
}

/* A breach of constraint NAME by VALUE at element ELEM (NODE when known);
   MISSING: a keyref found no key, else a key or unique value repeats. */
static void constraint_breach(zb_validation *v, const char *name,
                              const char *elem, xmlNodePtr node,
                              const char *value, int missing, long line)
{
    const dict_constraint *c = dict_constraint_get(v->dict, name);
    char rule[32], buf[NAME_MAX_BYTES];
    const char *field = field_name(v, c, elem, node, buf, sizeof buf);
    dict_constraint_rule(c, elem, rule, sizeof rule);
    zb_buf b = {0};
    put_elem(&b, v, elem);
    if (field) {
        buf_append_str(&b, "的 ");
        put_attr(&b, v, elem, field);
    }
    put_value(&b, value);
    buf_append_str(&b, missing ? "未登记" : "重复");
    if (c && c->meaning)
        buf_printf(&b, "：%s", c->meaning);
    emit_buf(v, rule, line, elem, field, &b);
}

void schema_errors_breach(zb_validation *v, const char *constraint,
                          xmlNodePtr node, const char *value)
{
    constraint_breach(v, constraint, (const char *)node->name, node, value, 1,
                      xml_node_line(node));
}

/* A key or unique value that repeats: the only identity error libxml2
   reports, the keyrefs being schema_refs.c's. */
static void identity(zb_validation *v, const parsed *p, long line,
                     xmlNodePtr node)
{
    char value[512], name[NAME_MAX_BYTES];
    key_value(p->rest, value, sizeof value);
    const char *q = strrchr(p->rest, '{');
    const char *s = q ? strchr(q, '}') : NULL;
    snprintf(name, sizeof name, "%.*s", s ? (int)strcspn(s + 1, "'") : 0,
             s ? s + 1 : "");
    constraint_breach(v, name, p->elem, node, value, 0, line);
}

static void other(zb_validation *v, const parsed *p, const xmlError *err,
                  long line)
{
    zb_buf b = {0};
    if (*p->elem)
        put_elem(&b, v, p->elem);
    buf_printf(&b, "不符合台账模式（libxml2：%s）",
               err->message ? err->message : "");
    while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
        b.data[--b.len] = '\0';
    emit_buf(v, "schema", line, *p->elem ? p->elem : "ledger", NULL, &b);
}

void schema_errors_handle(void *ctx, xmlErrorPtr err)
{
    zb_validation *v = ctx;
    xmlNodePtr node = err->node;
    long line = node ? xml_node_line(node) : err->line;
    parsed p;
    if (!parse_message(err->message, &p)) {
        other(v, &p, err, line);
        return;
    }
    const char *r = p.rest;
    if (strstr(r, "This element is not expected"))
        not_expected(v, node, &p, line);
    else if (strstr(r, "Missing child element"))
        missing_child(v, &p, line);
    else if (strstr(r, "is required but missing"))
        missing_attr(v, &p, line);
    else if (strstr(r, "is not allowed.") && *p.attr)
        attr_not_allowed(v, &p, line);
    else if (strstr(r, "Character content") || strstr(r, "Element content"))
        content_not_allowed(v, &p, line);
    else if (strstr(r, "[facet ") || strstr(r, "is not a valid value"))
        bad_value(v, &p, err, line);
    else if (strstr(r, "key-sequence"))
        identity(v, &p, line, node);
    else
        other(v, &p, err, line);
}
