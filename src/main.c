/*
 * main.c - `zhengban COMMAND ...`: find the command and run it.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/hugepages.h"
#include "parse/xml_load.h"

#ifndef ZB_VERSION
#define ZB_VERSION "0.0.0"
#endif

static const zb_command commands[] = {
    {"audit", "检查软件正版化合规情况：列出问题和违反的条款，评定各股室等级", cmd_audit},
    {"check", "检查台账，像编译器一样列出全部问题", cmd_check},
    {"build", "检查台账并生成全部附件表格（PDF 与 XLSX）", cmd_build},
    {"bundle", "生成报送县版权局的报送包（zip：总结报告、各表、数据、SHA256SUMS）", cmd_bundle},
    {"aggregate", "县版权局汇总各单位的报送包：全县统计表与分单位情况表", cmd_aggregate},
    {"render", "把版面文档排成可打印的 PDF 或 XLSX（格式由扩展名决定）", cmd_render},
    {"stats", "列出台账推导的数字：附件5 统计表、安装数量等（文本、XML、JSON）", cmd_stats},
    {NULL, NULL, NULL}
};

static void print_usage(FILE *out)
{
    fputs("用法：zhengban 命令 [选项] [参数...]\n"
          "软件正版化台账编译器：检查台账，生成《正版软件管理工作指南》附件表格、"
          "信息统计表和红头文件（PDF 与 XLSX）。\n\n命令：\n", out);
    for (const zb_command *c = commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fputs("\n  zhengban 命令 --help   查看该命令的用法\n"
          "  zhengban --version    显示版本\n", out);
}

int main(int argc, char **argv)
{
    setlocale(LC_CTYPE, "");
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        print_usage(stdout);
        return EXIT_VALID;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("zhengban %s\n", ZB_VERSION);
        return EXIT_VALID;
    }
    for (const zb_command *c = commands; c->name; c++) {
        if (strcmp(argv[1], c->name))
            continue;
        hugepages_restart(argv);
        xml_init();
        int rc = c->run(argc - 1, argv + 1);
        xml_cleanup();
        return rc;
    }
    fprintf(stderr, "zhengban: 未知命令“%s”\n\n", argv[1]);
    print_usage(stderr);
    return EXIT_USAGE;
}
