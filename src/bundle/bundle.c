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
    zb_status st = build_derive(in, NULL, diags);
    /* every part of the facts in the document before it is masked */
    if (st == ZB_OK && !with_serials)
        st = facts_add_parts(in->facts, FACTS_LARGE_PARTS, in->front.doc);
    if (st == ZB_OK && !with_serials)
        st = mask_open(in->front.ledger, &m);
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

/* ------------------------------------------------------------- reading */

/* The folder every entry of B is in ("桐川县医疗保障局-2023"); NULL when
   the entries are not all files of one folder. */
static char *folder_of(const zb_bundle *b)
{
    char *folder = NULL;
    for (size_t i = 0; i < b->entries.count; i++) {
        const char *name = b->entries.items[i].name;
        const char *slash = strchr(name, '/');
        if (!slash || slash == name || strchr(slash + 1, '/') ||
            (folder && (strlen(folder) != (size_t)(slash - name) ||
                        strncmp(folder, name, (size_t)(slash - name))))) {
            free(folder);
            return NULL;
        }
        if (!folder)
            folder = strndup(name, (size_t)(slash - name));
    }
    return folder;
}

/* Whether every file of B is listed in SUMS with its digest and every
   file SUMS lists is there (the ledger's line, ../NAME, aside). */
static zb_status check_sums(const zb_bundle *b, const char *folder,
                            const zb_sums *sums, const char *path,
                            zb_diags *diags)
{
    zb_status st = ZB_OK;
    size_t skip = strlen(folder) + 1;
    char hex[HASH_HEX_SIZE];
    for (size_t i = 0; i < b->entries.count; i++) {
        const zipfile_entry *e = &b->entries.items[i];
        const char *name = e->name + skip;
        if (!strcmp(name, SUMS_FILE))
            continue;
        const sums_entry *s = sums_find(sums, name);
        hash_bytes(e->data, e->len, hex);
        if (!s || strcmp(s->hex, hex)) {
            diags_add(diags, path, 0, 0, DIAG_ERROR, NULL,
                      s ? "报送包中 %s 的 SHA-256 与 SHA256SUMS 所列不符：文件"
                          "在生成后被改动过"
                        : "报送包中的 %s 不在 SHA256SUMS 中：文件是生成后加入的",
                      e->name);
            st = ZB_ERR_INVALID;
        }
    }
    zb_buf name = {0};
    for (size_t i = 0; i < sums->count; i++) {
        if (!strncmp(sums->items[i].name, "../", 3))
            continue;
        buf_reset(&name);
        buf_printf(&name, "%s/%s", folder, sums->items[i].name);
        if (!zipfile_find(&b->entries, buf_str(&name))) {
            diags_add(diags, path, 0, 0, DIAG_ERROR, NULL,
                      "SHA256SUMS 所列的 %s 不在报送包中：文件在生成后被删除",
                      buf_str(&name));
            st = ZB_ERR_INVALID;
        }
    }
    buf_free(&name);
    return st;
}

zb_status bundle_read(const char *path, zb_bundle *out, zb_diags *diags)
{
    *out = (zb_bundle){0};
    zb_status st = zipfile_read(path, ENTRY_MAX, &out->entries, diags);
    char *folder = st == ZB_OK ? folder_of(out) : NULL;
    if (st == ZB_OK && !folder) {
        diags_add(diags, path, 0, 0, DIAG_ERROR, NULL,
                  "不是 zhengban 报送包：报送包中应只有一个目录“单位名称-年度/”");
        st = ZB_ERR_INVALID;
    }
    zb_buf name = {0};
    const zipfile_entry *list = NULL;
    if (st == ZB_OK) {
        buf_printf(&name, "%s/%s", folder, SUMS_FILE);
        list = zipfile_find(&out->entries, buf_str(&name));
        buf_reset(&name);
        buf_printf(&name, "%s/%s", folder, BUNDLE_FACTS);
        out->facts = zipfile_find(&out->entries, buf_str(&name));
        if (!list || !out->facts) {
            diags_add(diags, path, 0, 0, DIAG_ERROR, NULL,
                      "不是 zhengban 报送包：缺少 %s/%s", folder,
                      list ? BUNDLE_FACTS : SUMS_FILE);
            st = ZB_ERR_INVALID;
        }
    }
    zb_sums sums = {0};
    if (st == ZB_OK) {
        buf_reset(&name);
        buf_printf(&name, "%s（%s）", path, list->name);
        st = sums_parse(list->data, list->len, buf_str(&name), &sums, diags);
    }
    if (st == ZB_OK)
        st = check_sums(out, folder, &sums, path, diags);
    sums_free(&sums);
    buf_free(&name);
    free(folder);
    return st;
}

void bundle_free(zb_bundle *bundle)
{
    zipfile_entries_free(&bundle->entries);
    bundle->facts = NULL;
}
