/*
 * pdf_text.c - text in the PDF: shaping UTF-8 into glyphs of the configured
 * fonts, breaking it into lines, and drawing the lines with libharu.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_pages.h>

#include "../core/buf.h"
#include "../core/utf8.h"
#include "pdf_page.h"

#define ASCENT 0.88   /* the ideographic em box: baseline 0.88 em below top */
#define BOLD_STROKE 0.035  /* stroke width of fake bold, em */

static bool is_blank(uint32_t cp)
{
    return cp == ' ' || cp == 0x3000 || cp == '\n';
}

void text_reset(pdf_ctx *ctx)
{
    ctx->glyphs.n = 0;
    ctx->line_count = 0;
}

static zb_status grow_glyphs(pdf_glyphs *g)
{
    if (g->n < g->cap)
        return ZB_OK;
    size_t cap = g->cap ? g->cap * 2 : 256;
    uint32_t *cp = realloc(g->cp, cap * sizeof *cp);
    if (cp)
        g->cp = cp;
    double *w = realloc(g->w, cap * sizeof *w);
    if (w)
        g->w = w;
    double *x = realloc(g->x, cap * sizeof *x);
    if (x)
        g->x = x;
    const pdf_face **face = realloc(g->face, cap * sizeof *face);
    if (face)
        g->face = face;
    const lo_style **style = realloc(g->style, cap * sizeof *style);
    if (style)
        g->style = style;
    if (!cp || !w || !x || !face || !style)
        return ZB_ERR_NOMEM;
    g->cap = cap;
    return ZB_OK;
}

static zb_status push_glyph(pdf_ctx *ctx, uint32_t cp, double w,
                            const pdf_face *face, const lo_style *style)
{
    pdf_glyphs *g = &ctx->glyphs;
    if (grow_glyphs(g) != ZB_OK)
        return pdf_fail(ctx, ZB_ERR_NOMEM);
    g->cp[g->n] = cp;
    g->w[g->n] = w;
    g->face[g->n] = face;
    g->style[g->n] = style;
    g->n++;
    return ZB_OK;
}

/* Report CP, which no font can draw, once per document; the layout goes
   on without it so that every such character is reported, and
   pdf_render_end() writes nothing. */
static zb_status report_missing(pdf_ctx *ctx, uint32_t cp,
                                const lo_style *style, const char *src,
                                long line)
{
    ctx->font_errors++;
    for (size_t i = 0; i < ctx->reported_count; i++)
        if (ctx->reported[i] == cp)
            return ZB_OK;
    uint32_t *r = pdf_grow(ctx, ctx->reported, &ctx->reported_cap,
                           ctx->reported_count, sizeof *r);
    if (!r)
        return ctx->status;
    ctx->reported = r;
    r[ctx->reported_count++] = cp;
    char ch[5] = {0};
    utf8_put(ch, cp);
    zb_buf where = {0};
    if (src && *src)
        buf_printf(&where, "（来源：%s）", src);
    if (cp >= PDF_FONTS_CODES)
        diags_add(ctx->diags, ctx->name, line, 0, DIAG_ERROR, "render",
                  "字符“%s”（U+%04X）无法写入 PDF：libharu 2.3.0 只能编码 "
                  "U+FFFF 以内的字符%s", ch, (unsigned)cp, buf_str(&where));
    else
        diags_add(ctx->diags, ctx->name, line, 0, DIAG_ERROR, "render",
                  "字符“%s”（U+%04X）在%s字体 %s 和后备字体中都没有%s；请在字体"
                  "配置中用 “后备 = 字体文件” 加一个有这个字的字体", ch,
                  (unsigned)cp, layout_font_role_name(style->font),
                  ctx->fonts->role[style->font]->path, buf_str(&where));
    buf_free(&where);
    return ZB_OK;
}

zb_status text_add_str(pdf_ctx *ctx, const lo_style *style, const char *s,
                       const char *src, long line)
{
    double pitch = layout_char_width(ctx->section, style);
    while (*s) {
        uint32_t cp = utf8_next(&s);
        if (cp == '\n') {
            if (push_glyph(ctx, cp, 0, NULL, style) != ZB_OK)
                return ctx->status;
            continue;
        }
        const pdf_face *face = pdf_fonts_pick(ctx->fonts, style->font, cp);
        if (!face && !is_blank(cp)) {
            report_missing(ctx, cp, style, src, line);
            continue;
        }
        /* blanks are never drawn: they need a width, not a glyph */
        double em = face ? face->advance[cp] / 1000.0 : cp == ' ' ? 0.25 : 1;
        double w = em * pitch;
        if (push_glyph(ctx, cp, w, face, style) != ZB_OK)
            return ctx->status;
    }
    return ctx->status;
}

zb_status text_add_runs(pdf_ctx *ctx, const lo_run *runs, size_t count,
                        const char *src, long line)
{
    for (size_t i = 0; i < count; i++)
        text_add_str(ctx, runs[i].style, runs[i].text,
                     runs[i].src ? runs[i].src : src, line);
    return ctx->status;
}

zb_status text_add_blank(pdf_ctx *ctx, const lo_style *style, double width)
{
    return push_glyph(ctx, 0x3000, width, NULL, style);
}

double text_width(const pdf_ctx *ctx, size_t from, size_t to)
{
    double w = 0;
    for (size_t i = from; i < to; i++)
        w += ctx->glyphs.w[i];
    return w;
}

static zb_status push_line(pdf_ctx *ctx, pdf_line line)
{
    pdf_line *lines = pdf_grow(ctx, ctx->lines, &ctx->line_cap,
                               ctx->line_count, sizeof *lines);
    if (!lines)
        return ctx->status;
    ctx->lines = lines;
    ctx->lines[ctx->line_count++] = line;
    return ZB_OK;
}

/* The height of a line: the largest line height and size among its
   glyphs' styles (BASE for an empty line). */
static void line_metrics(const pdf_ctx *ctx, pdf_line *line,
                         const lo_style *base)
{
    double pitch = base->line_height, size = base->size;
    const lo_style *grid = base;
    if (line->lb.end > line->lb.start) {
        pitch = size = 0;
        for (size_t i = line->lb.start; i < line->lb.end; i++) {
            const lo_style *s = ctx->glyphs.style[i];
            pitch = s->line_height > pitch ? s->line_height : pitch;
            size = s->size > size ? s->size : size;
            grid = s->grid > grid->grid ? s : grid;
        }
    }
    pitch = layout_line_height(ctx->section, grid, pitch);
    line->pitch = pitch;
    line->ascent = (pitch - size) / 2 + ASCENT * size;
}

zb_status text_layout(pdf_ctx *ctx, size_t from, size_t to, double width,
                      double indent, double hang, lo_align align,
                      const lo_style *base, pdf_box *box)
{
    const pdf_glyphs *g = &ctx->glyphs;
    *box = (pdf_box){ctx->line_count, 0, width, indent, hang, align, 0};
    const lo_style *first = from < to ? g->style[from] : base;
    bool squeeze = layout_char_width(ctx->section, first) == first->size;
    if (linebreak_find_lines(g->cp + from, g->w + from, to - from,
                             width - hang, indent - hang, squeeze,
                             &ctx->lb) != ZB_OK)
        return pdf_fail(ctx, ZB_ERR_NOMEM);
    for (size_t i = 0; i < ctx->lb.count; i++) {
        pdf_line line = {ctx->lb.items[i], 0, 0};
        line.lb.start += from;
        line.lb.end += from;
        line.lb.next += from;
        line_metrics(ctx, &line, from < to ? g->style[from] : base);
        if (push_line(ctx, line) != ZB_OK)
            return ctx->status;
        box->height += line.pitch;
        box->count++;
    }
    return ZB_OK;
}

/* ------------------------------------------------------------ drawing */

static pdf_font_use *font_use(pdf_ctx *ctx, const pdf_face *face)
{
    pdf_font_use *use = &ctx->uses[face->id];
    if (use->font)
        return use;
    use->used = calloc(PDF_FONTS_CODES / 8, 1);
    if (!use->used) {
        pdf_fail(ctx, ZB_ERR_NOMEM);
        return NULL;
    }
    if (pdf_face_attach(face, ctx->pdf, &use->font) != ZB_OK) {
        use->font = NULL;
        pdf_fail(ctx, ZB_ERR_RENDER);
        return NULL;
    }
    use->order = ++ctx->attached;
    return use;
}

/* Select FONT at SIZE as libharu's HPDF_Page_SetFontAndSize() does ("/F1
   12 Tf", the font added to the page's resources), without clearing a
   512-byte buffer a byte at a time. */
static void set_font(pdf_ctx *ctx, HPDF_Font font, double size)
{
    HPDF_PageAttr page = (HPDF_PageAttr)ctx->page->attr;
    const char *name = HPDF_Page_GetLocalFontName(ctx->page, font);
    if (!name) {
        pdf_fail(ctx, ZB_ERR_RENDER);
        return;
    }
    char buf[HPDF_LIMIT_MAX_NAME_LEN + 32];  /* a name "F1" needs no escape */
    size_t n = strlen(name);
    buf[0] = '/';
    memcpy(buf + 1, name, n);
    char *p = buf + 1 + n;
    *p++ = ' ';
    p = pdf_put_real(p, size);
    memcpy(p, " Tf\012", 4);
    pdf_write(ctx, buf, (size_t)(p + 4 - buf));
    page->gstate->font = font;
    page->gstate->font_size = (HPDF_REAL)size;
    page->gstate->writing_mode = HPDF_WMODE_HORIZONTAL;
}

/* Make the text state draw FACE in STYLE. */
static bool text_state(pdf_ctx *ctx, const pdf_face *face,
                       const lo_style *style)
{
    pdf_font_use *use = font_use(ctx, face);
    if (!use)
        return false;
    if (!ctx->in_text) {
        HPDF_Page_BeginText(ctx->page);
        ctx->in_text = true;
    }
    if (face != ctx->cur_face || style->size != ctx->cur_size) {
        set_font(ctx, use->font, style->size);
        ctx->cur_face = face;
        ctx->cur_size = style->size;
    }
    if (style->color != ctx->cur_color) {
        double r = (style->color >> 16) / 255.0;
        double gr = ((style->color >> 8) & 0xFF) / 255.0;
        double b = (style->color & 0xFF) / 255.0;
        HPDF_Page_SetRGBFill(ctx->page, (HPDF_REAL)r, (HPDF_REAL)gr,
                             (HPDF_REAL)b);
        HPDF_Page_SetRGBStroke(ctx->page, (HPDF_REAL)r, (HPDF_REAL)gr,
                               (HPDF_REAL)b);
        ctx->cur_color = style->color;
    }
    if (style->bold != ctx->cur_bold) {
        HPDF_Page_SetTextRenderingMode(ctx->page, style->bold
                                                      ? HPDF_FILL_THEN_STROKE
                                                      : HPDF_FILL);
        ctx->cur_bold = style->bold;
    }
    if (style->bold)
        HPDF_Page_SetLineWidth(ctx->page, (HPDF_REAL)(style->size *
                                                      BOLD_STROKE));
    return true;
}

/* Draw the glyphs [I, J) (one face and style, evenly spaced, fewer than
   256) at X: the operators libharu's HPDF_Page_TextOut() writes ("dx dy
   Td <codes> Tj", the text matrix moved by dx dy; the show left out for
   a text of no width), without its measuring of the text and the UTF-8
   it encodes again. The text matrix is never scaled or turned here, so
   the move is the difference of the positions. */
static void draw_segment(pdf_ctx *ctx, size_t i, size_t j, double x,
                         double baseline)
{
    const pdf_glyphs *g = &ctx->glyphs;
    const pdf_face *face = g->face[i];
    if (!text_state(ctx, face, g->style[i]))
        return;
    static const char hex[] = "0123456789ABCDEF";
    HPDF_PageAttr page = (HPDF_PageAttr)ctx->page->attr;
    HPDF_TransMatrix *m = &page->text_matrix;
    HPDF_REAL dx = (HPDF_REAL)x - m->x, dy = (HPDF_REAL)baseline - m->y;
    uint8_t *used = ctx->uses[face->id].used;
    char buf[64 + 4 * 256];
    char *p = pdf_put_real(buf, dx);
    *p++ = ' ';
    p = pdf_put_real(p, dy);
    memcpy(p, " Td\012", 4);
    char *moved = p += 4;
    *p++ = '<';
    long width = 0;
    for (size_t k = i; k < j; k++) {
        uint32_t c = g->cp[k];
        used[c >> 3] |= (uint8_t)(1u << (c & 7));
        width += face->advance[c];
        for (int shift = 12; shift >= 0; shift -= 4)
            *p++ = hex[(c >> shift) & 0xF];
    }
    memcpy(p, "> Tj\012", 5);
    p += 5;
    if (!width)
        p = moved;
    pdf_write(ctx, buf, (size_t)(p - buf));
    m->x += dx;
    m->y += dy;
    page->text_pos.x = m->x;
    page->text_pos.y = m->y;
}

/* Does glyph K continue the segment that glyph K-1 is in? Not when the
   glyph before is placed at a pitch other than its own advance (a
   character grid), since a segment is drawn at the font's advances. */
static bool continues(const pdf_glyphs *g, size_t k)
{
    const pdf_face *face = g->face[k - 1];
    return !is_blank(g->cp[k]) && !is_blank(g->cp[k - 1]) &&
           g->face[k] == face && g->style[k] == g->style[k - 1] &&
           fabs(g->x[k] - g->x[k - 1] - g->w[k - 1]) < 0.01 &&
           fabs(g->w[k - 1] - face->advance[g->cp[k - 1]] / 1000.0 *
                                  g->style[k - 1]->size) < 0.01;
}

/* The offset of a line of drawn width WIDTH in AVAIL. */
static double align_offset(lo_align align, double avail, double width)
{
    if (align == LO_ALIGN_CENTER || align == LO_ALIGN_DISTRIBUTED)
        return (avail - width) / 2;
    return align == LO_ALIGN_RIGHT ? avail - width : 0;
}

void text_draw_line(pdf_ctx *ctx, const pdf_box *box, size_t k, double left,
                    double top)
{
    const pdf_line *line = &ctx->lines[box->first + k];
    const pdf_glyphs *g = &ctx->glyphs;
    if (line->lb.end == line->lb.start || ctx->dry)
        return;
    double offset = k == 0 ? box->indent : box->hang;
    double avail = box->width - offset;
    bool stretch = box->align == LO_ALIGN_DISTRIBUTED ||
                   (box->align == LO_ALIGN_JUSTIFY && !line->lb.last);
    linebreak_place(g->cp, g->w, &line->lb, avail, stretch, g->x);
    size_t last = line->lb.end - 1;
    double drawn = g->x[last] + g->w[last];
    if (drawn > avail)
        drawn = avail;  /* squeezed: the last mark hangs in its blank half */
    double x0 = left + offset + align_offset(box->align, avail, drawn);
    double baseline = top - line->ascent;
    size_t seg = line->lb.start;
    for (size_t i = line->lb.start; i <= line->lb.end; i++) {
        if (i < line->lb.end && i > seg && continues(g, i) &&
            i - seg < 255) /* a segment fits draw_segment's buffer */
            continue;
        if (i > seg && !is_blank(g->cp[seg]))
            draw_segment(ctx, seg, i, x0 + g->x[seg], baseline);
        seg = i;
    }
}

double text_draw_box(pdf_ctx *ctx, const pdf_box *box, double left,
                     double top)
{
    double y = top;
    for (size_t k = 0; k < box->count; k++) {
        text_draw_line(ctx, box, k, left, y);
        y -= ctx->lines[box->first + k].pitch;
    }
    return top - y;
}
