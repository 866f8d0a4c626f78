/*
 * schema_dict.h - what forms/ledger.xsd says about its names, for messages.
 *
 * Built once from the schema document: the Chinese name of every element
 * and attribute (the first sentence of its xs:documentation), the
 * explanation of every simple type, the rule an element's forbidden
 * content breaks and the rule and meaning of every identity constraint
 * (from xs:appinfo source="urn:zhengban:rule"). Read-only after building,
 * so threads may share it.
 */
#ifndef ZB_SCHEMA_DICT_H
#define ZB_SCHEMA_DICT_H

#include <libxml/tree.h>

#include "../core/status.h"

typedef struct zb_dict zb_dict;

/* An identity constraint (xs:key, xs:unique, xs:keyref). */
typedef struct dict_constraint {
    const char *rules;    /* "key-staff" or "commercial=tz-1.2 oem=tz-1.5" */
    const char *meaning;  /* its documentation, a Chinese sentence */
    const char *fields;   /* the attributes that may hold the value, "a|b" */
} dict_constraint;

/* Build the dictionary of the schema document XSD. */
zb_status dict_build(xmlDocPtr xsd, zb_dict **out);

/* The Chinese name of element ELEM, or NULL when the schema has none. */
const char *dict_element_label(const zb_dict *dict, const char *elem);

/* The Chinese name of attribute ATTR of element ELEM, or NULL. */
const char *dict_attribute_label(const zb_dict *dict, const char *elem,
                                 const char *attr);

/* How a value of attribute ATTR of ELEM (or, ATTR NULL, the text of ELEM)
   must be written, e.g. "写成“年-月-日”，如 2023-06-20（不带时区）"; NULL
   when the schema does not say. */
const char *dict_value_hint(const zb_dict *dict, const char *elem,
                            const char *attr);

/* The rule broken by writing NAME (a child element, or "@attr") inside
   ELEM, written into BUF (SIZE bytes), when ELEM forbids it; else NULL. */
const char *dict_forbidden_rule(const zb_dict *dict, const char *elem,
                                const char *name, char *buf, size_t size);

/* The identity constraint NAME, or NULL. */
const dict_constraint *dict_constraint_get(const zb_dict *dict,
                                           const char *name);

/* The rule a breach of constraint C at element ELEM breaks, written into
   BUF (SIZE bytes); "schema" when the schema names none. */
const char *dict_constraint_rule(const dict_constraint *c, const char *elem,
                                 char *buf, size_t size);

/* Release the dictionary; NULL is allowed. */
void dict_free(zb_dict *dict);

#endif
