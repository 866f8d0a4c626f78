/*
 * cmd_build.c - `zhengban build LEDGER... -o DIR`: check each ledger, then
 * write every form of the catalogue as PDF and XLSX, and the ledger's
 * red-header documents, into DIR/<unit>-<year>/, several ledgers at once;
 * with --watch, again each time a ledger is saved.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../batch/batch.h"
#include "../batch/interrupt.h"
#include "../batch/progress.h"
#include "../batch/watch.h"
#include "../core/buf.h"
#include "../core/datadir.h"
#include "../core/lifetime.h"
#include "cli.h"

static void usage(FILE *out)
{
    fputs(
        "用法：zhengban build [选项] 台账.xml... -o 目录\n"
        "先像 check 一样检查每个台账：有错误时列出全部问题，不写这个台账的任何\n"
        "文件，其他台账照常生成。通过后把表格目录（forms/catalog.xml）中的每张表\n"
        "生成 PDF 与 XLSX 各一份，文件名如 附件05-软件正版化工作信息统计表.pdf；\n"
        "再把台账中的每份公文排成红头文件 公文-标识.pdf（GB/T 9704，只有 PDF）。\n"
        "每个台账写入 目录/单位名称-年度/，并在其中写 SHA256SUMS（每个文件与台账\n"
        "本身的 SHA-256）。内容没有变化的文件不重写（修改时间不变）；上次生成、\n"
        "这次不再生成的文件删除；目录中的其他文件一概不动。先写入临时目录，全部\n"
        "生成后才换入，中断（Ctrl-C、kill）时目录保持上次生成的样子。\n\n"
        "选项：\n"
        "  -o, --output 目录   输出目录（不存在时创建）\n"
        "  -j, --jobs N        同时生成 N 个台账（默认为处理器核数）；台账比 N 少时，\n"
        "                      多出的进程帮助生成同一台账的各张表\n"
        "      --watch         生成后继续监视台账，每次保存后重新生成，出错时报告\n"
        "                      并继续监视；按 Ctrl-C 结束\n"
        "  -q, --quiet         不显示进度、文件清单和汇总，只报告错误\n"
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
        "                      读取模型、台账规则、推导、XSLT、版面、PDF、XLSX、\n"
        "                      换入输出目录）\n"
        "  -h, --help          显示本帮助\n\n"
        "只生成部分表格或格式（--forms、--format）时不删除任何文件。\n"
        "在终端上显示进度条（已完成的台账、已生成的表、用时）；最后列出\n"
        "“N 个已更新，M 个未变，K 个已删除”。\n\n"
        "退出状态：0 全部生成（台账可有警告）；1 有台账不符合规则；2 用法错误、\n"
        "文件读写或生成失败；130、143 被 Ctrl-C 或 kill 中断。--watch 被中断时为 0。\n",
        out);
}

typedef struct build_args {
    batch_opts opts;
    const char *fonts;
    bool timings; /* --timings */
    bool quiet;   /* -q */
    bool watch;   /* --watch */
} build_args;

/* The number of workers -j gives: a whole number from 1 to 256. */
static int parse_jobs(const char *text, unsigned *out)
{
    char *end;
    long n = strtol(text, &end, 10);
    if (*text < '0' || *text > '9' || *end || n < 1 || n > 256)
        return 0;
    *out = (unsigned)n;
    return 1;
}

/* Parse the options into A; returns -1 to go on, else an exit code. */
static int parse_args(int argc, char **argv, build_args *a)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},
        {"watch", no_argument, NULL, 'w'},
        {"quiet", no_argument, NULL, 'q'},
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
    batch_opts *o = &a->opts;
    o->formats = CATALOG_PDF | CATALOG_XLSX;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o->workers = cores > 0 ? (unsigned)cores : 1;
    while ((c = getopt_long(argc, argv, ":o:j:qh", options, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout);
            return EXIT_VALID;
        case 'o':
            o->dir = optarg;
            break;
        case 'j':
            if (!parse_jobs(optarg, &o->workers))
                return cli_bad_usage("build", usage, "-j 应为 1 到 256 之间的整数");
            break;
        case 'w':
            a->watch = true;
            break;
        case 'q':
            a->quiet = true;
            break;
        case 'F':
            o->forms = optarg;
            break;
        case 't':
            if (!strcmp(optarg, "pdf"))
                o->formats = CATALOG_PDF;
            else if (!strcmp(optarg, "xlsx"))
                o->formats = CATALOG_XLSX;
            else if (!strcmp(optarg, "layout"))
                o->formats = BUILD_LAYOUT;
            else
                return cli_bad_usage("build", usage,
                                     "--format 只能是 pdf、xlsx 或 layout");
            break;
        case 'b':
            o->blank = true;
            break;
        case 'P':
            o->preprinted = true;
            break;
        case 'f':
            a->fonts = optarg;
            break;
        case 'T':
            a->timings = true;
            break;
        default:
            return cli_bad_usage("build", usage, c == ':' ? "选项缺少参数" : "未知选项");
        }
    }
    if (optind == argc)
        return cli_bad_usage("build", usage, "缺少台账文件");
    if (!o->dir || !*o->dir)
        return cli_bad_usage("build", usage, "缺少输出目录（-o 目录）");
    o->ledgers = (const char *const *)argv + optind;
    o->count = (size_t)(argc - optind);
    return -1;
}

/* ------------------------------------------------------------ showing */

/* What a run shows, and its counts. */
typedef struct build_view {
    const batch_opts *opts;
    zb_progress progress;
    bool quiet;
    size_t updated, unchanged, removed;
    size_t built;
    zb_buf failed;    /* the ledgers that failed, "、"-separated */
    size_t nfailed;
    int exit_code;    /* the worst so far */
} build_view;

static void on_form(size_t ledger, void *arg)
{
    (void)ledger;
    build_view *v = arg;
    if (!v->quiet)
        progress_form(&v->progress);
}

static void on_file(size_t ledger, const char *path, outdir_change change,
                    void *arg)
{
    (void)ledger;
    build_view *v = arg;
    if (change == OUTDIR_UNCHANGED) {
        v->unchanged++;
        return;
    }
    if (change == OUTDIR_UPDATED)
        v->updated++;
    else
        v->removed++;
    if (!v->quiet)
        progress_print(&v->progress, "%s%s",
                       change == OUTDIR_REMOVED ? "已删除 " : "", path);
}

static void on_done(size_t ledger, zb_status status, zb_diags *diags,
                    const char *timings, void *arg)
{
    build_view *v = arg;
    const char *path = v->opts->ledgers[ledger];
    progress_clear(&v->progress);
    if (diags->count)
        cli_report(diags, path, stderr);
    if (timings)
        fputs(timings, stderr);
    fflush(stderr);
    if (status == ZB_OK) {
        v->built++;
    } else {
        buf_printf(&v->failed, "%s%s", v->nfailed++ ? "、" : "", path);
        int code = cli_exit_code(status);
        v->exit_code = code > v->exit_code ? code : v->exit_code;
    }
    if (!v->quiet)
        progress_ledger(&v->progress);
}

static void on_tick(void *arg)
{
    build_view *v = arg;
    if (!v->quiet)
        progress_tick(&v->progress);
}

/* Build the ledgers of O, showing it through V; the exit status. */
static int run(const zb_builder *b, const batch_opts *o, build_view *v)
{
    *v = (build_view){.opts = o, .quiet = v->quiet};
    progress_start(&v->progress, stdout, o->count);
    batch_events events = {on_form, on_file, on_done, on_tick, v};
    int sig = batch_build(b, o, &events);
    progress_clear(&v->progress);
    if (!v->quiet) {
        printf("%zu 个台账：%zu 个已生成", o->count, v->built);
        if (v->nfailed)
            printf("，%zu 个失败（%s）", v->nfailed, buf_str(&v->failed));
        printf("\n文件：%zu 个已更新，%zu 个未变，%zu 个已删除\n", v->updated,
               v->unchanged, v->removed);
        fflush(stdout);
    }
    buf_free(&v->failed);
    return sig ? 128 + sig : v->exit_code;
}

/* Build the ledgers of O, then again each time some are saved, until
   Ctrl-C or kill. */
static int watch(const zb_builder *b, batch_opts *o, build_view *v)
{
    zb_diags diags = {0};
    zb_watch *w = NULL;
    bool *saved = calloc(o->count, sizeof *saved);
    const char **some = calloc(o->count, sizeof *some);
    zb_status st = saved && some ? watch_open(o->ledgers, o->count, &diags, &w)
                                 : ZB_ERR_NOMEM;
    if (st != ZB_OK) {
        diags_print(&diags, stderr);
        diags_free(&diags);
        free(saved);
        free(some);
        return EXIT_USAGE;
    }
    batch_opts round = *o;
    round.ledgers = some;
    int rc = run(b, o, v);
    while (rc < 128) {
        if (!v->quiet) {
            printf("正在监视 %zu 个台账，保存后重新生成；按 Ctrl-C 结束\n",
                   o->count);
            fflush(stdout);
        }
        if (!watch_wait(w, saved))
            break;
        round.count = 0;
        for (size_t i = 0; i < o->count; i++)
            if (saved[i])
                some[round.count++] = o->ledgers[i];
        rc = run(b, &round, v);
    }
    watch_close(w);
    free(saved);
    free(some);
    return 0;
}

int cmd_build(int argc, char **argv)
{
    build_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    zb_diags diags = {0};
    char *datadir = NULL;
    zb_builder *builder = NULL;
    zb_timings timings = {0};
    double start = timing_now();
    zb_status st = datadir_find(&datadir, &diags);
    if (st == ZB_OK)
        st = build_open(datadir, a.opts.formats, a.fonts, &diags, &builder);
    timings_add(&timings, "setup", start);
    free(datadir);
    if (st == ZB_OK && interrupt_catch() != ZB_OK)
        st = ZB_ERR_IO;
    if (st != ZB_OK) {
        diags_print(&diags, stderr);
        diags_free(&diags);
        build_close(builder);
        return EXIT_USAGE;
    }
    a.opts.timings = a.timings ? &timings : NULL;
    build_view view = {.quiet = a.quiet};
    rc = a.watch ? watch(builder, &a.opts, &view)
                 : run(builder, &a.opts, &view);
    interrupt_release();
    if (LIFETIME_FREE_AT_EXIT) /* the process ends after this */
        build_close(builder);
    return rc;
}
