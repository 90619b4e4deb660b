/*
 * Arrays that grow by doubling (see grow.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

bool grow_cap(size_t cap, size_t first, size_t size, size_t *next)
{
	if (cap > SIZE_MAX / 2)
		return false;
	size_t n = cap != 0 ? 2 * cap : first;
	if (size != 0 && n > SIZE_MAX / size)
		return false;
	*next = n;
	return true;
}

bool grow_to(void *arrayp, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		return false;
	/* Through memcpy: arrayp is a T **, whatever T is. */
	void *p;
	memcpy(&p, arrayp, sizeof(p));
	p = realloc(p, count * size);
	if (p == NULL)
		return false;
	memcpy(arrayp, &p, sizeof(p));
	return true;
}

bool grow_array(void *arrayp, size_t *cap, size_t n, size_t first, size_t size)
{
	size_t next;
	if (n < *cap)
		return true;
	if (!grow_cap(*cap, first, size, &next) || !grow_to(arrayp, next, size))
		return false;
	*cap = next;
	return true;
}
