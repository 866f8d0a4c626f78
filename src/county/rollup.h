/*
 * rollup.h - the county roll-up: the facts of many units (each from its
 * submission bundle) added up.
 *
 * The result is a document of the shape a unit's forms are laid out from -
 * a ledger with its facts - so that the form's own stylesheet
 * (statistics.xsl) lays out the county's 统计表 exactly as it lays out a
 * unit's 附件5, and county-units.xsl the table of units:
 *
 *   <ledger xmlns="urn:zhengban:ledger:1" year asOf>   the latest as-of date
 *     <unit name="桐川县版权局" filler="filler"/>
 *     <staff><person id="filler" name phone/></staff>   when a filler is given
 *     <f:facts version unit year asOf>
 *       <f:statistics>    each figure the sum of the units' own (money summed
 *                         in 分, 万元 rounded from the exact sum); without
 *                         the 一 part (every unit has its own department)
 *                         and the list of home-edition copies
 *       <f:units findings>   the findings of all units' audits
 *         <f:unit name asOf bundle>  one per unit, in the order added: its
 *                                    statistics and audit, as it sent them
 */
#ifndef ZB_ROLLUP_H
#define ZB_ROLLUP_H

#include <libxml/tree.h>

#include "../core/diag.h"
#include "../core/status.h"

/* Who fills in the county's forms; each may be NULL. */
typedef struct rollup_header {
    const char *unit;   /* 单位名称; NULL: "<N> 个单位汇总" */
    const char *filler; /* 填表人 */
    const char *phone;  /* 联系电话 */
} rollup_header;

typedef struct zb_rollup zb_rollup;

/* Start a roll-up headed by H (the strings are copied). */
zb_status rollup_open(const rollup_header *h, zb_rollup **out);

/* Whether DOC, the facts file NAME, is facts of the version this program
   reads; if not, ZB_ERR_INVALID with one diagnostic that names the
   version it is. Check this before validating DOC against the schema. */
zb_status rollup_check_version(xmlDocPtr doc, const char *name,
                               zb_diags *diags);

/* Add the facts DOC, valid against forms/facts.xsd, from the bundle
   BUNDLE. A unit already added, or a year other than the first unit's, is
   ZB_ERR_INVALID with a diagnostic naming both bundles; a sum that does not
   fit in 64 bits too. */
zb_status rollup_add(zb_rollup *r, xmlDocPtr doc, const char *bundle,
                     zb_diags *diags);

/* The number of units added. */
size_t rollup_count(const zb_rollup *r);

/* The document of the roll-up (at least one unit added); R keeps it and
   frees it. */
xmlDocPtr rollup_document(zb_rollup *r);

/* Release R; NULL is allowed. */
void rollup_free(zb_rollup *r);

#endif
