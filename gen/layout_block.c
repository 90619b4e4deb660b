/*
 * Blocks to strips: paragraphs and headings (through layout_text.c),
 * lists, tables with their header rows, frames, signature blocks, letter
 * boxes, ruled lines, cut lines and drawings.  Rows that fit on a page
 * become one strip; taller ones are cut into bands.  Part of the layout
 * (layout_internal.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "layout_internal.h"

#define MM (72.0 / 25.4)

/* Vertical spacing before blocks, in body line heights. */
#define SPACE_PARAGRAPH 0.4
#define SPACE_TABLE	0.6
#define SPACE_BLOCK	0.8

/* Letters: the recipient sits in the window of a DL envelope. */
#define RECIPIENT_X   (105 * MM)
#define RECIPIENT_TOP (45 * MM)

/* Where a run of blocks goes. */
struct area {
	double x0, width;
	struct tstyle ts;
	bool flat; /* inside a cell or frame: page breaks mean nothing */
};

/*
 * Copies the items of strips [from, end) of v into dst, one under the
 * other and moved down by dy: what a cell or a frame becomes when it fits
 * on a page.
 */
static bool flatten_into(struct lctx *c, const struct strips *v, size_t from,
			 struct strip *dst, double dy)
{
	double y = dy;
	for (size_t i = from; i < v->n; i++) {
		const struct strip *s = &v->v[i];
		if (i > from)
			y += s->space_before;
		if (dst->baseline == 0 && s->baseline != 0)
			dst->baseline = y + s->baseline;
		if (!layout_items_copy(c, &dst->items, &s->items, 0, y))
			return false;
		y += s->height;
	}
	return true;
}

static bool lay_blocks(struct lctx *c, const struct doc_node *first,
		       const struct area *a, struct strips *out);
static bool lay_block(struct lctx *c, const struct doc_node *n,
		      const struct area *a, struct strips *out);

static bool is_inline(const struct doc_node *n)
{
	return n->type == DOC_TEXT || n->type == DOC_CHECKBOX ||
	       n->type == DOC_LINEBREAK;
}

/* Sets the space before the first strip made since n0. */
static void space_before(struct strips *out, size_t n0, double space)
{
	if (out->n > n0)
		out->v[n0].space_before = space;
}

static bool lay_inline(struct lctx *c, const struct doc_node *first,
		       const struct doc_node *end, const struct tstyle *ts,
		       const struct area *a, struct strips *out)
{
	size_t n0 = out->n;
	if (!layout_text(c, first, end, ts, a->x0, a->width, out))
		return false;
	size_t lines = out->n - n0;
	/* No single first or last line of a paragraph alone on a page. */
	if (lines >= 2)
		out->v[n0].flags |= STRIP_KEEP_NEXT;
	if (lines >= 3)
		out->v[out->n - 2].flags |= STRIP_KEEP_NEXT;
	space_before(out, n0, SPACE_PARAGRAPH * layout_body_line(c));
	return true;
}

static bool lay_paragraph(struct lctx *c, const struct doc_node *n,
			  const struct area *a, struct strips *out)
{
	struct tstyle ts = a->ts;
	if (n->align != DOC_LEFT)
		ts.align = n->align;
	return lay_inline(c, n->first, NULL, &ts, a, out);
}

static bool lay_heading(struct lctx *c, const struct doc_node *n,
			const struct area *a, struct strips *out)
{
	static const double sizes[] = {1.6, 1.25, 1.05};
	static const double spaces[] = {1.4, 1.2, 0.9};
	int level = n->level < 1 ? 1 : n->level > 3 ? 3 : n->level;
	struct tstyle ts = a->ts;
	ts.size = c->st->body_size * sizes[level - 1];
	ts.force |= DOC_BOLD;
	ts.color = level < 3 ? LAYOUT_ACCENT : LAYOUT_INK;
	if (n->align != DOC_LEFT)
		ts.align = n->align;

	size_t n0 = out->n;
	if (!layout_text(c, n->first, NULL, &ts, a->x0, a->width, out))
		return false;
	if (out->n == n0)
		return true;
	for (size_t i = n0; i < out->n; i++)
		out->v[i].flags |= STRIP_KEEP_NEXT;
	if (level == 1) {
		/* A rule under the title of the document. */
		struct strip *s = &out->v[out->n - 1];
		s->height += 0.35 * layout_body_line(c);
		if (layout_add_line(c, &s->items, a->x0, s->height - 1,
				    a->x0 + a->width, s->height - 1,
				    LAYOUT_ACCENT, 0.8) == NULL)
			return false;
	}
	space_before(out, n0, spaces[level - 1] * layout_body_line(c));
	return true;
}

static bool lay_list(struct lctx *c, const struct doc_node *n,
		     const struct area *a, struct strips *out)
{
	int count = (int)doc_nchildren(n);
	char widest[16];
	snprintf(widest, sizeof(widest), "%d.", count);
	double indent = n->ordered
			    ? layout_text_width(c, LAYOUT_REGULAR, a->ts.size,
						widest, strlen(widest)) +
				  0.6 * a->ts.size
			    : 1.3 * a->ts.size;
	struct area inner = *a;
	inner.x0 += indent;
	inner.width -= indent;

	size_t list0 = out->n;
	int number = 0;
	for (const struct doc_node *it = n->first; it != NULL; it = it->next) {
		size_t n0 = out->n;
		bool ok;
		number++;
		/* Anything but an item in a list is laid out as one. */
		if (it->type == DOC_ITEM)
			ok = lay_blocks(c, it->first, &inner, out);
		else if (is_inline(it))
			ok =
			    lay_inline(c, it, it->next, &inner.ts, &inner, out);
		else
			ok = lay_block(c, it, &inner, out);
		if (!ok)
			return false;
		if (out->n == n0)
			continue;
		struct strip *s = &out->v[n0];
		s->space_before = 0.2 * layout_body_line(c);
		const char *mark = "\xE2\x80\xA2"; /* • */
		if (n->ordered) {
			char buf[16];
			snprintf(buf, sizeof(buf), "%d.", number);
			mark = arena_strdup(c->arena, buf);
			if (mark == NULL) {
				c->oom = true;
				return false;
			}
		}
		double base = s->baseline != 0
				  ? s->baseline
				  : layout_line_height(c, a->ts.size) / 2 +
					0.28 * a->ts.size;
		struct layout_item *m =
		    layout_add_text(c, &s->items, a->x0, base, mark,
				    LAYOUT_REGULAR, a->ts.size, a->ts.color);
		if (m == NULL)
			return false;
		if (n->ordered) /* numbers right-aligned before the text */
			m->x = a->x0 + indent - 0.4 * a->ts.size - m->w;
	}
	space_before(out, list0, SPACE_PARAGRAPH * layout_body_line(c));
	return true;
}

/* One row of boxes side by side: table rows, frames, signature blocks. */
struct rowspec {
	const struct doc_node **cells; /* containers of blocks; NULL: empty */
	const double *x, *w;	       /* outer box of each cell */
	size_t n;
	double pad_x, pad_y;
	double min_content; /* minimum content height */
	double max_atomic;  /* taller rows are cut into bands */
	enum layout_color border, fill;
	double border_width;
	struct tstyle ts;
	bool cell_align; /* DOC_CELL align applies */
};

static bool lay_cells(struct lctx *c, const struct rowspec *r,
		      struct strips *cells)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->cells[i] == NULL)
			continue;
		struct area a = {
		    .x0 = r->x[i] + r->pad_x,
		    .width = r->w[i] - 2 * r->pad_x,
		    .ts = r->ts,
		    .flat = true,
		};
		if (r->cell_align && r->cells[i]->align != DOC_LEFT)
			a.ts.align = r->cells[i]->align;
		if (!lay_blocks(c, r->cells[i]->first, &a, &cells[i]))
			return false;
	}
	return true;
}

static bool row_atomic(struct lctx *c, const struct rowspec *r,
		       const struct strips *cells, double height,
		       struct strip *s)
{
	s->height = height;
	for (size_t i = 0; i < r->n; i++)
		if (r->fill != LAYOUT_NONE &&
		    layout_add_rect(c, &s->items, r->x[i], 0, r->w[i], height,
				    LAYOUT_NONE, r->fill, 0) == NULL)
			return false;
	for (size_t i = 0; i < r->n; i++)
		if (r->border != LAYOUT_NONE &&
		    layout_add_rect(c, &s->items, r->x[i], 0, r->w[i], height,
				    r->border, LAYOUT_NONE,
				    r->border_width) == NULL)
			return false;
	/* The first line of the first cell with text is the baseline. */
	for (size_t i = 0; i < r->n; i++)
		if (!flatten_into(c, &cells[i], 0, s, r->pad_y))
			return false;
	return true;
}

/* A row taller than a page: bands of the cells' strips, side by side. */
static bool row_bands(struct lctx *c, const struct rowspec *r,
		      const struct strips *cells, struct strips *out)
{
	size_t nb = 0;
	for (size_t i = 0; i < r->n; i++)
		if (cells[i].n > nb)
			nb = cells[i].n;
	int box = ++c->next_box;
	double bx0 = r->x[0], bx1 = r->x[r->n - 1] + r->w[r->n - 1];

	for (size_t k = 0; k < nb; k++) {
		double top = k == 0 ? r->pad_y : 0, h = 0;
		for (size_t i = 0; i < r->n; i++) {
			if (k >= cells[i].n)
				continue;
			const struct strip *cs = &cells[i].v[k];
			double ch = cs->height + (k > 0 ? cs->space_before : 0);
			if (ch > h)
				h = ch;
		}
		double height = top + h + (k + 1 == nb ? r->pad_y : 0);
		struct strip *s = layout_strips_add(c, out);
		if (s == NULL)
			return false;
		s->height = height;
		s->box = box;
		s->box_x0 = bx0;
		s->box_x1 = bx1;
		for (size_t i = 0; i < r->n; i++) {
			if (r->fill != LAYOUT_NONE &&
			    layout_add_rect(c, &s->items, r->x[i], 0, r->w[i],
					    height, LAYOUT_NONE, r->fill,
					    0) == NULL)
				return false;
			if (k >= cells[i].n)
				continue;
			const struct strip *cs = &cells[i].v[k];
			double y = top + (k > 0 ? cs->space_before : 0);
			if (!layout_items_copy(c, &s->items, &cs->items, 0, y))
				return false;
			if (s->baseline == 0 && cs->baseline != 0)
				s->baseline = y + cs->baseline;
		}
		if (r->border == LAYOUT_NONE)
			continue;
		for (size_t i = 0; i <= r->n; i++) {
			double x = i < r->n ? r->x[i] : bx1;
			if (layout_add_line(c, &s->items, x, 0, x, height,
					    r->border, r->border_width) == NULL)
				return false;
			if (i > 0 && i < r->n &&
			    r->x[i] != r->x[i - 1] + r->w[i - 1] &&
			    layout_add_line(c, &s->items,
					    r->x[i - 1] + r->w[i - 1], 0,
					    r->x[i - 1] + r->w[i - 1], height,
					    r->border, r->border_width) == NULL)
				return false;
		}
		if (k == 0 &&
		    layout_add_line(c, &s->items, bx0, 0, bx1, 0, r->border,
				    r->border_width) == NULL)
			return false;
		if (k + 1 == nb &&
		    layout_add_line(c, &s->items, bx0, height, bx1, height,
				    r->border, r->border_width) == NULL)
			return false;
	}
	return true;
}

/* Lays out one row; appends one strip, or bands if it is too tall. */
static bool lay_row(struct lctx *c, const struct rowspec *r, struct strips *out)
{
	struct strips *cells = calloc(r->n ? r->n : 1, sizeof(*cells));
	if (cells == NULL) {
		c->oom = true;
		return false;
	}
	bool ok = lay_cells(c, r, cells);
	double content = r->min_content;
	for (size_t i = 0; ok && i < r->n; i++) {
		double h = layout_strips_height(&cells[i], 0, cells[i].n);
		if (h > content)
			content = h;
	}
	double height = content + 2 * r->pad_y;
	if (ok && height <= r->max_atomic) {
		struct strip *s = layout_strips_add(c, out);
		ok = s != NULL && row_atomic(c, r, cells, height, s);
	} else if (ok) {
		ok = row_bands(c, r, cells, out);
	}
	for (size_t i = 0; i < r->n; i++)
		layout_strips_free(&cells[i]);
	free(cells);
	return ok && !c->oom;
}

static int table_columns(const struct doc_node *t)
{
	if (t->ncols > 0)
		return t->ncols;
	int most = 0;
	for (const struct doc_node *r = t->first; r != NULL; r = r->next) {
		int k = (int)doc_nchildren(r);
		if (k > most)
			most = k;
	}
	return most;
}

static int new_table(struct lctx *c)
{
	if (!grow_array(&c->tables, &c->tables_cap, c->ntables, 8,
			sizeof(*c->tables))) {
		c->oom = true;
		return -1;
	}
	c->tables[c->ntables].first = 0;
	c->tables[c->ntables].count = 0;
	return (int)c->ntables++;
}

static bool lay_table(struct lctx *c, const struct doc_node *t,
		      const struct area *a, struct strips *out)
{
	int ncols = table_columns(t);
	if (ncols <= 0)
		return true;
	double *x = calloc((size_t)ncols, sizeof(*x));
	double *w = calloc((size_t)ncols, sizeof(*w));
	const struct doc_node **cells = calloc((size_t)ncols, sizeof(*cells));
	int tid = new_table(c);
	bool ok = x != NULL && w != NULL && cells != NULL && tid >= 0;
	if (!ok)
		c->oom = true;

	double sum = 0;
	for (int i = 0; ok && t->widths != NULL && i < ncols; i++)
		sum += t->widths[i] > 0 ? t->widths[i] : 0;
	for (int i = 0; ok && i < ncols; i++) {
		double f = t->widths != NULL && sum > 0
			       ? (t->widths[i] > 0 ? t->widths[i] : 0) / sum
			       : 1.0 / ncols;
		w[i] = f * a->width;
		x[i] = i == 0 ? a->x0 : x[i - 1] + w[i - 1];
	}

	size_t n0 = out->n;
	double header_h = 0;
	int row = 0;
	for (const struct doc_node *r = t->first; ok && r != NULL;
	     r = r->next, row++) {
		int k = 0;
		for (const struct doc_node *cell = r->first;
		     cell != NULL && k < ncols; cell = cell->next)
			cells[k++] = cell;
		while (k < ncols)
			cells[k++] = NULL;
		bool header = row < t->header_rows;
		struct rowspec spec = {
		    .cells = cells,
		    .x = x,
		    .w = w,
		    .n = (size_t)ncols,
		    .pad_x = 0.45 * c->st->body_size,
		    .pad_y = 0.3 * c->st->body_size,
		    .border = LAYOUT_RULE,
		    .border_width = 0.5,
		    .fill = header ? LAYOUT_SHADE : LAYOUT_NONE,
		    .ts = a->ts,
		    .cell_align = true,
		    .max_atomic = layout_body_height(c) - header_h,
		};
		if (header)
			spec.ts.force |= DOC_BOLD;
		size_t before = out->n;
		ok = lay_row(c, &spec, out);
		for (size_t i = before; ok && i < out->n; i++) {
			out->v[i].table = tid;
			if (header)
				out->v[i].flags |=
				    STRIP_HEADER | STRIP_KEEP_NEXT;
		}
		if (ok && header) {
			if (row == 0)
				c->tables[tid].first = before;
			c->tables[tid].count += out->n - before;
			header_h = layout_strips_height(
			    out, c->tables[tid].first, out->n);
		}
	}
	/* Headers alone, or too tall to repeat, are not repeated. */
	if (ok && (header_h > layout_body_height(c) / 3 ||
		   c->tables[tid].count >= out->n - n0))
		c->tables[tid].count = 0;
	if (ok)
		space_before(out, n0, SPACE_TABLE * layout_body_line(c));
	free(x);
	free(w);
	free(cells);
	return ok;
}

static bool lay_frame(struct lctx *c, const struct doc_node *n,
		      const struct area *a, struct strips *out)
{
	const struct doc_node *cells[] = {n};
	double x[] = {a->x0}, w[] = {a->width};
	struct rowspec spec = {
	    .cells = cells,
	    .x = x,
	    .w = w,
	    .n = 1,
	    .pad_x = 0.8 * c->st->body_size,
	    .pad_y = 0.6 * c->st->body_size,
	    .border = LAYOUT_RULE,
	    .border_width = 0.7,
	    .fill = LAYOUT_TINT,
	    .ts = a->ts,
	    .max_atomic = layout_body_height(c),
	};
	size_t n0 = out->n;
	if (!lay_row(c, &spec, out))
		return false;
	space_before(out, n0, SPACE_BLOCK * layout_body_line(c));
	return true;
}

static bool lay_signature(struct lctx *c, const struct doc_node *n,
			  const struct area *a, struct strips *out)
{
	size_t k = doc_nchildren(n);
	if (k == 0)
		return true;
	const struct doc_node **cells = calloc(k, sizeof(*cells));
	double *x = calloc(k, sizeof(*x)), *w = calloc(k, sizeof(*w));
	bool ok = cells != NULL && x != NULL && w != NULL;
	if (!ok)
		c->oom = true;
	double gap = 1.5 * c->st->body_size;
	double each = (a->width - gap * (double)(k - 1)) / (double)k;
	size_t i = 0;
	for (const struct doc_node *s = n->first; ok && s != NULL;
	     s = s->next, i++) {
		cells[i] = s;
		x[i] = a->x0 + (double)i * (each + gap);
		w[i] = each;
	}
	if (ok) {
		struct rowspec spec = {
		    .cells = cells,
		    .x = x,
		    .w = w,
		    .n = k,
		    .pad_x = 0.6 * c->st->body_size,
		    .pad_y = 0.5 * c->st->body_size,
		    .border = LAYOUT_RULE,
		    .border_width = 0.5,
		    .fill = LAYOUT_NONE,
		    .ts = a->ts,
		    /* Room to sign by hand under the labels. */
		    .min_content = 34 * MM,
		    .max_atomic = layout_body_height(c),
		};
		size_t n0 = out->n;
		ok = lay_row(c, &spec, out);
		if (ok)
			space_before(out, n0, 1.2 * layout_body_line(c));
	}
	free(cells);
	free(x);
	free(w);
	return ok;
}

static bool lay_letterbox(struct lctx *c, const struct doc_node *n,
			  const struct area *a, struct strips *out)
{
	struct area inner = *a;
	double right = a->x0 + a->width;
	size_t n0 = out->n;

	switch (n->box) {
	case DOC_BOX_SENDER:
		inner.width = a->width / 2;
		break;
	case DOC_BOX_RECIPIENT: {
		if (a->flat) /* in a cell: no window to aim at */
			break;
		inner.x0 = RECIPIENT_X > a->x0 ? RECIPIENT_X : a->x0;
		inner.width = right - inner.x0;
		inner.flat = true;
		struct strips tmp = {0};
		bool ok = lay_blocks(c, n->first, &inner, &tmp);
		struct strip *s = ok ? layout_strips_add(c, out) : NULL;
		ok = s != NULL && flatten_into(c, &tmp, 0, s, 0);
		if (ok) {
			s->height = layout_strips_height(&tmp, 0, tmp.n);
			s->flags |= STRIP_ABSOLUTE;
			s->abs_y = RECIPIENT_TOP;
		}
		layout_strips_free(&tmp);
		return ok;
	}
	case DOC_BOX_DATELINE:
		inner.ts.align = DOC_RIGHT;
		break;
	case DOC_BOX_DELIVERY:
		break;
	case DOC_BOX_OBJECT:
		inner.ts.force |= DOC_BOLD;
		break;
	case DOC_BOX_SIGNATORY:
		inner.x0 = a->x0 + a->width / 2;
		inner.width = a->width / 2;
		break;
	}
	if (!lay_blocks(c, n->first, &inner, out))
		return false;
	if (n->box != DOC_BOX_SENDER)
		space_before(out, n0, 1.2 * layout_body_line(c));
	return true;
}

static bool lay_ruled(struct lctx *c, const struct doc_node *n,
		      const struct area *a, struct strips *out)
{
	int count = n->count < 0 ? 0 : n->count > 500 ? 500 : n->count;
	for (int i = 0; i < count; i++) {
		struct strip *s = layout_strips_add(c, out);
		if (s == NULL)
			return false;
		s->height = 8 * MM;
		s->space_before = i == 0 ? 0.2 * layout_body_line(c) : 0;
		if (layout_add_line(c, &s->items, a->x0, s->height - 1.5,
				    a->x0 + a->width, s->height - 1.5,
				    LAYOUT_LIGHT, 0.5) == NULL)
			return false;
	}
	return true;
}

/* The dashed cut line, its label (the node's text) in a gap at the
 * middle; without a label, one line across. */
static bool lay_cutline(struct lctx *c, const struct doc_node *n,
			const struct area *a, struct strips *out)
{
	struct strip *s = layout_strips_add(c, out);
	if (s == NULL)
		return false;
	double size = 0.8 * c->st->body_size;
	s->height = 2 * layout_body_line(c);
	s->space_before = SPACE_BLOCK * layout_body_line(c);
	double mid = s->height / 2;
	double x0 = a->x0 + a->width / 2, x1 = x0; /* the label's gap */
	if (n->text != NULL && n->text[0] != '\0') {
		struct layout_item *t =
		    layout_add_text(c, &s->items, 0, mid + 0.3 * size, n->text,
				    LAYOUT_ITALIC, size, LAYOUT_MUTED);
		if (t == NULL)
			return false;
		t->x = a->x0 + (a->width - t->w) / 2;
		x0 = t->x - 0.6 * size;
		x1 = t->x + t->w + 0.6 * size;
	}
	struct layout_item *l1 = layout_add_line(c, &s->items, a->x0, mid, x0,
						 mid, LAYOUT_MUTED, 0.6);
	struct layout_item *l2 = layout_add_line(
	    c, &s->items, x1, mid, a->x0 + a->width, mid, LAYOUT_MUTED, 0.6);
	if (l1 == NULL || l2 == NULL)
		return false;
	l1->dashed = l2->dashed = true;
	return true;
}

static bool lay_block(struct lctx *c, const struct doc_node *n,
		      const struct area *a, struct strips *out)
{
	size_t n0 = out->n;
	struct strip *s;

	switch (n->type) {
	case DOC_ROOT:
	case DOC_SECTION:
		if (!lay_blocks(c, n->first, a, out))
			return false;
		if (n->keep_together && out->n > n0 + 1 &&
		    out->v[n0].group_end < out->n)
			out->v[n0].group_end = out->n;
		return true;
	case DOC_HEADING:
		return lay_heading(c, n, a, out);
	case DOC_PARAGRAPH:
		return lay_paragraph(c, n, a, out);
	case DOC_TEXT:
	case DOC_LINEBREAK:
	case DOC_CHECKBOX:
		return true; /* gathered by lay_blocks() */
	case DOC_LIST:
		return lay_list(c, n, a, out);
	case DOC_ITEM:
	case DOC_SIGNER:
	case DOC_CELL:
	case DOC_ROW:
		/* Out of place: lay out what it holds. */
		return lay_blocks(c, n->first, a, out);
	case DOC_TABLE:
		return lay_table(c, n, a, out);
	case DOC_RULED:
		return lay_ruled(c, n, a, out);
	case DOC_SIGNATURE:
		return lay_signature(c, n, a, out);
	case DOC_LETTERBOX:
		return lay_letterbox(c, n, a, out);
	case DOC_FRAME:
		return lay_frame(c, n, a, out);
	case DOC_CUTLINE:
		return lay_cutline(c, n, a, out);
	case DOC_PAGEBREAK:
		if (a->flat)
			return true;
		s = layout_strips_add(c, out);
		if (s != NULL)
			s->flags |= STRIP_BREAK;
		return s != NULL;
	case DOC_SPACE:
		s = layout_strips_add(c, out);
		if (s == NULL)
			return false;
		s->height =
		    (n->count > 0 ? n->count : 0) * layout_body_line(c) / 2;
		s->flags |= STRIP_DISCARD;
		return true;
	case DOC_TIMELINE:
		if (n->timeline == NULL)
			return true;
		if (!layout_timeline(c, n->timeline, a->x0, a->width, out))
			return false;
		space_before(out, n0, SPACE_BLOCK * layout_body_line(c));
		return true;
	}
	return true;
}

static bool lay_blocks(struct lctx *c, const struct doc_node *first,
		       const struct area *a, struct strips *out)
{
	const struct doc_node *n = first;
	while (n != NULL) {
		if (is_inline(n)) {
			/* Loose inline nodes make an implicit paragraph. */
			const struct doc_node *end = n;
			while (end != NULL && is_inline(end))
				end = end->next;
			if (!lay_inline(c, n, end, &a->ts, a, out))
				return false;
			n = end;
			continue;
		}
		if (!lay_block(c, n, a, out))
			return false;
		n = n->next;
	}
	return !c->oom;
}

bool layout_blocks(struct lctx *c, const struct doc_node *root,
		   struct strips *out)
{
	const struct layout_style *st = c->st;
	struct area a = {
	    .x0 = st->margin_left,
	    .width = st->page_w - st->margin_left - st->margin_right,
	    .ts = {.size = st->body_size,
		   .color = LAYOUT_INK,
		   .align = DOC_LEFT},
	};
	return lay_blocks(c, root->first, &a, out);
}
