#include "xlsx_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/date.h"

#define LATIN_EM 0.55      /* see xlsx_text.h */
#define LINE_FACTOR 1.3    /* a line of SimSun in Excel: 10.5 pt -> 13.5 pt */
#define IDEOGRAPHIC_SPACE "\xE3\x80\x80"

/* ------------------------------------------------------------ storage */

void xlsx_text_reset(xlsx_text *t)
{
    buf_reset(&t->buf);
    t->count = 0;
}

void xlsx_text_free(xlsx_text *t)
{
    buf_free(&t->buf);
    free(t->frags);
    *t = (xlsx_text){0};
}

bool xlsx_text_failed(const xlsx_text *t)
{
    return t->failed || t->buf.failed;
}

/* Continue T in STYLE, starting a fragment if need be. 0 on ENOMEM. */
static int text_style(xlsx_text *t, const lo_style *style)
{
    if (t->count && t->frags[t->count - 1].style == style)
        return 1;
    if (t->count == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 4;
        xlsx_frag *frags = realloc(t->frags, cap * sizeof *frags);
        if (!frags) {
            t->failed = 1;
            return 0;
        }
        t->frags = frags;
        t->cap = cap;
    }
    t->frags[t->count++] = (xlsx_frag){t->buf.len, style};
    return 1;
}

void xlsx_text_add(xlsx_text *t, const lo_style *style, const char *s)
{
    if (*s && text_style(t, style))
        buf_append_str(&t->buf, s);
}

void xlsx_text_add_space(xlsx_text *t, const lo_style *style, double pt)
{
    double size = style->size;
    int ems = (int)floor(pt / size + 0.01);
    int halves = (int)floor((pt - ems * size) / (LATIN_EM * size) + 0.5);
    for (int i = 0; i < ems; i++)
        xlsx_text_add(t, style, IDEOGRAPHIC_SPACE);
    for (int i = 0; i < halves; i++)
        xlsx_text_add(t, style, " ");
}

/* Append the whole of FROM to T. */
static void text_append(xlsx_text *t, const xlsx_text *from)
{
    for (size_t i = 0; i < from->count; i++) {
        size_t start = from->frags[i].start;
        size_t end = i + 1 < from->count ? from->frags[i + 1].start
                                         : from->buf.len;
        if (text_style(t, from->frags[i].style))
            buf_append(&t->buf, from->buf.data + start, end - start);
    }
}

/* ---------------------------------------------------------- measuring */

static uint32_t utf8_next(const unsigned char **p, const unsigned char *end)
{
    unsigned c = *(*p)++;
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    uint32_t cp = n ? c & (0x3Fu >> n) : c;
    while (n-- > 0 && *p < end && (**p & 0xC0) == 0x80)
        cp = cp << 6 | (*(*p)++ & 0x3F);
    return cp;
}

/* Width of CP in ems. */
static double em_width(uint32_t cp)
{
    if (cp < 0x20)
        return 0;
    if (cp < 0x1100 || (cp >= 0xFF61 && cp <= 0xFFDC))
        return LATIN_EM;
    return 1;
}

/* Greedy line breaking as a spreadsheet does it: between any two CJK
   characters, at spaces between Latin words, inside a word only when it is
   longer than the line. */
typedef struct wrap_state {
    double width;   /* of the line */
    double x;       /* used on the current line */
    double word;    /* width of the Latin word being read */
    int lines;
    int wrapped;    /* the current line began at a soft break */
} wrap_state;

static void wrap_place(wrap_state *w, double tok)
{
    if (tok <= 0)
        return;
    if (w->x > 0 && w->x + tok > w->width + 0.01) {
        w->lines++;
        w->x = 0;
        w->wrapped = 1;
    }
    for (; tok > w->width + 0.01; tok -= w->width)
        w->lines++;
    w->x += tok;
    w->wrapped = 0;
}

static void wrap_feed(wrap_state *w, uint32_t cp, double size)
{
    double em = em_width(cp);
    if (em < 1 && cp != ' ' && cp != '\n') {
        w->word += em * size;
        return;
    }
    wrap_place(w, w->word);
    w->word = 0;
    if (cp == '\n') {
        w->lines++;
        w->x = 0;
        w->wrapped = 0;
    } else if (cp == ' ') {
        if (!w->wrapped)
            w->x += em * size;
    } else {
        wrap_place(w, em * size);
    }
}

typedef void (*cp_fn)(void *ctx, uint32_t cp, double size);

/* Call FN for every character of T from byte offset FROM on. */
static void text_each(const xlsx_text *t, size_t from, cp_fn fn, void *ctx)
{
    for (size_t i = 0; i < t->count; i++) {
        size_t start = t->frags[i].start;
        size_t end = i + 1 < t->count ? t->frags[i + 1].start : t->buf.len;
        if (end <= from)
            continue;
        const unsigned char *p = (const unsigned char *)t->buf.data;
        const unsigned char *q = p + (start > from ? start : from);
        while (q < p + end)
            fn(ctx, utf8_next(&q, p + end), t->frags[i].style->size);
    }
}

static void add_width(void *ctx, uint32_t cp, double size)
{
    *(double *)ctx += em_width(cp) * size;
}

double xlsx_text_width(const xlsx_text *t, size_t from)
{
    double width = 0;
    text_each(t, from, add_width, &width);
    return width;
}

static void feed(void *ctx, uint32_t cp, double size)
{
    wrap_feed(ctx, cp, size);
}

int xlsx_text_lines(const xlsx_text *t, double width)
{
    wrap_state w = {.width = width > 1 ? width : 1, .lines = 1};
    text_each(t, 0, feed, &w);
    wrap_place(&w, w.word);
    return w.lines;
}

double xlsx_line_height(const lo_style *style)
{
    return LINE_FACTOR * style->size;
}

double xlsx_text_height(const xlsx_text *t, const lo_style *style,
                        double width)
{
    for (size_t i = 0; i < t->count; i++)
        if (i == 0 || t->frags[i].style->size > style->size)
            style = t->frags[i].style;
    return xlsx_text_lines(t, width) * xlsx_line_height(style);
}

const lo_style *xlsx_text_style(const xlsx_text *t)
{
    for (size_t i = 1; i < t->count; i++)
        if (t->frags[i].style != t->frags[0].style)
            return NULL;
    return t->count ? t->frags[0].style : NULL;
}

/* -------------------------------------------------------- composition */

void xlsx_text_para(xlsx_text *t, const lo_para *p)
{
    xlsx_text_add_space(t, p->style, p->indent);
    for (size_t i = 0; i < p->run_count; i++)
        xlsx_text_add(t, p->runs[i].style, p->runs[i].text);
}

void xlsx_text_signature(xlsx_text *t, const lo_signature *s)
{
    char date[32] = "";
    xlsx_text_add(t, s->style, s->label);
    xlsx_text_add_space(t, s->style, s->gap);
    if (s->date == LO_SIG_DATE_BLANK)
        xlsx_text_add(t, s->style, "年" IDEOGRAPHIC_SPACE IDEOGRAPHIC_SPACE
                                   "月" IDEOGRAPHIC_SPACE IDEOGRAPHIC_SPACE
                                   "日");
    else if (s->date == LO_SIG_DATE_GIVEN)
        date_format_cn(s->ymd, date);
    xlsx_text_add(t, s->style, date);
}

/* Width of the string S in STYLE, as one line. */
static double string_width(const lo_style *style, const char *s)
{
    double width = 0;
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + strlen(s);
    while (p < end)
        width += em_width(utf8_next(&p, end)) * style->size;
    return width;
}

static double field_width(const lo_style *style, const lo_field *field)
{
    return string_width(style, field->label) + string_width(style, field->value);
}

void xlsx_text_fields(xlsx_text *t, const lo_fields *f, double width)
{
    double fixed = 0, shares = 0, natural_sum = 0;
    bool sized = false;
    width -= f->style->size; /* slack for fonts wider than estimated */
    for (size_t i = 0; i < f->count; i++) {
        const lo_field *item = &f->items[i];
        double natural = field_width(f->style, item);
        natural_sum += natural;
        sized |= item->width > 0;
        if (item->star)
            shares += item->width;
        else
            fixed += item->width > 0 ? item->width : natural;
    }
    double rest = width - fixed > 0 ? width - fixed : 0;
    double gap = !sized && f->count > 1 && width > natural_sum
                     ? (width - natural_sum) / (double)(f->count - 1) : 0;
    double x = 0, pad = 0;
    for (size_t i = 0; i < f->count; i++) {
        const lo_field *item = &f->items[i];
        double natural = field_width(f->style, item);
        double slot = item->star ? rest * item->width / shares
                    : item->width > 0 ? item->width : natural + gap;
        if (i && x + pad + natural <= width + 0.01) {
            xlsx_text_add_space(t, f->style, pad);
            x += pad;
        } else if (i) {
            xlsx_text_add(t, f->style, "\n");
            x = 0;
        }
        xlsx_text_add(t, f->style, item->label);
        xlsx_text_add(t, f->style, item->value);
        x += natural;
        pad = fmax(slot - natural, f->style->size);
    }
}

static lo_align block_align(const lo_block *b)
{
    return b->kind == LO_BLOCK_SIGNATURE ? b->u.signature.align
                                         : b->u.para.align;
}

static void text_block(xlsx_text *t, const lo_block *b)
{
    if (b->kind == LO_BLOCK_SIGNATURE)
        xlsx_text_signature(t, &b->u.signature);
    else
        xlsx_text_para(t, &b->u.para);
}

lo_align xlsx_text_blocks(xlsx_text *t, const lo_block *blocks, size_t count,
                          double width)
{
    bool agree = true;
    for (size_t i = 1; i < count; i++)
        agree &= block_align(&blocks[i]) == block_align(&blocks[0]);
    xlsx_text line = {0};
    for (size_t i = 0; i < count; i++) {
        const lo_block *b = &blocks[i];
        const lo_style *style = b->kind == LO_BLOCK_SIGNATURE
                                    ? b->u.signature.style : b->u.para.style;
        if (i)
            xlsx_text_add(t, style, "\n");
        xlsx_text_reset(&line);
        text_block(&line, b);
        /* an em to spare for fonts wider than estimated */
        double room = width - style->size - xlsx_text_width(&line, 0);
        lo_align align = block_align(b);
        if (!agree && room > 0 && xlsx_text_lines(&line, width) == 1 &&
            (align == LO_ALIGN_RIGHT || align == LO_ALIGN_CENTER))
            xlsx_text_add_space(t, style,
                                align == LO_ALIGN_RIGHT ? room : room / 2);
        text_append(t, &line);
    }
    t->failed |= xlsx_text_failed(&line);
    xlsx_text_free(&line);
    if (!count)
        return LO_ALIGN_LEFT;
    return agree ? block_align(&blocks[0]) : LO_ALIGN_LEFT;
}

lo_align xlsx_text_cell(xlsx_text *t, const lo_cell *c, double width)
{
    if (c->more && c->more->block_count)
        return xlsx_text_blocks(t, c->more->blocks, c->more->block_count,
                                width);
    if (c->type == LO_CELL_TEXT)
        for (size_t i = 0; i < c->run_count; i++)
            xlsx_text_add(t, c->runs[i].style, c->runs[i].text);
    else
        xlsx_text_add(t, c->style, c->text);
    return c->align;
}
