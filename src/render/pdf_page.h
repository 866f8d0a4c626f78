/*
 * pdf_page.h - private to the PDF renderer (pdf_render.c, pdf_text.c,
 * pdf_table.c): the state of one pdf_render_doc() call, text laid out into
 * lines, and the page cursor.
 *
 * Coordinates are PDF points with the origin at the bottom left of the
 * page; the cursor ctx->y is the top of the free part of the body and moves
 * down.
 */
#ifndef ZB_PDF_PAGE_H
#define ZB_PDF_PAGE_H

#include <hpdf.h>

#include "layout.h"
#include "linebreak.h"
#include "pdf_fonts.h"

#define PDF_NO_COLOR 0xFFFFFFFFu  /* forces the next text to set its colour */

/* Text shaped into glyphs: parallel arrays, reused from block to block. */
typedef struct pdf_glyphs {
    uint32_t *cp;
    double *w;               /* advance, pt */
    double *x;               /* scratch: position on its line */
    const pdf_face **face;
    const lo_style **style;
    size_t n, cap;
} pdf_glyphs;

/* One line of laid-out text. */
typedef struct pdf_line {
    lb_line lb;              /* glyph indices into ctx->glyphs */
    double pitch;            /* height of the line box */
    double ascent;           /* line top to baseline */
} pdf_line;

/* Text laid out into a measure: the lines [first, first + count) of
   ctx->lines. */
typedef struct pdf_box {
    size_t first, count;
    double width;            /* the measure */
    double indent;           /* of the first line */
    double hang;             /* of the other lines */
    lo_align align;
    double height;           /* the lines' pitches added up */
} pdf_box;

/* A page written, waiting for its footer. */
typedef struct pdf_page_rec {
    HPDF_Page page;
    const lo_section *section;
    size_t number;           /* the page number printed */
    size_t total;            /* the pages numbered together */
    bool unnumbered;         /* no page number (版记 after a blank page) */
} pdf_page_rec;

/* The libharu font of a face in this document, and the code points used. */
typedef struct pdf_font_use {
    HPDF_Font font;
    uint8_t *used;           /* PDF_FONTS_CODES bits */
    size_t order;            /* 1 for the first font attached, 2 ... */
} pdf_font_use;

typedef struct pdf_ctx {
    HPDF_Doc pdf;
    const char *name;        /* the model's, for diagnostics */
    char *path;              /* the file to write */
    const pdf_fonts *fonts;
    zb_diags *diags;
    zb_status status;        /* the first failure; sticky */
    HPDF_STATUS haru_error;  /* from libharu's error handler */
    pdf_font_use *uses;      /* [fonts->face_count] */
    size_t attached;         /* fonts attached so far */
    uint32_t *reported;      /* code points already reported missing */
    size_t reported_count, reported_cap;
    size_t font_errors;      /* characters no font can draw */

    pdf_glyphs glyphs;
    pdf_line *lines;
    size_t line_count, line_cap;
    lb_lines lb;             /* scratch for the line breaker */

    const lo_section *section;
    HPDF_Page page;
    pdf_page_rec *pages;
    size_t page_count, page_cap;
    size_t finished;         /* pages[0..finished) have footers, deflated */
    zb_arena kept;           /* what the pages not finished keep of their
                                sections once pdf_render_add() returns */
    struct libdeflate_compressor *z; /* deflates the pages and fonts
                                        (pdf_stream.h) */
    double left, right, top, bottom;  /* the body on the page */
    double y;                /* cursor: top of the free body */
    bool page_empty;         /* nothing drawn below the top yet */
    bool dry;                /* measuring: move the cursor, draw nothing */

    /* text state of the current page */
    bool in_text;
    const pdf_face *cur_face;
    double cur_size;
    uint32_t cur_color;
    bool cur_bold;
} pdf_ctx;

/* Record a failure (the first one wins) and return it. */
zb_status pdf_fail(pdf_ctx *ctx, zb_status st);

/* Make room for one more of the COUNT items of SIZE bytes in ITEMS (*CAP
   allocated): returns the array, moved if need be, or NULL after recording
   ZB_ERR_NOMEM (ITEMS is then still valid). */
void *pdf_grow(pdf_ctx *ctx, void *items, size_t *cap, size_t count,
               size_t size);

/* Start a new page of the current section and put the cursor at its top. */
zb_status pdf_new_page(pdf_ctx *ctx);

/* Append VALUE to P as libharu writes a number into a page's content
   (HPDF_FToA() of VALUE as a float: at most five decimals, trailing zeros
   left out); returns the end, no terminator. */
char *pdf_put_real(char *p, double value);

/* Write the N bytes at P into the content of the current page (operators
   libharu's page functions would write, without their overhead). */
void pdf_write(pdf_ctx *ctx, const char *p, size_t n);

/* Add the line from (X0, Y0) to (X1, Y1) to the path of the page, as
   libharu's HPDF_Page_MoveTo() and HPDF_Page_LineTo() write it (without
   clearing a 512-byte buffer a byte at a time for each). Outside text. */
void pdf_segment(pdf_ctx *ctx, double x0, double y0, double x1, double y1);

/* Leave the text object, if any, before drawing lines. */
void pdf_end_text(pdf_ctx *ctx);

/* Forget all shaped glyphs and lines (between blocks). */
void text_reset(pdf_ctx *ctx);

/* Shape RUNS (inline content) and append the glyphs. SRC and LINE name the
   origin in diagnostics when a run has no src of its own. A character no
   font can draw is reported (once per document), left out, and counted in
   ctx->font_errors: the render fails at the end. */
zb_status text_add_runs(pdf_ctx *ctx, const lo_run *runs, size_t count,
                        const char *src, long line);

/* Shape the UTF-8 string S in STYLE and append the glyphs. */
zb_status text_add_str(pdf_ctx *ctx, const lo_style *style, const char *s,
                       const char *src, long line);

/* Append a blank WIDTH points wide (a gap left for the hand). */
zb_status text_add_blank(pdf_ctx *ctx, const lo_style *style, double width);

/* Break the glyphs [FROM, TO) into lines of WIDTH (the first INDENT
   narrower, the others HANG narrower) aligned ALIGN; BASE gives the height
   of an empty text. A line of a style on the section's line grid takes
   whole grid lines. */
zb_status text_layout(pdf_ctx *ctx, size_t from, size_t to, double width,
                      double indent, double hang, lo_align align,
                      const lo_style *base, pdf_box *box);

/* The natural width of the glyphs [FROM, TO). */
double text_width(const pdf_ctx *ctx, size_t from, size_t to);

/* Draw line K (0-based) of BOX with the box's left edge at LEFT and the
   line's top at TOP (nothing while measuring). */
void text_draw_line(pdf_ctx *ctx, const pdf_box *box, size_t k, double left,
                    double top);

/* Draw every line of BOX from TOP down; returns the height used. */
double text_draw_box(pdf_ctx *ctx, const pdf_box *box, double left,
                     double top);

/* Lay out a <table> at the cursor, over as many pages as it needs. */
zb_status table_place(pdf_ctx *ctx, const lo_table *table);

/* Lay out the blocks of a cell (p, signature) into a column WIDTH wide:
   appends one box per block to BOXES. Used by tables. */
zb_status blocks_layout(pdf_ctx *ctx, const lo_block *blocks, size_t count,
                        double width, pdf_box *boxes);

#endif
