#include "aggregate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../bundle/bundle.h"
#include "../core/buf.h"
#include "../core/fileio.h"
#include "../core/hash.h"
#include "../forms/catalog.h"
#include "../forms/transform.h"
#include "../parse/xml_load.h"
#include "../render/layout.h"
#include "../render/pdf_render.h"
#include "../render/xlsx.h"
#include "../validate/xsd.h"

/* One output of the roll-up: a stylesheet, its parameters, its files. */
typedef struct county_form {
    const char *file;        /* "汇总-软件正版化工作信息统计表" */
    const char *stylesheet;  /* under stylesheets/ */
    const char *number;      /* the 附件 label, "" for none */
    const char *title;
    const char *orientation;
    zb_stylesheet *sheet;
} county_form;

enum { FORM_SUMS, FORM_UNITS, COUNTY_FORMS };

struct zb_aggregator {
    zb_xsd *facts;
    zb_catalog *catalog;    /* owns the 附件5 entry's strings */
    char number[16];
    county_form forms[COUNTY_FORMS];
    pdf_fonts *fonts;
};

/* The county's 统计表 is the catalogue's 附件5 (statistics), laid out by
   its own stylesheet; the table of units has one of its own. */
static zb_status set_forms(zb_aggregator *a, zb_diags *diags)
{
    const zb_catalog_entry *e = catalog_find(a->catalog, "statistics");
    if (!e) {
        diags_add(diags, NULL, 0, 0, DIAG_ERROR, NULL,
                  "表格目录 forms/catalog.xml 中没有 statistics（附件5），"
                  "请重新安装 zhengban");
        return ZB_ERR_IO;
    }
    snprintf(a->number, sizeof a->number, "%d", e->number);
    a->forms[FORM_SUMS] = (county_form){"汇总-软件正版化工作信息统计表",
                                        e->stylesheet, a->number, e->title,
                                        e->orientation, NULL};
    a->forms[FORM_UNITS] = (county_form){"汇总-各单位软件正版化工作情况表",
                                         "county-units.xsl", "",
                                         "各单位软件正版化工作情况表",
                                         "landscape", NULL};
    return ZB_OK;
}

zb_status aggregate_open(const char *datadir, const char *fonts,
                         zb_diags *diags, zb_aggregator **out)
{
    zb_aggregator *a = calloc(1, sizeof *a);
    *out = NULL;
    if (!a)
        return ZB_ERR_NOMEM;
    zb_status st = xsd_open(datadir, "forms/facts.xsd", diags, &a->facts);
    if (st == ZB_OK)
        st = catalog_load(datadir, diags, &a->catalog);
    if (st == ZB_OK)
        st = set_forms(a, diags);
    for (int i = 0; st == ZB_OK && i < COUNTY_FORMS; i++)
        st = transform_load_named(datadir, a->forms[i].stylesheet, diags,
                                  &a->forms[i].sheet);
    if (st == ZB_OK)
        st = pdf_fonts_load(fonts, diags, &a->fonts);
    if (st != ZB_OK) {
        aggregate_close(a);
        return st;
    }
    *out = a;
    return ZB_OK;
}

void aggregate_close(zb_aggregator *a)
{
    if (!a)
        return;
    for (int i = 0; i < COUNTY_FORMS; i++)
        transform_free(a->forms[i].sheet);
    pdf_fonts_free(a->fonts);
    catalog_free(a->catalog);
    xsd_close(a->facts);
    free(a);
}

/* ------------------------------------------------------------ reading */

/* "a.zip" of "dir/a.zip". */
static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Read the bundle PATH, check it and its facts, and add them to R. */
static zb_status add_bundle(const zb_aggregator *a, zb_rollup *r,
                            const char *path, zb_diags *diags)
{
    zb_bundle b;
    xmlDocPtr doc = NULL;
    zb_buf name = {0};
    zb_status st = bundle_read(path, &b, diags);
    if (st == ZB_OK) {
        buf_printf(&name, "%s（%s）", path, b.facts->name);
        st = name.failed ? ZB_ERR_NOMEM
                         : xml_load_memory(b.facts->data, b.facts->len,
                                           buf_str(&name), diags, &doc);
        st = st == ZB_ERR_PARSE ? ZB_ERR_INVALID : st;
    }
    if (st == ZB_OK)
        st = rollup_check_version(doc, buf_str(&name), diags);
    if (st == ZB_OK)
        st = xsd_validate(a->facts, doc, buf_str(&name), diags);
    if (st == ZB_OK)
        st = rollup_add(r, doc, base_name(path), diags);
    xmlFreeDoc(doc);
    buf_free(&name);
    bundle_free(&b);
    return st;
}

/* The bundles' lines of SHA256SUMS: each by its path from the folder D. */
static zb_status bundle_sums(const zb_outdir *d, const aggregate_job *job,
                             zb_sums *out, zb_diags *diags)
{
    zb_status st = ZB_OK;
    for (size_t i = 0; st == ZB_OK && i < job->count; i++) {
        char *data = NULL, *rel = outdir_relative(d, job->bundles[i]);
        size_t len = 0;
        char hex[HASH_HEX_SIZE];
        st = rel ? file_read_all(job->bundles[i], &data, &len, diags)
                 : ZB_ERR_NOMEM;
        if (st == ZB_OK) {
            hash_bytes(data, len, hex);
            st = sums_add(out, rel, hex);
        }
        free(data);
        free(rel);
    }
    return st;
}

/* ------------------------------------------------------------ writing */

/* Lay out F from the roll-up DOC and write it as PDF and XLSX into DIR. */
static zb_status write_form(const zb_aggregator *a, const county_form *f,
                            xmlDocPtr doc, const char *dir, zb_diags *diags)
{
    const char *params[] = {"number", f->number, "title", f->title,
                            "orientation", f->orientation, "blank", "0",
                            "source", "", NULL};
    xmlDocPtr result = NULL;
    lo_document *layout = NULL;
    zb_buf pdf = {0}, xlsx = {0};
    buf_printf(&pdf, "%s/%s.pdf", dir, f->file);
    buf_printf(&xlsx, "%s/%s.xlsx", dir, f->file);
    zb_status st = pdf.failed || xlsx.failed
                       ? ZB_ERR_NOMEM
                       : transform_apply(f->sheet, doc, params, diags, &result);
    if (st == ZB_OK)
        st = layout_read_doc(result, f->file, diags, &layout);
    if (st == ZB_OK)
        st = pdf_render_doc(layout, a->fonts, buf_str(&pdf), diags);
    if (st == ZB_OK)
        st = xlsx_render_doc(layout, buf_str(&xlsx), diags);
    layout_free_doc(layout);
    xmlFreeDoc(result);
    buf_free(&pdf);
    buf_free(&xlsx);
    return st;
}

/* Write the forms of the roll-up DOC into the folder JOB->dir. */
static zb_status write_all(const zb_aggregator *a, const aggregate_job *job,
                           xmlDocPtr doc, zb_diags *diags)
{
    zb_outdir *d;
    zb_sums inputs = {0};
    zb_status st = outdir_open(job->dir, diags, &d);
    if (st != ZB_OK)
        return st;
    if (job->staging)
        job->staging(outdir_staging(d), job->arg);
    for (int i = 0; st == ZB_OK && i < COUNTY_FORMS; i++)
        st = write_form(a, &a->forms[i], doc, outdir_staging(d), diags);
    if (st == ZB_OK)
        st = bundle_sums(d, job, &inputs, diags);
    if (st == ZB_OK)
        st = outdir_commit(d, &inputs, true, job->report, job->arg, diags);
    sums_free(&inputs);
    outdir_close(d);
    return st;
}

zb_status aggregate_write(const zb_aggregator *a, const aggregate_job *job,
                          zb_diags *diags)
{
    zb_rollup *r;
    zb_status st = rollup_open(&job->header, &r);
    zb_status first = ZB_OK; /* a bundle failed: check the others too */
    for (size_t i = 0; st == ZB_OK && i < job->count; i++) {
        zb_status one = add_bundle(a, r, job->bundles[i], diags);
        if (one == ZB_ERR_NOMEM)
            st = one;
        else if (first == ZB_OK)
            first = one;
    }
    if (st == ZB_OK)
        st = first;
    xmlDocPtr doc = st == ZB_OK ? rollup_document(r) : NULL;
    if (st == ZB_OK)
        st = doc ? write_all(a, job, doc, diags) : ZB_ERR_NOMEM;
    rollup_free(r);
    return st;
}
