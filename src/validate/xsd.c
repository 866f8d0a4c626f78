#include "xsd.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlschemas.h>

#include "../core/datadir.h"

/* A schema of the data directory that does not compile is reported once,
   as an installation fault, without libxml2's words on stderr. */
static void ignore(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

struct zb_xsd {
    char *rel;
    xmlSchemaPtr compiled;
};

zb_status xsd_open(const char *datadir, const char *rel, zb_diags *diags,
                   zb_xsd **out)
{
    *out = NULL;
    char *path = datadir_join(datadir, rel);
    zb_xsd *x = calloc(1, sizeof *x);
    if (!path || !x || !(x->rel = strdup(rel))) {
        free(path);
        xsd_close(x);
        return ZB_ERR_NOMEM;
    }
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
    if (pc) {
        xmlSchemaSetParserStructuredErrors(pc, ignore, NULL);
        x->compiled = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
    }
    if (!x->compiled) {
        diags_add(diags, path, 0, 0, DIAG_ERROR, NULL,
                  "模式无法读取或编译，请重新安装 zhengban");
        free(path);
        xsd_close(x);
        return ZB_ERR_IO;
    }
    free(path);
    *out = x;
    return ZB_OK;
}

typedef struct validation {
    const zb_xsd *xsd;
    const char *name;
    zb_diags *diags;
} validation;

static void on_error(void *ctx, xmlErrorPtr err)
{
    const validation *v = ctx;
    if (err->level < XML_ERR_ERROR)
        return;
    size_t n = err->message ? strlen(err->message) : 0;
    while (n && err->message[n - 1] == '\n')
        n--;
    diags_add(v->diags, v->name, err->line, 0, DIAG_ERROR, NULL,
              "不符合 %s：%.*s", v->xsd->rel, (int)n,
              err->message ? err->message : "");
}

zb_status xsd_validate(const zb_xsd *xsd, xmlDocPtr doc, const char *name,
                       zb_diags *diags)
{
    validation v = {xsd, name, diags};
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(xsd->compiled);
    if (!vc)
        return ZB_ERR_NOMEM;
    size_t errors = diags->errors;
    xmlSchemaSetValidStructuredErrors(vc, on_error, &v);
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    if (rc != 0 && diags->errors == errors)
        diags_add(diags, name, 0, 0, DIAG_ERROR, NULL, "不符合 %s", xsd->rel);
    return rc == 0 ? ZB_OK : ZB_ERR_INVALID;
}

void xsd_close(zb_xsd *xsd)
{
    if (!xsd)
        return;
    xmlSchemaFree(xsd->compiled);
    free(xsd->rel);
    free(xsd);
}
