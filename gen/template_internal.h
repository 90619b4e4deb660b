/*
 * The compiled form of a template, shared by its loader (template.c)
 * and its expander (template_expand.c).  For template*.c only.
 */
#ifndef PARCOURS_TEMPLATE_INTERNAL_H
#define PARCOURS_TEMPLATE_INTERNAL_H

#include "arena.h"
#include "template.h"

enum tpl_op {
	/* document metadata: content flattened to plain text */
	TPL_TITLE,
	TPL_SUBJECT,
	TPL_KEYWORDS,
	TPL_BANNER, /* a mark on every page: "Projection au …" */
	/* blocks */
	TPL_HEADING,
	TPL_P,
	TPL_SECTION,
	TPL_FRAME,
	TPL_LIST,
	TPL_ITEM,
	TPL_TABLE,
	TPL_ROW,
	TPL_CELL,
	TPL_BLANK_ROWS,
	TPL_RULED,
	TPL_TEXTFIELD, /* <text field="report.skills"/> */
	TPL_SIGNATURE,
	TPL_SIGNER,
	TPL_LETTERBOX,
	TPL_CUTLINE,
	TPL_PAGEBREAK,
	TPL_SPACE,
	TPL_TIMELINE,
	/* inline */
	TPL_TEXT,
	TPL_BOLD,
	TPL_ITALIC,
	TPL_SMALL,
	TPL_BR,
	TPL_FIELD,
	TPL_CHECKBOX,
	TPL_AGREE,
	/* control */
	TPL_IF,
	TPL_FOR,
};

/*
 * A condition: terms joined by "and" and "or", "and" binding tighter.
 * A term is a field (true if true or present) or a list (non-empty).
 */
struct tpl_term {
	bool negate;
	bool starts_or; /* an "or" comes before it: a new conjunction */
	const struct fields_field *field;
	const struct fields_list *list;
};

struct tpl_test {
	struct tpl_term *terms;
	size_t nterms;
};

struct tpl_node {
	enum tpl_op op;
	long line;
	struct tpl_node *first, *next; /* children, siblings */

	const char *text;   /* TEXT: whitespace already collapsed; AGREE: m;
			       CUTLINE: its label */
	const char *text_f; /* AGREE: f */
	const char *text_n; /* AGREE: n, or NULL */
	const char *empty;  /* FIELD, TEXTFIELD: shown when absent; or NULL */
	const struct fields_field *field; /* FIELD, TEXTFIELD, CHECKBOX */
	int format;			  /* FIELD */
	const struct fields_list *list;	  /* FOR */
	struct tpl_test *test;		  /* IF, CHECKBOX */
	struct tpl_node *otherwise;	  /* IF: the <else> children */

	int level;	 /* HEADING */
	int count;	 /* RULED, TEXTFIELD blank lines, SPACE, BLANK_ROWS */
	int ncols;	 /* TABLE, BLANK_ROWS */
	int header_rows; /* TABLE */
	double *widths;	 /* TABLE: fractions summing to 1 */
	enum doc_align align; /* P, CELL */
	bool ordered;	      /* LIST */
	bool keep_together;   /* SECTION, FRAME */
	enum doc_box box;     /* LETTERBOX */
};

struct template
{
	char *path;
	enum fields_ctx ctx;
	struct tpl_node *first; /* <document>'s children */
	struct arena *arena;	/* every node and string */
};

#endif
