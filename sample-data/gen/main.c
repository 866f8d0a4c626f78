/*
 * gen - write a synthetic ledger of a given size.
 *
 *     build/gen SIZE [SEED] [-o FILE]
 *
 * SIZE is S (30 staff, 35 computers), M (300, 350), L (3,000, 3,500, about
 * 50,000 events) or XL (17,000 staff, 20,000 computers, about 300,000
 * events); SEED (default 1) picks names, dates and choices. The same size
 * and seed always give the same bytes. Every ledger it writes passes
 * `zhengban check`. Without -o the ledger goes to standard output; with it,
 * FILE is replaced atomically.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/fileio.h"
#include "gen.h"

static int usage(void)
{
    fputs("用法：gen S|M|L|XL [种子] [-o 文件]\n"
          "写出一份合成的软件正版化台账（单位、人员、电话、序列号均为虚构）。\n"
          "  S   30 名工作人员、35 台计算机\n"
          "  M   300 名、350 台\n"
          "  L   3000 名、3500 台，约 5 万条安装维护记录\n"
          "  XL  17000 名、20000 台，约 30 万条安装维护记录\n"
          "同一规模和种子（默认 1）总是写出相同的字节。\n",
          stderr);
    return 2;
}

void gen_free(gen_ledger *l)
{
    free(l->depts);
    free(l->staff);
    free(l->computers);
    free(l->requests);
    free(l->confirmations);
    free(l->events);
    free(l->deployments);
}

static zb_status generate(gen_ledger *l, zb_buf *out)
{
    zb_status st = gen_unit(l);
    if (st == ZB_OK)
        st = gen_log(l);
    if (st != ZB_OK)
        return st;
    gen_software(l);
    return gen_write(l, out);
}

static zb_status save(const zb_buf *out, const char *path)
{
    if (!path)
        return fwrite(out->data, 1, out->len, stdout) == out->len &&
                       fflush(stdout) == 0
                   ? ZB_OK
                   : ZB_ERR_IO;
    zb_diags diags = {0};
    zb_status st = file_write_atomic(path, out->data, out->len, &diags);
    diags_print(&diags, stderr);
    diags_free(&diags);
    return st;
}

int main(int argc, char **argv)
{
    const char *size = NULL, *seed = "1", *path = NULL;
    int positional = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc)
            path = argv[++i];
        else if (argv[i][0] == '-')
            return usage();
        else if (positional++ == 0)
            size = argv[i];
        else
            seed = argv[i];
    }
    char *end;
    unsigned long long seed_value = strtoull(seed, &end, 10);
    gen_ledger l = {.size = size ? gen_size_find(size) : NULL,
                    .rng = {seed_value}};
    if (!l.size || *end || positional > 2)
        return usage();
    zb_buf out = {0};
    zb_status st = generate(&l, &out);
    if (st == ZB_OK)
        st = save(&out, path);
    if (st != ZB_OK)
        fprintf(stderr, "gen: %s\n", status_describe(st));
    buf_free(&out);
    gen_free(&l);
    return st == ZB_OK ? 0 : 1;
}
