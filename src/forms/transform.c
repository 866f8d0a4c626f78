#include "transform.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "../core/buf.h"
#include "../core/datadir.h"
#include "../parse/xml_load.h"
#include "docorder.h"
#include "xslt_ext.h"

struct zb_stylesheet {
    xsltStylesheetPtr xslt;
    char *path;
    char *datadir;  /* canonical; document() may read only below it */
};

/* Messages of one compile or one transformation. */
typedef struct error_sink {
    zb_buf text;
} error_sink;

static void collect_error(void *ctx, const char *fmt, ...)
{
    error_sink *sink = ctx;
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&sink->text, fmt, ap);
    va_end(ap);
}

/* If LINE is libxslt's "runtime error: file F line N element E", keep the
   file and line for the message that follows and return 1. */
static int parse_location(const char *line, size_t len, zb_buf *file,
                          long *lineno)
{
    static const char *const prefixes[] = {"runtime error: file ",
                                           "compilation error: file ", NULL};
    for (const char *const *p = prefixes; *p; p++) {
        size_t n = strlen(*p);
        if (len <= n || strncmp(line, *p, n))
            continue;
        const char *at = strstr(line + n, " line ");
        if (!at || at > line + len)
            return 0;
        buf_reset(file);
        buf_append(file, line + n, (size_t)(at - line - n));
        *lineno = strtol(at + 6, NULL, 10);
        return 1;
    }
    return 0;
}

/* Turn the collected messages into diagnostics: each message once, at the
   stylesheet line libxslt named just before it. */
static void report_errors(error_sink *sink, const char *file, const char *what,
                          zb_diags *diags)
{
    const char *s = buf_str(&sink->text);
    zb_buf where = {0}, last = {0};
    long line = 0, last_line = -1;
    int reported = 0, located = 0;
    while (*s) {
        size_t len = strcspn(s, "\n");
        if (parse_location(s, len, &where, &line)) {
            /* libxslt repeats the location for its own follow-up messages */
            located = line != last_line || strcmp(buf_str(&where),
                                                  buf_str(&last));
        } else if (len && (located || !reported)) {
            buf_reset(&last);
            buf_append_str(&last, buf_str(&where));
            last_line = line;
            diags_add(diags, where.len ? buf_str(&where) : file, line, 0,
                      DIAG_ERROR, "xslt", "%s：%.*s", what, (int)len, s);
            reported = 1;
            located = 0;
        }
        s += len + (s[len] == '\n');
    }
    if (!reported)
        diags_add(diags, file, 0, 0, DIAG_ERROR, "xslt", "%s", what);
    buf_free(&where);
    buf_free(&last);
    buf_free(&sink->text);
}

zb_status transform_load(const char *path, const char *datadir,
                         zb_diags *diags, zb_stylesheet **out)
{
    *out = NULL;
    zb_stylesheet *sheet = calloc(1, sizeof *sheet);
    char resolved[PATH_MAX];
    if (!sheet)
        return ZB_ERR_NOMEM;
    sheet->path = strdup(path);
    sheet->datadir = strdup(realpath(datadir, resolved) ? resolved : datadir);
    if (!sheet->path || !sheet->datadir) {
        transform_free(sheet);
        return ZB_ERR_NOMEM;
    }
    error_sink sink = {0};
    xsltSetGenericErrorFunc(&sink, collect_error);
    xmlSetGenericErrorFunc(&sink, collect_error);
    sheet->xslt = xsltParseStylesheetFile(BAD_CAST path);
    xsltSetGenericErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    if (!sheet->xslt || sheet->xslt->errors) {
        report_errors(&sink, path, "样式表无法编译", diags);
        transform_free(sheet);
        return ZB_ERR_XSLT;
    }
    buf_free(&sink.text);
    xslt_ext_attach(sheet->xslt);
    *out = sheet;
    return ZB_OK;
}

void transform_free(zb_stylesheet *sheet)
{
    if (!sheet)
        return;
    if (sheet->xslt)
        xsltFreeStylesheet(sheet->xslt);
    free(sheet->path);
    free(sheet->datadir);
    free(sheet);
}

/* ---------------------------------------------------------- security */

static int forbid(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                  const char *value)
{
    (void)sec;
    xsltTransformError(ctxt, NULL, NULL,
                       "样式表不得写文件、建目录或访问网络（%s）\n", value);
    return 0;
}

/* document() may read local files below the data directory only. */
static int allow_datadir_read(xsltSecurityPrefsPtr sec,
                              xsltTransformContextPtr ctxt, const char *value)
{
    const zb_stylesheet *sheet = ctxt->_private;
    const char *local = value;
    if (!strncmp(value, "file://", 7))
        local = value + 7;
    else if (strstr(value, "://"))
        return forbid(sec, ctxt, value);
    char *path = xmlURIUnescapeString(local, 0, NULL);
    char resolved[PATH_MAX];
    size_t n = strlen(sheet->datadir);
    int inside = path && realpath(path, resolved) &&
                 !strncmp(resolved, sheet->datadir, n) &&
                 (resolved[n] == '/' || resolved[n] == '\0');
    xmlFree(path);
    return inside ? 1 : forbid(sec, ctxt, value);
}

static xsltSecurityPrefsPtr make_security(void)
{
    xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();
    if (!sec)
        return NULL;
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, allow_datadir_read);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, forbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, forbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, forbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, forbid);
    return sec;
}

/* ------------------------------------------------------------- apply */

/* Append V as an XPath string literal. */
static void append_literal(zb_buf *b, const char *v)
{
    if (!strchr(v, '\'')) {
        buf_printf(b, "'%s'", v);
    } else if (!strchr(v, '"')) {
        buf_printf(b, "\"%s\"", v);
    } else { /* both quotes: concat('it', "'", 's') */
        buf_append_str(b, "concat('");
        for (const char *p = v; *p; p++)
            if (*p == '\'')
                buf_append_str(b, "', \"'\", '");
            else
                buf_append(b, p, 1);
        buf_append_str(b, "')");
    }
}

/* PARAMS with the values as XPath string literals; NULL on ENOMEM. */
static char **quote_params(const char *const *params)
{
    size_t n = 0;
    while (params && params[n])
        n++;
    char **quoted = calloc(n + 1, sizeof *quoted);
    for (size_t i = 0; quoted && i < n; i++) {
        zb_buf b = {0};
        if (i % 2 == 0)
            buf_append_str(&b, params[i]);
        else
            append_literal(&b, params[i]);
        quoted[i] = buf_detach(&b);
        if (!quoted[i]) {
            for (size_t k = 0; k < i; k++)
                free(quoted[k]);
            free(quoted);
            return NULL;
        }
    }
    return quoted;
}

/* A transformation context for DOC. libxslt stamps every element of DOC
   with its document order here; a document that has its stamps
   (docorder.h) is out of its sight meanwhile, so that its pages are not
   written. */
static xsltTransformContextPtr new_context(const zb_stylesheet *sheet,
                                           xmlDocPtr doc)
{
    if (!docorder_is_stamped(doc))
        return xsltNewTransformContext(sheet->xslt, doc);
    xmlNodePtr children = doc->children, last = doc->last;
    doc->children = doc->last = NULL;
    xsltTransformContextPtr ctxt = xsltNewTransformContext(sheet->xslt, doc);
    doc->children = children;
    doc->last = last;
    return ctxt;
}

static void free_params(char **params)
{
    for (size_t i = 0; params && params[i]; i++)
        free(params[i]);
    free(params);
}

zb_status transform_apply(const zb_stylesheet *sheet, xmlDocPtr doc,
                          const char *const *params, zb_diags *diags,
                          xmlDocPtr *out)
{
    *out = NULL;
    char **quoted = quote_params(params);
    xsltSecurityPrefsPtr sec = make_security();
    xsltTransformContextPtr ctxt = quoted && sec
        ? new_context(sheet, doc) : NULL;
    if (!ctxt) {
        free_params(quoted);
        if (sec)
            xsltFreeSecurityPrefs(sec);
        return ZB_ERR_NOMEM;
    }
    error_sink sink = {0};
    ctxt->_private = (void *)sheet;
    xsltSetCtxtSecurityPrefs(sec, ctxt);
    xsltSetTransformErrorFunc(ctxt, &sink, collect_error);
    xslt_ext_register(ctxt);
    xmlDocPtr result = xsltApplyStylesheetUser(sheet->xslt, doc,
                                               (const char **)quoted, NULL,
                                               NULL, ctxt);
    int failed = !result || ctxt->state != XSLT_STATE_OK;
    xsltFreeTransformContext(ctxt);
    xsltFreeSecurityPrefs(sec);
    free_params(quoted);
    if (failed) {
        xmlFreeDoc(result);
        report_errors(&sink, sheet->path, "样式表执行失败", diags);
        return ZB_ERR_XSLT;
    }
    buf_free(&sink.text);
    *out = result;
    return ZB_OK;
}

zb_status transform_load_named(const char *datadir, const char *file,
                               zb_diags *diags, zb_stylesheet **out)
{
    zb_buf rel = {0};
    buf_printf(&rel, "stylesheets/%s", file);
    char *path = rel.failed ? NULL : datadir_join(datadir, buf_str(&rel));
    zb_status st = path ? transform_load(path, datadir, diags, out)
                        : ZB_ERR_NOMEM;
    free(path);
    buf_free(&rel);
    return st;
}
