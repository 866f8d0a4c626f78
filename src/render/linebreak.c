#include "linebreak.h"

#include <stdlib.h>

#define EPS 0.001

/* Full-width punctuation that may not start a line; all of it has a blank
   half that can be squeezed, except the quotes. */
static const uint32_t no_start[] = {
    0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01,  /* 、。，．：；？！ */
    0xFF09, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017,  /* ）〉》」』】〕〗 */
    0xFF3D, 0xFF5D, 0x201D, 0x2019, 0x00B7, 0x30FB, 0x3005, 0x309D,  /* ］｝”’·・々ゝ */
};

static const uint32_t no_end[] = {
    0xFF08, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016,  /* （〈《「『【〔〖 */
    0xFF3B, 0xFF5B, 0x201C, 0x2018,                                  /* ［｛“‘ */
};

static bool in_list(uint32_t cp, const uint32_t *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == cp)
            return true;
    return false;
}

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

unsigned linebreak_props(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_props(cp);
    if (cp >= 0x3100 && cp < 0xFF00)
        return 0;  /* ideographs, Hangul...: none of the lists below */
    if (cp == 0x2014 || cp == 0x2015 || cp == 0x2026)
        return LB_PAIR;
    if (in_list(cp, no_start, sizeof no_start / sizeof no_start[0])) {
        unsigned p = LB_NO_START;
        if (cp >= 0x3001 && cp != 0x3005 && cp != 0x309D && cp != 0x30FB)
            p |= LB_SQUEEZE;
        if ((cp >= 0x3009 && cp <= 0x3017) || cp == 0xFF09 || cp == 0xFF3D ||
            cp == 0xFF5D || cp == 0x201D || cp == 0x2019)
            p |= LB_CLOSING;
        return p;
    }
    if (in_list(cp, no_end, sizeof no_end / sizeof no_end[0]))
        return LB_NO_END;
    if (cp < 0x2000 || (cp >= 0x2010 && cp <= 0x2013) || cp == 0x2030)
        return LB_WORD;
    return 0;
}

bool linebreak_allowed(const uint32_t *cp, size_t i)
{
    unsigned a = linebreak_props(cp[i - 1]), b = linebreak_props(cp[i]);
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
        if (linebreak_props(cp[i]) & LB_SQUEEZE)
            s += w[i] / 2;
    return s;
}

/* The end of the unit starting at I: the next break opportunity. */
static size_t unit_end(const uint32_t *cp, size_t i, size_t end)
{
    for (i++; i < end && !linebreak_allowed(cp, i); i++)
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
    while (t > i + 1 && (linebreak_props(cp[t - 1]) & LB_NO_START))
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
    if (k < t && k - 1 > i && (linebreak_props(cp[k]) & LB_NO_START))
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
    return !((linebreak_props(cp[i - 1]) & LB_WORD) &&
             (linebreak_props(cp[i]) & LB_WORD));
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
        if (linebreak_props(cp[i]) & LB_SQUEEZE)
            adv -= squeeze * w[i] / 2;
        pos += adv;
    }
}
