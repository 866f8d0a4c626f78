#include "catalog.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlschemas.h>

#include "../core/datadir.h"
#include "../derive/facts_xml.h"
#include "../parse/xml_load.h"

#define CATALOG_FILE "forms/catalog.xml"
#define CATALOG_SCHEMA "forms/catalog.xsd"

static const char *const format_names[] = {"pdf", "xlsx"};

/* The schema's complaints as diagnostics on the catalogue. */
typedef struct schema_sink {
    zb_diags *diags;
    const char *file;
    int errors;
} schema_sink;

static void on_schema_error(void *ctx, xmlErrorPtr err)
{
    schema_sink *sink = ctx;
    const char *msg = err->message ? err->message : "";
    int len = (int)strcspn(msg, "\n");
    diags_add(sink->diags, err->file ? err->file : sink->file, err->line, 0,
              DIAG_ERROR, NULL, "不符合 %s：%.*s", CATALOG_SCHEMA, len, msg);
    sink->errors++;
}

/* Check DOC, read from FILE, against DATADIR/forms/catalog.xsd. */
static zb_status validate(const char *datadir, xmlDocPtr doc,
                          const char *file, zb_diags *diags)
{
    schema_sink sink = {diags, file, 0};
    char *xsd = datadir_join(datadir, CATALOG_SCHEMA);
    xmlSchemaParserCtxtPtr pc = xsd ? xmlSchemaNewParserCtxt(xsd) : NULL;
    xmlSchemaPtr schema = NULL;
    if (pc) {
        xmlSchemaSetParserStructuredErrors(pc, on_schema_error, &sink);
        schema = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
    }
    xmlSchemaValidCtxtPtr vc = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
    if (vc) {
        xmlSchemaSetValidStructuredErrors(vc, on_schema_error, &sink);
        if (xmlSchemaValidateDoc(vc, doc) != 0 && !sink.errors)
            sink.errors++;
        xmlSchemaFreeValidCtxt(vc);
    } else if (!sink.errors) {
        diags_add(diags, xsd ? xsd : CATALOG_SCHEMA, 0, 0, DIAG_ERROR, NULL,
                  "无法读取表格目录的模式");
        sink.errors++;
    }
    xmlSchemaFree(schema);
    free(xsd);
    return sink.errors ? ZB_ERR_IO : ZB_OK;
}

/* A copy of attribute NAME of N in the catalogue's arena ("" if absent). */
static const char *attr(zb_catalog *c, xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    const char *copy = arena_strdup(&c->arena, v ? (const char *)v : "");
    xmlFree(v);
    return copy;
}

/* The format called NAME (LEN bytes), or 0. */
static unsigned format_named(const char *name, size_t len)
{
    for (unsigned f = 0; f < 2; f++)
        if (len == strlen(format_names[f]) &&
            !strncmp(name, format_names[f], len))
            return 1u << f;
    return 0;
}

/* The or-ed values NAMED gives the words of the list LIST (NULL: none). */
static unsigned parse_list(const char *list,
                           unsigned (*named)(const char *, size_t))
{
    unsigned set = 0;
    for (const char *p = list ? list + strspn(list, " \t\n") : ""; *p;) {
        size_t len = strcspn(p, " \t\n");
        set |= named(p, len);
        p += len;
        p += strspn(p, " \t\n");
    }
    return set;
}

static zb_status read_document(zb_catalog *c, xmlNodePtr e)
{
    zb_catalog_document *d = &c->documents[c->document_count++];
    d->kind = attr(c, e, "kind");
    d->stylesheet = attr(c, e, "stylesheet");
    const char *attach = attr(c, e, "attach");
    d->attach_all = attach && !strcmp(attach, "all-blank");
    d->line = xml_node_line(e);
    return d->kind && d->stylesheet && attach ? ZB_OK : ZB_ERR_NOMEM;
}

static zb_status read_entries(zb_catalog *c, xmlNodePtr root)
{
    size_t n = 0;
    for (xmlNodePtr e = root->children; e; e = e->next)
        n += e->type == XML_ELEMENT_NODE;
    c->entries = arena_calloc(&c->arena, n ? n : 1, sizeof *c->entries);
    c->documents = arena_calloc(&c->arena, n ? n : 1, sizeof *c->documents);
    if (!c->entries || !c->documents)
        return ZB_ERR_NOMEM;
    for (xmlNodePtr e = root->children; e; e = e->next) {
        if (e->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)e->name, "document")) {
            if (read_document(c, e) != ZB_OK)
                return ZB_ERR_NOMEM;
            continue;
        }
        zb_catalog_entry *entry = &c->entries[c->count++];
        entry->name = attr(c, e, "name");
        entry->number = atoi(attr(c, e, "number"));
        entry->title = attr(c, e, "title");
        entry->stylesheet = attr(c, e, "stylesheet");
        entry->orientation = attr(c, e, "orientation");
        entry->copy = attr(c, e, "copy");
        entry->formats = parse_list(attr(c, e, "formats"), format_named);
        entry->facts = parse_list(attr(c, e, "facts"), facts_part_named);
        const char *pieces = attr(c, e, "pieces");
        entry->pieces = !pieces                  ? CATALOG_WHOLE
                        : !strcmp(pieces, "rows") ? CATALOG_ROWS
                        : !strcmp(pieces, "true") || !strcmp(pieces, "1")
                            ? CATALOG_COPIES
                            : CATALOG_WHOLE;
        entry->line = xml_node_line(e);
        if (!entry->name || !entry->title || !entry->stylesheet ||
            !entry->orientation || !entry->copy)
            return ZB_ERR_NOMEM;
    }
    return ZB_OK;
}

zb_status catalog_load(const char *datadir, zb_diags *diags,
                       zb_catalog **out)
{
    *out = NULL;
    char *path = datadir_join(datadir, CATALOG_FILE);
    zb_catalog *c = calloc(1, sizeof *c);
    if (!path || !c) {
        free(path);
        free(c);
        return ZB_ERR_NOMEM;
    }
    xmlDocPtr doc = NULL;
    zb_status st = xml_load_file(path, diags, &doc);
    if (st == ZB_ERR_PARSE)
        st = ZB_ERR_IO;  /* a broken installation, not bad input */
    if (st == ZB_OK)
        st = validate(datadir, doc, path, diags);
    if (st == ZB_OK)
        st = read_entries(c, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    free(path);
    if (st != ZB_OK) {
        catalog_free(c);
        return st;
    }
    *out = c;
    return ZB_OK;
}

const zb_catalog_entry *catalog_find(const zb_catalog *catalog,
                                     const char *name)
{
    for (size_t i = 0; i < catalog->count; i++)
        if (!strcmp(catalog->entries[i].name, name))
            return &catalog->entries[i];
    return NULL;
}

const zb_catalog_document *catalog_find_document(const zb_catalog *catalog,
                                                 const char *kind)
{
    for (size_t i = 0; i < catalog->document_count; i++)
        if (!strcmp(catalog->documents[i].kind, kind))
            return &catalog->documents[i];
    return NULL;
}

const char *catalog_format_name(unsigned format)
{
    return format == CATALOG_XLSX ? format_names[1] : format_names[0];
}

void catalog_free(zb_catalog *catalog)
{
    if (!catalog)
        return;
    arena_free(&catalog->arena);
    free(catalog);
}
