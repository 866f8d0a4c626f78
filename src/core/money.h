/*
 * money.h - amounts of money, exactly.
 *
 * A zb_money counts 分 (0.01 元) in 64 bits. Amounts are read from their
 * decimal text digit by digit, never through a double, so sums are exact.
 */
#ifndef ZB_MONEY_H
#define ZB_MONEY_H

#include <stdint.h>

#include "status.h"

typedef int64_t zb_money;

/* Parse a ledger amount in 元 - digits, optionally "." and one or two more
   digits, at most 15 digits in all ("12800", "0.5", "17400.00") - into 分.
   ZB_ERR_INVALID for anything else (sign, exponent, spaces, 3 decimals). */
zb_status money_parse(const char *text, zb_money *out);

/* *OUT = A + B, or A * N; 0 (and *OUT untouched) when the result does not
   fit in 64 bits, 1 otherwise. */
int money_add(zb_money a, zb_money b, zb_money *out);
int money_mul(zb_money a, int64_t n, zb_money *out);

/* Write AMOUNT in 元 with two decimals ("6200.00") and, rounded half up
   from the exact amount, in 万元 with two decimals ("0.62") into BUF. */
void money_format_yuan(zb_money amount, char buf[32]);
void money_format_wanyuan(zb_money amount, char buf[32]);

#endif
