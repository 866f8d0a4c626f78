#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "../core/datadir.h"
#include "../rules/rules.h"

int cli_exit_code(zb_status status)
{
    switch (status) {
    case ZB_OK:
        return EXIT_VALID;
    case ZB_ERR_PARSE:
    case ZB_ERR_INVALID:
        return EXIT_INVALID;
    default:
        return EXIT_USAGE;
    }
}

static void print_one(const zb_diag *d, FILE *out)
{
    zb_diags view = {.items = (zb_diag *)d, .count = 1};
    diags_print(&view, out);
}

/* Print the diagnostics of SEVERITY; after the first of each rule (in
   QUOTED, a list of rule ids already shown) a note quoting its article. */
static void print_group(const zb_diags *diags, zb_severity severity,
                        const char **quoted, size_t *nquoted, FILE *out)
{
    for (size_t i = 0; i < diags->count; i++) {
        const zb_diag *d = &diags->items[i];
        if (d->severity != severity)
            continue;
        print_one(d, out);
        const zb_rule *rule = d->rule ? rules_find(d->rule) : NULL;
        int seen = !rule || !rule->quote;
        for (size_t k = 0; k < *nquoted && !seen; k++)
            seen = !strcmp(quoted[k], rule->id);
        if (seen)
            continue;
        quoted[(*nquoted)++] = rule->id;
        zb_diag note = *d;
        char text[2048];
        snprintf(text, sizeof text, "%s：“%s”", rule->article, rule->quote);
        note.severity = DIAG_NOTE;
        note.rule = NULL;
        note.message = text;
        print_one(&note, out);
    }
}

void cli_report(zb_diags *diags, const char *path, FILE *out)
{
    size_t count;
    rules_ledger(&count);
    const char **quoted = malloc((count + 1) * sizeof *quoted);
    size_t nquoted = 0;
    diags_sort(diags);
    if (quoted) {
        print_group(diags, DIAG_ERROR, quoted, &nquoted, out);
        print_group(diags, DIAG_WARNING, quoted, &nquoted, out);
    } else {
        diags_print(diags, out);
    }
    free(quoted);
    diags_print_summary(diags, path, out);
}

zb_status cli_open_schema(zb_schema **out)
{
    zb_diags diags = {0};
    char *datadir = NULL;
    *out = NULL;
    zb_status st = datadir_find(&datadir, &diags);
    if (st == ZB_OK)
        st = schema_open(datadir, out, &diags);
    free(datadir);
    diags_print(&diags, stderr);
    diags_free(&diags);
    return st;
}

zb_status cli_load_ledger(const zb_schema *schema, const char *path,
                          zb_front *out, FILE *err, int always)
{
    zb_diags diags = {0};
    zb_status st = front_load_file(schema, path, out, &diags);
    if (st == ZB_ERR_NOMEM)
        diags_add(&diags, path, 0, 0, DIAG_ERROR, NULL, "%s",
                  status_describe(st));
    if (diags.count || always)
        cli_report(&diags, path, err);
    diags_free(&diags);
    return st;
}
