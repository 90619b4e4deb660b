/*
 * The document tree: what the templates build and what every backend
 * (pdf.c, odt.c, and the tree dump doc_dump() below) walks.  Everything
 * a reader sees is already formatted here (dates in words, amounts,
 * names), so backends only lay out.  Nodes and strings live in the
 * document's arena.
 *
 * Adding a node type: add it here, and every backend's switch (which has
 * no default:) will point at the code to write.
 */
#ifndef PARCOURS_DOC_H
#define PARCOURS_DOC_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "date.h"

enum doc_type {
	DOC_ROOT,      /* the document; children are blocks */
	DOC_SECTION,   /* groups blocks; keep_together asks for no split */
	DOC_HEADING,   /* level 1..3; inline children */
	DOC_PARAGRAPH, /* inline children */
	DOC_TEXT,      /* inline: a run of text with style flags */
	DOC_LINEBREAK, /* inline: forced line break */
	DOC_CHECKBOX,  /* inline: ☐ or ☒ */
	DOC_LIST,      /* children DOC_ITEM; ordered or bulleted */
	DOC_ITEM,      /* block children */
	DOC_TABLE,     /* children DOC_ROW; ncols, widths, header_rows */
	DOC_ROW,       /* children DOC_CELL */
	DOC_CELL,      /* block children */
	DOC_RULED,     /* count ruled lines for handwriting */
	DOC_SIGNATURE, /* children DOC_SIGNER side by side */
	DOC_SIGNER,    /* block children: label, name, "Date", "Signature" */
	DOC_LETTERBOX, /* a placed letter block: see enum doc_box */
	DOC_FRAME,     /* a framed box (verdicts, receipts); block children */
	DOC_CUTLINE,   /* a dashed line before a reply slip; text: its label */
	DOC_PAGEBREAK, /* the next block starts a new page */
	DOC_SPACE,     /* vertical space of `count` half-lines */
	DOC_TIMELINE,  /* a drawing: see struct doc_timeline */
};

/* Inline style flags of DOC_TEXT. */
enum {
	DOC_BOLD = 1 << 0,
	DOC_ITALIC = 1 << 1,
	DOC_SMALL = 1 << 2,
	DOC_SUPER = 1 << 3, /* superscript: the "er" of "1er" */
};

enum doc_align { DOC_LEFT, DOC_JUSTIFY, DOC_CENTER, DOC_RIGHT };

/*
 * Letter blocks (documents.md §4).  Backends place them: RECIPIENT in the
 * window of a DL/C5 window envelope (right, about 45 mm from the top),
 * SENDER top left, the others in the flow.
 */
enum doc_box {
	DOC_BOX_SENDER,
	DOC_BOX_RECIPIENT,
	DOC_BOX_DATELINE, /* "Orléans, le 6 décembre 2021", right-aligned */
	DOC_BOX_DELIVERY, /* "Lettre remise en main propre contre décharge" */
	DOC_BOX_OBJECT,	  /* "Objet : …", bold */
	DOC_BOX_SIGNATORY /* name and title, right half */
};

enum doc_mark {
	DOC_MARK_DUE_ON_TIME,
	DOC_MARK_DUE_LATE,
	DOC_MARK_DUE_MISSED,
	DOC_MARK_DUE_OPEN,
	DOC_MARK_HELD,	   /* an interview held */
	DOC_MARK_REFUSED,  /* a refused convocation */
	DOC_MARK_TRAINING, /* non-mandatory training (span) */
	DOC_MARK_TRAINING_MANDATORY,
	DOC_MARK_ABSENCE, /* span */
	DOC_MARK_RECAP,	  /* the recap interview */
	DOC_MARK_TODAY,	  /* as-of, on a provisional period */
};

struct doc_mark_item {
	enum doc_mark kind;
	date_t start;
	date_t end; /* = start for points */
	const char *label;
};

/* A horizontal time axis over [start, end] with year ticks and marks. */
struct doc_timeline {
	date_t start, end;
	const char *start_label, *end_label; /* "début : 4 septembre 2017" */
	struct doc_mark_item *items;
	size_t nitems;
};

struct doc_node {
	enum doc_type type;
	struct doc_node *parent, *first, *last, *next;
	long line; /* template line that made it, 0 if none */

	const char *text;     /* DOC_TEXT; DOC_CUTLINE: its label, or NULL */
	unsigned flags;	      /* DOC_TEXT: DOC_BOLD | ... */
	int level;	      /* DOC_HEADING 1..3 */
	enum doc_align align; /* DOC_PARAGRAPH, DOC_CELL */
	bool ordered;	      /* DOC_LIST */
	bool checked;	      /* DOC_CHECKBOX */
	bool keep_together;   /* DOC_SECTION, DOC_FRAME */
	int count;	      /* DOC_RULED lines, DOC_SPACE half-lines */
	enum doc_box box;     /* DOC_LETTERBOX */
	int ncols;	      /* DOC_TABLE */
	double *widths;	      /* DOC_TABLE: ncols fractions summing to 1 */
	int header_rows;      /* DOC_TABLE: repeated on each page */
	struct doc_timeline *timeline; /* DOC_TIMELINE */
};

/* Document-wide facts: metadata and the footer on every page. */
struct doc_meta {
	const char *title;   /* "Compte rendu d'entretien professionnel" */
	const char *subject; /* e.g. "Entretien du 8 janvier 2024" */
	const char *author;  /* the company */
	const char *keywords;
	/* Printed at the top of every page when not NULL or empty: the
	 * projection mark of a provisional recap. */
	const char *banner;
	/* A signed document: pages before the last carry an initials box
	 * (« Paraphes »); set when the tree holds a DOC_SIGNATURE. */
	bool initials;
	const char *footer_name; /* "Mme Aïcha BENALI" */
	date_t reference_date;	 /* PDF/ODT dates, for reproducibility */
	/* Where the data came from (the dossier file), for diagnostics
	 * about the document as a whole; NULL if none. */
	const char *origin;
	long origin_line; /* the dossier's line in origin; 0 if none */
};

struct doc {
	struct doc_node *root;
	struct doc_meta meta;
	struct arena *arena;
};

/*
 * The words at the left of every page's footer, as three strings, never
 * NULL: the title, a dash when there are both a title and a name, the
 * name.  One place, so that the PDF and ODT footers say the same.
 */
void doc_footer_parts(const struct doc_meta *, const char *parts[3]);
/* At its right, the page count: "page 2 / 3" (no XML-special byte). */
#define DOC_PAGE_BEFORE	 "page "
#define DOC_PAGE_BETWEEN " / "

/* NULL when out of memory. */
struct doc *doc_new(void);
/* Frees the tree and its arena; NULL is a no-op. */
void doc_free(struct doc *);

/* Appends a new node of type to parent; NULL on OOM.  Owned by doc. */
struct doc_node *doc_add(struct doc *, struct doc_node *parent,
			 enum doc_type type);
/* Appends a DOC_TEXT run with a copy of text; NULL on OOM. */
struct doc_node *doc_add_text(struct doc *, struct doc_node *parent,
			      const char *text, unsigned flags);
/* The number of n's children. */
size_t doc_nchildren(const struct doc_node *n);
/* Copies s into the doc's arena; NULL on OOM. */
const char *doc_strdup(struct doc *, const char *s);

/* Writes the tree as indented text (--format tree), the tests' oracle. */
void doc_dump(const struct doc *, FILE *out);

#endif
