#include "build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/datadir.h"
#include "../core/fileio.h"
#include "../derive/facts.h"
#include "../derive/facts_xml.h"
#include "../pipeline/front.h"
#include "../render/layout.h"
#include "../render/pdf_render.h"
#include "../render/xlsx.h"
#include "transform.h"

struct zb_builder {
    zb_schema *schema;
    zb_catalog *catalog;
    zb_stylesheet **sheets;  /* one per catalogue entry */
    pdf_fonts *fonts;        /* NULL when no PDF is wanted */
};

zb_status build_open(const char *datadir, unsigned formats, const char *fonts,
                     zb_diags *diags, zb_builder **out)
{
    *out = NULL;
    zb_builder *b = calloc(1, sizeof *b);
    if (!b)
        return ZB_ERR_NOMEM;
    zb_status st = schema_open(datadir, &b->schema, diags);
    if (st == ZB_OK)
        st = catalog_load(datadir, diags, &b->catalog);
    if (st == ZB_OK) {
        b->sheets = calloc(b->catalog->count, sizeof *b->sheets);
        st = b->sheets ? ZB_OK : ZB_ERR_NOMEM;
    }
    for (size_t i = 0; st == ZB_OK && i < b->catalog->count; i++) {
        zb_buf rel = {0};
        buf_printf(&rel, "stylesheets/%s", b->catalog->entries[i].stylesheet);
        char *path = rel.failed ? NULL : datadir_join(datadir, buf_str(&rel));
        st = path ? transform_load(path, datadir, diags, &b->sheets[i])
                  : ZB_ERR_NOMEM;
        free(path);
        buf_free(&rel);
    }
    if (st == ZB_OK && (formats & CATALOG_PDF))
        st = pdf_fonts_load(fonts, diags, &b->fonts);
    if (st != ZB_OK) {
        build_close(b);
        return st;
    }
    *out = b;
    return ZB_OK;
}

void build_close(zb_builder *b)
{
    if (!b)
        return;
    for (size_t i = 0; b->sheets && i < b->catalog->count; i++)
        transform_free(b->sheets[i]);
    free(b->sheets);
    catalog_free(b->catalog);
    schema_close(b->schema);
    pdf_fonts_free(b->fonts);
    free(b);
}

/* ------------------------------------------------------- choosing forms */

/* The unit's 附件 number of entry E: the ledger's <numbering> (where its
   default is the guide's), else the catalogue's. */
static int entry_number(const zb_ledger *ledger, const zb_catalog_entry *e)
{
    zb_form f = ledger_form_find(e->name);
    return f < FORM_COUNT ? ledger->form_number[f] : e->number;
}

/* Mark in CHOSEN the entries TOKEN (LEN bytes) names: a 附件 number of
   this ledger or a catalogue name. 0 when it names none. */
static int choose_one(const zb_catalog *cat, const zb_ledger *ledger,
                      const char *token, size_t len, bool *chosen)
{
    int found = 0;
    /* numbers go up to 99; a longer one names no form */
    int digits = len > 0 && strspn(token, "0123456789") >= len;
    int number = digits && len <= 3 ? atoi(token) : -1;
    for (size_t i = 0; i < cat->count; i++) {
        const zb_catalog_entry *e = &cat->entries[i];
        int match = digits ? number == entry_number(ledger, e)
                           : strlen(e->name) == len &&
                                 !strncmp(e->name, token, len);
        if (match) {
            chosen[i] = true;
            found = 1;
        }
    }
    return found;
}

/* Which entries JOB asks for; ZB_ERR_USAGE naming each unknown one. */
static zb_status choose_entries(const zb_builder *b, const build_job *job,
                                const zb_ledger *ledger, bool *chosen,
                                zb_diags *diags)
{
    const zb_catalog *cat = b->catalog;
    const char *p = job->forms ? job->forms : "";
    for (size_t i = 0; i < cat->count; i++)
        chosen[i] = !*p;
    zb_status st = ZB_OK;
    while (*p) {
        size_t len = strcspn(p, ",");
        if (!choose_one(cat, ledger, p, len, chosen)) {
            diags_add(diags, NULL, 0, 0, DIAG_ERROR, NULL,
                      "--forms：没有表格“%.*s”（可写附件编号如 5，或表格名称如 "
                      "statistics）", (int)len, p);
            st = ZB_ERR_USAGE;
        }
        p += len + (p[len] == ',');
    }
    return st;
}

/* ------------------------------------------------------------- writing */

/* "附件05-软件正版化工作信息统计表": what the outputs of an entry are called. */
static char *output_name(int number, const char *title)
{
    zb_buf b = {0};
    buf_printf(&b, "附件%02d-%s", number, title);
    return buf_detach(&b);
}

static char *output_path(const char *dir, int number, const char *title,
                         const char *ext)
{
    char *name = output_name(number, title);
    zb_buf b = {0};
    size_t n = strlen(dir);
    if (name)
        buf_printf(&b, "%s%s%s.%s", dir, n && dir[n - 1] == '/' ? "" : "/",
                   name, ext);
    free(name);
    return buf_detach(&b);
}

/* Write the layout document LAYOUT of entry E as it is. */
static zb_status write_layout(const build_job *job, xmlDocPtr layout,
                              int number, const zb_catalog_entry *e,
                              zb_diags *diags)
{
    char *path = output_path(job->dir, number, e->title, "layout.xml");
    xmlChar *text = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(layout, &text, &len, "UTF-8", 1);
    zb_status st = path && text ? file_write_atomic(path, text, (size_t)len,
                                                    diags)
                                : ZB_ERR_NOMEM;
    if (st == ZB_OK && job->written)
        job->written(path, job->arg);
    xmlFree(text);
    free(path);
    return st;
}

static zb_status render(const zb_builder *b, const lo_document *doc,
                        unsigned format, const char *path, zb_diags *diags)
{
    if (format == CATALOG_PDF)
        return pdf_render_doc(doc, b->fonts, path, diags);
    return xlsx_render_doc(doc, path, diags);
}

/* The elements of a result tree carry the lines of whichever stylesheet
   module wrote them, which would mislead in a diagnostic on the layout:
   forget them (the layout file of --format layout has lines of its own). */
static void forget_lines(xmlNodePtr n)
{
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) {
            n->line = 0;
            forget_lines(n->children);
        }
}

/* Run the stylesheet of entry I, numbered NUMBER, on the ledger in FRONT
   and read the layout model from the result tree; with --format layout
   write the tree as well. */
static zb_status lay_out(const zb_builder *b, const build_job *job,
                         const zb_front *front, size_t i, int number,
                         zb_diags *diags, lo_document **out)
{
    const zb_catalog_entry *e = &b->catalog->entries[i];
    char num[16];
    snprintf(num, sizeof num, "%d", number);
    const char *params[] = {"number",      num,
                            "title",       e->title,
                            "orientation", e->orientation,
                            "blank",       job->blank ? "1" : "0",
                            "source",      front->source.name,
                            NULL};
    xmlDocPtr result;
    *out = NULL;
    zb_status st = transform_apply(b->sheets[i], front->doc, params, diags,
                                   &result);
    if (st != ZB_OK)
        return st;
    if (job->formats & BUILD_LAYOUT)
        st = write_layout(job, result, number, e, diags);
    char *name = output_name(number, e->title);
    forget_lines(xmlDocGetRootElement(result));
    if (st == ZB_OK)
        st = name ? layout_read_doc(result, name, diags, out) : ZB_ERR_NOMEM;
    free(name);
    xmlFreeDoc(result);
    return st;
}

/* Lay out entry I for the ledger in FRONT and write its formats. */
static zb_status build_entry(const zb_builder *b, const build_job *job,
                             const zb_front *front, size_t i,
                             zb_diags *diags)
{
    const zb_catalog_entry *e = &b->catalog->entries[i];
    int number = entry_number(front->ledger, e);
    lo_document *doc;
    zb_status st = lay_out(b, job, front, i, number, diags, &doc);
    for (unsigned f = CATALOG_PDF; st == ZB_OK && f <= CATALOG_XLSX; f <<= 1) {
        if (!(e->formats & job->formats & f))
            continue;
        char *path = output_path(job->dir, number, e->title,
                                 catalog_format_name(f));
        st = path ? render(b, doc, f, path, diags) : ZB_ERR_NOMEM;
        if (st == ZB_OK && job->written)
            job->written(path, job->arg);
        free(path);
    }
    layout_free_doc(doc);
    return st;
}

/* Derive the facts of the ledger in FRONT and append them to its
   document, where the stylesheets read them (/l:ledger/f:facts). */
static zb_status add_facts(zb_front *front, zb_diags *diags)
{
    zb_facts *facts;
    zb_status st = facts_derive(front->ledger, front->source.name, &facts,
                                diags);
    if (st == ZB_OK)
        st = facts_append(facts, front->doc);
    facts_free(facts);
    return st;
}

zb_status build_ledger(const zb_builder *b, const build_job *job,
                       zb_diags *diags)
{
    zb_front front;
    zb_status st = front_load_file(b->schema, job->ledger, &front, diags);
    bool *chosen = calloc(b->catalog->count, sizeof *chosen);
    if (st == ZB_OK && !chosen)
        st = ZB_ERR_NOMEM;
    if (st == ZB_OK)
        st = choose_entries(b, job, front.ledger, chosen, diags);
    if (st == ZB_OK && !job->blank)
        st = add_facts(&front, diags);
    if (st == ZB_OK)
        st = file_make_dirs(job->dir, diags);
    zb_status first = ZB_OK;  /* a form failed: go on with the others */
    for (size_t i = 0; st == ZB_OK && i < b->catalog->count; i++) {
        if (!chosen[i])
            continue;
        zb_status one = build_entry(b, job, &front, i, diags);
        if (one == ZB_ERR_NOMEM)
            st = one;
        else if (first == ZB_OK)
            first = one;
    }
    free(chosen);
    front_free(&front);
    return st != ZB_OK ? st : first;
}
