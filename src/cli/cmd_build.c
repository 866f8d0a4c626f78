/*
 * cmd_build.c - `zhengban build LEDGER -o DIR`: check the ledger, then write
 * every form of the catalogue as PDF and XLSX into DIR, naming each file as
 * it is written.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/datadir.h"
#include "../forms/build.h"
#include "cli.h"

static void usage(FILE *out)
{
    fputs(
        "用法：zhengban build [选项] 台账.xml -o 目录\n"
        "先像 check 一样检查台账：有错误时列出全部问题，不写任何文件。通过后\n"
        "生成表格目录（forms/catalog.xml）中的每张表，PDF 与 XLSX 各一份，\n"
        "文件名如 附件05-软件正版化工作信息统计表.pdf；再把台账中的每份公文\n"
        "排成红头文件 公文-标识.pdf（GB/T 9704，只有 PDF）。写好一个列出一个。\n\n"
        "选项：\n"
        "  -o, --output 目录   输出目录（不存在时创建）\n"
        "      --forms 列表    只生成这些表或公文：附件编号、表格名称或公文标识，\n"
        "                      逗号分隔，如 --forms 5,7、statistics 或 report-2023\n"
        "      --format 格式   只生成一种格式：pdf 或 xlsx；layout 写出样式表生成的\n"
        "                      版面文档（附件NN-标题.layout.xml，供样式表作者检查，\n"
        "                      可用 zhengban render 排版）\n"
        "      --blank         生成空白表格，供手工填写（不生成公文）\n"
        "      --preprinted    公文用预印红头纸：不印发文机关标志和红色分隔线\n"
        "      --fonts 文件    字体配置文件（默认 $XDG_CONFIG_HOME/zhengban/fonts.conf、\n"
        "                      /etc/zhengban/fonts.conf，都没有时用内置默认字体）\n"
        "      --timings       在标准错误上列出各阶段用时（准备、读入、解析、校验、\n"
        "                      读取模型、台账规则、推导、XSLT、版面、PDF、XLSX）\n"
        "  -h, --help          显示本帮助\n\n"
        "退出状态：0 全部写出（台账可有警告）；1 台账有错误；2 用法错误、"
        "文件读写或生成失败。\n",
        out);
}

typedef struct build_args {
    build_job job;
    const char *fonts;
    bool timings;      /* --timings */
} build_args;

static int bad_usage(const char *why)
{
    fprintf(stderr, "zhengban build: %s\n\n", why);
    usage(stderr);
    return EXIT_USAGE;
}

/* Parse the options into A; returns -1 to go on, else an exit code. */
static int parse_args(int argc, char **argv, build_args *a)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"forms", required_argument, NULL, 'F'},
        {"format", required_argument, NULL, 't'},
        {"blank", no_argument, NULL, 'b'},
        {"preprinted", no_argument, NULL, 'P'},
        {"fonts", required_argument, NULL, 'f'},
        {"timings", no_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    a->job.formats = CATALOG_PDF | CATALOG_XLSX;
    while ((c = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout);
            return EXIT_VALID;
        case 'o':
            a->job.dir = optarg;
            break;
        case 'F':
            a->job.forms = optarg;
            break;
        case 't':
            if (!strcmp(optarg, "pdf"))
                a->job.formats = CATALOG_PDF;
            else if (!strcmp(optarg, "xlsx"))
                a->job.formats = CATALOG_XLSX;
            else if (!strcmp(optarg, "layout"))
                a->job.formats = BUILD_LAYOUT;
            else
                return bad_usage("--format 只能是 pdf、xlsx 或 layout");
            break;
        case 'b':
            a->job.blank = true;
            break;
        case 'P':
            a->job.preprinted = true;
            break;
        case 'f':
            a->fonts = optarg;
            break;
        case 'T':
            a->timings = true;
            break;
        default:
            return bad_usage(c == ':' ? "选项缺少参数" : "未知选项");
        }
    }
    if (optind == argc)
        return bad_usage("缺少台账文件");
    if (optind < argc - 1)
        return bad_usage("一次只能生成一个台账");
    if (!a->job.dir || !*a->job.dir)
        return bad_usage("缺少输出目录（-o 目录）");
    a->job.ledger = argv[optind];
    return -1;
}

static void print_written(const char *path, void *arg)
{
    size_t *count = arg;
    (*count)++;
    printf("%s\n", path);
    fflush(stdout);
}

int cmd_build(int argc, char **argv)
{
    build_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    size_t written = 0;
    a.job.written = print_written;
    a.job.arg = &written;
    zb_diags diags = {0};
    char *datadir = NULL;
    zb_builder *builder = NULL;
    zb_timings timings = {0};
    a.job.timings = &timings;
    double start = timing_now();
    zb_status st = datadir_find(&datadir, &diags);
    if (st == ZB_OK)
        st = build_open(datadir, a.job.formats, a.fonts, &diags, &builder);
    timings_add(&timings, "setup", start);
    free(datadir);
    if (st != ZB_OK) {
        diags_print(&diags, stderr);
        diags_free(&diags);
        return EXIT_USAGE;
    }
    st = build_ledger(builder, &a.job, &diags);
    if (diags.count)
        cli_report(&diags, a.job.ledger, stderr);
    if (written)
        printf("共写出 %zu 个文件\n", written);
    if (a.timings)
        timings_print(&timings, a.job.ledger, stderr);
    diags_free(&diags);
    build_close(builder);
    return cli_exit_code(st);
}
