#include "zipfile.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

/* The error of libzip ERR, about the archive PATH. */
static zb_status zip_failed(zb_diags *diags, const char *path,
                            const char *what, zip_error_t *err,
                            zb_status status)
{
    diags_add(diags, path, 0, 0, DIAG_ERROR, NULL, "%s：%s", what,
              zip_error_strerror(err));
    return status;
}

/* Add the entries to ZA, each as a file of mode 0644 dated DATE. */
static int add_entries(zip_t *za, const zipfile_entry *entries, size_t count,
                       zb_date date)
{
    zip_uint16_t dosdate = (zip_uint16_t)(((date / 10000 - 1980) << 9) |
                                          (date / 100 % 100) << 5 |
                                          date % 100);
    for (size_t i = 0; i < count; i++) {
        const zipfile_entry *e = &entries[i];
        zip_source_t *src = zip_source_buffer(za, e->data, e->len, 0);
        zip_int64_t idx = src ? zip_file_add(za, e->name, src,
                                             ZIP_FL_ENC_UTF_8)
                              : -1;
        if (idx < 0) {
            zip_source_free(src);
            return -1;
        }
        zip_uint64_t at = (zip_uint64_t)idx;
        if (zip_set_file_compression(za, at, ZIP_CM_DEFLATE, 9) != 0 ||
            zip_file_set_dostime(za, at, 0, dosdate, 0) != 0 ||
            zip_file_set_external_attributes(za, at, 0, ZIP_OPSYS_UNIX,
                                             0100644u << 16) != 0)
            return -1;
    }
    return 0;
}

/* Append the bytes SRC holds to OUT. */
static int read_source(zip_source_t *src, zb_buf *out)
{
    zip_stat_t st;
    if (zip_source_open(src) != 0)
        return -1;
    int ok = zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE);
    char chunk[65536];
    zip_int64_t n;
    while (ok && (n = zip_source_read(src, chunk, sizeof chunk)) > 0)
        buf_append(out, chunk, (size_t)n);
    zip_source_close(src);
    return ok && !out->failed ? 0 : -1;
}

zb_status zipfile_write(const zipfile_entry *entries, size_t count,
                        zb_date date, const char *path, zb_buf *out,
                        zb_diags *diags)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
    zb_status st = ZB_OK;
    if (!za) {
        st = zip_failed(diags, path, "无法建立 zip 文件", &err, ZB_ERR_IO);
        zip_source_free(src);
        zip_error_fini(&err);
        return st;
    }
    zip_source_keep(src);
    if (add_entries(za, entries, count, date) != 0) {
        st = zip_failed(diags, path, "无法写入 zip 文件", zip_get_error(za),
                        ZB_ERR_IO);
        zip_discard(za);
    } else if (zip_close(za) != 0) {
        st = zip_failed(diags, path, "无法写入 zip 文件", zip_get_error(za),
                        ZB_ERR_IO);
        zip_discard(za);
    } else if (read_source(src, out) != 0) {
        st = ZB_ERR_NOMEM;
    }
    zip_source_free(src);
    zip_error_fini(&err);
    return st;
}

/* ------------------------------------------------------------- reading */

/* Read entry I of ZA (SIZE bytes, at most MAX) into E. */
static zb_status read_entry(zip_t *za, zip_uint64_t i, const zip_stat_t *st,
                            size_t max, const char *path, zipfile_entry *e,
                            zb_diags *diags)
{
    if (st->size > max) {
        diags_add(diags, path, 0, 0, DIAG_ERROR, NULL,
                  "zip 文件中的 %s 过大（%llu 字节，最多 %zu 字节）", st->name,
                  (unsigned long long)st->size, max);
        return ZB_ERR_INVALID;
    }
    e->name = strdup(st->name);
    e->len = (size_t)st->size;
    e->data = malloc(e->len + 1);
    if (!e->name || !e->data)
        return ZB_ERR_NOMEM;
    zip_file_t *f = zip_fopen_index(za, i, 0);
    zip_int64_t n = f ? zip_fread(f, e->data, e->len) : -1;
    char extra;
    int complete = n == (zip_int64_t)e->len && zip_fread(f, &extra, 1) == 0;
    if (!complete) {
        zip_failed(diags, path, "zip 文件已损坏",
                   f ? zip_file_get_error(f) : zip_get_error(za),
                   ZB_ERR_INVALID);
    }
    if (f)
        zip_fclose(f);
    e->data[e->len] = '\0';
    return complete ? ZB_OK : ZB_ERR_INVALID;
}

zb_status zipfile_read(const char *path, size_t max, zipfile_entries *out,
                       zb_diags *diags)
{
    *out = (zipfile_entries){0};
    int code = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!za) {
        zip_error_t err;
        zip_error_init_with_code(&err, code);
        zb_status st = zip_failed(diags, path,
                                  code == ZIP_ER_OPEN || code == ZIP_ER_NOENT
                                      ? "无法打开文件"
                                      : "不是有效的 zip 文件",
                                  &err,
                                  code == ZIP_ER_OPEN || code == ZIP_ER_NOENT
                                      ? ZB_ERR_IO
                                      : ZB_ERR_INVALID);
        zip_error_fini(&err);
        return st;
    }
    zip_int64_t n = zip_get_num_entries(za, 0);
    out->items = calloc(n > 0 ? (size_t)n : 1, sizeof *out->items);
    zb_status st = out->items ? ZB_OK : ZB_ERR_NOMEM;
    for (zip_int64_t i = 0; st == ZB_OK && i < n; i++) {
        zip_stat_t zs;
        if (zip_stat_index(za, (zip_uint64_t)i, 0, &zs) != 0 || !zs.name) {
            st = zip_failed(diags, path, "zip 文件已损坏", zip_get_error(za),
                            ZB_ERR_INVALID);
            break;
        }
        size_t len = strlen(zs.name);
        if (len && zs.name[len - 1] == '/')
            continue;
        st = read_entry(za, (zip_uint64_t)i, &zs, max, path,
                        &out->items[out->count++], diags);
    }
    zip_discard(za);
    return st;
}

const zipfile_entry *zipfile_find(const zipfile_entries *entries,
                                  const char *name)
{
    for (size_t i = 0; i < entries->count; i++)
        if (!strcmp(entries->items[i].name, name))
            return &entries->items[i];
    return NULL;
}

void zipfile_entries_free(zipfile_entries *entries)
{
    for (size_t i = 0; i < entries->count; i++) {
        free(entries->items[i].name);
        free(entries->items[i].data);
    }
    free(entries->items);
    *entries = (zipfile_entries){0};
}
