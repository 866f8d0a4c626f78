#include "batch.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/hash.h"
#include "../core/lifetime.h"
#include "pool.h"

/* What a worker tells the parent. */
enum {
    MSG_CLAIM = 1, /* ask: may I build into this folder? */
    MSG_FORM,      /* a form is written */
    MSG_FILE,      /* a file of the folder: the change (a digit), the name */
    MSG_TIMINGS    /* the stage times, as text */
};

/* One ledger, as the parent follows it. */
typedef struct ledger_run {
    char *folder;   /* claimed */
    size_t other;   /* refused: the ledger that has the folder, + 1 */
    zb_buf timings;
} ledger_run;

typedef struct batch_run {
    const zb_builder *builder;
    const batch_opts *opts;
    const batch_events *events;
    ledger_run *ledgers;
} batch_run;

/* DIR/<unit>-<year> of the ledger L. */
static char *folder_of(const char *dir, const zb_ledger *l)
{
    char *name = outdir_name(l->unit_name, l->year);
    zb_buf b = {0};
    size_t n = strlen(dir);
    if (name)
        buf_printf(&b, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
    free(name);
    return buf_detach(&b);
}

/* ------------------------------------------------------------- worker */

typedef struct worker_ctx {
    pool_link *link;
    char *last_form;     /* the name, without extension, of the last output */
    zb_timings *timings; /* NULL unless asked for */
} worker_ctx;

/* A file is in place in the staging folder: a new form when its name
   (without the extension) differs from the last one's. */
static void on_written(const char *path, void *arg)
{
    worker_ctx *w = arg;
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    size_t stem = strcspn(name, ".");
    if (w->last_form && strlen(w->last_form) == stem &&
        !strncmp(w->last_form, name, stem))
        return;
    free(w->last_form);
    w->last_form = strndup(name, stem);
    pool_send(w->link, MSG_FORM, "", 0);
}

static void on_changed(const char *name, outdir_change change, void *arg)
{
    worker_ctx *w = arg;
    zb_buf b = {0};
    buf_printf(&b, "%c%s", '0' + (int)change, name);
    if (!b.failed)
        pool_send(w->link, MSG_FILE, b.data, b.len);
    buf_free(&b);
}

/* Ask the parent for FOLDER: no other ledger of this run may build there. */
static zb_status claim(pool_link *link, const char *folder)
{
    return pool_ask(link, MSG_CLAIM, folder, strlen(folder)) == 1
               ? ZB_OK
               : ZB_ERR_USAGE;
}

/* The ledger's line in SHA256SUMS: its path from the folder, its hash
   HEX. */
static zb_status ledger_sums(const zb_outdir *d, const char *path,
                             const char *hex, zb_sums *out, zb_diags *diags)
{
    char *rel = outdir_relative(d, path);
    zb_status st = rel ? sums_add(out, rel, hex) : ZB_ERR_IO;
    if (!rel)
        diags_add(diags, path, 0, 0, DIAG_ERROR, NULL,
                  "台账在生成时被移走，无法写入 SHA256SUMS");
    free(rel);
    return st;
}

/* The processes each ledger's worker forks to write its outputs: the
   workers that would otherwise have no ledger to build, shared out. */
static unsigned helpers_per_ledger(const batch_opts *o)
{
    return o->count && o->count < o->workers
               ? (unsigned)(o->workers / o->count) - 1
               : 0;
}

/* Build the staged outputs of IN into D and move them into place. The
   ledger's text is hashed first and dropped: the forms need only its
   name (and a large ledger's text is tens of megabytes). */
static zb_status build_into(const batch_run *r, worker_ctx *w,
                            const char *ledger, build_input *in, zb_outdir *d,
                            zb_diags *diags)
{
    char hex[HASH_HEX_SIZE];
    hash_bytes(in->front.source.text, in->front.source.len, hex);
    source_drop_text(&in->front.source);
    const batch_opts *o = r->opts;
    build_job job = {.ledger = ledger,
                     .dir = outdir_staging(d),
                     .forms = o->forms,
                     .formats = o->formats,
                     .blank = o->blank,
                     .preprinted = o->preprinted,
                     .written = on_written,
                     .arg = w,
                     .timings = w->timings,
                     .helpers = helpers_per_ledger(o)};
    zb_status st = build_write(r->builder, &job, in, diags);
    if (st == ZB_ERR_NOMEM || st == ZB_ERR_USAGE)
        return st;
    bool whole = st == ZB_OK && (!o->forms || !*o->forms) && !o->blank &&
                 o->formats == (CATALOG_PDF | CATALOG_XLSX);
    zb_sums inputs = {0};
    double start = timing_now();
    zb_status cst = ledger_sums(d, ledger, hex, &inputs, diags);
    if (cst == ZB_OK)
        cst = outdir_commit(d, &inputs, whole, on_changed, w, diags);
    timings_add(w->timings, "commit", start);
    sums_free(&inputs);
    return st != ZB_OK ? st : cst;
}

/* Send the diagnostics DIAGS and the stage times TIMINGS (may be NULL)
   of LEDGER. */
static void send_results(pool_link *link, const zb_diags *diags,
                         const zb_timings *timings, const char *ledger)
{
    pool_send_diags(link, diags);
    char *text = NULL;
    size_t len = 0;
    FILE *f = timings ? open_memstream(&text, &len) : NULL;
    if (f) {
        timings_print(timings, ledger, f);
        if (fclose(f) == 0)
            pool_send(link, MSG_TIMINGS, text, len);
    }
    free(text);
}

/* Check, build and commit one ledger; then send its diagnostics. */
static zb_status work(size_t job, pool_link *link, void *arg)
{
    const batch_run *r = arg;
    const batch_opts *o = r->opts;
    const char *ledger = o->ledgers[job];
    zb_timings timings = o->timings ? *o->timings : (zb_timings){0};
    worker_ctx w = {link, NULL, o->timings ? &timings : NULL};
    zb_diags diags = {0};
    build_input in;
    zb_outdir *d = NULL;
    char *folder = NULL;
    zb_status st = build_load(r->builder, ledger, w.timings, &in, &diags);
    bool refused = false; /* another ledger of the run has the folder */
    if (st == ZB_OK) {
        folder = folder_of(o->dir, in.front.ledger);
        st = folder ? claim(link, folder) : ZB_ERR_NOMEM;
        refused = st == ZB_ERR_USAGE;
    }
    if (st == ZB_OK)
        st = outdir_open(folder, &diags, &d);
    if (st == ZB_OK) {
        pool_scratch(link, outdir_staging(d));
        st = build_into(r, &w, ledger, &in, d, &diags);
    }
    outdir_close(d);
    if (LIFETIME_FREE_AT_EXIT) /* the worker ends after this job */
        build_input_free(&in);
    if (st != ZB_OK && !diags.errors && !refused) /* else the parent says */
        diags_add(&diags, ledger, 0, 0, DIAG_ERROR, NULL, "%s",
                  status_describe(st));
    send_results(link, &diags, w.timings, ledger);
    diags_free(&diags);
    free(folder);
    free(w.last_form);
    return st;
}

/* ------------------------------------------------------------- parent */

/* The folder FOLDER (LEN bytes) for ledger JOB, unless another ledger of
   the run has it: 1 to go on, 0 refused (on_ended() says why). */
static int grant(batch_run *r, size_t job, const char *folder, size_t len)
{
    ledger_run *l = &r->ledgers[job];
    l->folder = strndup(folder, len);
    for (size_t i = 0; l->folder && i < r->opts->count; i++) {
        if (i == job || !r->ledgers[i].folder ||
            strcmp(r->ledgers[i].folder, l->folder))
            continue;
        l->other = i + 1;
        free(l->folder);
        l->folder = NULL;
        return 0;
    }
    return l->folder != NULL;
}

/* DIR/NAME of ledger JOB's folder, told to file(). */
static void tell_file(const batch_run *r, size_t job, const char *data,
                      size_t len)
{
    const ledger_run *l = &r->ledgers[job];
    zb_buf path = {0};
    if (len < 2 || !l->folder || !r->events->file)
        return;
    buf_printf(&path, "%s/%.*s", l->folder, (int)(len - 1), data + 1);
    if (!path.failed)
        r->events->file(job, path.data, (outdir_change)(data[0] - '0'),
                        r->events->arg);
    buf_free(&path);
}

static int on_message(size_t job, int type, const char *data, size_t len,
                      void *arg)
{
    batch_run *r = arg;
    ledger_run *l = &r->ledgers[job];
    switch (type) {
    case MSG_CLAIM:
        return grant(r, job, data, len);
    case MSG_FORM:
        if (r->events->form)
            r->events->form(job, r->events->arg);
        break;
    case MSG_FILE:
        tell_file(r, job, data, len);
        break;
    case MSG_TIMINGS:
        buf_append(&l->timings, data, len);
        break;
    }
    return 0;
}

static void on_ended(size_t job, const pool_end *end, zb_diags *diags,
                     void *arg)
{
    batch_run *r = arg;
    ledger_run *l = &r->ledgers[job];
    const char *ledger = r->opts->ledgers[job];
    if (l->other)
        diags_add(diags, ledger, 0, 0, DIAG_ERROR, NULL,
                  "与台账 %s 是同一单位、同一年度，输出到同一目录：一次只生成"
                  "其中一个", r->opts->ledgers[l->other - 1]);
    if (!end->finished && (end->signal == SIGINT || end->signal == SIGTERM))
        diags_add(diags, ledger, 0, 0, DIAG_ERROR, NULL,
                  "生成被中断，输出目录保持上次生成的样子");
    else if (!end->finished && end->signal)
        diags_add(diags, ledger, 0, 0, DIAG_ERROR, NULL,
                  "生成此台账的工作进程异常终止（信号 %d），输出目录保持"
                  "上次生成的样子；其他台账不受影响", end->signal);
    else if (!end->finished)
        diags_add(diags, ledger, 0, 0, DIAG_ERROR, NULL,
                  "无法启动或异常结束了生成此台账的工作进程");
    if (r->events->done)
        r->events->done(job, end->finished ? end->status : ZB_ERR_RENDER,
                        diags, l->timings.len ? buf_str(&l->timings) : NULL,
                        r->events->arg);
}

static void on_tick(void *arg)
{
    const batch_run *r = arg;
    if (r->events->tick)
        r->events->tick(r->events->arg);
}

int batch_build(const zb_builder *b, const batch_opts *opts,
                const batch_events *events)
{
    batch_run r = {b, opts, events, calloc(opts->count, sizeof *r.ledgers)};
    zb_diags none = {0};
    for (size_t i = 0; !r.ledgers && events->done && i < opts->count; i++)
        events->done(i, ZB_ERR_NOMEM, &none, NULL, events->arg);
    if (!r.ledgers)
        return 0;
    pool_hooks hooks = {work, on_message, on_ended, on_tick, &r};
    int sig = pool_run(opts->count, opts->workers, &hooks);
    for (size_t i = 0; i < opts->count; i++) {
        free(r.ledgers[i].folder);
        buf_free(&r.ledgers[i].timings);
    }
    free(r.ledgers);
    return sig;
}
