/*
 * Template loader (see template.h): parses with the dossier reader's
 * safe parser (no DTD, no entities, no network), then compiles the
 * elements into tpl_node trees, checking every element, attribute and
 * name so that nothing can go wrong silently at expansion time.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "diag.h"
#include "dossier_parse.h"
#include "inputs.h"
#include "template_internal.h"

/* Past this many, the first errors are enough to start fixing. */
#define MAX_ERRORS 20
/* Deeper than any sensible document; keeps the recursion bounded. */
#define MAX_DEPTH 64
/* A template is pages of markup (the shipped ones under 16 KiB): a
 * bigger file is not one, and is refused before it is read. */
#define MAX_BYTES (1024 * 1024)

/* What may appear inside an element. */
enum content {
	C_NONE,	    /* nothing */
	C_DOCUMENT, /* metadata first, then as C_BLOCK */
	C_BLOCK,    /* blocks; inline content forms implicit paragraphs */
	C_INLINE,   /* text and inline elements */
	C_PLAIN,    /* metadata: text, <field>, <agree>, <if>, <for> */
	C_ROWS,	    /* <row>, <blank-rows> */
	C_ITEMS,    /* <item> */
	C_CELLS,    /* exactly the table's number of <cell> */
	C_SIGNERS,  /* <signer> */
};

/* What an element is, for where it may appear. */
enum class {
	K_META,
	K_BLOCK,
	K_INLINE, /* styled inline: not in metadata */
	K_PLAIN,  /* inline that flattens: <field>, <agree> */
	K_ROW,
	K_ITEM,
	K_CELL,
	K_SIGNER,
	K_CONTROL,
	K_ELSE,
};

struct element {
	const char *name;
	enum tpl_op op;
	enum class cls;
	enum content children;
	const char *const *attrs; /* allowed, NULL-terminated */
	unsigned ctx;		  /* template contexts where it exists */
};

static const char *const no_attrs[] = {NULL};
static const char *const heading_attrs[] = {"level", NULL};
static const char *const align_attrs[] = {"align", NULL};
static const char *const keep_attrs[] = {"keep-together", NULL};
static const char *const list_attrs[] = {"ordered", NULL};
static const char *const table_attrs[] = {"widths", "header", NULL};
static const char *const count_attrs[] = {"count", NULL};
static const char *const lines_attrs[] = {"lines", NULL};
static const char *const text_attrs[] = {"field", "blank-lines", "empty", NULL};
static const char *const role_attrs[] = {"role", NULL};
static const char *const cutline_attrs[] = {"label", NULL};
static const char *const field_attrs[] = {"name", "format", "empty", NULL};
static const char *const checkbox_attrs[] = {"field", "test", NULL};
static const char *const agree_attrs[] = {"m", "f", "n", NULL};
static const char *const if_attrs[] = {"test", NULL};
static const char *const for_attrs[] = {"each", NULL};

#define ALL FIELDS_ALL
static const struct element elements[] = {
    {"title", TPL_TITLE, K_META, C_PLAIN, no_attrs, ALL},
    {"subject", TPL_SUBJECT, K_META, C_PLAIN, no_attrs, ALL},
    {"keywords", TPL_KEYWORDS, K_META, C_PLAIN, no_attrs, ALL},
    {"banner", TPL_BANNER, K_META, C_PLAIN, no_attrs, ALL},
    {"heading", TPL_HEADING, K_BLOCK, C_INLINE, heading_attrs, ALL},
    {"p", TPL_P, K_BLOCK, C_INLINE, align_attrs, ALL},
    {"section", TPL_SECTION, K_BLOCK, C_BLOCK, keep_attrs, ALL},
    {"frame", TPL_FRAME, K_BLOCK, C_BLOCK, keep_attrs, ALL},
    {"list", TPL_LIST, K_BLOCK, C_ITEMS, list_attrs, ALL},
    {"item", TPL_ITEM, K_ITEM, C_BLOCK, no_attrs, ALL},
    {"table", TPL_TABLE, K_BLOCK, C_ROWS, table_attrs, ALL},
    {"row", TPL_ROW, K_ROW, C_CELLS, no_attrs, ALL},
    {"cell", TPL_CELL, K_CELL, C_BLOCK, align_attrs, ALL},
    {"blank-rows", TPL_BLANK_ROWS, K_ROW, C_NONE, count_attrs, ALL},
    {"ruled", TPL_RULED, K_BLOCK, C_NONE, lines_attrs, ALL},
    {"text", TPL_TEXTFIELD, K_BLOCK, C_NONE, text_attrs, ALL},
    {"signature", TPL_SIGNATURE, K_BLOCK, C_SIGNERS, no_attrs, ALL},
    {"signer", TPL_SIGNER, K_SIGNER, C_BLOCK, no_attrs, ALL},
    {"letterbox", TPL_LETTERBOX, K_BLOCK, C_BLOCK, role_attrs, ALL},
    {"cutline", TPL_CUTLINE, K_BLOCK, C_NONE, cutline_attrs, ALL},
    {"pagebreak", TPL_PAGEBREAK, K_BLOCK, C_NONE, no_attrs, ALL},
    {"space", TPL_SPACE, K_BLOCK, C_NONE, lines_attrs, ALL},
    {"timeline", TPL_TIMELINE, K_BLOCK, C_NONE, no_attrs, FIELDS_RECAP},
    {"b", TPL_BOLD, K_INLINE, C_INLINE, no_attrs, ALL},
    {"i", TPL_ITALIC, K_INLINE, C_INLINE, no_attrs, ALL},
    {"small", TPL_SMALL, K_INLINE, C_INLINE, no_attrs, ALL},
    {"br", TPL_BR, K_INLINE, C_NONE, no_attrs, ALL},
    {"field", TPL_FIELD, K_PLAIN, C_NONE, field_attrs, ALL},
    {"checkbox", TPL_CHECKBOX, K_INLINE, C_NONE, checkbox_attrs, ALL},
    {"agree", TPL_AGREE, K_PLAIN, C_NONE, agree_attrs, ALL},
    {"if", TPL_IF, K_CONTROL, C_NONE, if_attrs, ALL},
    {"for", TPL_FOR, K_CONTROL, C_NONE, for_attrs, ALL},
    {"else", TPL_IF, K_ELSE, C_NONE, no_attrs, ALL},
};

struct loader {
	const char *path;
	enum fields_ctx ctx;
	struct arena *arena;
	int errors;
	bool oom;
	bool in_loop[FIELDS_NITEMS]; /* item kinds of the enclosing loops */
	int ncols;		     /* columns of the enclosing table */
	int depth;
};

/*
 * fail(ld, MSG_X, line, args...): a system error in the template (the
 * installation is broken, cli.md), the first MAX_ERRORS of them printed.
 */
#define fail(ld, id, ...) template_fail(ld, id, MSG_TEXT(id), __VA_ARGS__)

static void template_fail(struct loader *ld, enum msg id, const char *text,
			  long line, ...) __attribute__((format(printf, 3, 5)));

static void template_fail(struct loader *ld, enum msg id, const char *text,
			  long line, ...)
{
	va_list ap;
	(void)text; /* msg_text(id), for the format check */
	if (++ld->errors > MAX_ERRORS)
		return;
	va_start(ap, line);
	diag_vmsg(id, ld->path, line, ap);
	va_end(ap);
}

static const char *elem_name(const xmlNode *n)
{
	return (const char *)n->name;
}

static long line_of(const xmlNode *n)
{
	return xmlGetLineNo(n);
}

static const struct element *find_element(const char *name)
{
	for (size_t i = 0; i < sizeof(elements) / sizeof(*elements); i++)
		if (strcmp(elements[i].name, name) == 0)
			return &elements[i];
	return NULL;
}

static struct tpl_node *new_node(struct loader *ld, enum tpl_op op, long line)
{
	struct tpl_node *t = arena_alloc(ld->arena, sizeof(*t));
	if (t == NULL) {
		ld->oom = true;
		return NULL;
	}
	t->op = op;
	t->line = line;
	return t;
}

/* The attribute's value copied into the arena, or NULL if absent. */
static const char *attr(struct loader *ld, xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (v == NULL)
		return NULL;
	const char *s = arena_strdup(ld->arena, (const char *)v);
	xmlFree(v);
	if (s == NULL)
		ld->oom = true;
	return s;
}

static bool check_attrs(struct loader *ld, xmlNode *n, const struct element *e)
{
	bool ok = true;
	for (xmlAttr *a = n->properties; a != NULL; a = a->next) {
		bool known = false;
		for (const char *const *p = e->attrs; *p != NULL; p++)
			if (strcmp(*p, (const char *)a->name) == 0)
				known = a->ns == NULL;
		if (!known) {
			fail(ld, MSG_TEMPLATE_UNKNOWN_ATTRIBUTE, line_of(n),
			     e->name, (const char *)a->name);
			ok = false;
		}
	}
	return ok;
}

static const char *need_attr(struct loader *ld, xmlNode *n, const char *name)
{
	const char *v = attr(ld, n, name);
	if (v == NULL && !ld->oom)
		fail(ld, MSG_TEMPLATE_ATTRIBUTE_REQUIRED, line_of(n),
		     elem_name(n), name);
	return v;
}

static bool int_attr(struct loader *ld, xmlNode *n, const char *name, int min,
		     int max, int *out)
{
	const char *v = attr(ld, n, name);
	char *end;
	if (v == NULL)
		return true; /* keep the default */
	long l = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || l < min || l > max) {
		fail(ld, MSG_TEMPLATE_NOT_WHOLE_NUMBER, line_of(n),
		     elem_name(n), name, v, min, max);
		return false;
	}
	*out = (int)l;
	return true;
}

static bool bool_attr(struct loader *ld, xmlNode *n, const char *name,
		      bool *out)
{
	const char *v = attr(ld, n, name);
	if (v == NULL)
		return true;
	if (strcmp(v, "true") == 0 || strcmp(v, "false") == 0) {
		*out = v[0] == 't';
		return true;
	}
	fail(ld, MSG_TEMPLATE_NOT_TRUE_FALSE, line_of(n), elem_name(n), name,
	     v);
	return false;
}

static bool align_attr(struct loader *ld, xmlNode *n, enum doc_align *out)
{
	static const char *const names[] = {"left", "justify", "center",
					    "right"};
	const char *v = attr(ld, n, "align");
	if (v == NULL)
		return true;
	for (int i = 0; i < 4; i++)
		if (strcmp(v, names[i]) == 0) {
			*out = (enum doc_align)i;
			return true;
		}
	fail(ld, MSG_TEMPLATE_ALIGN_NOT_LEFT_JUSTIFY, line_of(n), elem_name(n),
	     v);
	return false;
}

static bool role_attr(struct loader *ld, xmlNode *n, enum doc_box *out)
{
	static const struct {
		const char *name;
		enum doc_box box;
	} roles[] = {
	    {"sender", DOC_BOX_SENDER},	    {"recipient", DOC_BOX_RECIPIENT},
	    {"dateline", DOC_BOX_DATELINE}, {"delivery", DOC_BOX_DELIVERY},
	    {"object", DOC_BOX_OBJECT},	    {"signatory", DOC_BOX_SIGNATORY},
	};
	const char *v = need_attr(ld, n, "role");
	if (v == NULL)
		return false;
	for (size_t i = 0; i < sizeof(roles) / sizeof(*roles); i++)
		if (strcmp(v, roles[i].name) == 0) {
			*out = roles[i].box;
			return true;
		}
	fail(ld, MSG_TEMPLATE_LETTERBOX_ROLE, line_of(n), v);
	return false;
}

/* "20 50 30" -> ncols fractions summing to 1. */
static bool widths_attr(struct loader *ld, xmlNode *n, struct tpl_node *t)
{
	double w[16], sum = 0;
	int count = 0;
	const char *v = need_attr(ld, n, "widths");
	if (v == NULL)
		return false;
	const char *p = v;
	for (;;) {
		char *end;
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		double x = strtod(p, &end);
		if (end == p || !(x > 0) || x > 1000 || count == 16 ||
		    (*end != ' ' && *end != '\0')) {
			fail(ld, MSG_TEMPLATE_TABLE_WIDTHS_NOT_LIST, line_of(n),
			     v);
			return false;
		}
		w[count++] = x;
		sum += x;
		p = end;
	}
	if (count == 0) {
		fail(ld, MSG_TEMPLATE_TABLE_WIDTHS_EMPTY, line_of(n));
		return false;
	}
	t->widths = arena_alloc(ld->arena, (size_t)count * sizeof(double));
	if (t->widths == NULL) {
		ld->oom = true;
		return false;
	}
	for (int i = 0; i < count; i++)
		t->widths[i] = w[i] / sum;
	t->ncols = count;
	return true;
}

/* <space lines="1.5">: half-lines, as DOC_SPACE counts them. */
static bool space_attr(struct loader *ld, xmlNode *n, int *half_lines)
{
	const char *v = attr(ld, n, "lines");
	char *end;
	if (v == NULL)
		return true;
	double x = strtod(v, &end);
	if (*v == '\0' || *end != '\0' || !(x > 0) || x > 40 ||
	    fabs(x * 2 - round(x * 2)) > 1e-9) {
		fail(ld, MSG_TEMPLATE_SPACE_LINES_NOT_NUMBER, line_of(n), v);
		return false;
	}
	*half_lines = (int)lround(x * 2);
	return true;
}

/*
 * A field name, checked: it exists, in this kind of template, and an
 * item's field is inside a loop over such items.
 */
static const struct fields_field *resolve_field(struct loader *ld, long line,
						const char *name)
{
	const struct fields_field *f = fields_find(name);
	if (f == NULL) {
		fail(ld, MSG_TEMPLATE_UNKNOWN_FIELD, line, name);
		return NULL;
	}
	if (!(fields_contexts(f) & ld->ctx)) {
		fail(ld, MSG_TEMPLATE_FIELD_NOT_AVAILABLE, line, name,
		     fields_ctx_name(ld->ctx));
		return NULL;
	}
	enum fields_item item = fields_item(f);
	if (item != FIELDS_ITEM_NONE && !ld->in_loop[item]) {
		fail(ld, MSG_TEMPLATE_FIELD_ONLY_AVAILABLE_INSIDE, line, name,
		     fields_item_name(item));
		return NULL;
	}
	return f;
}

static const struct fields_list *resolve_list(struct loader *ld, long line,
					      const char *name)
{
	const struct fields_list *l = fields_find_list(name);
	if (l == NULL) {
		fail(ld, MSG_TEMPLATE_UNKNOWN_LIST, line, name);
		return NULL;
	}
	if (!(fields_list_contexts(l) & ld->ctx)) {
		fail(ld, MSG_TEMPLATE_LIST_NOT_AVAILABLE, line, name,
		     fields_ctx_name(ld->ctx));
		return NULL;
	}
	return l;
}

/* A condition term: a field, else a list. */
static bool resolve_term(struct loader *ld, long line, const char *name,
			 struct tpl_term *term)
{
	if (fields_find(name) != NULL) {
		term->field = resolve_field(ld, line, name);
		return term->field != NULL;
	}
	if (fields_find_list(name) != NULL) {
		term->list = resolve_list(ld, line, name);
		return term->list != NULL;
	}
	fail(ld, MSG_TEMPLATE_UNKNOWN_FIELD_LIST_TEST, line, name);
	return false;
}

/* "a and not b or c": terms with their "not" and "or". */
static struct tpl_test *compile_test(struct loader *ld, long line,
				     const char *expr)
{
	char words[512];
	if (snprintf(words, sizeof(words), "%s", expr) >= (int)sizeof(words)) {
		fail(ld, MSG_TEMPLATE_TEST_TOO_LONG, line, expr);
		return NULL;
	}
	struct tpl_test *t = arena_alloc(ld->arena, sizeof(*t));
	struct tpl_term *terms =
	    arena_alloc(ld->arena, (strlen(words) / 2 + 1) * sizeof(*terms));
	if (t == NULL || terms == NULL) {
		ld->oom = true;
		return NULL;
	}
	t->terms = terms;
	bool want_term = true, negate = false, starts_or = false, ok = true;
	char *save = NULL;
	for (char *w = strtok_r(words, " \t\r\n", &save); w != NULL;
	     w = strtok_r(NULL, " \t\r\n", &save)) {
		if (want_term && strcmp(w, "not") == 0) {
			negate = !negate;
		} else if (want_term) {
			if (strcmp(w, "and") == 0 || strcmp(w, "or") == 0) {
				ok = false;
				break;
			}
			struct tpl_term *term = &terms[t->nterms++];
			term->negate = negate;
			term->starts_or = starts_or;
			if (!resolve_term(ld, line, w, term))
				return NULL;
			want_term = negate = starts_or = false;
		} else if (strcmp(w, "and") == 0 || strcmp(w, "or") == 0) {
			starts_or = w[0] == 'o';
			want_term = true;
		} else {
			ok = false;
			break;
		}
	}
	if (!ok || want_term) {
		fail(ld, MSG_TEMPLATE_TEST_NOT_TERMS_JOINED, line, expr);
		return NULL;
	}
	return t;
}

/* Runs of white space as one space (templates/README.md, "Texte"). */
static const char *collapse(struct loader *ld, const char *s)
{
	char *out = arena_alloc(ld->arena, strlen(s) + 1), *p = out;
	if (out == NULL) {
		ld->oom = true;
		return NULL;
	}
	for (; *s != '\0'; s++) {
		bool ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		if (!ws)
			*p++ = *s;
		else if (p == out || p[-1] != ' ')
			*p++ = ' ';
	}
	*p = '\0';
	return out;
}

static bool blank_text(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

static bool is_text(const xmlNode *n)
{
	return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

static const xmlNode *sibling(const xmlNode *n, bool forward)
{
	do
		n = forward ? n->next : n->prev;
	while (n != NULL && n->type != XML_ELEMENT_NODE && !is_text(n));
	return n;
}

static const char *content_name(enum content c)
{
	switch (c) {
	case C_NONE:
		return "an empty element";
	case C_DOCUMENT:
	case C_BLOCK:
		return "a block container";
	case C_INLINE:
		return "a paragraph";
	case C_PLAIN:
		return "<title>, <subject>, <keywords> or <banner>";
	case C_ROWS:
		return "<table>";
	case C_ITEMS:
		return "<list>";
	case C_CELLS:
		return "<row>";
	case C_SIGNERS:
		return "<signature>";
	}
	return "?";
}

static bool allowed(enum class k, enum content where)
{
	switch (k) {
	case K_META:
		return where == C_DOCUMENT;
	case K_BLOCK:
		return where == C_DOCUMENT || where == C_BLOCK;
	case K_INLINE:
		return where == C_DOCUMENT || where == C_BLOCK ||
		       where == C_INLINE;
	case K_PLAIN:
		return where == C_DOCUMENT || where == C_BLOCK ||
		       where == C_INLINE || where == C_PLAIN;
	case K_ROW:
		return where == C_ROWS;
	case K_ITEM:
		return where == C_ITEMS;
	case K_CELL:
		return where == C_CELLS;
	case K_SIGNER:
		return where == C_SIGNERS;
	case K_CONTROL:
		return where != C_NONE && where != C_CELLS;
	case K_ELSE:
		return false; /* handled by <if> */
	}
	return false;
}

static struct tpl_node *compile_list(struct loader *ld, xmlNode *parent,
				     enum content where);

static struct tpl_node *compile_text(struct loader *ld, xmlNode *n,
				     enum content where)
{
	const char *s = (const char *)n->content;
	bool ws = blank_text(s);
	/* White space among blocks is kept too: it may separate two inline
	 * elements (even across an <if>), and the expander never opens a
	 * paragraph for it and trims it at paragraph ends. */
	if (where == C_INLINE || where == C_PLAIN || where == C_BLOCK ||
	    where == C_DOCUMENT) {
		struct tpl_node *t = new_node(ld, TPL_TEXT, line_of(n));
		if (t != NULL)
			t->text = collapse(ld, s);
		return t;
	}
	if (!ws)
		fail(ld, MSG_TEMPLATE_TEXT_NOT_ALLOWED_INSIDE, line_of(n),
		     elem_name(n->parent));
	return NULL;
}

static void compile_if(struct loader *ld, xmlNode *n, enum content where,
		       struct tpl_node *t)
{
	const char *test = need_attr(ld, n, "test");
	if (test != NULL)
		t->test = compile_test(ld, line_of(n), test);
	t->first = compile_list(ld, n, where);
	/* The <else>: its children are the alternative. */
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    strcmp(elem_name(c), "else") != 0 || c->ns != NULL)
			continue;
		const xmlNode *after = sibling(c, true);
		if (after != NULL &&
		    (after->type == XML_ELEMENT_NODE ||
		     !blank_text((const char *)after->content)))
			fail(ld, MSG_TEMPLATE_ELSE_MUST_LAST_CHILD, line_of(c));
		check_attrs(ld, c, find_element("else"));
		t->otherwise = compile_list(ld, c, where);
	}
}

static void compile_for(struct loader *ld, xmlNode *n, enum content where,
			struct tpl_node *t)
{
	const char *each = need_attr(ld, n, "each");
	if (each == NULL ||
	    (t->list = resolve_list(ld, line_of(n), each)) == NULL)
		return;
	enum fields_item item = fields_list_item(t->list);
	if (ld->in_loop[item]) {
		fail(ld, MSG_TEMPLATE_EACH_INSIDE_ANOTHER_LOOP, line_of(n),
		     each, fields_item_name(item));
		return;
	}
	ld->in_loop[item] = true;
	t->first = compile_list(ld, n, where);
	ld->in_loop[item] = false;
}

static void compile_field(struct loader *ld, xmlNode *n, struct tpl_node *t)
{
	const char *name = need_attr(ld, n, "name");
	const char *format = attr(ld, n, "format");
	t->empty = attr(ld, n, "empty");
	if (name == NULL ||
	    (t->field = resolve_field(ld, line_of(n), name)) == NULL)
		return;
	if (format != NULL &&
	    (t->format = fields_format_find(fields_type(t->field), format)) < 0)
		fail(ld, MSG_TEMPLATE_FIELD_FORMAT_DOES_NOT, line_of(n), format,
		     name);
}

static void compile_textfield(struct loader *ld, xmlNode *n, struct tpl_node *t)
{
	const char *name = need_attr(ld, n, "field");
	t->count = 4;
	int_attr(ld, n, "blank-lines", 1, 60, &t->count);
	t->empty = attr(ld, n, "empty");
	if (name == NULL ||
	    (t->field = resolve_field(ld, line_of(n), name)) == NULL)
		return;
	if (fields_type(t->field) != FIELDS_TEXT)
		fail(ld, MSG_TEMPLATE_TEXT_FIELD_NOT_TEXT, line_of(n), name);
}

static void compile_checkbox(struct loader *ld, xmlNode *n, struct tpl_node *t)
{
	const char *name = attr(ld, n, "field");
	const char *test = attr(ld, n, "test");
	if (name != NULL && test != NULL) {
		fail(ld, MSG_TEMPLATE_CHECKBOX_GIVE_FIELD_TEST, line_of(n));
		return;
	}
	if (test != NULL)
		t->test = compile_test(ld, line_of(n), test);
	if (name == NULL ||
	    (t->field = resolve_field(ld, line_of(n), name)) == NULL)
		return;
	if (fields_type(t->field) != FIELDS_BOOL)
		fail(ld, MSG_TEMPLATE_CHECKBOX_FIELD_NOT_YES, line_of(n), name);
}

/* The number of <cell> children a <row> has. */
static int count_cells(const struct tpl_node *row)
{
	int n = 0;
	for (const struct tpl_node *c = row->first; c != NULL; c = c->next)
		n += c->op == TPL_CELL;
	return n;
}

/* The attributes and children of a checked element of kind e. */
static void compile_body(struct loader *ld, xmlNode *n, const struct element *e,
			 enum content where, struct tpl_node *t)
{
	int saved_ncols = ld->ncols;
	switch (e->op) {
	case TPL_IF:
		compile_if(ld, n, where, t);
		return;
	case TPL_FOR:
		compile_for(ld, n, where, t);
		return;
	case TPL_HEADING:
		t->level = 1;
		int_attr(ld, n, "level", 1, 3, &t->level);
		break;
	case TPL_P:
		t->align = DOC_JUSTIFY;
		align_attr(ld, n, &t->align);
		break;
	case TPL_CELL:
		align_attr(ld, n, &t->align);
		break;
	case TPL_SECTION:
		bool_attr(ld, n, "keep-together", &t->keep_together);
		break;
	case TPL_FRAME:
		t->keep_together = true;
		bool_attr(ld, n, "keep-together", &t->keep_together);
		break;
	case TPL_LIST:
		bool_attr(ld, n, "ordered", &t->ordered);
		break;
	case TPL_TABLE:
		widths_attr(ld, n, t);
		int_attr(ld, n, "header", 0, 5, &t->header_rows);
		ld->ncols = t->ncols;
		break;
	case TPL_BLANK_ROWS:
		t->count = 1;
		int_attr(ld, n, "count", 1, 50, &t->count);
		t->ncols = ld->ncols;
		break;
	case TPL_RULED:
		t->count = 4;
		int_attr(ld, n, "lines", 1, 60, &t->count);
		break;
	case TPL_SPACE:
		t->count = 2;
		space_attr(ld, n, &t->count);
		break;
	case TPL_LETTERBOX:
		role_attr(ld, n, &t->box);
		break;
	case TPL_CUTLINE:
		/* The words over the line, drawn by every backend alike. */
		t->text = attr(ld, n, "label");
		if (t->text == NULL)
			t->text = "découper ici";
		break;
	case TPL_TEXTFIELD:
		compile_textfield(ld, n, t);
		break;
	case TPL_FIELD:
		compile_field(ld, n, t);
		break;
	case TPL_CHECKBOX:
		compile_checkbox(ld, n, t);
		break;
	case TPL_AGREE:
		t->text = need_attr(ld, n, "m");
		t->text_f = need_attr(ld, n, "f");
		t->text_n = attr(ld, n, "n");
		break;
	default:
		break;
	}
	if (e->children != C_NONE)
		t->first = compile_list(ld, n, e->children);
	else if (n->children != NULL)
		for (xmlNode *c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE ||
			    (is_text(c) &&
			     !blank_text((const char *)c->content))) {
				fail(ld, MSG_TEMPLATE_MUST_BE_EMPTY, line_of(c),
				     e->name);
				break;
			}
	if (e->op == TPL_ROW && t->first != NULL && ld->ncols > 0 &&
	    count_cells(t) != ld->ncols)
		fail(ld, MSG_TEMPLATE_ROW_CELLS_BUT_TABLE, line_of(n),
		     count_cells(t), ld->ncols);
	ld->ncols = saved_ncols;
}

static struct tpl_node *compile_element(struct loader *ld, xmlNode *n,
					enum content where)
{
	const struct element *e =
	    n->ns == NULL ? find_element(elem_name(n)) : NULL;
	if (e == NULL) {
		fail(ld, MSG_TEMPLATE_UNKNOWN_ELEMENT, line_of(n),
		     elem_name(n));
		return NULL;
	}
	if (!allowed(e->cls, where)) {
		if (e->cls == K_ELSE)
			fail(ld, MSG_TEMPLATE_ELSE_ONLY_ALLOWED_IF, line_of(n));
		else
			fail(ld, MSG_TEMPLATE_NOT_ALLOWED, line_of(n), e->name,
			     content_name(where));
		return NULL;
	}
	if (!(e->ctx & ld->ctx)) {
		fail(ld, MSG_TEMPLATE_NOT_AVAILABLE, line_of(n), e->name,
		     fields_ctx_name(ld->ctx));
		return NULL;
	}
	if (!check_attrs(ld, n, e))
		return NULL;
	if (++ld->depth > MAX_DEPTH) {
		fail(ld, MSG_TEMPLATE_ELEMENTS_NESTED_TOO_DEEPLY, line_of(n));
		ld->depth--;
		return NULL;
	}
	struct tpl_node *t = new_node(ld, e->op, line_of(n));
	if (t != NULL)
		compile_body(ld, n, e, where == C_DOCUMENT ? C_BLOCK : where,
			     t);
	ld->depth--;
	return t;
}

/*
 * The children of parent compiled in order.  An <else> is skipped here:
 * compile_if() takes it.  In the document, metadata comes first.
 */
static struct tpl_node *compile_list(struct loader *ld, xmlNode *parent,
				     enum content where)
{
	struct tpl_node *first = NULL, **tail = &first;
	bool seen_block = false;
	unsigned seen_meta = 0;
	for (xmlNode *c = parent->children; c != NULL && !ld->oom;
	     c = c->next) {
		struct tpl_node *t = NULL;
		if (is_text(c)) {
			t = compile_text(ld, c, where);
		} else if (c->type == XML_ELEMENT_NODE) {
			if (c->ns == NULL &&
			    strcmp(elem_name(c), "else") == 0 &&
			    strcmp(elem_name(parent), "if") == 0)
				continue;
			t = compile_element(ld, c, where);
		}
		if (t == NULL)
			continue;
		if (where == C_DOCUMENT) {
			bool meta =
			    t->op == TPL_TITLE || t->op == TPL_SUBJECT ||
			    t->op == TPL_KEYWORDS || t->op == TPL_BANNER;
			/* Only the first few ops are meta: no shift past 31. */
			unsigned bit = meta ? 1u << t->op : 0;
			if (meta && seen_block)
				fail(ld, MSG_TEMPLATE_MUST_COME_BEFORE_CONTENT,
				     t->line, elem_name(c));
			else if (meta && (seen_meta & bit))
				fail(ld, MSG_TEMPLATE_GIVEN_TWICE, t->line,
				     elem_name(c));
			seen_meta |= meta ? bit : 0;
			seen_block |= !meta && t->op != TPL_TEXT;
		}
		*tail = t;
		tail = &t->next;
	}
	return first;
}

static void compile_document(struct loader *ld, xmlDocPtr doc,
			     struct template *t)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	if (root == NULL || root->ns != NULL ||
	    strcmp(elem_name(root), "document") != 0) {
		fail(ld, MSG_TEMPLATE_ROOT_NOT_DOCUMENT,
		     root != NULL ? line_of(root) : 0);
		return;
	}
	if (root->properties != NULL)
		fail(ld, MSG_TEMPLATE_DOCUMENT_ATTRIBUTE, line_of(root),
		     (const char *)root->properties->name);
	t->first = compile_list(ld, root, C_DOCUMENT);
}

static char *join_path(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *p = malloc(n);
	if (p != NULL)
		snprintf(p, n, "%s/%s", dir, file);
	return p;
}

struct template *template_load(const char *dir, const char *file,
			       enum fields_ctx ctx)
{
	struct template *t = calloc(1, sizeof(*t));
	if (t == NULL || (t->path = join_path(dir, file)) == NULL ||
	    (t->arena = arena_new()) == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		template_free(t);
		return NULL;
	}
	t->ctx = ctx;
	size_t size;
	char *text = inputs_slurp_max(t->path, MAX_BYTES, &size);
	if (text == NULL) {
		diag(MSG_TEMPLATE_CANNOT_READ, t->path, 0, strerror(errno));
		template_free(t);
		return NULL;
	}
	struct dossier_parse_guard guard;
	struct dossier_parse_error err;
	dossier_parse_guard_begin(&guard);
	xmlDocPtr doc = dossier_parse(text, size, &err);
	free(text);
	struct loader ld = {.path = t->path, .ctx = ctx, .arena = t->arena};
	if (doc == NULL)
		fail(&ld, MSG_TEMPLATE_NOT_XML, err.line, err.message);
	else
		compile_document(&ld, doc, t);
	xmlFreeDoc(doc);
	dossier_parse_guard_end(&guard);
	if (ld.oom)
		diag(MSG_OUT_OF_MEMORY, t->path, 0);
	if (ld.errors > MAX_ERRORS)
		diag(MSG_TEMPLATE_MORE_ERRORS_NOT_SHOWN, t->path, 0,
		     ld.errors - MAX_ERRORS);
	if (ld.oom || ld.errors > 0) {
		template_free(t);
		return NULL;
	}
	return t;
}

void template_free(struct template *t)
{
	if (t == NULL)
		return;
	arena_free(t->arena);
	free(t->path);
	free(t);
}
