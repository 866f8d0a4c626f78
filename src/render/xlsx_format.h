/*
 * xlsx_format.h - private to the XLSX renderer: cell formats.
 *
 * A look (font, alignment, borders, number format) is turned into a
 * libxlsxwriter format the first time it is asked for and shared after
 * that, so a 10,000-row table needs a handful of formats, not one per cell.
 */
#ifndef ZB_XLSX_FORMAT_H
#define ZB_XLSX_FORMAT_H

#include <stdbool.h>
#include <stdint.h>

#include <xlsxwriter.h>

#include "layout.h"

typedef enum xlsx_number {
    XLSX_NUMBER_GENERAL,
    XLSX_NUMBER_DECIMAL,   /* "0", "0.00", ...: see decimals */
    XLSX_NUMBER_DATE_CN,   /* 2023年6月20日 */
    XLSX_NUMBER_DATE_ISO   /* 2023-06-20 */
} xlsx_number;

typedef struct xlsx_look {
    const lo_style *font;   /* NULL: the workbook's default font */
    lo_align align;
    lo_valign valign;
    bool wrap;
    unsigned borders;       /* LO_BORDER_* */
    double border_width;    /* pt */
    uint32_t border_color;  /* 0xRRGGBB */
    xlsx_number number;
    int decimals;           /* XLSX_NUMBER_DECIMAL */
    bool hide_zero;         /* show nothing for 0 (a total left blank) */
} xlsx_look;

typedef struct xlsx_format_entry xlsx_format_entry;

typedef struct xlsx_formats {
    lxw_workbook *workbook;
    xlsx_format_entry *items;
    size_t count, cap;
} xlsx_formats;

/* The format of LOOK in FORMATS->workbook, made on first use; NULL when out
   of memory. The workbook owns the format. */
lxw_format *xlsx_format_get(xlsx_formats *formats, const xlsx_look *look);

/* Forget the cached formats (the workbook keeps and frees them). */
void xlsx_formats_free(xlsx_formats *formats);

/* The Excel font name of a font role: 宋体, 黑体, 楷体, 仿宋, 方正小标宋简体. */
const char *xlsx_font_name(lo_font_role role);

#endif
