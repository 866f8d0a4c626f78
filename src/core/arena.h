/*
 * arena.h - many small allocations, released at once.
 *
 * The ledger model keeps its strings and arrays in one arena, so reading a
 * ledger of 300,000 events costs a few large allocations instead of a
 * million small ones, and freeing it is one call. A zero-initialised
 * zb_arena is empty and ready to use.
 */
#ifndef ZB_ARENA_H
#define ZB_ARENA_H

#include <stddef.h>

typedef struct zb_arena {
    struct arena_block *head; /* the block being filled; older ones follow */
} zb_arena;

/* SIZE zeroed bytes aligned for any type, or NULL when memory is short. */
void *arena_alloc(zb_arena *arena, size_t size);

/* A copy of the N bytes at S plus a terminating NUL, or NULL. */
char *arena_strndup(zb_arena *arena, const char *s, size_t n);

/* Release every allocation; the arena is empty and usable again. */
void arena_free(zb_arena *arena);

#endif
