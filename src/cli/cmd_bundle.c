/*
 * cmd_bundle.c - `zhengban bundle LEDGER -o FILE.zip`: the submission
 * bundle for the county copyright bureau (bundle.h), made in a worker
 * process so that Ctrl-C or kill leaves no scratch file behind.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../batch/interrupt.h"
#include "../batch/pool.h"
#include "../bundle/bundle.h"
#include "../core/buf.h"
#include "../core/datadir.h"
#include "../core/fileio.h"
#include "cli.h"

static void usage(FILE *out)
{
    fputs(
        "用法：zhengban bundle [选项] 台账.xml -o 报送包.zip\n"
        "先像 check 一样检查台账，再生成报送县版权局的报送包：一个 zip 文件，\n"
        "其中一个目录“单位名称-年度/”，含年度工作总结报告 PDF、附件5 信息统计表\n"
        "PDF 与 XLSX、其他各附件表格 PDF、推导的数据 facts.xml（符合\n"
        "forms/facts.xsd）和 SHA256SUMS（每个文件与台账本身的 SHA-256）。\n"
        "软件序列号只显示最后 5 个字符。同一台账总是得到字节相同的报送包；\n"
        "内容没有变化时不重写。\n\n"
        "选项：\n"
        "  -o, --output 文件   报送包（.zip）\n"
        "      --with-serials  保留完整的软件序列号\n"
        "      --fonts 文件    字体配置文件（同 build）\n"
        "  -q, --quiet         只报告错误\n"
        "  -h, --help          显示本帮助\n\n"
        "退出状态：0 已生成；1 台账不符合规则；2 用法错误、文件读写或生成失败；\n"
        "130、143 被 Ctrl-C 或 kill 中断。\n",
        out);
}

typedef struct bundle_args {
    const char *ledger;
    const char *output;
    const char *fonts;
    bool with_serials;
    bool quiet;
} bundle_args;

/* Parse the options into A; returns -1 to go on, else an exit code. */
static int parse_args(int argc, char **argv, bundle_args *a)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"with-serials", no_argument, NULL, 's'},
        {"fonts", required_argument, NULL, 'f'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qh", options, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout);
            return EXIT_VALID;
        case 'o':
            a->output = optarg;
            break;
        case 's':
            a->with_serials = true;
            break;
        case 'f':
            a->fonts = optarg;
            break;
        case 'q':
            a->quiet = true;
            break;
        default:
            return cli_bad_usage("bundle", usage,
                                 c == ':' ? "选项缺少参数" : "未知选项");
        }
    }
    if (optind == argc)
        return cli_bad_usage("bundle", usage, "缺少台账文件");
    if (optind < argc - 1)
        return cli_bad_usage("bundle", usage, "一次只能为一个台账生成报送包");
    if (!a->output || !*a->output)
        return cli_bad_usage("bundle", usage, "缺少报送包文件名（-o 文件.zip）");
    a->ledger = argv[optind];
    return -1;
}

enum { MSG_CHANGED = 1 }; /* the bundle was written (its bytes changed) */

typedef struct bundle_run {
    const zb_builder *builder;
    const bundle_args *args;
    zb_status status;
    bool changed;
} bundle_run;

/* A new scratch folder under $TMPDIR (or /tmp); NULL on failure. */
static char *make_scratch(zb_diags *diags)
{
    const char *tmp = getenv("TMPDIR");
    zb_buf b = {0};
    buf_printf(&b, "%s/zhengban-bundle-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    char *path = buf_detach(&b);
    if (path && !mkdtemp(path)) {
        diags_add(diags, path, 0, 0, DIAG_ERROR, NULL, "无法建立临时目录");
        free(path);
        return NULL;
    }
    return path;
}

/* The folder that will hold the file PATH, made when missing. */
static zb_status make_parent(const char *path, zb_diags *diags)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return ZB_OK;
    char *dir = strndup(path, (size_t)(slash - path));
    zb_status st = dir ? file_make_dirs(dir, diags) : ZB_ERR_NOMEM;
    free(dir);
    return st;
}

static zb_status work(size_t job, pool_link *link, void *arg)
{
    (void)job;
    const bundle_run *r = arg;
    const bundle_args *a = r->args;
    zb_diags diags = {0};
    build_input in;
    char *scratch = NULL;
    bool changed = false;
    zb_status st = build_load(r->builder, a->ledger, NULL, &in, &diags);
    if (st == ZB_OK)
        st = make_parent(a->output, &diags);
    if (st == ZB_OK && !(scratch = make_scratch(&diags)))
        st = ZB_ERR_IO;
    if (st == ZB_OK) {
        pool_scratch(link, scratch);
        st = bundle_write(r->builder, &in, a->ledger, a->with_serials, scratch,
                          a->output, &changed, &diags);
        file_remove_dir(scratch);
    }
    build_input_free(&in);
    free(scratch);
    pool_send_diags(link, &diags);
    diags_free(&diags);
    if (changed)
        pool_send(link, MSG_CHANGED, "", 0);
    return st;
}

static int on_message(size_t job, int type, const char *data, size_t len,
                      void *arg)
{
    (void)job, (void)data, (void)len;
    bundle_run *r = arg;
    r->changed = type == MSG_CHANGED;
    return 0;
}

static void on_ended(size_t job, const pool_end *end, zb_diags *diags,
                     void *arg)
{
    (void)job;
    bundle_run *r = arg;
    r->status = end->finished ? end->status : ZB_ERR_RENDER;
    if (!end->finished)
        diags_add(diags, r->args->ledger, 0, 0, DIAG_ERROR, NULL,
                  end->signal == SIGINT || end->signal == SIGTERM
                      ? "生成报送包被中断，未写出报送包"
                      : "生成报送包的工作进程异常终止，未写出报送包");
    if (diags->count)
        cli_report(diags, r->args->ledger, stderr);
}

int cmd_bundle(int argc, char **argv)
{
    bundle_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    zb_diags diags = {0};
    char *datadir = NULL;
    zb_builder *builder = NULL;
    zb_status st = datadir_find(&datadir, &diags);
    if (st == ZB_OK)
        st = build_open(datadir, CATALOG_PDF | CATALOG_XLSX, a.fonts, &diags,
                        &builder);
    free(datadir);
    if (st == ZB_OK && interrupt_catch() != ZB_OK)
        st = ZB_ERR_IO;
    if (st != ZB_OK) {
        diags_print(&diags, stderr);
        diags_free(&diags);
        build_close(builder);
        return EXIT_USAGE;
    }
    bundle_run r = {builder, &a, ZB_OK, false};
    pool_hooks hooks = {.work = work, .message = on_message,
                        .ended = on_ended, .arg = &r};
    int sig = pool_run(1, 1, &hooks);
    if (!sig && r.status == ZB_OK && !a.quiet)
        printf(r.changed ? "已写出 %s\n" : "%s 内容相同，未重写\n", a.output);
    interrupt_release();
    build_close(builder);
    return sig ? 128 + sig : cli_exit_code(r.status);
}
