/*
 * The tree-dump backend (--format tree): a document tree written as
 * doc_dump()'s indented text, the golden tests' oracle.  Same calls as
 * every backend (backend.h).
 */
#ifndef PARCOURS_TREE_DUMP_H
#define PARCOURS_TREE_DUMP_H

#include "backend.h"
#include "buf.h"
#include "doc.h"

struct tree_dump;

/* NULL after a system diagnostic (out of memory). */
struct tree_dump *tree_dump_new(void);

/* Appends the dump of doc to out: BACKEND_OK, or BACKEND_SYSTEM after a
 * diagnostic (out of memory). */
enum backend_code tree_dump_render(struct tree_dump *, const struct doc *,
				   struct buf *out);

/* NULL is a no-op. */
void tree_dump_free(struct tree_dump *);

#endif
