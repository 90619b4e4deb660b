/*
 * Pagination: fills pages with strips, keeping headings with what
 * follows and keep-together groups whole when they fit, repeating table
 * headers, closing boxes split by a break; then the footers, "page N /
 * M" included.  Part of the layout (layout_internal.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "layout_internal.h"
#include "utf8.h"

#define FIT_EPSILON 1e-6

struct pager {
	struct lctx *c;
	struct layout *L;
	const struct strips *S;
	struct items *page;
	double y;
	bool empty;	   /* nothing placed on the page yet */
	bool explicit_top; /* the page began with an explicit break */
	const struct strip *last;
};

static bool new_page(struct pager *p, bool explicit_break)
{
	struct layout *L = p->L;
	if (L->npages == L->cap) {
		/* Two arrays of one capacity. */
		size_t cap;
		if (!grow_cap(L->cap, 4, sizeof(*L->pages), &cap) ||
		    !grow_to(&L->pages, cap, sizeof(*L->pages)) ||
		    !grow_to(&L->page_items, cap, sizeof(*L->page_items))) {
			p->c->oom = true;
			return false;
		}
		L->cap = cap;
	}
	memset(&L->page_items[L->npages], 0, sizeof(struct items));
	p->page = &L->page_items[L->npages];
	L->npages++;
	p->y = p->c->st->margin_top;
	p->empty = true;
	p->explicit_top = explicit_break;
	p->last = NULL;
	return true;
}

static bool place(struct pager *p, const struct strip *s, double top)
{
	if (!layout_items_copy(p->c, p->page, &s->items, 0, top))
		return false;
	p->empty = false;
	p->last = s;
	return true;
}

/* Height needed from strip i on: chained keep-with-next, groups. */
static double needed(const struct pager *p, size_t i, double sb)
{
	const struct strips *S = p->S;
	double body = layout_body_height(p->c);
	double need = sb + S->v[i].height;

	double chain = S->v[i].height;
	size_t j = i;
	while ((S->v[j].flags & STRIP_KEEP_NEXT) && j + 1 < S->n &&
	       !(S->v[j + 1].flags & STRIP_BREAK)) {
		const struct strip *t = &S->v[++j];
		/* A heading stays with the whole group that follows it. */
		if (t->group_end > j + 1) {
			double g = layout_strips_height(S, j, t->group_end);
			if (g <= body) {
				chain += t->space_before + g;
				j = t->group_end - 1;
				continue;
			}
		}
		chain += t->space_before + t->height;
	}
	if (chain <= body && sb + chain > need)
		need = sb + chain;

	if (S->v[i].group_end > i + 1) {
		double g = layout_strips_height(S, i, S->v[i].group_end);
		if (g <= body && sb + g > need)
			need = sb + g;
	}
	return need;
}

static bool repeat_header(struct pager *p, const struct strip *s)
{
	if (s->table < 0 || (s->flags & STRIP_HEADER))
		return true;
	const struct table_info *t = &p->c->tables[s->table];
	for (size_t k = 0; k < t->count; k++) {
		const struct strip *h = &p->S->v[t->first + k];
		if (!place(p, h, p->y))
			return false;
		p->y += h->height;
	}
	return true;
}

/* Closes a box split by the page break, on both pages. */
static bool break_box(struct pager *p, const struct strip *next, bool *open_top)
{
	const struct strip *last = p->last;
	*open_top = false;
	if (last == NULL || last->box == 0 || last->box != next->box)
		return true;
	*open_top = true;
	return layout_add_line(p->c, p->page, last->box_x0, p->y, last->box_x1,
			       p->y, LAYOUT_RULE, 0.5) != NULL;
}

static bool paginate(struct pager *p)
{
	const struct strips *S = p->S;
	const struct layout_style *st = p->c->st;
	double bottom = st->page_h - st->margin_bottom;
	bool pending_break = false;

	if (!new_page(p, true))
		return false;
	for (size_t i = 0; i < S->n; i++) {
		const struct strip *s = &S->v[i];
		if (s->flags & STRIP_BREAK) {
			pending_break = true;
			continue;
		}
		if (pending_break && !p->empty && !new_page(p, true))
			return false;
		pending_break = false;
		if ((s->flags & STRIP_DISCARD) && p->empty && !p->explicit_top)
			continue;

		if (s->flags & STRIP_ABSOLUTE) {
			double top = s->abs_y >= p->y ? s->abs_y : p->y;
			if (top + s->height > bottom + FIT_EPSILON &&
			    !p->empty) {
				if (!new_page(p, false))
					return false;
				top = s->abs_y >= p->y ? s->abs_y : p->y;
			}
			if (!place(p, s, top))
				return false;
			if (top + s->height > p->y)
				p->y = top + s->height;
			continue;
		}

		double sb = p->empty ? 0 : s->space_before;
		if (p->y + needed(p, i, sb) > bottom + FIT_EPSILON &&
		    !p->empty) {
			bool open_top;
			if (!break_box(p, s, &open_top) || !new_page(p, false))
				return false;
			if (s->flags & STRIP_DISCARD)
				continue;
			sb = 0;
			if (!repeat_header(p, s))
				return false;
			if (open_top &&
			    layout_add_line(p->c, p->page, s->box_x0, p->y,
					    s->box_x1, p->y, LAYOUT_RULE,
					    0.5) == NULL)
				return false;
		}
		if (!place(p, s, p->y + sb))
			return false;
		p->y += sb + s->height;
	}
	return true;
}

/* The longest prefix of s that fits in width with an ellipsis after. */
static const char *shorten(struct lctx *c, const char *s, double size,
			   double width)
{
	size_t len = strlen(s);
	if (layout_text_width(c, LAYOUT_REGULAR, size, s, len) <= width)
		return s;
	static const char dots[] = "\xE2\x80\xA6"; /* … */
	double room = width - layout_text_width(c, LAYOUT_REGULAR, size, dots,
						strlen(dots));
	size_t keep = 0;
	double w = 0;
	while (keep < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + keep, len - keep, &cp);
		double adv =
		    layout_text_width(c, LAYOUT_REGULAR, size, s + keep, k);
		if (w + adv > room)
			break;
		w += adv;
		keep += k;
	}
	char *out = arena_alloc(c->arena, keep + sizeof(dots));
	if (out == NULL)
		return NULL;
	memcpy(out, s, keep);
	memcpy(out + keep, dots, sizeof(dots));
	return out;
}

/* The initials box of a signed document's page: right-aligned, its
 * bottom at y, between the text area and the footer line. */
static bool add_initials(struct lctx *c, struct items *v, double right,
			 double y, double size)
{
	const double w = 34 * 72 / 25.4, h = 7.5 * 72 / 25.4;
	static const char label[] = "Paraphes";
	return layout_add_rect(c, v, right - w, y - h, w, h, LAYOUT_RULE,
			       LAYOUT_NONE, 0.5) != NULL &&
	       layout_add_text(c, v, right - w + 2, y - h + size + 1, label,
			       LAYOUT_REGULAR, size, LAYOUT_MUTED) != NULL;
}

static bool add_footers(struct lctx *c, struct layout *L,
			const struct doc_meta *meta)
{
	const struct layout_style *st = c->st;
	double size = 0.8 * st->body_size;
	double x0 = st->margin_left, x1 = st->page_w - st->margin_right;
	const char *parts[3];
	doc_footer_parts(meta, parts);
	size_t len = strlen(parts[0]) + strlen(parts[1]) + strlen(parts[2]) + 1;
	char *left = arena_alloc(c->arena, len);
	if (left == NULL)
		return false;
	snprintf(left, len, "%s%s%s", parts[0], parts[1], parts[2]);

	const char *banner = meta->banner != NULL ? meta->banner : "";
	double bw =
	    layout_text_width(c, LAYOUT_BOLD, size, banner, strlen(banner));
	for (size_t i = 0; i < L->npages; i++) {
		struct items *v = &L->page_items[i];
		char num[64];
		/* Above the text area, centred, on every page. */
		if (*banner != '\0' &&
		    layout_add_text(c, v, (x0 + x1 - bw) / 2,
				    st->margin_top - 2.2 * size, banner,
				    LAYOUT_BOLD, size, LAYOUT_RED) == NULL)
			return false;
		snprintf(num, sizeof(num),
			 DOC_PAGE_BEFORE "%zu" DOC_PAGE_BETWEEN "%zu", i + 1,
			 L->npages);
		const char *label = arena_strdup(c->arena, num);
		if (label == NULL)
			return false;
		double lw = layout_text_width(c, LAYOUT_REGULAR, size, label,
					      strlen(label));
		if (meta->initials && i + 1 < L->npages &&
		    !add_initials(c, v, x1, st->footer_y - 1.3 * size - 2,
				  size))
			return false;
		const char *l = shorten(c, left, size, x1 - x0 - lw - 2 * size);
		if (l == NULL ||
		    layout_add_line(c, v, x0, st->footer_y - 1.3 * size, x1,
				    st->footer_y - 1.3 * size, LAYOUT_LIGHT,
				    0.5) == NULL ||
		    layout_add_text(c, v, x0, st->footer_y, l, LAYOUT_REGULAR,
				    size, LAYOUT_MUTED) == NULL ||
		    layout_add_text(c, v, x1 - lw, st->footer_y, label,
				    LAYOUT_REGULAR, size, LAYOUT_MUTED) == NULL)
			return false;
	}
	return true;
}

bool layout_paginate(struct lctx *c, struct layout *L, const struct strips *S,
		     const struct doc_meta *meta)
{
	struct pager p = {.c = c, .L = L, .S = S};
	return paginate(&p) && add_footers(c, L, meta);
}
