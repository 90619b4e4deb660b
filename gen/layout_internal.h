/*
 * Shared insides of the layout: strips (the unbreakable horizontal
 * slices that pagination moves around) and the context that builds them.
 * For the layout*.c files only.
 */
#ifndef PARCOURS_LAYOUT_INTERNAL_H
#define PARCOURS_LAYOUT_INTERNAL_H

#include "layout.h"

struct items {
	struct layout_item *v;
	size_t n, cap;
};

/* Strip flags. */
enum {
	STRIP_KEEP_NEXT = 1 << 0, /* on the same page as the next strip */
	STRIP_BREAK = 1 << 1,	  /* a page break: no items, no height */
	STRIP_DISCARD = 1 << 2,	  /* blank space dropped at a page top */
	STRIP_ABSOLUTE = 1 << 3,  /* placed at abs_y from the page top */
	STRIP_HEADER = 1 << 4,	  /* a header row of its table */
};

/*
 * A slice of the page that pagination never splits.  Items have their y
 * relative to the strip's top.
 */
struct strip {
	double height;
	double space_before; /* dropped at the top of a page */
	double baseline;     /* first text baseline from the top, or 0 */
	unsigned flags;
	double abs_y;	  /* STRIP_ABSOLUTE */
	size_t group_end; /* > own index: keep [own, group_end) together */
	int table;	  /* index into ctx tables, or -1 */
	int box;	  /* a box split over strips (row bands), or 0 */
	double box_x0, box_x1;
	struct items items;
};

struct strips {
	struct strip *v;
	size_t n, cap;
};

/* Header strips of a table, for repeating them after a page break. */
struct table_info {
	size_t first, count;
};

/* Inline text style inherited down the tree. */
struct tstyle {
	double size;
	enum layout_color color;
	unsigned force; /* DOC_BOLD / DOC_ITALIC added to every run */
	enum doc_align align;
};

struct lctx {
	const struct layout_style *st;
	const struct layout_metrics *m;
	struct arena *arena; /* generated strings ("1.", "page 2 / 3") */
	bool oom;
	int next_box;
	struct table_info *tables;
	size_t ntables, tables_cap;
};

/* The result: pages of items. */
struct layout {
	struct layout_page *pages;
	size_t npages, cap;
	struct items *page_items; /* parallel to pages, owns their items */
	struct arena *arena;
};

/*
 * layout_items.c, what every pass shares (it calls none of them).
 * Vectors: on OOM they set ctx->oom and return NULL (false).
 */
struct layout_item *layout_items_add(struct lctx *, struct items *);
void layout_items_free(struct items *);
/* Appends copies of from's items to to, moved by (dx, dy). */
bool layout_items_copy(struct lctx *, struct items *to,
		       const struct items *from, double dx, double dy);
struct strip *layout_strips_add(struct lctx *, struct strips *);
void layout_strips_free(struct strips *);

/* Items appended to v; NULL on OOM.  Colours NONE mean no stroke/fill. */
struct layout_item *layout_add_line(struct lctx *, struct items *v, double x0,
				    double y0, double x1, double y1,
				    enum layout_color color, double width);
struct layout_item *layout_add_rect(struct lctx *, struct items *v, double x,
				    double y, double w, double h,
				    enum layout_color stroke,
				    enum layout_color fill, double width);
/* A text run of NUL-terminated s at baseline (x, y); w is measured. */
struct layout_item *layout_add_text(struct lctx *, struct items *v, double x,
				    double y, const char *s,
				    enum layout_face face, double size,
				    enum layout_color color);

/* Width in points of s[0..len) in face at size. */
double layout_text_width(const struct lctx *, enum layout_face, double size,
			 const char *s, size_t len);
/* The face for DOC_BOLD / DOC_ITALIC flags. */
enum layout_face layout_face_of(unsigned flags);
/* Line height of text of the given size. */
double layout_line_height(const struct lctx *, double size);
/* Body line height: the unit of vertical spacing. */
double layout_body_line(const struct lctx *);
/* Height of the page's body, between the margins. */
double layout_body_height(const struct lctx *);
/* Total height of strips [from, to), spaces included except the first. */
double layout_strips_height(const struct strips *, size_t from, size_t to);

/* Lays out the root's blocks into strips (layout_block.c). */
bool layout_blocks(struct lctx *, const struct doc_node *root,
		   struct strips *out);
/* Fills L's pages with the strips, then the footers (layout_page.c). */
bool layout_paginate(struct lctx *, struct layout *L, const struct strips *,
		     const struct doc_meta *);

/*
 * Breaks the inline nodes [first, end) into lines of at most width
 * points starting at x0, one strip per line appended to out.  A word too
 * long for a line is broken between characters.  false on OOM.
 */
bool layout_text(struct lctx *, const struct doc_node *first,
		 const struct doc_node *end, const struct tstyle *, double x0,
		 double width, struct strips *out);

/*
 * Draws a timeline into one strip of the given width at x0, appended to
 * out.  false on OOM.
 */
bool layout_timeline(struct lctx *, const struct doc_timeline *, double x0,
		     double width, struct strips *out);

#endif
