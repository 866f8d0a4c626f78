#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_BLOCK 65536

struct arena_block {
    arena_block *next;
    size_t used;
    size_t size;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

void *arena_alloc(zb_arena *arena, size_t n)
{
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    arena_block *b = arena->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
        b = malloc(sizeof *b + size);
        if (!b)
            return NULL;
        b->used = 0;
        b->size = size;
        if (size == n && arena->head) {
            /* a large piece: keep filling the current block afterwards */
            b->next = arena->head->next;
            arena->head->next = b;
        } else {
            b->next = arena->head;
            arena->head = b;
        }
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

void *arena_calloc(zb_arena *arena, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    size_t n = count * size;
    return arena_alloc(arena, n ? n : 1);
}

char *arena_strndup(zb_arena *arena, const char *s, size_t n)
{
    char *p = arena_alloc(arena, n + 1);
    if (p)
        memcpy(p, s, n);
    return p;
}

char *arena_strdup(zb_arena *arena, const char *s)
{
    return arena_strndup(arena, s, strlen(s));
}

void arena_move(zb_arena *to, zb_arena *from)
{
    arena_block *tail = from->head;
    if (!tail)
        return;
    while (tail->next)
        tail = tail->next;
    tail->next = to->head;
    to->head = from->head;
    from->head = NULL;
}

void arena_free(zb_arena *arena)
{
    arena_block *b = arena->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
}
