#include "cli.h"

#include <getopt.h>
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
        print_group(diags, DIAG_NOTE, quoted, &nquoted, out);
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

int cli_bad_usage(const char *command, void (*usage)(FILE *out),
                  const char *why)
{
    fprintf(stderr, "zhengban %s: %s\n\n", command, why);
    usage(stderr);
    return EXIT_USAGE;
}

/* Parse the options of CMD into *FMT; returns -1 to go on (argv[optind]
   is the ledger), else an exit status. */
static int parse_format(const cli_facts_command *cmd, int argc, char **argv,
                        cli_format *fmt)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    static const char *const names[] = {"text", "xml", "json"};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        if (c == 'h') {
            cmd->usage(stdout);
            return EXIT_VALID;
        }
        int known = -1;
        for (int i = 0; c == 'f' && i < 3; i++)
            if (!strcmp(optarg, names[i]))
                known = i;
        if (known < 0) {
            fprintf(stderr, "zhengban %s: %s“%s”\n\n", cmd->name,
                    c == 'f' ? "不认识的格式" : "选项不对",
                    c == 'f' ? optarg : argv[optind - 1]);
            cmd->usage(stderr);
            return EXIT_USAGE;
        }
        *fmt = (cli_format)known;
    }
    if (optind != argc - 1)
        return cli_bad_usage(cmd->name, cmd->usage,
                             optind == argc ? "缺少台账文件"
                                            : "一次只能处理一个台账");
    return -1;
}

/* Derive the facts of the valid ledger L (the file PATH) and print them as
   CMD renders them in FMT on stdout; problems go to stderr. *RC gets the
   exit status CMD gives the facts. */
static zb_status print_facts(const cli_facts_command *cmd, const zb_ledger *l,
                             const char *path, cli_format fmt, int *rc)
{
    zb_diags diags = {0};
    zb_facts *facts = NULL;
    zb_buf out = {0};
    zb_status st = facts_derive(l, path, &facts, &diags);
    if (st == ZB_OK)
        st = cmd->render(facts, path, fmt, &out);
    if (st == ZB_OK && (fwrite(out.data, 1, out.len, stdout) != out.len ||
                        fflush(stdout) != 0)) {
        st = ZB_ERR_IO;
        diags_add(&diags, NULL, 0, 0, DIAG_ERROR, NULL, "无法写出结果");
    }
    if (st == ZB_OK && cmd->exit_status)
        *rc = cmd->exit_status(facts);
    if (st == ZB_ERR_NOMEM)
        diags_add(&diags, path, 0, 0, DIAG_ERROR, NULL, "%s",
                  status_describe(st));
    diags_print(&diags, stderr);
    diags_free(&diags);
    buf_free(&out);
    facts_free(facts);
    return st;
}

int cli_run_facts(const cli_facts_command *cmd, int argc, char **argv)
{
    cli_format fmt = CLI_FORMAT_TEXT;
    int rc = parse_format(cmd, argc, argv, &fmt);
    if (rc >= 0)
        return rc;
    zb_schema *schema;
    if (cli_open_schema(&schema) != ZB_OK)
        return EXIT_USAGE;
    zb_front front;
    rc = EXIT_VALID;
    zb_status st = cli_load_ledger(schema, argv[optind], &front, stderr, 0);
    if (st == ZB_OK)
        st = print_facts(cmd, front.ledger, argv[optind], fmt, &rc);
    front_free(&front);
    schema_close(schema);
    return st == ZB_OK ? rc : cli_exit_code(st);
}
