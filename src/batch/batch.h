/*
 * batch.h - many ledgers built in one run, in parallel, each into its own
 * folder DIR/<unit>-<year>/ (outdir.h: staged, only changed files
 * rewritten, SHA256SUMS).
 *
 * Each ledger is built in a worker process (pool.h) with the builder the
 * parent prepared: the schema, stylesheets and fonts are loaded once, a
 * ledger that crashes its worker is reported and the others go on, and
 * an interrupted run leaves every folder as the last build left it. The
 * caller is told what happens as it happens (batch_events) and decides
 * how to show it.
 */
#ifndef ZB_BATCH_H
#define ZB_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/status.h"
#include "../forms/build.h"
#include "outdir.h"

typedef struct batch_opts {
    const char *const *ledgers; /* the ledger files */
    size_t count;
    const char *dir;      /* each ledger into DIR/<unit>-<year>/ */
    const char *forms;    /* as build_job: NULL or "" for every output */
    unsigned formats;     /* as build_job */
    bool blank;
    bool preprinted;
    const zb_timings *timings; /* NULL; else report each ledger's stage
                                  times, after these (the set-up) */
    unsigned workers;     /* ledgers built at once */
} batch_opts;

/* What a run tells its caller, in the parent process; every hook may be
   NULL. LEDGER is an index into batch_opts.ledgers. */
typedef struct batch_events {
    /* A form of LEDGER was laid out and written. */
    void (*form)(size_t ledger, void *arg);
    /* A file of LEDGER's folder: its path (DIR/<unit>-<year>/NAME) and
       what the build did to it. */
    void (*file)(size_t ledger, const char *path, outdir_change change,
                 void *arg);
    /* LEDGER is done: the diagnostics of its check and build (warnings,
       or why it failed), its stage times (NULL unless asked for), and its
       status: ZB_OK, the failure of build_ledger(), ZB_ERR_USAGE for a
       second ledger of one unit and year, or ZB_ERR_RENDER for a worker
       that died. */
    void (*done)(size_t ledger, zb_status status, zb_diags *diags,
                 const char *timings, void *arg);
    /* About ten times a second. */
    void (*tick)(void *arg);
    void *arg;
} batch_events;

/* Build the ledgers of OPTS with B. Returns 0 when every ledger is done
   (each told to done()), or the signal (SIGINT, SIGTERM) that stopped the
   run: the ledgers being built were stopped and told to done() with
   their folders as they were, the others were not started. */
int batch_build(const zb_builder *b, const batch_opts *opts,
                const batch_events *events);

#endif
