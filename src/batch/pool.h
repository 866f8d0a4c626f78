/*
 * pool.h - jobs done in worker processes, a few at a time.
 *
 * Each job runs in a process forked from this one, so what the parent
 * prepared once (the compiled schema and stylesheets, the fonts) is there
 * in every worker without being loaded again, and a job that crashes ends
 * only its own worker. A worker tells the parent what it does through
 * messages (a type and bytes); the parent alone writes to the terminal.
 *
 * Ctrl-C and kill (SIGINT, SIGTERM) stop the run: the parent stops every
 * worker (a worker keeps the signal waiting while it holds it with
 * interrupt_hold()), waits for them and returns; what a worker was doing
 * is for ended() to clean up.
 */
#ifndef ZB_POOL_H
#define ZB_POOL_H

#include <stddef.h>

#include "../core/diag.h"
#include "../core/status.h"

/* The worker's end of its line to the parent. */
typedef struct pool_link pool_link;

/* Send the message TYPE (1-119) with the LEN bytes of DATA to the
   parent. */
zb_status pool_send(pool_link *link, int type, const void *data, size_t len);

/* Send every diagnostic of DIAGS to the parent, which hands them to
   ended(). */
void pool_send_diags(pool_link *link, const zb_diags *diags);

/* Tell the parent about SCRATCH, a folder of the worker's own: the parent
   removes it (file_remove_dir()) when the worker has ended, however it
   ended. */
void pool_scratch(pool_link *link, const char *scratch);

/* Send the message and wait for the parent's answer: what message()
   returned (0-255), or -1 when the parent is gone. */
int pool_ask(pool_link *link, int type, const void *data, size_t len);

/* How a job's worker ended. */
typedef struct pool_end {
    int finished;     /* work() returned (else the worker died) */
    zb_status status; /* what work() returned, when finished */
    int signal;       /* the signal that killed the worker, or 0 */
} pool_end;

typedef struct pool_hooks {
    /* In the worker: do job JOB. Its status goes to ended(). */
    zb_status (*work)(size_t job, pool_link *link, void *arg);
    /* In the parent: message TYPE of job JOB. For pool_ask() the return
       value is the answer. May be NULL when no job sends any. */
    int (*message)(size_t job, int type, const char *data, size_t len,
                   void *arg);
    /* In the parent: the worker of JOB ended as END says; DIAGS are those
       it sent (the hook may add to them; they are freed after). */
    void (*ended)(size_t job, const pool_end *end, zb_diags *diags,
                  void *arg);
    /* In the parent, about ten times a second while workers run; may be
       NULL. */
    void (*tick)(void *arg);
    void *arg;
} pool_hooks;

/* Run jobs 0 to COUNT-1 in order, at most WORKERS at once (at least
   one). Returns 0 when every job has ended, or the signal that stopped
   the run (then the jobs not started never are): the caller catches
   SIGINT and SIGTERM with interrupt_catch() first. A second signal kills
   the workers outright. A job whose worker cannot be started ends
   unfinished, with no signal. */
int pool_run(size_t count, unsigned workers, const pool_hooks *hooks);

#endif
