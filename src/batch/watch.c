#include "watch.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "../core/buf.h"
#include "interrupt.h"

enum { QUIET_MS = 200 };

typedef struct watched {
    int wd;     /* the watch of the file's folder */
    char *name; /* the file's name in it */
} watched;

struct zb_watch {
    int fd;
    watched *files;
    size_t count;
};

/* The folder of PATH ("." when none) and, in *NAME, the rest. */
static char *split(const char *path, const char **name)
{
    const char *slash = strrchr(path, '/');
    *name = slash ? slash + 1 : path;
    if (!slash)
        return strdup(".");
    return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

zb_status watch_open(const char *const *paths, size_t n, zb_diags *diags,
                     zb_watch **out)
{
    *out = NULL;
    zb_watch *w = calloc(1, sizeof *w);
    if (!w || !(w->files = calloc(n, sizeof *w->files))) {
        free(w);
        return ZB_ERR_NOMEM;
    }
    w->count = n;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    zb_status st = w->fd >= 0 ? ZB_OK : ZB_ERR_IO;
    if (st != ZB_OK)
        diags_add(diags, NULL, 0, 0, DIAG_ERROR, NULL, "无法监视文件：%s",
                  strerror(errno));
    for (size_t i = 0; st == ZB_OK && i < n; i++) {
        const char *name;
        char *dir = split(paths[i], &name);
        w->files[i].name = strdup(name);
        if (!dir || !w->files[i].name)
            st = ZB_ERR_NOMEM;
        else if ((w->files[i].wd = inotify_add_watch(
                      w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO)) < 0) {
            diags_add(diags, paths[i], 0, 0, DIAG_ERROR, NULL,
                      "无法监视台账所在的目录 %s：%s", dir, strerror(errno));
            st = ZB_ERR_IO;
        }
        free(dir);
    }
    if (st != ZB_OK) {
        watch_close(w);
        return st;
    }
    *out = w;
    return ZB_OK;
}

/* Read the events waiting and mark the files they save; 1 when any. */
static int take_events(zb_watch *w, bool *saved)
{
    char chunk[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    int any = 0;
    ssize_t k;
    while ((k = read(w->fd, chunk, sizeof chunk)) > 0) {
        for (char *p = chunk; p < chunk + k;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            for (size_t i = 0; e->len && i < w->count; i++)
                if (w->files[i].wd == e->wd &&
                    !strcmp(w->files[i].name, e->name))
                    any = saved[i] = true;
            p += sizeof *e + e->len;
        }
    }
    return any;
}

int watch_wait(zb_watch *w, bool *saved)
{
    memset(saved, 0, w->count * sizeof *saved);
    int any = 0;
    for (;;) {
        struct pollfd fds[2] = {{w->fd, POLLIN, 0},
                                {interrupt_fd(), POLLIN, 0}};
        int ready = poll(fds, 2, any ? QUIET_MS : -1);
        if (interrupt_take())
            return 0;
        if (ready == 0 && any)
            return 1;
        if (ready > 0 && take_events(w, saved))
            any = 1;
    }
}

void watch_close(zb_watch *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->count; i++)
        free(w->files[i].name);
    free(w->files);
    if (w->fd >= 0)
        close(w->fd);
    free(w);
}
