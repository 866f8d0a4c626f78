/*
 * layout.h - the layout vocabulary (forms/layout.xsd) as C structures.
 *
 * layout_read_doc() turns a layout document - usually the result tree of a
 * form stylesheet, used directly - into this model, checking what the
 * renderers rely on and naming the element at fault otherwise. The renderers
 * (PDF, XLSX) only read the model.
 *
 * Every length in the model is in points (1 mm = 72/25.4 pt), already
 * resolved: styles' sizes from 号, "chars" from the style's size, star
 * column widths from the section's body width. Strings are UTF-8.
 */
#ifndef ZB_LAYOUT_H
#define ZB_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "../core/arena.h"
#include "../core/diag.h"
#include "../core/status.h"

#define LO_NAMESPACE "urn:zhengban:layout:1"
#define LO_PT_PER_MM (72.0 / 25.4)

typedef enum lo_font_role {
    LO_FONT_SONG,          /* 宋体 */
    LO_FONT_HEI,           /* 黑体 */
    LO_FONT_KAI,           /* 楷体 */
    LO_FONT_FANGSONG,      /* 仿宋 */
    LO_FONT_XIAOBIAOSONG,  /* 小标宋 */
    LO_FONT_ROLES
} lo_font_role;

typedef enum lo_align {
    LO_ALIGN_LEFT,
    LO_ALIGN_CENTER,
    LO_ALIGN_RIGHT,
    LO_ALIGN_JUSTIFY,     /* flush both edges, last line left */
    LO_ALIGN_DISTRIBUTED  /* every line, the last too, spread to both edges */
} lo_align;

typedef enum lo_valign {
    LO_VALIGN_TOP,
    LO_VALIGN_MIDDLE,
    LO_VALIGN_BOTTOM
} lo_valign;

/* How a style's text sits on the section's type grid (GB/T 9704: 22 lines
   of 28 characters). Outside a section with a grid it has no effect. */
typedef enum lo_grid {
    LO_GRID_NONE,         /* its own line height and character advances */
    LO_GRID_LINES,        /* each line takes whole lines of the grid */
    LO_GRID_CHARS         /* lines as above, and an em of the style takes one
                             character pitch: full-width characters sit at
                             the pitch, half-width ones at half of it */
} lo_grid;

typedef struct lo_style {
    const char *name;
    lo_font_role font;
    double size;          /* pt */
    uint32_t color;       /* 0xRRGGBB */
    bool bold;
    lo_align align;
    double line_height;   /* pt, baseline to baseline */
    double indent;        /* first-line indent, pt */
    double space_before;  /* pt */
    double space_after;   /* pt */
    lo_grid grid;
} lo_style;

/* A piece of text in one style. A forced line break (<br/>) is a run whose
   text is "\n". Whitespace is already collapsed and trimmed. */
typedef struct lo_run {
    const lo_style *style;
    const char *text;
    const char *src;      /* provenance for error messages, or NULL */
} lo_run;

typedef struct lo_para {
    const lo_style *style;
    lo_align align;
    double indent;        /* first-line indent, pt */
    double hang;          /* left indent of the other lines, pt */
    double indent_right;  /* right indent of every line, pt */
    bool balance;         /* lines as even as the line count allows */
    bool keep_with_next;  /* on the page where the next block starts: the
                             first two lines of a paragraph or of a keep
                             (a heading; a run of them moves together) */
    lo_run *runs;
    size_t run_count;
} lo_para;

typedef struct lo_field {
    const char *label;    /* printed as is, e.g. "单位名称（盖章）：" */
    const char *value;    /* may be "" */
    const lo_style *value_style;  /* the value's, else the fields' style */
    double width;         /* pt, or the proportion when star; 0 = natural */
    bool star;
    const char *src;
} lo_field;

typedef struct lo_fields {
    const lo_style *style;
    double inset;         /* pt kept free at both ends of the line */
    lo_field *items;
    size_t count;
} lo_fields;

typedef enum lo_sig_date {
    LO_SIG_DATE_BLANK,    /* "年　月　日" left for the hand */
    LO_SIG_DATE_NONE,
    LO_SIG_DATE_GIVEN     /* see ymd */
} lo_sig_date;

typedef struct lo_signature {
    const lo_style *style;
    const char *label;    /* e.g. "审核人：", may be "" */
    double gap;           /* pt of blank after the label */
    lo_sig_date date;
    int32_t ymd;          /* when LO_SIG_DATE_GIVEN */
    lo_align align;
} lo_signature;

/* 发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5): sealed, the date 4
   characters from the right and the name centred over it; unsealed, the
   name 2 characters from the right and the date on the next line 2
   characters further right (both moved left when the date would come
   nearer than 2 characters to the edge). */
typedef struct lo_signoff {
    const lo_style *style;
    const char *name;
    int32_t ymd;          /* 成文日期, printed as 2023年6月20日 */
    bool sealed;
    const char *src;
} lo_signoff;

typedef enum lo_space_kind {
    LO_SPACE_HEIGHT,      /* a height, pt */
    LO_SPACE_LINES,       /* whole lines of the section's grid */
    LO_SPACE_TO           /* down to a distance below the top of the body */
} lo_space_kind;

typedef struct lo_space {
    lo_space_kind kind;
    double amount;        /* pt, or lines */
} lo_space;

typedef struct lo_rule {
    double width;         /* line thickness, pt */
    uint32_t color;
    double space_before;
    double space_after;
} lo_rule;

typedef enum lo_cell_type {
    LO_CELL_TEXT,
    LO_CELL_INTEGER,
    LO_CELL_MONEY,
    LO_CELL_DATE,
    LO_CELL_CHECK
} lo_cell_type;

typedef enum lo_calc {
    LO_CALC_NONE,
    LO_CALC_SUM,
    LO_CALC_PRODUCT
} lo_calc;

enum {
    LO_BORDER_TOP = 1,
    LO_BORDER_RIGHT = 2,
    LO_BORDER_BOTTOM = 4,
    LO_BORDER_LEFT = 8,
    LO_BORDER_ALL = 15
};

typedef struct lo_block lo_block;

/* What few cells have, behind lo_cell.more (NULL for the others). */
typedef struct lo_cell_more {
    lo_block *blocks;     /* block content (p, signature); runs are NULL */
    size_t block_count;
    const char *id;
    struct lo_cell **refs;  /* the cells summed or multiplied */
    size_t ref_count;
} lo_cell_more;

/* A table cell. There are millions in the model of a long form, so the
   rare parts are behind one pointer and the small ones narrow: 88 bytes,
   not 160. */
typedef struct lo_cell {
    int64_t value;        /* integer; money scaled by 10^decimals; date
                             yyyymmdd; check 1 */
    const lo_style *style;  /* the cell's, else the table's */
    const char *text;     /* display text: typed cells formatted ("1234.50",
                             "2023年6月20日", "√"), text cells the runs joined */
    lo_run *runs;         /* inline content (text cells); NULL with blocks */
    const char *src;
    lo_cell_more *more;
    uint32_t seq;         /* 0.. in document order, unique in the document */
    uint32_t run_count;
    int32_t row;          /* grid position of the top-left corner */
    int32_t rowspan;      /* at most 1,000,000 */
    int32_t line;
    uint16_t col;
    uint16_t colspan;     /* at most 1,000 */
    uint8_t type;         /* lo_cell_type: the cell's, else (a body cell)
                             its first column's */
    uint8_t decimals;     /* LO_CELL_MONEY */
    uint8_t align;        /* lo_align: the cell's, else the column's, else
                             the style's */
    uint8_t valign;       /* lo_valign */
    uint8_t borders;      /* LO_BORDER_* */
    uint8_t calc;         /* lo_calc */
    bool keep_together;   /* the rows it spans stay on one page if they fit;
                             else a page may break between them, and the
                             content is shown on each page */
    bool iso_date;        /* LO_CELL_DATE shown as 2023-06-20; the cell's,
                             else (a body cell) its first column's */
    bool has_value;       /* a typed cell that is not empty */
} lo_cell;

typedef struct lo_row {
    double min_height;    /* pt, 0 = none */
    bool keep_with_next;  /* on the same page as the next row (a heading) */
    lo_cell *cells;       /* the cells that start in this row */
    size_t cell_count;
    long line;
} lo_row;

typedef struct lo_column {
    double width;         /* pt, resolved */
    bool has_align;
    lo_align align;
    lo_cell_type type;    /* of the body's cells that do not say */
    bool iso_date;        /* likewise, their date-format */
} lo_column;

typedef struct lo_table {
    const lo_style *style;
    lo_column *cols;
    size_t col_count;
    lo_row *rows;
    size_t row_count;
    size_t header_rows;
    double border;        /* pt */
    double padding;       /* pt */
} lo_table;

typedef enum lo_block_kind {
    LO_BLOCK_PARA,
    LO_BLOCK_FIELDS,
    LO_BLOCK_TABLE,
    LO_BLOCK_SIGNATURE,
    LO_BLOCK_RULE,
    LO_BLOCK_SPACE,
    LO_BLOCK_PAGE_BREAK,
    LO_BLOCK_SIGNOFF,
    LO_BLOCK_COLOPHON,
    LO_BLOCK_KEEP
} lo_block_kind;

/* Blocks within a block. */
typedef struct lo_group {
    lo_block *blocks;
    size_t block_count;
} lo_group;

/* 版记: blocks set at the foot of the body so that the last one ends on
   its bottom edge, on a page of their own when the page has no room, and
   on an even page when EVEN (blank pages added before it; a blank page
   added and the page after it carry no page number, GB/T 9704-2012
   7.5.1). */
typedef struct lo_colophon {
    bool even;
    lo_group group;       /* p, fields, rule, space */
} lo_colophon;

/* Blocks kept on one page: when they do not fit, the first one, if it is
   a paragraph of four lines or more, leaves all but its last two lines on
   the page and the rest goes to the next page together; else all of it
   goes (GB/T 9704-2012 7.3.5.4: 署名 and 成文日期 on the same page as text
   of the body). */
typedef lo_group lo_keep;  /* p, fields, signature, rule, space, signoff */

struct lo_block {
    lo_block_kind kind;
    long line;
    union {
        lo_para para;
        lo_fields fields;
        lo_table table;
        lo_signature signature;
        lo_rule rule;
        lo_space space;
        lo_signoff signoff;
        lo_colophon colophon;
        lo_keep keep;
    } u;
};

typedef enum lo_footer_align {
    LO_FOOTER_LEFT,
    LO_FOOTER_CENTER,
    LO_FOOTER_RIGHT,
    LO_FOOTER_OUTSIDE,    /* odd pages right, even pages left */
    LO_FOOTER_INSIDE
} lo_footer_align;

typedef struct lo_footer {
    const char *format;   /* "{page}" and "{pages}" are replaced */
    const lo_style *style;
    lo_footer_align align;
    double indent;        /* pt from the body's edge */
    double offset;        /* pt from the body's bottom edge to the line top */
} lo_footer;

typedef struct lo_section {
    const char *name;     /* worksheet name */
    const char *stack;    /* NULL, or the name of the worksheets that XLSX
                             stacks this and the next sections of the same
                             stack on, one copy a printed page (layout.xsd) */
    double page_width;    /* pt, after orientation */
    double page_height;
    bool landscape;
    double margin_top, margin_bottom, margin_left, margin_right;  /* pt */
    double line_pitch;    /* pt between grid lines; 0 = no grid */
    double char_pitch;    /* pt between grid characters; 0 = none */
    bool continue_numbering;
    const lo_footer *footer;  /* NULL: no page numbers */
    lo_block *blocks;
    size_t block_count;
    long line;
} lo_section;

typedef struct lo_meta {
    const char *title;
    const char *author;   /* "" when absent, likewise below */
    const char *subject;
    const char *keywords;
    int32_t created;      /* yyyymmdd */
} lo_meta;

typedef struct lo_document {
    const char *name;     /* for diagnostics */
    lo_meta meta;
    lo_style *styles;
    size_t style_count;
    lo_section *sections;
    size_t section_count;
    size_t cell_count;    /* cells in the whole document (see lo_cell.seq);
                             of a piece layout_read_take() gave, in it and
                             the pieces before */
    zb_arena arena;       /* owns everything above (of such a piece: its
                             sections, not its name, meta and styles) */
} lo_document;

/* Build the model of the layout document DOC. NAME names it in diagnostics
   ("附件5.xml"). Every problem found is reported with the element's line;
   the status is ZB_ERR_INVALID if there was any. The model copies what it
   keeps: DOC may be freed afterwards. Free the model with
   layout_free_doc(). */
zb_status layout_read_doc(xmlDocPtr doc, const char *name, zb_diags *diags,
                          lo_document **out);

/* A model read from several layout documents in turn: the pieces of a
   form laid out a few copies at a time (build does, to bound its memory).
   Every piece is a whole layout document; the meta and styles of the
   first are kept (a later piece's are taken to be the same), and the
   sections of each follow those of the pieces before, as if all had been
   one document. */
typedef struct lo_reader lo_reader;

/* Start reading the model called NAME in diagnostics. ZB_OK or
   ZB_ERR_NOMEM. */
zb_status layout_read_begin(const char *name, zb_diags *diags,
                            lo_reader **out);

/* Add the sections of the layout document XML, a stylesheet's result
   tree, and free XML: each row of a table as soon as it is read, so that
   a long table's tree and its model are never whole at the same time.
   The model takes no line from XML (its elements carry the stylesheet's
   lines, which would mislead in a diagnostic). Problems are reported and
   counted for layout_read_end(); the status is ZB_ERR_NOMEM or ZB_OK. */
zb_status layout_read_piece(lo_reader *r, xmlDocPtr xml);

/* Add the layout document XML to R as the next rows of one table, and
   free XML: the pieces of a form whose one long table is laid out a range
   of its rows at a time. The first piece is read as layout_read_piece()
   reads it, but with MORE its last table stays open: its cells may span
   rows of the next piece. Of a piece after one read with MORE, only the
   rows after the header rows of its last table are read (the rest is
   taken to be the first piece's), added to that table, which stays open
   again with MORE, else is ended. Problems are reported as by
   layout_read_piece(); the status is ZB_ERR_NOMEM or ZB_OK. */
zb_status layout_read_rows(lo_reader *r, xmlDocPtr xml, bool more);

/* Take the sections read since layout_read_begin() or the last take out
   of R as a model of their own in *OUT, to be drawn and freed
   (layout_free_doc()) while the next pieces are read: so the model of a
   form of thousands of copies is never whole. Its name, meta and styles
   are R's (valid until layout_read_end()); its cells are numbered on from
   the pieces taken before; its sum and product references are resolved
   (they name cells of their own section). ZB_ERR_INVALID when a problem
   has been reported in this piece or before (*OUT stays NULL),
   ZB_ERR_NOMEM, else ZB_OK. */
zb_status layout_read_take(lo_reader *r, lo_document **out);

/* End reading R and free it. With ST ZB_OK and no problem reported, the
   model in *OUT (OUT may be NULL: the model is dropped); else the model
   is freed and the status is ST, or ZB_ERR_INVALID after a problem. */
zb_status layout_read_end(lo_reader *r, zb_status st, lo_document **out);

/* Release a model from layout_read_doc(); NULL is allowed. */
void layout_free_doc(lo_document *doc);

/* Width of the section's body (page width less the side margins), pt. */
double layout_body_width(const lo_section *section);

/* Height of the section's body, pt. */
double layout_body_height(const lo_section *section);

/* The width of one "character" of STYLE in SECTION, pt: the character
   pitch for a style on the section's character grid, else the size. */
double layout_char_width(const lo_section *section, const lo_style *style);

/* The height a line of natural height HEIGHT takes in SECTION in STYLE:
   whole lines of the grid when the style is on it, else HEIGHT. */
double layout_line_height(const lo_section *section, const lo_style *style,
                          double height);

/* The Chinese name of a font role ("宋体"). */
const char *layout_font_role_name(lo_font_role role);

#endif
