#include "xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/hash.h>

#include "../core/fileio.h"
#include "../core/date.h"
#include "xlsx_sheet.h"

/* The layout's creation date as libxlsxwriter's time: midnight UTC. */
static time_t created_time(int32_t ymd)
{
    time_t t = (time_t)date_to_days(ymd) * 86400;
    return t ? t : 1; /* 0 would make libxlsxwriter read the clock */
}

static char *or_null(const char *s)
{
    return *s ? (char *)s : NULL;
}

static zb_status set_properties(lxw_workbook *wb, const lo_meta *m)
{
    lxw_doc_properties p = {
        .title = or_null(m->title),
        .subject = or_null(m->subject),
        .author = or_null(m->author),
        .keywords = or_null(m->keywords),
        .created = created_time(m->created),
    };
    return workbook_set_properties(wb, &p) ? ZB_ERR_NOMEM : ZB_OK;
}

struct xlsx_writer {
    char *path;
    char *tmp;               /* the workbook is written here, then renamed */
    xlsx_book book;
    zb_status status;        /* the first failure; sticky */
    bool named;              /* a worksheet name was refused */
    bool own;                /* free the documents given once written */
    bool started;            /* the properties are set */
    xmlHashTablePtr names;   /* the worksheets' names in ASCII lower case */
    lo_document **held;      /* the documents given, not yet freed */
    size_t held_count, held_cap;
    const lo_section **run;  /* the copies of a stack not yet written */
    size_t run_count, run_cap;
    size_t run_doc;          /* held[run_doc] has run[0] */
    size_t run_done;         /* copies of that stack already written */
};

static zb_status writer_fail(xlsx_writer *w, zb_status st)
{
    if (w->status == ZB_OK)
        w->status = st;
    return st;
}

static void report_name(xlsx_writer *w, const xlsx_sheet_src *src,
                        const char *why)
{
    diags_add(w->book.diags, src->doc->name, src->sections[0]->line, 0,
              DIAG_ERROR, "xlsx", "%s “%s” 不能作 Excel 工作表名：%s",
              src->sections[0]->stack ? "叠放的工作表名" : "节名", src->name,
              why);
    w->named = true;
    writer_fail(w, ZB_ERR_INVALID);
}

/* Check what Excel asks of the name of SRC beyond the layout's own rules:
   no apostrophe at either end, not "History", unique ignoring case across
   the workbook. */
static bool check_sheet_name(xlsx_writer *w, const xlsx_sheet_src *src)
{
    const char *name = src->name;
    char folded[sizeof src->name];
    size_t n = strlen(name);
    for (size_t i = 0; i <= n; i++)  /* as Excel and strcasecmp(): ASCII */
        folded[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32
                                                              : name[i]);
    if (name[0] == '\'' || name[n - 1] == '\'')
        report_name(w, src, "不能以 ' 开头或结尾");
    else if (!strcmp(folded, "history"))
        report_name(w, src, "History 是 Excel 保留的名字");
    else if (xmlHashLookup(w->names, BAD_CAST folded))
        report_name(w, src, "与另一节重名（Excel 不分大小写）");
    else if (xmlHashAddEntry(w->names, BAD_CAST folded, w) != 0)
        writer_fail(w, ZB_ERR_NOMEM);
    else
        return true;
    return false;
}

/* Write the worksheet of the COUNT SECTIONS of DOC, named NAME (a section
   on no stack) or by the copies' range from FIRST + 1 (a stack's). */
static void write_sheet(xlsx_writer *w, const lo_document *doc,
                        const lo_section *const *sections, size_t count,
                        size_t first)
{
    xlsx_sheet_src src = {doc, sections, count, ""};
    const lo_section *s = sections[0];
    if (s->stack)
        snprintf(src.name, sizeof src.name, "%s %zu-%zu", s->stack, first + 1,
                 first + count);
    else
        snprintf(src.name, sizeof src.name, "%s", s->name);
    if (check_sheet_name(w, &src) && w->status == ZB_OK)
        writer_fail(w, xlsx_write_sheet(&w->book, &src));
}

/* Write the copies of the stack waiting in W->run. */
static void write_run(xlsx_writer *w)
{
    if (!w->run_count)
        return;
    write_sheet(w, w->held[w->run_doc], w->run, w->run_count, w->run_done);
    w->run_done += w->run_count;
    w->run_count = 0;
}

/* Free the documents held that no copy waiting to be written is in. */
static void release_held(xlsx_writer *w)
{
    size_t done = w->run_count ? w->run_doc : w->held_count;
    if (!done)
        return;
    for (size_t i = 0; i < done && w->own; i++)
        layout_free_doc(w->held[i]);
    memmove(w->held, w->held + done, (w->held_count - done) * sizeof *w->held);
    w->held_count -= done;
    w->run_doc -= w->run_count ? done : 0;
}

/* Add the worksheets of DOC: a section each, or the copies of a stack
   together, XLSX_STACK_MAX a sheet named "STACK FIRST-LAST" - a stack's
   copies run on from the document before. */
static void add_doc(xlsx_writer *w, lo_document *doc)
{
    for (size_t i = 0; i < doc->section_count; i++) {
        const lo_section *s = &doc->sections[i];
        bool same = w->run_count && s->stack &&
                    !strcmp(s->stack, w->run[0]->stack);
        if (!same || w->run_count == XLSX_STACK_MAX)
            write_run(w);
        if (!same)
            w->run_done = 0;
        if (!s->stack) {
            write_sheet(w, doc, &s, 1, 0);
            continue;
        }
        const lo_section **run = w->run;
        if (w->run_count == w->run_cap) {
            size_t cap = w->run_cap ? 2 * w->run_cap : 64;
            run = realloc(w->run, cap * sizeof *run);
            if (!run) {
                writer_fail(w, ZB_ERR_NOMEM);
                return;
            }
            w->run = run;
            w->run_cap = cap;
        }
        if (!w->run_count)
            w->run_doc = w->held_count - 1;
        run[w->run_count++] = s;
    }
}

zb_status xlsx_render_begin(const char *path, zb_diags *diags,
                            xlsx_writer **out)
{
    *out = NULL;
    xlsx_writer *w = calloc(1, sizeof *w);
    if (!w)
        return ZB_ERR_NOMEM;
    w->book.diags = diags;
    w->own = true;
    w->path = strdup(path);
    w->names = xmlHashCreate(64);
    zb_status st = w->path && w->names ? file_make_temp(path, &w->tmp, diags)
                                       : ZB_ERR_NOMEM;
    if (st == ZB_OK) {
        w->book.workbook = workbook_new(w->tmp);
        w->book.formats.workbook = w->book.workbook;
        st = w->book.workbook ? ZB_OK : ZB_ERR_NOMEM;
    }
    if (st != ZB_OK) {
        xlsx_render_end(w, st);
        return st;
    }
    *out = w;
    return ZB_OK;
}

zb_status xlsx_render_add(xlsx_writer *w, lo_document *doc)
{
    if (w->held_count == w->held_cap) {
        size_t cap = w->held_cap ? 2 * w->held_cap : 8;
        lo_document **held = realloc(w->held, cap * sizeof *held);
        if (!held) {
            if (w->own)
                layout_free_doc(doc);
            return writer_fail(w, ZB_ERR_NOMEM);
        }
        w->held = held;
        w->held_cap = cap;
    }
    w->held[w->held_count++] = doc;
    if (!w->started && w->status == ZB_OK) {
        w->started = true;
        writer_fail(w, set_properties(w->book.workbook, &doc->meta));
    }
    if (w->status == ZB_OK || w->named)
        add_doc(w, doc);
    release_held(w);
    return w->status;
}

zb_status xlsx_render_end(xlsx_writer *w, zb_status st)
{
    if (!w)
        return st;
    if (st == ZB_OK)
        write_run(w);
    w->run_count = 0;
    release_held(w);
    writer_fail(w, st);
    xlsx_formats_free(&w->book.formats);
    xlsx_text_free(&w->book.text);
    buf_free(&w->book.scratch);
    lxw_workbook *wb = w->book.workbook;
    if (wb && w->status == ZB_OK) {
        lxw_error err = workbook_close(wb);
        if (err) {
            diags_add(w->book.diags, w->path, 0, 0, DIAG_ERROR, "xlsx",
                      "写工作簿失败：%s", lxw_strerror(err));
            writer_fail(w, ZB_ERR_IO);
        }
    } else if (wb) {
        lxw_workbook_free(wb);
    }
    if (w->status == ZB_OK)
        writer_fail(w, file_commit_temp(w->tmp, w->path, w->book.diags));
    else if (w->tmp)
        file_discard_temp(w->tmp);
    st = w->status;
    xmlHashFree(w->names, NULL);
    free(w->held);
    free(w->run);
    free(w->path);
    free(w);
    return st;
}

zb_status xlsx_render_docs(const lo_document *const *docs, size_t count,
                           const char *path, zb_diags *diags)
{
    if (!count)
        return ZB_ERR_USAGE;
    xlsx_writer *w;
    zb_status st = xlsx_render_begin(path, diags, &w);
    if (st != ZB_OK)
        return st;
    w->own = false;  /* the documents are the caller's */
    for (size_t d = 0; d < count; d++)
        xlsx_render_add(w, (lo_document *)docs[d]);
    return xlsx_render_end(w, ZB_OK);
}

zb_status xlsx_render_doc(const lo_document *doc, const char *path,
                          zb_diags *diags)
{
    return xlsx_render_docs(&doc, 1, path, diags);
}
