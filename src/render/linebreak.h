/*
 * linebreak.h - Chinese line breaking over code points and widths.
 *
 * Pure functions: no fonts, no PDF. The caller measures each code point
 * (any unit, the same for widths and line width) and gets back the lines,
 * then the position of every character on a line that is to be spread or
 * squeezed. The PDF renderer draws with them; the XLSX renderer may use
 * them to estimate row heights.
 *
 * The rules (GB/T 15834 and common Chinese typesetting practice):
 *   - a line may break between any two ideographs;
 *   - a run of Latin letters, digits and ASCII signs stays together
 *     (V11, 0773-1234567, 2023-06-20), and so does 〔2023〕15;
 *   - no line starts with ，。、；：？！）》」』】〕 or a closing quote;
 *   - no line ends with （《「『【〔 or an opening quote;
 *   - —— and …… are never split;
 *   - a line breaks after a space; spaces at the end of a line vanish;
 *   - U+000A forces a break.
 * A prohibition is resolved by pushing the punctuation into the line when
 * the full-width punctuation of the line can be squeezed enough (each by up
 * to half its width), otherwise by pulling the previous character down.
 */
#ifndef ZB_LINEBREAK_H
#define ZB_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/status.h"

/* Properties of a code point, or-ed together. */
enum {
    LB_SPACE = 1,      /* U+0020: a break after it, invisible at line end */
    LB_WORD = 2,       /* part of a Latin/digit run */
    LB_NO_START = 4,   /* may not start a line */
    LB_NO_END = 8,     /* may not end a line */
    LB_PAIR = 16,      /* — and …: two in a row are never split */
    LB_SQUEEZE = 32,   /* full-width punctuation: may lose half its width */
    LB_CLOSING = 64,   /* a closing bracket: sticks to a following digit */
    LB_NEWLINE = 128   /* U+000A: a forced break */
};

/* One line: the code points [start, end) are drawn (trailing spaces and
   the forced break excluded); the next line starts at NEXT. */
typedef struct lb_line {
    size_t start, end, next;
    double width;   /* natural width of [start, end) */
    bool last;      /* the last line of a paragraph or before a forced break */
} lb_line;

typedef struct lb_lines {
    lb_line *items;
    size_t count, cap;
} lb_lines;

/* The LB_* properties of CP. */
unsigned linebreak_props(uint32_t cp);

/* May a line break between CP[I-1] and CP[I] (0 < I < N)? */
bool linebreak_allowed(const uint32_t *cp, size_t i);

/* Break the N code points CP of advance widths W into lines no wider than
   WIDTH, the first line INDENT narrower. OUT is emptied first. There is
   always at least one line (an empty text gives one empty line), and one
   more per forced break. A line is wider than its measure only when
   punctuation was pushed in (linebreak_place() squeezes it back) or when a
   single character is wider than the measure. Without SQUEEZE (text set
   on a character grid, where every character keeps its pitch) punctuation
   is never pushed in: the character before it is pulled down. */
zb_status linebreak_find_lines(const uint32_t *cp, const double *w, size_t n,
                               double width, double indent, bool squeeze,
                               lb_lines *out);

/* Release the lines' memory. */
void linebreak_free(lb_lines *lines);

/* Place the characters of LINE so that it spans TARGET: X[i] for i in
   [line->start, line->end) receives the offset of character i from the
   start of the line. Extra room is spread evenly over the gaps between
   characters, except inside a Latin/digit run; a line too wide is squeezed
   by narrowing its full-width punctuation. With STRETCH false the line
   keeps its natural spacing (it is only squeezed when too wide). */
void linebreak_place(const uint32_t *cp, const double *w, const lb_line *line,
                     double target, bool stretch, double *x);

#endif
