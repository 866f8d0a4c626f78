/*
 * licence.h - the days a commercial licence may be used.
 *
 * A commercial software (台账 <commercial>) is held from its purchase date
 * (a donated or transferred one, 受赠/调剂, from any day), to the last day
 * of its term (永久: no end), and not from the day it is disposed (报废).
 * 附件5 五 counts the licences held on the as-of date; the audit looks for
 * copies used outside these days.
 */
#ifndef ZB_LICENCE_H
#define ZB_LICENCE_H

#include "../core/date.h"
#include "../parse/ledger.h"

/* The last day of a licence without end. */
#define LICENCE_NO_END 99991231

/* The days commercial software SW is held: *FIRST to *LAST, both included
   (*FIRST is 0 for a donated one, *LAST is LICENCE_NO_END for one held
   for ever). *FIRST > *LAST when it is never held. */
void licence_days(const zb_software *sw, zb_date *first, zb_date *last);

/* Whether commercial software SW is held on DATE. */
int licence_held_on(const zb_software *sw, zb_date date);

#endif
