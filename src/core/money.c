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

int money_add(zb_money a, zb_money b, zb_money *out)
{
    zb_money sum;
    if (__builtin_add_overflow(a, b, &sum))
        return 0;
    *out = sum;
    return 1;
}

int money_mul(zb_money a, int64_t n, zb_money *out)
{
    zb_money product;
    if (__builtin_mul_overflow(a, n, &product))
        return 0;
    *out = product;
    return 1;
}

void money_format_yuan(zb_money amount, char buf[32])
{
    num_format_decimal(amount, 2, buf, 32);
}

void money_format_wanyuan(zb_money amount, char buf[32])
{
    /* 分 are 万元 with six decimals */
    int64_t hundredths;
    num_rescale(amount, 6, 2, &hundredths);
    num_format_decimal(hundredths, 2, buf, 32);
}
