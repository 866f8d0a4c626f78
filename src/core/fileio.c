#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

/* Move N bytes between DATA and FD, WRITING or reading. */
static int move_fd(int fd, char *data, size_t n, int writing)
{
    while (n) {
        ssize_t k = writing ? send(fd, data, n, MSG_NOSIGNAL)
                            : read(fd, data, n);
        if (k < 0 && writing && errno == ENOTSOCK)
            k = write(fd, data, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        data += k;
        n -= (size_t)k;
    }
    return 0;
}

int file_write_fd(int fd, const void *data, size_t n)
{
    return move_fd(fd, (char *)data, n, 1);
}

int file_read_fd(int fd, void *data, size_t n)
{
    return move_fd(fd, data, n, 0);
}

static zb_status io_error(zb_diags *diags, const char *path, const char *what)
{
    diags_add(diags, path, 0, 0, DIAG_ERROR, NULL, "%s：%s", what,
              strerror(errno));
    return ZB_ERR_IO;
}

zb_status file_check_readable(const char *path, zb_diags *diags)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT) {
            diags_add(diags, path, 0, 0, DIAG_ERROR, NULL, "文件不存在");
            return ZB_ERR_IO;
        }
        return io_error(diags, path, "无法访问文件");
    }
    if (S_ISDIR(st.st_mode)) {
        diags_add(diags, path, 0, 0, DIAG_ERROR, NULL, "这是一个目录，不是文件");
        return ZB_ERR_IO;
    }
    if (access(path, R_OK) != 0)
        return io_error(diags, path, "无法读取文件");
    return ZB_OK;
}

zb_status file_read_all(const char *path, char **data, size_t *len,
                        zb_diags *diags)
{
    zb_status st = file_check_readable(path, diags);
    if (st != ZB_OK)
        return st;
    FILE *f = fopen(path, "rb");
    if (!f)
        return io_error(diags, path, "无法打开文件");
    /* a file's bytes read straight into a buffer of its size */
    zb_buf b = {0};
    struct stat sb;
    size_t size = fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode)
                      ? (size_t)sb.st_size : 0;
    size_t n = 1;
    while (n > 0 && buf_reserve(&b, b.len < size ? size - b.len : 65536) ==
                        ZB_OK) {
        n = fread(b.data + b.len, 1, b.cap - b.len - 1, f);
        b.len += n;
        b.data[b.len] = '\0';
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        buf_free(&b);
        return io_error(diags, path, "读取文件失败");
    }
    *len = b.len;
    *data = buf_detach(&b);
    return *data ? ZB_OK : ZB_ERR_NOMEM;
}

zb_status file_make_dirs(const char *path, zb_diags *diags)
{
    char *dir = strdup(*path ? path : ".");
    if (!dir)
        return ZB_ERR_NOMEM;
    zb_status st = ZB_OK;
    /* each prefix that ends before a slash, then the whole path */
    for (char *p = dir + 1; st == ZB_OK; p++) {
        if (*p && *p != '/')
            continue;
        char saved = *p;
        *p = '\0';
        struct stat sb;
        if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
            st = io_error(diags, dir, "无法创建目录");
        } else if (stat(dir, &sb) != 0) {
            st = io_error(diags, dir, "无法访问目录");
        } else if (!S_ISDIR(sb.st_mode)) {
            errno = ENOTDIR;
            st = io_error(diags, dir, "无法创建目录");
        }
        *p = saved;
        if (!saved)
            break;
    }
    free(dir);
    return st;
}

zb_status file_make_temp(const char *path, char **tmp, zb_diags *diags)
{
    zb_buf name = {0};
    const char *slash = strrchr(path, '/');
    if (slash)
        buf_printf(&name, "%.*s/.%s.XXXXXX", (int)(slash - path), path,
                   slash + 1);
    else
        buf_printf(&name, ".%s.XXXXXX", path);
    *tmp = buf_detach(&name);
    if (!*tmp)
        return ZB_ERR_NOMEM;
    int fd = mkstemp(*tmp);
    if (fd < 0) {
        zb_status st = io_error(diags, path, "无法创建临时文件");
        free(*tmp);
        *tmp = NULL;
        return st;
    }
    fchmod(fd, 0644);
    close(fd);
    return ZB_OK;
}

void file_discard_temp(char *tmp)
{
    if (tmp)
        unlink(tmp);
    free(tmp);
}

zb_status file_commit_temp(char *tmp, const char *path, zb_diags *diags)
{
    int fd = open(tmp, O_RDONLY);
    int synced = fd >= 0 && fsync(fd) == 0;
    if (fd >= 0)
        close(fd);
    if (!synced || rename(tmp, path) != 0) {
        zb_status st = io_error(diags, path, "无法写入文件");
        file_discard_temp(tmp);
        return st;
    }
    free(tmp);
    return ZB_OK;
}

zb_status file_write_atomic(const char *path, const void *data, size_t n,
                            zb_diags *diags)
{
    char *tmp;
    zb_status st = file_make_temp(path, &tmp, diags);
    if (st != ZB_OK)
        return st;
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(data, 1, n, f) == n;
    if (f && fclose(f) != 0)
        ok = 0;
    if (!ok) {
        st = io_error(diags, path, "写入临时文件失败");
        file_discard_temp(tmp);
        return st;
    }
    return file_commit_temp(tmp, path, diags);
}

int file_equals(const char *path, const void *data, size_t n)
{
    struct stat sb;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    int same = fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) &&
               (size_t)sb.st_size == n;
    const char *p = data;
    char chunk[65536];
    size_t got;
    while (same && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        same = got <= n && !memcmp(chunk, p, got);
        p += got;
        n -= got;
    }
    same = same && n == 0 && !ferror(f);
    fclose(f);
    return same;
}

void file_remove_dir(const char *path)
{
    DIR *dir = opendir(path);
    if (!dir)
        return;
    int fd = dirfd(dir);
    struct dirent *e;
    while ((e = readdir(dir)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            unlinkat(fd, e->d_name, 0);
    closedir(dir);
    rmdir(path);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

zb_status file_list_dir(const char *path, char ***names, size_t *n,
                        zb_diags *diags)
{
    *names = NULL;
    *n = 0;
    DIR *dir = opendir(path);
    if (!dir)
        return io_error(diags, path, "无法读取目录");
    zb_status st = ZB_OK;
    size_t cap = 0;
    struct dirent *e;
    while (st == ZB_OK && (e = readdir(dir))) {
        if (e->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 32;
            char **grown = realloc(*names, cap * sizeof *grown);
            if (!grown) {
                st = ZB_ERR_NOMEM;
                break;
            }
            *names = grown;
        }
        (*names)[*n] = strdup(e->d_name);
        st = (*names)[(*n)++] ? ZB_OK : ZB_ERR_NOMEM;
    }
    closedir(dir);
    if (*n)
        qsort(*names, *n, sizeof **names, compare_names);
    return st;
}
