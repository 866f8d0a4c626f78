/*
 * cmd_render.c - `zhengban render LAYOUT.xml -o OUT.pdf [-o OUT.xlsx]`:
 * render a layout document directly (for stylesheet authors and tests).
 *
 * The output format follows the extension of each -o file; a format is one
 * entry in the table below.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/datadir.h"
#include "../core/diag.h"
#include "../forms/transform.h"
#include "../parse/xml_load.h"
#include "../render/layout.h"
#include "../render/pdf_render.h"
#include "../render/xlsx.h"
#include "cli.h"

#define MAX_OUTPUTS 8
#define MAX_PARAMS 8

/* What the renderers of one run share: the fonts, loaded on first use; the
   stylesheet that makes the layout, if any. */
typedef struct render_env {
    const char *fonts_file;  /* --fonts, or NULL */
    pdf_fonts *fonts;
    const char *xsl;         /* --xsl, or NULL */
    const char *params[2 * MAX_PARAMS + 1];  /* name, value, ..., NULL */
    size_t param_count;
} render_env;

static zb_status render_pdf(const lo_document *doc, render_env *env,
                            const char *path, zb_diags *diags)
{
    if (!env->fonts) {
        zb_status st = pdf_fonts_load(env->fonts_file, diags, &env->fonts);
        if (st != ZB_OK)
            return st;
    }
    return pdf_render_doc(doc, env->fonts, path, diags);
}

static zb_status render_xlsx(const lo_document *doc, render_env *env,
                             const char *path, zb_diags *diags)
{
    (void)env;
    return xlsx_render_doc(doc, path, diags);
}

static const struct {
    const char *ext;
    zb_status (*render)(const lo_document *, render_env *, const char *,
                        zb_diags *);
} formats[] = {
    {".pdf", render_pdf},
    {".xlsx", render_xlsx},
};

#define FORMAT_COUNT (sizeof formats / sizeof formats[0])

static void print_extensions(FILE *out)
{
    for (size_t i = 0; i < FORMAT_COUNT; i++)
        fprintf(out, "%s%s", i ? "、" : "", formats[i].ext);
}

/* The renderer for PATH's extension, or NULL. */
static zb_status (*format_of(const char *path))(const lo_document *,
                                                render_env *, const char *,
                                                zb_diags *)
{
    size_t len = strlen(path);
    for (size_t i = 0; i < FORMAT_COUNT; i++) {
        size_t n = strlen(formats[i].ext);
        if (len > n && !strcasecmp(path + len - n, formats[i].ext))
            return formats[i].render;
    }
    return NULL;
}

static void usage(FILE *out)
{
    fputs("用法：zhengban render [选项] LAYOUT.xml -o OUT.pdf [-o OUT.xlsx]\n"
          "      zhengban render --xsl SHEET.xsl [--param 名=值]... IN.xml -o OUT.pdf\n"
          "把版面文档（forms/layout.xsd）直接排成可打印的文件，格式由输出文件的"
          "扩展名决定（.pdf、.xlsx）；可给多个 -o，一次生成几种格式。给了 --xsl 时"
          "先用这个样式表把 IN.xml 变成版面文档（供样式表作者试排）。\n\n"
          "  -o, --output FILE   输出文件（可给多个）\n"
          "      --xsl FILE      先用这个样式表变换输入\n"
          "      --param 名=值   样式表参数（可给多个）\n"
          "      --fonts FILE    字体配置文件（默认 $XDG_CONFIG_HOME/zhengban/fonts.conf、\n"
          "                      /etc/zhengban/fonts.conf，都没有时用内置默认字体）\n"
          "  -h, --help          显示本帮助\n", out);
}

/* Parse the options into OUTPUTS; returns -1 to go on, else an exit code. */
static int parse_args(int argc, char **argv, const char **outputs,
                      size_t *count, render_env *env)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"fonts", required_argument, NULL, 'f'},
        {"xsl", required_argument, NULL, 'x'},
        {"param", required_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        if (c == 'h') {
            usage(stdout);
            return EXIT_VALID;
        }
        if (c == 'o' && *count < MAX_OUTPUTS) {
            outputs[(*count)++] = optarg;
        } else if (c == 'f') {
            env->fonts_file = optarg;
        } else if (c == 'x') {
            env->xsl = optarg;
        } else if (c == 'p' && strchr(optarg, '=') &&
                   env->param_count < MAX_PARAMS) {
            char *eq = strchr(optarg, '=');
            *eq = '\0';
            env->params[2 * env->param_count] = optarg;
            env->params[2 * env->param_count++ + 1] = eq + 1;
        } else {
            fprintf(stderr, "zhengban render: %s\n",
                    c == 'o'   ? "输出文件太多"
                    : c == 'p' ? "--param 应写成 名=值（最多 8 个）"
                               : "选项不对");
            usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (optind != argc - 1 || !*count) {
        usage(stderr);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < *count; i++)
        if (!format_of(outputs[i])) {
            fprintf(stderr, "zhengban render: 不知道怎样写 %s（可用的扩展名：",
                    outputs[i]);
            print_extensions(stderr);
            fputs("）\n", stderr);
            return EXIT_USAGE;
        }
    return -1;
}

/* Replace *XML by its transformation with the stylesheet of --xsl. */
static zb_status transform_input(const render_env *env, xmlDocPtr *xml,
                                 zb_diags *diags)
{
    char *datadir;
    zb_status st = datadir_find(&datadir, diags);
    if (st != ZB_OK)
        return st;
    zb_stylesheet *sheet = NULL;
    st = transform_load(env->xsl, datadir, diags, &sheet);
    free(datadir);
    xmlDocPtr out = NULL;
    if (st == ZB_OK)
        st = transform_apply(sheet, *xml, env->params, diags, &out);
    transform_free(sheet);
    if (st == ZB_OK) {
        xmlFreeDoc(*xml);
        *xml = out;
    }
    return st;
}

static zb_status render_all(const char *input, const char **outputs,
                            size_t count, render_env *env, zb_diags *diags)
{
    xmlDocPtr xml;
    zb_status st = xml_load_file(input, diags, &xml);
    if (st != ZB_OK)
        return st;
    if (env->xsl && (st = transform_input(env, &xml, diags)) != ZB_OK) {
        xmlFreeDoc(xml);
        return st;
    }
    lo_document *doc;
    st = layout_read_doc(xml, input, diags, &doc);
    xmlFreeDoc(xml);
    for (size_t i = 0; i < count && st == ZB_OK; i++)
        st = format_of(outputs[i])(doc, env, outputs[i], diags);
    layout_free_doc(doc);
    return st;
}

int cmd_render(int argc, char **argv)
{
    const char *outputs[MAX_OUTPUTS];
    size_t count = 0;
    render_env env = {0};
    int rc = parse_args(argc, argv, outputs, &count, &env);
    if (rc >= 0)
        return rc;
    zb_diags diags = {0};
    zb_status st = render_all(argv[optind], outputs, count, &env, &diags);
    diags_sort(&diags);
    diags_print(&diags, stderr);
    diags_free(&diags);
    pdf_fonts_free(env.fonts);
    return cli_exit_code(st);
}
