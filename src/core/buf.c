#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

zb_status buf_reserve(zb_buf *buf, size_t extra)
{
    if (buf->failed)
        return ZB_ERR_NOMEM;
    if (buf->len + extra < buf->cap)
        return ZB_OK;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap <= buf->len + extra)
        cap *= 2;
    char *data = realloc(buf->data, cap);
    if (!data) {
        buf->failed = 1;
        return ZB_ERR_NOMEM;
    }
    buf->data = data;
    buf->cap = cap;
    return ZB_OK;
}

zb_status buf_append(zb_buf *buf, const void *data, size_t n)
{
    zb_status st = buf_reserve(buf, n);
    if (st != ZB_OK)
        return st;
    if (n)
        memcpy(buf->data + buf->len, data, n);
    buf->len += n;
    buf->data[buf->len] = '\0';
    return ZB_OK;
}

zb_status buf_append_str(zb_buf *buf, const char *s)
{
    return buf_append(buf, s, strlen(s));
}

zb_status buf_vprintf(zb_buf *buf, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return ZB_ERR_NOMEM;
    zb_status st = buf_reserve(buf, (size_t)n);
    if (st != ZB_OK)
        return st;
    vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
    buf->len += (size_t)n;
    return ZB_OK;
}

zb_status buf_printf(zb_buf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    zb_status st = buf_vprintf(buf, fmt, ap);
    va_end(ap);
    return st;
}

const char *buf_str(const zb_buf *buf)
{
    return buf->data ? buf->data : "";
}

void buf_reset(zb_buf *buf)
{
    buf->len = 0;
    if (buf->data)
        buf->data[0] = '\0';
}

char *buf_detach(zb_buf *buf)
{
    char *data = buf->failed ? NULL : buf->data;
    if (buf->failed)
        free(buf->data);
    else if (!data)
        data = calloc(1, 1);
    *buf = (zb_buf){0};
    return data;
}

void buf_free(zb_buf *buf)
{
    free(buf->data);
    *buf = (zb_buf){0};
}
