#include "money.h"

#include "num.h"

zb_status money_parse(const char *text, zb_money *out)
{
    int digits = 0;
    for (const char *p = text; *p; p++)
        digits += *p >= '0' && *p <= '9';
    /* no sign, at most 15 digits; num_parse_decimal checks the rest */
    if (text[0] < '0' || text[0] > '9' || digits > 15 ||
        !num_parse_decimal(text, 2, out))
        return ZB_ERR_INVALID;
    return ZB_OK;
}
