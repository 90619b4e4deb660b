/*
 * Bump allocator with a list of blocks.  Large requests get a block of
 * their own so that the common small allocations waste little.
 */
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "grow.h"

#define ARENA_BLOCK 16384

struct block {
	struct block *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block *head;
};

struct arena *arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	for (struct block *b = a->head, *next; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

static struct block *block_new(size_t size)
{
	struct block *b = malloc(sizeof(*b) + size);
	if (b != NULL) {
		b->next = NULL;
		b->used = 0;
		b->size = size;
	}
	return b;
}

void *arena_alloc(struct arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	size = (size + align - 1) / align * align;
	if (size == 0)
		size = align;
	struct block *b = a->head;
	if (b == NULL || b->size - b->used < size) {
		if (size > ARENA_BLOCK / 4) {
			/* Keep the current block for small requests. */
			struct block *big = block_new(size);
			if (big == NULL)
				return NULL;
			if (b == NULL) {
				a->head = big;
			} else {
				big->next = b->next;
				b->next = big;
			}
			big->used = size;
			memset(big->data, 0, size);
			return big->data;
		}
		b = block_new(ARENA_BLOCK);
		if (b == NULL)
			return NULL;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

bool arena_grow(struct arena *a, void *arrayp, size_t *cap, size_t n,
		size_t first, size_t size)
{
	size_t next;
	void *old, *p;
	if (n < *cap)
		return true;
	if (!grow_cap(*cap, first, size, &next) ||
	    (p = arena_alloc(a, next * size)) == NULL)
		return false;
	memcpy(&old, arrayp, sizeof(old));
	if (n > 0)
		memcpy(p, old, n * size);
	memcpy(arrayp, &p, sizeof(p));
	*cap = next;
	return true;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
