/*
 * Arrays that grow by doubling, with the overflow checks written once.
 * For every part of parcours, the rules layer included (libc alone).
 *
 * arrayp is the address of the array's pointer (a T **, passed as void *
 * so that any T will do); on failure the array, its contents and *cap
 * are as they were, and the caller still owns and frees the array.
 */
#ifndef PARCOURS_GROW_H
#define PARCOURS_GROW_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The capacity after cap, for elements of size bytes: first if cap is 0,
 * else twice cap.  false if that many elements would not fit in a size_t
 * of bytes.
 */
bool grow_cap(size_t cap, size_t first, size_t size, size_t *next);
/* Reallocates the array to count elements of size bytes; false on
 * overflow or lack of memory. */
bool grow_to(void *arrayp, size_t count, size_t size);
/*
 * Makes room for element n (the count in use) of an array of *cap
 * elements: when n has reached *cap, reallocates it to grow_cap()'s
 * capacity and sets *cap.  false on overflow or lack of memory.
 */
bool grow_array(void *arrayp, size_t *cap, size_t n, size_t first, size_t size);

#endif
