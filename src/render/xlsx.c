#include "xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../core/fileio.h"
#include "../core/date.h"
#include "xlsx_sheet.h"

typedef struct sheet_name {
    const lo_document *doc;
    const lo_section *section;
    size_t order;
} sheet_name;

static int compare_names(const void *pa, const void *pb)
{
    const sheet_name *a = pa, *b = pb;
    int c = strcasecmp(a->section->name, b->section->name);
    return c ? c : a->order < b->order ? -1 : a->order > b->order;
}

static void report_name(zb_diags *diags, const sheet_name *n, const char *why)
{
    diags_add(diags, n->doc->name, n->section->line, 0, DIAG_ERROR, "xlsx",
              "节名 “%s” 不能作 Excel 工作表名：%s", n->section->name, why);
}

/* Check what Excel asks of worksheet names beyond the layout's own rules:
   no apostrophe at either end, not "History", unique ignoring case across
   every document of the workbook. */
static zb_status check_sheet_names(const lo_document *const *docs,
                                   size_t count, zb_diags *diags)
{
    size_t total = 0, errors = 0;
    for (size_t d = 0; d < count; d++)
        total += docs[d]->section_count;
    sheet_name *names = calloc(total ? total : 1, sizeof *names);
    if (!names)
        return ZB_ERR_NOMEM;
    for (size_t d = 0, k = 0; d < count; d++)
        for (size_t i = 0; i < docs[d]->section_count; i++, k++)
            names[k] = (sheet_name){docs[d], &docs[d]->sections[i], k};
    qsort(names, total, sizeof *names, compare_names);
    for (size_t k = 0; k < total; k++) {
        const char *name = names[k].section->name;
        if (name[0] == '\'' || name[strlen(name) - 1] == '\'')
            report_name(diags, &names[k], "不能以 ' 开头或结尾"), errors++;
        else if (!strcasecmp(name, "History"))
            report_name(diags, &names[k], "History 是 Excel 保留的名字"),
                errors++;
        else if (k && !strcasecmp(name, names[k - 1].section->name))
            report_name(diags, &names[k], "与另一节重名（Excel 不分大小写）"),
                errors++;
    }
    free(names);
    return errors ? ZB_ERR_INVALID : ZB_OK;
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

static zb_status write_docs(xlsx_book *book, const lo_document *const *docs,
                            size_t count)
{
    zb_status st = ZB_OK;
    for (size_t d = 0; st == ZB_OK && d < count; d++) {
        xlsx_pos *pos = calloc(docs[d]->cell_count + 1, sizeof *pos);
        if (!pos)
            return ZB_ERR_NOMEM;
        for (size_t i = 0; st == ZB_OK && i < docs[d]->section_count; i++)
            st = xlsx_write_section(book, docs[d], &docs[d]->sections[i], pos);
        free(pos);
    }
    return st;
}

/* Write the workbook into the temporary file TMP. */
static zb_status write_workbook(const lo_document *const *docs, size_t count,
                                const char *tmp, const char *path,
                                zb_diags *diags)
{
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb)
        return ZB_ERR_NOMEM;
    xlsx_book book = {.workbook = wb, .formats = {.workbook = wb},
                      .diags = diags};
    zb_status st = set_properties(wb, &docs[0]->meta);
    if (st == ZB_OK)
        st = write_docs(&book, docs, count);
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
    zb_status st = check_sheet_names(docs, count, diags);
    char *tmp = NULL;
    if (st == ZB_OK)
        st = file_make_temp(path, &tmp, diags);
    if (st == ZB_OK)
        st = write_workbook(docs, count, tmp, path, diags);
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
