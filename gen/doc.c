/*
 * The document tree (see doc.h): construction in the document's arena,
 * and the --format tree dump that the template tests compare against.
 */
#include <stdlib.h>

#include "doc.h"

struct doc *doc_new(void)
{
	struct doc *d = calloc(1, sizeof(*d));
	if (d == NULL)
		return NULL;
	d->arena = arena_new();
	if (d->arena == NULL) {
		free(d);
		return NULL;
	}
	d->root = arena_alloc(d->arena, sizeof(*d->root));
	if (d->root == NULL) {
		doc_free(d);
		return NULL;
	}
	d->root->type = DOC_ROOT;
	d->meta.reference_date = DATE_NONE;
	return d;
}

void doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	arena_free(d->arena);
	free(d);
}

struct doc_node *doc_add(struct doc *d, struct doc_node *parent,
			 enum doc_type type)
{
	struct doc_node *n = arena_alloc(d->arena, sizeof(*n));
	if (n == NULL)
		return NULL;
	if (parent == NULL)
		parent = d->root;
	n->type = type;
	n->parent = parent;
	if (parent->last != NULL)
		parent->last->next = n;
	else
		parent->first = n;
	parent->last = n;
	return n;
}

struct doc_node *doc_add_text(struct doc *d, struct doc_node *parent,
			      const char *text, unsigned flags)
{
	const char *copy = doc_strdup(d, text);
	if (copy == NULL)
		return NULL;
	struct doc_node *n = doc_add(d, parent, DOC_TEXT);
	if (n == NULL)
		return NULL;
	n->text = copy;
	n->flags = flags;
	return n;
}

void doc_footer_parts(const struct doc_meta *m, const char *parts[3])
{
	parts[0] = m->title != NULL ? m->title : "";
	parts[2] = m->footer_name != NULL ? m->footer_name : "";
	parts[1] =
	    *parts[0] != '\0' && *parts[2] != '\0' ? " \xE2\x80\x94 " : "";
}

size_t doc_nchildren(const struct doc_node *n)
{
	size_t k = 0;
	for (const struct doc_node *c = n->first; c != NULL; c = c->next)
		k++;
	return k;
}

const char *doc_strdup(struct doc *d, const char *s)
{
	return arena_strdup(d->arena, s != NULL ? s : "");
}

/* ---- dump ---------------------------------------------------------- */

static const char *type_name(enum doc_type t)
{
	switch (t) {
	case DOC_ROOT:
		return "root";
	case DOC_SECTION:
		return "section";
	case DOC_HEADING:
		return "heading";
	case DOC_PARAGRAPH:
		return "paragraph";
	case DOC_TEXT:
		return "text";
	case DOC_LINEBREAK:
		return "linebreak";
	case DOC_CHECKBOX:
		return "checkbox";
	case DOC_LIST:
		return "list";
	case DOC_ITEM:
		return "item";
	case DOC_TABLE:
		return "table";
	case DOC_ROW:
		return "row";
	case DOC_CELL:
		return "cell";
	case DOC_RULED:
		return "ruled";
	case DOC_SIGNATURE:
		return "signature";
	case DOC_SIGNER:
		return "signer";
	case DOC_LETTERBOX:
		return "letterbox";
	case DOC_FRAME:
		return "frame";
	case DOC_CUTLINE:
		return "cutline";
	case DOC_PAGEBREAK:
		return "pagebreak";
	case DOC_SPACE:
		return "space";
	case DOC_TIMELINE:
		return "timeline";
	}
	return "?";
}

static const char *align_name(enum doc_align a)
{
	switch (a) {
	case DOC_LEFT:
		return "left";
	case DOC_JUSTIFY:
		return "justify";
	case DOC_CENTER:
		return "center";
	case DOC_RIGHT:
		return "right";
	}
	return "?";
}

static const char *box_name(enum doc_box b)
{
	switch (b) {
	case DOC_BOX_SENDER:
		return "sender";
	case DOC_BOX_RECIPIENT:
		return "recipient";
	case DOC_BOX_DATELINE:
		return "dateline";
	case DOC_BOX_DELIVERY:
		return "delivery";
	case DOC_BOX_OBJECT:
		return "object";
	case DOC_BOX_SIGNATORY:
		return "signatory";
	}
	return "?";
}

static const char *mark_name(enum doc_mark m)
{
	switch (m) {
	case DOC_MARK_DUE_ON_TIME:
		return "due-on-time";
	case DOC_MARK_DUE_LATE:
		return "due-late";
	case DOC_MARK_DUE_MISSED:
		return "due-missed";
	case DOC_MARK_DUE_OPEN:
		return "due-open";
	case DOC_MARK_HELD:
		return "held";
	case DOC_MARK_REFUSED:
		return "refused";
	case DOC_MARK_TRAINING:
		return "training";
	case DOC_MARK_TRAINING_MANDATORY:
		return "training-mandatory";
	case DOC_MARK_ABSENCE:
		return "absence";
	case DOC_MARK_RECAP:
		return "recap";
	case DOC_MARK_TODAY:
		return "today";
	}
	return "?";
}

/* Writes s in double quotes, escaping what would break one line. */
static void put_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if ((unsigned char)*s < 0x20)
				fprintf(out, "\\x%02x", (unsigned char)*s);
			else
				fputc(*s, out);
		}
	}
	fputc('"', out);
}

static void put_attr(FILE *out, const char *name, const char *value)
{
	if (value == NULL)
		return;
	fprintf(out, " %s=", name);
	put_quoted(out, value);
}

static void put_date(FILE *out, const char *name, date_t d)
{
	char iso[DATE_ISO_LEN];
	if (d != DATE_NONE)
		fprintf(out, " %s=%s", name, date_fmt_iso(d, iso));
}

static void dump_meta(const struct doc_meta *m, FILE *out)
{
	put_attr(out, "title", m->title);
	put_attr(out, "subject", m->subject);
	put_attr(out, "author", m->author);
	put_attr(out, "keywords", m->keywords);
	put_attr(out, "footer", m->footer_name);
	put_attr(out, "banner", m->banner);
	if (m->initials)
		fputs(" initials", out);
	put_date(out, "date", m->reference_date);
}

static void dump_timeline(const struct doc_timeline *t, int depth, FILE *out)
{
	if (t == NULL)
		return;
	put_date(out, "start", t->start);
	put_date(out, "end", t->end);
	for (size_t i = 0; i < t->nitems; i++) {
		const struct doc_mark_item *it = &t->items[i];
		fprintf(out, "\n%*smark %s", 2 * (depth + 1), "",
			mark_name(it->kind));
		put_date(out, "start", it->start);
		if (it->end != it->start)
			put_date(out, "end", it->end);
		put_attr(out, "label", it->label);
	}
}

/* The attributes that mean something for n's type, defaults omitted. */
static void dump_attrs(const struct doc_node *n, int depth, FILE *out)
{
	switch (n->type) {
	case DOC_ROOT:
	case DOC_LINEBREAK:
		break;
	case DOC_SECTION:
	case DOC_FRAME:
		if (n->keep_together)
			fputs(" keep", out);
		break;
	case DOC_HEADING:
		fprintf(out, " %d", n->level);
		break;
	case DOC_PARAGRAPH:
	case DOC_CELL:
		if (n->align != DOC_LEFT)
			fprintf(out, " %s", align_name(n->align));
		break;
	case DOC_TEXT:
		if (n->flags & DOC_BOLD)
			fputs(" bold", out);
		if (n->flags & DOC_ITALIC)
			fputs(" italic", out);
		if (n->flags & DOC_SMALL)
			fputs(" small", out);
		if (n->flags & DOC_SUPER)
			fputs(" super", out);
		fputc(' ', out);
		put_quoted(out, n->text);
		break;
	case DOC_CHECKBOX:
		fputs(n->checked ? " checked" : " unchecked", out);
		break;
	case DOC_LIST:
		fputs(n->ordered ? " ordered" : " bulleted", out);
		break;
	case DOC_ITEM:
	case DOC_ROW:
	case DOC_SIGNATURE:
	case DOC_SIGNER:
	case DOC_CUTLINE:
	case DOC_PAGEBREAK:
		break;
	case DOC_TABLE:
		fprintf(out, " cols=%d", n->ncols);
		if (n->widths != NULL) {
			fputs(" widths=", out);
			for (int i = 0; i < n->ncols; i++)
				fprintf(out, "%s%.3g", i ? "," : "",
					n->widths[i]);
		}
		if (n->header_rows > 0)
			fprintf(out, " header=%d", n->header_rows);
		break;
	case DOC_RULED:
	case DOC_SPACE:
		fprintf(out, " %d", n->count);
		break;
	case DOC_LETTERBOX:
		fprintf(out, " %s", box_name(n->box));
		break;
	case DOC_TIMELINE:
		dump_timeline(n->timeline, depth, out);
		break;
	}
}

static void dump_node(const struct doc_node *n, int depth, FILE *out)
{
	fprintf(out, "%*s%s", 2 * depth, "", type_name(n->type));
	dump_attrs(n, depth, out);
	fputc('\n', out);
	for (const struct doc_node *c = n->first; c != NULL; c = c->next)
		dump_node(c, depth + 1, out);
}

void doc_dump(const struct doc *d, FILE *out)
{
	fputs("root", out);
	dump_meta(&d->meta, out);
	fputc('\n', out);
	for (const struct doc_node *c = d->root->first; c != NULL; c = c->next)
		dump_node(c, 1, out);
}
