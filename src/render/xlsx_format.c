#include "xlsx_format.h"

#include <stdio.h>
#include <stdlib.h>


#define CHARSET_GB2312 134

struct xlsx_format_entry {
    xlsx_look look;
    lxw_format *format;
};

const char *xlsx_font_name(lo_font_role role)
{
    static const char *const names[LO_FONT_ROLES] = {
        "宋体", "黑体", "楷体", "仿宋", "方正小标宋简体"};
    return role < LO_FONT_ROLES ? names[role] : names[0];
}

static bool look_equal(const xlsx_look *a, const xlsx_look *b)
{
    return a->font == b->font && a->align == b->align &&
           a->valign == b->valign && a->wrap == b->wrap &&
           a->borders == b->borders && a->border_width == b->border_width &&
           a->border_color == b->border_color && a->number == b->number &&
           a->decimals == b->decimals && a->hide_zero == b->hide_zero;
}

/* Excel's line style for a border WIDTH points thick. */
static uint8_t border_style(double width)
{
    return width < 1.0 ? LXW_BORDER_THIN
         : width < 2.0 ? LXW_BORDER_MEDIUM : LXW_BORDER_THICK;
}

static void set_font(lxw_format *f, const lo_style *style)
{
    format_set_font_name(f, xlsx_font_name(style->font));
    format_set_font_size(f, style->size);
    format_set_font_charset(f, CHARSET_GB2312);
    if (style->bold)
        format_set_bold(f);
    if (style->color) /* 0 is libxlsxwriter's "unset", i.e. automatic black */
        format_set_font_color(f, style->color);
}

static void set_borders(lxw_format *f, const xlsx_look *look)
{
    static void (*const sides[4])(lxw_format *, uint8_t) = {
        format_set_top, format_set_right, format_set_bottom, format_set_left};
    static void (*const colors[4])(lxw_format *, lxw_color_t) = {
        format_set_top_color, format_set_right_color, format_set_bottom_color,
        format_set_left_color};
    for (int i = 0; i < 4 && look->border_width > 0; i++) {
        if (!(look->borders & (1u << i)))
            continue;
        sides[i](f, border_style(look->border_width));
        if (look->border_color)
            colors[i](f, look->border_color);
    }
}

static void set_alignment(lxw_format *f, const xlsx_look *look)
{
    static const uint8_t aligns[] = {LXW_ALIGN_LEFT, LXW_ALIGN_CENTER,
        LXW_ALIGN_RIGHT, LXW_ALIGN_JUSTIFY, LXW_ALIGN_DISTRIBUTED};
    static const uint8_t valigns[] = {LXW_ALIGN_VERTICAL_TOP,
        LXW_ALIGN_VERTICAL_CENTER, LXW_ALIGN_VERTICAL_BOTTOM};
    format_set_align(f, aligns[look->align]);
    format_set_align(f, valigns[look->valign]);
    if (look->wrap)
        format_set_text_wrap(f);
}

static void set_number(lxw_format *f, const xlsx_look *look)
{
    char base[16], code[40];
    switch (look->number) {
    case XLSX_NUMBER_GENERAL:
        return;
    case XLSX_NUMBER_DATE_CN:
        format_set_num_format(f, "yyyy\"年\"m\"月\"d\"日\"");
        return;
    case XLSX_NUMBER_DATE_ISO:
        format_set_num_format(f, "yyyy-mm-dd");
        return;
    case XLSX_NUMBER_DECIMAL:
        snprintf(base, sizeof base, "0%s%.*s", look->decimals ? "." : "",
                 look->decimals, "000000");
        /* sections: positive;negative;zero */
        snprintf(code, sizeof code, "%s;-%s;", base, base);
        format_set_num_format(f, look->hide_zero ? code : base);
        return;
    }
}

lxw_format *xlsx_format_get(xlsx_formats *formats, const xlsx_look *look)
{
    for (size_t i = formats->count; i-- > 0;)
        if (look_equal(&formats->items[i].look, look))
            return formats->items[i].format;
    if (formats->count == formats->cap) {
        size_t cap = formats->cap ? formats->cap * 2 : 32;
        xlsx_format_entry *items = realloc(formats->items,
                                           cap * sizeof *items);
        if (!items)
            return NULL;
        formats->items = items;
        formats->cap = cap;
    }
    lxw_format *f = workbook_add_format(formats->workbook);
    if (!f)
        return NULL;
    if (look->font)
        set_font(f, look->font);
    set_alignment(f, look);
    set_borders(f, look);
    set_number(f, look);
    formats->items[formats->count++] = (xlsx_format_entry){*look, f};
    return f;
}

void xlsx_formats_free(xlsx_formats *formats)
{
    free(formats->items);
    formats->items = NULL;
    formats->count = formats->cap = 0;
}
