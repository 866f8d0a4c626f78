/*
 * cmd_render.c - `zhengban render LAYOUT -o OUT...`: draw a layout document
 * (forms/layout.xsd). Each -o names an output whose file extension chooses
 * the format; the layout is read once for all of them.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../parse/xml_load.h"
#include "../render/layout.h"
#include "../render/xlsx.h"
#include "cli.h"

/* The output formats, by file extension. */
static const struct output_format {
    const char *ext;
    zb_status (*render)(const lo_document *doc, const char *path,
                        zb_diags *diags);
} formats[] = {
    {".xlsx", xlsx_render_doc},
};

#define FORMAT_COUNT (sizeof formats / sizeof formats[0])

static const struct output_format *format_for(const char *path)
{
    size_t len = strlen(path);
    for (size_t i = 0; i < FORMAT_COUNT; i++) {
        size_t n = strlen(formats[i].ext);
        if (len > n && !strcasecmp(path + len - n, formats[i].ext))
            return &formats[i];
    }
    return NULL;
}

static void print_extensions(FILE *out)
{
    for (size_t i = 0; i < FORMAT_COUNT; i++)
        fprintf(out, "%s%s", i ? "、" : "", formats[i].ext);
}

static void usage(FILE *out)
{
    fputs("用法：zhengban render 版面文件 -o 输出文件 [-o 输出文件...]\n"
          "把版面文档（forms/layout.xsd）生成为可打印的文件，格式由输出文件的"
          "扩展名决定（", out);
    print_extensions(out);
    fputs("）。\n\n"
          "  -o, --output 文件   输出文件；可写多个，一次生成几种格式\n"
          "  -h, --help          显示本帮助\n", out);
}

/* Read the layout document PATH into *DOC. */
static zb_status read_layout(const char *path, zb_diags *diags,
                             lo_document **doc)
{
    xmlDocPtr xml;
    zb_status st = xml_load_file(path, diags, &xml);
    if (st != ZB_OK)
        return st;
    st = layout_read_doc(xml, path, diags, doc);
    xmlFreeDoc(xml);
    return st;
}

/* Check that every output has a known extension. */
static int check_outputs(char **outputs, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (format_for(outputs[i]))
            continue;
        fprintf(stderr, "zhengban: 不认识输出文件 “%s” 的格式（可用的扩展名："
                        "", outputs[i]);
        print_extensions(stderr);
        fputs("）\n", stderr);
        return 0;
    }
    return 1;
}

static int render(const char *layout, char **outputs, size_t count)
{
    zb_diags diags = {0};
    lo_document *doc = NULL;
    zb_status st = read_layout(layout, &diags, &doc);
    for (size_t i = 0; st == ZB_OK && i < count; i++)
        st = format_for(outputs[i])->render(doc, outputs[i], &diags);
    diags_sort(&diags);
    diags_print(&diags, stderr);
    if (st != ZB_OK && !diags.errors)
        fprintf(stderr, "zhengban: %s\n", status_describe(st));
    layout_free_doc(doc);
    diags_free(&diags);
    return cli_exit_code(st);
}

int cmd_render(int argc, char **argv)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    char **outputs = calloc((size_t)argc, sizeof *outputs);
    size_t count = 0;
    int c, rc = -1;
    if (!outputs)
        return EXIT_USAGE;
    while (rc < 0 && (c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        if (c == 'o')
            outputs[count++] = optarg;
        else if (c == 'h')
            usage(stdout), rc = EXIT_VALID;
        else
            rc = EXIT_USAGE;
    }
    if (rc < 0 && (optind != argc - 1 || !count)) {
        usage(stderr);
        rc = EXIT_USAGE;
    }
    if (rc < 0 && !check_outputs(outputs, count))
        rc = EXIT_USAGE;
    if (rc < 0)
        rc = render(argv[optind], outputs, count);
    free(outputs);
    return rc;
}
