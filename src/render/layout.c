#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/date.h"
#include "../core/num.h"
#include "layout_reader.h"

const char *const lo_bool_names[] = {"false", "true", "0", "1", NULL};

const char *const lo_align_names[] = {"left", "center", "right", "justify",
                                      "distributed", NULL};

static const char *const font_role_names[] = {"宋体", "黑体", "楷体", "仿宋",
                                              "小标宋", NULL};

const char *layout_font_role_name(lo_font_role role)
{
    return role < LO_FONT_ROLES ? font_role_names[role] : "?";
}

double layout_body_width(const lo_section *s)
{
    return s->page_width - s->margin_left - s->margin_right;
}

double layout_body_height(const lo_section *s)
{
    return s->page_height - s->margin_top - s->margin_bottom;
}

double layout_char_width(const lo_section *s, const lo_style *style)
{
    return s && s->char_pitch > 0 && style->grid == LO_GRID_CHARS
               ? s->char_pitch
               : style->size;
}

double layout_line_height(const lo_section *s, const lo_style *style,
                          double height)
{
    if (!s || s->line_pitch <= 0 || style->grid == LO_GRID_NONE)
        return height;
    double lines = ceil(height / s->line_pitch - 1e-6);
    return (lines < 1 ? 1 : lines) * s->line_pitch;
}

/* ---------------------------------------------------------- helpers */

long reader_line(const lo_reader *r, xmlNodePtr n)
{
    return r->piece ? 0 : xmlGetLineNo(n);
}

void reader_error(lo_reader *r, xmlNodePtr n, const char *fmt, ...)
{
    zb_buf msg = {0};
    buf_printf(&msg, "版面元素 <%s>：", n ? (const char *)n->name : "?");
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    diags_add(r->diags, r->doc->name, n ? reader_line(r, n) : 0, 0, DIAG_ERROR,
              "layout", "%s", buf_str(&msg));
    buf_free(&msg);
    r->errors++;
}

/* Is A the name NAME (of an element, attribute, enum value or style)?
   Most names differ in their first byte, which saves the call (this runs
   for every element and attribute of a layout). */
static int same_name(const xmlChar *a, const char *name)
{
    return *a == (xmlChar)*name && !strcmp((const char *)a, name);
}

int reader_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && same_name(n->name, name) &&
           !strcmp((const char *)n->ns->href, LO_NAMESPACE);
}

/* The value of attribute A, or NULL when it is not plain text. */
static const char *attr_value(xmlAttrPtr a)
{
    xmlNodePtr t = a->children;
    if (!t)
        return "";
    if (t->type == XML_TEXT_NODE && !t->next)
        return (const char *)t->content;
    return NULL; /* entity references: never produced by our parser */
}

const char *reader_attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (same_name(a->name, name) && !(a->ns && a->ns->href))
            return attr_value(a);
    return NULL;
}

void reader_attrs(lo_reader *r, xmlNodePtr n, const char *const *names,
                  const char **values)
{
    for (size_t i = 0; values && names[i]; i++)
        values[i] = NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        size_t i = 0;
        while (names[i] && !same_name(a->name, names[i]))
            i++;
        if (!names[i])
            reader_error(r, n, "未知属性 %s", a->name);
        else if (values && !(a->ns && a->ns->href) && !values[i])
            values[i] = attr_value(a);
    }
}

void reader_check_attrs(lo_reader *r, xmlNodePtr n, const char *const *allowed)
{
    reader_attrs(r, n, allowed, NULL);
}

const char *reader_strdup(lo_reader *r, const char *s)
{
    return arena_strdup(r->arena, s ? s : "");
}

const char *reader_src(lo_reader *r, xmlNodePtr n)
{
    const char *src = reader_attr(n, "src");
    return src ? reader_strdup(r, src) : NULL;
}

double reader_mm(lo_reader *r, xmlNodePtr n, const char *name, double def_mm)
{
    const char *v = reader_attr(n, name);
    int64_t x;
    if (!v)
        return def_mm * LO_PT_PER_MM;
    if (!num_parse_decimal(v, 2, &x) || x < 0 || x > 200000) {
        reader_error(r, n, "%s=\"%s\" 不是 0–2000 之间的毫米数", name, v);
        return def_mm * LO_PT_PER_MM;
    }
    return x / 100.0 * LO_PT_PER_MM;
}

double reader_chars(lo_reader *r, xmlNodePtr n, const char *name,
                    double def_chars, double size_pt)
{
    const char *v = reader_attr(n, name);
    int64_t x;
    if (!v)
        return def_chars * size_pt;
    if (!num_parse_decimal(v, 2, &x) || x < 0 || x > 10000) {
        reader_error(r, n, "%s=\"%s\" 不是 0–100 之间的字数", name, v);
        return def_chars * size_pt;
    }
    return x / 100.0 * size_pt;
}

long reader_int(lo_reader *r, xmlNodePtr n, const char *name, long def,
                long min, long max)
{
    return reader_int_of(r, n, name, reader_attr(n, name), def, min, max);
}

long reader_int_of(lo_reader *r, xmlNodePtr n, const char *name,
                   const char *v, long def, long min, long max)
{
    int64_t x;
    if (!v)
        return def;
    if (!num_parse_decimal(v, 0, &x) || x < min || x > max) {
        reader_error(r, n, "%s=\"%s\" 应为 %ld–%ld 之间的整数", name, v, min,
                     max);
        return def;
    }
    return (long)x;
}

int reader_enum(lo_reader *r, xmlNodePtr n, const char *name,
                const char *const *values, int def)
{
    return reader_enum_of(r, n, name, reader_attr(n, name), values, def);
}

int reader_enum_of(lo_reader *r, xmlNodePtr n, const char *name,
                   const char *v, const char *const *values, int def)
{
    if (!v)
        return def;
    for (int i = 0; values[i]; i++)
        if (same_name(BAD_CAST values[i], v))
            return i;
    zb_buf list = {0};
    for (int i = 0; values[i]; i++)
        buf_printf(&list, "%s%s", i ? "、" : "", values[i]);
    reader_error(r, n, "%s=\"%s\" 不是可用的值（%s）", name, v, buf_str(&list));
    buf_free(&list);
    return def;
}

const lo_style *reader_style(lo_reader *r, xmlNodePtr n, int required)
{
    return reader_style_of(r, n, reader_attr(n, "style"), required);
}

const lo_style *reader_style_of(lo_reader *r, xmlNodePtr n, const char *v,
                                int required)
{
    if (!v) {
        if (required)
            reader_error(r, n, "缺少 style 属性");
        return required ? &r->doc->styles[0] : NULL;
    }
    for (size_t i = 0; i < r->doc->style_count; i++)
        if (same_name(BAD_CAST r->doc->styles[i].name, v))
            return &r->doc->styles[i];
    reader_error(r, n, "样式 “%s” 没有在 <styles> 中定义", v);
    return &r->doc->styles[0];
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Count the element children of N. */
static size_t count_elements(xmlNodePtr n)
{
    size_t count = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        count += c->type == XML_ELEMENT_NODE;
    return count;
}

/* Report text that is not whitespace directly inside N. */
static void check_no_text(lo_reader *r, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_TEXT_NODE)
            continue;
        for (const xmlChar *p = c->content; *p; p++)
            if (!is_space(*p)) {
                reader_error(r, n, "这里不能直接写文字");
                return;
            }
    }
}

/* ------------------------------------------------------ inline text */

typedef struct inline_state {
    lo_reader *r;
    zb_buf *text;         /* r->text: the run being collected */
    lo_run *runs;         /* FIRST until there are more */
    size_t count, cap;
    lo_run first[4];
    const lo_style *style;
    const char *src;
    int pending_space;
    int at_line_start;
    int failed;
} inline_state;

static void inline_push(inline_state *st, const char *text, size_t len)
{
    if (st->count == st->cap) {
        size_t cap = st->cap * 2;
        lo_run *runs = st->runs == st->first
                           ? malloc(cap * sizeof *runs)
                           : realloc(st->runs, cap * sizeof *runs);
        if (!runs) {
            st->failed = 1;
            return;
        }
        if (st->runs == st->first)
            memcpy(runs, st->first, sizeof st->first);
        st->runs = runs;
        st->cap = cap;
    }
    const char *copy = arena_strndup(st->r->arena, text, len);
    if (!copy) {
        st->failed = 1;
        return;
    }
    st->runs[st->count++] = (lo_run){st->style, copy, st->src};
}

static void inline_flush(inline_state *st)
{
    if (st->text->len)
        inline_push(st, st->text->data, st->text->len);
    buf_reset(st->text);
}

/* Append S with its whitespace collapsed, a run of other bytes at a time. */
static void inline_text(inline_state *st, const xmlChar *s)
{
    while (*s) {
        if (is_space(*s)) {
            st->pending_space = 1;
            s++;
            continue;
        }
        if (st->pending_space && !st->at_line_start)
            buf_append(st->text, " ", 1);
        st->pending_space = 0;
        st->at_line_start = 0;
        const xmlChar *run = s;
        while (*s && !is_space(*s))
            s++;
        buf_append(st->text, run, (size_t)(s - run));
    }
}

static void inline_span(inline_state *st, xmlNodePtr n)
{
    static const char *const attrs[] = {"style", "src", NULL};
    reader_check_attrs(st->r, n, attrs);
    inline_flush(st);
    const lo_style *outer = st->style;
    const char *outer_src = st->src;
    st->style = reader_style(st->r, n, 1);
    const char *src = reader_src(st->r, n);
    if (src)
        st->src = src;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE)
            inline_text(st, c->content);
        else if (c->type == XML_ELEMENT_NODE)
            reader_error(st->r, c, "<span> 里只能写文字");
    }
    inline_flush(st);
    st->style = outer;
    st->src = outer_src;
}

zb_status reader_inline(lo_reader *r, xmlNodePtr n, const lo_style *style,
                        const char *src, lo_run **runs, size_t *count)
{
    inline_state st = {.r = r, .text = &r->text, .style = style,
                       .src = src, .at_line_start = 1};
    st.runs = st.first;
    st.cap = sizeof st.first / sizeof *st.first;
    buf_reset(st.text);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            inline_text(&st, c->content);
        } else if (reader_is(c, "span")) {
            inline_span(&st, c);
        } else if (reader_is(c, "br")) {
            inline_flush(&st);
            st.pending_space = 0;
            st.at_line_start = 1;
            inline_push(&st, "\n", 1);
        } else if (c->type == XML_ELEMENT_NODE) {
            reader_error(r, c, "不能出现在 <%s> 的文字中", n->name);
        }
    }
    inline_flush(&st);
    int failed = st.failed || st.text->failed;
    *runs = NULL;
    *count = 0;
    if (!failed && st.count) {
        *runs = arena_calloc(r->arena, st.count, sizeof **runs);
        if (*runs) {
            memcpy(*runs, st.runs, st.count * sizeof **runs);
            *count = st.count;
        } else {
            failed = 1;
        }
    }
    if (st.runs != st.first)
        free(st.runs);
    return failed ? ZB_ERR_NOMEM : ZB_OK;
}

/* ----------------------------------------------------------- blocks */

static zb_status read_para(lo_reader *r, xmlNodePtr n, lo_para *p)
{
    static const char *const attrs[] = {"style", "align", "indent", "hang",
        "indent-right", "balance", "keep-with-next", "src", NULL};
    reader_check_attrs(r, n, attrs);
    p->style = reader_style(r, n, 1);
    p->align = (lo_align)reader_enum(r, n, "align", lo_align_names,
                                     p->style->align);
    double em = layout_char_width(r->section, p->style);
    p->indent = reader_chars(r, n, "indent", p->style->indent / p->style->size,
                             em);
    p->hang = reader_chars(r, n, "hang", 0, em);
    p->indent_right = reader_chars(r, n, "indent-right", 0, em);
    p->balance = reader_enum(r, n, "balance", lo_bool_names, 0) % 2;
    p->keep_with_next =
        reader_enum(r, n, "keep-with-next", lo_bool_names, 0) % 2;
    return reader_inline(r, n, p->style, reader_src(r, n), &p->runs,
                         &p->run_count);
}

int reader_width(lo_reader *r, xmlNodePtr n, double *width, bool *star)
{
    const char *v = reader_attr(n, "width");
    *width = 0;
    *star = false;
    if (!v)
        return 0;
    size_t len = strlen(v);
    char num[32];
    int64_t x;
    *star = len > 0 && v[len - 1] == '*';
    snprintf(num, sizeof num, "%.*s", (int)(len - *star), v);
    if (len >= sizeof num || !num_parse_decimal(num, 2, &x) || x <= 0) {
        reader_error(r, n, "width=\"%s\" 应为毫米数（如 25）或比例（如 2*）", v);
        *star = true;
        *width = 1;
        return 1;
    }
    *width = *star ? x / 100.0 : x / 100.0 * LO_PT_PER_MM;
    return 1;
}

static zb_status read_fields(lo_reader *r, xmlNodePtr n, lo_fields *f)
{
    static const char *const attrs[] = {"style", "inset", NULL};
    static const char *const field_attrs[] = {"label", "width", "style", "src",
                                              NULL};
    reader_check_attrs(r, n, attrs);
    check_no_text(r, n);
    f->style = reader_style(r, n, 1);
    f->inset = reader_chars(r, n, "inset", 0,
                            layout_char_width(r->section, f->style));
    f->items = arena_calloc(r->arena, count_elements(n) + 1,
                            sizeof *f->items);
    if (!f->items)
        return ZB_ERR_NOMEM;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!reader_is(c, "field")) {
            reader_error(r, c, "<fields> 里只能有 <field>");
            continue;
        }
        reader_check_attrs(r, c, field_attrs);
        lo_field *item = &f->items[f->count++];
        if (!reader_attr(c, "label"))
            reader_error(r, c, "缺少 label 属性");
        item->label = reader_strdup(r, reader_attr(c, "label"));
        reader_width(r, c, &item->width, &item->star);
        item->value_style = reader_style(r, c, 0);
        lo_run *runs;
        size_t count;
        zb_status st = reader_inline(r, c, item->value_style ? item->value_style
                                                            : f->style,
                                     reader_src(r, c), &runs, &count);
        if (st != ZB_OK)
            return st;
        item->value = count ? runs[0].text : "";
        item->src = count ? runs[0].src : NULL;
        if (count > 1)
            reader_error(r, c, "<field> 的值只能是文字");
    }
    if (!f->count)
        reader_error(r, n, "至少要有一个 <field>");
    return ZB_OK;
}

static void read_signature(lo_reader *r, xmlNodePtr n, lo_signature *s)
{
    static const char *const attrs[] = {"style", "label", "gap", "date",
                                        "align", NULL};
    reader_check_attrs(r, n, attrs);
    s->style = reader_style(r, n, 1);
    s->label = reader_strdup(r, reader_attr(n, "label"));
    s->gap = reader_chars(r, n, "gap", 6,
                          layout_char_width(r->section, s->style));
    s->align = (lo_align)reader_enum(r, n, "align", lo_align_names,
                                     LO_ALIGN_RIGHT);
    const char *date = reader_attr(n, "date");
    if (!date || !strcmp(date, "blank"))
        s->date = LO_SIG_DATE_BLANK;
    else if (!strcmp(date, "none"))
        s->date = LO_SIG_DATE_NONE;
    else if (date_parse(date, &s->ymd) == ZB_OK)
        s->date = LO_SIG_DATE_GIVEN;
    else
        reader_error(r, n, "date=\"%s\" 应为 blank、none 或 YYYY-MM-DD 日期",
                     date);
}

static uint32_t read_color(lo_reader *r, xmlNodePtr n, const char *name)
{
    const char *v = reader_attr(n, name);
    if (!v)
        return 0;
    char *end;
    unsigned long c = v[0] == '#' && strlen(v) == 7 ? strtoul(v + 1, &end, 16)
                                                    : 0;
    if (v[0] != '#' || strlen(v) != 7 || *end) {
        reader_error(r, n, "%s=\"%s\" 应为 #RRGGBB 颜色", name, v);
        return 0;
    }
    return (uint32_t)c;
}

static void read_rule(lo_reader *r, xmlNodePtr n, lo_rule *rule)
{
    static const char *const attrs[] = {"width", "color", "space-before",
                                        "space-after", NULL};
    reader_check_attrs(r, n, attrs);
    rule->width = reader_mm(r, n, "width", 0.25);
    rule->color = read_color(r, n, "color");
    rule->space_before = reader_mm(r, n, "space-before", 0);
    rule->space_after = reader_mm(r, n, "space-after", 0);
}

static void read_space(lo_reader *r, xmlNodePtr n, lo_space *sp)
{
    static const char *const attrs[] = {"height", "lines", "to", NULL};
    reader_check_attrs(r, n, attrs);
    int given = !!reader_attr(n, "height") + !!reader_attr(n, "lines") +
                !!reader_attr(n, "to");
    if (given != 1)
        reader_error(r, n, "须有且只有 height、lines、to 三个属性之一");
    if (reader_attr(n, "lines")) {
        sp->kind = LO_SPACE_LINES;
        sp->amount = (double)reader_int(r, n, "lines", 1, 0, 100);
        if (r->section && r->section->line_pitch <= 0)
            reader_error(r, n, "lines 只能用在有行网格（grid-lines）的节里");
    } else if (reader_attr(n, "to")) {
        sp->kind = LO_SPACE_TO;
        sp->amount = reader_mm(r, n, "to", 0);
    } else {
        sp->kind = LO_SPACE_HEIGHT;
        sp->amount = reader_mm(r, n, "height", 0);
    }
}

static zb_status read_signoff(lo_reader *r, xmlNodePtr n, lo_signoff *s)
{
    static const char *const attrs[] = {"style", "date", "sealed", "src", NULL};
    reader_check_attrs(r, n, attrs);
    s->style = reader_style(r, n, 1);
    s->sealed = reader_enum(r, n, "sealed", lo_bool_names, 1) % 2;
    const char *date = reader_attr(n, "date");
    if (!date || date_parse(date, &s->ymd) != ZB_OK)
        reader_error(r, n, "date 应为 YYYY-MM-DD 日期（成文日期）");
    lo_run *runs;
    size_t count;
    zb_status st = reader_inline(r, n, s->style, reader_src(r, n), &runs,
                                 &count);
    if (st != ZB_OK)
        return st;
    if (count != 1 || !strcmp(runs[0].text, "\n"))
        reader_error(r, n, "内容应为发文机关署名，只能是文字");
    s->name = count ? runs[0].text : "";
    s->src = count ? runs[0].src : NULL;
    return ZB_OK;
}

static zb_status read_block(lo_reader *r, xmlNodePtr n, lo_block *b);

/* Read the child blocks of N into G: elements named in the
   NULL-terminated list ALLOWED, at least one. */
static zb_status read_group(lo_reader *r, xmlNodePtr n,
                            const char *const *allowed, lo_group *g)
{
    check_no_text(r, n);
    g->blocks = arena_calloc(r->arena, count_elements(n) + 1,
                             sizeof *g->blocks);
    if (!g->blocks)
        return ZB_ERR_NOMEM;
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        int ok = 0;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = reader_is(k, *a);
        if (!ok) {
            zb_buf list = {0};
            for (const char *const *a = allowed; *a; a++)
                buf_printf(&list, "%s<%s>", a == allowed ? "" : "、", *a);
            reader_error(r, k, "<%s> 里只能有 %s", n->name, buf_str(&list));
            buf_free(&list);
            continue;
        }
        zb_status st = read_block(r, k, &g->blocks[g->block_count++]);
        if (st != ZB_OK)
            return st;
    }
    if (!g->block_count)
        reader_error(r, n, "是空的");
    return ZB_OK;
}

static zb_status read_colophon(lo_reader *r, xmlNodePtr n, lo_colophon *c)
{
    static const char *const attrs[] = {"page", NULL};
    static const char *const pages[] = {"any", "even", NULL};
    static const char *const blocks[] = {"p", "fields", "rule", "space", NULL};
    reader_check_attrs(r, n, attrs);
    c->even = reader_enum(r, n, "page", pages, 0) == 1;
    return read_group(r, n, blocks, &c->group);
}

static zb_status read_keep(lo_reader *r, xmlNodePtr n, lo_keep *k)
{
    static const char *const attrs[] = {NULL};
    static const char *const blocks[] = {"p", "fields", "signature", "rule",
                                         "space", "signoff", NULL};
    reader_check_attrs(r, n, attrs);
    return read_group(r, n, blocks, k);
}

static zb_status read_block(lo_reader *r, xmlNodePtr n, lo_block *b)
{
    static const char *const no_attrs[] = {NULL};
    b->line = reader_line(r, n);
    if (reader_is(n, "p")) {
        b->kind = LO_BLOCK_PARA;
        return read_para(r, n, &b->u.para);
    }
    if (reader_is(n, "fields")) {
        b->kind = LO_BLOCK_FIELDS;
        return read_fields(r, n, &b->u.fields);
    }
    if (reader_is(n, "table")) {
        b->kind = LO_BLOCK_TABLE;
        return reader_table(r, n, &b->u.table);
    }
    if (reader_is(n, "signature")) {
        b->kind = LO_BLOCK_SIGNATURE;
        read_signature(r, n, &b->u.signature);
    } else if (reader_is(n, "rule")) {
        b->kind = LO_BLOCK_RULE;
        read_rule(r, n, &b->u.rule);
    } else if (reader_is(n, "space")) {
        b->kind = LO_BLOCK_SPACE;
        read_space(r, n, &b->u.space);
    } else if (reader_is(n, "signoff")) {
        b->kind = LO_BLOCK_SIGNOFF;
        return read_signoff(r, n, &b->u.signoff);
    } else if (reader_is(n, "colophon")) {
        b->kind = LO_BLOCK_COLOPHON;
        return read_colophon(r, n, &b->u.colophon);
    } else if (reader_is(n, "keep")) {
        b->kind = LO_BLOCK_KEEP;
        return read_keep(r, n, &b->u.keep);
    } else if (reader_is(n, "page-break")) {
        b->kind = LO_BLOCK_PAGE_BREAK;
        reader_check_attrs(r, n, no_attrs);
    } else {
        reader_error(r, n, "不是版面块元素（p、fields、table、signature、rule、"
                           "space、page-break、signoff、colophon、keep）");
        b->kind = LO_BLOCK_PAGE_BREAK;
    }
    return ZB_OK;
}

zb_status reader_cell_blocks(lo_reader *r, xmlNodePtr n, lo_block **blocks,
                             size_t *count)
{
    *blocks = arena_calloc(r->arena, count_elements(n), sizeof **blocks);
    *count = 0;
    if (!*blocks)
        return ZB_ERR_NOMEM;
    check_no_text(r, n);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!reader_is(c, "p") && !reader_is(c, "signature")) {
            reader_error(r, c, "单元格里的块只能是 <p> 或 <signature>，"
                               "且不能与文字混排");
            continue;
        }
        zb_status st = read_block(r, c, &(*blocks)[(*count)++]);
        if (st != ZB_OK)
            return st;
    }
    return ZB_OK;
}

/* --------------------------------------------------- styles, sections */

static double font_size_pt(lo_reader *r, xmlNodePtr n, const char *v)
{
    static const struct {
        const char *name;
        double pt;
    } sizes[] = {{"初号", 42}, {"小初", 36}, {"一号", 26}, {"小一", 24},
                 {"二号", 22}, {"小二", 18}, {"三号", 16}, {"小三", 15},
                 {"四号", 14}, {"小四", 12}, {"五号", 10.5}, {"小五", 9},
                 {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5}, {"八号", 5}};
    for (size_t i = 0; v && i < sizeof sizes / sizeof sizes[0]; i++)
        if (!strcmp(v, sizes[i].name))
            return sizes[i].pt;
    size_t len = v ? strlen(v) : 0;
    char num[16];
    int64_t x;
    if (len > 2 && len < sizeof num && !strcmp(v + len - 2, "pt")) {
        snprintf(num, sizeof num, "%.*s", (int)len - 2, v);
        if (num_parse_decimal(num, 2, &x) && x >= 100 && x <= 20000)
            return x / 100.0;
    }
    reader_error(r, n, "size=\"%s\" 应为字号（如 三号、小四）或磅值（如 10.5pt）",
                 v ? v : "");
    return 12;
}

static double line_height_pt(lo_reader *r, xmlNodePtr n, double size)
{
    const char *v = reader_attr(n, "line-height");
    if (!v)
        return 1.2 * size;
    size_t len = strlen(v);
    char num[16];
    int64_t x;
    int unit = len > 2 && (!strcmp(v + len - 2, "pt") ? 1
                           : !strcmp(v + len - 2, "mm") ? 2 : 0);
    snprintf(num, sizeof num, "%.*s", (int)(unit ? len - 2 : len), v);
    if (len < sizeof num && num_parse_decimal(num, 3, &x) && x > 0) {
        double value = x / 1000.0;
        return unit == 1 ? value : unit == 2 ? value * LO_PT_PER_MM
                                             : value * size;
    }
    reader_error(r, n, "line-height=\"%s\" 应为倍数（1.5）或固定值（28pt、10mm）",
                 v);
    return 1.2 * size;
}

static void read_style(lo_reader *r, xmlNodePtr n, lo_style *s)
{
    static const char *const attrs[] = {"name", "font", "size", "color", "bold",
        "align", "line-height", "indent", "space-before", "space-after", "grid",
        NULL};
    static const char *const grids[] = {"none", "lines", "chars", NULL};
    reader_check_attrs(r, n, attrs);
    const char *name = reader_attr(n, "name");
    if (!name)
        reader_error(r, n, "缺少 name 属性");
    s->name = reader_strdup(r, name);
    if (!reader_attr(n, "font"))
        reader_error(r, n, "缺少 font 属性");
    s->font = (lo_font_role)reader_enum(r, n, "font", font_role_names, 0);
    s->size = font_size_pt(r, n, reader_attr(n, "size"));
    s->color = read_color(r, n, "color");
    s->bold = reader_enum(r, n, "bold", lo_bool_names, 0) % 2;
    s->align = (lo_align)reader_enum(r, n, "align", lo_align_names, 0);
    s->line_height = line_height_pt(r, n, s->size);
    s->indent = reader_chars(r, n, "indent", 0, s->size);
    s->space_before = reader_mm(r, n, "space-before", 0);
    s->space_after = reader_mm(r, n, "space-after", 0);
    s->grid = (lo_grid)reader_enum(r, n, "grid", grids, 0);
}

static zb_status read_styles(lo_reader *r, xmlNodePtr n)
{
    lo_document *doc = r->doc;
    size_t count = count_elements(n);
    doc->styles = arena_calloc(&doc->arena, count ? count : 1,
                               sizeof *doc->styles);
    if (!doc->styles)
        return ZB_ERR_NOMEM;
    /* a fallback so that a missing style never leaves a NULL behind */
    doc->styles[0] = (lo_style){"", LO_FONT_SONG, 12, 0, false, LO_ALIGN_LEFT,
                                14.4, 0, 0, 0, LO_GRID_NONE};
    check_no_text(r, n);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!reader_is(c, "style")) {
            reader_error(r, c, "<styles> 里只能有 <style>");
            continue;
        }
        lo_style *s = &doc->styles[doc->style_count];
        read_style(r, c, s);
        for (size_t i = 0; i < doc->style_count; i++)
            if (!strcmp(doc->styles[i].name, s->name))
                reader_error(r, c, "样式 “%s” 重复定义", s->name);
        doc->style_count++;
    }
    if (!doc->style_count) {
        reader_error(r, n, "至少要定义一个样式");
        doc->style_count = 1;
    }
    return ZB_OK;
}

static void read_meta(lo_reader *r, xmlNodePtr n)
{
    static const char *const attrs[] = {"title", "author", "subject",
                                        "keywords", "created", NULL};
    reader_check_attrs(r, n, attrs);
    lo_meta *m = &r->doc->meta;
    if (!reader_attr(n, "title"))
        reader_error(r, n, "缺少 title 属性");
    m->title = reader_strdup(r, reader_attr(n, "title"));
    m->author = reader_strdup(r, reader_attr(n, "author"));
    m->subject = reader_strdup(r, reader_attr(n, "subject"));
    m->keywords = reader_strdup(r, reader_attr(n, "keywords"));
    const char *created = reader_attr(n, "created");
    if (!created || date_parse(created, &m->created) != ZB_OK)
        reader_error(r, n, "created 应为 YYYY-MM-DD 日期（取自台账，保证输出"
                           "可重现）");
}

static lo_footer *read_footer(lo_reader *r, xmlNodePtr n)
{
    static const char *const attrs[] = {"format", "style", "align", "indent",
                                        "offset", NULL};
    static const char *const aligns[] = {"left", "center", "right", "outside",
                                         "inside", NULL};
    reader_check_attrs(r, n, attrs);
    lo_footer *f = arena_alloc(r->arena, sizeof *f);
    if (!f)
        return NULL;
    if (!reader_attr(n, "format"))
        reader_error(r, n, "缺少 format 属性");
    f->format = reader_strdup(r, reader_attr(n, "format"));
    f->style = reader_style(r, n, 1);
    f->align = (lo_footer_align)reader_enum(r, n, "align", aligns, 1);
    f->indent = reader_chars(r, n, "indent", 0, f->style->size);
    f->offset = reader_mm(r, n, "offset", 7);
    return f;
}

static void read_page(lo_reader *r, xmlNodePtr n, lo_section *s)
{
    static const char *const papers[] = {"A4", "A3", NULL};
    static const char *const orientations[] = {"portrait", "landscape", NULL};
    static const char *const numbering[] = {"restart", "continue", NULL};
    int a3 = reader_enum(r, n, "paper", papers, 0);
    double w = (a3 ? 297 : 210) * LO_PT_PER_MM;
    double h = (a3 ? 420 : 297) * LO_PT_PER_MM;
    s->landscape = reader_enum(r, n, "orientation", orientations, 0);
    s->page_width = s->landscape ? h : w;
    s->page_height = s->landscape ? w : h;
    s->margin_top = reader_mm(r, n, "margin-top", 25);
    s->margin_bottom = reader_mm(r, n, "margin-bottom", 25);
    s->margin_left = reader_mm(r, n, "margin-left", 20);
    s->margin_right = reader_mm(r, n, "margin-right", 20);
    s->continue_numbering = reader_enum(r, n, "numbering", numbering, 0);
    if (layout_body_width(s) < 20 * LO_PT_PER_MM ||
        layout_body_height(s) < 20 * LO_PT_PER_MM)
        reader_error(r, n, "页边距太大，版心不足 20 毫米");
    long lines = reader_int(r, n, "grid-lines", 0, 1, 200);
    long chars = reader_int(r, n, "grid-chars", 0, 1, 200);
    s->line_pitch = lines ? layout_body_height(s) / (double)lines : 0;
    s->char_pitch = chars ? layout_body_width(s) / (double)chars : 0;
}

/* Can TEXT be (the start of) a worksheet name: 1 to MAX characters, none
   of Excel's []:*?/\ ? */
static bool sheet_text_ok(const char *text, size_t max)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    return chars && chars <= max && !strpbrk(text, "[]:*?/\\");
}

static void check_sheet_name(lo_reader *r, xmlNodePtr n, const char *name)
{
    if (!sheet_text_ok(name, 31))
        reader_error(r, n, "name=\"%s\" 不能作工作表名（1–31 个字符，不含 "
                           "[]:*?/\\）", name);
    if (xmlHashAddEntry(r->sheet_names, BAD_CAST name, (void *)name) != 0)
        reader_error(r, n, "节名 “%s” 重复（工作表名须唯一）", name);
}

/* The stack name: at most 16 characters, so that with a copy range
   (" 999001-1000000") it is still a worksheet name. */
static void read_stack(lo_reader *r, xmlNodePtr n, lo_section *s)
{
    const char *stack = reader_attr(n, "stack");
    if (!stack)
        return;
    s->stack = reader_strdup(r, stack);
    if (!sheet_text_ok(stack, 16))
        reader_error(r, n, "stack=\"%s\" 不能作工作表名的开头（1–16 个字符，"
                           "不含 []:*?/\\）", stack);
}

static zb_status read_section(lo_reader *r, xmlNodePtr n, lo_section *s)
{
    static const char *const attrs[] = {"name", "paper", "orientation",
        "margin-top", "margin-bottom", "margin-left", "margin-right",
        "numbering", "grid-lines", "grid-chars", "stack", NULL};
    reader_check_attrs(r, n, attrs);
    check_no_text(r, n);
    s->line = reader_line(r, n);
    s->name = reader_strdup(r, reader_attr(n, "name"));
    check_sheet_name(r, n, s->name);
    read_stack(r, n, s);
    read_page(r, n, s);
    r->section = s;
    s->blocks = arena_calloc(r->arena, count_elements(n) + 1,
                             sizeof *s->blocks);
    if (!s->blocks)
        return ZB_ERR_NOMEM;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (reader_is(c, "footer")) {
            if (s->footer || s->block_count)
                reader_error(r, c, "每节最多一个 <footer>，且须在节的开头");
            s->footer = read_footer(r, c);
            if (!s->footer)
                return ZB_ERR_NOMEM;
            continue;
        }
        zb_status st = read_block(r, c, &s->blocks[s->block_count++]);
        if (st != ZB_OK)
            return st;
    }
    if (!s->block_count)
        reader_error(r, n, "节是空的");
    return ZB_OK;
}

/* Make room in R's document for N more sections: the array grows by
   doubling, so that a form read a piece at a time costs no more. */
static zb_status grow_sections(lo_reader *r, size_t n)
{
    lo_document *doc = r->doc;
    if (doc->section_count + n <= r->section_cap)
        return ZB_OK;
    size_t cap = r->section_cap * 2 > doc->section_count + n
                     ? r->section_cap * 2
                     : doc->section_count + n;
    lo_section *s = arena_calloc(&r->content, cap, sizeof *s);
    if (!s)
        return ZB_ERR_NOMEM;
    if (doc->section_count)
        memcpy(s, doc->sections, doc->section_count * sizeof *s);
    doc->sections = s;
    r->section_cap = cap;
    return ZB_OK;
}

static zb_status read_document(lo_reader *r, xmlNodePtr root)
{
    xmlNodePtr meta = NULL, styles = NULL;
    size_t sections = 0;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (reader_is(c, "meta"))
            meta = c;
        else if (reader_is(c, "styles"))
            styles = c;
        else if (reader_is(c, "section"))
            sections++;
        else if (c->type == XML_ELEMENT_NODE)
            reader_error(r, c, "<document> 里只能有 <meta>、<styles> 与 "
                               "<section>");
    }
    check_no_text(r, root);
    if (!meta || !styles || !sections) {
        reader_error(r, root, "须依次包含 <meta>、<styles> 与至少一个 "
                              "<section>");
        return ZB_OK;
    }
    zb_status st = ZB_OK;
    if (!r->head_read) {
        r->arena = &r->doc->arena;
        read_meta(r, meta);
        st = read_styles(r, styles);
        r->arena = &r->content;
        r->head_read = true;
    }
    if (st == ZB_OK)
        st = grow_sections(r, sections);
    for (xmlNodePtr c = root->children; c && st == ZB_OK; c = c->next)
        if (reader_is(c, "section"))
            st = read_section(r, c,
                              &r->doc->sections[r->doc->section_count++]);
    return st;
}

zb_status layout_read_begin(const char *name, zb_diags *diags,
                            lo_reader **out)
{
    *out = NULL;
    lo_reader *r = calloc(1, sizeof *r);
    lo_document *doc = r ? calloc(1, sizeof *doc) : NULL;
    if (r)
        *r = (lo_reader){.doc = doc, .arena = &r->content, .diags = diags,
                         .ids = xmlHashCreate(64),
                         .cell_section = xmlHashCreate(64),
                         .sheet_names = xmlHashCreate(64)};
    if (doc)
        doc->name = arena_strdup(&doc->arena, name);
    if (!doc || !doc->name || !r->ids || !r->cell_section ||
        !r->sheet_names) {
        layout_read_end(r, ZB_ERR_NOMEM, NULL);
        return ZB_ERR_NOMEM;
    }
    *out = r;
    return ZB_OK;
}

/* Add the sections of the layout document XML to R. */
static zb_status read_xml(lo_reader *r, xmlDocPtr xml)
{
    xmlNodePtr root = xmlDocGetRootElement(xml);
    if (root && reader_is(root, "document"))
        return read_document(r, root);
    diags_add(r->diags, r->doc->name, root ? reader_line(r, root) : 0, 0,
              DIAG_ERROR, "layout", "不是版面文档：根元素应为 {%s}document",
              LO_NAMESPACE);
    r->errors++;
    return ZB_OK;
}

/* The next rows of R's open table from the layout document XML: those
   of the last table of its last section after the header rows. */
static zb_status read_more(lo_reader *r, xmlDocPtr xml)
{
    xmlNodePtr root = xmlDocGetRootElement(xml), section = NULL, table = NULL;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
        if (reader_is(c, "section"))
            section = c;
    for (xmlNodePtr c = section ? section->children : NULL; c; c = c->next)
        if (reader_is(c, "table"))
            table = c;
    if (!table) {
        diags_add(r->diags, r->doc->name, root ? reader_line(r, root) : 0, 0,
                  DIAG_ERROR, "layout", "接续的版面文档中没有表格");
        r->errors++;
        reader_close_table(r);
        return ZB_OK;
    }
    r->section = &r->doc->sections[r->doc->section_count - 1];
    return reader_table_more(r, table);
}

zb_status layout_read_rows(lo_reader *r, xmlDocPtr xml, bool more)
{
    r->piece = true;
    r->rows_more = more;
    zb_status st = r->open_table ? read_more(r, xml) : read_xml(r, xml);
    r->rows_more = false;
    r->piece = false;
    r->open_node = NULL; /* its element goes with XML */
    xmlFreeDoc(xml);
    return st;
}

zb_status layout_read_piece(lo_reader *r, xmlDocPtr xml)
{
    r->piece = true;
    zb_status st = read_xml(r, xml);
    r->piece = false;
    xmlFreeDoc(xml);
    return st;
}

size_t reader_section_number(const lo_reader *r)
{
    return r->sections_taken + (size_t)(r->section - r->doc->sections);
}

zb_status layout_read_take(lo_reader *r, lo_document **out)
{
    *out = NULL;
    reader_resolve_refs(r);
    r->pending_count = 0;
    if (r->errors)
        return ZB_ERR_INVALID;
    lo_document *doc = r->doc, *piece = malloc(sizeof *piece);
    if (!piece)
        return ZB_ERR_NOMEM;
    *piece = *doc;
    piece->arena = r->content;
    r->content = (zb_arena){0};
    r->sections_taken += doc->section_count;
    doc->sections = NULL;
    doc->section_count = 0;
    r->section_cap = 0;
    r->section = NULL;
    *out = piece;
    return ZB_OK;
}

zb_status layout_read_end(lo_reader *r, zb_status st, lo_document **out)
{
    if (out)
        *out = NULL;
    if (!r)
        return st;
    if (st == ZB_OK)
        reader_resolve_refs(r);
    lo_document *doc = r->doc;
    reader_close_table(r);
    if (doc)
        arena_move(&doc->arena, &r->content);
    xmlHashFree(r->ids, NULL);
    xmlHashFree(r->cell_section, NULL);
    xmlHashFree(r->sheet_names, NULL);
    free(r->pending);
    buf_free(&r->text);
    if (st == ZB_OK && r->errors)
        st = ZB_ERR_INVALID;
    free(r);
    if (st != ZB_OK || !out) {
        layout_free_doc(doc);
        return st;
    }
    *out = doc;
    return ZB_OK;
}

zb_status layout_read_doc(xmlDocPtr xml, const char *name, zb_diags *diags,
                          lo_document **out)
{
    lo_reader *r;
    *out = NULL;
    zb_status st = layout_read_begin(name, diags, &r);
    if (st != ZB_OK)
        return st;
    return layout_read_end(r, read_xml(r, xml), out);
}

void layout_free_doc(lo_document *doc)
{
    if (!doc)
        return;
    arena_free(&doc->arena);
    free(doc);
}
