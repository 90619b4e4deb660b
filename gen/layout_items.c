/*
 * What every pass of the layout shares (layout_internal.h): the vectors
 * of items and strips, the items drawn, and text measures.  Called by
 * layout.c and the passes; calls none of them, so calls go one way:
 * layout.c -> layout_block.c (-> layout_text.c, layout_timeline.c) and
 * layout_page.c -> layout_items.c.
 */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "layout_internal.h"
#include "utf8.h"

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

/* Appends item, or returns NULL on OOM. */
static struct layout_item *add_item(struct lctx *c, struct items *v,
				    struct layout_item item)
{
	struct layout_item *it = layout_items_add(c, v);
	if (it != NULL)
		*it = item;
	return it;
}

struct layout_item *layout_add_line(struct lctx *c, struct items *v, double x0,
				    double y0, double x1, double y1,
				    enum layout_color color, double width)
{
	return add_item(c, v,
			(struct layout_item){.kind = LAYOUT_LINE,
					     .x = x0,
					     .y = y0,
					     .w = x1 - x0,
					     .h = y1 - y0,
					     .color = color,
					     .fill = LAYOUT_NONE,
					     .width = width});
}

struct layout_item *layout_add_rect(struct lctx *c, struct items *v, double x,
				    double y, double w, double h,
				    enum layout_color stroke,
				    enum layout_color fill, double width)
{
	return add_item(c, v,
			(struct layout_item){.kind = LAYOUT_RECT,
					     .x = x,
					     .y = y,
					     .w = w,
					     .h = h,
					     .color = stroke,
					     .fill = fill,
					     .width = width});
}

struct layout_item *layout_add_text(struct lctx *c, struct items *v, double x,
				    double y, const char *s,
				    enum layout_face face, double size,
				    enum layout_color color)
{
	size_t len = strlen(s);
	return add_item(
	    c, v,
	    (struct layout_item){.kind = LAYOUT_TEXT,
				 .x = x,
				 .y = y,
				 .w = layout_text_width(c, face, size, s, len),
				 .text = s,
				 .len = len,
				 .face = face,
				 .size = size,
				 .color = color,
				 .fill = LAYOUT_NONE});
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
