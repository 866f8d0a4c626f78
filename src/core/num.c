#include "num.h"

#include <stdio.h>

static int64_t pow10_i64(int n)
{
    int64_t p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

int num_parse_decimal(const char *s, int decimals, int64_t *out)
{
    int negative = 0;
    if (*s == '-' || *s == '+')
        negative = *s++ == '-';
    if (*s < '0' || *s > '9')
        return 0;
    int64_t v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (v > (INT64_MAX - 9) / 10)
            return 0;
        v = v * 10 + (*s - '0');
    }
    int frac = 0;
    if (*s == '.') {
        s++;
        if (*s < '0' || *s > '9')
            return 0;
        for (; *s >= '0' && *s <= '9'; s++, frac++) {
            if (frac >= decimals || v > (INT64_MAX - 9) / 10)
                return 0;
            v = v * 10 + (*s - '0');
        }
    }
    if (*s)
        return 0;
    int64_t scale = pow10_i64(decimals - frac);
    if (v > INT64_MAX / scale)
        return 0;
    v *= scale;
    *out = negative ? -v : v;
    return 1;
}

void num_format_decimal(int64_t value, int decimals, char *buf, size_t size)
{
    uint64_t mag = value < 0 ? -(uint64_t)value : (uint64_t)value;
    uint64_t scale = (uint64_t)pow10_i64(decimals);
    if (decimals == 0)
        snprintf(buf, size, "%s%llu", value < 0 ? "-" : "",
                 (unsigned long long)mag);
    else
        snprintf(buf, size, "%s%llu.%0*llu", value < 0 ? "-" : "",
                 (unsigned long long)(mag / scale), decimals,
                 (unsigned long long)(mag % scale));
}

int num_rescale(int64_t value, int from, int to, int64_t *out)
{
    if (to >= from) {
        int64_t scale = pow10_i64(to - from);
        if (value > INT64_MAX / scale || value < INT64_MIN / scale)
            return 0;
        *out = value * scale;
        return 1;
    }
    int64_t scale = pow10_i64(from - to);
    int64_t q = value / scale, r = value % scale;
    if (2 * (r < 0 ? -r : r) >= scale)
        q += value < 0 ? -1 : 1;
    *out = q;
    return 1;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

int date_parse_iso(const char *s, int32_t *ymd)
{
    int y, m, d, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
        s[n] != '\0' || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return 0;
    *ymd = y * 10000 + m * 100 + d;
    return 1;
}

void date_format_cn(int32_t ymd, char *buf, size_t size)
{
    snprintf(buf, size, "%d年%d月%d日", ymd / 10000, ymd / 100 % 100,
             ymd % 100);
}

void date_format_iso(int32_t ymd, char *buf, size_t size)
{
    snprintf(buf, size, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100,
             ymd % 100);
}

int32_t date_to_days(int32_t ymd)
{
    /* days from civil, after Howard Hinnant */
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
