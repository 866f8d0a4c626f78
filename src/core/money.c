#include "money.h"

zb_status money_parse(const char *text, zb_money *out)
{
    zb_money yuan = 0;
    int ndigits = 0;
    const char *p = text;
    for (; *p >= '0' && *p <= '9'; p++, ndigits++)
        yuan = yuan * 10 + (*p - '0');
    if (ndigits == 0 || ndigits > 15)
        return ZB_ERR_INVALID;
    zb_money fen = 0;
    if (*p == '.') {
        p++;
        int frac = 0;
        for (; *p >= '0' && *p <= '9' && frac < 3; p++, frac++)
            fen = fen * 10 + (*p - '0');
        if (frac == 0 || frac > 2 || ndigits + frac > 15)
            return ZB_ERR_INVALID;
        if (frac == 1)
            fen *= 10;
    }
    if (*p != '\0')
        return ZB_ERR_INVALID;
    *out = yuan * 100 + fen;
    return ZB_OK;
}
