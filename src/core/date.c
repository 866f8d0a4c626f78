#include "date.h"

#include <stdio.h>

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int digits(const char *s, int n, int *value)
{
    *value = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        *value = *value * 10 + (s[i] - '0');
    }
    return 1;
}

zb_status date_parse(const char *text, zb_date *out)
{
    int y, m, d;
    if (!digits(text, 4, &y) || text[4] != '-' || !digits(text + 5, 2, &m) ||
        text[7] != '-' || !digits(text + 8, 2, &d) || text[10] != '\0')
        return ZB_ERR_INVALID;
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
        return ZB_ERR_INVALID;
    *out = y * 10000 + m * 100 + d;
    return ZB_OK;
}

zb_date date_add_months(zb_date date, int months)
{
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    int index = y * 12 + (m - 1) + months;
    y = index / 12;
    m = index % 12 + 1;
    if (d > month_days(y, m))
        d = month_days(y, m);
    return y * 10000 + m * 100 + d;
}

/* The N digits of V (zero-padded) at P. */
static void put_digits(char *p, unsigned v, int n)
{
    while (n-- > 0) {
        p[n] = (char)('0' + v % 10);
        v /= 10;
    }
}

void date_format(zb_date date, char buf[11])
{
    /* by hand: snprintf() was a twentieth of `check` (the rules and the
       facts write dates by the ten thousand) */
    put_digits(buf, (unsigned)(date / 10000) % 10000u, 4);
    buf[4] = '-';
    put_digits(buf + 5, (unsigned)(date / 100) % 100u, 2);
    buf[7] = '-';
    put_digits(buf + 8, (unsigned)date % 100u, 2);
    buf[10] = '\0';
}

void date_format_cn(zb_date date, char buf[32])
{
    snprintf(buf, 32, "%d年%d月%d日", (int)(date / 10000),
             (int)(date / 100 % 100), (int)(date % 100));
}

int32_t date_to_days(zb_date date)
{
    /* days from civil, after Howard Hinnant */
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

zb_date date_add_days(zb_date date, int days)
{
    /* civil from days, after Howard Hinnant */
    int32_t z = date_to_days(date) + days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    int y = yoe + era * 400 + (m <= 2);
    return y * 10000 + m * 100 + d;
}
