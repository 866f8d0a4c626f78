/*
 * mask.h - licence serial numbers masked in what leaves the unit.
 *
 * A submission bundle goes to the county copyright bureau; the serial
 * numbers of the unit's licences stay in the unit. Every serial the ledger
 * registers is shown by its last five characters only, after four '*'
 * ("WPS19-PRO-8H3K2-QX7M4-TB9RV" -> "****TB9RV"),
 * wherever it appears: in the ledger document the stylesheets read (the
 * 序列号 of 附件7, an event's serial, a note that quotes one), in the
 * derived facts and in any other text. A serial of five characters or
 * fewer has nothing to hide.
 */
#ifndef ZB_MASK_H
#define ZB_MASK_H

#include <libxml/tree.h>

#include "../core/buf.h"
#include "../core/status.h"
#include "../parse/ledger.h"

typedef struct zb_mask zb_mask;

/* The serials of LEDGER, ready to mask. Free with mask_free(). */
zb_status mask_open(const zb_ledger *ledger, zb_mask **out);

/* Mask every serial in every text and attribute value of DOC. */
zb_status mask_doc(const zb_mask *m, xmlDocPtr doc);

/* Mask every serial in the text of BUF, in place. */
zb_status mask_buf(const zb_mask *m, zb_buf *buf);

/* Release M; NULL is allowed. */
void mask_free(zb_mask *m);

#endif
