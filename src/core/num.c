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

char *num_put_int(char *p, int64_t value)
{
    uint64_t mag = value < 0 ? -(uint64_t)value : (uint64_t)value;
    char digits[20];
    int n = 0;
    do
        digits[n++] = (char)('0' + mag % 10);
    while (mag /= 10);
    if (value < 0)
        *p++ = '-';
    while (n)
        *p++ = digits[--n];
    return p;
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
