/*
 * The layout (see layout.h): page geometry, the vectors of items and
 * strips, measures, and layout_doc(), which runs the two passes.  Blocks
 * become strips (layout_block.c), the slices pagination never splits:
 * one per line of text, one per table row that fits on a page (or one
 * per band of a taller row), one per drawing; pagination
 * (layout_page.c) then fills pages with them and adds the footers once
 * the page count is known.
 */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "layout_internal.h"
#include "utf8.h"

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

/* ---- vectors ------------------------------------------------------- */

struct layout_item *layout_items_add(struct lctx *c, struct items *v)
{
	if (!grow_array(&v->v, &v->cap, v->n, 8, sizeof(*v->v))) {
		c->oom = true;
		return NULL;
	}
	struct layout_item *it = &v->v[v->n++];
	memset(it, 0, sizeof(*it));
	it->fill = LAYOUT_NONE;
	return it;
}

void layout_items_free(struct items *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

struct strip *layout_strips_add(struct lctx *c, struct strips *v)
{
	if (!grow_array(&v->v, &v->cap, v->n, 16, sizeof(*v->v))) {
		c->oom = true;
		return NULL;
	}
	struct strip *s = &v->v[v->n++];
	memset(s, 0, sizeof(*s));
	s->table = -1;
	return s;
}

void layout_strips_free(struct strips *v)
{
	for (size_t i = 0; i < v->n; i++)
		layout_items_free(&v->v[i].items);
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

/* Appends copies of from's items to to, moved by (dx, dy). */
bool layout_items_copy(struct lctx *c, struct items *to,
		       const struct items *from, double dx, double dy)
{
	for (size_t i = 0; i < from->n; i++) {
		struct layout_item *it = layout_items_add(c, to);
		if (it == NULL)
			return false;
		*it = from->v[i];
		it->x += dx;
		it->y += dy;
	}
	return true;
}

struct layout_item *layout_add_line(struct lctx *c, struct items *v, double x0,
				    double y0, double x1, double y1,
				    enum layout_color color, double width)
{
	struct layout_item *it = layout_items_add(c, v);
	if (it != NULL) {
		it->kind = LAYOUT_LINE;
		it->x = x0;
		it->y = y0;
		it->w = x1 - x0;
		it->h = y1 - y0;
		it->color = color;
		it->width = width;
	}
	return it;
}

struct layout_item *layout_add_rect(struct lctx *c, struct items *v, double x,
				    double y, double w, double h,
				    enum layout_color stroke,
				    enum layout_color fill, double width)
{
	struct layout_item *it = layout_items_add(c, v);
	if (it != NULL) {
		it->kind = LAYOUT_RECT;
		it->x = x;
		it->y = y;
		it->w = w;
		it->h = h;
		it->color = stroke;
		it->fill = fill;
		it->width = width;
	}
	return it;
}

struct layout_item *layout_add_text(struct lctx *c, struct items *v, double x,
				    double y, const char *s,
				    enum layout_face face, double size,
				    enum layout_color color)
{
	struct layout_item *it = layout_items_add(c, v);
	if (it != NULL) {
		it->kind = LAYOUT_TEXT;
		it->x = x;
		it->y = y;
		it->text = s;
		it->len = strlen(s);
		it->face = face;
		it->size = size;
		it->color = color;
		it->w = layout_text_width(c, face, size, s, it->len);
	}
	return it;
}

/* ---- measures ------------------------------------------------------ */

double layout_text_width(const struct lctx *c, enum layout_face face,
			 double size, const char *s, size_t len)
{
	double w = 0;
	while (len > 0) {
		uint32_t cp;
		size_t k = utf8_decode(s, len, &cp);
		if (cp >= 0x20 && cp != 0x7F && cp != 0xAD && cp != 0x200B &&
		    cp != 0xFEFF)
			w += c->m->advance(c->m->ctx, face, cp);
		s += k;
		len -= k;
	}
	return w * size;
}

enum layout_face layout_face_of(unsigned flags)
{
	bool b = flags & DOC_BOLD, i = flags & DOC_ITALIC;
	return b && i ? LAYOUT_BOLD_ITALIC
	       : b    ? LAYOUT_BOLD
	       : i    ? LAYOUT_ITALIC
		      : LAYOUT_REGULAR;
}

double layout_line_height(const struct lctx *c, double size)
{
	return size * c->st->leading;
}

double layout_body_line(const struct lctx *c)
{
	return layout_line_height(c, c->st->body_size);
}

double layout_body_height(const struct lctx *c)
{
	return c->st->page_h - c->st->margin_top - c->st->margin_bottom;
}

/* Total height of strips [from, to), spaces included except the first. */
double layout_strips_height(const struct strips *v, size_t from, size_t to)
{
	double h = 0;
	for (size_t i = from; i < to; i++)
		h += v->v[i].height + (i > from ? v->v[i].space_before : 0);
	return h;
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
