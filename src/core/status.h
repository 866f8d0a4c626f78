/*
 * status.h - the error codes every module returns.
 *
 * Functions that can fail return a zb_status and report the details to the
 * user through a zb_diags list (see diag.h); callers check the status at once.
 */
#ifndef ZB_STATUS_H
#define ZB_STATUS_H

typedef enum zb_status {
    ZB_OK = 0,
    ZB_ERR_NOMEM,   /* out of memory */
    ZB_ERR_IO,      /* a file cannot be read or written */
    ZB_ERR_USAGE,   /* bad command line or option value */
    ZB_ERR_PARSE,   /* not well-formed XML */
    ZB_ERR_INVALID, /* the document breaks its schema or the ledger rules */
    ZB_ERR_FONT,    /* a font is missing, unusable or lacks a character */
    ZB_ERR_XSLT,    /* a stylesheet failed */
    ZB_ERR_RENDER   /* the PDF or XLSX library failed */
} zb_status;

/* Short Chinese description of STATUS, for messages. Never NULL. */
const char *status_describe(zb_status status);

#endif
