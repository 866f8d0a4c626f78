/*
 * num.h - exact decimals.
 *
 * A decimal is never a double: "1234.5" with 2 decimals is the integer
 * 123450. Money in the ledger (money.h) and numbers in layouts use this.
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

/* Write the decimal digits of VALUE ('-' first when negative) at P, no
   NUL: at most 20 bytes. Returns the end. For text written by the ten
   thousand (cell names, line numbers), where printf would be most of the
   work. */
char *num_put_int(char *p, int64_t value);

/* Round VALUE from FROM decimals to TO decimals, half away from zero.
   Returns 0 on overflow. */
int num_rescale(int64_t value, int from, int to, int64_t *out);

#endif
