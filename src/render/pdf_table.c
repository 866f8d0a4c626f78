/*
 * pdf_table.c - tables: cell text laid out in its columns, row heights
 * that grow to fit, rows kept whole across pages (rows joined by a row span
 * move together) unless taller than a page, header rows repeated on every
 * page, and borders drawn once per edge.
 *
 * Rows are laid out a group at a time (a group is the smallest run of rows
 * that no keep-together row span crosses, a row kept with the next counting
 * as such a span) and placed on the page; what a page holds is drawn when
 * the page is full (flush_page): cell contents, then one path of all the
 * borders. The glyphs of the rows of one page are kept until then, so
 * memory follows the page, not the table. A span that may break across
 * pages shows its content on each page it reaches, within the part of the
 * cell on that page.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf_page.h"

#define EPS 0.01

/* The laid-out content of a cell: boxes (one for inline text, one per
   block otherwise), the trailing signatures anchored to the bottom. */
typedef struct cell_lay {
    size_t box0, count;   /* into tbl.boxes */
    size_t lead;          /* boxes placed by valign; the rest at the bottom */
    double lead_h, tail_h;
} cell_lay;

/* A row (or a slice of a row taller than a page) placed on the page. */
typedef struct drawn_row {
    size_t r;
    double top;           /* y of its top edge */
    double height;
    double offset;        /* where the slice starts within the row */
} drawn_row;

typedef struct tbl {
    pdf_ctx *ctx;
    const lo_table *t;
    size_t rows, cols;
    double *colx;         /* [cols + 1] left edges from the table's left */
    const lo_cell **owner;  /* [rows * cols] the cell covering each slot */
    double *h;            /* [rows] row heights */
    size_t seq0;          /* seq of the table's first cell */
    size_t *lay_of;       /* [cells] index into lays */
    cell_lay *lays;
    size_t lay_count, lay_cap;
    pdf_box *boxes;
    size_t box_count, box_cap;
    drawn_row *drawn;     /* the rows on the current page */
    size_t drawn_count, drawn_cap;
    size_t glyph_mark, line_mark, lay_mark, box_mark;  /* after the header */
    double header_h;
} tbl;

static const lo_cell *owner_at(const tbl *tb, size_t r, size_t c)
{
    return tb->owner[r * tb->cols + c];
}

/* ----------------------------------------------------------- set-up */

static zb_status tbl_init(tbl *tb, pdf_ctx *ctx, const lo_table *t)
{
    *tb = (tbl){.ctx = ctx, .t = t, .rows = t->row_count, .cols = t->col_count};
    tb->colx = calloc(tb->cols + 1, sizeof *tb->colx);
    tb->owner = calloc(tb->rows * tb->cols, sizeof *tb->owner);
    tb->h = calloc(tb->rows, sizeof *tb->h);
    size_t cells = 0;
    for (size_t r = 0; r < tb->rows; r++)
        cells += t->rows[r].cell_count;
    tb->lay_of = calloc(cells ? cells : 1, sizeof *tb->lay_of);
    if (!tb->colx || !tb->owner || !tb->h || !tb->lay_of)
        return pdf_fail(ctx, ZB_ERR_NOMEM);
    for (size_t c = 0; c < tb->cols; c++)
        tb->colx[c + 1] = tb->colx[c] + t->cols[c].width;
    tb->seq0 = cells ? t->rows[0].cells[0].seq : 0;
    for (size_t r = 0; r < tb->rows; r++)
        for (size_t i = 0; i < t->rows[r].cell_count; i++) {
            const lo_cell *cell = &t->rows[r].cells[i];
            for (int dr = 0; dr < cell->rowspan; dr++)
                for (int dc = 0; dc < cell->colspan; dc++)
                    tb->owner[(size_t)(cell->row + dr) * tb->cols +
                              (size_t)(cell->col + dc)] = cell;
        }
    return ZB_OK;
}

static void tbl_free(tbl *tb)
{
    free(tb->colx);
    free(tb->owner);
    free(tb->h);
    free(tb->lay_of);
    free(tb->lays);
    free(tb->boxes);
    free(tb->drawn);
}

/* ------------------------------------------------------------ layout */

static double cell_inner_width(const tbl *tb, const lo_cell *cell)
{
    double w = tb->colx[cell->col + cell->colspan] - tb->colx[cell->col] -
               2 * tb->t->padding;
    return w > 1 ? w : 1;
}

/* Lay out the content of CELL into boxes. */
static zb_status layout_cell(tbl *tb, const lo_cell *cell)
{
    pdf_ctx *ctx = tb->ctx;
    const lo_cell_more *more = cell->more;
    size_t blocks = more ? more->block_count : 0;
    size_t n = blocks ? blocks : 1;
    while (tb->box_count + n > tb->box_cap) {
        pdf_box *b = pdf_grow(ctx, tb->boxes, &tb->box_cap,
                              tb->box_count + n - 1, sizeof *b);
        if (!b)
            return ctx->status;
        tb->boxes = b;
    }
    cell_lay *lays = pdf_grow(ctx, tb->lays, &tb->lay_cap, tb->lay_count,
                              sizeof *lays);
    if (!lays)
        return ctx->status;
    tb->lays = lays;
    cell_lay *lay = &tb->lays[tb->lay_count];
    *lay = (cell_lay){tb->box_count, n, n, 0, 0};
    pdf_box *boxes = &tb->boxes[tb->box_count];
    double width = cell_inner_width(tb, cell);
    if (blocks) {
        blocks_layout(ctx, more->blocks, blocks, width, boxes);
        while (lay->lead > 0 &&
               more->blocks[lay->lead - 1].kind == LO_BLOCK_SIGNATURE)
            lay->lead--;
    } else {
        size_t from = ctx->glyphs.n;
        if (cell->type == LO_CELL_TEXT)
            text_add_runs(ctx, cell->runs, cell->run_count, cell->src,
                          cell->line);
        else
            text_add_str(ctx, cell->style, cell->text, cell->src, cell->line);
        if (ctx->status == ZB_OK)
            text_layout(ctx, from, ctx->glyphs.n, width, 0, 0, cell->align,
                        cell->style, boxes);
    }
    if (ctx->status != ZB_OK)
        return ctx->status;
    for (size_t i = 0; i < n; i++)
        *(i < lay->lead ? &lay->lead_h : &lay->tail_h) += boxes[i].height;
    tb->box_count += n;
    tb->lay_of[cell->seq - tb->seq0] = tb->lay_count++;
    return ZB_OK;
}

static double cell_need(const tbl *tb, const lo_cell *cell)
{
    const cell_lay *lay = &tb->lays[tb->lay_of[cell->seq - tb->seq0]];
    return lay->lead_h + lay->tail_h + 2 * tb->t->padding;
}

/* The end of the row group starting at A: rows tied by keep-together row
   spans, and a row kept with the next. */
static size_t group_end(const tbl *tb, size_t a)
{
    size_t b = a + 1;
    for (size_t r = a; r < b; r++) {
        const lo_row *row = &tb->t->rows[r];
        for (size_t i = 0; i < row->cell_count; i++) {
            size_t end = r + (size_t)row->cells[i].rowspan;
            if (row->cells[i].keep_together)
                b = end > b ? end : b;
        }
        if (row->keep_with_next && r + 2 <= tb->t->row_count && r + 2 > b)
            b = r + 2;
    }
    return b;
}

/* Lay out the cells of rows [A, B) and set the rows' heights. */
static zb_status layout_rows(tbl *tb, size_t a, size_t b)
{
    const lo_table *t = tb->t;
    for (size_t r = a; r < b; r++) {
        tb->h[r] = t->rows[r].min_height;
        for (size_t i = 0; i < t->rows[r].cell_count; i++) {
            const lo_cell *cell = &t->rows[r].cells[i];
            if (layout_cell(tb, cell) != ZB_OK)
                return tb->ctx->status;
            double need = cell_need(tb, cell);
            if (cell->rowspan == 1 && need > tb->h[r])
                tb->h[r] = need;
        }
    }
    /* a span that goes on past the group gets its room within the group */
    for (size_t r = a; r < b; r++)
        for (size_t i = 0; i < t->rows[r].cell_count; i++) {
            const lo_cell *cell = &t->rows[r].cells[i];
            size_t last = r + (size_t)cell->rowspan - 1;
            if (last >= b)
                last = b - 1;
            double have = 0;
            for (size_t k = r; k <= last; k++)
                have += tb->h[k];
            double need = cell_need(tb, cell);
            if (need > have)
                tb->h[last] += need - have;
        }
    return ZB_OK;
}

static double rows_height(const tbl *tb, size_t a, size_t b)
{
    double sum = 0;
    for (size_t r = a; r < b; r++)
        sum += tb->h[r];
    return sum;
}

/* ------------------------------------------------------ cell content */

/* Call VISIT for every line of CELL with its offset from the cell's top
   edge: the leading boxes placed by valign, the trailing signatures at the
   bottom. */
typedef void line_visit(tbl *tb, const pdf_box *box, size_t k, double offset,
                        double pitch, void *arg);

static const cell_lay *lay_of(const tbl *tb, const lo_cell *cell)
{
    return &tb->lays[tb->lay_of[cell->seq - tb->seq0]];
}

/* The same for a cell of inner height INNER (its padding excluded). */
static void walk_cell_in(tbl *tb, const lo_cell *cell, double inner,
                         line_visit *visit, void *arg)
{
    const cell_lay *lay = lay_of(tb, cell);
    double pad = tb->t->padding;
    double room = inner - lay->lead_h - lay->tail_h;
    room = room > 0 ? room : 0;
    double o = pad + (cell->valign == LO_VALIGN_TOP      ? 0
                      : cell->valign == LO_VALIGN_MIDDLE ? room / 2
                                                         : room);
    for (size_t i = 0; i < lay->count; i++) {
        const pdf_box *box = &tb->boxes[lay->box0 + i];
        if (i == lay->lead && o < pad + inner - lay->tail_h)
            o = pad + inner - lay->tail_h;
        for (size_t k = 0; k < box->count; k++) {
            double pitch = tb->ctx->lines[box->first + k].pitch;
            visit(tb, box, k, o, pitch, arg);
            o += pitch;
        }
    }
}

static void walk_cell(tbl *tb, const lo_cell *cell, line_visit *visit,
                      void *arg)
{
    double inner = rows_height(tb, (size_t)cell->row,
                               (size_t)(cell->row + cell->rowspan));
    walk_cell_in(tb, cell, inner - 2 * tb->t->padding, visit, arg);
}

/* A part of a cell to draw: offsets [w0, w1) from its top edge, drawn with
   its top at y and the cell's left edge at x. */
typedef struct window {
    double x, y, w0, w1;
} window;

/* A line is drawn in the window that holds its top: a line cut by a
   page break is drawn whole on the first page, never lost. */
static void draw_line_in(tbl *tb, const pdf_box *box, size_t k, double o,
                         double pitch, void *arg)
{
    const window *w = arg;
    (void)pitch;
    if (o >= w->w0 - EPS && o < w->w1 - EPS)
        text_draw_line(tb->ctx, box, k, w->x + tb->t->padding,
                       w->y - (o - w->w0));
}

/* Where a slice of a cell that starts at cut[0] may end at or above
   cut[1] without cutting through a line. */
static void cut_at_line(tbl *tb, const pdf_box *box, size_t k, double o,
                        double pitch, void *arg)
{
    (void)tb;
    (void)box;
    (void)k;
    double *cut = arg;
    if (o < cut[1] - EPS && o + pitch > cut[1] + EPS)
        cut[1] = o > cut[0] ? o : cut[0];
}

/* The offset of row R's top within CELL. */
static double offset_in_cell(const tbl *tb, const lo_cell *cell, size_t r)
{
    return rows_height(tb, (size_t)cell->row, r);
}

static void draw_contents(tbl *tb)
{
    double left = tb->ctx->left;
    for (size_t j = 0; j < tb->drawn_count; j++) {
        const drawn_row *d = &tb->drawn[j];
        for (size_t c = 0; c < tb->cols; c++) {
            const lo_cell *cell = owner_at(tb, d->r, c);
            if ((size_t)cell->col != c ||
                (j > 0 && owner_at(tb, tb->drawn[j - 1].r, c) == cell))
                continue;
            double extent = 0;
            for (size_t k = j; k < tb->drawn_count &&
                               owner_at(tb, tb->drawn[k].r, c) == cell; k++)
                extent += tb->drawn[k].height;
            double pad = tb->t->padding;
            const cell_lay *lay = lay_of(tb, cell);
            if (!cell->keep_together && cell->rowspan > 1 &&
                lay->lead_h + lay->tail_h + 2 * pad <= extent + EPS) {
                /* the part of a broken span on this page shows it all */
                window w = {left + tb->colx[c], d->top, 0, extent};
                walk_cell_in(tb, cell, extent - 2 * pad, draw_line_in, &w);
                continue;
            }
            double w0 = offset_in_cell(tb, cell, d->r) + d->offset;
            window w = {left + tb->colx[c], d->top, w0, w0 + extent};
            walk_cell(tb, cell, draw_line_in, &w);
        }
    }
}

/* ----------------------------------------------------------- borders */

/* Is there a horizontal border in column C between drawn rows J-1 and J
   (J = 0: the top, J = count: the bottom)? */
static bool h_edge(const tbl *tb, size_t j, size_t c)
{
    const lo_cell *above = j > 0 ? owner_at(tb, tb->drawn[j - 1].r, c) : NULL;
    const lo_cell *below = j < tb->drawn_count
                               ? owner_at(tb, tb->drawn[j].r, c) : NULL;
    if (above == below)
        return false;
    return (above && (above->borders & LO_BORDER_BOTTOM)) ||
           (below && (below->borders & LO_BORDER_TOP));
}

/* Is there a vertical border left of column C in drawn row J? */
static bool v_edge(const tbl *tb, size_t j, size_t c)
{
    size_t r = tb->drawn[j].r;
    const lo_cell *left = c > 0 ? owner_at(tb, r, c - 1) : NULL;
    const lo_cell *right = c < tb->cols ? owner_at(tb, r, c) : NULL;
    if (left == right)
        return false;
    return (left && (left->borders & LO_BORDER_RIGHT)) ||
           (right && (right->borders & LO_BORDER_LEFT));
}

/* Every border of the rows on the page as one path, runs of edges joined. */
static void draw_borders(tbl *tb)
{
    pdf_ctx *ctx = tb->ctx;
    HPDF_Page page = ctx->page;
    double left = ctx->left;
    size_t n = tb->drawn_count;
    pdf_end_text(ctx);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)tb->t->border);
    HPDF_Page_SetLineCap(page, HPDF_PROJECTING_SCUARE_END);
    HPDF_Page_SetRGBStroke(page, 0, 0, 0);
    for (size_t j = 0; j <= n; j++) {
        double y = j < n ? tb->drawn[j].top
                         : tb->drawn[n - 1].top - tb->drawn[n - 1].height;
        for (size_t c = 0; c < tb->cols;) {
            size_t e = c;
            while (e < tb->cols && h_edge(tb, j, e))
                e++;
            if (e > c)
                pdf_segment(ctx, left + tb->colx[c], y, left + tb->colx[e],
                            y);
            c = e > c ? e : c + 1;
        }
    }
    for (size_t c = 0; c <= tb->cols; c++)
        for (size_t j = 0; j < n;) {
            size_t e = j;
            while (e < n && v_edge(tb, e, c))
                e++;
            if (e > j)
                pdf_segment(ctx, left + tb->colx[c], tb->drawn[j].top,
                            left + tb->colx[c],
                            tb->drawn[e - 1].top - tb->drawn[e - 1].height);
            j = e > j ? e : j + 1;
        }
    HPDF_Page_Stroke(page);
    HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
    ctx->cur_color = PDF_NO_COLOR;
}

/* Draw what the page holds and forget it. */
static void flush_page(tbl *tb)
{
    if (!tb->drawn_count)
        return;
    draw_contents(tb);
    draw_borders(tb);
    tb->drawn_count = 0;
}

/* --------------------------------------------------------- placement */

static zb_status add_drawn(tbl *tb, size_t r, double height, double offset)
{
    drawn_row *d = pdf_grow(tb->ctx, tb->drawn, &tb->drawn_cap,
                            tb->drawn_count, sizeof *d);
    if (!d)
        return tb->ctx->status;
    tb->drawn = d;
    d[tb->drawn_count++] = (drawn_row){r, tb->ctx->y, height, offset};
    tb->ctx->y -= height;
    tb->ctx->page_empty = false;
    return ZB_OK;
}

static zb_status place_header(tbl *tb)
{
    for (size_t r = 0; r < tb->t->header_rows; r++)
        if (add_drawn(tb, r, tb->h[r], 0) != ZB_OK)
            return tb->ctx->status;
    return ZB_OK;
}

/* Finish the page and start the next one with the header. */
static zb_status next_page(tbl *tb)
{
    flush_page(tb);
    if (pdf_new_page(tb->ctx) != ZB_OK)
        return tb->ctx->status;
    return place_header(tb);
}

static double room(const tbl *tb)
{
    return tb->ctx->y - tb->ctx->bottom;
}

/* Is the page holding nothing of the table's body yet? */
static bool fresh(const tbl *tb)
{
    return tb->drawn_count <= tb->t->header_rows;
}

/* Place row R, which does not fit on a fresh page: in slices that end
   between lines, one a page. */
static zb_status place_sliced(tbl *tb, size_t r)
{
    double done = 0;
    while (done < tb->h[r] - EPS && tb->ctx->status == ZB_OK) {
        double cut = done + room(tb) < tb->h[r] ? done + room(tb) : tb->h[r];
        for (size_t c = 0; c < tb->cols; c++) {
            const lo_cell *cell = owner_at(tb, r, c);
            double base = offset_in_cell(tb, cell, r);
            double span[2] = {base + done, base + cut};
            walk_cell(tb, cell, cut_at_line, span);
            cut = span[1] - base;
        }
        if (cut <= done + EPS && !fresh(tb)) {
            next_page(tb);  /* not one more line fits here */
            continue;
        }
        if (cut <= done + EPS)  /* a line taller than a page: cut it */
            cut = done + room(tb) < tb->h[r] ? done + room(tb) : tb->h[r];
        if (add_drawn(tb, r, cut - done, done) != ZB_OK)
            return tb->ctx->status;
        done = cut;
        if (done < tb->h[r] - EPS)
            next_page(tb);
    }
    return tb->ctx->status;
}

/* Place the rows [A, B) of a group taller than the room left: row by
   row, a new page when one does not fit. */
static zb_status place_rows(tbl *tb, size_t a, size_t b)
{
    for (size_t r = a; r < b && tb->ctx->status == ZB_OK; r++) {
        if (tb->h[r] > room(tb) + EPS && !fresh(tb) && next_page(tb) != ZB_OK)
            return tb->ctx->status;
        if (tb->h[r] > room(tb) + EPS)
            place_sliced(tb, r);
        else
            add_drawn(tb, r, tb->h[r], 0);
    }
    return tb->ctx->status;
}

/* Forget the laid-out body rows (the header stays). */
static void truncate_to_header(tbl *tb)
{
    tb->ctx->glyphs.n = tb->glyph_mark;
    tb->ctx->line_count = tb->line_mark;
    tb->lay_count = tb->lay_mark;
    tb->box_count = tb->box_mark;
}

/* Lay out again the cells that span into row A from above: their layout
   went with the previous page. */
static zb_status relayout_carried(tbl *tb, size_t a)
{
    for (size_t c = 0; c < tb->cols; c++) {
        const lo_cell *cell = owner_at(tb, a, c);
        if (cell && (size_t)cell->row < a && (size_t)cell->col == c &&
            layout_cell(tb, cell) != ZB_OK)
            return tb->ctx->status;
    }
    return ZB_OK;
}

static zb_status place_group(tbl *tb, size_t a, size_t b)
{
    if (layout_rows(tb, a, b) != ZB_OK)
        return tb->ctx->status;
    double height = rows_height(tb, a, b);
    if (height > room(tb) + EPS && !fresh(tb)) {
        flush_page(tb);
        truncate_to_header(tb);
        if (pdf_new_page(tb->ctx) != ZB_OK || place_header(tb) != ZB_OK ||
            relayout_carried(tb, a) != ZB_OK || layout_rows(tb, a, b) != ZB_OK)
            return tb->ctx->status;
    }
    return place_rows(tb, a, b);
}

zb_status table_place(pdf_ctx *ctx, const lo_table *t)
{
    tbl tb;
    if (tbl_init(&tb, ctx, t) == ZB_OK &&
        layout_rows(&tb, 0, t->header_rows) == ZB_OK) {
        tb.header_h = rows_height(&tb, 0, t->header_rows);
        tb.glyph_mark = ctx->glyphs.n;
        tb.line_mark = ctx->line_count;
        tb.lay_mark = tb.lay_count;
        tb.box_mark = tb.box_count;
        /* the header and the first group start the table together */
        size_t first = t->header_rows < t->row_count
                           ? group_end(&tb, t->header_rows) : t->header_rows;
        layout_rows(&tb, t->header_rows, first);
        double need = tb.header_h + rows_height(&tb, t->header_rows, first);
        truncate_to_header(&tb);
        if (ctx->status == ZB_OK && need > room(&tb) + EPS && !ctx->page_empty)
            pdf_new_page(ctx);
        if (ctx->status == ZB_OK)
            place_header(&tb);
        for (size_t r = t->header_rows; r < t->row_count &&
                                        ctx->status == ZB_OK;) {
            size_t end = group_end(&tb, r);
            place_group(&tb, r, end);
            r = end;
        }
        if (ctx->status == ZB_OK)
            flush_page(&tb);
    }
    tbl_free(&tb);
    return ctx->status;
}
