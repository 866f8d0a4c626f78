/*
 * arena.h - many small allocations freed at once.
 *
 * A document model (layout, ledger) lives in one arena and is released with
 * one arena_free(). A zero-initialised zb_arena is ready to use.
 */
#ifndef ZB_ARENA_H
#define ZB_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct zb_arena {
    arena_block *head;
} zb_arena;

/* N zeroed bytes aligned for any type, or NULL when out of memory. */
void *arena_alloc(zb_arena *arena, size_t n);

/* An array of COUNT zeroed elements of SIZE bytes (overflow-checked). */
void *arena_calloc(zb_arena *arena, size_t count, size_t size);

/* Copies of S (or its first N bytes) in the arena. */
char *arena_strdup(zb_arena *arena, const char *s);
char *arena_strndup(zb_arena *arena, const char *s, size_t n);

/* Give TO every allocation of FROM, which is left empty: they are released
   with TO's. */
void arena_move(zb_arena *to, zb_arena *from);

/* Release every allocation. */
void arena_free(zb_arena *arena);

#endif
