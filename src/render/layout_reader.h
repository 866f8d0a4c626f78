/*
 * layout_reader.h - private to layout.c and layout_table.c: the state of one
 * layout_read_doc() call and the attribute helpers both files use.
 */
#ifndef ZB_LAYOUT_READER_H
#define ZB_LAYOUT_READER_H

#include <libxml/hash.h>

#include "../core/buf.h"
#include "layout.h"

/* A sum/product attribute waiting until every id of the document is known. */
typedef struct lo_pending_ref {
    lo_cell *cell;
    size_t section;       /* the cell's reader_section_number() */
    const char *ids;      /* the attribute's value, in the arena */
} lo_pending_ref;

struct lo_reader {
    lo_document *doc;           /* the name, meta and styles in its arena;
                                   the sections read since the last
                                   layout_read_take() */
    zb_arena content;           /* owns those sections and what is in them */
    zb_arena *arena;            /* where what is read goes: doc's arena for
                                   meta and styles, else content */
    zb_diags *diags;
    int errors;
    bool head_read;             /* the meta and styles are read (a later
                                   piece's are taken to be the first's) */
    bool piece;                 /* reading a result tree of build's: each
                                   table row freed once read, and no line
                                   taken (they are the stylesheet's) */
    size_t section_cap;         /* room in doc->sections */
    size_t sections_taken;      /* sections taken out by layout_read_take() */
    const lo_section *section;  /* being read */
    xmlHashTablePtr ids;        /* id -> lo_cell*, whole document */
    xmlHashTablePtr cell_section; /* id -> its reader_section_number() + 1 */
    xmlHashTablePtr sheet_names;  /* the sections' names so far */
    lo_pending_ref *pending;
    size_t pending_count, pending_cap;
    zb_buf text;                /* scratch of reader_inline(), reused */
    bool rows_more;             /* the piece's last table goes on in the
                                   next piece (layout_read_rows()) */
    lo_table *open_table;       /* that table, until then */
    int *open_left;             /* its columns' coverage from above */
    xmlNodePtr open_node;       /* its element, while its piece is read */
};

/* Report a problem with element N (its name and line are added). */
void reader_error(lo_reader *r, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The line of element N for the model and diagnostics, 0 in a piece. */
long reader_line(const lo_reader *r, xmlNodePtr n);

/* Is N an element of the layout namespace called NAME? */
int reader_is(xmlNodePtr n, const char *name);

/* The value of attribute NAME of N, or NULL. No allocation. */
const char *reader_attr(xmlNodePtr n, const char *name);

/* Report every attribute of N not in the NULL-terminated list ALLOWED. */
void reader_check_attrs(lo_reader *r, xmlNodePtr n, const char *const *allowed);

/* reader_check_attrs() that also sets VALUES[i] to the value of attribute
   NAMES[i] (NULL when absent): one pass over the attributes of an element
   read often (a cell), instead of a reader_attr() for each name. */
void reader_attrs(lo_reader *r, xmlNodePtr n, const char *const *names,
                  const char **values);

/* Attribute helpers: on a bad value they report it and return DEF. */
double reader_mm(lo_reader *r, xmlNodePtr n, const char *name, double def_mm);
double reader_chars(lo_reader *r, xmlNodePtr n, const char *name,
                    double def_chars, double size_pt);
long reader_int(lo_reader *r, xmlNodePtr n, const char *name, long def,
                long min, long max);
int reader_enum(lo_reader *r, xmlNodePtr n, const char *name,
                const char *const *values, int def);
/* reader_int(), reader_enum() and reader_style() of the value V that
   reader_attrs() gave for attribute NAME (NULL: absent). */
long reader_int_of(lo_reader *r, xmlNodePtr n, const char *name,
                   const char *v, long def, long min, long max);
int reader_enum_of(lo_reader *r, xmlNodePtr n, const char *name,
                   const char *v, const char *const *values, int def);
const lo_style *reader_style_of(lo_reader *r, xmlNodePtr n, const char *v,
                                int required);
/* Read a "width" attribute: "25" (mm, as pt) or "2*" (a proportion, STAR
   set). Returns 0 when the attribute is absent (*WIDTH = 0). */
int reader_width(lo_reader *r, xmlNodePtr n, double *width, bool *star);
const lo_style *reader_style(lo_reader *r, xmlNodePtr n, int required);
extern const char *const lo_align_names[];
/* xs:boolean's words; an index modulo 2 is the value. */
extern const char *const lo_bool_names[];

/* The number of the section being read among all the reader has read
   (the sections taken out included): what identifies a section across
   pieces, whose sections are freed once taken. */
size_t reader_section_number(const lo_reader *r);

/* Copy S into the document's arena ("" for NULL); NULL when out of memory. */
const char *reader_strdup(lo_reader *r, const char *s);

/* The src attribute of N copied into the document's arena, or NULL. */
const char *reader_src(lo_reader *r, xmlNodePtr n);

/* Read inline content (text, span, br) of N in STYLE into runs; SRC is
   N's src (reader_src(), or the copy its reader already made), shared
   by the runs outside a <span src>. */
zb_status reader_inline(lo_reader *r, xmlNodePtr n, const lo_style *style,
                        const char *src, lo_run **runs, size_t *count);

/* Read the block children of a cell (p, signature). */
zb_status reader_cell_blocks(lo_reader *r, xmlNodePtr n, lo_block **blocks,
                             size_t *count);

/* Read a <table> into T (layout_table.c). */
zb_status reader_table(lo_reader *r, xmlNodePtr n, lo_table *t);

/* Add to R's open table the rows of table N after its header rows (the
   next rows of a table read in ranges of rows), and leave it open again
   if more are to come, else check its spans. */
zb_status reader_table_more(lo_reader *r, xmlNodePtr n);

/* Check the spans of R's open table, if its element is still there, and
   close it. */
void reader_close_table(lo_reader *r);

/* Resolve every sum/product reference and check the cached values
   (layout_table.c). */
void reader_resolve_refs(lo_reader *r);

#endif
