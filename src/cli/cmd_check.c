/*
 * cmd_check.c - `zhengban check LEDGER...`: report every problem of each
 * ledger like a compiler, errors first, then warnings, each group sorted by
 * position; the first time a rule is broken in a file, a note quotes its
 * article.
 */
#include <getopt.h>
#include <stdio.h>

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

/* Check one ledger, with its stage timings on stderr when TIMINGS;
   returns its exit status. */
static int check_one(const zb_schema *schema, const char *path, int timings)
{
    zb_front front;
    zb_status st = cli_load_ledger(schema, path, &front, stdout, 1);
    if (timings)
        timings_print(&front.timings, path, stderr);
    front_free(&front);
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
    if (optind == argc)
        return cli_bad_usage("check", usage, "缺少要检查的台账文件");
    zb_schema *schema;
    if (cli_open_schema(&schema) != ZB_OK)
        return EXIT_USAGE;
    int rc = EXIT_VALID;
    for (int i = optind; i < argc; i++) {
        int one = check_one(schema, argv[i], timings);
        if (one > rc)
            rc = one;
    }
    schema_close(schema);
    return rc;
}
