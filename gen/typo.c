/*
 * French typography of a document tree (documents.md, "Typography"):
 * no-break spaces where French puts them, on template and dossier text
 * alike, across the runs of a paragraph, and "1er" set in superscript.
 * For documents.c, after template expansion and before any backend.
 */
#include <string.h>

#include "buf.h"
#include "typo.h"
#include "utf8.h"

#define NBSP  "\xc2\xa0"     /* U+00A0 */
#define NNBSP "\xe2\x80\xaf" /* U+202F, narrow */

static const char *const months[] = {
    "janvier", "février", "mars",      "avril",	  "mai",      "juin",
    "juillet", "août",	  "septembre", "octobre", "novembre", "décembre"};
static const char *const weekdays[] = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};

/* One paragraph's text runs joined, with the run each byte comes from. */
struct joined {
	struct buf text;
	struct doc_node **runs;
	size_t nruns;
	size_t *ends; /* byte end of each run in text */
	size_t runs_cap, ends_cap;
	struct buf out; /* one run rewritten */
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       is_digit((char)c) || c >= 0x80;
}

/* Whether a letter or digit starts at s[at] (no-break spaces are not). */
static bool letter_at(const char *s, size_t len, size_t at)
{
	if (at >= len)
		return false;
	if (strncmp(s + at, "\xc2\xa0", 2) == 0 ||
	    strncmp(s + at, "\xe2\x80\xaf", 3) == 0)
		return false;
	return is_word_byte((unsigned char)s[at]);
}

/* Whether s[at..] starts with word w followed by a non-letter. */
static bool word_at(const char *s, size_t len, size_t at, const char *w)
{
	size_t n = strlen(w);
	return at + n <= len && memcmp(s + at, w, n) == 0 &&
	       !letter_at(s, len, at + n);
}

static bool any_word_at(const char *s, size_t len, size_t at,
			const char *const *words, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		if (word_at(s, len, at, words[i]))
			return true;
	return false;
}

/*
 * Whether s[0..at) ends with word w, the word starting a word.  Asked
 * at every space for a dozen words: the last byte first turns nearly
 * all of them away without a call.
 */
static inline bool word_before(const char *s, size_t at, const char *w)
{
	size_t n = strlen(w);
	return at >= n && s[at - 1] == w[n - 1] &&
	       memcmp(s + at - n, w, n) == 0 &&
	       (at == n || !is_word_byte((unsigned char)s[at - n - 1]));
}

/* The day of a date ends at `at`: "10", "1er". */
static bool day_before(const char *s, size_t at)
{
	size_t i = at;
	if (word_before(s, at, "1er"))
		return true;
	while (i > 0 && is_digit(s[i - 1]))
		i--;
	return i < at && at - i <= 2 &&
	       (i == 0 || !is_word_byte((unsigned char)s[i - 1]));
}

/*
 * What the space at s[at] becomes: NBSP, NNBSP, or NULL to keep it.
 * Only spaces that French binds to their neighbour change.
 */
static const char *space_for(const char *s, size_t len, size_t at)
{
	char next = at + 1 < len ? s[at + 1] : '\0';
	if (next == ':')
		return NBSP;
	if (next == ';' || next == '!' || next == '?')
		return NNBSP;
	if (strncmp(s + at + 1, "\xc2\xbb", 2) == 0) /* » */
		return NNBSP;
	if (at >= 2 && strncmp(s + at - 2, "\xc2\xab", 2) == 0) /* « */
		return NNBSP;
	if (word_before(s, at, "n°") || word_before(s, at, "N°"))
		return NBSP;
	if (word_before(s, at, "Mme") || word_before(s, at, "M.") ||
	    word_before(s, at, "Mlle"))
		return NBSP;
	if (day_before(s, at) &&
	    any_word_at(s, len, at + 1, months, sizeof months / sizeof *months))
		return NBSP;
	for (size_t i = 0;
	     is_digit(next) && i < sizeof weekdays / sizeof *weekdays; i++)
		if (word_before(s, at, weekdays[i]))
			return NBSP;
	/* "14 h 00": both spaces of a time. */
	if (next == 'h' && at > 0 && is_digit(s[at - 1]) && at + 3 < len &&
	    s[at + 2] == ' ' && is_digit(s[at + 3]))
		return NBSP;
	if (at >= 2 && s[at - 1] == 'h' && s[at - 2] == ' ' && is_digit(next) &&
	    at >= 3 && is_digit(s[at - 3]))
		return NBSP;
	return NULL;
}

/* Whether s[0..end) ends with a no-break space of either width. */
static bool ends_with_nbsp(const char *s, size_t end)
{
	return (end >= 2 && strncmp(s + end - 2, NBSP, 2) == 0) ||
	       (end >= 3 && strncmp(s + end - 3, NNBSP, 3) == 0);
}

static bool join_add(struct joined *j, struct doc_node *n, struct arena *a)
{
	if (!arena_grow(a, &j->runs, &j->runs_cap, j->nruns, 16,
			sizeof(*j->runs)) ||
	    !arena_grow(a, &j->ends, &j->ends_cap, j->nruns, 16,
			sizeof(*j->ends)))
		return false;
	buf_puts(&j->text, n->text != NULL ? n->text : "");
	j->runs[j->nruns] = n;
	j->ends[j->nruns++] = j->text.len;
	return !j->text.oom;
}

/* Room for what rewrite_byte() puts in place of a byte: at most three
 * no-break spaces (the byte's own and one for each quote), a NUL. */
#define REWRITE_MAX (3 * 3 + 1)

/*
 * What the rules make of s[at], written into rep (NUL-terminated): a
 * space that French binds to its neighbour becomes a no-break one, « and
 * » get theirs.  false, rep unused, when s[at] stays as it is.
 */
static bool rewrite_byte(char rep[REWRITE_MAX], const char *s, size_t len,
			 size_t at)
{
	const char *sp = s[at] == ' ' ? space_for(s, len, at) : NULL;
	bool changed = sp != NULL;
	size_t n = 0;
	if (sp != NULL) {
		n = strlen(sp);
		memcpy(rep, sp, n);
	} else {
		rep[n++] = s[at];
	}
	/* « directly followed by a letter gets its space. */
	if (at >= 1 && strncmp(s + at - 1, "\xc2\xab", 2) == 0 &&
	    at + 1 < len && s[at + 1] != ' ' &&
	    strncmp(s + at + 1, NNBSP, 3) != 0 &&
	    strncmp(s + at + 1, NBSP, 2) != 0) {
		memcpy(rep + n, NNBSP, 3);
		n += 3;
		changed = true;
	}
	/* So does » directly after a letter. */
	if (at + 2 < len && strncmp(s + at + 1, "\xc2\xbb", 2) == 0 &&
	    s[at] != ' ' && !ends_with_nbsp(s, at + 1)) {
		memcpy(rep + n, NNBSP, 3);
		n += 3;
		changed = true;
	}
	rep[n] = '\0';
	return changed;
}

/*
 * How many bytes from s[at] on, up to end, rewrite_byte() leaves as they
 * are: none is a space or the last byte of «, none comes before the 0xc2
 * that starts ».  Most of a text is such spans, skipped in one go.
 */
static size_t plain_span(const char *s, size_t at, size_t end)
{
	size_t n = strcspn(s + at, " \xab\xc2");
	if (n > 0 && s[at + n] == '\xc2')
		n--;
	return at + n < end ? n : end - at;
}

/*
 * Rewrites the joined runs.  A run the rules change gets a new string,
 * copied a span at a time up to each change; a run they leave as it was
 * (most runs) keeps its own, and nothing of it is copied.
 */
static bool join_rewrite(struct joined *j, struct doc *doc)
{
	/* NUL-terminated, so that every look-ahead stops at the end. */
	buf_put(&j->text, "", 1);
	if (j->text.oom)
		return false;
	const char *s = (const char *)j->text.data;
	size_t len = j->text.len - 1, at = 0;
	for (size_t r = 0; r < j->nruns; r++) {
		size_t end = j->ends[r],
		       from = at; /* s[from..at): not in out */
		bool changed = false;
		buf_reset(&j->out);
		while ((at += plain_span(s, at, end)) < end) {
			char rep[REWRITE_MAX];
			if (rewrite_byte(rep, s, len, at)) {
				buf_put(&j->out, s + from, at - from);
				buf_puts(&j->out, rep);
				from = at + 1;
				changed = true;
			}
			at++;
		}
		if (!changed && j->runs[r]->text != NULL)
			continue;
		buf_put(&j->out, s + from, end - from);
		buf_put(&j->out, "", 1);
		if (j->out.oom)
			return false;
		j->runs[r]->text = doc_strdup(doc, (const char *)j->out.data);
		if (j->runs[r]->text == NULL)
			return false;
	}
	return true;
}

/*
 * Splits "1er" (the first of a month, "1er étage") out of run n into its
 * own superscript run "er"; returns the last node of what n became.
 */
static struct doc_node *superscript(struct doc *doc, struct doc_node *n)
{
	const char *s = n->text;
	size_t len = strlen(s);
	/* strstr() finds the few candidates; the rules then judge each. */
	for (const char *p = strstr(s, "1er"); p != NULL;
	     p = strstr(p + 1, "1er")) {
		size_t at = (size_t)(p - s);
		if (!word_at(s, len, at, "1er") ||
		    (at > 0 && is_word_byte((unsigned char)s[at - 1])))
			continue;
		struct doc_node *sup = arena_alloc(doc->arena, sizeof(*sup));
		struct doc_node *rest = arena_alloc(doc->arena, sizeof(*rest));
		char *head = arena_alloc(doc->arena, at + 2);
		if (sup == NULL || rest == NULL || head == NULL)
			return NULL;
		memcpy(head, s, at + 1);
		head[at + 1] = '\0';
		*sup = *n;
		*rest = *n;
		sup->text = doc_strdup(doc, "er");
		sup->flags |= DOC_SUPER;
		rest->text = doc_strdup(doc, s + at + 3);
		n->text = head;
		sup->next = rest;
		n->next = sup;
		if (n->parent->last == n)
			n->parent->last = rest;
		if (rest->text[0] == '\0') {
			sup->next = rest->next;
			if (n->parent->last == rest)
				n->parent->last = sup;
			return sup;
		}
		return superscript(doc, rest);
	}
	return n;
}

/* Empties j for the next stretch, keeping its memory. */
static void join_reset(struct joined *j)
{
	buf_reset(&j->text);
	j->nruns = 0;
}

static bool typo_inline(struct doc *doc, struct doc_node *parent,
			struct joined *j)
{
	struct doc_node *n = parent->first;
	bool ok = true;
	while (n != NULL && ok) {
		join_reset(j);
		for (; n != NULL && n->type == DOC_TEXT; n = n->next)
			ok = ok && join_add(j, n, doc->arena);
		if (ok && j->nruns > 0)
			ok = join_rewrite(j, doc);
		for (size_t r = 0; ok && r < j->nruns; r++)
			ok = superscript(doc, j->runs[r]) != NULL;
		if (n != NULL)
			n = n->next; /* a break or a box: a new stretch */
	}
	return ok;
}

static bool typo_node(struct doc *doc, struct doc_node *n, struct joined *j)
{
	bool inline_parent = false, ok = true;
	for (struct doc_node *c = n->first; c != NULL; c = c->next)
		if (c->type == DOC_TEXT)
			inline_parent = true;
	if (inline_parent)
		ok = typo_inline(doc, n, j);
	for (struct doc_node *c = n->first; c != NULL && ok; c = c->next)
		if (c->type != DOC_TEXT)
			ok = typo_node(doc, c, j);
	return ok;
}

/* The same rules on a metadata string (no superscript there). */
static const char *typo_plain(struct doc *doc, const char *s, struct joined *j)
{
	struct doc_node tmp = {.type = DOC_TEXT, .text = s};
	if (s == NULL)
		return NULL;
	join_reset(j);
	if (!join_add(j, &tmp, doc->arena) || !join_rewrite(j, doc))
		tmp.text = NULL;
	return tmp.text;
}

void typo_apostrophes(struct buf *out, const char *s)
{
	for (const char *q; (q = strchr(s, '\'')) != NULL; s = q + 1) {
		buf_put(out, s, (size_t)(q - s));
		buf_puts(out, "\xe2\x80\x99");
	}
	buf_puts(out, s);
}

/* The metadata strings and the tree, with one joined for them all. */
static bool typo_all(struct doc *doc, struct joined *j)
{
	if (doc->meta.title != NULL &&
	    (doc->meta.title = typo_plain(doc, doc->meta.title, j)) == NULL)
		return false;
	if (doc->meta.subject != NULL &&
	    (doc->meta.subject = typo_plain(doc, doc->meta.subject, j)) == NULL)
		return false;
	if (doc->meta.banner != NULL &&
	    (doc->meta.banner = typo_plain(doc, doc->meta.banner, j)) == NULL)
		return false;
	return typo_node(doc, doc->root, j);
}

bool typo_fr(struct doc *doc)
{
	struct joined j = {0};
	bool ok = typo_all(doc, &j);
	buf_free(&j.text);
	buf_free(&j.out);
	return ok;
}
