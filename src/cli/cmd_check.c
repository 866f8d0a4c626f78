/*
 * cmd_check.c - `zhengban check LEDGER...`: report every problem of each
 * ledger like a compiler, errors first, then warnings, each group sorted by
 * position; the first time a rule is broken in a file, a note quotes its
 * article.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/datadir.h"
#include "../pipeline/front.h"
#include "../rules/rules.h"
#include "cli.h"

static void usage(FILE *out)
{
    fputs(
        "用法：zhengban check [选项] 台账.xml...\n"
        "按台账模式和台账规则检查每个台账，像编译器一样列出全部问题：\n"
        "  台账.xml:行:列: error: 说明 [规则编号]\n"
        "先列错误，再列警告；每条规则第一次出现时附上所依据的条款原文。\n\n"
        "选项：\n"
        "  --rules      列出全部台账规则（编号、级别、条款）\n"
        "  --timings    在标准错误上列出各阶段用时（读入、解析、校验、读取模型、\n"
        "               台账规则），供性能测量\n"
        "  -h, --help   显示本帮助\n"
        "  --version    显示版本\n\n"
        "退出状态：0 台账有效（可有警告）；1 有错误；2 用法错误或文件无法读取。\n",
        out);
}

static void print_rules(FILE *out)
{
    size_t count;
    const zb_rule *rules = rules_ledger(&count);
    for (size_t i = 0; i < count; i++)
        fprintf(out, "%-17s %-7s %s%s%s\n", rules[i].id,
                rules[i].severity == DIAG_WARNING ? "warning" : "error",
                rules[i].text, rules[i].article ? " 依据" : "",
                rules[i].article ? rules[i].article : "");
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

static void report(zb_diags *diags, const char *path, FILE *out)
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

/* Check one ledger, with its stage timings on stderr when TIMINGS;
   returns its exit status. */
static int check_one(const zb_schema *schema, const char *path, int timings)
{
    zb_diags diags = {0};
    zb_front front;
    zb_status st = front_load_file(schema, path, &front, &diags);
    if (st == ZB_ERR_NOMEM)
        diags_add(&diags, path, 0, 0, DIAG_ERROR, NULL, "%s",
                  status_describe(st));
    report(&diags, path, stdout);
    if (timings)
        timings_print(&front.timings, path, stderr);
    front_free(&front);
    diags_free(&diags);
    return cli_exit_code(st);
}

int cmd_check(int argc, char **argv)
{
    static const struct option options[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"rules", no_argument, NULL, 'r'},
        {"timings", no_argument, NULL, 't'},
        {NULL, 0, NULL, 0},
    };
    int c, timings = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout);
            return EXIT_VALID;
        case 'V':
            printf("zhengban %s\n", ZB_VERSION);
            return EXIT_VALID;
        case 'r':
            print_rules(stdout);
            return EXIT_VALID;
        case 't':
            timings = 1;
            break;
        default:
            fprintf(stderr, "zhengban check: 未知选项“%s”\n\n",
                    argv[optind - 1]);
            usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (optind == argc) {
        fputs("zhengban check: 缺少要检查的台账文件\n\n", stderr);
        usage(stderr);
        return EXIT_USAGE;
    }
    zb_diags diags = {0};
    char *datadir = NULL;
    zb_schema *schema = NULL;
    zb_status st = datadir_find(&datadir, &diags);
    if (st == ZB_OK)
        st = schema_open(datadir, &schema, &diags);
    free(datadir);
    if (st != ZB_OK) {
        diags_print(&diags, stderr);
        diags_free(&diags);
        return EXIT_USAGE;
    }
    int rc = EXIT_VALID;
    for (int i = optind; i < argc; i++) {
        int one = check_one(schema, argv[i], timings);
        if (one > rc)
            rc = one;
    }
    schema_close(schema);
    return rc;
}
