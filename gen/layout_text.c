/*
 * Inline text: splits runs into words, breaks words into lines (first
 * fit, words too long for a line broken between characters), aligns or
 * justifies each line.  Part of the layout; see layout_internal.h.
 */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "hyphen.h"
#include "layout_internal.h"
#include "utf8.h"

/* Lines may overshoot by rounding noise, never by a visible amount. */
#define FIT_EPSILON 1e-6
/* Check box side and advance, in ems. */
#define CHECKBOX_SIDE	 0.78
#define CHECKBOX_ADVANCE 0.9

/* A piece of a word in one style: a byte span of a run, or a box. */
struct frag {
	const char *s;
	size_t len;
	enum layout_face face;
	double size;
	enum layout_color color;
	double w;
	double rise; /* superscript: raised above the baseline */
	bool checkbox, checked;
};

struct word {
	size_t first, n; /* frags */
	double w;
	double space; /* the space after it, 0 if none */
	bool brk;     /* a forced line break follows */
	bool hyphen;  /* broken by hyphenation: a "-" ends it (w counts it) */
};

struct para {
	struct lctx *ctx;
	struct frag *frags;
	size_t nfrags, frags_cap;
	struct word *words;
	size_t nwords, words_cap;
	bool open; /* the last word still takes characters */
};

static bool grow(struct lctx *ctx, void **v, size_t *cap, size_t n, size_t size)
{
	if (!grow_array(v, cap, n, 16, size)) {
		ctx->oom = true;
		return false;
	}
	return true;
}

static struct word *word_new(struct para *p)
{
	if (!grow(p->ctx, (void **)&p->words, &p->words_cap, p->nwords,
		  sizeof(*p->words)))
		return NULL;
	struct word *w = &p->words[p->nwords++];
	memset(w, 0, sizeof(*w));
	w->first = p->nfrags;
	p->open = true;
	return w;
}

static struct frag *frag_new(struct para *p)
{
	if (!grow(p->ctx, (void **)&p->frags, &p->frags_cap, p->nfrags,
		  sizeof(*p->frags)))
		return NULL;
	struct frag *f = &p->frags[p->nfrags++];
	memset(f, 0, sizeof(*f));
	return f;
}

/* The open word, or a new one. */
static struct word *open_word(struct para *p)
{
	if (p->open && p->nwords > 0)
		return &p->words[p->nwords - 1];
	return word_new(p);
}

/* Ends the open word; space is the width that follows it. */
static void close_word(struct para *p, double space)
{
	if (p->nwords == 0)
		return;
	struct word *w = &p->words[p->nwords - 1];
	if (p->open || (w->space == 0 && !w->brk))
		w->space = space;
	p->open = false;
}

/* Appends the character at s (n bytes, advance adv) to the open word. */
static bool add_char(struct para *p, const char *s, size_t n, double adv,
		     enum layout_face face, double size,
		     enum layout_color color, double rise)
{
	struct word *w = open_word(p);
	if (w == NULL)
		return false;
	struct frag *last = w->n > 0 ? &p->frags[w->first + w->n - 1] : NULL;
	if (last == NULL || last->checkbox || last->face != face ||
	    last->size != size || last->color != color || last->rise != rise ||
	    last->s + last->len != s) {
		last = frag_new(p);
		if (last == NULL)
			return false;
		w = &p->words[p->nwords - 1];
		last->s = s;
		last->face = face;
		last->size = size;
		last->color = color;
		last->rise = rise;
		w->n++;
	}
	last->len += n;
	last->w += adv;
	w->w += adv;
	return true;
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Characters that take no room and are never drawn. */
static bool is_invisible(uint32_t c)
{
	return c < 0x20 || c == 0x7F || c == 0xAD || c == 0x200B || c == 0xFEFF;
}

static bool add_run(struct para *p, const struct doc_node *n,
		    const struct tstyle *ts)
{
	struct lctx *ctx = p->ctx;
	unsigned flags = n->flags | ts->force;
	enum layout_face face = layout_face_of(flags);
	double size = (n->flags & DOC_SMALL) ? ts->size * 0.85 : ts->size;
	/* "1er": the "er" smaller and raised, as a typographer sets it. */
	double rise = (n->flags & DOC_SUPER) ? 0.33 * size : 0;
	if (n->flags & DOC_SUPER)
		size *= 0.65;
	const char *s = n->text != NULL ? n->text : "";
	size_t len = strlen(s);

	while (len > 0) {
		uint32_t c;
		size_t k = utf8_decode(s, len, &c);
		if (is_space(c)) {
			close_word(
			    p, size * ctx->m->advance(ctx->m->ctx, face, ' '));
		} else if (c == 0x200B) {
			close_word(p, 0);
		} else if (!is_invisible(c)) {
			double adv =
			    size * ctx->m->advance(ctx->m->ctx, face, c);
			if (!add_char(p, s, k, adv, face, size, ts->color,
				      rise))
				return false;
		}
		s += k;
		len -= k;
	}
	return true;
}

static bool add_checkbox(struct para *p, const struct doc_node *n,
			 const struct tstyle *ts)
{
	struct word *w = open_word(p);
	if (w == NULL)
		return false;
	struct frag *f = frag_new(p);
	if (f == NULL)
		return false;
	w = &p->words[p->nwords - 1];
	f->checkbox = true;
	f->checked = n->checked;
	f->size = ts->size;
	f->color = ts->color;
	f->w = CHECKBOX_ADVANCE * ts->size;
	w->n++;
	w->w += f->w;
	return true;
}

static bool add_linebreak(struct para *p)
{
	/* An empty line still needs a word to end. */
	if (p->nwords == 0 || p->words[p->nwords - 1].brk)
		if (word_new(p) == NULL)
			return false;
	close_word(p, 0);
	p->words[p->nwords - 1].brk = true;
	return true;
}

/*
 * Splits word i before byte cut of its frag fi (cut 0: before the frag);
 * the tail becomes word i + 1 and keeps the space and break that
 * followed.
 */
static bool split_frag(struct para *p, size_t i, size_t fi, size_t cut)
{
	struct lctx *ctx = p->ctx;
	struct word *w;
	/* Room for one more frag (the tail's part of frag fi) and word. */
	if (!grow(ctx, (void **)&p->frags, &p->frags_cap, p->nfrags,
		  sizeof(*p->frags)) ||
	    !grow(ctx, (void **)&p->words, &p->words_cap, p->nwords,
		  sizeof(*p->words)))
		return false;
	w = &p->words[i];
	size_t head_frags = fi - w->first;
	struct word tail = *w;

	if (cut > 0) {
		/* Frag fi splits in two: shift the frags after it. */
		memmove(&p->frags[fi + 2], &p->frags[fi + 1],
			(p->nfrags - fi - 1) * sizeof(*p->frags));
		p->nfrags++;
		for (size_t j = 0; j < p->nwords; j++)
			if (p->words[j].first > fi)
				p->words[j].first++;
		struct frag *head = &p->frags[fi];
		struct frag *rest = &p->frags[fi + 1];
		*rest = *head;
		head->len = cut;
		head->w = layout_text_width(ctx, head->face, head->size,
					    head->s, head->len);
		rest->s += cut;
		rest->len -= cut;
		rest->w -= head->w;
		head_frags++;
		tail.first = fi + 1;
		tail.n = w->n - head_frags + 1;
		w->n = head_frags;
	} else {
		tail.first = fi;
		tail.n = w->n - head_frags;
		w->n = head_frags;
	}
	w->w = 0;
	for (size_t j = w->first; j < w->first + w->n; j++)
		w->w += p->frags[j].w;
	tail.w -= w->w;
	w->space = 0;
	w->brk = false;
	memmove(&p->words[i + 2], &p->words[i + 1],
		(p->nwords - i - 1) * sizeof(*p->words));
	p->words[i + 1] = tail;
	p->nwords++;
	return true;
}

/*
 * Splits word i so that its head is at most width wide (at least one
 * character, so that the loop always progresses); the tail becomes word
 * i + 1 and keeps the space and break that followed.
 */
static bool split_word(struct para *p, size_t i, double width)
{
	struct lctx *ctx = p->ctx;
	struct word *w = &p->words[i];
	double used = 0;
	size_t fi, cut = 0;
	bool found = false;

	for (fi = w->first; fi < w->first + w->n && !found; fi++) {
		struct frag *f = &p->frags[fi];
		if (f->checkbox) {
			if (used + f->w > width + FIT_EPSILON && used > 0) {
				cut = 0;
				found = true;
				break;
			}
			used += f->w;
			continue;
		}
		size_t off = 0;
		while (off < f->len) {
			uint32_t c;
			size_t k = utf8_decode(f->s + off, f->len - off, &c);
			double adv =
			    is_invisible(c)
				? 0
				: f->size *
				      ctx->m->advance(ctx->m->ctx, f->face, c);
			if (used + adv > width + FIT_EPSILON && used > 0) {
				cut = off;
				found = true;
				break;
			}
			used += adv;
			off += k;
		}
		if (found)
			break;
	}
	if (!found)
		return true; /* it fits after all */

	return split_frag(p, i, fi, cut);
}

/* Can frag b continue the text item that ends with frag a? */
static bool mergeable(const struct frag *a, const struct frag *b,
		      bool across_space)
{
	if (a->checkbox || b->checkbox || a->face != b->face ||
	    a->size != b->size || a->color != b->color || a->rise != b->rise)
		return false;
	const char *end = a->s + a->len;
	if (!across_space)
		return end == b->s;
	return end + 1 == b->s && *end == ' ';
}

static bool emit_line(struct para *p, size_t w0, size_t w1, bool last,
		      const struct tstyle *ts, double x0, double width,
		      struct strips *out)
{
	struct lctx *ctx = p->ctx;
	double natural = 0, size = 0;
	for (size_t i = w0; i < w1; i++) {
		natural += p->words[i].w;
		if (i + 1 < w1)
			natural += p->words[i].space;
		for (size_t j = 0; j < p->words[i].n; j++) {
			struct frag *f = &p->frags[p->words[i].first + j];
			if (f->size > size)
				size = f->size;
		}
	}
	if (size == 0)
		size = ts->size;

	bool forced = w1 > w0 && p->words[w1 - 1].brk;
	double extra = 0, x = x0;
	switch (ts->align) {
	case DOC_JUSTIFY:
		if (!last && !forced && w1 - w0 > 1 && natural < width)
			extra = (width - natural) / (double)(w1 - w0 - 1);
		break;
	case DOC_CENTER:
		x += (width - natural) / 2;
		break;
	case DOC_RIGHT:
		x += width - natural;
		break;
	case DOC_LEFT:
		break;
	}
	if (x < x0) /* rounding on a line filled to the last point */
		x = x0;

	struct strip *s = layout_strips_add(ctx, out);
	if (s == NULL)
		return false;
	s->height = layout_line_height(ctx, size);
	s->baseline = s->height / 2 + 0.28 * size;

	struct layout_item *cur = NULL;
	const struct frag *cur_frag = NULL;
	for (size_t i = w0; i < w1; i++) {
		const struct word *w = &p->words[i];
		for (size_t j = 0; j < w->n; j++) {
			const struct frag *f = &p->frags[w->first + j];
			bool across = j == 0 && i > w0;
			if (cur != NULL && mergeable(cur_frag, f, across) &&
			    (!across || extra == 0)) {
				cur->len = (size_t)(f->s + f->len - cur->text);
				cur->w = x + f->w - cur->x;
				cur_frag = f;
				x += f->w;
				continue;
			}
			struct layout_item *it =
			    layout_items_add(ctx, &s->items);
			if (it == NULL)
				return false;
			if (f->checkbox) {
				double side = CHECKBOX_SIDE * f->size;
				it->kind = LAYOUT_CHECKBOX;
				it->x = x + 0.04 * f->size;
				it->y = s->baseline + 0.06 * f->size - side;
				it->w = it->h = side;
				it->checked = f->checked;
				it->color = f->color;
				it->width = 0.06 * f->size;
				cur = NULL;
			} else {
				it->kind = LAYOUT_TEXT;
				it->x = x;
				it->y = s->baseline - f->rise;
				it->w = f->w;
				it->text = f->s;
				it->len = f->len;
				it->face = f->face;
				it->size = f->size;
				it->color = f->color;
				cur = it;
			}
			cur_frag = f;
			x += f->w;
		}
		if (w->hyphen && w->n > 0) {
			const struct frag *f = &p->frags[w->first + w->n - 1];
			struct layout_item *it =
			    layout_items_add(ctx, &s->items);
			if (it == NULL)
				return false;
			double hw = f->size *
				    ctx->m->advance(ctx->m->ctx, f->face, '-');
			it->kind = LAYOUT_TEXT;
			it->x = x;
			it->y = s->baseline - f->rise;
			it->w = hw;
			it->text = "-";
			it->len = 1;
			it->face = f->face;
			it->size = f->size;
			it->color = f->color;
			cur = NULL;
			x += hw;
		}
		x += w->space + extra;
	}
	return true;
}

/* Bytes that may surround a word without being part of it. */
static size_t lead_punct(const char *s, size_t len)
{
	static const char *const marks[] = {"\xc2\xab\xe2\x80\xaf", "(",
					    "\xe2\x80\x9c", NULL};
	for (size_t i = 0; marks[i] != NULL; i++) {
		size_t n = strlen(marks[i]);
		if (len > n && memcmp(s, marks[i], n) == 0)
			return n;
	}
	return 0;
}

static size_t trail_punct(const char *s, size_t len)
{
	size_t n = 0;
	while (n < len && strchr(",.;:!?)", s[len - 1 - n]) != NULL)
		n++;
	return n;
}

/*
 * Hyphenates word i so that its head and a hyphen fill at most room
 * (justified French text, documents.md): the last point that fits, in a
 * word of one style.  true when it split the word.
 */
static bool hyphenate(struct para *p, size_t i, double room)
{
	struct lctx *ctx = p->ctx;
	const struct hyphen *h = ctx->st->hyphen;
	struct word *w = &p->words[i];
	if (h == NULL || w->n != 1 || p->frags[w->first].checkbox)
		return false;
	const struct frag *f = &p->frags[w->first];
	size_t lead = lead_punct(f->s, f->len);
	size_t trail = trail_punct(f->s + lead, f->len - lead);
	const char *core = f->s + lead;
	size_t len = f->len - lead - trail;
	/* After an elided article (« l’évaluation »), the word itself. */
	const char *apos = NULL;
	for (const char *q = core; q + 3 <= core + len; q++)
		if (memcmp(q, "\xe2\x80\x99", 3) == 0)
			apos = q + 3;
	if (apos != NULL) {
		len -= (size_t)(apos - core);
		core = apos;
	}
	size_t pts[32];
	size_t n = hyphen_points(h, core, len, pts, 32);
	double hw = f->size * ctx->m->advance(ctx->m->ctx, f->face, '-');
	while (n-- > 0) {
		size_t cut = (size_t)(core - f->s) + pts[n];
		double head =
		    layout_text_width(ctx, f->face, f->size, f->s, cut);
		if (head + hw > room + FIT_EPSILON)
			continue;
		if (!split_frag(p, i, w->first, cut))
			return false;
		p->words[i].hyphen = true;
		p->words[i].w += hw;
		p->words[i + 1].w = p->frags[p->words[i + 1].first].w;
		return true;
	}
	return false;
}

static bool break_lines(struct para *p, const struct tstyle *ts, double x0,
			double width, struct strips *out)
{
	size_t start = 0, i = 0;
	double line_w = 0;
	int hyphenated = 0; /* consecutive lines ended by a hyphen */

	while (i < p->nwords) {
		struct word *w = &p->words[i];
		bool empty = i == start;
		double gap = empty ? 0 : p->words[i - 1].space;
		if (!empty && line_w + gap + w->w > width + FIT_EPSILON) {
			/* Justified lines gape less when the word that does
			 * not fit is hyphenated into the room left. */
			/* Not for a line whose spaces would barely stretch,
			 * nor for a third hyphen in a row. */
			double room = width - line_w - gap;
			size_t gaps = i - start > 1 ? i - start - 1 : 1;
			bool gaping =
			    (width - line_w) / (double)gaps > 0.3 * ts->size;
			bool hyph = ts->align == DOC_JUSTIFY && gaping &&
				    hyphenated < 2 && room > 2 * ts->size &&
				    hyphenate(p, i, room);
			if (p->ctx->oom)
				return false;
			if (hyph) {
				line_w += gap + p->words[i].w;
				i++;
			}
			hyphenated = hyph ? hyphenated + 1 : 0;
			if (!emit_line(p, start, i, false, ts, x0, width, out))
				return false;
			start = i;
			line_w = 0;
			continue;
		}
		if (empty && w->w > width + FIT_EPSILON) {
			if (!split_word(p, i, width))
				return false;
			/* The head fills the line by itself. */
			if (!emit_line(p, i, i + 1, false, ts, x0, width, out))
				return false;
			start = ++i;
			line_w = 0;
			continue;
		}
		line_w += gap + w->w;
		i++;
		if (w->brk) {
			if (!emit_line(p, start, i, false, ts, x0, width, out))
				return false;
			start = i;
			line_w = 0;
		}
	}
	if (start < p->nwords)
		return emit_line(p, start, p->nwords, true, ts, x0, width, out);
	return true;
}

bool layout_text(struct lctx *ctx, const struct doc_node *first,
		 const struct doc_node *end, const struct tstyle *ts, double x0,
		 double width, struct strips *out)
{
	struct para p = {.ctx = ctx};
	bool ok = true;

	for (const struct doc_node *n = first; n != end && ok; n = n->next) {
		switch (n->type) {
		case DOC_TEXT:
			ok = add_run(&p, n, ts);
			break;
		case DOC_CHECKBOX:
			ok = add_checkbox(&p, n, ts);
			break;
		case DOC_LINEBREAK:
			ok = add_linebreak(&p);
			break;
		case DOC_ROOT:
		case DOC_SECTION:
		case DOC_HEADING:
		case DOC_PARAGRAPH:
		case DOC_LIST:
		case DOC_ITEM:
		case DOC_TABLE:
		case DOC_ROW:
		case DOC_CELL:
		case DOC_RULED:
		case DOC_SIGNATURE:
		case DOC_SIGNER:
		case DOC_LETTERBOX:
		case DOC_FRAME:
		case DOC_CUTLINE:
		case DOC_PAGEBREAK:
		case DOC_SPACE:
		case DOC_TIMELINE:
			break; /* blocks are not inline: the caller splits */
		}
	}
	/* A break at the very end adds no empty line. */
	if (ok && p.nwords > 0 && p.words[p.nwords - 1].brk &&
	    p.words[p.nwords - 1].n == 0 && p.nwords > 1)
		p.nwords--;
	if (ok && p.nwords > 0)
		ok = break_lines(&p, ts, x0, width, out);
	free(p.frags);
	free(p.words);
	return ok && !ctx->oom;
}
