/*
 * ledger_fields.h - reading typed fields from ledger elements (private to
 * ledger.c).
 *
 * Each function reads one attribute or text of an element in the ledger
 * namespace and turns it into model data: strings are copied into the
 * ledger's arena with whitespace collapsed, references become indexes,
 * dates, money and counts are parsed. A value the schema should have kept
 * out records a diagnostic and a failed status in the reader and yields a
 * neutral value (0, NULL, ZB_NONE), so reading goes on and never crashes.
 */
#ifndef ZB_LEDGER_FIELDS_H
#define ZB_LEDGER_FIELDS_H

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "../core/arena.h"
#include "ledger.h"

struct ledger_store {
    zb_arena arena;
    xmlHashTablePtr index[TABLE_COUNT]; /* id -> index + 1 */
};

typedef struct zb_reader {
    zb_ledger *ledger;
    zb_arena *arena;
    zb_diags *diags;
    const char *file;
    zb_status status; /* ZB_OK until the first failure */
} zb_reader;

/* Iterate over the element children of PARENT. */
xmlNodePtr field_first(xmlNodePtr parent);
xmlNodePtr field_next(xmlNodePtr node);
#define FOR_EACH_CHILD(n, parent)                                              \
    for (xmlNodePtr n = field_first(parent); n; n = field_next(n))

/* Is NODE the element NAME? */
int field_is(xmlNodePtr node, const char *name);

/* The number of element children of PARENT. */
size_t field_count(xmlNodePtr parent);

/* N zeroed items of SIZE bytes from the arena (NULL when N is 0). */
void *field_array(zb_reader *r, size_t n, size_t size);

/* Record that NODE breaks the schema after all (message printf-style). */
void field_fail(zb_reader *r, xmlNodePtr node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The attribute NAME as a collapsed copy, or NULL when absent. */
const char *field_str(zb_reader *r, xmlNodePtr node, const char *name);

/* The text of NODE as a collapsed copy. */
const char *field_text(zb_reader *r, xmlNodePtr node);

/* The record of TABLE named by attribute NAME; ZB_NONE when absent. */
int field_ref(zb_reader *r, xmlNodePtr node, const char *name, zb_table table);

/* The date in attribute NAME; 0 when absent. */
zb_date field_date(zb_reader *r, xmlNodePtr node, const char *name);

/* The amount in attribute NAME, in 分; 0 when absent. */
zb_money field_money(zb_reader *r, xmlNodePtr node, const char *name);

/* The positive count in attribute NAME; 0 when absent. */
int field_count_attr(zb_reader *r, xmlNodePtr node, const char *name);

/* The xs:boolean in attribute NAME; FALLBACK when absent. */
int field_flag(zb_reader *r, xmlNodePtr node, const char *name, int fallback);

/* The position of attribute NAME's value in the N strings of VALUES;
   0 when absent. */
int field_enum(zb_reader *r, xmlNodePtr node, const char *name,
               const char *const *values, int n);

/* The index of ID in TABLE (already collapsed), or ZB_NONE. */
int field_lookup(const struct ledger_store *store, zb_table table,
                 const char *id);

#endif
