/*
 * Line breaking and pagination, written once for every paged backend:
 * turns a document tree (doc.h) into pages of positioned items — text
 * runs, rules, boxes, check boxes, marks — that a backend only has to
 * draw.  Text is measured through struct layout_metrics, so this code
 * never sees a font library and the tests measure with made-up fonts.
 * For pdf.c and the tests.
 *
 * Coordinates are points (1/72 inch) from the page's left and TOP edges.
 */
#ifndef PARCOURS_LAYOUT_H
#define PARCOURS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"

enum layout_face {
	LAYOUT_REGULAR,
	LAYOUT_BOLD,
	LAYOUT_ITALIC,
	LAYOUT_BOLD_ITALIC,
};
#define LAYOUT_NFACES 4

struct layout_metrics {
	/*
	 * Advance width of code point cp in face, in ems (points at size
	 * 1).  Only called for code points the backend has checked it can
	 * draw; U+00A0 and U+202F are non-breaking spaces.
	 */
	double (*advance)(void *ctx, enum layout_face face, uint32_t cp);
	void *ctx;
};

/* A small sober palette; the backend chooses the actual colours. */
enum layout_color {
	LAYOUT_NONE,   /* no fill / no stroke */
	LAYOUT_INK,    /* body text */
	LAYOUT_MUTED,  /* footers, captions */
	LAYOUT_RULE,   /* table and frame lines */
	LAYOUT_LIGHT,  /* ruled lines for handwriting */
	LAYOUT_SHADE,  /* table header background */
	LAYOUT_ACCENT, /* headings */
	LAYOUT_TINT,   /* frame background */
	LAYOUT_GREEN,
	LAYOUT_ORANGE,
	LAYOUT_RED,
	LAYOUT_BLUE,
	LAYOUT_TEAL,
	LAYOUT_SAND,
	LAYOUT_WHITE,
};

enum layout_kind {
	LAYOUT_TEXT,	 /* a run of text on one baseline */
	LAYOUT_LINE,	 /* a straight line */
	LAYOUT_RECT,	 /* a rectangle, stroked and/or filled */
	LAYOUT_CHECKBOX, /* ☐ or ☒, drawn */
	LAYOUT_MARK,	 /* a small shape of a drawing (timeline) */
};

enum layout_shape {
	LAYOUT_CIRCLE,
	LAYOUT_DIAMOND,
	LAYOUT_SQUARE,
	LAYOUT_CROSS,
	LAYOUT_TRIANGLE,
};

struct layout_item {
	enum layout_kind kind;
	/*
	 * TEXT: start of the baseline; LINE: first end; RECT, CHECKBOX:
	 * top-left corner; MARK: centre.
	 */
	double x, y;
	/*
	 * TEXT: advance of the run; LINE: the other end is (x + w, y + h);
	 * RECT, CHECKBOX: size; MARK: w is the size.
	 */
	double w, h;
	const char *text; /* TEXT: UTF-8, len bytes, not NUL-terminated */
	size_t len;
	enum layout_face face;	 /* TEXT */
	double size;		 /* TEXT: font size in points */
	enum layout_color color; /* text colour or stroke; NONE: no stroke */
	enum layout_color fill;	 /* RECT, MARK, CHECKBOX; NONE: no fill */
	double width;		 /* stroke width */
	bool dashed;		 /* LINE */
	bool checked;		 /* CHECKBOX */
	enum layout_shape shape; /* MARK */
};

struct layout_page {
	struct layout_item *items; /* in drawing order */
	size_t nitems;
};

/* Page geometry and type sizes. */
struct layout_style {
	double page_w, page_h;
	double margin_left, margin_right, margin_top, margin_bottom;
	double footer_y;  /* footer baseline, from the top edge */
	double body_size; /* points */
	double leading;	  /* line height as a multiple of the size */
	/* Hyphenation of justified text; NULL: between words only.  Owned
	 * by whoever set it (pdf.c). */
	const struct hyphen *hyphen;
};

/* A4 portrait, 22 mm side margins, 10 pt body text. */
void layout_style_a4(struct layout_style *);

struct layout;

/*
 * Lays out the whole document, footers with "page N / M" included.  NULL
 * when out of memory.  The result points into doc's strings: free it
 * with layout_free() before the doc.
 */
struct layout *layout_doc(const struct doc *, const struct layout_style *,
			  const struct layout_metrics *);
size_t layout_npages(const struct layout *);
/* Page i (0-based) of the layout, owned by it. */
const struct layout_page *layout_page(const struct layout *, size_t i);
/* NULL is a no-op. */
void layout_free(struct layout *);

#endif
