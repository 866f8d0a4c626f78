/*
 * pdf_render.c - the PDF document: pages and sections, the blocks of the
 * body (paragraphs, fields, signatures, rules, spaces, page breaks), the
 * page-number footers, the document information, and saving.
 *
 * Footers need the page count: the body of every page is laid out and
 * drawn first; the footers are drawn onto the pages numbered together once
 * the last of them is done (a section that starts its numbering again, or
 * the end), and their contents are deflated then: a PDF of many copies
 * keeps each finished copy's pages deflated, not as drawn.
 */
#include "pdf_render.h"

#include <stdlib.h>
#include <string.h>

#include <hpdf_pages.h>

#include "../core/buf.h"
#include "../core/fileio.h"
#include "../core/date.h"
#include "../core/utf8.h"
#include "pdf_page.h"
#include "pdf_stream.h"

#define EPS 0.01

zb_status pdf_fail(pdf_ctx *ctx, zb_status st)
{
    if (ctx->status == ZB_OK)
        ctx->status = st;
    return st;
}

void *pdf_grow(pdf_ctx *ctx, void *items, size_t *cap, size_t count,
               size_t size)
{
    if (count < *cap)
        return items;
    size_t n = *cap ? *cap * 2 : 64;
    void *p = realloc(items, n * size);
    if (!p) {
        pdf_fail(ctx, ZB_ERR_NOMEM);
        return NULL;
    }
    *cap = n;
    return p;
}

static void on_haru_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
    (void)detail;
    pdf_ctx *ctx = data;
    if (!ctx->haru_error)
        ctx->haru_error = code;
}

void pdf_write(pdf_ctx *ctx, const char *p, size_t n)
{
    HPDF_PageAttr page = (HPDF_PageAttr)ctx->page->attr;
    if (HPDF_Stream_Write(page->stream, (const HPDF_BYTE *)p, (HPDF_UINT)n) !=
        HPDF_OK)
        pdf_fail(ctx, ZB_ERR_RENDER);
}

/* "00" to "99". */
static const char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

/* Append N (0 to 99,999) with at least WIDTH digits to P. */
static char *put_digits(char *p, unsigned n, int width)
{
    char tmp[6];
    char *t = tmp + sizeof tmp;
    for (; n >= 100; n /= 100, width -= 2) {
        t -= 2;
        memcpy(t, digit_pairs + 2 * (n % 100), 2);
    }
    if (n >= 10 || width >= 2) {
        t -= 2;
        memcpy(t, digit_pairs + 2 * n, 2);
        width -= 2;
    } else {
        *--t = (char)('0' + n);
        width--;
    }
    for (; width > 0; width--)
        *--t = '0';
    size_t len = (size_t)(tmp + sizeof tmp - t);
    memcpy(p, t, len);
    return p + len;
}

char *pdf_put_real(char *p, double value)
{
    /* HPDF_FToA(): the same float arithmetic, without its buffer passes */
    HPDF_REAL v = (HPDF_REAL)value;
    if (v > HPDF_LIMIT_MAX_REAL)
        v = HPDF_LIMIT_MAX_REAL;
    else if (v < HPDF_LIMIT_MIN_REAL)
        v = HPDF_LIMIT_MIN_REAL;
    if (v < 0) {
        *p++ = '-';
        v = -v;
    }
    HPDF_INT32 whole = (HPDF_INT32)(v + 0.000005);
    HPDF_INT32 part = (HPDF_INT32)((HPDF_REAL)(v - whole + 0.000005) * 100000);
    part %= 100000;  /* libharu keeps five digits */
    p = put_digits(p, (unsigned)whole, 1);
    if (part == 0)
        return p;
    int places = 5;  /* the decimals, trailing zeros left out */
    for (; part % 10 == 0; part /= 10)
        places--;
    *p++ = '.';
    return put_digits(p, (unsigned)part, places);
}

/* Append "X Y" to P as libharu writes numbers. */
static char *put_point(char *p, double x, double y)
{
    p = pdf_put_real(p, x);
    *p++ = ' ';
    return pdf_put_real(p, y);
}

void pdf_segment(pdf_ctx *ctx, double x0, double y0, double x1, double y1)
{
    char buf[80];
    char *p = put_point(buf, x0, y0);
    memcpy(p, " m\012", 3);
    p = put_point(p + 3, x1, y1);
    memcpy(p, " l\012", 3);
    pdf_write(ctx, buf, (size_t)(p + 3 - buf));
    HPDF_PageAttr page = (HPDF_PageAttr)ctx->page->attr;
    page->cur_pos = (HPDF_Point){(HPDF_REAL)x1, (HPDF_REAL)y1};
    page->str_pos = (HPDF_Point){(HPDF_REAL)x0, (HPDF_REAL)y0};
    page->gmode = HPDF_GMODE_PATH_OBJECT;
}

void pdf_end_text(pdf_ctx *ctx)
{
    if (ctx->in_text)
        HPDF_Page_EndText(ctx->page);
    ctx->in_text = false;
}

/* Make PAGE current with a fresh text state. */
static void use_page(pdf_ctx *ctx, HPDF_Page page)
{
    pdf_end_text(ctx);
    ctx->page = page;
    ctx->cur_face = NULL;
    ctx->cur_size = 0;
    ctx->cur_color = 0;
    ctx->cur_bold = false;
}

/* libharu grows a list by a fixed step (20 or 1,024 items), copying it a
   byte at a time: the document's object table, page list and a page-tree
   node's kids would cost time quadratic in the pages. Make the next growth
   of LIST double it. */
static void grow_doubling(HPDF_List list)
{
    if (list && list->items_per_block < list->block_siz)
        list->items_per_block = list->block_siz;
}

zb_status pdf_new_page(pdf_ctx *ctx)
{
    const lo_section *s = ctx->section;
    pdf_page_rec *pages = pdf_grow(ctx, ctx->pages, &ctx->page_cap,
                                   ctx->page_count, sizeof *pages);
    if (!pages)
        return ctx->status;
    ctx->pages = pages;
    HPDF_Page page = HPDF_AddPage(ctx->pdf);
    if (!page)
        return pdf_fail(ctx, ZB_ERR_RENDER);
    HPDF_Array kids = HPDF_Dict_GetItem(ctx->pdf->cur_pages, "Kids",
                                        HPDF_OCLASS_ARRAY);
    grow_doubling(kids ? kids->list : NULL);
    grow_doubling(ctx->pdf->xref->entries);
    grow_doubling(ctx->pdf->page_list);
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_Stream content = pdf_stream_use(attr->contents);
    if (!content)
        return pdf_fail(ctx, ZB_ERR_NOMEM);
    attr->stream = content;
    HPDF_Page_SetWidth(page, (HPDF_REAL)s->page_width);
    HPDF_Page_SetHeight(page, (HPDF_REAL)s->page_height);
    const pdf_page_rec *prev = ctx->page_count ? &ctx->pages[ctx->page_count - 1]
                                               : NULL;
    bool restart = !prev || (prev->section != s && !s->continue_numbering);
    ctx->pages[ctx->page_count++] =
        (pdf_page_rec){page, s, restart ? 1 : prev->number + 1, 0, false};
    use_page(ctx, page);
    ctx->left = s->margin_left;
    ctx->right = s->page_width - s->margin_right;
    ctx->top = s->page_height - s->margin_top;
    ctx->bottom = s->margin_bottom;
    ctx->y = ctx->top;
    ctx->page_empty = true;
    return ZB_OK;
}

/* Make room for HEIGHT at the cursor, starting a new page if needed (never
   on an empty page: a block taller than the page overflows it; never while
   measuring). */
static zb_status need(pdf_ctx *ctx, double height)
{
    if (ctx->y - height < ctx->bottom - EPS && !ctx->page_empty && !ctx->dry)
        return pdf_new_page(ctx);
    return ZB_OK;
}

/* How many of the lines [FROM, count) of BOX go on the page from the cursor
   at Y: as many as fit, but a paragraph leaves no line alone, neither its
   first at the foot of a page (orphan) nor its last at the head of the next
   (widow). 0: the lines start on the next page. */
static size_t lines_here(const pdf_ctx *ctx, const pdf_box *box, size_t from,
                         double y)
{
    size_t end = from;
    while (end < box->count &&
           y - ctx->lines[box->first + end].pitch >= ctx->bottom - EPS)
        y -= ctx->lines[box->first + end++].pitch;
    if (end == box->count)
        return end - from;
    if (box->count - end < 2)
        end = box->count >= 2 ? box->count - 2 : 0;
    if (end < 2)
        end = 0;
    return end > from ? end - from : 0;
}

/* Draw the lines [FROM, TO) of BOX at the cursor, flowing over pages (see
   lines_here(); an empty page takes a line however tall). */
static zb_status flow_lines(pdf_ctx *ctx, const pdf_box *box, size_t from,
                            size_t to, double left)
{
    for (size_t k = from; k < to;) {
        size_t n = ctx->dry ? to - k : lines_here(ctx, box, k, ctx->y);
        if (n == 0 && ctx->page_empty)
            n = 1;
        for (; n > 0 && k < to; n--, k++) {
            text_draw_line(ctx, box, k, left, ctx->y);
            ctx->y -= ctx->lines[box->first + k].pitch;
            ctx->page_empty = false;
        }
        if (k < to && n == 0 && pdf_new_page(ctx) != ZB_OK)
            return ctx->status;
    }
    return ZB_OK;
}

/* Draw the lines of BOX at the cursor, flowing over pages. */
static zb_status flow_box(pdf_ctx *ctx, const pdf_box *box, double left)
{
    return flow_lines(ctx, box, 0, box->count, left);
}

/* ----------------------------------------------------------- blocks */

static void space_down(pdf_ctx *ctx, double height)
{
    if (ctx->page_empty)
        return;
    ctx->y -= height;
    if (ctx->y < ctx->bottom)
        ctx->y = ctx->bottom;  /* a space at the foot is not carried over */
}

/* Narrow the lines of BOX, laid out from the glyphs [FROM, TO), as far as
   they stay as many (a balanced title); the box keeps its measure. */
static zb_status balance_box(pdf_ctx *ctx, const lo_para *p, size_t from,
                             size_t to, pdf_box *box)
{
    size_t lines = box->count;
    double width = box->width, lo = 0, hi = width;
    for (int i = 0; i < 30 && hi - lo > 0.1; i++) {
        double mid = (lo + hi) / 2;
        ctx->line_count = box->first;
        if (text_layout(ctx, from, to, mid, p->indent, p->hang, p->align,
                        p->style, box) != ZB_OK)
            return ctx->status;
        if (box->count > lines)
            lo = mid;
        else
            hi = mid;
    }
    ctx->line_count = box->first;
    if (text_layout(ctx, from, to, hi, p->indent, p->hang, p->align, p->style,
                    box) != ZB_OK)
        return ctx->status;
    box->width = width;
    return ZB_OK;
}

static zb_status layout_para(pdf_ctx *ctx, const lo_para *p, double width,
                             long line, pdf_box *box)
{
    size_t from = ctx->glyphs.n;
    if (text_add_runs(ctx, p->runs, p->run_count, NULL, line) != ZB_OK)
        return ctx->status;
    width -= p->indent_right;
    if (text_layout(ctx, from, ctx->glyphs.n, width, p->indent, p->hang,
                    p->align, p->style, box) != ZB_OK)
        return ctx->status;
    if (p->balance && box->count > 1)
        return balance_box(ctx, p, from, ctx->glyphs.n, box);
    return ZB_OK;
}

static zb_status place_para(pdf_ctx *ctx, const lo_para *p, long line)
{
    pdf_box box;
    if (layout_para(ctx, p, ctx->right - ctx->left, line, &box) != ZB_OK)
        return ctx->status;
    space_down(ctx, p->style->space_before);
    if (flow_box(ctx, &box, ctx->left) != ZB_OK)
        return ctx->status;
    space_down(ctx, p->style->space_after);
    return ZB_OK;
}

/* Shape a signature line: label, the gap, the date. */
static zb_status shape_signature(pdf_ctx *ctx, const lo_signature *s,
                                 long line)
{
    const lo_style *st = s->style;
    text_add_str(ctx, st, s->label, NULL, line);
    if (s->date == LO_SIG_DATE_NONE)
        return ctx->status;
    text_add_blank(ctx, st, s->gap);
    if (s->date == LO_SIG_DATE_GIVEN) {
        char date[32];
        date_format_cn(s->ymd, date);
        return text_add_str(ctx, st, date, NULL, line);
    }
    static const char *const parts[] = {"年", "月", "日"};
    static const double blanks[] = {2, 1.5, 1.5};  /* em left for the hand */
    for (int i = 0; i < 3; i++) {
        text_add_blank(ctx, st, blanks[i] * st->size);
        text_add_str(ctx, st, parts[i], NULL, line);
    }
    return ctx->status;
}

static zb_status layout_signature(pdf_ctx *ctx, const lo_signature *s,
                                  double width, long line, pdf_box *box)
{
    size_t from = ctx->glyphs.n;
    if (shape_signature(ctx, s, line) != ZB_OK)
        return ctx->status;
    return text_layout(ctx, from, ctx->glyphs.n, width, 0, 0, s->align,
                       s->style, box);
}

zb_status blocks_layout(pdf_ctx *ctx, const lo_block *blocks, size_t count,
                        double width, pdf_box *boxes)
{
    for (size_t i = 0; i < count && ctx->status == ZB_OK; i++) {
        const lo_block *b = &blocks[i];
        if (b->kind == LO_BLOCK_PARA)
            layout_para(ctx, &b->u.para, width, b->line, &boxes[i]);
        else
            layout_signature(ctx, &b->u.signature, width, b->line, &boxes[i]);
    }
    return ctx->status;
}

static zb_status place_signature(pdf_ctx *ctx, const lo_signature *s,
                                 long line)
{
    pdf_box box;
    if (layout_signature(ctx, s, ctx->right - ctx->left, line, &box) != ZB_OK)
        return ctx->status;
    return flow_box(ctx, &box, ctx->left);
}

static zb_status place_rule(pdf_ctx *ctx, const lo_rule *r)
{
    space_down(ctx, r->space_before);
    if (need(ctx, r->width) != ZB_OK)
        return ctx->status;
    if (ctx->dry) {
        ctx->y -= r->width;
        space_down(ctx, r->space_after);
        return ZB_OK;
    }
    pdf_end_text(ctx);
    HPDF_Page page = ctx->page;
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)r->width);
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)((r->color >> 16) / 255.0),
                           (HPDF_REAL)(((r->color >> 8) & 0xFF) / 255.0),
                           (HPDF_REAL)((r->color & 0xFF) / 255.0));
    double y = ctx->y - r->width / 2;
    pdf_segment(ctx, ctx->left, y, ctx->right, y);
    HPDF_Page_Stroke(page);
    ctx->cur_color = PDF_NO_COLOR;
    ctx->y -= r->width;
    ctx->page_empty = false;
    space_down(ctx, r->space_after);
    return ZB_OK;
}

/* ------------------------------------------------------------ fields */

/* A field's text and the width it gets on its line. */
typedef struct field_item {
    size_t from, to;
    double width;
    pdf_box box;
} field_item;

/* Widths: the given ones (mm, or star shares of what the fixed and natural
   widths leave), natural widths for the rest. Returns whether any field had
   a width (then fields sit side by side; else they are spread). */
static bool field_widths(const pdf_ctx *ctx, const lo_fields *f,
                         field_item *items, double body)
{
    double fixed = 0, shares = 0;
    bool any = false;
    for (size_t i = 0; i < f->count; i++) {
        const lo_field *it = &f->items[i];
        double natural = text_width(ctx, items[i].from, items[i].to);
        items[i].width = it->star ? 0 : it->width > 0 ? it->width : natural;
        shares += it->star ? it->width : 0;
        fixed += items[i].width;
        any |= it->width > 0;
    }
    for (size_t i = 0; i < f->count; i++) {
        if (f->items[i].star)
            items[i].width = body > fixed ? (body - fixed) * f->items[i].width /
                                                shares : 0;
        if (items[i].width > body)
            items[i].width = body;
    }
    return any;
}

/* Lay out and draw the fields [I, J) as one line (several lines when a
   field's text is wider than its width). */
static zb_status place_field_line(pdf_ctx *ctx, const lo_fields *f,
                                  field_item *items, size_t i, size_t j,
                                  bool spread)
{
    double used = 0, tallest = 0;
    for (size_t k = i; k < j; k++) {
        if (text_layout(ctx, items[k].from, items[k].to, items[k].width + EPS,
                        0, 0, LO_ALIGN_LEFT, f->style, &items[k].box) != ZB_OK)
            return ctx->status;
        used += items[k].width;
        if (items[k].box.height > tallest)
            tallest = items[k].box.height;
    }
    if (need(ctx, tallest) != ZB_OK)
        return ctx->status;
    double body = ctx->right - ctx->left - 2 * f->inset;
    double gap = spread && j - i > 1 ? (body - used) / (double)(j - i - 1) : 0;
    double x = ctx->left + f->inset;
    for (size_t k = i; k < j; k++) {
        text_draw_box(ctx, &items[k].box, x, ctx->y);
        x += items[k].width + gap;
    }
    ctx->y -= tallest;
    ctx->page_empty = false;
    return ZB_OK;
}

static zb_status place_fields(pdf_ctx *ctx, const lo_fields *f, long line)
{
    size_t count = f->count;
    field_item *items = calloc(count, sizeof *items);
    if (!items)
        return pdf_fail(ctx, ZB_ERR_NOMEM);
    for (size_t i = 0; i < count; i++) {
        items[i].from = ctx->glyphs.n;
        const lo_field *it = &f->items[i];
        text_add_str(ctx, f->style, it->label, it->src, line);
        text_add_str(ctx, it->value_style ? it->value_style : f->style,
                     it->value, it->src, line);
        items[i].to = ctx->glyphs.n;
    }
    double body = ctx->right - ctx->left - 2 * f->inset;
    bool sized = field_widths(ctx, f, items, body);
    double min_gap = sized ? 0 : f->style->size;
    size_t start = 0;
    double x = 0;
    for (size_t i = 0; i <= count && ctx->status == ZB_OK; i++) {
        if (i < count && (i == start || x + min_gap + items[i].width <=
                                            body + EPS)) {
            x += (i == start ? 0 : min_gap) + items[i].width;
            continue;
        }
        place_field_line(ctx, f, items, start, i, !sized);
        start = i;
        x = i < count ? items[i].width : 0;
    }
    free(items);
    return ctx->status;
}

/* ---------------------------- 署名, spaces, groups of blocks (版记, keep) */

static zb_status place_signoff(pdf_ctx *ctx, const lo_signoff *s, long line)
{
    char date[32];
    date_format_cn(s->ymd, date);
    size_t a = ctx->glyphs.n;
    text_add_str(ctx, s->style, s->name, s->src, line);
    size_t b = ctx->glyphs.n;
    text_add_str(ctx, s->style, date, s->src, line);
    size_t c = ctx->glyphs.n;
    double em = layout_char_width(ctx->section, s->style);
    double body = ctx->right - ctx->left;
    double name_w = text_width(ctx, a, b), date_w = text_width(ctx, b, c);
    double name_x, date_x;  /* from the left edge of the body */
    if (s->sealed) {
        date_x = body - 4 * em - date_w;
        name_x = date_x + (date_w - name_w) / 2;
        if (name_x + name_w > body)
            name_x = body - name_w;
    } else {
        name_x = body - 2 * em - name_w;
        date_x = name_x + 2 * em;
        if (date_x + date_w > body - 2 * em) {
            date_x = body - 2 * em - date_w;
            name_x = date_x - 2 * em;
        }
    }
    name_x = name_x < 0 ? 0 : name_x;
    date_x = date_x < 0 ? 0 : date_x;
    pdf_box name, when;
    if (text_layout(ctx, a, b, body - name_x + EPS, 0, 0, LO_ALIGN_LEFT,
                    s->style, &name) != ZB_OK ||
        text_layout(ctx, b, c, body - date_x + EPS, 0, 0, LO_ALIGN_LEFT,
                    s->style, &when) != ZB_OK ||
        need(ctx, name.height + when.height) != ZB_OK)
        return ctx->status;
    ctx->y -= text_draw_box(ctx, &name, ctx->left + name_x, ctx->y);
    ctx->y -= text_draw_box(ctx, &when, ctx->left + date_x, ctx->y);
    ctx->page_empty = false;
    return ZB_OK;
}

static void place_space(pdf_ctx *ctx, const lo_space *sp)
{
    if (sp->kind == LO_SPACE_HEIGHT) {
        space_down(ctx, sp->amount);
    } else if (sp->kind == LO_SPACE_LINES) {
        space_down(ctx, sp->amount * ctx->section->line_pitch);
    } else if (ctx->top - sp->amount < ctx->y) {
        ctx->y = ctx->top - sp->amount;
        ctx->y = ctx->y < ctx->bottom ? ctx->bottom : ctx->y;
        ctx->page_empty = false;
    }
}

static zb_status place_block(pdf_ctx *ctx, const lo_block *b);

/* The height of the COUNT BLOCKS, measured by placing them without drawing
   (spaces count even at the top of a page). */
static double blocks_height(pdf_ctx *ctx, const lo_block *blocks,
                            size_t count)
{
    double y = ctx->y;
    bool empty = ctx->page_empty;
    ctx->dry = true;
    ctx->y = ctx->top;
    ctx->page_empty = false;
    for (size_t i = 0; i < count && ctx->status == ZB_OK; i++)
        place_block(ctx, &blocks[i]);
    double height = ctx->top - ctx->y;
    ctx->dry = false;
    ctx->y = y;
    ctx->page_empty = empty;
    return height;
}

/* Start a new page for the colophon; a page left empty is a blank page. */
static zb_status colophon_page(pdf_ctx *ctx, bool *blank)
{
    if (ctx->page_empty) {
        ctx->pages[ctx->page_count - 1].unnumbered = true;
        *blank = true;
    }
    return pdf_new_page(ctx);
}

/* Is there room for HEIGHT below the cursor (or is the page empty)? */
static bool room_for(const pdf_ctx *ctx, double height)
{
    return ctx->page_empty || ctx->y - height >= ctx->bottom - EPS;
}

/* The lines of its first paragraph that the keep K leaves on this page
   when it does not fit here: the paragraph's last two lines go with the
   rest, and all of it when fewer than two lines would stay (0). */
static size_t keep_stay(const pdf_box *box)
{
    return box->count >= 4 ? box->count - 2 : 0;
}

static bool kept_with_next(const lo_block *b)
{
    return b->kind == LO_BLOCK_PARA && b->u.para.keep_with_next;
}

/* How many lines of the text from the block B on, up to END or the next
   heading, go on this page with the cursor at Y, as paragraphs and a keep
   will be placed (2 when they are two or more, or all of the text, or a
   block other than these comes first). */
static size_t lines_after(pdf_ctx *ctx, const lo_block *b,
                          const lo_block *end, double y)
{
    for (size_t got = 0; b < end && got < 2 && !kept_with_next(b); b++) {
        const lo_block *p = b;
        if (b->kind == LO_BLOCK_KEEP) {
            const lo_keep *k = &b->u.keep;
            if (y - blocks_height(ctx, k->blocks, k->block_count) >=
                ctx->bottom - EPS)
                return 2;
            p = &k->blocks[0];
            if (p->kind != LO_BLOCK_PARA)
                return got;
        } else if (b->kind != LO_BLOCK_PARA) {
            return 2;
        }
        pdf_box box;
        text_reset(ctx);
        if (layout_para(ctx, &p->u.para, ctx->right - ctx->left, p->line,
                        &box) != ZB_OK)
            return 2;
        size_t here = lines_here(ctx, &box, 0,
                                 y - p->u.para.style->space_before);
        if (b->kind == LO_BLOCK_KEEP)
            return got + (here < keep_stay(&box) ? here : keep_stay(&box));
        got += here;
        if (here < box.count)
            return got;
        y -= blocks_height(ctx, b, 1);
    }
    return 2;
}

/* Before placing the COUNT paragraphs of RUN, each kept with the next (a
   heading and its subheadings), with END the end of their blocks: a new
   page unless the run fits here with the first two lines of its text. */
static zb_status keep_run(pdf_ctx *ctx, const lo_block *run, size_t count,
                          const lo_block *end)
{
    if (ctx->page_empty)
        return ZB_OK;
    double y = ctx->y - blocks_height(ctx, run, count);
    if (y >= ctx->bottom - EPS && lines_after(ctx, run + count, end, y) >= 2)
        return ctx->status;
    return pdf_new_page(ctx);
}

static zb_status place_blocks(pdf_ctx *ctx, const lo_block *blocks,
                              size_t count)
{
    for (size_t i = 0; i < count && ctx->status == ZB_OK; i++) {
        size_t end = i;
        while (end < count && kept_with_next(&blocks[end]))
            end++;
        if (end > i && !ctx->dry &&
            keep_run(ctx, &blocks[i], end - i, blocks + count) != ZB_OK)
            break;
        for (; i < end && ctx->status == ZB_OK; i++)
            place_block(ctx, &blocks[i]);
        if (i < count)
            place_block(ctx, &blocks[i]);
    }
    return ctx->status;
}

static zb_status place_colophon(pdf_ctx *ctx, const lo_colophon *c)
{
    const lo_group *g = &c->group;
    double height = blocks_height(ctx, g->blocks, g->block_count);
    bool blank = false;
    if (ctx->status == ZB_OK && !room_for(ctx, height))
        colophon_page(ctx, &blank);
    while (ctx->status == ZB_OK && c->even &&
           ctx->pages[ctx->page_count - 1].number % 2 == 1)
        colophon_page(ctx, &blank);
    if (ctx->status != ZB_OK)
        return ctx->status;
    ctx->pages[ctx->page_count - 1].unnumbered = blank;
    ctx->y = ctx->bottom + height;
    ctx->page_empty = false;
    return place_blocks(ctx, g->blocks, g->block_count);
}

/* The blocks of K on one page: when they do not fit, a first paragraph
   leaves the lines keep_stay() gives here, and the others go to the next
   page with the rest. */
static zb_status place_keep(pdf_ctx *ctx, const lo_keep *k)
{
    const lo_block *first = &k->blocks[0];
    if (room_for(ctx, blocks_height(ctx, k->blocks, k->block_count)))
        return place_blocks(ctx, k->blocks, k->block_count);
    if (first->kind != LO_BLOCK_PARA) {
        if (pdf_new_page(ctx) != ZB_OK)
            return ctx->status;
        return place_blocks(ctx, k->blocks, k->block_count);
    }
    double rest = blocks_height(ctx, k->blocks + 1, k->block_count - 1);
    const lo_para *p = &first->u.para;
    text_reset(ctx);
    pdf_box box;
    if (layout_para(ctx, p, ctx->right - ctx->left, first->line, &box) !=
        ZB_OK)
        return ctx->status;
    size_t stay = keep_stay(&box);
    double tail = p->style->space_after + rest;
    for (size_t i = stay; i < box.count; i++)
        tail += ctx->lines[box.first + i].pitch;
    space_down(ctx, p->style->space_before);
    if (flow_lines(ctx, &box, 0, stay, ctx->left) != ZB_OK)
        return ctx->status;
    if (!room_for(ctx, tail) && pdf_new_page(ctx) != ZB_OK)
        return ctx->status;
    if (flow_lines(ctx, &box, stay, box.count, ctx->left) != ZB_OK)
        return ctx->status;
    space_down(ctx, p->style->space_after);
    return place_blocks(ctx, k->blocks + 1, k->block_count - 1);
}

/* ------------------------------------------------------------ footers */

/* FORMAT with {page} and {pages} replaced. */
static char *footer_text(const char *format, size_t page, size_t pages)
{
    zb_buf b = {0};
    for (const char *p = format; *p;) {
        if (!strncmp(p, "{page}", 6)) {
            buf_printf(&b, "%zu", page);
            p += 6;
        } else if (!strncmp(p, "{pages}", 7)) {
            buf_printf(&b, "%zu", pages);
            p += 7;
        } else {
            buf_append(&b, p++, 1);
        }
    }
    return buf_detach(&b);
}

static zb_status draw_footer(pdf_ctx *ctx, const pdf_page_rec *rec)
{
    const lo_section *s = rec->section;
    const lo_footer *f = s->footer;
    size_t number = rec->number;
    char *text = footer_text(f->format, number, rec->total);
    if (!text)
        return pdf_fail(ctx, ZB_ERR_NOMEM);
    use_page(ctx, rec->page);
    ctx->section = s;
    text_reset(ctx);
    text_add_str(ctx, f->style, text, NULL, s->line);
    free(text);
    lo_footer_align a = f->align;
    if (a == LO_FOOTER_OUTSIDE || a == LO_FOOTER_INSIDE)
        a = (number % 2 == 1) == (a == LO_FOOTER_OUTSIDE) ? LO_FOOTER_RIGHT
                                                          : LO_FOOTER_LEFT;
    double body = layout_body_width(s);
    double left = s->margin_left + (a == LO_FOOTER_LEFT ? f->indent : 0);
    double width = a == LO_FOOTER_CENTER ? body : body - f->indent;
    lo_align align = a == LO_FOOTER_CENTER ? LO_ALIGN_CENTER
                   : a == LO_FOOTER_RIGHT  ? LO_ALIGN_RIGHT
                                           : LO_ALIGN_LEFT;
    pdf_box box;
    if (ctx->status == ZB_OK &&
        text_layout(ctx, 0, ctx->glyphs.n, width, 0, 0, align, f->style,
                    &box) == ZB_OK)
        text_draw_box(ctx, &box, left, s->margin_bottom - f->offset);
    pdf_end_text(ctx);
    return ctx->status;
}

/* The pages from ctx->finished on, numbered together (pdf_new_page()), are
   done: draw their footers with the count of them and deflate their
   contents. */
static zb_status finish_pages(pdf_ctx *ctx)
{
    if (ctx->finished == ctx->page_count)
        return ctx->status;
    const lo_section *section = ctx->section;
    pdf_page_rec *p = ctx->pages;
    size_t total = p[ctx->page_count - 1].number;
    pdf_end_text(ctx);
    for (size_t i = ctx->finished; i < ctx->page_count; i++) {
        p[i].total = total;
        if (ctx->status == ZB_OK && p[i].section->footer && !p[i].unnumbered)
            draw_footer(ctx, &p[i]);
    }
    for (size_t i = ctx->finished; i < ctx->page_count; i++) {
        HPDF_PageAttr page = (HPDF_PageAttr)p[i].page->attr;
        if (ctx->status == ZB_OK && page->gmode == HPDF_GMODE_PAGE_DESCRIPTION)
            pdf_fail(ctx, pdf_stream_deflate(page->contents, ctx->z));
    }
    ctx->finished = ctx->page_count;
    ctx->section = section;
    return ctx->status;
}

/* ----------------------------------------------------------- sections */

static zb_status place_block(pdf_ctx *ctx, const lo_block *b)
{
    text_reset(ctx);
    switch (b->kind) {
    case LO_BLOCK_PARA:
        return place_para(ctx, &b->u.para, b->line);
    case LO_BLOCK_FIELDS:
        return place_fields(ctx, &b->u.fields, b->line);
    case LO_BLOCK_TABLE:
        return table_place(ctx, &b->u.table);
    case LO_BLOCK_SIGNATURE:
        return place_signature(ctx, &b->u.signature, b->line);
    case LO_BLOCK_RULE:
        return place_rule(ctx, &b->u.rule);
    case LO_BLOCK_SPACE:
        place_space(ctx, &b->u.space);
        return ZB_OK;
    case LO_BLOCK_PAGE_BREAK:
        return ctx->page_empty ? ZB_OK : pdf_new_page(ctx);
    case LO_BLOCK_SIGNOFF:
        return place_signoff(ctx, &b->u.signoff, b->line);
    case LO_BLOCK_COLOPHON:
        return place_colophon(ctx, &b->u.colophon);
    case LO_BLOCK_KEEP:
        return place_keep(ctx, &b->u.keep);
    }
    return ZB_OK;
}

static zb_status place_section(pdf_ctx *ctx, const lo_section *s)
{
    if (!s->continue_numbering && finish_pages(ctx) != ZB_OK)
        return ctx->status;
    ctx->section = s;
    if (pdf_new_page(ctx) != ZB_OK)
        return ctx->status;
    return place_blocks(ctx, s->blocks, s->block_count);
}

/* --------------------------------------------------------- the file */

/* An info string as UTF-16BE with a byte order mark. */
static zb_status set_info_text(pdf_ctx *ctx, HPDF_Dict info, const char *key,
                               const char *utf8)
{
    if (!utf8 || !*utf8)
        return ZB_OK;
    zb_buf b = {0};
    buf_append(&b, "\xFE\xFF", 2);
    for (const char *p = utf8; *p;) {
        uint32_t c = utf8_next(&p);
        if (c >= 0x10000) {
            c -= 0x10000;
            uint32_t hi = 0xD800 | c >> 10, lo = 0xDC00 | (c & 0x3FF);
            unsigned char u[4] = {(unsigned char)(hi >> 8), (unsigned char)hi,
                                  (unsigned char)(lo >> 8), (unsigned char)lo};
            buf_append(&b, u, 4);
        } else {
            unsigned char u[2] = {(unsigned char)(c >> 8), (unsigned char)c};
            buf_append(&b, u, 2);
        }
    }
    HPDF_Binary bin = b.failed ? NULL
                               : HPDF_Binary_New(ctx->pdf->mmgr,
                                                 (HPDF_BYTE *)b.data,
                                                 (HPDF_UINT)b.len);
    buf_free(&b);
    if (!bin || HPDF_Dict_Add(info, key, bin) != HPDF_OK)
        return pdf_fail(ctx, ZB_ERR_RENDER);
    return ZB_OK;
}

static zb_status set_info(pdf_ctx *ctx, const lo_meta *m)
{
    HPDF_Date date = {m->created / 10000, m->created / 100 % 100,
                      m->created % 100, 0, 0, 0, 'Z', 0, 0};
    if (HPDF_SetInfoAttr(ctx->pdf, HPDF_INFO_CREATOR, "zhengban") != HPDF_OK ||
        HPDF_SetInfoDateAttr(ctx->pdf, HPDF_INFO_CREATION_DATE, date) !=
            HPDF_OK)
        return pdf_fail(ctx, ZB_ERR_RENDER);
    HPDF_Dict info = ctx->pdf->info;
    set_info_text(ctx, info, "Title", m->title);
    set_info_text(ctx, info, "Author", m->author);
    set_info_text(ctx, info, "Subject", m->subject);
    set_info_text(ctx, info, "Keywords", m->keywords);
    return ctx->status;
}

/* Finish the fonts, in the order attached (their objects are numbered in
   it), their streams deflated as the pages' are. */
static zb_status finish_fonts(pdf_ctx *ctx)
{
    for (size_t n = 1; n <= ctx->attached && ctx->status == ZB_OK; n++)
        for (size_t i = 0; i < ctx->fonts->face_count; i++)
            if (ctx->uses[i].order == n)
                pdf_fail(ctx, pdf_face_finish(&ctx->fonts->faces[i],
                                              ctx->uses[i].font,
                                              ctx->uses[i].used, ctx->z));
    return ctx->status;
}

static zb_status save(pdf_ctx *ctx)
{
    if (finish_fonts(ctx) != ZB_OK)
        return ctx->status;
    char *tmp;
    zb_status st = file_make_temp(ctx->path, &tmp, ctx->diags);
    if (st != ZB_OK)
        return pdf_fail(ctx, st);
    if (HPDF_SaveToFile(ctx->pdf, tmp) != HPDF_OK || ctx->haru_error) {
        file_discard_temp(tmp);
        return pdf_fail(ctx, ZB_ERR_RENDER);
    }
    return pdf_fail(ctx, file_commit_temp(tmp, ctx->path, ctx->diags));
}

static void ctx_free(pdf_ctx *ctx)
{
    if (ctx->uses)
        for (size_t i = 0; i < ctx->fonts->face_count; i++)
            free(ctx->uses[i].used);
    free(ctx->uses);
    free(ctx->reported);
    free(ctx->glyphs.cp);
    free(ctx->glyphs.w);
    free(ctx->glyphs.x);
    free(ctx->glyphs.face);
    free(ctx->glyphs.style);
    free(ctx->lines);
    linebreak_free(&ctx->lb);
    free(ctx->pages);
    arena_free(&ctx->kept);
    libdeflate_free_compressor(ctx->z);
    HPDF_Free(ctx->pdf);
    free(ctx->path);
    free(ctx);
}

/* The pages not finished yet (their footers wait for the count of the
   pages numbered with them) keep copies of their sections' page set-up
   and footer, without the blocks: the caller may free the model it gave
   pdf_render_add() once that returns. */
static zb_status keep_sections(pdf_ctx *ctx)
{
    const lo_section *from = NULL;
    lo_section *copy = NULL;
    for (size_t i = ctx->finished; i < ctx->page_count; i++) {
        pdf_page_rec *p = &ctx->pages[i];
        if (p->section != from) {
            from = p->section;
            copy = arena_alloc(&ctx->kept, sizeof *copy);
            lo_footer *f = from->footer ? arena_alloc(&ctx->kept, sizeof *f)
                                        : NULL;
            if (!copy || (from->footer && !f))
                return pdf_fail(ctx, ZB_ERR_NOMEM);
            *copy = (lo_section){.page_width = from->page_width,
                                 .page_height = from->page_height,
                                 .landscape = from->landscape,
                                 .margin_top = from->margin_top,
                                 .margin_bottom = from->margin_bottom,
                                 .margin_left = from->margin_left,
                                 .margin_right = from->margin_right,
                                 .line_pitch = from->line_pitch,
                                 .char_pitch = from->char_pitch,
                                 .continue_numbering =
                                     from->continue_numbering,
                                 .footer = f,
                                 .line = from->line};
            if (f) {
                *f = *from->footer;
                f->format = arena_strdup(&ctx->kept, f->format);
                if (!f->format)
                    return pdf_fail(ctx, ZB_ERR_NOMEM);
            }
        }
        p->section = copy;
    }
    ctx->section = copy;
    return ctx->status;
}

#define PDF_PAGES_PER_NODE 8192

zb_status pdf_render_begin(const pdf_fonts *fonts, const char *path,
                           zb_diags *diags, pdf_writer **out)
{
    *out = NULL;
    pdf_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return ZB_ERR_NOMEM;
    *ctx = (pdf_ctx){.fonts = fonts, .diags = diags};
    ctx->path = strdup(path);
    ctx->pdf = HPDF_New(on_haru_error, ctx);
    ctx->uses = calloc(fonts->face_count, sizeof *ctx->uses);
    ctx->z = pdf_stream_deflater();
    if (!ctx->path || !ctx->pdf || !ctx->uses || !ctx->z) {
        ctx_free(ctx);
        return ZB_ERR_NOMEM;
    }
    HPDF_SetCompressionMode(ctx->pdf, HPDF_COMP_ALL);
    /* a page tree node holds at most HPDF_LIMIT_MAX_ARRAY (32767) kids in
       libharu: past the first PDF_PAGES_PER_NODE pages, the pages go into
       nodes of that many */
    HPDF_SetPagesConfiguration(ctx->pdf, PDF_PAGES_PER_NODE);
    HPDF_UseUTFEncodings(ctx->pdf);
    *out = ctx;
    return ZB_OK;
}

zb_status pdf_render_add(pdf_writer *ctx, const lo_document *doc)
{
    if (ctx->status != ZB_OK)
        return ctx->status;
    if (!ctx->name) {
        ctx->name = doc->name;
        set_info(ctx, &doc->meta);
    }
    for (size_t i = 0; i < doc->section_count && ctx->status == ZB_OK; i++)
        place_section(ctx, &doc->sections[i]);
    return keep_sections(ctx);
}

zb_status pdf_render_end(pdf_writer *ctx, zb_status st)
{
    if (!ctx)
        return st;
    if (st == ZB_OK && ctx->status == ZB_OK)
        finish_pages(ctx);
    if (ctx->font_errors)
        pdf_fail(ctx, ZB_ERR_FONT);
    if (st == ZB_OK && ctx->status == ZB_OK) /* finish_pages() ended the
                                                last page's text */
        save(ctx);
    if (ctx->haru_error && ctx->status != ZB_ERR_FONT)
        diags_add(ctx->diags, ctx->name, 0, 0, DIAG_ERROR, "render",
                  "PDF 库 libharu 出错（错误码 0x%04X），没有写出 %s",
                  (unsigned)ctx->haru_error, ctx->path);
    else if (ctx->status == ZB_ERR_NOMEM)
        diags_add(ctx->diags, ctx->name, 0, 0, DIAG_ERROR, "render",
                  "内存不足，没有写出 %s", ctx->path);
    if (st == ZB_OK)
        st = ctx->status;
    ctx_free(ctx);
    return st;
}

zb_status pdf_render_doc(const lo_document *doc, const pdf_fonts *fonts,
                         const char *path, zb_diags *diags)
{
    pdf_writer *w;
    zb_status st = pdf_render_begin(fonts, path, diags, &w);
    if (st != ZB_OK)
        return st;
    return pdf_render_end(w, pdf_render_add(w, doc));
}
