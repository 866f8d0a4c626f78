#include "build.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/fileio.h"
#include "../derive/facts.h"
#include "../derive/facts_xml.h"
#include "../pipeline/front.h"
#include "../render/layout.h"
#include "../render/pdf_render.h"
#include "../render/xlsx.h"
#include "docorder.h"
#include "share.h"
#include "transform.h"

struct zb_builder {
    zb_schema *schema;
    zb_catalog *catalog;
    zb_stylesheet **sheets;  /* one per catalogue entry */
    zb_stylesheet **doc_sheets;  /* one per catalogue document */
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
        b->doc_sheets = calloc(b->catalog->document_count + 1,
                               sizeof *b->doc_sheets);
        st = b->sheets && b->doc_sheets ? ZB_OK : ZB_ERR_NOMEM;
    }
    for (size_t i = 0; st == ZB_OK && i < b->catalog->count; i++)
        st = transform_load_named(datadir, b->catalog->entries[i].stylesheet,
                                  diags, &b->sheets[i]);
    for (size_t i = 0; st == ZB_OK && i < b->catalog->document_count; i++)
        st = transform_load_named(datadir,
                                  b->catalog->documents[i].stylesheet, diags,
                                  &b->doc_sheets[i]);
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
    for (size_t i = 0; b->doc_sheets && i < b->catalog->document_count; i++)
        transform_free(b->doc_sheets[i]);
    free(b->sheets);
    free(b->doc_sheets);
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
   this ledger or a catalogue name; in DOCS the ledger's document of that
   id. 0 when it names none. */
static int choose_one(const zb_catalog *cat, const zb_ledger *ledger,
                      const char *token, size_t len, bool *chosen, bool *docs)
{
    int found = 0;
    for (size_t k = 0; k < ledger->ndocuments; k++)
        if (strlen(ledger->documents[k].id) == len &&
            !strncmp(ledger->documents[k].id, token, len))
            found = docs[k] = true;
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

/* Which entries and documents JOB asks for (documents only as PDF or
   layout, and never blank); ZB_ERR_USAGE naming each unknown one. */
static zb_status choose_entries(const zb_builder *b, const build_job *job,
                                const zb_ledger *ledger, bool *chosen,
                                bool *docs, zb_diags *diags)
{
    const zb_catalog *cat = b->catalog;
    const char *p = job->forms ? job->forms : "";
    for (size_t i = 0; i < cat->count; i++)
        chosen[i] = !*p;
    for (size_t k = 0; k < ledger->ndocuments; k++)
        docs[k] = !*p;
    zb_status st = ZB_OK;
    while (*p) {
        size_t len = strcspn(p, ",");
        if (!choose_one(cat, ledger, p, len, chosen, docs)) {
            diags_add(diags, NULL, 0, 0, DIAG_ERROR, NULL,
                      "--forms：没有表格或公文“%.*s”（可写附件编号如 5、表格名称"
                      "如 statistics，或台账中公文的标识）", (int)len, p);
            st = ZB_ERR_USAGE;
        }
        p += len + (p[len] == ',');
    }
    bool wanted = !job->blank && (job->formats & (CATALOG_PDF | BUILD_LAYOUT));
    for (size_t k = 0; k < ledger->ndocuments; k++)
        docs[k] = docs[k] && wanted;
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

/* DIR/NAME.EXT; NULL when NAME is (out of memory). */
static char *output_path(const char *dir, const char *name, const char *ext)
{
    zb_buf b = {0};
    size_t n = strlen(dir);
    if (!name)
        return NULL;
    buf_printf(&b, "%s%s%s.%s", dir, n && dir[n - 1] == '/' ? "" : "/", name,
               ext);
    return buf_detach(&b);
}

/* Write the layout document LAYOUT of the output NAME as it is. */
static zb_status write_layout(const build_job *job, xmlDocPtr layout,
                              const char *name, zb_diags *diags)
{
    char *path = output_path(job->dir, name, "layout.xml");
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

/* The copies FIRST to END-1 of a form (END past the last: every copy),
   or of a form laid out a range of rows at a time its body rows. */
typedef struct copy_range {
    size_t first, end;
} copy_range;

static const copy_range every_copy = {0, SIZE_MAX};

/* RANGE as the parameters "first-..." and "last-..." into FIRST and LAST
   (24 bytes each). */
static void range_params(copy_range range, char *first, char *last)
{
    snprintf(first, 24, "%zu", range.first + 1);
    snprintf(last, 24, "%zu", range.end == SIZE_MAX ? (size_t)0 : range.end);
}

/* Add the large facts PARTS of COPIES (of a copy's rows, ROWS) to the
   ledger document of IN, stamped in document order (docorder.h). */
static zb_status add_parts(const build_input *in, unsigned parts,
                           copy_range copies, copy_range rows)
{
    xmlNodePtr facts = facts_element(in->front.doc);
    xmlNodePtr last = facts ? facts->last : NULL;
    zb_status st = facts_add_rows(in->facts, parts, copies.first, copies.end,
                                  rows.first, rows.end, in->front.doc);
    xmlNodePtr first = last ? last->next : facts ? facts->children : NULL;
    if (st == ZB_OK && first)
        docorder_stamp_from(first);
    return st;
}

/* Run the stylesheet of entry I on the ledger IN, its 附件 label NUMBER
   ("5"; "" for a document's only attachment), blank or not, for the
   copies COPIES and of those the body rows ROWS (pieces="rows": of its
   one table; a copy too large for a piece: of that copy); the large parts
   of the facts it reads that the document lacks are added for it (of a
   part that is one entry per copy, only those copies', those rows) and
   removed after. */
static zb_status apply_entry(const zb_builder *b, const build_input *in,
                             size_t i, const char *number, bool blank,
                             copy_range copies, copy_range rows,
                             zb_diags *diags, xmlDocPtr *out)
{
    const zb_catalog_entry *e = &b->catalog->entries[i];
    const zb_front *front = &in->front;
    char first[24], last[24], first_row[24], last_row[24];
    range_params(copies, first, last);
    range_params(rows, first_row, last_row);
    const char *params[] = {"number",      number,
                            "title",       e->title,
                            "orientation", e->orientation,
                            "blank",       blank ? "1" : "0",
                            "source",      front->source.name,
                            "first-copy",  first,
                            "last-copy",   last,
                            "first-row",   first_row,
                            "last-row",    last_row,
                            NULL};
    unsigned parts = in->facts && !blank
                         ? e->facts & ~facts_parts_in(front->doc)
                         : 0;
    *out = NULL;
    zb_status st = parts ? add_parts(in, parts, copies, rows) : ZB_OK;
    if (st == ZB_OK)
        st = transform_apply(b->sheets[i], front->doc, params, diags, out);
    if (parts)
        facts_remove_parts(front->doc, parts);
    return st;
}

/* Does the layout tree RESULT have a page? A form made of one copy per
   record (附件3 one per demand) has none when the ledger has no such
   record. */
static bool has_sections(xmlDocPtr result)
{
    xmlNodePtr root = xmlDocGetRootElement(result);
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE &&
            xmlStrEqual(n->name, BAD_CAST "section"))
            return true;
    return false;
}

/* Read the layout model of the output NAME from RESULT, which is freed;
   with --format layout write RESULT as well. */
static zb_status read_result(const build_job *job, xmlDocPtr result,
                             const char *name, zb_diags *diags,
                             lo_document **out)
{
    *out = NULL;
    lo_reader *r = NULL;
    zb_status st = name ? ZB_OK : ZB_ERR_NOMEM;
    if (st == ZB_OK && (job->formats & BUILD_LAYOUT))
        st = write_layout(job, result, name, diags);
    if (st == ZB_OK)
        st = layout_read_begin(name, diags, &r);
    if (st != ZB_OK) {
        xmlFreeDoc(result);
        return st;
    }
    return layout_read_end(r, layout_read_piece(r, result), out);
}

/* The copies of a form whose catalogue entry says each copy is COPY
   ("staff": one per member of staff) in LEDGER. */
static size_t copies_of(const char *copy, const zb_ledger *l)
{
    return !strcmp(copy, "staff")          ? l->nstaff
           : !strcmp(copy, "demand")       ? l->ndemands
           : !strcmp(copy, "plan")         ? l->nplans
           : !strcmp(copy, "software")     ? l->nsoftware
           : !strcmp(copy, "request")      ? l->nrequests
           : !strcmp(copy, "confirmation") ? l->nconfirmations
                                           : 1; /* "unit" */
}

/* Where the entries per copy of the facts entry E reads start (copy C's
   are AT[C] to AT[C + 1] - 1): the log's, by software; the
   confirmations'; NULL when it reads none per copy. */
static const size_t *per_copy_facts(const zb_facts *f,
                                    const zb_catalog_entry *e)
{
    if (!strcmp(e->copy, "software") && (e->facts & FACTS_LOG))
        return f->log_start;
    if (!strcmp(e->copy, "confirmation") && (e->facts & FACTS_CONFIRMATIONS))
        return f->confirmed_start;
    return NULL;
}

/* How a form's copies are cut into pieces. A copy counts as a page of
   table rows (COPY_ROWS; output_cost() counts so too), and a row per
   entry of its facts (FACTS_AT, as per_copy_facts() gives). Every piece
   is at least MIN_ROWS rows and at most a PIECES-th of the form: each
   piece's transformation indexes the keys of its stylesheet over the
   whole ledger again (at XL some 100 ms), so that smaller pieces would
   make the form's time grow with the square of the ledger. */
enum { COPY_ROWS = 6, MIN_ROWS = 4096, PIECES = 8 };

/* About how many rows a piece of a form of COPIES copies has. */
static size_t piece_rows(const size_t *facts_at, size_t copies)
{
    size_t rows = COPY_ROWS * copies;
    if (facts_at)
        rows += facts_at[copies] - facts_at[0];
    return rows / PIECES > MIN_ROWS ? rows / PIECES : MIN_ROWS;
}

/* A form of one long table (附件8) is laid out in pieces of at most
   TABLE_PIECE_ROWS body rows, as even as they can be: each piece's
   transformation indexes the stylesheet's keys over all the table's rows
   again (附件8: its rows by department, person and computer; 0.35 s a
   piece at XL), and a piece's result tree is about 2.8 KB a row. */
enum { TABLE_PIECE_ROWS = 50000 };

/* The rows of a piece of a table of ROWS rows; ROWS when it is one. */
static size_t table_piece(size_t rows)
{
    size_t pieces = (rows + TABLE_PIECE_ROWS - 1) / TABLE_PIECE_ROWS;
    return pieces > 1 ? (rows + pieces - 1) / pieces : rows;
}

/* The rows copy C counts (see piece_rows()). */
static size_t copy_rows(const size_t *facts_at, size_t c)
{
    return COPY_ROWS + (facts_at ? facts_at[c + 1] - facts_at[c] : 0);
}

/* The piece of the COPIES copies that starts at copy FIRST: the copies
   that fit in ROWS rows, at least one. A copy that would take the piece
   past ROWS starts the next: a piece's memory peaks at the end of its
   transformation, on top of what the renderers hold of the pieces before
   (at XL, 附件9's copies have up to 56,000 rows: a piece that took one
   more after 25,000 rows of others peaked 100 MB higher). */
static copy_range piece_of(const size_t *facts_at, size_t first,
                           size_t copies, size_t rows)
{
    size_t end = first + 1, n = copy_rows(facts_at, first);
    for (; end < copies && n + copy_rows(facts_at, end) <= rows; end++)
        n += copy_rows(facts_at, end);
    return (copy_range){first, end};
}

/* The files a form laid out in pieces is drawn into, as it is laid out. */
typedef struct piece_out {
    char *pdf_path, *xlsx_path;
    pdf_writer *pdf;         /* NULL: no PDF wanted */
    xlsx_writer *xlsx;       /* NULL: no XLSX wanted */
} piece_out;

/* Start the files of entry E called NAME that JOB wants into O. */
static zb_status pieces_begin(const zb_builder *b, const build_job *job,
                              const zb_catalog_entry *e, const char *name,
                              piece_out *o, zb_diags *diags)
{
    unsigned formats = e->formats & job->formats;
    zb_status st = ZB_OK;
    if (formats & CATALOG_PDF) {
        o->pdf_path = output_path(job->dir, name,
                                  catalog_format_name(CATALOG_PDF));
        st = o->pdf_path ? pdf_render_begin(b->fonts, o->pdf_path, diags,
                                            &o->pdf)
                         : ZB_ERR_NOMEM;
    }
    if (st == ZB_OK && (formats & CATALOG_XLSX)) {
        o->xlsx_path = output_path(job->dir, name,
                                   catalog_format_name(CATALOG_XLSX));
        st = o->xlsx_path ? xlsx_render_begin(o->xlsx_path, diags, &o->xlsx)
                          : ZB_ERR_NOMEM;
    }
    return st;
}

/* Draw the model of one piece, DOC, into the files of O, and free it. */
static zb_status pieces_add(const build_job *job, piece_out *o,
                            lo_document *doc)
{
    zb_status st = ZB_OK;
    double start = timing_now();
    if (o->pdf) {
        st = pdf_render_add(o->pdf, doc);
        start = timings_add(job->timings, "pdf", start);
    }
    if (o->xlsx && st == ZB_OK) {
        st = xlsx_render_add(o->xlsx, doc); /* frees DOC */
        timings_add(job->timings, "xlsx", start);
    } else {
        layout_free_doc(doc);
    }
    return st;
}

/* End the files of O (with ST other than ZB_OK, or when the PDF fails,
   none is written) and free O. */
static zb_status pieces_end(const build_job *job, piece_out *o, zb_status st)
{
    double start = timing_now();
    st = pdf_render_end(o->pdf, st);
    if (o->pdf) {
        start = timings_add(job->timings, "pdf", start);
        if (st == ZB_OK && job->written)
            job->written(o->pdf_path, job->arg);
    }
    st = xlsx_render_end(o->xlsx, st);
    if (o->xlsx) {
        timings_add(job->timings, "xlsx", start);
        if (st == ZB_OK && job->written)
            job->written(o->xlsx_path, job->arg);
    }
    free(o->pdf_path);
    free(o->xlsx_path);
    return st;
}

/* Lay out the copies PIECE of entry I, numbered NUM, into R. A copy of
   more than ROWS rows of the log (one software's, 附件9) is laid out a
   range of its rows at a time, each range with only its rows' facts, and
   read as the next rows of its table (layout_read_rows()): at XL one
   software has 55,770 rows. */
static zb_status lay_out_piece(const zb_builder *b, const build_job *job,
                               const build_input *in, size_t i,
                               const char *num, copy_range piece,
                               size_t rows, lo_reader *r, zb_diags *diags)
{
    const zb_catalog_entry *e = &b->catalog->entries[i];
    const size_t *at = in->facts->log_start;
    size_t size = (e->facts & FACTS_LOG) && piece.end == piece.first + 1
                      ? at[piece.first + 1] - at[piece.first]
                      : 0;
    size_t parts = size > rows ? (size + rows - 1) / rows : 1;
    size_t part = (size + parts - 1) / parts;
    zb_status st = ZB_OK;
    for (size_t k = 0; st == ZB_OK && k < parts; k++) {
        size_t from = k * part;
        copy_range range = {from, from + part < size ? from + part : size};
        xmlDocPtr result;
        double start = timing_now();
        st = apply_entry(b, in, i, num, false, piece,
                         parts > 1 ? range : every_copy, diags, &result);
        start = timings_add(job->timings, "xslt", start);
        if (st == ZB_OK && parts > 1)
            st = layout_read_rows(r, result, range.end < size);
        else if (st == ZB_OK)
            st = layout_read_piece(r, result);
        timings_add(job->timings, "layout", start);
    }
    return st;
}

/* Lay out entry I, numbered NUMBER, a piece of its COPIES copies (at
   least one) at a time, and draw each piece into its files as soon as it
   is read: neither the facts, nor the result tree, nor the model of the
   whole form are ever in memory at once (at L, 附件9's were 100, 165 and
   120 MB; at XL its model was 760 MB). */
static zb_status build_pieces(const zb_builder *b, const build_job *job,
                              const build_input *in, size_t i, int number,
                              size_t copies, zb_diags *diags)
{
    const zb_catalog_entry *e = &b->catalog->entries[i];
    const size_t *facts_at = per_copy_facts(in->facts, e);
    size_t rows = piece_rows(facts_at, copies);
    char num[16];
    snprintf(num, sizeof num, "%d", number);
    char *name = output_name(number, e->title);
    piece_out o = {0};
    lo_reader *r = NULL;
    zb_status st = name ? layout_read_begin(name, diags, &r) : ZB_ERR_NOMEM;
    if (st == ZB_OK)
        st = pieces_begin(b, job, e, name, &o, diags);
    copy_range piece = {0, 0};
    while (st == ZB_OK && piece.end < copies) {
        piece = piece_of(facts_at, piece.end, copies, rows);
        lo_document *doc = NULL;
        st = lay_out_piece(b, job, in, i, num, piece, rows, r, diags);
        double start = timing_now();
        if (st == ZB_OK)
            st = layout_read_take(r, &doc);
        timings_add(job->timings, "layout", start);
        if (st == ZB_OK)
            st = pieces_add(job, &o, doc);
    }
    st = pieces_end(job, &o, st);
    layout_read_end(r, st, NULL);
    free(name);
    return st;
}

/* Is entry E laid out in pieces of the kind PIECES for JOB? Only a filled
   form drawn into files is: --blank and --format layout write it whole. */
static bool in_pieces(const build_job *job, const build_input *in,
                      const zb_catalog_entry *e, catalog_pieces pieces)
{
    return in->facts && !job->blank && !(job->formats & BUILD_LAYOUT) &&
           e->pieces == pieces;
}

/* The body rows of the one long table of a form laid out a range of rows
   at a time (catalogue entry E: pieces="rows"), as the facts F give
   them: 附件8's, a row per installation. */
static size_t table_rows(const zb_facts *f, const zb_catalog_entry *e)
{
    return e->facts & FACTS_INSTALLATIONS ? f->ninstallations : 0;
}

/* Lay out entry I, numbered NUMBER, its ROWS body rows a piece at a time
   (table_piece()), into the model *OUT: the
   large facts it reads are added once, the result tree of each piece is
   read and freed before the next is laid out, the rows joined into one
   table (at XL, 附件8's whole tree was 440 MB). */
static zb_status lay_out_rows(const zb_builder *b, const build_job *job,
                              const build_input *in, size_t i, int number,
                              size_t rows, zb_diags *diags, lo_document **out)
{
    const zb_catalog_entry *e = &b->catalog->entries[i];
    xmlDocPtr doc = in->front.doc;
    unsigned parts = e->facts & ~facts_parts_in(doc);
    char num[16];
    snprintf(num, sizeof num, "%d", number);
    char *name = output_name(number, e->title);
    lo_reader *r = NULL;
    zb_status st = name ? layout_read_begin(name, diags, &r) : ZB_ERR_NOMEM;
    double start = timing_now();
    if (st == ZB_OK && parts)
        st = add_parts(in, parts, every_copy, every_copy);
    start = timings_add(job->timings, "xslt", start);
    size_t size = table_piece(rows);
    for (copy_range piece = {0, 0}; st == ZB_OK && piece.end < rows;) {
        piece = (copy_range){piece.end, piece.end + size < rows
                                            ? piece.end + size : rows};
        xmlDocPtr result;
        st = apply_entry(b, in, i, num, false, every_copy, piece, diags,
                         &result);
        start = timings_add(job->timings, "xslt", start);
        if (st == ZB_OK)
            st = layout_read_rows(r, result, piece.end < rows);
        start = timings_add(job->timings, "layout", start);
    }
    if (parts)
        facts_remove_parts(doc, parts);
    free(name);
    return layout_read_end(r, st, out);
}

/* Run the stylesheet of entry I, numbered NUMBER, on the ledger IN and
   read the layout model from the result tree; with --format layout write
   the tree as well. *OUT stays NULL when the form has no copy. */
static zb_status lay_out(const zb_builder *b, const build_job *job,
                         const build_input *in, size_t i, int number,
                         zb_diags *diags, lo_document **out)
{
    const zb_catalog_entry *e = &b->catalog->entries[i];
    *out = NULL;
    /* a form of one long table (附件8), a range of its rows at a time */
    size_t rows = in_pieces(job, in, e, CATALOG_ROWS)
                      ? table_rows(in->facts, e)
                      : 0;
    if (table_piece(rows) < rows)
        return lay_out_rows(b, job, in, i, number, rows, diags, out);
    char num[16];
    snprintf(num, sizeof num, "%d", number);
    xmlDocPtr result;
    double start = timing_now();
    zb_status st = apply_entry(b, in, i, num, job->blank, every_copy,
                               every_copy, diags, &result);
    start = timings_add(job->timings, "xslt", start);
    if (st != ZB_OK)
        return st;
    if (!has_sections(result)) {
        xmlFreeDoc(result);
        return ZB_OK;
    }
    char *name = output_name(number, e->title);
    st = read_result(job, result, name, diags, out);
    free(name);
    timings_add(job->timings, "layout", start);
    return st;
}

/* Lay out entry I for the ledger IN and write its formats; a form with
   no copy (no demand for 附件3) is not written, and a note says so. */
static zb_status build_entry(const zb_builder *b, const build_job *job,
                             const build_input *in, size_t i,
                             zb_diags *diags)
{
    const zb_catalog_entry *e = &b->catalog->entries[i];
    int number = entry_number(in->front.ledger, e);
    /* the forms of thousands of copies (附件9, 10, 11): a piece of copies
       at a time, each with only its copies' part of the facts */
    size_t copies = in_pieces(job, in, e, CATALOG_COPIES)
                        ? copies_of(e->copy, in->front.ledger)
                        : 0;
    if (copies)
        return build_pieces(b, job, in, i, number, copies, diags);
    lo_document *doc;
    zb_status st = lay_out(b, job, in, i, number, diags, &doc);
    if (st == ZB_OK && !doc) {
        diags_add(diags, in->front.source.name, 0, 0, DIAG_NOTE, NULL,
                  "附件%d %s：台账中没有要填入这张表的记录，不生成；"
                  "需要空白表格时用 --blank",
                  number, e->title);
        return ZB_OK;
    }
    char *name = output_name(number, e->title);
    for (unsigned f = CATALOG_PDF; st == ZB_OK && f <= CATALOG_XLSX; f <<= 1) {
        if (!(e->formats & job->formats & f))
            continue;
        char *path = output_path(job->dir, name, catalog_format_name(f));
        double start = timing_now();
        st = path ? render(b, doc, f, path, diags) : ZB_ERR_NOMEM;
        timings_add(job->timings, f == CATALOG_PDF ? "pdf" : "xlsx", start);
        if (st == ZB_OK && job->written)
            job->written(path, job->arg);
        free(path);
    }
    free(name);
    layout_free_doc(doc);
    return st;
}

/* ------------------------------------------------------------ documents */

/* Lay out entry I as NUMBER (blank or not) and put the result at the end
   of the ledger document of IN as <zb:attachment form="NAME">, where
   the document's stylesheet takes it from. */
static zb_status attach_form(const zb_builder *b, const build_input *in,
                             size_t i, const char *number, bool blank,
                             zb_diags *diags)
{
    const zb_front *front = &in->front;
    xmlDocPtr layout;
    zb_status st = apply_entry(b, in, i, number, blank, every_copy,
                               every_copy, diags, &layout);
    if (st == ZB_OK && !has_sections(layout)) {
        /* no record to fill it with: the document hands it out blank */
        xmlFreeDoc(layout);
        st = apply_entry(b, in, i, number, true, every_copy, every_copy,
                         diags, &layout);
    }
    if (st != ZB_OK)
        return st;
    xmlNodePtr el = xmlNewDocNode(front->doc, NULL, BAD_CAST "attachment",
                                  NULL);
    xmlNsPtr ns = el ? xmlNewNs(el, BAD_CAST ZB_XSLT_NAMESPACE, BAD_CAST "zb")
                     : NULL;
    xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(layout), front->doc,
                                     1);
    xmlFreeDoc(layout);
    if (!ns || !copy ||
        !xmlNewProp(el, BAD_CAST "form", BAD_CAST b->catalog->entries[i].name)) {
        xmlFreeNode(el);
        xmlFreeNode(copy);
        return ZB_ERR_NOMEM;
    }
    xmlSetNs(el, ns);
    xmlAddChild(el, copy);
    xmlAddChild(xmlDocGetRootElement(front->doc), el);
    docorder_stamp_from(el);
    return ZB_OK;
}

/* Attach the forms document D takes: every form of the catalogue blank,
   numbered as the unit numbers them (the six systems' notice), or the
   forms its 附件说明 names, filled in and numbered as the 附件说明 does
   (no number when there is only one attachment). */
static zb_status attach_forms(const zb_builder *b, const build_input *in,
                              const zb_document *d,
                              const zb_catalog_document *cd, zb_diags *diags)
{
    const zb_catalog *cat = b->catalog;
    const zb_ledger *ledger = in->front.ledger;
    zb_status st = ZB_OK;
    char num[24];
    for (size_t i = 0; cd->attach_all && st == ZB_OK && i < cat->count; i++) {
        snprintf(num, sizeof num, "%d",
                 entry_number(ledger, &cat->entries[i]));
        st = attach_form(b, in, i, num, true, diags);
    }
    for (size_t k = 0; !cd->attach_all && st == ZB_OK && k < d->nattachments;
         k++) {
        zb_form form = d->attachments[k].form;
        const zb_catalog_entry *e =
            form < FORM_COUNT ? catalog_find(cat, ledger_form_name(form)) : NULL;
        snprintf(num, sizeof num, "%zu", k + 1);
        if (e)
            st = attach_form(b, in, (size_t)(e - cat->entries),
                             d->nattachments > 1 ? num : "", false, diags);
    }
    return st;
}

/* Take the attached forms out of the ledger document again. */
static void detach_forms(xmlDocPtr doc)
{
    xmlNodePtr next;
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = next) {
        next = n->next;
        if (n->type == XML_ELEMENT_NODE && n->ns &&
            !strcmp((const char *)n->ns->href, ZB_XSLT_NAMESPACE)) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
    }
}

/* "公文-report-2023": what the outputs of a document are called. */
static char *document_name(const zb_document *d)
{
    zb_buf b = {0};
    buf_printf(&b, "公文-%s", d->id);
    return buf_detach(&b);
}

/* Lay out the ledger's document K with the stylesheet of its kind, its
   forms attached, and write it as PDF (and its layout, if asked). */
static zb_status build_document(const zb_builder *b, const build_job *job,
                                const build_input *in, size_t k,
                                zb_diags *diags)
{
    const zb_front *front = &in->front;
    const zb_document *d = &front->ledger->documents[k];
    const zb_catalog_document *cd = catalog_find_document(
        b->catalog, ledger_document_kind_name(d->kind));
    if (!cd) {
        diags_add(diags, front->source.name, d->line, 0, DIAG_ERROR, NULL,
                  "表格目录 forms/catalog.xml 中没有“%s”种类公文的样式表",
                  ledger_document_kind_name(d->kind));
        return ZB_ERR_IO;
    }
    const char *params[] = {"document", d->id, "letterhead",
                            job->preprinted ? "preprinted" : "print", NULL};
    xmlDocPtr result = NULL;
    double start = timing_now();
    zb_status st = attach_forms(b, in, d, cd, diags);
    if (st == ZB_OK)
        st = transform_apply(b->doc_sheets[cd - b->catalog->documents],
                             front->doc, params, diags, &result);
    detach_forms(front->doc);
    start = timings_add(job->timings, "xslt", start);
    char *name = document_name(d);
    lo_document *doc = NULL;
    if (st == ZB_OK)
        st = read_result(job, result, name, diags, &doc);
    start = timings_add(job->timings, "layout", start);
    char *path = job->formats & CATALOG_PDF
                     ? output_path(job->dir, name, catalog_format_name(
                                                        CATALOG_PDF))
                     : NULL;
    if (st == ZB_OK && path)
        st = render(b, doc, CATALOG_PDF, path, diags);
    if (path)
        timings_add(job->timings, "pdf", start);
    if (st == ZB_OK && path && job->written)
        job->written(path, job->arg);
    free(path);
    free(name);
    layout_free_doc(doc);
    return st;
}

zb_status build_load(const zb_builder *b, const char *path,
                     zb_timings *timings, build_input *out, zb_diags *diags)
{
    out->facts = NULL;
    zb_status st = front_load_file(b->schema, path, &out->front, diags);
    timings_merge(timings, &out->front.timings);
    return st;
}

zb_status build_derive(build_input *in, zb_timings *timings, zb_diags *diags)
{
    zb_front *front = &in->front;
    if (in->facts)
        return ZB_OK;
    double start = timing_now();
    zb_status st = facts_derive(front->ledger, front->source.name, &in->facts,
                                diags);
    if (st == ZB_OK)
        st = facts_append(in->facts, 0, front->doc);
    if (st == ZB_OK)
        docorder_stamp(front->doc);
    timings_add(timings, "derive", start);
    return st;
}

void build_input_free(build_input *in)
{
    facts_free(in->facts);
    in->facts = NULL;
    front_free(&in->front);
}

/* Write output I of the ledger IN: the catalogue's entry I, or after the
   entries the ledger's document I - count. */
static zb_status build_output(const zb_builder *b, const build_job *job,
                              const build_input *in, size_t i,
                              zb_diags *diags)
{
    size_t entries = b->catalog->count;
    return i < entries ? build_entry(b, job, in, i, diags)
                       : build_document(b, job, in, i - entries, diags);
}

/* ------------------------------------------------- outputs shared out */

/* The outputs of one ledger written by several processes (share.h). An
   output's report, as bytes: its status and stage times, the files
   written (each ending in NUL) and an empty string, its diagnostics. The
   stage names in the times are string constants, at the same address in
   a forked helper. */
typedef struct shared_write {
    const zb_builder *b;
    const build_job *job;
    const build_input *in;
    const size_t *outputs; /* the chosen outputs, by build_output() index */
    zb_diags *diags;       /* the job's, in the parent */
    zb_status first;       /* the first output that failed */
    zb_status nomem;       /* ZB_ERR_NOMEM once memory ran out */
} shared_write;

static void note_written(const char *path, void *arg)
{
    zb_buf *files = arg;
    buf_append(files, path, strlen(path) + 1);
}

static zb_status write_shared(size_t item, zb_buf *out, void *arg)
{
    const shared_write *s = arg;
    zb_buf files = {0};
    zb_timings timings = {0};
    zb_diags diags = {0};
    build_job job = *s->job;
    job.written = note_written;
    job.arg = &files;
    job.timings = s->job->timings ? &timings : NULL;
    int st = (int)build_output(s->b, &job, s->in, s->outputs[item], &diags);
    buf_append(out, &st, sizeof st);
    buf_append(out, &timings, sizeof timings);
    buf_append(out, files.data ? files.data : "", files.len);
    buf_append(out, "", 1);
    for (size_t i = 0; i < diags.count; i++)
        diag_encode(&diags.items[i], out);
    buf_free(&files);
    diags_free(&diags);
    return st == ZB_ERR_NOMEM ? ZB_ERR_NOMEM : ZB_OK;
}

static void take_shared(size_t item, const char *data, size_t len, void *arg)
{
    shared_write *s = arg;
    const build_job *job = s->job;
    int st = ZB_ERR_RENDER;
    zb_timings timings;
    size_t head = sizeof st + sizeof timings;
    if (!data || len < head) {
        diags_add(s->diags, job->ledger, 0, 0, DIAG_ERROR, NULL,
                  "生成第 %zu 个输出文件的辅助进程异常终止", item + 1);
    } else {
        memcpy(&st, data, sizeof st);
        memcpy(&timings, data + sizeof st, sizeof timings);
        timings_merge(job->timings, &timings);
        const char *p = data + head, *end = data + len;
        for (; p < end && *p; p += strlen(p) + 1)
            if (job->written)
                job->written(p, job->arg);
        p++; /* the empty string after the files */
        for (size_t n = 1; n && p < end; p += n)
            n = diags_add_encoded(s->diags, p, (size_t)(end - p));
    }
    if (st == ZB_ERR_NOMEM)
        s->nomem = ZB_ERR_NOMEM;
    else if (st != ZB_OK && s->first == ZB_OK)
        s->first = (zb_status)st;
}

/* How many forms the ledger's document K attaches. */
static size_t document_attachments(const zb_builder *b, const build_input *in,
                                   size_t k)
{
    const zb_document *d = &in->front.ledger->documents[k];
    const zb_catalog_document *cd = catalog_find_document(
        b->catalog, ledger_document_kind_name(d->kind));
    return cd && cd->attach_all ? b->catalog->count : d->nattachments;
}

/* About what output I of IN costs to lay out and write, in table rows: a
   copy counts as a page of rows, and the large facts it reads a row per
   entry; a document as a page and a page per form it attaches. Only the
   order matters: the outputs are shared out to the processes largest
   first. */
static size_t output_cost(const zb_builder *b, const build_input *in,
                          size_t i)
{
    if (i >= b->catalog->count)
        return COPY_ROWS * (1 + document_attachments(b, in, i -
                                                     b->catalog->count));
    const zb_catalog_entry *e = &b->catalog->entries[i];
    const zb_facts *f = in->facts;
    size_t rows = COPY_ROWS * copies_of(e->copy, in->front.ledger);
    if (f && (e->facts & FACTS_INSTALLATIONS))
        rows += f->ninstallations;
    if (f && (e->facts & FACTS_LOG))
        rows += f->log_start[f->ledger->nsoftware];
    if (f && (e->facts & FACTS_CONFIRMATIONS))
        rows += f->confirmed_start[f->ledger->nconfirmations];
    return rows;
}

/* ORDER, the items 0 to N-1 of OUTPUTS, largest cost first; equal costs
   in item order, so that the order is the same in every run. */
static void order_by_cost(const zb_builder *b, const build_input *in,
                          const size_t *outputs, size_t n, size_t *order)
{
    size_t *cost = malloc((n ? n : 1) * sizeof *cost);
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
        if (cost)
            cost[i] = output_cost(b, in, outputs[i]);
    }
    /* insertion sort: a ledger has some twenty outputs */
    for (size_t i = 1; cost && i < n; i++)
        for (size_t j = i; j > 0 && cost[order[j]] > cost[order[j - 1]];
             j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    free(cost);
}

zb_status build_write(const zb_builder *b, const build_job *job,
                      build_input *in, zb_diags *diags)
{
    zb_front *front = &in->front;
    bool *chosen = calloc(b->catalog->count, sizeof *chosen);
    bool *docs = calloc(front->ledger->ndocuments + 1, sizeof *docs);
    zb_status st = chosen && docs ? ZB_OK : ZB_ERR_NOMEM;
    if (st == ZB_OK)
        st = choose_entries(b, job, front->ledger, chosen, docs, diags);
    if (st == ZB_OK && !job->blank)
        st = build_derive(in, job->timings, diags);
    if (st == ZB_OK)
        st = file_make_dirs(job->dir, diags);
    zb_status first = ZB_OK;  /* an output failed: go on with the others */
    size_t outputs = st == ZB_OK ? b->catalog->count + front->ledger->ndocuments
                                 : 0;
    size_t *chosen_outputs = calloc(outputs + 1, sizeof *chosen_outputs);
    size_t n = 0;
    for (size_t i = 0; chosen_outputs && i < outputs; i++)
        if (i < b->catalog->count ? chosen[i] : docs[i - b->catalog->count])
            chosen_outputs[n++] = i;
    if (st == ZB_OK && !chosen_outputs)
        st = ZB_ERR_NOMEM;
    if (st == ZB_OK && job->helpers) {
        shared_write s = {b, job, in, chosen_outputs, diags, ZB_OK, ZB_OK};
        size_t *order = malloc((n ? n : 1) * sizeof *order);
        if (order)
            order_by_cost(b, in, chosen_outputs, n, order);
        st = order ? share_run(n, order, job->helpers, write_shared,
                               take_shared, &s)
                   : ZB_ERR_NOMEM;
        free(order);
        st = st != ZB_OK ? st : s.nomem;
        first = s.first;
    }
    for (size_t i = 0; st == ZB_OK && !job->helpers && i < n; i++) {
        zb_status one = build_output(b, job, in, chosen_outputs[i], diags);
        if (one == ZB_ERR_NOMEM)
            st = one;
        else if (first == ZB_OK)
            first = one;
    }
    free(chosen_outputs);
    free(chosen);
    free(docs);
    return st != ZB_OK ? st : first;
}

zb_status build_ledger(const zb_builder *b, const build_job *job,
                       zb_diags *diags)
{
    build_input in;
    zb_status st = build_load(b, job->ledger, job->timings, &in, diags);
    if (st == ZB_OK)
        st = build_write(b, job, &in, diags);
    build_input_free(&in);
    return st;
}
