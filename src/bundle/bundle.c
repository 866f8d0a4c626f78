#include "bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/fileio.h"
#include "../core/hash.h"
#include "../core/sums.h"
#include "../derive/facts_xml.h"
#include "../forms/mask.h"
#include "../batch/outdir.h"

/* Bundles are read with this bound on each file (a county unit's bundle is
   a few megabytes). */
enum { ENTRY_MAX = 256 << 20 };

/* SCRATCH/NAME, or NULL. */
static char *join(const char *dir, const char *name)
{
    zb_buf b = {0};
    buf_printf(&b, "%s/%s", dir, name);
    return buf_detach(&b);
}

/* "leadership,pledge,…,confirmation,report-2023": every form and the
   ledger's year-end reports. */
static char *chosen_outputs(const zb_ledger *ledger)
{
    zb_buf b = {0};
    for (int f = 0; f < FORM_COUNT; f++)
        buf_printf(&b, "%s%s", f ? "," : "", ledger_form_name((zb_form)f));
    for (size_t k = 0; k < ledger->ndocuments; k++)
        if (ledger->documents[k].kind == DOCUMENT_REPORT)
            buf_printf(&b, ",%s", ledger->documents[k].id);
    return buf_detach(&b);
}

/* Render into SCRATCH every form and report as PDF, and 附件5 as XLSX. */
static zb_status render_outputs(const zb_builder *b, build_input *in,
                                const char *ledger, const char *scratch,
                                zb_diags *diags)
{
    char *all = chosen_outputs(in->front.ledger);
    build_job job = {.ledger = ledger, .dir = scratch, .forms = all,
                     .formats = CATALOG_PDF};
    zb_status st = all ? build_write(b, &job, in, diags) : ZB_ERR_NOMEM;
    job.forms = ledger_form_name(FORM_STATISTICS);
    job.formats = CATALOG_XLSX;
    if (st == ZB_OK)
        st = build_write(b, &job, in, diags);
    free(all);
    return st;
}

/* Write the facts of IN, masked by M (NULL: not), to SCRATCH/facts.xml. */
static zb_status write_facts(const build_input *in, const zb_mask *m,
                             const char *scratch, zb_diags *diags)
{
    zb_buf text = {0};
    char *path = join(scratch, BUNDLE_FACTS);
    zb_status st = path ? facts_xml(in->facts, &text) : ZB_ERR_NOMEM;
    if (st == ZB_OK && m)
        st = mask_buf(m, &text);
    if (st == ZB_OK)
        st = file_write_atomic(path, buf_str(&text), text.len, diags);
    buf_free(&text);
    free(path);
    return st;
}

/* The zip entries FOLDER/NAME of the files in SCRATCH, and SHA256SUMS
   listing them and the ledger (its bytes SRC, called ../NAME). */
static zb_status collect(const char *scratch, const char *folder,
                         const char *ledger, const zb_source *src,
                         zipfile_entries *out, zb_diags *diags)
{
    char **names;
    size_t n;
    zb_sums sums = {0};
    zb_status st = file_list_dir(scratch, &names, &n, diags);
    out->items = st == ZB_OK ? calloc(n + 1, sizeof *out->items) : NULL;
    if (st == ZB_OK && !out->items)
        st = ZB_ERR_NOMEM;
    char hex[HASH_HEX_SIZE];
    for (size_t i = 0; st == ZB_OK && i < n; i++) {
        zipfile_entry *e = &out->items[out->count++];
        char *path = join(scratch, names[i]);
        zb_buf name = {0};
        buf_printf(&name, "%s/%s", folder, names[i]);
        e->name = buf_detach(&name);
        st = path && e->name ? file_read_all(path, &e->data, &e->len, diags)
                             : ZB_ERR_NOMEM;
        free(path);
        if (st == ZB_OK) {
            hash_bytes(e->data, e->len, hex);
            st = sums_add(&sums, names[i], hex);
        }
    }
    const char *base = strrchr(ledger, '/');
    zb_buf line = {0}, text = {0};
    buf_printf(&line, "../%s", base ? base + 1 : ledger);
    hash_bytes(src->text, src->len, hex);
    if (st == ZB_OK)
        st = line.failed ? ZB_ERR_NOMEM : sums_add(&sums, buf_str(&line), hex);
    if (st == ZB_OK)
        st = sums_format(&sums, &text);
    if (st == ZB_OK) {
        zipfile_entry *e = &out->items[out->count++];
        zb_buf name = {0};
        buf_printf(&name, "%s/%s", folder, SUMS_FILE);
        e->name = buf_detach(&name);
        e->len = text.len;
        e->data = buf_detach(&text);
        st = e->name && e->data ? ZB_OK : ZB_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    buf_free(&line);
    buf_free(&text);
    sums_free(&sums);
    return st;
}

/* The zip of the files in SCRATCH to PATH, unless PATH has its bytes. */
static zb_status write_zip(const build_input *in, const char *ledger,
                           const char *scratch, const char *path,
                           bool *changed, zb_diags *diags)
{
    const zb_ledger *l = in->front.ledger;
    char *folder = outdir_name(l->unit_name, l->year);
    zipfile_entries entries = {0};
    zb_buf zip = {0};
    zb_status st = folder ? collect(scratch, folder, ledger,
                                    &in->front.source, &entries, diags)
                          : ZB_ERR_NOMEM;
    if (st == ZB_OK)
        st = zipfile_write(entries.items, entries.count, l->as_of, path, &zip,
                           diags);
    *changed = st == ZB_OK && !file_equals(path, zip.data, zip.len);
    if (*changed)
        st = file_write_atomic(path, zip.data, zip.len, diags);
    buf_free(&zip);
    zipfile_entries_free(&entries);
    free(folder);
    return st;
}

zb_status bundle_write(const zb_builder *b, build_input *in,
                       const char *ledger, bool with_serials,
                       const char *scratch, const char *path, bool *changed,
                       zb_diags *diags)
{
    zb_mask *m = NULL;
    *changed = false;
    zb_status st = with_serials ? ZB_OK : mask_open(in->front.ledger, &m);
    if (st == ZB_OK && m)
        st = mask_doc(m, in->front.doc);
    if (st == ZB_OK)
        st = render_outputs(b, in, ledger, scratch, diags);
    if (st == ZB_OK)
        st = write_facts(in, m, scratch, diags);
    if (st == ZB_OK)
        st = write_zip(in, ledger, scratch, path, changed, diags);
    mask_free(m);
    return st;
}
