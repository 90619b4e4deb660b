/*
 * Template expansion (see template.h): walks a compiled template with
 * the values of one document and builds its tree.  Inline content is
 * gathered into runs of one style, with white space collapsed and
 * trimmed at line starts and ends, so that backends get clean text.
 */
#include <string.h>

#include "diag.h"
#include "fmt.h"
#include "template_internal.h"
#include "typo.h"

/*
 * Expansion stops past this many steps (template nodes expanded, loop
 * turns, document nodes made): loops nested over several long lists
 * would otherwise build a document without end.  The shipped templates
 * take under 100 000 steps even for a dossier with every list at the
 * reader's limit (dossier_limits.h).
 */
#define EXPAND_STEPS_MAX 1000000

struct expander {
	struct doc *doc;
	struct fields_env *env;
	bool oom;      /* stop: out of memory, or too_big */
	bool too_big;  /* EXPAND_STEPS_MAX reached */
	long big_line; /* the template line where it was */
	unsigned long steps;
};

/* Counts a step; false (and the expansion stops) past the limit. */
static bool step(struct expander *x, long line)
{
	if (++x->steps <= EXPAND_STEPS_MAX)
		return true;
	if (!x->too_big)
		x->big_line = line;
	x->too_big = x->oom = true;
	return false;
}

/*
 * Where content goes.  A block container (document, section, cell...)
 * opens an implicit paragraph for inline content that comes straight in
 * it; a heading or paragraph takes inline content itself.  Metadata
 * content is flattened into plain.
 */
struct sink {
	struct doc_node *node;
	bool is_inline;
	struct doc_node *para; /* where inline content goes, or NULL */
	struct buf pending;    /* text not yet made a DOC_TEXT */
	unsigned pending_flags;
	bool at_line_start; /* nothing but white space since the line began */
	struct buf *plain;  /* metadata: flatten here */
};

static void expand_list(struct expander *x, const struct tpl_node *t,
			struct sink *s, unsigned flags);

static struct doc_node *add(struct expander *x, struct doc_node *parent,
			    enum doc_type type, long line)
{
	struct doc_node *n =
	    step(x, line) ? doc_add(x->doc, parent, type) : NULL;
	if (n == NULL)
		x->oom = true;
	else
		n->line = line;
	return n;
}

static void sink_init(struct sink *s, struct doc_node *node, bool is_inline)
{
	*s = (struct sink){.node = node, .is_inline = is_inline};
	s->para = is_inline ? node : NULL;
	s->at_line_start = true;
}

/* Makes the pending text a DOC_TEXT; trailing space dropped if asked. */
static void flush(struct expander *x, struct sink *s, bool trim_end)
{
	if (trim_end)
		while (s->pending.len > 0 &&
		       s->pending.data[s->pending.len - 1] == ' ')
			s->pending.len--;
	if (s->pending.len == 0)
		return;
	buf_put(&s->pending, "", 1);
	if (s->pending.oom ||
	    doc_add_text(x->doc, s->para, (const char *)s->pending.data,
			 s->pending_flags) == NULL)
		x->oom = true;
	buf_reset(&s->pending);
}

/* The paragraph inline content goes to, opened if need be. */
static struct doc_node *inline_target(struct expander *x, struct sink *s)
{
	if (s->para == NULL) {
		s->para = add(x, s->node, DOC_PARAGRAPH, 0);
		/* In a cell, the cell's alignment; elsewhere, ragged. */
		if (s->para != NULL && s->node->type == DOC_CELL)
			s->para->align = s->node->align;
		s->at_line_start = true;
	}
	return s->para;
}

/* Ends the implicit paragraph before a block, or at the container's end. */
static void close_inline(struct expander *x, struct sink *s)
{
	if (s->para != NULL)
		flush(x, s, true);
	if (!s->is_inline)
		s->para = NULL;
	s->at_line_start = true;
}

/* The white space that text collapses into single spaces. */
#define WHITE " \t\r\n"

/* Metadata: text flattened into plain, a word at a time. */
static void put_plain(struct buf *plain, const char *text)
{
	for (;;) {
		size_t n = strcspn(text, WHITE);
		buf_put(plain, text, n);
		text += n;
		if (*text == '\0')
			return;
		if (plain->len > 0 && plain->data[plain->len - 1] != ' ')
			buf_put(plain, " ", 1);
		text++;
	}
}

/* Whether a white space byte here adds nothing: at a line start, after
 * a space, or where no paragraph is open yet. */
static bool space_dropped(const struct sink *s)
{
	if (s->at_line_start ||
	    (s->pending.len > 0 && s->pending.data[s->pending.len - 1] == ' '))
		return true;
	/* A space after a flushed run of another style. */
	if (s->pending.len == 0 && s->para != NULL && s->para->last != NULL &&
	    s->para->last->type == DOC_TEXT) {
		const char *prev = s->para->last->text;
		if (*prev != '\0' && prev[strlen(prev) - 1] == ' ')
			return true;
	}
	return s->para == NULL;
}

static bool is_white(char c)
{
	return c != '\0' && strchr(WHITE, c) != NULL;
}

/*
 * How many bytes from text on are words one space apart ("a b c"), to
 * be put as they are: a space straight after a word is always kept.
 */
static size_t words_span(const char *text)
{
	size_t n = strcspn(text, WHITE);
	while (n > 0 && text[n] == ' ' && text[n + 1] != '\0' &&
	       !is_white(text[n + 1]))
		n += 1 + strcspn(text + n + 1, WHITE);
	return n;
}

/* Appends the n bytes at text, in style flags, to the pending run. */
static void put_run(struct expander *x, struct sink *s, const char *text,
		    size_t n, unsigned flags)
{
	inline_target(x, s);
	if (s->pending.len > 0 && s->pending_flags != flags)
		flush(x, s, false);
	s->pending_flags = flags;
	buf_put(&s->pending, text, n);
	s->at_line_start = false;
}

/*
 * Appends text (one line, white space already single spaces, or a
 * field's value, collapsed here) in style flags.  Words go in whole,
 * most spaces with them; only white space elsewhere needs looking at,
 * one byte at a time.
 */
static void put_text(struct expander *x, struct sink *s, const char *text,
		     unsigned flags)
{
	if (s->plain != NULL) {
		put_plain(s->plain, text);
		return;
	}
	while (*text != '\0') {
		/* put_lines() took the line breaks out of field values: a
		 * '\n' left is inside a paragraph of free text. */
		size_t n = words_span(text);
		if (n > 0) {
			put_run(x, s, text, n, flags);
			text += n;
			continue;
		}
		if (!space_dropped(s))
			put_run(x, s, " ", 1, flags);
		text++;
	}
}

static void put_break(struct expander *x, struct sink *s)
{
	if (s->plain != NULL) {
		put_text(x, s, " ", 0);
		return;
	}
	inline_target(x, s);
	flush(x, s, true);
	add(x, s->para, DOC_LINEBREAK, 0);
	s->at_line_start = true;
}

/* Text whose '\n' are line breaks (addresses). */
static void put_lines(struct expander *x, struct sink *s, const char *text,
		      unsigned flags)
{
	const char *nl;
	while ((nl = strchr(text, '\n')) != NULL) {
		struct buf line = {0};
		buf_put(&line, text, (size_t)(nl - text));
		buf_put(&line, "", 1);
		if (line.oom)
			x->oom = true;
		else
			put_text(x, s, (const char *)line.data, flags);
		buf_free(&line);
		put_break(x, s);
		text = nl + 1;
	}
	put_text(x, s, text, flags);
}

static bool term_true(struct expander *x, const struct tpl_term *term)
{
	if (term->list != NULL) {
		size_t cursor = 0;
		return fields_list_next(term->list, x->env, &cursor) != NULL;
	}
	struct fields_value v;
	fields_get(term->field, x->env, &v);
	return fields_truth(&v);
}

/* A disjunction of conjunctions, left to right. */
static bool test_true(struct expander *x, const struct tpl_test *test)
{
	bool any = false, all = true;
	for (size_t i = 0; i < test->nterms; i++) {
		const struct tpl_term *term = &test->terms[i];
		if (term->starts_or) {
			any = any || all;
			all = true;
		}
		if (all)
			all = term_true(x, term) != term->negate;
	}
	return any || all;
}

/*
 * text with typographic apostrophes: text itself when it has none, else
 * a copy NUL-terminated in b (the caller frees b); NULL when out of
 * memory.
 */
static const char *with_apostrophes(struct expander *x, const char *text,
				    struct buf *b)
{
	if (strchr(text, '\'') == NULL)
		return text;
	typo_apostrophes(b, text);
	buf_put(b, "", 1);
	if (b->oom) {
		x->oom = true;
		return NULL;
	}
	return (const char *)b->data;
}

/* A template's own text, with typographic apostrophes. */
static void put_template_text(struct expander *x, struct sink *s,
			      const char *text, unsigned flags)
{
	struct buf b = {0};
	const char *typo = with_apostrophes(x, text, &b);
	if (typo != NULL)
		put_text(x, s, typo, flags);
	buf_free(&b);
}

/* The cut line carries its label, with the apostrophes of all
 * template text, so that the backends only draw it. */
static void expand_cutline(struct expander *x, const struct tpl_node *t,
			   struct sink *s)
{
	close_inline(x, s);
	struct doc_node *n = add(x, s->node, DOC_CUTLINE, t->line);
	if (n == NULL)
		return;
	struct buf b = {0};
	const char *text = with_apostrophes(x, t->text, &b);
	n->text = text == NULL ? NULL : doc_strdup(x->doc, text);
	if (n->text == NULL)
		x->oom = true;
	buf_free(&b);
}

static void expand_field(struct expander *x, const struct tpl_node *t,
			 struct sink *s, unsigned flags)
{
	struct fields_value v;
	struct buf b = {0};
	fields_get(t->field, x->env, &v);
	if (!fields_format(&v, t->format, &b) && t->empty != NULL)
		buf_puts(&b, t->empty);
	buf_put(&b, "", 1);
	struct buf typo = {0};
	const char *text = NULL;
	if (b.oom)
		x->oom = true;
	else if (fields_verbatim(t->field))
		text = (const char *)b.data;
	else /* our own words take the typographic apostrophe */
		text = with_apostrophes(x, (const char *)b.data, &typo);
	if (text != NULL)
		put_lines(x, s, text, flags);
	buf_free(&typo);
	buf_free(&b);
}

static void expand_checkbox(struct expander *x, const struct tpl_node *t,
			    struct sink *s)
{
	bool checked = false;
	if (!x->env->blank && t->field != NULL) {
		struct fields_value v;
		fields_get(t->field, x->env, &v);
		checked = fields_truth(&v);
	} else if (!x->env->blank && t->test != NULL) {
		checked = test_true(x, t->test);
	}
	if (s->plain != NULL)
		return;
	inline_target(x, s);
	flush(x, s, false);
	struct doc_node *n = add(x, s->para, DOC_CHECKBOX, t->line);
	if (n != NULL)
		n->checked = checked;
	s->at_line_start = false;
}

static void expand_for(struct expander *x, const struct tpl_node *t,
		       struct sink *s, unsigned flags)
{
	enum fields_item item = fields_list_item(t->list);
	const void *saved = x->env->items[item];
	size_t cursor = 0;
	const void *it;
	while (!x->oom && step(x, t->line) &&
	       (it = fields_list_next(t->list, x->env, &cursor)) != NULL) {
		x->env->items[item] = it;
		expand_list(x, t->first, s, flags);
	}
	x->env->items[item] = saved;
}

/* Whether a finished node carries nothing and can be dropped. */
static bool droppable(const struct doc_node *n)
{
	if (n->first != NULL)
		return false;
	switch (n->type) {
	case DOC_PARAGRAPH:
	case DOC_HEADING:
	case DOC_SECTION:
	case DOC_FRAME:
	case DOC_LIST:
	case DOC_LETTERBOX:
	case DOC_SIGNATURE:
		return true;
	default:
		return false;
	}
}

/* Unlinks n, the last child of its parent. */
static void drop_last(struct doc_node *n)
{
	struct doc_node *p = n->parent, *prev = NULL;
	for (struct doc_node *c = p->first; c != n; c = c->next)
		prev = c;
	if (prev == NULL)
		p->first = NULL;
	else
		prev->next = NULL;
	p->last = prev;
}

/* A block: its node under the container, filled by its children. */
static void expand_block(struct expander *x, const struct tpl_node *t,
			 struct sink *s, enum doc_type type)
{
	close_inline(x, s);
	struct doc_node *n = add(x, s->node, type, t->line);
	if (n == NULL)
		return;
	n->level = t->level;
	n->align = t->align;
	n->ordered = t->ordered;
	n->keep_together = t->keep_together;
	n->box = t->box;
	n->count = t->count;
	if (type == DOC_TABLE) {
		n->ncols = t->ncols;
		n->header_rows = t->header_rows;
		n->widths = arena_alloc(x->doc->arena,
					(size_t)t->ncols * sizeof(double));
		if (n->widths == NULL) {
			x->oom = true;
			return;
		}
		memcpy(n->widths, t->widths, (size_t)t->ncols * sizeof(double));
	}
	struct sink inner;
	sink_init(&inner, n, type == DOC_HEADING || type == DOC_PARAGRAPH);
	expand_list(x, t->first, &inner, 0);
	close_inline(x, &inner);
	buf_free(&inner.pending);
	if (droppable(n))
		drop_last(n);
}

static void expand_blank_rows(struct expander *x, const struct tpl_node *t,
			      struct sink *s)
{
	for (int r = 0; r < t->count; r++) {
		struct doc_node *row = add(x, s->node, DOC_ROW, t->line);
		for (int c = 0; row != NULL && c < t->ncols; c++) {
			/* Room for a line of handwriting, whatever the
			 * backend's height of an empty cell. */
			struct doc_node *cell = add(x, row, DOC_CELL, t->line);
			struct doc_node *room =
			    cell != NULL ? add(x, cell, DOC_SPACE, t->line)
					 : NULL;
			if (room != NULL)
				room->count = 3;
		}
	}
}

/*
 * Free text as paragraphs: blank lines in the dossier separate them,
 * other white space runs are single spaces (dossier.md).
 */
static void put_paragraphs(struct expander *x, struct sink *s, const char *text,
			   long line)
{
	const char *p = text;
	while (*p != '\0' && !x->oom) {
		/* The paragraph ends at a line holding only white space. */
		const char *end = p;
		for (;;) {
			const char *nl = strchr(end, '\n');
			if (nl == NULL) {
				end += strlen(end);
				break;
			}
			const char *q = nl + 1;
			q += strspn(q, " \t\r");
			if (*q == '\n' || *q == '\0') {
				end = nl;
				break;
			}
			end = q;
		}
		struct buf one = {0};
		buf_put(&one, p, (size_t)(end - p));
		buf_put(&one, "", 1);
		struct doc_node *para = add(x, s->node, DOC_PARAGRAPH, line);
		if (para != NULL && !one.oom) {
			struct sink inner;
			para->align = DOC_JUSTIFY;
			sink_init(&inner, para, true);
			put_text(x, &inner, (const char *)one.data, 0);
			/* Single newlines inside a paragraph are spaces. */
			close_inline(x, &inner);
			buf_free(&inner.pending);
			if (droppable(para))
				drop_last(para);
		} else {
			x->oom = true;
		}
		buf_free(&one);
		p = end + strspn(end, " \t\r\n");
	}
}

static void expand_textfield(struct expander *x, const struct tpl_node *t,
			     struct sink *s)
{
	close_inline(x, s);
	if (x->env->blank) {
		struct doc_node *n = add(x, s->node, DOC_RULED, t->line);
		if (n != NULL)
			n->count = t->count;
		return;
	}
	struct fields_value v;
	struct buf b = {0};
	fields_get(t->field, x->env, &v);
	const char *text = fields_truth(&v) ? v.text : t->empty;
	if (text == NULL)
		return;
	/* Free text is set like ours: typographic apostrophes. */
	typo_apostrophes(&b, text);
	buf_put(&b, "", 1);
	if (b.oom)
		x->oom = true;
	else
		put_paragraphs(x, s, (const char *)b.data, t->line);
	buf_free(&b);
}

static void expand_timeline(struct expander *x, const struct tpl_node *t,
			    struct sink *s)
{
	close_inline(x, s);
	struct doc_node *n = add(x, s->node, DOC_TIMELINE, t->line);
	if (n != NULL && (n->timeline = fields_timeline(x->env)) == NULL)
		x->oom = true;
}

/* Metadata: the content flattened into one line of text. */
static const char *expand_plain(struct expander *x, const struct tpl_node *t)
{
	struct buf b = {0};
	struct sink s = {.plain = &b};
	expand_list(x, t->first, &s, 0);
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.len--;
	buf_put(&b, "", 1);
	const char *text = b.oom ? NULL : doc_strdup(x->doc, (char *)b.data);
	if (text == NULL)
		x->oom = true;
	buf_free(&b);
	return text;
}

/* The document node of each block that expand_block() builds. */
static const enum doc_type block_type[] = {
    [TPL_HEADING] = DOC_HEADING,     [TPL_P] = DOC_PARAGRAPH,
    [TPL_SECTION] = DOC_SECTION,     [TPL_FRAME] = DOC_FRAME,
    [TPL_LIST] = DOC_LIST,	     [TPL_ITEM] = DOC_ITEM,
    [TPL_TABLE] = DOC_TABLE,	     [TPL_ROW] = DOC_ROW,
    [TPL_CELL] = DOC_CELL,	     [TPL_RULED] = DOC_RULED,
    [TPL_SIGNATURE] = DOC_SIGNATURE, [TPL_SIGNER] = DOC_SIGNER,
    [TPL_LETTERBOX] = DOC_LETTERBOX, [TPL_PAGEBREAK] = DOC_PAGEBREAK,
    [TPL_SPACE] = DOC_SPACE,
};

static void expand_one(struct expander *x, const struct tpl_node *t,
		       struct sink *s, unsigned flags)
{
	switch (t->op) {
	case TPL_TITLE:
		x->doc->meta.title = expand_plain(x, t);
		break;
	case TPL_SUBJECT:
		x->doc->meta.subject = expand_plain(x, t);
		break;
	case TPL_KEYWORDS:
		x->doc->meta.keywords = expand_plain(x, t);
		break;
	case TPL_BANNER:
		x->doc->meta.banner = expand_plain(x, t);
		/* A condition left it empty: no banner at all. */
		if (x->doc->meta.banner != NULL && *x->doc->meta.banner == '\0')
			x->doc->meta.banner = NULL;
		break;
	case TPL_HEADING:
	case TPL_P:
	case TPL_SECTION:
	case TPL_FRAME:
	case TPL_LIST:
	case TPL_ITEM:
	case TPL_TABLE:
	case TPL_ROW:
	case TPL_CELL:
	case TPL_RULED:
	case TPL_SIGNATURE:
	case TPL_SIGNER:
	case TPL_LETTERBOX:
	case TPL_PAGEBREAK:
	case TPL_SPACE:
		expand_block(x, t, s, block_type[t->op]);
		break;
	case TPL_BLANK_ROWS:
		expand_blank_rows(x, t, s);
		break;
	case TPL_TEXTFIELD:
		expand_textfield(x, t, s);
		break;
	case TPL_CUTLINE:
		expand_cutline(x, t, s);
		break;
	case TPL_TIMELINE:
		expand_timeline(x, t, s);
		break;
	case TPL_TEXT:
		put_template_text(x, s, t->text, flags);
		break;
	case TPL_BOLD:
		expand_list(x, t->first, s, flags | DOC_BOLD);
		break;
	case TPL_ITALIC:
		expand_list(x, t->first, s, flags | DOC_ITALIC);
		break;
	case TPL_SMALL:
		expand_list(x, t->first, s, flags | DOC_SMALL);
		break;
	case TPL_BR:
		put_break(x, s);
		break;
	case TPL_FIELD:
		expand_field(x, t, s, flags);
		break;
	case TPL_CHECKBOX:
		expand_checkbox(x, t, s);
		break;
	case TPL_AGREE:
		put_text(x, s,
			 fmt_agree(x->env->dossier->employee.civility, t->text,
				   t->text_f, t->text_n),
			 flags);
		break;
	case TPL_IF:
		expand_list(x, test_true(x, t->test) ? t->first : t->otherwise,
			    s, flags);
		break;
	case TPL_FOR:
		expand_for(x, t, s, flags);
		break;
	}
}

static void expand_list(struct expander *x, const struct tpl_node *t,
			struct sink *s, unsigned flags)
{
	for (; t != NULL && !x->oom && step(x, t->line); t = t->next)
		expand_one(x, t, s, flags);
}

bool template_expand(const struct template *t, struct fields_env *env,
		     struct doc *doc)
{
	struct expander x = {.doc = doc, .env = env};
	struct sink s;
	sink_init(&s, doc->root, false);
	expand_list(&x, t->first, &s, 0);
	close_inline(&x, &s);
	buf_free(&s.pending);
	if (x.too_big)
		diag(MSG_TEMPLATE_EXPANSION_TOO_LONG, t->path, x.big_line,
		     env->dossier->id, EXPAND_STEPS_MAX);
	else if (x.oom)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	return !x.oom;
}
