/*
 * content.xml of the ODT backend: one walk over the document tree with
 * one switch on the node type (see odt_internal.h).  For the ODT backend
 * only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "odt_internal.h"

/*
 * An automatic paragraph style: a named style with what this paragraph
 * changes in it.  Registered as used, written before the body.
 */
struct pvariant {
	const char *parent;
	int align;	   /* enum doc_align, or -1 for the parent's own */
	bool keep_next;	   /* inside a keep-together section */
	bool break_before; /* after a DOC_PAGEBREAK */
	size_t master;	   /* > 0: starts document `master` on MP<master> */
	int line_hmm;	   /* fixed line height in 1/100 mm, 0: none */
};

/* Where blocks are written: the paragraph style they take. */
struct ctx {
	const char *pstyle;
	int style_align; /* the alignment pstyle has */
	int left_align;	 /* what DOC_LEFT means here; -1: pstyle's own */
	bool keep;	 /* keep-together: each block keeps with the next */
	bool in_list;	 /* nested lists take the outer list's style */
	bool boxed;	 /* in a bordered frame: space keeps the border */
};

/* Fixed automatic styles, written only when used. */
enum {
	USE_CELL = 1 << 0,
	USE_CELL_HEAD = 1 << 1,
	USE_CELL_FRAME = 1 << 2,
	USE_CELL_PLAIN = 1 << 3,
	USE_ROW_KEEP = 1 << 4,
	USE_ROW_SIGN = 1 << 5,
};

struct writer {
	struct buf body;  /* the office:text contents */
	struct buf autos; /* automatic styles made on the way */
	struct pvariant *variants;
	size_t nvariants, cap;
	unsigned text_used; /* bit f: text style T<f> used */
	unsigned used;	    /* USE_* */
	size_t ntables, nshapes, nframes;
	int depth;	       /* inside a table or a frame */
	bool pending_break;    /* a DOC_PAGEBREAK waits for a block */
	size_t pending_master; /* the next block starts document k */
	bool at_space;	       /* see odt_xml_text() */
	bool oom;
	size_t last_para_end; /* offset of the last "</text:p>" or h */
	bool any_para;	      /* the current document wrote a paragraph */
	bool table_last;      /* the last block written is a table */
	/* odt_content_stream: each document's master-page variant goes
	 * straight to autos instead of the list, which would grow. */
	bool streaming;
};

static const char *const align_names[] = {
    [DOC_LEFT] = "start",
    [DOC_JUSTIFY] = "justify",
    [DOC_CENTER] = "center",
    [DOC_RIGHT] = "end",
};

static void write_node(struct writer *, const struct doc_node *,
		       const struct ctx *);
static void write_blocks(struct writer *, const struct doc_node *parent,
			 const struct ctx *);

static void put_pvariant(struct buf *out, const struct pvariant *v,
			 const char *name);

static bool is_inline(enum doc_type t)
{
	return t == DOC_TEXT || t == DOC_LINEBREAK || t == DOC_CHECKBOX;
}

/* Field by field: padding bytes are not part of a style. */
static bool same_variant(const struct pvariant *a, const struct pvariant *b)
{
	return strcmp(a->parent, b->parent) == 0 && a->align == b->align &&
	       a->keep_next == b->keep_next &&
	       a->break_before == b->break_before && a->master == b->master &&
	       a->line_hmm == b->line_hmm;
}

/*
 * The style name for a paragraph of base style parent with these
 * changes, registering an automatic style when anything changes.  Takes
 * a waiting page break or document start, outside tables and frames.
 */
static const char *para_style(struct writer *w, const char *parent, int align,
			      bool keep_next, int line_hmm, char name[16])
{
	struct pvariant v = {parent, align, keep_next, false, 0, line_hmm};
	if (w->depth == 0) {
		v.break_before = w->pending_break;
		v.master = w->pending_master;
		w->pending_break = false;
		w->pending_master = 0;
	}
	if (v.align < 0 && !v.keep_next && !v.break_before && v.master == 0 &&
	    v.line_hmm == 0)
		return parent;
	if (w->streaming && v.master > 0) {
		/* Only the first block of document k is on MP<k>. */
		snprintf(name, 16, "PM%u", (unsigned)v.master);
		put_pvariant(&w->autos, &v, name);
		return name;
	}
	size_t i;
	for (i = 0; i < w->nvariants; i++)
		if (same_variant(&w->variants[i], &v))
			break;
	if (i == w->nvariants) {
		if (!grow_array(&w->variants, &w->cap, w->nvariants, 16,
				sizeof(v))) {
			w->oom = true;
			return parent;
		}
		w->variants[w->nvariants++] = v;
	}
	snprintf(name, 16, "P%zu", i + 1);
	return name;
}

static void put_pvariant(struct buf *out, const struct pvariant *v,
			 const char *name)
{
	buf_puts(out, "<style:style style:name=\"");
	buf_puts(out, name);
	buf_puts(out,
		 "\" style:family=\"paragraph\" style:parent-style-name=\"");
	buf_puts(out, v->parent);
	buf_puts(out, "\"");
	if (v->master > 0) {
		buf_puts(out, " style:master-page-name=\"MP");
		odt_put_count(out, v->master);
		buf_puts(out, "\"");
	}
	buf_puts(out, "><style:paragraph-properties");
	if (v->align >= 0) {
		buf_puts(out, " fo:text-align=\"");
		buf_puts(out, align_names[v->align]);
		buf_puts(out, "\"");
	}
	if (v->keep_next)
		buf_puts(out, " fo:keep-with-next=\"always\"");
	if (v->break_before && v->master == 0)
		buf_puts(out, " fo:break-before=\"page\"");
	if (v->master > 0)
		buf_puts(out, " style:page-number=\"1\"");
	if (v->line_hmm > 0)
		buf_printf(out, " fo:line-height=\"%d.%02dmm\"",
			   v->line_hmm / 100, v->line_hmm % 100);
	buf_puts(out, "/></style:style>");
}

/* The effective alignment of a block of alignment a, -1 if the style's. */
static int block_align(const struct ctx *c, enum doc_align a)
{
	int eff = a == DOC_LEFT ? c->left_align : (int)a;
	return eff == c->style_align ? -1 : eff;
}

static void open_para(struct writer *w, const char *tag, const char *style)
{
	buf_puts(&w->body, "<");
	buf_puts(&w->body, tag);
	buf_puts(&w->body, " text:style-name=\"");
	buf_puts(&w->body, style);
	buf_puts(&w->body, "\"");
	w->at_space = true;
}

static void close_para(struct writer *w, const char *tag)
{
	w->last_para_end = w->body.len;
	w->any_para = true;
	if (w->depth == 0)
		w->table_last = false;
	buf_puts(&w->body, "</");
	buf_puts(&w->body, tag);
	buf_puts(&w->body, ">");
}

/* The inline children of parent; block ones give their text only. */
static void write_inlines(struct writer *w, const struct doc_node *parent,
			  const struct ctx *c)
{
	for (const struct doc_node *n = parent->first; n != NULL; n = n->next)
		if (is_inline(n->type))
			write_node(w, n, c);
		else
			write_inlines(w, n, c);
}

/* A paragraph of style ctx holding the inline run [first, end). */
static void write_implicit_para(struct writer *w, const struct doc_node *first,
				const struct doc_node *end, const struct ctx *c,
				bool keep_next)
{
	char name[16];
	const char *style = para_style(w, c->pstyle, block_align(c, DOC_LEFT),
				       keep_next, 0, name);
	open_para(w, "text:p", style);
	buf_puts(&w->body, ">");
	for (const struct doc_node *n = first; n != end; n = n->next)
		write_node(w, n, c);
	close_para(w, "text:p");
}

/*
 * The children of a block container.  Inline children written directly
 * form a paragraph of the context's style, as the template language
 * says.
 */
static void write_blocks(struct writer *w, const struct doc_node *parent,
			 const struct ctx *c)
{
	const struct doc_node *n = parent->first;
	while (n != NULL) {
		if (is_inline(n->type)) {
			const struct doc_node *end = n;
			while (end != NULL && is_inline(end->type))
				end = end->next;
			write_implicit_para(w, n, end, c,
					    c->keep && end != NULL);
			n = end;
			continue;
		}
		struct ctx inner = *c;
		inner.keep = c->keep && n->next != NULL;
		write_node(w, n, &inner);
		n = n->next;
	}
}

static void write_paragraph(struct writer *w, const struct doc_node *n,
			    const struct ctx *c)
{
	char name[16];
	const char *style = para_style(w, c->pstyle, block_align(c, n->align),
				       c->keep, 0, name);
	open_para(w, "text:p", style);
	buf_puts(&w->body, ">");
	write_inlines(w, n, c);
	close_para(w, "text:p");
}

static void write_heading(struct writer *w, const struct doc_node *n,
			  const struct ctx *c)
{
	static const char *const styles[] = {"Heading_20_1", "Heading_20_2",
					     "Heading_20_3"};
	int level = n->level < 1 ? 1 : n->level > 3 ? 3 : n->level;
	char name[16];
	/* Headings keep with the next block through their style. */
	const char *style =
	    para_style(w, styles[level - 1], -1, false, 0, name);
	open_para(w, "text:h", style);
	buf_puts(&w->body, " text:outline-level=\"");
	odt_put_count(&w->body, (size_t)level);
	buf_puts(&w->body, "\">");
	write_inlines(w, n, c);
	close_para(w, "text:h");
}

static void write_text(struct writer *w, const struct doc_node *n)
{
	unsigned f = n->flags & (DOC_BOLD | DOC_ITALIC | DOC_SMALL | DOC_SUPER);
	if (n->text == NULL)
		return;
	if (f != 0) {
		w->text_used |= 1u << f;
		buf_puts(&w->body, "<text:span text:style-name=\"T");
		odt_put_count(&w->body, f);
		buf_puts(&w->body, "\">");
	}
	odt_xml_text(&w->body, n->text, &w->at_space);
	if (f != 0)
		buf_puts(&w->body, "</text:span>");
}

static void put_text_styles(struct buf *out, unsigned used)
{
	for (unsigned f = 1; f < 16; f++) {
		if ((used & (1u << f)) == 0)
			continue;
		buf_printf(out,
			   "<style:style style:name=\"T%u\""
			   " style:family=\"text\"><style:text-properties",
			   f);
		if (f & DOC_BOLD)
			buf_puts(out, " fo:font-weight=\"bold\"");
		if (f & DOC_ITALIC)
			buf_puts(out, " fo:font-style=\"italic\"");
		if (f & DOC_SMALL)
			buf_puts(out, " fo:font-size=\"82%\"");
		if (f & DOC_SUPER)
			buf_puts(out, " style:text-position=\"super 58%\"");
		buf_puts(out, "/></style:style>");
	}
}

static void write_list(struct writer *w, const struct doc_node *n,
		       const struct ctx *c)
{
	struct ctx inner = *c;
	inner.pstyle = "Liste_Element";
	inner.style_align = DOC_LEFT;
	inner.left_align = DOC_LEFT;
	inner.in_list = true;
	/* Nested lists take the outer list's style, one level down. */
	if (c->in_list)
		buf_puts(&w->body, "<text:list>");
	else
		buf_printf(&w->body, "<text:list text:style-name=\"%s\">",
			   n->ordered ? "Liste_Numeros" : "Liste_Puces");
	for (const struct doc_node *it = n->first; it != NULL; it = it->next) {
		buf_puts(&w->body, "<text:list-item>");
		inner.keep = c->keep;
		if (it->type == DOC_ITEM)
			write_blocks(w, it, &inner);
		else
			write_node(w, it, &inner);
		buf_puts(&w->body, "</text:list-item>");
	}
	buf_puts(&w->body, "</text:list>");
}

/*
 * Opens a table of ncols columns with these width fractions (NULL:
 * equal), writing its automatic styles; returns its number.  Tables
 * take a waiting page break or document start like paragraphs do.
 */
static size_t open_table(struct writer *w, int ncols, const double *widths,
			 bool keep_next)
{
	size_t t = ++w->ntables;
	bool brk = false;
	size_t master = 0;
	if (w->depth == 0) {
		brk = w->pending_break;
		master = w->pending_master;
		w->pending_break = false;
		w->pending_master = 0;
	}
	buf_printf(&w->autos,
		   "<style:style style:name=\"Tab%zu\" style:family=\"table\"",
		   t);
	if (master > 0)
		buf_printf(&w->autos, " style:master-page-name=\"MP%zu\"",
			   master);
	buf_printf(&w->autos,
		   "><style:table-properties style:width=\"%.2fmm\""
		   " table:align=\"margins\" table:border-model=\"collapsing\""
		   " fo:margin-top=\"1mm\""
		   " fo:margin-bottom=\"2.5mm\"",
		   ODT_TEXT_W);
	if (keep_next)
		buf_puts(&w->autos, " fo:keep-with-next=\"always\"");
	if (brk && master == 0)
		buf_puts(&w->autos, " fo:break-before=\"page\"");
	if (master > 0)
		buf_puts(&w->autos, " style:page-number=\"1\"");
	buf_puts(&w->autos, "/></style:style>");
	double sum = 0;
	for (int i = 0; widths != NULL && i < ncols; i++)
		sum += widths[i];
	for (int i = 0; i < ncols; i++) {
		double f =
		    widths != NULL && sum > 0 ? widths[i] / sum : 1.0 / ncols;
		buf_printf(&w->autos,
			   "<style:style style:name=\"Tab%zu.C%d\""
			   " style:family=\"table-column\">"
			   "<style:table-column-properties"
			   " style:column-width=\"%.2fmm\"/></style:style>",
			   t, i + 1, f * ODT_TEXT_W);
	}
	buf_printf(&w->body,
		   "<table:table table:name=\"Tableau%zu\""
		   " table:style-name=\"Tab%zu\">",
		   t, t);
	for (int i = 0; i < ncols; i++)
		buf_printf(&w->body,
			   "<table:table-column"
			   " table:style-name=\"Tab%zu.C%d\"/>",
			   t, i + 1);
	w->depth++;
	return t;
}

static void close_table(struct writer *w)
{
	w->depth--;
	buf_puts(&w->body, "</table:table>");
	w->table_last = w->depth == 0;
}

static void open_cell(struct writer *w, const char *style, unsigned use)
{
	w->used |= use;
	buf_puts(&w->body, "<table:table-cell table:style-name=\"");
	buf_puts(&w->body, style);
	buf_puts(&w->body, "\" office:value-type=\"string\">");
}

/* A cell's blocks; a cell never stays empty (ODF wants a paragraph). */
static void write_cell_blocks(struct writer *w, const struct doc_node *cell,
			      const struct ctx *c)
{
	if (cell == NULL || cell->first == NULL) {
		buf_puts(&w->body, "<text:p text:style-name=\"");
		buf_puts(&w->body, c->pstyle);
		buf_puts(&w->body, "\"/>");
		return;
	}
	write_blocks(w, cell, c);
}

static int table_cols(const struct doc_node *n)
{
	int ncols = n->ncols;
	for (const struct doc_node *r = n->first; r != NULL; r = r->next) {
		int k = (int)doc_nchildren(r);
		if (k > ncols)
			ncols = k;
	}
	return ncols > 0 ? ncols : 1;
}

static void write_row(struct writer *w, const struct doc_node *row, int ncols,
		      bool head, const struct ctx *c)
{
	buf_puts(&w->body, "<table:table-row>");
	const struct doc_node *cell = row->first;
	for (int i = 0; i < ncols; i++) {
		struct ctx in = *c;
		in.pstyle = head ? "Tableau_En_tete" : "Tableau_Contenu";
		in.style_align = DOC_LEFT;
		in.left_align = cell != NULL ? (int)cell->align : DOC_LEFT;
		in.keep = false;
		open_cell(w, head ? "CellHead" : "Cell",
			  head ? USE_CELL_HEAD : USE_CELL);
		write_cell_blocks(w, cell, &in);
		buf_puts(&w->body, "</table:table-cell>");
		if (cell != NULL)
			cell = cell->next;
	}
	buf_puts(&w->body, "</table:table-row>");
}

/* Header rows go in table:table-header-rows: repeated on each page. */
static void write_table(struct writer *w, const struct doc_node *n,
			const struct ctx *c)
{
	int ncols = table_cols(n);
	const double *widths = n->ncols == ncols ? n->widths : NULL;
	open_table(w, ncols, widths, c->keep);
	int i = 0;
	const struct doc_node *r = n->first;
	if (n->header_rows > 0 && r != NULL) {
		buf_puts(&w->body, "<table:table-header-rows>");
		for (; r != NULL && i < n->header_rows; r = r->next, i++)
			write_row(w, r, ncols, true, c);
		buf_puts(&w->body, "</table:table-header-rows>");
	}
	for (; r != NULL; r = r->next)
		write_row(w, r, ncols, false, c);
	if (n->first == NULL)
		write_row(w, n, ncols, false, c); /* ODF wants a row */
	close_table(w);
}

/* Signers side by side, with room below each to sign by hand. */
static void write_signature(struct writer *w, const struct doc_node *n,
			    const struct ctx *c)
{
	int k = (int)doc_nchildren(n);
	if (k == 0)
		return;
	open_table(w, k, NULL, c->keep);
	w->used |= USE_ROW_SIGN;
	buf_puts(&w->body, "<table:table-row table:style-name=\"RowSign\">");
	for (const struct doc_node *s = n->first; s != NULL; s = s->next) {
		struct ctx in = *c;
		in.pstyle = "Signature_Texte";
		in.style_align = DOC_LEFT;
		in.left_align = DOC_LEFT;
		in.keep = false;
		open_cell(w, "CellPlain", USE_CELL_PLAIN);
		if (s->type == DOC_SIGNER)
			write_cell_blocks(w, s, &in);
		else
			write_node(w, s, &in);
		buf_puts(&w->body, "</table:table-cell>");
	}
	buf_puts(&w->body, "</table:table-row>");
	close_table(w);
}

/* Whether a frame holds only paragraphs, text and space. */
static bool frame_is_flat(const struct doc_node *n)
{
	for (const struct doc_node *b = n->first; b != NULL; b = b->next)
		if (!is_inline(b->type) && b->type != DOC_PARAGRAPH &&
		    b->type != DOC_SPACE)
			return false;
	return true;
}

/*
 * A framed box.  Paragraphs alone are written in the bordered style
 * "Cadre", whose borders LibreOffice joins into one box: no table, so a
 * letter ending with its décharge gets no empty paragraph after it (and
 * no empty page).  Anything else goes in a one-cell table.  A frame
 * that keeps together is never split.
 */
static void write_frame(struct writer *w, const struct doc_node *n,
			const struct ctx *c)
{
	struct ctx in = *c;
	in.style_align = DOC_LEFT;
	in.left_align = DOC_LEFT;
	if (frame_is_flat(n)) {
		in.pstyle = "Cadre";
		in.keep = c->keep || n->keep_together;
		in.boxed = true;
		write_blocks(w, n, &in);
		return;
	}
	open_table(w, 1, NULL, c->keep);
	if (n->keep_together) {
		w->used |= USE_ROW_KEEP;
		buf_puts(&w->body,
			 "<table:table-row table:style-name=\"RowKeep\">");
	} else {
		buf_puts(&w->body, "<table:table-row>");
	}
	in.pstyle = "Cadre_Texte";
	in.keep = false;
	open_cell(w, "CellFrame", USE_CELL_FRAME);
	write_cell_blocks(w, n, &in);
	buf_puts(&w->body, "</table:table-cell></table:table-row>");
	close_table(w);
}

/*
 * The letterhead and the recipient go in frames placed on the page: the
 * recipient where the envelope's window is, whatever the letterhead's
 * height.
 * Their frame styles hold the positions, so HR moves them there; their
 * wrap keeps the letter's text below them all.
 */
enum placed { PLACED_SENDER, PLACED_RECIPIENT };

static const struct {
	const char *frame_style, *name, *pstyle;
	double x, y, width, min_height;
} placements[] = {
    [PLACED_SENDER] = {"Lettre_EnTete", "EnTete", "Lettre_Expediteur",
		       ODT_MARGIN_LEFT, ODT_MARGIN_TOP, ODT_SIDE_W, 5.0},
    [PLACED_RECIPIENT] = {"Lettre_Fenetre", "Destinataire",
			  "Lettre_Destinataire", ODT_WINDOW_X, ODT_WINDOW_Y,
			  ODT_WINDOW_W, ODT_WINDOW_H},
};

/* mm as "%.1fmm" prints it, the format kept to the number. */
static void put_mm(struct buf *out, double mm)
{
	char s[32];
	int n = snprintf(s, sizeof(s), "%.1fmm", mm);
	if (n > 0 && (size_t)n < sizeof(s))
		buf_put(out, s, (size_t)n);
	else
		buf_printf(out, "%.1fmm", mm);
}

static void write_placed(struct writer *w, const struct doc_node *n,
			 const struct ctx *c, enum placed which)
{
	char name[16];
	const char *style = para_style(w, "Lettre_Ancre", -1, false, 0, name);
	open_para(w, "text:p", style);
	struct buf *out = &w->body;
	buf_puts(out, "><draw:frame draw:style-name=\"");
	buf_puts(out, placements[which].frame_style);
	buf_puts(out, "\" draw:name=\"");
	buf_puts(out, placements[which].name);
	odt_put_count(out, ++w->nframes);
	buf_puts(out, "\" text:anchor-type=\"paragraph\" svg:x=\"");
	put_mm(out, placements[which].x);
	buf_puts(out, "\" svg:y=\"");
	put_mm(out, placements[which].y);
	buf_puts(out, "\" svg:width=\"");
	put_mm(out, placements[which].width);
	buf_puts(out, "\" draw:z-index=\"");
	odt_put_count(out, w->nshapes++);
	buf_puts(out, "\"><draw:text-box fo:min-height=\"");
	put_mm(out, placements[which].min_height);
	buf_puts(out, "\">");
	struct ctx in = *c;
	in.pstyle = placements[which].pstyle;
	in.style_align = DOC_LEFT;
	in.left_align = -1;
	in.keep = false;
	w->depth++;
	write_blocks(w, n, &in);
	w->depth--;
	buf_puts(&w->body, "</draw:text-box></draw:frame>");
	close_para(w, "text:p");
}

static void write_letterbox(struct writer *w, const struct doc_node *n,
			    const struct ctx *c)
{
	struct ctx in = *c;
	in.left_align = -1; /* the box's style decides */
	in.style_align = DOC_LEFT;
	switch (n->box) {
	case DOC_BOX_SENDER:
		write_placed(w, n, c, PLACED_SENDER);
		return;
	case DOC_BOX_RECIPIENT:
		write_placed(w, n, c, PLACED_RECIPIENT);
		return;
	case DOC_BOX_DATELINE:
		in.pstyle = "Lettre_Lieu_date";
		in.style_align = DOC_RIGHT;
		break;
	case DOC_BOX_DELIVERY:
		/* In the flow under the date line, as the PDF sets it: a
		 * placed frame beside the window met a long letterhead. */
		in.pstyle = "Lettre_Envoi";
		break;
	case DOC_BOX_OBJECT:
		in.pstyle = "Lettre_Objet";
		break;
	case DOC_BOX_SIGNATORY:
		in.pstyle = "Lettre_Signataire";
		break;
	}
	write_blocks(w, n, &in);
}

/* The dashed cut line (the style's border): scissors, then its label. */
static void write_cutline(struct writer *w, const struct doc_node *n)
{
	char name[16];
	const char *style = para_style(w, "Decoupe", -1, false, 0, name);
	open_para(w, "text:p", style);
	buf_puts(&w->body, ">");
	odt_xml_text(&w->body, "✂ ", &w->at_space);
	if (n->text != NULL)
		odt_xml_text(&w->body, n->text, &w->at_space);
	close_para(w, "text:p");
}

static void write_ruled(struct writer *w, const struct doc_node *n)
{
	char name[16];
	for (int i = 0; i < n->count; i++) {
		const char *style =
		    para_style(w, "Lignes_a_remplir", -1, false, 0, name);
		open_para(w, "text:p", style);
		buf_puts(&w->body, ">");
		close_para(w, "text:p");
	}
}

/* count half-lines of about 2.2 mm (10.5 pt type at 110 %). */
static void write_space(struct writer *w, const struct doc_node *n,
			const struct ctx *c)
{
	char name[16];
	if (n->count <= 0)
		return;
	const char *style = para_style(w, c->boxed ? c->pstyle : "Espace", -1,
				       c->keep, n->count * 220, name);
	open_para(w, "text:p", style);
	buf_puts(&w->body, ">");
	close_para(w, "text:p");
}

static void write_node(struct writer *w, const struct doc_node *n,
		       const struct ctx *c)
{
	switch (n->type) {
	case DOC_ROOT:
		write_blocks(w, n, c);
		break;
	case DOC_SECTION: {
		struct ctx in = *c;
		in.keep = c->keep || n->keep_together;
		write_blocks(w, n, &in);
		break;
	}
	case DOC_HEADING:
		write_heading(w, n, c);
		break;
	case DOC_PARAGRAPH:
		write_paragraph(w, n, c);
		break;
	case DOC_TEXT:
		write_text(w, n);
		break;
	case DOC_LINEBREAK:
		buf_puts(&w->body, "<text:line-break/>");
		w->at_space = true;
		break;
	case DOC_CHECKBOX:
		odt_xml_text(&w->body, n->checked ? "☒" : "☐", &w->at_space);
		break;
	case DOC_LIST:
		write_list(w, n, c);
		break;
	case DOC_ITEM:
	case DOC_CELL:
	case DOC_SIGNER:
		/* Met outside their container: their blocks, in place. */
		write_blocks(w, n, c);
		break;
	case DOC_TABLE:
		write_table(w, n, c);
		break;
	case DOC_ROW: {
		int k = (int)doc_nchildren(n);
		open_table(w, k > 0 ? k : 1, NULL, c->keep);
		write_row(w, n, k > 0 ? k : 1, false, c);
		close_table(w);
		break;
	}
	case DOC_RULED:
		write_ruled(w, n);
		break;
	case DOC_SIGNATURE:
		write_signature(w, n, c);
		break;
	case DOC_LETTERBOX:
		write_letterbox(w, n, c);
		break;
	case DOC_FRAME:
		write_frame(w, n, c);
		break;
	case DOC_CUTLINE:
		write_cutline(w, n);
		break;
	case DOC_PAGEBREAK:
		/* Taken by the next block; none follows at the end, so no
		 * empty last page. */
		w->pending_break = true;
		break;
	case DOC_SPACE:
		write_space(w, n, c);
		break;
	case DOC_TIMELINE:
		/* Only a recap holds one (template.c allows <timeline> in
		 * the recap context alone), and a recap is a PDF: letters
		 * are the only documents written as ODT. */
		break;
	}
}

static void put_fixed_styles(struct buf *out, unsigned used)
{
	static const char cell[] =
	    "<style:style style:name=\"%s\" style:family=\"table-cell\">"
	    "<style:table-cell-properties fo:padding=\"%s\""
	    " fo:border=\"%s\"%s/></style:style>";
	if (used & USE_CELL)
		buf_printf(out, cell, "Cell", "1.2mm", "0.5pt solid #000000",
			   "");
	if (used & USE_CELL_HEAD)
		buf_printf(out, cell, "CellHead", "1.2mm",
			   "0.5pt solid #000000",
			   " fo:background-color=\"#e6e6e6\"");
	if (used & USE_CELL_FRAME)
		buf_printf(out, cell, "CellFrame", "3mm", "0.8pt solid #000000",
			   "");
	if (used & USE_CELL_PLAIN)
		buf_printf(out, cell, "CellPlain", "1mm", "none", "");
	if (used & USE_ROW_KEEP)
		buf_puts(out, "<style:style style:name=\"RowKeep\""
			      " style:family=\"table-row\">"
			      "<style:table-row-properties"
			      " fo:keep-together=\"always\"/></style:style>");
	if (used & USE_ROW_SIGN)
		buf_puts(out, "<style:style style:name=\"RowSign\""
			      " style:family=\"table-row\">"
			      "<style:table-row-properties"
			      " style:min-row-height=\"32mm\""
			      " fo:keep-together=\"always\"/></style:style>");
}

void odt_end_bookmark(char name[32], size_t k)
{
	snprintf(name, 32, "fin_doc_%zu", k);
}

/* Puts document k's end bookmark into its last paragraph. */
static void mark_end(struct writer *w, size_t k)
{
	char name[32], tag[64];
	odt_end_bookmark(name, k);
	int len = snprintf(tag, sizeof(tag),
			   "<text:bookmark text:name=\"%s\"/>", name);
	size_t at = w->last_para_end;
	buf_put(&w->body, tag, (size_t)len); /* grow first */
	if (w->body.oom)
		return;
	memmove(w->body.data + at + len, w->body.data + at,
		w->body.len - (size_t)len - at);
	memcpy(w->body.data + at, tag, (size_t)len);
}

static void write_document(struct writer *w, const struct doc *d, size_t k,
			   bool bookmarks)
{
	struct ctx c = {"Lettre_Corps", DOC_JUSTIFY, DOC_LEFT,
			false,		false,	     false};
	w->pending_master = k;
	w->pending_break = false;
	w->any_para = false;
	if (d->root != NULL)
		write_node(w, d->root, &c);
	if (!w->any_para || w->pending_master != 0) {
		/* Every document needs a paragraph: its page, its mark. */
		char name[16];
		const char *style =
		    para_style(w, "Lettre_Corps", -1, false, 0, name);
		open_para(w, "text:p", style);
		buf_puts(&w->body, ">");
		close_para(w, "text:p");
	}
	if (bookmarks)
		mark_end(w, k);
}

/*
 * content.xml up to the automatic styles made on the way (w->autos),
 * which come next: what is known once every document is written.
 */
static void put_content_head(struct buf *out, const char *font,
			     const struct writer *w)
{
	odt_xml_part_head(out, "document-content", font);
	buf_puts(out, "<office:automatic-styles>");
	put_text_styles(out, w->text_used);
	for (size_t i = 0; i < w->nvariants; i++) {
		char name[24];
		snprintf(name, sizeof(name), "P%zu", i + 1);
		put_pvariant(out, &w->variants[i], name);
	}
	put_fixed_styles(out, w->used);
}

/* Between the automatic styles and the body. */
static const char content_body_open[] =
    "</office:automatic-styles><office:body><office:text>";

/* content.xml after the body. */
static void put_content_tail(struct buf *out, const struct writer *w)
{
	/* LibreOffice puts an empty paragraph after a table that ends the
	 * text, which could start an empty last page: ours is tiny. */
	if (w->table_last)
		buf_puts(out, "<text:p text:style-name=\"Lettre_Ancre\"/>");
	buf_puts(out,
		 "</office:text></office:body></office:document-content>\n");
}

bool odt_content_write(struct buf *out, const char *font,
		       const struct doc *const *docs, size_t n, bool bookmarks)
{
	struct writer w = {0};
	for (size_t k = 1; k <= n; k++)
		write_document(&w, docs[k - 1], k, bookmarks);
	put_content_head(out, font, &w);
	buf_put(out, w.autos.data, w.autos.len);
	buf_puts(out, content_body_open);
	buf_put(out, w.body.data, w.body.len);
	put_content_tail(out, &w);
	bool ok = !w.oom && !w.body.oom && !w.autos.oom && !out->oom;
	free(w.variants);
	buf_free(&w.body);
	buf_free(&w.autos);
	return ok;
}

/* ---- content.xml a document at a time (see odt_internal.h) ---------- */

struct odt_content_stream {
	struct writer w;
	FILE *body, *autos; /* anonymous temporary files */
	bool failed;
};

struct odt_content_stream *odt_content_stream_new(void)
{
	struct odt_content_stream *cs = calloc(1, sizeof(*cs));
	if (cs == NULL)
		return NULL;
	cs->w.streaming = true;
	cs->body = tmpfile();
	cs->autos = tmpfile();
	if (cs->body == NULL || cs->autos == NULL) {
		odt_content_stream_free(cs);
		return NULL;
	}
	return cs;
}

void odt_content_stream_free(struct odt_content_stream *cs)
{
	if (cs == NULL)
		return;
	if (cs->body != NULL)
		fclose(cs->body);
	if (cs->autos != NULL)
		fclose(cs->autos);
	free(cs->w.variants);
	buf_free(&cs->w.body);
	buf_free(&cs->w.autos);
	free(cs);
}

/* Moves b's bytes to f; false on a write error or an earlier OOM. */
static bool spill(struct buf *b, FILE *f)
{
	bool ok =
	    !b->oom && (b->len == 0 || fwrite(b->data, 1, b->len, f) == b->len);
	buf_reset(b);
	return ok;
}

bool odt_content_stream_add(struct odt_content_stream *cs, const struct doc *d,
			    size_t k)
{
	struct writer *w = &cs->w;
	write_document(w, d, k, true);
	/* Document k is complete, its end mark included: out it goes. */
	cs->failed |= w->oom || !spill(&w->body, cs->body) ||
		      !spill(&w->autos, cs->autos);
	w->last_para_end = 0;
	return !cs->failed;
}

/* Copies f from its start to out. */
static bool copy_file(FILE *f, FILE *out)
{
	char chunk[65536];
	size_t n;
	if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
		return false;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (fwrite(chunk, 1, n, out) != n)
			return false;
	return !ferror(f);
}

bool odt_content_stream_finish(struct odt_content_stream *cs, const char *font,
			       FILE *out)
{
	struct writer *w = &cs->w;
	struct buf head = {0};
	put_content_head(&head, font, w);
	bool ok = !cs->failed && spill(&head, out) && copy_file(cs->autos, out);
	buf_puts(&head, content_body_open);
	ok = ok && spill(&head, out) && copy_file(cs->body, out);
	put_content_tail(&head, w);
	ok = ok && spill(&head, out);
	buf_free(&head);
	return ok;
}
