/*
 * RELAX NG validation and its explanation (see dossier_schema.h).
 *
 * The explanation reads the schema as a tree and understands the subset
 * dossier.rng uses: element, attribute, optional, zeroOrMore, oneOrMore,
 * group, interleave, choice, ref/define, value, data (token with pattern
 * and minLength), text and empty.  It never decides validity on its own:
 * it only runs after libxml2 has said no.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>
#include <libxml/xmlregexp.h>

#include "diag.h"
#include "dossier_parse.h"
#include "dossier_patterns.h"
#include "dossier_schema.h"
#include "grow.h"
#include "inputs.h"
#include "utf8.h"

#define RNG_NS	      "http://relaxng.org/ns/structure/1.0"
#define ANNOTATION_NS "http://relaxng.org/ns/compatibility/annotations/1.0"

/* Longest value quoted in a message, in bytes. */
#define QUOTE_MAX 40

struct dossier_schema {
	xmlDocPtr rng; /* the schema as a tree, for explanations */
	xmlNodePtr grammar, start;
	xmlRelaxNGPtr compiled;
	xmlRelaxNGValidCtxtPtr valid;
	/* The schema without its patterns, and the patterns compiled once
	 * (dossier_patterns.h); NULL when the schema defeats the table. */
	struct dossier_patterns *patterns;
	xmlRelaxNGPtr unpatterned;
	xmlRelaxNGValidCtxtPtr unpatterned_valid;
	/* The first message of the last validation, for the fallback. */
	bool have_error;
	long error_line;
	char error[200];
};

/* ---- Schema tree helpers --------------------------------------------- */

static bool is_rng(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
	       (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

/* The name="…" of a schema node; points into the schema tree. */
static const xmlChar *rng_name(xmlNodePtr n)
{
	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next)
		if (xmlStrEqual(a->name, BAD_CAST "name") &&
		    a->children != NULL)
			return a->children->content;
	return NULL;
}

static xmlNodePtr find_define(const struct dossier_schema *s,
			      const xmlChar *name)
{
	for (xmlNodePtr n = s->grammar->children; n != NULL; n = n->next)
		if (is_rng(n, "define") && xmlStrEqual(rng_name(n), name))
			return n;
	return NULL;
}

/* The a:documentation text of a define, or NULL. */
static xmlNodePtr documentation(xmlNodePtr define)
{
	for (xmlNodePtr n = define->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && n->ns != NULL &&
		    xmlStrEqual(n->ns->href, BAD_CAST ANNOTATION_NS) &&
		    xmlStrEqual(n->name, BAD_CAST "documentation"))
			return n;
	return NULL;
}

/* Does any <element name="name"> exist anywhere in the schema? */
static bool known_element(xmlNodePtr n, const xmlChar *name)
{
	for (; n != NULL; n = n->next) {
		if (is_rng(n, "element") && xmlStrEqual(rng_name(n), name))
			return true;
		if (n->type == XML_ELEMENT_NODE &&
		    known_element(n->children, name))
			return true;
	}
	return false;
}

/* ---- Content models -------------------------------------------------- */

/* One element or attribute a content model allows, with its counts. */
struct particle {
	const xmlChar *name;
	xmlNodePtr def; /* the schema's <element> or <attribute> */
	int min, max;	/* max < 0: unbounded */
	int pos;	/* order; equal positions may come in any order */
};

#define MODEL_MAX 32

struct model {
	struct particle elems[MODEL_MAX], attrs[MODEL_MAX];
	size_t nelems, nattrs;
	xmlNodePtr value; /* pattern of text content, NULL if none */
	int pos;
};

/* A define or pattern that describes a value rather than structure. */
static bool is_value_pattern(const struct dossier_schema *s, xmlNodePtr n,
			     int depth)
{
	if (depth > 16)
		return false;
	if (is_rng(n, "data") || is_rng(n, "value") || is_rng(n, "text"))
		return true;
	if (is_rng(n, "ref")) {
		xmlNodePtr d = find_define(s, rng_name(n));
		return d != NULL && is_value_pattern(s, d, depth + 1);
	}
	if (is_rng(n, "choice") || is_rng(n, "define")) {
		bool any = false;
		for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
			if (!is_rng(c, NULL))
				continue;
			if (!is_value_pattern(s, c, depth + 1))
				return false;
			any = true;
		}
		return any;
	}
	return false;
}

static void add_particle(struct particle *list, size_t *n, xmlNodePtr def,
			 int min, bool repeat, int pos)
{
	const xmlChar *name = rng_name(def);
	for (size_t i = 0; i < *n; i++) {
		if (!xmlStrEqual(list[i].name, name))
			continue;
		/* <line>, <line>?, <line>? makes one particle of 1 to 3. */
		list[i].min += min;
		list[i].max = list[i].max < 0 || repeat ? -1 : list[i].max + 1;
		return;
	}
	if (*n == MODEL_MAX)
		return;
	list[(*n)++] = (struct particle){name, def, min, repeat ? -1 : 1, pos};
}

static void collect(const struct dossier_schema *s, struct model *m,
		    xmlNodePtr parent, int min, bool repeat, bool interleaved,
		    int depth)
{
	if (depth > 32)
		return;
	for (xmlNodePtr n = parent->children; n != NULL; n = n->next) {
		if (!is_rng(n, NULL))
			continue;
		if (is_rng(n, "element")) {
			add_particle(m->elems, &m->nelems, n, min, repeat,
				     m->pos);
			if (!interleaved)
				m->pos++;
		} else if (is_rng(n, "attribute")) {
			add_particle(m->attrs, &m->nattrs, n, min, repeat, 0);
		} else if (is_rng(n, "optional")) {
			collect(s, m, n, 0, repeat, interleaved, depth + 1);
		} else if (is_rng(n, "zeroOrMore")) {
			collect(s, m, n, 0, true, interleaved, depth + 1);
		} else if (is_rng(n, "oneOrMore")) {
			collect(s, m, n, min, true, interleaved, depth + 1);
		} else if (is_rng(n, "group")) {
			collect(s, m, n, min, repeat, interleaved, depth + 1);
		} else if (is_rng(n, "interleave")) {
			collect(s, m, n, min, repeat, true, depth + 1);
			if (!interleaved)
				m->pos++;
		} else if (is_value_pattern(s, n, 0)) {
			m->value = n;
		} else if (is_rng(n, "choice")) {
			/* Each branch may be absent (start's choice). */
			collect(s, m, n, 0, repeat, interleaved, depth + 1);
		} else if (is_rng(n, "ref")) {
			xmlNodePtr d = find_define(s, rng_name(n));
			if (d != NULL)
				collect(s, m, d, min, repeat, interleaved,
					depth + 1);
		}
	}
}

static void model_of(const struct dossier_schema *s, xmlNodePtr def,
		     struct model *m)
{
	memset(m, 0, sizeof(*m));
	collect(s, m, def, 1, false, false, 0);
}

static const struct particle *find_particle(const struct particle *list,
					    size_t n, const xmlChar *name)
{
	for (size_t i = 0; i < n; i++)
		if (xmlStrEqual(list[i].name, name))
			return &list[i];
	return NULL;
}

/* ---- Values ---------------------------------------------------------- */

/* s with white space collapsed, as xsd:token sees it; caller frees. */
static char *collapse(const char *s)
{
	char *out = malloc(strlen(s) + 1), *p = out;
	if (out == NULL)
		return NULL;
	bool space = false;
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = p != out;
			continue;
		}
		if (space)
			*p++ = ' ';
		space = false;
		*p++ = *s;
	}
	*p = '\0';
	return out;
}

static bool data_ok(xmlNodePtr data, const char *token)
{
	for (xmlNodePtr p = data->children; p != NULL; p = p->next) {
		if (!is_rng(p, "param"))
			continue;
		const xmlChar *name = rng_name(p);
		xmlChar *arg = xmlNodeGetContent(p);
		bool ok = true;
		if (xmlStrEqual(name, BAD_CAST "pattern")) {
			xmlRegexpPtr re = xmlRegexpCompile(arg);
			ok = re == NULL ||
			     xmlRegexpExec(re, BAD_CAST token) == 1;
			xmlRegFreeRegexp(re);
		} else if (xmlStrEqual(name, BAD_CAST "minLength")) {
			ok = utf8_count(token, strlen(token)) >=
			     strtoul((const char *)arg, NULL, 10);
		}
		xmlFree(arg);
		if (!ok)
			return false;
	}
	return true;
}

/* Does value (collapsed) match the value pattern p? */
static bool value_ok(const struct dossier_schema *s, xmlNodePtr p,
		     const char *token, int depth)
{
	if (depth > 16 || is_rng(p, "text"))
		return true;
	if (is_rng(p, "value")) {
		xmlChar *v = xmlNodeGetContent(p);
		char *want = collapse((const char *)v);
		bool ok = want != NULL && strcmp(want, token) == 0;
		free(want);
		xmlFree(v);
		return ok;
	}
	if (is_rng(p, "data"))
		return data_ok(p, token);
	if (is_rng(p, "ref")) {
		xmlNodePtr d = find_define(s, rng_name(p));
		return d == NULL || value_ok(s, d, token, depth + 1);
	}
	/* choice: any branch; define: its one pattern. */
	bool choice = is_rng(p, "choice");
	for (xmlNodePtr c = p->children; c != NULL; c = c->next) {
		if (!is_rng(c, NULL))
			continue;
		bool ok = value_ok(s, c, token, depth + 1);
		if (choice && ok)
			return true;
		if (!choice)
			return ok;
	}
	return !choice;
}

struct text {
	char buf[512];
	size_t len;
};

static void text_add(struct text *t, const char *s)
{
	int n = snprintf(t->buf + t->len, sizeof(t->buf) - t->len, "%s", s);
	if (n > 0)
		t->len += (size_t)n < sizeof(t->buf) - t->len
			      ? (size_t)n
			      : sizeof(t->buf) - t->len - 1;
}

/* Lists the <value>s under p ("a, b, c"). */
static void list_values(const struct dossier_schema *s, xmlNodePtr p,
			struct text *t, int depth)
{
	if (depth > 16)
		return;
	if (is_rng(p, "value")) {
		xmlChar *v = xmlNodeGetContent(p);
		text_add(t, t->len > 0 ? ", " : "");
		text_add(t, (const char *)v);
		xmlFree(v);
	} else if (is_rng(p, "ref")) {
		xmlNodePtr d = find_define(s, rng_name(p));
		if (d != NULL)
			list_values(s, d, t, depth + 1);
	} else {
		for (xmlNodePtr c = p->children; c != NULL; c = c->next)
			if (is_rng(c, NULL))
				list_values(s, c, t, depth + 1);
	}
}

/* What pattern p expects, in words: its documentation or its values. */
static void describe(const struct dossier_schema *s, xmlNodePtr p,
		     struct text *t)
{
	xmlNodePtr d = is_rng(p, "ref") ? find_define(s, rng_name(p)) : NULL;
	xmlNodePtr doc = d != NULL ? documentation(d) : NULL;
	if (doc != NULL) {
		xmlChar *v = xmlNodeGetContent(doc);
		text_add(t, (const char *)v);
		xmlFree(v);
		return;
	}
	struct text values = {.len = 0};
	list_values(s, p, &values, 0);
	if (values.len > 0 && strchr(values.buf, ',') == NULL) {
		text_add(t, "\"");
		text_add(t, values.buf);
		text_add(t, "\"");
	} else if (values.len > 0) {
		text_add(t, "one of ");
		text_add(t, values.buf);
	} else {
		text_add(t, "a valid value");
	}
}

/* ---- Findings -------------------------------------------------------- */

struct finding {
	long line;
	size_t seq; /* order of discovery, for a stable sort */
	enum msg msg;
	char *message;
};

/* The problems of one explanation, printed sorted by line. */
struct findings {
	struct finding *list;
	size_t n, cap;
};

/* found(f, MSG_X, line, args...): keeps message MSG_X for the report. */
#define found(f, id, ...) schema_found(f, id, MSG_TEXT(id), __VA_ARGS__)

static void schema_found(struct findings *f, enum msg id, const char *text,
			 long line, ...) __attribute__((format(printf, 3, 5)));

static void schema_found(struct findings *f, enum msg id, const char *text,
			 long line, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, line);
	vsnprintf(buf, sizeof(buf), text, ap);
	va_end(ap);
	if (!grow_array(&f->list, &f->cap, f->n, 16, sizeof(*f->list)))
		return;
	char *copy = malloc(strlen(buf) + 1);
	if (copy == NULL)
		return;
	strcpy(copy, buf);
	f->list[f->n] = (struct finding){line, f->n, id, copy};
	f->n++;
}

static int compare_findings(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	/* Same line: keep the walk's order (qsort is not stable). */
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A value fit to quote: control characters blanked, length capped. */
static void quote(const char *value, char out[QUOTE_MAX + 8])
{
	size_t n = strlen(value);
	bool cut = n > QUOTE_MAX;
	if (cut) {
		n = QUOTE_MAX;
		/* value[n] is the first byte left out: cut before its
		 * character if it is in the middle of one. */
		while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
			n--;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = (unsigned char)value[i] < 0x20 ? ' ' : value[i];
	strcpy(out + n, cut ? "…" : "");
}

static long line_of(xmlNodePtr n)
{
	return dossier_parse_line(n);
}

/* ---- The walk -------------------------------------------------------- */

struct walk {
	const struct dossier_schema *s;
	struct findings *f;
	const char *skip;
};

/*
 * what: "attribute \"date\"" or "" for element content.  Reports a value
 * that does not fit its pattern; quiet leaves the value out.
 */
static void check_value(struct walk *w, xmlNodePtr elem, const char *what,
			xmlNodePtr pattern, const char *raw, bool quiet)
{
	char *token = collapse(raw);
	if (token == NULL || value_ok(w->s, pattern, token, 0)) {
		free(token);
		return;
	}
	struct text want = {.len = 0};
	describe(w->s, pattern, &want);
	const char *sep = *what != '\0' ? " " : "";
	if (*token == '\0') {
		found(w->f, MSG_DOSSIER_EMPTY_EXPECTED, line_of(elem),
		      elem->name, *what != '\0' ? ":" : "", sep, what,
		      want.buf);
	} else if (quiet) {
		found(w->f, MSG_DOSSIER_SCHEMA_NOT_TYPE, line_of(elem),
		      elem->name, sep, what, *what != '\0' ? "" : " the value",
		      want.buf);
	} else {
		char q[QUOTE_MAX + 8];
		quote(token, q);
		found(w->f, MSG_DOSSIER_SCHEMA_VALUE_NOT_TYPE, line_of(elem),
		      elem->name, sep, what, *what != '\0' ? ": " : " ", q,
		      want.buf);
	}
	free(token);
}

static void check_attributes(struct walk *w, xmlNodePtr elem,
			     const struct model *m, bool quiet)
{
	for (xmlAttrPtr a = elem->properties; a != NULL; a = a->next) {
		const struct particle *p =
		    a->ns == NULL ? find_particle(m->attrs, m->nattrs, a->name)
				  : NULL;
		if (p == NULL) {
			found(w->f, MSG_DOSSIER_UNKNOWN_ATTRIBUTE,
			      line_of(elem), elem->name,
			      a->ns != NULL && a->ns->prefix != NULL
				  ? (const char *)a->ns->prefix
				  : "",
			      a->ns != NULL && a->ns->prefix != NULL ? ":" : "",
			      a->name);
			continue;
		}
		struct model am;
		model_of(w->s, p->def, &am);
		if (am.value == NULL)
			continue;
		xmlChar *v = xmlNodeListGetString(elem->doc, a->children, 1);
		char what[128];
		snprintf(what, sizeof(what), "attribute \"%s\"", a->name);
		check_value(w, elem, what, am.value,
			    v != NULL ? (const char *)v : "", quiet);
		xmlFree(v);
	}
	for (size_t i = 0; i < m->nattrs; i++)
		if (m->attrs[i].min > 0 &&
		    xmlHasNsProp(elem, m->attrs[i].name, NULL) == NULL)
			found(w->f, MSG_DOSSIER_MISSING_ATTRIBUTE,
			      line_of(elem), elem->name, m->attrs[i].name);
}

static void explain_element(struct walk *w, xmlNodePtr elem, xmlNodePtr def,
			    bool quiet, int depth);

static void unexpected_child(struct walk *w, xmlNodePtr parent,
			     xmlNodePtr child)
{
	if (child->ns != NULL)
		found(w->f, MSG_DOSSIER_ELEMENT_NAMESPACE, line_of(child),
		      parent->name,
		      child->ns->prefix != NULL
			  ? (const char *)child->ns->prefix
			  : "",
		      child->ns->prefix != NULL ? ":" : "", child->name,
		      child->ns->href);
	else if (known_element(w->s->grammar, child->name))
		found(w->f, MSG_DOSSIER_NOT_ALLOWED_HERE, line_of(child),
		      parent->name, child->name);
	else
		found(w->f, MSG_DOSSIER_UNKNOWN_ELEMENT, line_of(child),
		      parent->name, child->name);
}

static void check_children(struct walk *w, xmlNodePtr elem,
			   const struct model *m, bool quiet, int depth)
{
	int count[MODEL_MAX] = {0};
	int last_pos = -1;
	xmlNodePtr last = NULL;
	bool text_reported = false;
	for (xmlNodePtr c = elem->children; c != NULL; c = c->next) {
		if ((c->type == XML_TEXT_NODE ||
		     c->type == XML_CDATA_SECTION_NODE) &&
		    m->value == NULL && !xmlIsBlankNode(c) && !text_reported) {
			found(w->f, MSG_DOSSIER_UNEXPECTED_TEXT, line_of(c),
			      elem->name);
			text_reported = true;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const struct particle *p =
		    c->ns == NULL ? find_particle(m->elems, m->nelems, c->name)
				  : NULL;
		if (p == NULL) {
			unexpected_child(w, elem, c);
			continue;
		}
		size_t i = (size_t)(p - m->elems);
		if (p->max >= 0 && ++count[i] > p->max) {
			if (p->max == 1)
				found(w->f, MSG_DOSSIER_ONLY_ONE_ALLOWED,
				      line_of(c), elem->name, c->name);
			else
				found(w->f, MSG_DOSSIER_MOST_ALLOWED,
				      line_of(c), elem->name, p->max, c->name);
		} else if (p->max < 0) {
			count[i]++;
		}
		if (p->pos < last_pos)
			found(w->f, MSG_DOSSIER_MUST_COME_BEFORE, line_of(c),
			      elem->name, c->name, last->name);
		if (p->pos > last_pos) {
			last_pos = p->pos;
			last = c;
		}
		if (w->skip == NULL || !xmlStrEqual(c->name, BAD_CAST w->skip))
			explain_element(w, c, p->def, quiet, depth + 1);
	}
	for (size_t i = 0; i < m->nelems; i++)
		if (count[i] < m->elems[i].min)
			found(w->f, MSG_DOSSIER_MISSING, line_of(elem),
			      elem->name, m->elems[i].name);
}

static void explain_element(struct walk *w, xmlNodePtr elem, xmlNodePtr def,
			    bool quiet, int depth)
{
	if (depth > 64)
		return;
	/* <employee> holds identity data: never quote it. */
	quiet = quiet || xmlStrEqual(elem->name, BAD_CAST "employee");
	struct model *m = malloc(sizeof(*m));
	if (m == NULL)
		return;
	model_of(w->s, def, m);
	check_attributes(w, elem, m, quiet);
	check_children(w, elem, m, quiet, depth);
	if (m->value != NULL) {
		xmlChar *v = xmlNodeGetContent(elem);
		check_value(w, elem, "", m->value,
			    v != NULL ? (const char *)v : "", quiet);
		xmlFree(v);
	}
	free(m);
}

unsigned dossier_schema_explain(struct dossier_schema *s, xmlNodePtr elem,
				const char *skip, const char *file)
{
	struct findings f = {.n = 0};
	struct walk w = {s, &f, skip};
	struct model *start = malloc(sizeof(*start));
	if (start != NULL) {
		model_of(s, s->start, start);
		const struct particle *p =
		    elem->ns == NULL
			? find_particle(start->elems, start->nelems, elem->name)
			: NULL;
		if (p != NULL)
			explain_element(&w, elem, p->def, false, 0);
		else
			found(&f, MSG_DOSSIER_SCHEMA_UNKNOWN_ROOT,
			      line_of(elem), elem->name);
		free(start);
	}
	if (f.n > 1) /* f.list is NULL when empty: qsort must not see it */
		qsort(f.list, f.n, sizeof(f.list[0]), compare_findings);
	for (size_t i = 0; i < f.n; i++) {
		diag_text(f.list[i].msg, file, f.list[i].line,
			  f.list[i].message);
		free(f.list[i].message);
	}
	free(f.list);
	if (f.n == 0)
		diag(MSG_DOSSIER_DOES_NOT_MATCH_SCHEMA, file,
		     s->have_error ? s->error_line : line_of(elem), elem->name,
		     s->have_error ? s->error : "no detail");
	return (unsigned)f.n;
}

/* ---- Loading and validating ------------------------------------------ */

static void keep_error(struct dossier_schema *s, xmlErrorPtr e)
{
	if (s->have_error || e->level < XML_ERR_ERROR)
		return;
	s->have_error = true;
	s->error_line = e->line;
	snprintf(s->error, sizeof(s->error), "%s",
		 e->message != NULL ? e->message : "");
	size_t n = strlen(s->error);
	while (n > 0 && s->error[n - 1] == '\n')
		s->error[--n] = '\0';
}

static void on_error(void *ctx, xmlErrorPtr e)
{
	keep_error(ctx, e);
}

static xmlNodePtr find_start(xmlNodePtr grammar)
{
	for (xmlNodePtr n = grammar->children; n != NULL; n = n->next)
		if (is_rng(n, "start"))
			return n;
	return NULL;
}

/* The unpatterned schema's verdicts are never explained: silence. */
static void ignore_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx, (void)e;
}

/*
 * The schema without its patterns, compiled, and the patterns apart
 * (dossier_patterns.h).  Only a saving: when the schema defeats the
 * table, or memory runs short, dossiers are validated as they always
 * were.
 */
static void load_unpatterned(struct dossier_schema *s)
{
	xmlDocPtr stripped;
	s->patterns = dossier_patterns_new(s->rng, &stripped);
	xmlRelaxNGParserCtxtPtr pc =
	    stripped != NULL ? xmlRelaxNGNewDocParserCtxt(stripped) : NULL;
	if (pc != NULL) {
		xmlRelaxNGSetParserStructuredErrors(pc, ignore_error, NULL);
		s->unpatterned = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	xmlFreeDoc(stripped);
	if (s->unpatterned != NULL)
		s->unpatterned_valid = xmlRelaxNGNewValidCtxt(s->unpatterned);
	if (s->unpatterned_valid == NULL) {
		xmlRelaxNGFree(s->unpatterned);
		s->unpatterned = NULL;
		dossier_patterns_free(s->patterns);
		s->patterns = NULL;
		return;
	}
	xmlRelaxNGSetValidStructuredErrors(s->unpatterned_valid, ignore_error,
					   NULL);
}

static bool load(struct dossier_schema *s, const char *path)
{
	size_t size;
	char *buf = inputs_slurp(path, &size);
	if (buf == NULL) {
		diag(MSG_DOSSIER_CANNOT_READ_SCHEMA, path, 0, strerror(errno));
		return false;
	}
	struct dossier_parse_error err;
	s->rng = dossier_parse(buf, size, &err);
	free(buf);
	if (s->rng == NULL) {
		diag(MSG_DOSSIER_SCHEMA_NOT_XML, path, 0, err.line,
		     err.message);
		return false;
	}
	s->grammar = xmlDocGetRootElement(s->rng);
	s->start =
	    is_rng(s->grammar, "grammar") ? find_start(s->grammar) : NULL;
	if (s->start == NULL) {
		diag(MSG_DOSSIER_SCHEMA_NO_GRAMMAR_START, path, 0);
		return false;
	}
	/* The compiler works on its own copy of the tree. */
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt(s->rng);
	if (pc == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	xmlRelaxNGSetParserStructuredErrors(pc, on_error, s);
	s->compiled = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (s->compiled == NULL) {
		diag(MSG_DOSSIER_SCHEMA_NOT_COMPILED, path, 0, s->error_line,
		     s->have_error ? s->error : "?");
		return false;
	}
	s->valid = xmlRelaxNGNewValidCtxt(s->compiled);
	if (s->valid == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	xmlRelaxNGSetValidStructuredErrors(s->valid, on_error, s);
	load_unpatterned(s);
	return true;
}

struct dossier_schema *dossier_schema_new(const char *dir)
{
	struct dossier_schema *s = calloc(1, sizeof(*s));
	size_t n = strlen(dir) + sizeof("/dossier.rng");
	char *path = malloc(n);
	if (s == NULL || path == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		free(s);
		free(path);
		return NULL;
	}
	snprintf(path, n, "%s/dossier.rng", dir);
	bool ok = load(s, path);
	free(path);
	if (!ok) {
		dossier_schema_free(s);
		return NULL;
	}
	return s;
}

void dossier_schema_free(struct dossier_schema *s)
{
	if (s == NULL)
		return;
	xmlRelaxNGFreeValidCtxt(s->valid);
	xmlRelaxNGFree(s->compiled);
	xmlRelaxNGFreeValidCtxt(s->unpatterned_valid);
	xmlRelaxNGFree(s->unpatterned);
	dossier_patterns_free(s->patterns);
	xmlFreeDoc(s->rng);
	free(s);
}

int dossier_schema_validate(struct dossier_schema *s, xmlDocPtr doc)
{
	/* Valid without the patterns, and every patterned value holds:
	 * valid.  Anything else is for the schema as it is to judge. */
	if (s->unpatterned_valid != NULL &&
	    xmlRelaxNGValidateDoc(s->unpatterned_valid, doc) == 0 &&
	    dossier_patterns_hold(s->patterns, doc))
		return 1;
	return dossier_schema_validate_as_written(s, doc);
}

bool dossier_schema_patterns_apart(const struct dossier_schema *s)
{
	return s->unpatterned_valid != NULL;
}

int dossier_schema_validate_as_written(struct dossier_schema *s, xmlDocPtr doc)
{
	s->have_error = false;
	int rc = xmlRelaxNGValidateDoc(s->valid, doc);
	if (rc < 0) {
		diag(MSG_DOSSIER_OUT_MEMORY_SCHEMA_VALIDATION, NULL, 0);
		return -1;
	}
	return rc == 0;
}

int dossier_schema_validate_part(struct dossier_schema *s, xmlNodePtr elem,
				 const char *skip)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	/* 1: the whole subtree; 2: the element and its attributes only. */
	xmlNodePtr root = doc != NULL
			      ? xmlDocCopyNode(elem, doc, skip != NULL ? 2 : 1)
			      : NULL;
	bool ok = root != NULL;
	if (ok)
		xmlDocSetRootElement(doc, root);
	for (xmlNodePtr c = elem->children; ok && skip != NULL && c != NULL;
	     c = c->next) {
		if (c->type == XML_ELEMENT_NODE && c->ns == NULL &&
		    xmlStrEqual(c->name, BAD_CAST skip))
			continue;
		xmlNodePtr copy = xmlDocCopyNode(c, doc, 1);
		ok = copy != NULL && xmlAddChild(root, copy) != NULL;
	}
	int rc = -1;
	if (ok)
		rc = dossier_schema_validate(s, doc);
	else
		diag(MSG_DOSSIER_OUT_MEMORY_SCHEMA_VALIDATION, NULL, 0);
	xmlFreeDoc(doc);
	return rc;
}
