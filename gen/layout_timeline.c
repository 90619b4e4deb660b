/*
 * The timeline drawing of the état des lieux: a horizontal time axis
 * over the period with year ticks, one row each for due dates,
 * interviews, trainings and absences, and a legend of the marks used.
 * Part of the layout (layout_internal.h): it only makes items.
 */
#include <stdio.h>
#include <string.h>

#include "layout_internal.h"

#define ROW_H	  15.0
#define LABEL_W	  64.0
#define MARK_SIZE 7.0
#define SPAN_H	  7.0
#define NKINDS	  (DOC_MARK_TODAY + 1)

enum row { ROW_DUE, ROW_INTERVIEW, ROW_TRAINING, ROW_ABSENCE, NROWS };

static const char *const row_labels[NROWS] = {
    "Échéances",
    "Entretiens",
    "Formations",
    "Absences",
};

struct mark_style {
	enum row row;
	bool span;
	enum layout_shape shape;
	enum layout_color stroke, fill;
	const char *legend;
};

#define POINT(r, sh, st, fi, text)                                             \
	{                                                                      \
		.row = r, .span = false, .shape = sh, .stroke = st,            \
		.fill = fi, .legend = text                                     \
	}
#define SPAN(r, st, fi, text)                                                  \
	{                                                                      \
		.row = r, .span = true, .shape = LAYOUT_SQUARE, .stroke = st,  \
		.fill = fi, .legend = text                                     \
	}

/* How each kind of mark is drawn, and its legend. */
static const struct mark_style styles[NKINDS] = {
    [DOC_MARK_DUE_ON_TIME] = POINT(ROW_DUE, LAYOUT_DIAMOND, LAYOUT_GREEN,
				   LAYOUT_GREEN, "échéance respectée"),
    [DOC_MARK_DUE_LATE] =
	POINT(ROW_DUE, LAYOUT_DIAMOND, LAYOUT_ORANGE, LAYOUT_ORANGE,
	      "entretien tenu après l’échéance"),
    [DOC_MARK_DUE_MISSED] = POINT(ROW_DUE, LAYOUT_DIAMOND, LAYOUT_RED,
				  LAYOUT_RED, "échéance manquée"),
    [DOC_MARK_DUE_OPEN] = POINT(ROW_DUE, LAYOUT_DIAMOND, LAYOUT_MUTED,
				LAYOUT_WHITE, "entretien à réaliser"),
    [DOC_MARK_HELD] = POINT(ROW_INTERVIEW, LAYOUT_CIRCLE, LAYOUT_BLUE,
			    LAYOUT_BLUE, "entretien réalisé"),
    [DOC_MARK_REFUSED] = POINT(ROW_INTERVIEW, LAYOUT_CROSS, LAYOUT_RED,
			       LAYOUT_NONE, "entretien refusé"),
    [DOC_MARK_RECAP] = POINT(ROW_INTERVIEW, LAYOUT_SQUARE, LAYOUT_ACCENT,
			     LAYOUT_ACCENT, "état des lieux"),
    [DOC_MARK_TRAINING] = SPAN(ROW_TRAINING, LAYOUT_TEAL, LAYOUT_TEAL,
			       "formation non obligatoire"),
    [DOC_MARK_TRAINING_MANDATORY] =
	SPAN(ROW_TRAINING, LAYOUT_TEAL, LAYOUT_WHITE, "formation obligatoire"),
    [DOC_MARK_ABSENCE] =
	SPAN(ROW_ABSENCE, LAYOUT_ORANGE, LAYOUT_SAND, "absence"),
    /* Drawn as a line across the rows (draw_today), not in a row. */
    [DOC_MARK_TODAY] = POINT(ROW_DUE, LAYOUT_SQUARE, LAYOUT_RED, LAYOUT_RED,
			     "aujourd’hui (date de l’état)"),
};

struct axis {
	date_t start, end;
	double x0, x1;
};

static double axis_x(const struct axis *a, date_t d)
{
	if (d < a->start)
		d = a->start;
	if (d > a->end)
		d = a->end;
	double span = a->end > a->start ? (double)(a->end - a->start) : 1;
	return a->x0 + (a->x1 - a->x0) * (double)(d - a->start) / span;
}

static struct layout_item *add_mark(struct lctx *c, struct items *v, double x,
				    double y, double size,
				    const struct mark_style *ms)
{
	struct layout_item *it = layout_items_add(c, v);
	if (it != NULL) {
		it->kind = LAYOUT_MARK;
		it->x = x;
		it->y = y;
		it->w = it->h = size;
		it->shape = ms->shape;
		it->color = ms->stroke;
		it->fill = ms->fill;
		it->width = ms->shape == LAYOUT_CROSS ? 1.4 : 0.7;
	}
	return it;
}

static bool draw_axis(struct lctx *c, struct items *v, const struct axis *a,
		      double rows_top, double axis_y, double right, double size)
{
	int y0, y1, m, d;
	date_to_ymd(a->start, &y0, &m, &d);
	date_to_ymd(a->end, &y1, &m, &d);
	if (layout_add_line(c, v, a->x0, axis_y, a->x1, axis_y, LAYOUT_INK,
			    0.8) == NULL)
		return false;
	/* The period's bounds, then 1 January of each year inside it. */
	double bounds[] = {a->x0, a->x1};
	for (int i = 0; i < 2; i++)
		if (layout_add_line(c, v, bounds[i], rows_top, bounds[i],
				    axis_y + 3, LAYOUT_RULE, 0.6) == NULL)
			return false;
	double last_right = -1e9;
	for (int y = y0; y <= y1 + 1; y++) {
		date_t jan1 = date_from_ymd(y, 1, 1);
		if (jan1 == DATE_NONE || jan1 < a->start || jan1 > a->end)
			continue;
		double x = axis_x(a, jan1);
		if (layout_add_line(c, v, x, rows_top, x, axis_y, LAYOUT_LIGHT,
				    0.4) == NULL ||
		    layout_add_line(c, v, x, axis_y, x, axis_y + 3.5,
				    LAYOUT_INK, 0.8) == NULL)
			return false;
		char year[8];
		snprintf(year, sizeof(year), "%d", y);
		const char *label = arena_strdup(c->arena, year);
		if (label == NULL) {
			c->oom = true;
			return false;
		}
		struct layout_item *t =
		    layout_add_text(c, v, x, axis_y + 4 + size, label,
				    LAYOUT_REGULAR, size, LAYOUT_INK);
		if (t == NULL)
			return false;
		t->x = x - t->w / 2;
		if (t->x + t->w > right)
			t->x = right - t->w;
		/* Years too close for their labels: keep the first. */
		if (t->x < last_right + 2) {
			v->n--;
			continue;
		}
		last_right = t->x + t->w;
	}
	return true;
}

/* What the absence row already holds, so that labels never overlap. */
#define MAX_TAKEN 64
struct taken {
	double x0[MAX_TAKEN], x1[MAX_TAKEN];
	size_t n;
};

static bool is_free(const struct taken *t, double x0, double x1, size_t skip)
{
	for (size_t i = 0; i < t->n; i++)
		if (i != skip && x0 < t->x1[i] + 2 && x1 > t->x0[i] - 2)
			return false;
	return true;
}

static void take(struct taken *t, double x0, double x1)
{
	if (t->n < MAX_TAKEN) {
		t->x0[t->n] = x0;
		t->x1[t->n++] = x1;
	}
}

/*
 * An absence span says what it is: inside the bar when it fits, else just
 * after or before it where nothing else is drawn; else it stays unnamed
 * (the table of the recap names it).  own is the span's index in *t.
 */
static bool label_span(struct lctx *c, struct items *v, const struct axis *a,
		       const struct doc_mark_item *it, double xa, double xb,
		       double cy, struct taken *t, size_t own)
{
	double size = 0.8 * c->st->body_size;
	const char *s = it->label != NULL ? it->label : "";
	double w = layout_text_width(c, LAYOUT_REGULAR, size, s, strlen(s));
	double x;
	if (*s == '\0')
		return true;
	if (w + 4 <= xb - xa)
		x = xa + 2;
	else if (xb + 2 + w <= a->x1 && is_free(t, xb + 2, xb + 2 + w, own))
		x = xb + 2;
	else if (xa - 2 - w >= a->x0 && is_free(t, xa - 2 - w, xa - 2, own))
		x = xa - 2 - w;
	else
		return true;
	take(t, x, x + w);
	return layout_add_text(c, v, x, cy + 0.33 * size, s, LAYOUT_REGULAR,
			       size, LAYOUT_INK) != NULL;
}

/* The period's start and end dates above the rows, at the bounds. */
static bool label_bounds(struct lctx *c, struct items *v, const struct axis *a,
			 const struct doc_timeline *t, double y, double size)
{
	const char *l[2] = {t->start_label, t->end_label};
	for (int i = 0; i < 2; i++) {
		if (l[i] == NULL || *l[i] == '\0')
			continue;
		double w = layout_text_width(c, LAYOUT_REGULAR, size, l[i],
					     strlen(l[i]));
		double x = i == 0 ? a->x0 : a->x1 - w;
		if (layout_add_text(c, v, x, y, l[i], LAYOUT_REGULAR, size,
				    LAYOUT_MUTED) == NULL)
			return false;
	}
	return true;
}

static bool draw_items(struct lctx *c, struct items *v, const struct axis *a,
		       const struct doc_timeline *t, double rows_top,
		       bool used[NKINDS])
{
	/* Every absence bar first, so that no label is drawn over one. */
	struct taken spans = {.n = 0};
	for (size_t i = 0; i < t->nitems; i++)
		if (t->items[i].kind == DOC_MARK_ABSENCE)
			take(&spans, axis_x(a, t->items[i].start),
			     axis_x(a, t->items[i].end));
	size_t nabs = 0;
	/* Spans first, so that points stay visible over them. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < t->nitems; i++) {
			const struct doc_mark_item *it = &t->items[i];
			if ((unsigned)it->kind >= NKINDS)
				continue;
			const struct mark_style *ms = &styles[it->kind];
			if (ms->span != (pass == 0))
				continue;
			used[it->kind] = true;
			if (it->kind == DOC_MARK_TODAY) {
				double x = axis_x(a, it->start);
				if (layout_add_line(c, v, x, rows_top - 2, x,
						    rows_top + NROWS * ROW_H +
							2,
						    LAYOUT_RED, 1.2) == NULL)
					return false;
				continue;
			}
			double cy = rows_top + ROW_H * (ms->row + 0.5);
			double xa = axis_x(a, it->start);
			if (!ms->span) {
				if (add_mark(c, v, xa, cy, MARK_SIZE, ms) ==
				    NULL)
					return false;
				continue;
			}
			double xb = axis_x(a, it->end < it->start ? it->start
								  : it->end);
			if (xb - xa < 2) /* a one-day training stays visible */
				xb = xa + 2 <= a->x1 ? xa + 2 : a->x1;
			if (xb - xa < 2)
				xa = xb - 2;
			if (layout_add_rect(c, v, xa, cy - SPAN_H / 2, xb - xa,
					    SPAN_H, ms->stroke, ms->fill,
					    0.6) == NULL)
				return false;
			if (it->kind == DOC_MARK_ABSENCE &&
			    !label_span(c, v, a, it, xa, xb, cy, &spans,
					nabs++))
				return false;
		}
	}
	return true;
}

/* The legend: used marks, flowing over as many lines as needed. */
static bool draw_legend(struct lctx *c, struct items *v, double x0,
			double width, double top, double size,
			const bool used[NKINDS], double *height)
{
	double line = size * 1.9, x = x0, y = top;
	bool any = false;
	for (int k = 0; k < NKINDS; k++) {
		if (!used[k])
			continue;
		const struct mark_style *ms = &styles[k];
		double tw = layout_text_width(c, LAYOUT_REGULAR, size,
					      ms->legend, strlen(ms->legend));
		double sw = ms->span ? MARK_SIZE + 3 : MARK_SIZE;
		double ew = sw + 4 + tw;
		if (x > x0 && x + ew > x0 + width) {
			x = x0;
			y += line;
		}
		double cy = y + line / 2;
		if (k == DOC_MARK_TODAY) {
			if (layout_add_line(c, v, x + sw / 2,
					    cy - SPAN_H / 2 - 1, x + sw / 2,
					    cy + SPAN_H / 2 + 1, LAYOUT_RED,
					    1.2) == NULL)
				return false;
		} else if (ms->span) {
			if (layout_add_rect(c, v, x, cy - SPAN_H / 2, sw,
					    SPAN_H, ms->stroke, ms->fill,
					    0.6) == NULL)
				return false;
		} else if (add_mark(c, v, x + sw / 2, cy, MARK_SIZE, ms) ==
			   NULL) {
			return false;
		}
		double tx = x + sw + 4;
		if (layout_add_text(c, v, tx, cy + 0.33 * size, ms->legend,
				    LAYOUT_REGULAR, size, LAYOUT_INK) == NULL)
			return false;
		x = tx + tw + 12;
		any = true;
	}
	*height = any ? y + line - top : 0;
	return true;
}

bool layout_timeline(struct lctx *c, const struct doc_timeline *t, double x0,
		     double width, struct strips *out)
{
	struct strip *s = layout_strips_add(c, out);
	if (s == NULL)
		return false;
	double size = 0.8 * c->st->body_size; /* notes: 8 pt at least */
	double right = x0 + width;
	struct axis a = {
	    .start = t->start,
	    .end = t->end > t->start ? t->end : t->start + 1,
	    .x0 = x0 + LABEL_W,
	    .x1 = right - 14,
	};
	bool bounds = t->start_label != NULL || t->end_label != NULL;
	double rows_top = bounds ? 6 + 1.4 * size : 4;
	double axis_y = rows_top + NROWS * ROW_H + 2;
	bool used[NKINDS] = {false};

	for (int r = 0; r < NROWS; r++) {
		double cy = rows_top + ROW_H * (r + 0.5);
		if (r % 2 == 0 &&
		    layout_add_rect(c, &s->items, a.x0, rows_top + ROW_H * r,
				    a.x1 - a.x0, ROW_H, LAYOUT_NONE,
				    LAYOUT_TINT, 0) == NULL)
			return false;
		if (layout_add_text(c, &s->items, x0, cy + 0.33 * size,
				    row_labels[r], LAYOUT_REGULAR, size,
				    LAYOUT_MUTED) == NULL)
			return false;
	}
	double legend_h;
	if ((bounds &&
	     !label_bounds(c, &s->items, &a, t, rows_top - 3, size)) ||
	    !draw_axis(c, &s->items, &a, rows_top, axis_y, right, size) ||
	    !draw_items(c, &s->items, &a, t, rows_top, used) ||
	    !draw_legend(c, &s->items, x0, width, axis_y + 6 + 2.2 * size, size,
			 used, &legend_h))
		return false;
	s->height = axis_y + 6 + 2.2 * size + legend_h + 4;
	return true;
}
