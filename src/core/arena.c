#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK = 64 * 1024 };

struct arena_block {
    struct arena_block *next;
    size_t used;
    size_t cap;
    alignas(max_align_t) unsigned char data[];
};

static size_t align_up(size_t n)
{
    size_t a = alignof(max_align_t);
    return (n + a - 1) / a * a;
}

void *arena_alloc(zb_arena *arena, size_t size)
{
    size = align_up(size ? size : 1);
    struct arena_block *b = arena->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = arena->head;
        b->used = 0;
        b->cap = cap;
        arena->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(zb_arena *arena, const char *s, size_t n)
{
    char *copy = arena_alloc(arena, n + 1);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

void arena_free(zb_arena *arena)
{
    struct arena_block *b = arena->head;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
}
