#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../core/buf.h"
#include "../core/fileio.h"
#include "interrupt.h"

/* A message: its type (with ASK when an answer is awaited), the length of
   its bytes in 4 bytes of this machine's order, the bytes. Types from
   POOL_DIAG up are the pool's own. */
enum { HEADER = 5, ASK = 0x80, TICK_MS = 100 };
enum { POOL_DIAG = 120, POOL_SCRATCH, POOL_DONE };

struct pool_link {
    int fd;
};

typedef struct worker {
    pid_t pid;       /* 0: a free place */
    int fd;          /* the parent's end of the line */
    size_t job;
    zb_buf in;       /* bytes read that are not yet a whole message */
    zb_diags diags;  /* sent by the worker */
    char *scratch;   /* the worker's folder to remove at its end */
    pool_end end;    /* finished and status, once POOL_DONE came */
} worker;

static zb_status send_message(pool_link *link, int type, const void *data,
                              size_t len)
{
    unsigned char header[HEADER] = {(unsigned char)type};
    uint32_t n = (uint32_t)len;
    memcpy(header + 1, &n, sizeof n);
    return file_write_fd(link->fd, header, sizeof header) == 0 &&
                   file_write_fd(link->fd, data, len) == 0
               ? ZB_OK
               : ZB_ERR_IO;
}

zb_status pool_send(pool_link *link, int type, const void *data, size_t len)
{
    return send_message(link, type & ~ASK, data, len);
}

int pool_ask(pool_link *link, int type, const void *data, size_t len)
{
    unsigned char answer;
    if (send_message(link, type | ASK, data, len) != ZB_OK)
        return -1;
    return file_read_fd(link->fd, &answer, 1) == 0 ? answer : -1;
}

void pool_send_diags(pool_link *link, const zb_diags *diags)
{
    zb_buf b = {0};
    for (size_t i = 0; i < diags->count; i++) {
        buf_reset(&b);
        diag_encode(&diags->items[i], &b);
        if (!b.failed)
            send_message(link, POOL_DIAG, b.data, b.len);
    }
    buf_free(&b);
}

void pool_scratch(pool_link *link, const char *scratch)
{
    send_message(link, POOL_SCRATCH, scratch, strlen(scratch));
}

/* ------------------------------------------------------------- parent */

/* Take message TYPE of W: the pool's own, or message()'s. */
static int take(worker *w, int type, const char *data, size_t len,
                const pool_hooks *h)
{
    if (type == POOL_DIAG) {
        diags_add_encoded(&w->diags, data, len);
    } else if (type == POOL_SCRATCH) {
        free(w->scratch);
        w->scratch = strndup(data, len);
    } else if (type == POOL_DONE && len == 1) {
        w->end.finished = 1;
        w->end.status = (zb_status)(data[0] - '0');
    } else if (h->message) {
        return h->message(w->job, type, data, len, h->arg);
    }
    return 0;
}

static void ended_unstarted(size_t job, const pool_hooks *h)
{
    zb_diags none = {0};
    pool_end end = {0};
    h->ended(job, &end, &none, h->arg);
    diags_free(&none);
}

/* Start job JOB in the free place W; the other places are ALL[0..N). */
static void start(worker *w, size_t job, const pool_hooks *h, worker *all,
                  unsigned n)
{
    int sv[2];
    w->job = job;
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
        ended_unstarted(job, h);
        return;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        interrupt_release();
        close(sv[0]);
        for (unsigned i = 0; i < n; i++)
            if (all[i].pid)
                close(all[i].fd);
        pool_link link = {sv[1]};
        zb_status st = h->work(job, &link, h->arg);
        char done = (char)('0' + st);
        send_message(&link, POOL_DONE, &done, 1);
        close(sv[1]);
        exit(st == ZB_OK ? 0 : 1);
    }
    close(sv[1]);
    if (pid < 0) {
        close(sv[0]);
        ended_unstarted(job, h);
        return;
    }
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    w->pid = pid;
    w->fd = sv[0];
}

/* Hand the whole messages in W's buffer to message(), answering asks. */
static void dispatch(worker *w, const pool_hooks *h)
{
    size_t at = 0;
    while (w->in.len - at >= HEADER) {
        const unsigned char *p = (const unsigned char *)w->in.data + at;
        uint32_t len;
        memcpy(&len, p + 1, sizeof len);
        if (w->in.len - at - HEADER < len)
            break;
        int answer = take(w, p[0] & ~ASK, (const char *)p + HEADER, len, h);
        if (p[0] & ASK) {
            unsigned char c = (unsigned char)answer;
            file_write_fd(w->fd, &c, 1);
        }
        at += HEADER + len;
    }
    if (at) {
        memmove(w->in.data, w->in.data + at, w->in.len - at);
        w->in.len -= at;
    }
}

/* Read what W sent; at its end, wait for the worker and tell ended().
   Returns 1 when the worker has ended. */
static int drain(worker *w, const pool_hooks *h)
{
    char chunk[65536];
    ssize_t k;
    while ((k = read(w->fd, chunk, sizeof chunk)) > 0) {
        buf_append(&w->in, chunk, (size_t)k);
        dispatch(w, h);
    }
    if (k < 0 && (errno == EAGAIN || errno == EINTR))
        return 0;
    close(w->fd);
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (w->scratch)
        file_remove_dir(w->scratch);
    w->end.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    h->ended(w->job, &w->end, &w->diags, h->arg);
    diags_free(&w->diags);
    buf_free(&w->in);
    free(w->scratch);
    *w = (worker){0};
    return 1;
}

static void signal_all(const worker *ws, unsigned n, int sig)
{
    for (unsigned i = 0; i < n; i++)
        if (ws[i].pid)
            kill(ws[i].pid, sig);
}

int pool_run(size_t count, unsigned workers, const pool_hooks *h)
{
    if (!workers)
        workers = 1;
    worker *ws = calloc(workers, sizeof *ws);
    struct pollfd *fds = calloc(workers + 1, sizeof *fds);
    if (!ws || !fds) {
        free(ws);
        free(fds);
        for (size_t j = 0; j < count; j++)
            ended_unstarted(j, h);
        return 0;
    }
    size_t next = 0;
    unsigned running = 0;
    int stopped = 0;
    for (;;) {
        for (unsigned i = 0; i < workers && !stopped && next < count; i++)
            if (!ws[i].pid) {
                start(&ws[i], next++, h, ws, workers);
                running += ws[i].pid != 0;
            }
        if (!running && (stopped || next == count))
            break;
        unsigned n = 0;
        for (unsigned i = 0; i < workers; i++)
            fds[n++] = (struct pollfd){ws[i].pid ? ws[i].fd : -1, POLLIN, 0};
        fds[n++] = (struct pollfd){interrupt_fd(), POLLIN, 0};
        poll(fds, n, TICK_MS);
        int sig = interrupt_take();
        if (sig) {
            signal_all(ws, workers, stopped ? SIGKILL : SIGTERM);
            stopped = stopped ? stopped : sig;
        }
        for (unsigned i = 0; i < workers; i++)
            if (ws[i].pid && fds[i].revents)
                running -= (unsigned)drain(&ws[i], h);
        if (h->tick)
            h->tick(h->arg);
    }
    free(ws);
    free(fds);
    return stopped;
}
