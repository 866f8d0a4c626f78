/*
 * buf.h - a growable byte buffer, always NUL-terminated.
 *
 * A zero-initialised zb_buf is empty and ready to use. On allocation failure
 * the buffer keeps its old contents, sets its `failed` flag and the call
 * returns ZB_ERR_NOMEM; later appends are ignored, so a caller may append
 * several pieces and check once.
 */
#ifndef ZB_BUF_H
#define ZB_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "status.h"

typedef struct zb_buf {
    char *data;  /* NUL-terminated; NULL while nothing was appended */
    size_t len;  /* bytes used, without the NUL */
    size_t cap;
    int failed;  /* an allocation failed */
} zb_buf;

/* Make room for EXTRA more bytes after the LEN used (and the NUL). */
zb_status buf_reserve(zb_buf *buf, size_t extra);

/* Append N bytes of DATA. */
zb_status buf_append(zb_buf *buf, const void *data, size_t n);

/* Append the NUL-terminated string S. */
zb_status buf_append_str(zb_buf *buf, const char *s);

/* Append printf-style formatted text. */
zb_status buf_printf(zb_buf *buf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
zb_status buf_vprintf(zb_buf *buf, const char *fmt, va_list ap);

/* The contents as a C string ("" when empty). */
const char *buf_str(const zb_buf *buf);

/* Forget the contents, keep the memory. */
void buf_reset(zb_buf *buf);

/* Hand the data over to the caller (free() it) and empty the buffer.
   Returns NULL if an allocation failed earlier. */
char *buf_detach(zb_buf *buf);

/* Release the memory. */
void buf_free(zb_buf *buf);

#endif
