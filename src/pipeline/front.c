#include "front.h"

#include "../parse/xml_load.h"
#include "../rules/rules.h"

/* Parse, validate, read and check the source already in F. */
static zb_status run(const zb_schema *schema, zb_front *f, zb_diags *diags)
{
    zb_status st = xml_load_memory(f->source.text, f->source.len,
                                   f->source.name, diags, &f->doc);
    if (st == ZB_OK)
        st = schema_validate(schema, f->doc, &f->source, diags);
    if (st == ZB_OK)
        st = ledger_read(f->doc, f->source.name, &f->ledger, diags);
    if (st != ZB_OK)
        return st;
    size_t errors = diags->errors, count;
    const zb_rule *table = rules_ledger(&count);
    zb_rule_ctx ctx = {f->ledger, &f->source, diags};
    st = rules_run(table, count, &ctx);
    if (st == ZB_OK && diags->errors > errors)
        st = ZB_ERR_INVALID;
    return st;
}

zb_status front_load_file(const zb_schema *schema, const char *path,
                          zb_front *out, zb_diags *diags)
{
    *out = (zb_front){0};
    zb_status st = source_read(&out->source, path, diags);
    return st == ZB_OK ? run(schema, out, diags) : st;
}

zb_status front_load_memory(const zb_schema *schema, const char *name,
                            const char *text, size_t len, zb_front *out,
                            zb_diags *diags)
{
    *out = (zb_front){0};
    zb_status st = source_set(&out->source, name, text, len);
    return st == ZB_OK ? run(schema, out, diags) : st;
}

void front_free(zb_front *front)
{
    ledger_free(front->ledger);
    xmlFreeDoc(front->doc);
    source_free(&front->source);
    *front = (zb_front){0};
}
