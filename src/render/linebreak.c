#include "linebreak.h"

#include <stdlib.h>

#define EPS 0.001

static unsigned ascii_props(uint32_t cp)
{
    switch (cp) {
    case ' ':
        return LB_SPACE;
    case '\n':
        return LB_NEWLINE;
    case ',': case '.': case ';': case ':': case '!': case '?': case '%':
        return LB_WORD | LB_NO_START;
    case ')': case ']': case '}':
        return LB_WORD | LB_NO_START | LB_CLOSING;
    case '(': case '[': case '{':
        return LB_WORD | LB_NO_END;
    default:
        return LB_WORD;
    }
}

/* The properties of CP beyond ASCII and U+3100-U+FEFF. */
static unsigned other_props(uint32_t cp)
{
    switch (cp) {
    case 0x2014: case 0x2015: case 0x2026:                   /* — ― … */
        return LB_PAIR;
    /* may not start a line; a blank half that can be squeezed */
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E:      /* 、。，． */
    case 0xFF1A: case 0xFF1B: case 0xFF1F: case 0xFF01:      /* ：；？！ */
        return LB_NO_START | LB_SQUEEZE;
    case 0xFF09: case 0x3009: case 0x300B: case 0x300D:      /* ）〉》」 */
    case 0x300F: case 0x3011: case 0x3015: case 0x3017:      /* 』】〕〗 */
    case 0xFF3D: case 0xFF5D:                                /* ］｝ */
        return LB_NO_START | LB_SQUEEZE | LB_CLOSING;
    case 0x201D: case 0x2019:                                /* ” ’ */
        return LB_NO_START | LB_CLOSING;
    case 0x00B7: case 0x30FB: case 0x3005: case 0x309D:      /* ·・々ゝ */
        return LB_NO_START;
    /* may not end a line */
    case 0xFF08: case 0x3008: case 0x300A: case 0x300C:      /* （〈《「 */
    case 0x300E: case 0x3010: case 0x3014: case 0x3016:      /* 『【〔〖 */
    case 0xFF3B: case 0xFF5B: case 0x201C: case 0x2018:      /* ［｛“‘ */
        return LB_NO_END;
    }
    if (cp < 0x2000 || (cp >= 0x2010 && cp <= 0x2013) || cp == 0x2030)
        return LB_WORD;
    return 0;
}

/* linebreak_props(), inline for the loops below (several calls per
   character): ideographs and ASCII at once. */
static inline unsigned props(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_props(cp);
    if (cp >= 0x3100 && cp < 0xFF00)
        return 0;  /* ideographs, Hangul...: none of the lists */
    return other_props(cp);
}

unsigned linebreak_props(uint32_t cp)
{
    return props(cp);
}

static inline bool allowed(const uint32_t *cp, size_t i)
{
    unsigned a = props(cp[i - 1]), b = props(cp[i]);
    if (a & LB_NEWLINE)
        return true;
    if (b & (LB_SPACE | LB_NEWLINE | LB_NO_START))
        return false;
    if (a & LB_SPACE)
        return true;
    if (a & LB_NO_END)
        return false;
    if ((a & LB_WORD) && (b & LB_WORD))
        return false;
    if ((a & LB_CLOSING) && (b & LB_WORD))
        return false;
    return !((a & LB_PAIR) && cp[i] == cp[i - 1]);
}

bool linebreak_allowed(const uint32_t *cp, size_t i)
{
    return allowed(cp, i);
}

static zb_status push_line(lb_lines *out, lb_line line)
{
    if (out->count == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 8;
        lb_line *items = realloc(out->items, cap * sizeof *items);
        if (!items)
            return ZB_ERR_NOMEM;
        out->items = items;
        out->cap = cap;
    }
    out->items[out->count++] = line;
    return ZB_OK;
}

static double sum(const double *w, size_t from, size_t to)
{
    double s = 0;
    for (size_t i = from; i < to; i++)
        s += w[i];
    return s;
}

/* How much the characters [from, to) can be squeezed. */
static double squeezable(const uint32_t *cp, const double *w, size_t from,
                         size_t to)
{
    double s = 0;
    for (size_t i = from; i < to; i++)
        if (props(cp[i]) & LB_SQUEEZE)
            s += w[i] / 2;
    return s;
}

/* The end of the unit starting at I: the next break opportunity. */
static size_t unit_end(const uint32_t *cp, size_t i, size_t end)
{
    for (i++; i < end && !allowed(cp, i); i++)
        ;
    return i;
}

/* The unit [i, u) without its trailing spaces. */
static size_t trim_spaces(const uint32_t *cp, size_t i, size_t u)
{
    while (u > i && cp[u - 1] == ' ')
        u--;
    return u;
}

/* The unit [i, t) without the line-start-prohibited punctuation it ends
   with: what must fit for the punctuation to be pushed in. */
static size_t trim_pushable(const uint32_t *cp, size_t i, size_t t)
{
    while (t > i + 1 && (props(cp[t - 1]) & LB_NO_START))
        t--;
    return t;
}

/* A unit alone wider than the line: break it between characters, keeping a
   line-start-prohibited mark with the character before it if possible. */
static size_t split_unit(const uint32_t *cp, const double *w, size_t i,
                         size_t t, double avail)
{
    double x = 0;
    size_t k = i;
    while (k < t && x + w[k] <= avail + EPS)
        x += w[k++];
    if (k == i)
        return i + 1;
    if (k < t && k - 1 > i && (props(cp[k]) & LB_NO_START))
        k--;
    return k;
}

/* Fill one line from POS within [POS, END); returns it. */
static lb_line fill_line(const uint32_t *cp, const double *w, size_t pos,
                         size_t end, double avail, bool squeeze)
{
    lb_line line = {pos, pos, pos, 0, false};
    double x = 0;
    size_t cur = pos;
    while (cur < end) {
        size_t u = unit_end(cp, cur, end);
        size_t t = trim_spaces(cp, cur, u);
        double uw = sum(w, cur, t);
        if (x + uw <= avail + EPS) {
            x += uw + sum(w, t, u);
            line.end = t;
            cur = u;
            continue;
        }
        if (line.end > line.start) {
            size_t base = trim_pushable(cp, cur, t);
            if (squeeze && base < t && x + sum(w, cur, base) <= avail + EPS &&
                x + uw - avail <= squeezable(cp, w, line.start, t) + EPS) {
                line.end = t;
                cur = u;
            }
            break;
        }
        line.end = cur = split_unit(cp, w, cur, t, avail);
        break;
    }
    line.width = sum(w, line.start, line.end);
    line.next = cur;
    return line;
}

zb_status linebreak_find_lines(const uint32_t *cp, const double *w, size_t n,
                               double width, double indent, bool squeeze,
                               lb_lines *out)
{
    out->count = 0;
    size_t pos = 0;
    bool first = true;
    for (;;) {
        size_t end = pos;
        while (end < n && cp[end] != '\n')
            end++;
        do {
            lb_line line = fill_line(cp, w, pos, end,
                                     first ? width - indent : width, squeeze);
            first = false;
            pos = line.next;
            while (pos < end && cp[pos] == ' ')
                pos++;
            line.last = pos >= end;
            line.next = line.last && end < n ? end + 1 : pos;
            if (push_line(out, line) != ZB_OK)
                return ZB_ERR_NOMEM;
        } while (pos < end);
        if (end >= n)
            return ZB_OK;
        pos = end + 1;
    }
}

void linebreak_free(lb_lines *lines)
{
    free(lines->items);
    *lines = (lb_lines){0};
}

/* Is the gap before character I stretchable (not inside a Latin run)? */
static bool stretchable(const uint32_t *cp, size_t i)
{
    return !((props(cp[i - 1]) & LB_WORD) &&
             (props(cp[i]) & LB_WORD));
}

void linebreak_place(const uint32_t *cp, const double *w, const lb_line *line,
                     double target, bool stretch, double *x)
{
    size_t gaps = 0;
    for (size_t i = line->start + 1; i < line->end; i++)
        gaps += stretchable(cp, i);
    double extra = 0, squeeze = 0;
    if (target < line->width - EPS) {
        double room = squeezable(cp, w, line->start, line->end);
        squeeze = room > 0 ? (line->width - target) / room : 0;
        if (squeeze > 1)
            squeeze = 1;
    } else if (stretch && gaps) {
        extra = (target - line->width) / (double)gaps;
    }
    double pos = 0;
    for (size_t i = line->start; i < line->end; i++) {
        if (i > line->start && stretchable(cp, i))
            pos += extra;
        x[i] = pos;
        double adv = w[i];
        if (props(cp[i]) & LB_SQUEEZE)
            adv -= squeeze * w[i] / 2;
        pos += adv;
    }
}
