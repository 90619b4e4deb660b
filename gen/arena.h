/*
 * A bump allocator: a dossier's strings and arrays live in one arena and
 * are freed together.  For the reader and anything that builds per-dossier
 * data; not thread-safe (parcours uses processes, not threads).
 */
#ifndef PARCOURS_ARENA_H
#define PARCOURS_ARENA_H

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

#endif
