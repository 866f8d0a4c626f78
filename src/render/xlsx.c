#include "xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../core/fileio.h"
#include "../core/date.h"
#include "xlsx_sheet.h"

/* A worksheet of the workbook as the name check sorts it. */
typedef struct sheet_name {
    const xlsx_sheet_src *src;
    size_t order;
} sheet_name;

static int compare_names(const void *pa, const void *pb)
{
    const sheet_name *a = pa, *b = pb;
    int c = strcasecmp(a->src->name, b->src->name);
    return c ? c : a->order < b->order ? -1 : a->order > b->order;
}

static void report_name(zb_diags *diags, const xlsx_sheet_src *src,
                        const char *why)
{
    diags_add(diags, src->doc->name, src->sections[0].line, 0, DIAG_ERROR,
              "xlsx", "%s “%s” 不能作 Excel 工作表名：%s",
              src->sections[0].stack ? "叠放的工作表名" : "节名", src->name,
              why);
}

/* Check what Excel asks of worksheet names beyond the layout's own rules:
   no apostrophe at either end, not "History", unique ignoring case across
   the workbook. */
static zb_status check_sheet_names(const xlsx_sheet_src *sheets, size_t count,
                                   zb_diags *diags)
{
    size_t errors = 0;
    sheet_name *names = calloc(count ? count : 1, sizeof *names);
    if (!names)
        return ZB_ERR_NOMEM;
    for (size_t k = 0; k < count; k++)
        names[k] = (sheet_name){&sheets[k], k};
    qsort(names, count, sizeof *names, compare_names);
    for (size_t k = 0; k < count; k++) {
        const xlsx_sheet_src *src = names[k].src;
        const char *name = src->name;
        if (name[0] == '\'' || name[strlen(name) - 1] == '\'')
            report_name(diags, src, "不能以 ' 开头或结尾"), errors++;
        else if (!strcasecmp(name, "History"))
            report_name(diags, src, "History 是 Excel 保留的名字"), errors++;
        else if (k && !strcasecmp(name, names[k - 1].src->name))
            report_name(diags, src, "与另一节重名（Excel 不分大小写）"),
                errors++;
    }
    free(names);
    return errors ? ZB_ERR_INVALID : ZB_OK;
}

/* How many sections of a stack follow S, S included (1 for a section that
   is on no stack). */
static size_t stack_length(const lo_section *s, const lo_section *end)
{
    size_t n = 1;
    while (s->stack && s + n < end && s[n].stack &&
           !strcmp(s[n].stack, s->stack))
        n++;
    return n;
}

/* Add to SHEETS at *N the worksheets of the RUN sections of DOC from S (a
   stack's, or one section): XLSX_STACK_MAX copies a sheet, named "STACK
   FIRST-LAST". */
static void add_sheets(const lo_document *doc, const lo_section *s, size_t run,
                       xlsx_sheet_src *sheets, size_t *n)
{
    for (size_t first = 0; first < run; first += XLSX_STACK_MAX) {
        xlsx_sheet_src *src = &sheets[(*n)++];
        src->doc = doc;
        src->sections = s + first;
        src->count = run - first < XLSX_STACK_MAX ? run - first
                                                  : XLSX_STACK_MAX;
        if (s->stack)
            snprintf(src->name, sizeof src->name, "%s %zu-%zu", s->stack,
                     first + 1, first + src->count);
        else
            snprintf(src->name, sizeof src->name, "%s", s->name);
    }
}

/* The worksheets of DOCS into *OUT, *SHEET_COUNT of them: a section each,
   or the copies of a stack together. */
static zb_status list_sheets(const lo_document *const *docs, size_t count,
                             xlsx_sheet_src **out, size_t *sheet_count)
{
    size_t n = 0;
    for (size_t d = 0; d < count; d++)
        n += docs[d]->section_count;
    xlsx_sheet_src *sheets = calloc(n ? n : 1, sizeof *sheets);
    if (!sheets)
        return ZB_ERR_NOMEM;
    n = 0;
    for (size_t d = 0; d < count; d++) {
        const lo_section *end = docs[d]->sections + docs[d]->section_count;
        for (const lo_section *s = docs[d]->sections; s < end;) {
            size_t run = stack_length(s, end);
            add_sheets(docs[d], s, run, sheets, &n);
            s += run;
        }
    }
    *out = sheets;
    *sheet_count = n;
    return ZB_OK;
}

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

/* Write SHEETS, COUNT of them, into BOOK. */
static zb_status write_sheets(xlsx_book *book, const xlsx_sheet_src *sheets,
                              size_t count)
{
    zb_status st = ZB_OK;
    xlsx_pos *pos = NULL;
    for (size_t k = 0; st == ZB_OK && k < count; k++) {
        if (!k || sheets[k].doc != sheets[k - 1].doc) {
            free(pos);
            pos = calloc(sheets[k].doc->cell_count + 1, sizeof *pos);
            if (!pos)
                return ZB_ERR_NOMEM;
        }
        st = xlsx_write_sheet(book, &sheets[k], pos);
    }
    free(pos);
    return st;
}

/* Write the workbook of SHEETS (COUNT), with the properties META, into
   the temporary file TMP. */
static zb_status write_workbook(const xlsx_sheet_src *sheets, size_t count,
                                const lo_meta *meta, const char *tmp,
                                const char *path, zb_diags *diags)
{
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb)
        return ZB_ERR_NOMEM;
    xlsx_book book = {.workbook = wb, .formats = {.workbook = wb},
                      .diags = diags};
    zb_status st = set_properties(wb, meta);
    if (st == ZB_OK)
        st = write_sheets(&book, sheets, count);
    xlsx_formats_free(&book.formats);
    xlsx_text_free(&book.text);
    buf_free(&book.scratch);
    if (st != ZB_OK) {
        lxw_workbook_free(wb);
        return st;
    }
    lxw_error err = workbook_close(wb);
    if (err) {
        diags_add(diags, path, 0, 0, DIAG_ERROR, "xlsx", "写工作簿失败：%s",
                  lxw_strerror(err));
        return ZB_ERR_IO;
    }
    return ZB_OK;
}

zb_status xlsx_render_docs(const lo_document *const *docs, size_t count,
                           const char *path, zb_diags *diags)
{
    if (!count)
        return ZB_ERR_USAGE;
    xlsx_sheet_src *sheets = NULL;
    size_t sheet_count = 0;
    char *tmp = NULL;
    zb_status st = list_sheets(docs, count, &sheets, &sheet_count);
    if (st == ZB_OK)
        st = check_sheet_names(sheets, sheet_count, diags);
    if (st == ZB_OK)
        st = file_make_temp(path, &tmp, diags);
    if (st == ZB_OK)
        st = write_workbook(sheets, sheet_count, &docs[0]->meta, tmp, path,
                            diags);
    free(sheets);
    if (st == ZB_OK)
        return file_commit_temp(tmp, path, diags);
    file_discard_temp(tmp);
    return st;
}

zb_status xlsx_render_doc(const lo_document *doc, const char *path,
                          zb_diags *diags)
{
    return xlsx_render_docs(&doc, 1, path, diags);
}
