/*
 * num.h - exact decimals and calendar dates.
 *
 * Money is never a double: "1234.5" with 2 decimals is the integer 123450
 * (分). Dates are the integer yyyymmdd.
 */
#ifndef ZB_NUM_H
#define ZB_NUM_H

#include <stddef.h>
#include <stdint.h>

/* Parse the decimal S ("-12", "3.5", "0.10") into *OUT scaled by
   10^DECIMALS. Fails (returns 0) on other syntax, on more fraction digits
   than DECIMALS, or on overflow. Leading/trailing blanks are not allowed. */
int num_parse_decimal(const char *s, int decimals, int64_t *out);

/* Write VALUE (scaled by 10^DECIMALS) as "1234.50" into BUF (>= 32 bytes). */
void num_format_decimal(int64_t value, int decimals, char *buf, size_t size);

/* Round VALUE from FROM decimals to TO decimals, half away from zero.
   Returns 0 on overflow. */
int num_rescale(int64_t value, int from, int to, int64_t *out);

/* Parse an ISO date "2023-06-20" that exists in the calendar into *YMD
   (20230620). Returns 0 otherwise. */
int date_parse_iso(const char *s, int32_t *ymd);

/* Write YMD as "2023年6月20日" (CN) or "2023-06-20" (ISO); BUF >= 32 bytes. */
void date_format_cn(int32_t ymd, char *buf, size_t size);
void date_format_iso(int32_t ymd, char *buf, size_t size);

/* Days since 1970-01-01 for YMD (proleptic Gregorian), for date arithmetic. */
int32_t date_to_days(int32_t ymd);

#endif
