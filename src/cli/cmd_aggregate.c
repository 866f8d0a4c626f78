/*
 * cmd_aggregate.c - `zhengban aggregate BUNDLE... -o DIR`: the county's
 * roll-up of its units' submission bundles (aggregate.h), done in a
 * worker process so that Ctrl-C or kill leaves the folder as it was.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../batch/interrupt.h"
#include "../batch/pool.h"
#include "../county/aggregate.h"
#include "../core/datadir.h"
#include "cli.h"

static void usage(FILE *out)
{
    fputs(
        "用法：zhengban aggregate [选项] 报送包.zip... -o 目录\n"
        "县版权局汇总各单位的报送包（zhengban bundle 生成）：逐个核对报送包的\n"
        "SHA256SUMS，按 forms/facts.xsd 检查其中的数据，把各单位的附件5 数字\n"
        "相加（金额按分精确相加，万元由总额折算），在目录中写出：\n"
        "  汇总-软件正版化工作信息统计表.pdf、.xlsx   全县的附件5，版式同附件5\n"
        "  汇总-各单位软件正版化工作情况表.pdf、.xlsx 每个单位一行：人员、\n"
        "      计算机、本年度采购、累计拥有许可、考核等级和问题个数，末行合计\n"
        "  SHA256SUMS                                 以上文件与各报送包的 SHA-256\n"
        "内容没有变化的文件不重写。以下情况拒绝汇总，不写任何文件：报送包的\n"
        "校验值不符（生成后被改动过）、同一单位出现两次、各单位年度不同、数据\n"
        "是另一版本的格式。\n\n"
        "选项：\n"
        "  -o, --output 目录   输出目录（不存在时创建）\n"
        "      --unit 名称     汇总表的单位名称（默认“N 个单位汇总”）\n"
        "      --filler 姓名   填表人\n"
        "      --phone 电话    联系电话\n"
        "      --fonts 文件    字体配置文件（同 build）\n"
        "  -q, --quiet         只报告错误\n"
        "  -h, --help          显示本帮助\n\n"
        "退出状态：0 已汇总；1 有报送包被拒绝；2 用法错误、文件读写或生成失败；\n"
        "130、143 被 Ctrl-C 或 kill 中断。\n",
        out);
}

typedef struct aggregate_args {
    aggregate_job job;
    const char *fonts;
    bool quiet;
} aggregate_args;

/* Parse the options into A; returns -1 to go on, else an exit code. */
static int parse_args(int argc, char **argv, aggregate_args *a)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'},
        {"unit", required_argument, NULL, 'u'},
        {"filler", required_argument, NULL, 'F'},
        {"phone", required_argument, NULL, 'p'},
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
            a->job.dir = optarg;
            break;
        case 'u':
            a->job.header.unit = optarg;
            break;
        case 'F':
            a->job.header.filler = optarg;
            break;
        case 'p':
            a->job.header.phone = optarg;
            break;
        case 'f':
            a->fonts = optarg;
            break;
        case 'q':
            a->quiet = true;
            break;
        default:
            return cli_bad_usage("aggregate", usage,
                                 c == ':' ? "选项缺少参数" : "未知选项");
        }
    }
    if (optind == argc)
        return cli_bad_usage("aggregate", usage, "缺少报送包");
    if (!a->job.dir || !*a->job.dir)
        return cli_bad_usage("aggregate", usage, "缺少输出目录（-o 目录）");
    a->job.bundles = (const char *const *)argv + optind;
    a->job.count = (size_t)(argc - optind);
    return -1;
}

enum { MSG_FILE = 1 }; /* a file of the folder: the change, the name */

typedef struct aggregate_run {
    const zb_aggregator *aggregator;
    aggregate_args *args;
    zb_status status;
    size_t updated, unchanged, removed;
} aggregate_run;

static void send_staging(const char *path, void *arg)
{
    pool_scratch(arg, path);
}

static void send_file(const char *name, outdir_change change, void *arg)
{
    char line[1024];
    int n = snprintf(line, sizeof line, "%d%s", (int)change, name);
    if (n > 0 && (size_t)n < sizeof line)
        pool_send(arg, MSG_FILE, line, (size_t)n);
}

static zb_status work(size_t job, pool_link *link, void *arg)
{
    (void)job;
    aggregate_run *r = arg;
    aggregate_job j = r->args->job;
    j.staging = send_staging;
    j.report = send_file;
    j.arg = link;
    zb_diags diags = {0};
    zb_status st = aggregate_write(r->aggregator, &j, &diags);
    pool_send_diags(link, &diags);
    diags_free(&diags);
    return st;
}

static int on_message(size_t job, int type, const char *data, size_t len,
                      void *arg)
{
    (void)job;
    aggregate_run *r = arg;
    if (type == MSG_FILE && len > 1) {
        outdir_change change = (outdir_change)(data[0] - '0');
        r->updated += change == OUTDIR_UPDATED;
        r->unchanged += change == OUTDIR_UNCHANGED;
        r->removed += change == OUTDIR_REMOVED;
        if (change != OUTDIR_UNCHANGED && !r->args->quiet)
            printf("%s%s/%.*s\n", change == OUTDIR_REMOVED ? "已删除 " : "",
                   r->args->job.dir, (int)(len - 1), data + 1);
    }
    return 0;
}

static void on_ended(size_t job, const pool_end *end, zb_diags *diags,
                     void *arg)
{
    (void)job;
    aggregate_run *r = arg;
    r->status = end->finished ? end->status : ZB_ERR_RENDER;
    if (!end->finished)
        diags_add(diags, NULL, 0, 0, DIAG_ERROR, NULL,
                  end->signal == SIGINT || end->signal == SIGTERM
                      ? "汇总被中断，输出目录保持原样"
                      : "汇总的工作进程异常终止，输出目录保持原样");
    diags_sort(diags);
    diags_print(diags, stderr);
}

int cmd_aggregate(int argc, char **argv)
{
    aggregate_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    zb_diags diags = {0};
    char *datadir = NULL;
    zb_aggregator *aggregator = NULL;
    zb_status st = datadir_find(&datadir, &diags);
    if (st == ZB_OK)
        st = aggregate_open(datadir, a.fonts, &diags, &aggregator);
    free(datadir);
    if (st == ZB_OK && interrupt_catch() != ZB_OK)
        st = ZB_ERR_IO;
    if (st != ZB_OK) {
        diags_print(&diags, stderr);
        diags_free(&diags);
        aggregate_close(aggregator);
        return EXIT_USAGE;
    }
    aggregate_run r = {.aggregator = aggregator, .args = &a};
    pool_hooks hooks = {.work = work, .message = on_message,
                        .ended = on_ended, .arg = &r};
    int sig = pool_run(1, 1, &hooks);
    if (!sig && r.status == ZB_OK && !a.quiet)
        printf("%zu 个报送包已汇总\n文件：%zu 个已更新，%zu 个未变，%zu 个已删除\n",
               a.job.count, r.updated, r.unchanged, r.removed);
    interrupt_release();
    aggregate_close(aggregator);
    return sig ? 128 + sig : cli_exit_code(r.status);
}
