/*
 * utf8.h - decoding and encoding UTF-8, one code point at a time.
 *
 * Input is trusted to be valid UTF-8 (libxml2 checks every document it
 * parses); a truncated sequence at the end stops at the NUL.
 */
#ifndef ZB_UTF8_H
#define ZB_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The code point at *P; *P moves past it. *P must not be at the NUL. */
uint32_t utf8_next(const char **p);

/* Write C as UTF-8 into S (room for 4 bytes, no NUL added); the length. */
size_t utf8_put(char *s, uint32_t c);

#endif
