/*
 * date.h - calendar dates as integers.
 *
 * A zb_date is the number yyyymmdd (2023-06-20 is 20230620): dates compare
 * with < and ==, the year is d / 10000, and 0 means "no date".
 */
#ifndef ZB_DATE_H
#define ZB_DATE_H

#include <stdint.h>

#include "status.h"

typedef int32_t zb_date;

/* Parse "YYYY-MM-DD" (exactly that form, a real calendar day, years
   1000-9999) into *OUT. ZB_ERR_INVALID for anything else. */
zb_status date_parse(const char *text, zb_date *out);

/* DATE moved by MONTHS calendar months (negative: back); a day past the end
   of the target month becomes its last day (2023-08-31 - 6 = 2023-02-28). */
zb_date date_add_months(zb_date date, int months);

/* Write DATE as "YYYY-MM-DD" into BUF. */
void date_format(zb_date date, char buf[11]);

/* Write DATE as "2023年6月20日" into BUF. */
void date_format_cn(zb_date date, char buf[32]);

/* Days since 1970-01-01 (proleptic Gregorian), for date arithmetic. */
int32_t date_to_days(zb_date date);

/* DATE moved by DAYS days (negative: back). */
zb_date date_add_days(zb_date date, int days);

#endif
