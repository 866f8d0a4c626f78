#include "front.h"

#include "../parse/xml_load.h"
#include "../rules/rules.h"

/* Parse, validate, read and check the source already in F; START is when
   the front began. */
static zb_status run(const zb_schema *schema, zb_front *f, zb_diags *diags,
                     double start)
{
    zb_timings *t = &f->timings;
    zb_status st = xml_load_memory(f->source.text, f->source.len,
                                   f->source.name, diags, &f->doc);
    start = timings_add(t, "parse", start);
    if (st == ZB_OK) {
        st = schema_validate(schema, f->doc, &f->source, diags);
        start = timings_add(t, "validate", start);
    }
    if (st == ZB_OK) {
        st = ledger_read(f->doc, f->source.name, &f->ledger, diags);
        start = timings_add(t, "model", start);
    }
    if (st != ZB_OK)
        return st;
    size_t errors = diags->errors, count;
    const zb_rule *table = rules_ledger(&count);
    zb_rule_ctx ctx = {f->ledger, &f->source, diags};
    st = rules_run(table, count, &ctx);
    timings_add(t, "rules", start);
    if (st == ZB_OK && diags->errors > errors)
        st = ZB_ERR_INVALID;
    return st;
}

zb_status front_load_file(const zb_schema *schema, const char *path,
                          zb_front *out, zb_diags *diags)
{
    *out = (zb_front){0};
    double start = timing_now();
    zb_status st = source_read(&out->source, path, diags);
    start = timings_add(&out->timings, "read", start);
    return st == ZB_OK ? run(schema, out, diags, start) : st;
}

zb_status front_load_memory(const zb_schema *schema, const char *name,
                            const char *text, size_t len, zb_front *out,
                            zb_diags *diags)
{
    *out = (zb_front){0};
    double start = timing_now();
    zb_status st = source_set(&out->source, name, text, len);
    return st == ZB_OK ? run(schema, out, diags, start) : st;
}

void front_free(zb_front *front)
{
    ledger_free(front->ledger);
    xmlFreeDoc(front->doc);
    source_free(&front->source);
    *front = (zb_front){0};
}
