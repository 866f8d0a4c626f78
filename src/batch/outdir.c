#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/buf.h"
#include "../core/fileio.h"
#include "interrupt.h"

#define STAGING_PREFIX ".zhengban-staging-"

struct zb_outdir {
    char *path;       /* the folder */
    char *staging;    /* PATH/.zhengban-staging-XXXXXX */
    int lock;         /* the folder, open and locked; -1 */
    zb_sums previous; /* what the last build's SHA256SUMS listed */
    char *created;    /* the outermost folder outdir_open() made, or NULL */
};

/* PATH/NAME, or NULL. */
static char *join(const char *path, const char *name)
{
    zb_buf b = {0};
    buf_printf(&b, "%s/%s", path, name);
    return buf_detach(&b);
}

static zb_status io_error(zb_diags *diags, const char *path, const char *what)
{
    diags_add(diags, path, 0, 0, DIAG_ERROR, NULL, "%s：%s", what,
              strerror(errno));
    return ZB_ERR_IO;
}

/* Read the SHA256SUMS of the last build, if there is one. One that cannot
   be read is a warning: nothing is removed this time. */
static zb_status read_previous(zb_outdir *d, zb_diags *diags)
{
    char *path = join(d->path, SUMS_FILE);
    if (!path)
        return ZB_ERR_NOMEM;
    char *text = NULL;
    size_t len = 0;
    zb_diags scratch = {0};
    zb_status st = ZB_OK;
    if (access(path, F_OK) == 0 &&
        file_read_all(path, &text, &len, &scratch) == ZB_OK &&
        sums_parse(text, len, path, &d->previous, &scratch) != ZB_OK) {
        sums_free(&d->previous);
        st = diags_add(diags, path, 0, 0, DIAG_WARNING, NULL,
                       "上次生成的文件清单不是 SHA256SUMS 格式，本次不删除"
                       "上次生成而这次不再生成的文件");
    }
    diags_free(&scratch);
    free(text);
    free(path);
    return st;
}

/* Remove the staging folders a killed build left in the folder. */
static void sweep_staging(const zb_outdir *d)
{
    DIR *dir = opendir(d->path);
    struct dirent *e;
    while (dir && (e = readdir(dir))) {
        if (strncmp(e->d_name, STAGING_PREFIX, strlen(STAGING_PREFIX)))
            continue;
        char *path = join(d->path, e->d_name);
        if (path)
            file_remove_dir(path);
        free(path);
    }
    if (dir)
        closedir(dir);
}

/* The outermost of PATH and its parents that does not exist yet, or
   NULL. */
static char *missing_part(const char *path)
{
    char *top = NULL, *p = strdup(path);
    struct stat sb;
    while (p && *p && stat(p, &sb) != 0 && errno == ENOENT) {
        free(top);
        top = strdup(p);
        char *slash = strrchr(p, '/');
        if (!slash)
            break;
        *slash = '\0';
    }
    free(p);
    return top;
}

/* Remove the folders outdir_open() made, from PATH out to CREATED, while
   they are empty: a build that wrote nothing leaves no trace. */
static void remove_created(const zb_outdir *d)
{
    char *p = strdup(d->path);
    while (p && rmdir(p) == 0 && strcmp(p, d->created)) {
        char *slash = strrchr(p, '/');
        if (!slash)
            break;
        *slash = '\0';
    }
    free(p);
}

char *outdir_name(const char *unit, int year)
{
    zb_buf b = {0};
    buf_printf(&b, "%s-%d", unit, year);
    for (char *p = b.failed ? NULL : b.data; p && *p; p++)
        if (*p == '/' || (unsigned char)*p < 0x20 || (p == b.data && *p == '.'))
            *p = '_';
    return buf_detach(&b);
}

zb_status outdir_open(const char *path, zb_diags *diags, zb_outdir **out)
{
    *out = NULL;
    zb_outdir *d = calloc(1, sizeof *d);
    if (!d)
        return ZB_ERR_NOMEM;
    d->created = missing_part(path);
    zb_status st = file_make_dirs(path, diags);
    if (st != ZB_OK) {
        free(d->created);
        free(d);
        return st;
    }
    d->lock = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    d->path = strdup(path);
    d->staging = join(path, STAGING_PREFIX "XXXXXX");
    if (!d->path || !d->staging)
        st = ZB_ERR_NOMEM;
    else if (d->lock < 0 || flock(d->lock, LOCK_EX) != 0)
        st = io_error(diags, path, "无法锁定输出目录");
    if (st == ZB_OK)
        st = read_previous(d, diags);
    if (st == ZB_OK) {
        sweep_staging(d);
        if (!mkdtemp(d->staging)) {
            st = io_error(diags, path, "无法在输出目录中建立临时目录");
            free(d->staging);
            d->staging = NULL;
        }
    }
    if (st != ZB_OK) {
        outdir_close(d);
        return st;
    }
    *out = d;
    return ZB_OK;
}

const char *outdir_staging(const zb_outdir *d)
{
    return d->staging;
}

void outdir_close(zb_outdir *d)
{
    if (!d)
        return;
    if (d->staging)
        file_remove_dir(d->staging);
    if (d->lock >= 0)
        close(d->lock);
    if (d->created)
        remove_created(d); /* when nothing was put in them */
    free(d->created);
    sums_free(&d->previous);
    free(d->staging);
    free(d->path);
    free(d);
}

/* ------------------------------------------------------- relative paths */

char *outdir_relative(const zb_outdir *d, const char *path)
{
    char from[PATH_MAX], to[PATH_MAX];
    if (!realpath(d->path, from) || !realpath(path, to))
        return NULL;
    /* the last separator up to which both paths agree */
    size_t common = 0, n = strlen(from);
    for (size_t i = 0; from[i] && from[i] == to[i]; i++)
        if (from[i] == '/')
            common = i;
    if (!strncmp(from, to, n) && to[n] == '/')
        common = n; /* PATH is inside the folder */
    zb_buf b = {0};
    for (const char *p = from + common; *p; p++)
        if (*p == '/')
            buf_append_str(&b, "../");
    buf_append_str(&b, to + common + 1);
    return buf_detach(&b);
}

/* ---------------------------------------------------------- committing */

/* Move the staged output NAME into the folder, or drop it when the
   folder's copy has the same bytes; list it in NOW. */
static zb_status commit_one(const zb_outdir *d, const char *name,
                            zb_sums *now, outdir_report report, void *arg,
                            zb_diags *diags)
{
    char *staged = join(d->staging, name), *target = join(d->path, name);
    char *data = NULL;
    size_t len = 0;
    zb_status st = staged && target ? file_read_all(staged, &data, &len, diags)
                                    : ZB_ERR_NOMEM;
    char hex[HASH_HEX_SIZE];
    if (st == ZB_OK) {
        hash_bytes(data, len, hex);
        st = sums_add(now, name, hex);
    }
    if (st == ZB_OK) {
        int same = file_equals(target, data, len);
        if (!same && rename(staged, target) != 0)
            st = io_error(diags, target, "无法写入文件");
        else if (report)
            report(name, same ? OUTDIR_UNCHANGED : OUTDIR_UPDATED, arg);
    }
    free(data);
    free(staged);
    free(target);
    return st;
}

/* Whether NAME, listed by the last build, names a file of the folder that
   a build may remove: a plain name, not SHA256SUMS itself. */
static int own_name(const char *name)
{
    return *name && *name != '.' && !strchr(name, '/') &&
           strcmp(name, SUMS_FILE);
}

/* The outputs of the last build that this one did not write: removed
   with PRUNE, else kept in NOW while they are still there. */
static zb_status settle_previous(const zb_outdir *d, const zb_sums *inputs,
                                 bool prune, zb_sums *now,
                                 outdir_report report, void *arg,
                                 zb_diags *diags)
{
    zb_status st = ZB_OK;
    for (size_t i = 0; st == ZB_OK && i < d->previous.count; i++) {
        const sums_entry *e = &d->previous.items[i];
        if (!own_name(e->name) || sums_find(now, e->name) ||
            sums_find(inputs, e->name))
            continue;
        char *path = join(d->path, e->name);
        struct stat sb;
        if (!path)
            st = ZB_ERR_NOMEM;
        else if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
            ; /* gone, or not a file a build writes */
        else if (!prune)
            st = sums_add(now, e->name, e->hex);
        else if (unlink(path) != 0)
            st = io_error(diags, path, "无法删除不再生成的文件");
        else if (report)
            report(e->name, OUTDIR_REMOVED, arg);
        free(path);
    }
    return st;
}

/* Write the folder's SHA256SUMS from NOW, unless it already says that. */
static zb_status write_sums(const zb_outdir *d, zb_sums *now, zb_diags *diags)
{
    zb_buf text = {0};
    char *path = join(d->path, SUMS_FILE);
    zb_status st = path ? sums_format(now, &text) : ZB_ERR_NOMEM;
    if (st == ZB_OK && !file_equals(path, buf_str(&text), text.len))
        st = file_write_atomic(path, buf_str(&text), text.len, diags);
    buf_free(&text);
    free(path);
    return st;
}

zb_status outdir_commit(zb_outdir *d, const zb_sums *inputs, bool prune,
                        outdir_report report, void *arg, zb_diags *diags)
{
    char **names;
    size_t n;
    zb_sums now = {0};
    interrupt_hold(1);
    zb_status st = file_list_dir(d->staging, &names, &n, diags);
    for (size_t i = 0; st == ZB_OK && i < n; i++)
        st = commit_one(d, names[i], &now, report, arg, diags);
    if (st == ZB_OK)
        st = settle_previous(d, inputs, prune, &now, report, arg, diags);
    for (size_t i = 0; st == ZB_OK && i < inputs->count; i++)
        st = sums_add(&now, inputs->items[i].name, inputs->items[i].hex);
    if (st == ZB_OK)
        st = write_sums(d, &now, diags);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    sums_free(&now);
    interrupt_hold(0);
    return st;
}
