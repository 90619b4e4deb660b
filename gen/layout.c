/*
 * The layout (see layout.h): page geometry and layout_doc(), which runs
 * the two passes.  Blocks become strips (layout_block.c), the slices
 * pagination never splits: one per line of text, one per table row that
 * fits on a page (or one per band of a taller row), one per drawing;
 * pagination (layout_page.c) then fills pages with them and adds the
 * footers once the page count is known.
 */
#include <stdlib.h>

#include "layout_internal.h"

#define MM (72.0 / 25.4)

void layout_style_a4(struct layout_style *st)
{
	st->page_w = 210 * MM;
	st->page_h = 297 * MM;
	st->margin_left = 22 * MM;
	st->margin_right = 22 * MM;
	st->margin_top = 20 * MM;
	st->margin_bottom = 24 * MM;
	st->footer_y = 297 * MM - 13 * MM;
	st->body_size = 10; /* documents.md: body at least 10 pt */
	st->leading = 1.4;
}

struct layout *layout_doc(const struct doc *doc, const struct layout_style *st,
			  const struct layout_metrics *m)
{
	struct layout *L = calloc(1, sizeof(*L));
	if (L == NULL)
		return NULL;
	L->arena = arena_new();
	struct lctx c = {.st = st, .m = m, .arena = L->arena};
	struct strips S = {0};
	bool ok = L->arena != NULL && layout_blocks(&c, doc->root, &S) &&
		  layout_paginate(&c, L, &S, &doc->meta);
	for (size_t i = 0; ok && i < L->npages; i++) {
		L->pages[i].items = L->page_items[i].v;
		L->pages[i].nitems = L->page_items[i].n;
	}
	layout_strips_free(&S);
	free(c.tables);
	if (!ok || c.oom) {
		layout_free(L);
		return NULL;
	}
	return L;
}

size_t layout_npages(const struct layout *L)
{
	return L->npages;
}

const struct layout_page *layout_page(const struct layout *L, size_t i)
{
	return i < L->npages ? &L->pages[i] : NULL;
}

void layout_free(struct layout *L)
{
	if (L == NULL)
		return;
	for (size_t i = 0; i < L->npages; i++)
		layout_items_free(&L->page_items[i]);
	free(L->page_items);
	free(L->pages);
	arena_free(L->arena);
	free(L);
}
