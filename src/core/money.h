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

#endif
