/*
 * The tree-dump backend (see tree_dump.h): doc_dump() into memory, so
 * that the dump goes where any backend's bytes go.
 */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "tree_dump.h"

/* Nothing to keep between documents; it exists for the contract. */
struct tree_dump {
	unsigned long rendered;
};

struct tree_dump *tree_dump_new(void)
{
	struct tree_dump *t = calloc(1, sizeof(*t));
	if (t == NULL)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	return t;
}

enum backend_code tree_dump_render(struct tree_dump *t, const struct doc *doc,
				   struct buf *out)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	bool ok = f != NULL;
	if (ok) {
		doc_dump(doc, f);
		ok = fclose(f) == 0;
	}
	if (ok)
		buf_put(out, text, len);
	free(text);
	if (!ok || out->oom) {
		diag(MSG_OUT_OF_MEMORY, doc->meta.origin, 0);
		return BACKEND_SYSTEM;
	}
	t->rendered++;
	return BACKEND_OK;
}

void tree_dump_free(struct tree_dump *t)
{
	free(t);
}
