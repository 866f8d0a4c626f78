#include "schema.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlschemas.h>

#include "../core/buf.h"
#include "../core/datadir.h"
#include "../parse/ledger.h"
#include "../parse/xml_load.h"
#include "../rules/rules.h"
#include "schema_dict.h"
#include "schema_errors.h"
#include "schema_refs.h"

#define NAMESPACE_STEM "urn:zhengban:ledger:"

struct zb_schema {
    xmlDocPtr xsd; /* kept while the compiled schema lives */
    xmlSchemaPtr compiled;
    zb_dict *dict;
    schema_refs *refs; /* the keyrefs, checked in C */
};

/* Collects the schema compiler's complaints (an installation fault). */
static void on_compile_error(void *ctx, xmlErrorPtr err)
{
    zb_buf *b = ctx;
    if (err->level >= XML_ERR_ERROR && !b->len)
        buf_printf(b, "第 %d 行：%s", err->line,
                   err->message ? err->message : "");
}

/* Read the names and constraints of the schema as written, then compile it
   with the references left to schema_refs.c. */
static zb_status compile(zb_schema *s, const char *path, zb_diags *diags)
{
    zb_buf why = {0};
    zb_status st = dict_build(s->xsd, &s->dict);
    if (st == ZB_OK)
        st = refs_split(s->xsd, &s->refs);
    xmlSchemaParserCtxtPtr pc =
        st == ZB_OK ? xmlSchemaNewDocParserCtxt(s->xsd) : NULL;
    if (pc) {
        xmlSchemaSetParserStructuredErrors(pc, on_compile_error, &why);
        s->compiled = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
    }
    if (st == ZB_OK && !s->compiled)
        st = ZB_ERR_IO;
    if (st == ZB_ERR_IO)
        diags_add(diags, path, 0, 0, DIAG_ERROR, NULL,
                  "台账模式无法编译，请重新安装 zhengban（%s）",
                  why.len ? buf_str(&why) : "未知原因");
    buf_free(&why);
    return st;
}

zb_status schema_open(const char *datadir, zb_schema **out, zb_diags *diags)
{
    *out = NULL;
    char *path = datadir_join(datadir, "forms/ledger.xsd");
    zb_schema *s = calloc(1, sizeof *s);
    if (!path || !s) {
        free(path);
        free(s);
        return ZB_ERR_NOMEM;
    }
    zb_status st = xml_load_file(path, diags, &s->xsd);
    if (st == ZB_ERR_PARSE)
        st = ZB_ERR_IO;
    if (st == ZB_OK)
        st = compile(s, path, diags);
    free(path);
    if (st != ZB_OK) {
        schema_close(s);
        return st;
    }
    *out = s;
    return ZB_OK;
}

/* Refuse, with one message, a document that is not a ledger of this
   schema version. */
static zb_status check_root(xmlNodePtr root, const zb_source *src,
                            zb_diags *diags)
{
    const char *ns =
        root->ns && root->ns->href ? (const char *)root->ns->href : NULL;
    const char *name = (const char *)root->name;
    if (ns && !strcmp(ns, LEDGER_NAMESPACE) && !strcmp(name, "ledger"))
        return ZB_OK;
    zb_buf b = {0};
    if (ns && !strncmp(ns, NAMESPACE_STEM, strlen(NAMESPACE_STEM)))
        buf_printf(&b,
                   "台账模式版本“%s”不受支持：本程序读取第 1 版台账（%s），"
                   "请用与台账版本相应的 zhengban 处理",
                   ns + strlen(NAMESPACE_STEM), LEDGER_NAMESPACE);
    else if (ns && !strcmp(ns, LEDGER_NAMESPACE))
        buf_printf(&b, "根元素应为 <ledger>，而不是 <%s>", name);
    else
        buf_printf(&b,
                   "不是 zhengban 台账：根元素 <%s> 的命名空间是“%s”，台账的"
                   "根元素应为 <ledger xmlns=\"%s\">",
                   name, ns ? ns : "（无）", LEDGER_NAMESPACE);
    long line = xml_node_line(root);
    int col;
    source_locate(src, &line, &col, name, NULL);
    zb_status st = b.failed ? ZB_ERR_NOMEM
                            : rules_add(diags, src, "schema-version", line, col,
                                        buf_str(&b));
    buf_free(&b);
    return st == ZB_OK ? ZB_ERR_INVALID : st;
}

zb_status schema_validate(const zb_schema *schema, xmlDocPtr doc,
                          const zb_source *src, zb_diags *diags)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    zb_status st = root ? check_root(root, src, diags) : ZB_ERR_INVALID;
    if (st != ZB_OK)
        return st;
    size_t errors = diags->errors;
    zb_validation v = {schema->dict, src, diags, xmlHashCreate(64), ZB_OK};
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema->compiled);
    if (!vc || !v.seen) {
        st = ZB_ERR_NOMEM;
    } else {
        xmlSchemaSetValidStructuredErrors(vc, schema_errors_handle, &v);
        int rc = xmlSchemaValidateDoc(vc, doc);
        refs_check(schema->refs, &v, doc);
        if (rc != 0 && diags->errors == errors)
            rules_add(diags, src, "schema", 0, 0, "台账不符合台账模式");
        st = v.status != ZB_OK        ? v.status
             : diags->errors > errors ? ZB_ERR_INVALID
                                      : ZB_OK;
    }
    xmlSchemaFreeValidCtxt(vc);
    xmlHashFree(v.seen, NULL);
    return st;
}

void schema_close(zb_schema *schema)
{
    if (!schema)
        return;
    dict_free(schema->dict);
    refs_free(schema->refs);
    xmlSchemaFree(schema->compiled);
    xmlFreeDoc(schema->xsd);
    free(schema);
}
