/*
 * A bump allocator: a dossier's strings and arrays live in one arena and
 * are freed together.  For the reader and anything that builds per-dossier
 * data; not thread-safe (parcours uses processes, not threads).
 */
#ifndef PARCOURS_ARENA_H
#define PARCOURS_ARENA_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* Returns NULL when out of memory. */
struct arena *arena_new(void);
/* Frees every block; NULL is a no-op. */
void arena_free(struct arena *);
/* Zeroed memory aligned for any type; NULL when out of memory. */
void *arena_alloc(struct arena *, size_t size);
/* Copies of s (NUL-terminated) or of its first n bytes; NULL on OOM. */
char *arena_strdup(struct arena *, const char *s);
char *arena_strndup(struct arena *, const char *s, size_t n);
/*
 * grow_array() (grow.h) for an array in the arena: arena memory is not
 * reallocated, so the n elements in use are copied into a new block and
 * the old one goes with the arena.  false when out of memory.
 */
bool arena_grow(struct arena *, void *arrayp, size_t *cap, size_t n,
		size_t first, size_t size);

#endif
