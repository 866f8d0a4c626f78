/* The facts as JSON text: one line per element, attributes inline,
   children indented below their parent. */
#include "facts_json.h"

#include "facts_writer.h"

#define MAX_DEPTH 16

typedef struct json_writer {
    facts_writer base;
    zb_buf *out;
    int depth;
    int members[MAX_DEPTH]; /* members written at each open level */
    int in_list[MAX_DEPTH]; /* the level is an array */
} json_writer;

/* Append S as a JSON string: quotes, backslashes and control characters
   escaped, the rest (UTF-8) as it is. */
static void put_string(zb_buf *out, const char *s)
{
    buf_append(out, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c != '"' && c != '\\' && c >= 0x20)
            continue;
        buf_append(out, run, (size_t)(s - run));
        if (c < 0x20)
            buf_printf(out, "\\u%04x", c);
        else
            buf_printf(out, "\\%c", c);
        run = s + 1;
    }
    buf_append(out, run, (size_t)(s - run));
    buf_append(out, "\"", 1);
}

/* Start a member of the innermost level on a line of its own: a comma
   after the previous member, the indent, and the key unless in an array. */
static void open_member(json_writer *w, const char *name)
{
    if (w->depth == 0)
        return;
    if (w->members[w->depth - 1]++)
        buf_append(w->out, ",", 1);
    static const char spaces[] = "\n                                ";
    buf_append(w->out, spaces, (size_t)(1 + 2 * w->depth));
    if (!w->in_list[w->depth - 1]) {
        put_string(w->out, name);
        buf_append_str(w->out, ": ");
    }
}

/* Open a level of kind LIST after writing OPENER. */
static void push(json_writer *w, const char *opener, int list)
{
    if (w->depth == MAX_DEPTH) {
        w->base.status = ZB_ERR_NOMEM;
        return;
    }
    buf_append_str(w->out, opener);
    w->members[w->depth] = 0;
    w->in_list[w->depth++] = list;
}

static void pop(json_writer *w, const char *closer)
{
    buf_append_str(w->out, closer);
    w->depth--;
    if (w->out->failed)
        w->base.status = ZB_ERR_NOMEM;
}

static void json_begin(facts_writer *base, const char *name)
{
    json_writer *w = (json_writer *)base;
    if (base->status != ZB_OK)
        return;
    open_member(w, name);
    push(w, "{", 0);
    if (w->depth == 1) {
        put_string(w->out, "xmlns");
        buf_append_str(w->out, ": ");
        put_string(w->out, FACTS_NAMESPACE);
        w->members[0]++;
    }
}

static void json_attr(facts_writer *base, const char *name, const char *value,
                      int integer)
{
    json_writer *w = (json_writer *)base;
    if (base->status != ZB_OK)
        return;
    if (w->members[w->depth - 1]++)
        buf_append_str(w->out, ", ");
    put_string(w->out, name);
    buf_append_str(w->out, ": ");
    if (integer)
        buf_append_str(w->out, value);
    else
        put_string(w->out, value);
}

static void json_end(facts_writer *base)
{
    json_writer *w = (json_writer *)base;
    if (base->status == ZB_OK)
        pop(w, w->depth == 1 ? "}\n" : "}");
}

static void json_list(facts_writer *base, const char *name)
{
    json_writer *w = (json_writer *)base;
    if (base->status != ZB_OK)
        return;
    open_member(w, name);
    push(w, "[", 1);
}

static void json_end_list(facts_writer *base)
{
    json_writer *w = (json_writer *)base;
    if (base->status == ZB_OK)
        pop(w, "]");
}

/* Append what WALK writes of FACTS as JSON to OUT. */
static zb_status json(const zb_facts *facts, facts_walk *walk, zb_buf *out)
{
    json_writer w = {
        {json_begin, json_attr, json_end, json_list, json_end_list, ZB_OK},
        out,
        0,
        {0},
        {0}};
    return walk(facts, &w.base);
}

zb_status facts_json(const zb_facts *facts, zb_buf *out)
{
    return json(facts, facts_write, out);
}

zb_status facts_audit_json(const zb_facts *facts, zb_buf *out)
{
    return json(facts, facts_write_audit, out);
}
