/*
 * Line breaking and pagination (layout.h), measured with a made-up font
 * so that widths are simple: every character 0.5 em, a space 0.25 em, at
 * 10 pt on a 200 x 300 pt page with 10 pt margins (lines of 180 pt, 36
 * characters; a body of 280 pt, lines 12 pt high).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "doc.h"
#include "layout.h"

#define X0    10.0
#define WIDTH 180.0
#define EPS   1e-6

static double fake_advance(void *ctx, enum layout_face face, uint32_t cp)
{
	(void)ctx;
	(void)face;
	return cp == ' ' || cp == 0xA0 ? 0.25 : 0.5;
}

static const struct layout_metrics metrics = {.advance = fake_advance};

static struct layout_style style(void)
{
	struct layout_style st = {
	    .page_w = 200,
	    .page_h = 300,
	    .margin_left = 10,
	    .margin_right = 10,
	    .margin_top = 10,
	    .margin_bottom = 10,
	    .footer_y = 296,
	    .body_size = 10,
	    .leading = 1.2,
	};
	return st;
}

static struct layout *lay(const struct doc *d)
{
	struct layout_style st = style();
	struct layout *L = layout_doc(d, &st, &metrics);
	assert_non_null(L);
	return L;
}

static bool is_footer(const struct layout_item *it)
{
	return it->y > 290;
}

/*
 * The body text of page i as lines joined by "|": runs on one baseline in
 * x order, a space where there is a gap between them.
 */
static void page_lines(const struct layout *L, size_t i, struct buf *out)
{
	const struct layout_page *p = layout_page(L, i);
	double last_y = -1, last_end = 0;
	buf_reset(out);
	for (size_t k = 0; k < p->nitems; k++) {
		const struct layout_item *it = &p->items[k];
		if (it->kind != LAYOUT_TEXT || is_footer(it))
			continue;
		if (last_y >= 0 && it->y != last_y)
			buf_puts(out, "|");
		else if (last_y >= 0 && it->x > last_end + EPS)
			buf_puts(out, " ");
		buf_put(out, it->text, it->len);
		last_y = it->y;
		last_end = it->x + it->w;
	}
	buf_put(out, "", 1);
	out->len--;
}

/* Nothing drawn outside the margins, on any page. */
static void assert_inside(const struct layout *L)
{
	struct layout_style st = style();
	for (size_t i = 0; i < layout_npages(L); i++) {
		const struct layout_page *p = layout_page(L, i);
		for (size_t k = 0; k < p->nitems; k++) {
			const struct layout_item *it = &p->items[k];
			if (it->kind != LAYOUT_TEXT || is_footer(it))
				continue;
			if (it->x < st.margin_left - EPS ||
			    it->x + it->w > st.page_w - st.margin_right + EPS ||
			    it->y < st.margin_top ||
			    it->y > st.page_h - st.margin_bottom)
				fail_msg("page %zu: \"%.*s\" at x %g-%g y %g",
					 i + 1, (int)it->len, it->text, it->x,
					 it->x + it->w, it->y);
		}
	}
}

static struct doc_node *para(struct doc *d, const char *text,
			     enum doc_align align)
{
	struct doc_node *p = doc_add(d, NULL, DOC_PARAGRAPH);
	p->align = align;
	doc_add_text(d, p, text, 0);
	return p;
}

static char *repeat(const char *s, int n)
{
	size_t len = strlen(s);
	char *out = malloc(len * (size_t)n + 1);
	for (int i = 0; i < n; i++)
		memcpy(out + len * (size_t)i, s, len);
	out[len * (size_t)n] = '\0';
	return out;
}

static void test_line_breaking(void **state)
{
	(void)state;
	char *x36 = repeat("x", 36), *x40 = repeat("x", 40);
	char *e36 = repeat("é", 36), *e37 = repeat("é", 37);
	char *ab40 = malloc(64), *want_ab40 = malloc(64);
	snprintf(ab40, 64, "ab %s", x40);
	snprintf(want_ab40, 64, "ab|%s|xxxx", x36);
	char *want_x40 = malloc(64), *want_e37 = malloc(128);
	snprintf(want_x40, 64, "%s|xxxx", x36);
	snprintf(want_e37, 128, "%s|é", e36);

	const struct {
		const char *text;
		const char *lines;
		const char *reason;
	} cases[] = {
	    {"aaaa aaaa aaaa aaaa aaaa aaa aaa aaa aaa b",
	     "aaaa aaaa aaaa aaaa aaaa aaa aaa aaa aaa|b",
	     "nine words of exactly 180 pt fill the line, the tenth "
	     "wraps"},
	    {"aaaa aaaa aaaa aaaa aaaa aaaa aaa aaa aaa",
	     "aaaa aaaa aaaa aaaa aaaa aaaa aaa aaa|aaa",
	     "one character more than the line: the last word wraps"},
	    {x36, x36, "a word exactly as long as the line stays whole"},
	    {x40, want_x40,
	     "a word longer than the line is broken between characters"},
	    {ab40, want_ab40,
	     "a long word after text starts a line, then breaks"},
	    {e36, e36,
	     "UTF-8: 36 two-byte letters are 36 characters, one line"},
	    {e37, want_e37, "UTF-8: the 37th letter wraps, whole"},
	    {"  several   spaces  collapse  ", "several spaces collapse",
	     "runs of spaces count as one, none at the ends"},
	    {"non\u00a0breaking space", "non\u00a0breaking space",
	     "a no-break space joins two words"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc *d = doc_new();
		para(d, cases[i].text, DOC_LEFT);
		struct layout *L = lay(d);
		struct buf got = {0};
		page_lines(L, 0, &got);
		if (strcmp((char *)got.data, cases[i].lines) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", cases[i].reason,
				 (char *)got.data, cases[i].lines);
		assert_inside(L);
		buf_free(&got);
		layout_free(L);
		doc_free(d);
	}
	free(x36);
	free(x40);
	free(e36);
	free(e37);
	free(ab40);
	free(want_ab40);
	free(want_x40);
	free(want_e37);
}

static void test_inline_nodes(void **state)
{
	(void)state;
	struct doc *d = doc_new();
	struct doc_node *p = doc_add(d, NULL, DOC_PARAGRAPH);
	doc_add_text(d, p, "Mme", DOC_BOLD);
	doc_add_text(d, p, " Aïcha", 0);
	doc_add(d, p, DOC_LINEBREAK);
	struct doc_node *cb = doc_add(d, p, DOC_CHECKBOX);
	cb->checked = true;
	doc_add_text(d, p, " VAE", 0);
	struct layout *L = lay(d);
	struct buf got = {0};
	page_lines(L, 0, &got);
	assert_string_equal((char *)got.data, "Mme Aïcha|VAE");

	const struct layout_page *pg = layout_page(L, 0);
	int boxes = 0;
	for (size_t k = 0; k < pg->nitems; k++) {
		const struct layout_item *it = &pg->items[k];
		if (it->kind == LAYOUT_CHECKBOX) {
			boxes++;
			assert_true(it->checked);
			assert_true(it->x >= X0 - EPS);
		}
		if (it->kind == LAYOUT_TEXT && it->len == 3 &&
		    memcmp(it->text, "Mme", 3) == 0)
			assert_int_equal(it->face, LAYOUT_BOLD);
	}
	assert_int_equal(boxes, 1);
	buf_free(&got);
	layout_free(L);
	doc_free(d);
}

/* Right edge of the last text run on baseline y of page 0. */
static double line_end(const struct layout *L, double y)
{
	const struct layout_page *p = layout_page(L, 0);
	double end = 0;
	for (size_t k = 0; k < p->nitems; k++)
		if (p->items[k].kind == LAYOUT_TEXT && p->items[k].y == y &&
		    p->items[k].x + p->items[k].w > end)
			end = p->items[k].x + p->items[k].w;
	return end;
}

static void test_justify(void **state)
{
	(void)state;
	const struct {
		enum doc_align align;
		bool first_full, last_full;
		const char *reason;
	} cases[] = {
	    {DOC_JUSTIFY, true, false,
	     "justified: full lines reach the margin, the last does not"},
	    {DOC_LEFT, false, false, "ragged: no line is stretched"},
	    {DOC_RIGHT, true, true,
	     "right-aligned: every line ends at "
	     "the margin"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc *d = doc_new();
		para(d,
		     "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj "
		     "kkkk",
		     cases[i].align);
		struct layout *L = lay(d);
		const struct layout_page *p = layout_page(L, 0);
		double y1 = -1, y2 = -1;
		for (size_t k = 0; k < p->nitems; k++) {
			if (p->items[k].kind != LAYOUT_TEXT ||
			    is_footer(&p->items[k]))
				continue;
			if (y1 < 0)
				y1 = p->items[k].y;
			else if (p->items[k].y != y1)
				y2 = p->items[k].y;
		}
		assert_true(y1 > 0 && y2 > y1);
		double e1 = line_end(L, y1), e2 = line_end(L, y2);
		if ((e1 > X0 + WIDTH - 1e-3) != cases[i].first_full ||
		    (e2 > X0 + WIDTH - 1e-3) != cases[i].last_full)
			fail_msg("%s: lines end at %g and %g", cases[i].reason,
				 e1, e2);
		assert_inside(L);
		layout_free(L);
		doc_free(d);
	}
}

/* Page (1-based) of the first text run starting with s, 0 if none. */
static size_t page_of(const struct layout *L, const char *s)
{
	for (size_t i = 0; i < layout_npages(L); i++) {
		const struct layout_page *p = layout_page(L, i);
		for (size_t k = 0; k < p->nitems; k++)
			if (p->items[k].kind == LAYOUT_TEXT &&
			    p->items[k].len >= strlen(s) &&
			    memcmp(p->items[k].text, s, strlen(s)) == 0)
				return i + 1;
	}
	return 0;
}

/* A paragraph of n lines made with forced breaks. */
static void lines(struct doc *d, int n)
{
	struct doc_node *p = doc_add(d, NULL, DOC_PARAGRAPH);
	for (int i = 0; i < n; i++) {
		if (i > 0)
			doc_add(d, p, DOC_LINEBREAK);
		doc_add_text(d, p, "line", 0);
	}
}

static void test_keep_with_next(void **state)
{
	(void)state;
	/*
	 * n lines take 12n pt; a level-2 heading 14.4 pt of space and a
	 * 15 pt line; the next paragraph 4.8 + 12 pt.  The body is 280 pt.
	 */
	const struct {
		int lines;
		size_t heading_page;
		const char *reason;
	} cases[] = {
	    {19, 1, "heading and next line fit: they stay (274.2 pt)"},
	    {20, 2,
	     "the heading fits (269.4 pt) but not the line after it: both "
	     "go to the next page"},
	    {22, 2, "the heading itself does not fit"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc *d = doc_new();
		lines(d, cases[i].lines);
		struct doc_node *h = doc_add(d, NULL, DOC_HEADING);
		h->level = 2;
		doc_add_text(d, h, "Heading", 0);
		para(d, "after", DOC_LEFT);
		struct layout *L = lay(d);
		size_t hp = page_of(L, "Heading"), ap = page_of(L, "after");
		if (hp != cases[i].heading_page || ap != hp)
			fail_msg("%s: heading on page %zu, next on %zu",
				 cases[i].reason, hp, ap);
		assert_inside(L);
		layout_free(L);
		doc_free(d);
	}
}

static struct doc_node *table(struct doc *d, int header_rows)
{
	struct doc_node *t = doc_add(d, NULL, DOC_TABLE);
	t->ncols = 2;
	t->header_rows = header_rows;
	t->widths = arena_alloc(d->arena, 2 * sizeof(double));
	t->widths[0] = 0.3;
	t->widths[1] = 0.7;
	return t;
}

static struct doc_node *cell(struct doc *d, struct doc_node *row,
			     const char *text)
{
	struct doc_node *c = doc_add(d, row, DOC_CELL);
	struct doc_node *p = doc_add(d, c, DOC_PARAGRAPH);
	doc_add_text(d, p, text, 0);
	return c;
}

/* Count of pages whose first body text starts with s. */
static size_t pages_starting_with(const struct layout *L, const char *s)
{
	size_t n = 0;
	for (size_t i = 0; i < layout_npages(L); i++) {
		const struct layout_page *p = layout_page(L, i);
		for (size_t k = 0; k < p->nitems; k++) {
			if (p->items[k].kind != LAYOUT_TEXT)
				continue;
			n += p->items[k].len >= strlen(s) &&
			     memcmp(p->items[k].text, s, strlen(s)) == 0;
			break;
		}
	}
	return n;
}

static void test_table_header_repeats(void **state)
{
	(void)state;
	const struct {
		int header_rows;
		int rows;
		size_t pages_with_header;
		const char *reason;
	} cases[] = {
	    {1, 40, 3,
	     "rows 18 pt high: 40 rows need 3 pages, each "
	     "starting with the header"},
	    {0, 40, 0, "no header row: nothing repeated"},
	    {1, 5, 1, "a table on one page: the header once"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc *d = doc_new();
		struct doc_node *t = table(d, cases[i].header_rows);
		for (int r = 0; r < cases[i].header_rows; r++) {
			struct doc_node *row = doc_add(d, t, DOC_ROW);
			cell(d, row, "Head");
			cell(d, row, "Head 2");
		}
		for (int r = 0; r < cases[i].rows; r++) {
			struct doc_node *row = doc_add(d, t, DOC_ROW);
			cell(d, row, "cell");
			cell(d, row, "value");
		}
		struct layout *L = lay(d);
		size_t n = pages_starting_with(L, "Head");
		if (n != cases[i].pages_with_header ||
		    (cases[i].header_rows > 0 && n != layout_npages(L)))
			fail_msg("%s: %zu of %zu pages start with the header",
				 cases[i].reason, n, layout_npages(L));
		assert_inside(L);
		layout_free(L);
		doc_free(d);
	}
}

static void test_tall_row_split(void **state)
{
	(void)state;
	struct doc *d = doc_new();
	struct doc_node *t = table(d, 1);
	struct doc_node *row = doc_add(d, t, DOC_ROW);
	cell(d, row, "Head");
	cell(d, row, "Head 2");
	row = doc_add(d, t, DOC_ROW);
	cell(d, row, "tall");
	struct doc_node *c = doc_add(d, row, DOC_CELL);
	struct doc_node *p = doc_add(d, c, DOC_PARAGRAPH);
	/* 60 lines of 12 pt: 720 pt, more than two pages of 280 pt. */
	char text[16];
	for (int i = 0; i < 60; i++) {
		if (i > 0)
			doc_add(d, p, DOC_LINEBREAK);
		snprintf(text, sizeof(text), "l%02d", i);
		doc_add_text(d, p, text, 0);
	}
	struct layout *L = lay(d);
	assert_true(layout_npages(L) >= 3);
	assert_inside(L);
	/* Every line once, in order, each page under the repeated header. */
	int next = 0;
	for (size_t i = 0; i < layout_npages(L); i++) {
		const struct layout_page *pg = layout_page(L, i);
		for (size_t k = 0; k < pg->nitems; k++) {
			const struct layout_item *it = &pg->items[k];
			if (it->kind != LAYOUT_TEXT || it->len != 3 ||
			    it->text[0] != 'l')
				continue;
			snprintf(text, sizeof(text), "l%02d", next);
			if (memcmp(it->text, text, 3) != 0)
				fail_msg("page %zu: %.3s where %s was expected",
					 i + 1, it->text, text);
			next++;
		}
	}
	assert_int_equal(next, 60);
	assert_int_equal(pages_starting_with(L, "Head"), layout_npages(L));
	layout_free(L);
	doc_free(d);
}

static void test_keep_together_and_breaks(void **state)
{
	(void)state;
	const struct {
		int before, inside;
		bool keep;
		size_t first_page, last_page;
		const char *reason;
	} cases[] = {
	    {15, 10, true, 2, 2, "a section that fits on a page moves whole"},
	    {15, 10, false, 1, 2, "without keep it is split"},
	    {15, 40, true, 1, 4,
	     "a section taller than a page is split anyway, from where "
	     "it starts (5 + 16 + 16 + 3 paragraphs)"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc *d = doc_new();
		lines(d, cases[i].before);
		struct doc_node *sec = doc_add(d, NULL, DOC_SECTION);
		sec->keep_together = cases[i].keep;
		for (int k = 0; k < cases[i].inside; k++) {
			struct doc_node *p = doc_add(d, sec, DOC_PARAGRAPH);
			doc_add_text(d, p,
				     k == 0			? "first"
				     : k == cases[i].inside - 1 ? "last"
								: "body",
				     0);
		}
		struct layout *L = lay(d);
		if (page_of(L, "first") != cases[i].first_page ||
		    page_of(L, "last") != cases[i].last_page)
			fail_msg("%s: section on pages %zu to %zu",
				 cases[i].reason, page_of(L, "first"),
				 page_of(L, "last"));
		layout_free(L);
		doc_free(d);
	}

	/* A heading before a keep-together section goes with it. */
	struct doc *hd = doc_new();
	lines(hd, 15);
	struct doc_node *h = doc_add(hd, NULL, DOC_HEADING);
	h->level = 2;
	doc_add_text(hd, h, "Heading", 0);
	struct doc_node *sec = doc_add(hd, NULL, DOC_SECTION);
	sec->keep_together = true;
	for (int k = 0; k < 10; k++)
		doc_add_text(hd, doc_add(hd, sec, DOC_PARAGRAPH),
			     k == 0 ? "first" : "body", 0);
	struct layout *HL = lay(hd);
	if (page_of(HL, "Heading") != 2 || page_of(HL, "first") != 2)
		fail_msg("heading before a moved section: heading on page "
			 "%zu, section on %zu",
			 page_of(HL, "Heading"), page_of(HL, "first"));
	layout_free(HL);
	doc_free(hd);

	/* Page breaks: one new page each, none at the very end. */
	struct doc *d = doc_new();
	para(d, "one", DOC_LEFT);
	doc_add(d, NULL, DOC_PAGEBREAK);
	doc_add(d, NULL, DOC_PAGEBREAK);
	para(d, "two", DOC_LEFT);
	doc_add(d, NULL, DOC_PAGEBREAK);
	struct layout *L = lay(d);
	assert_int_equal(layout_npages(L), 2);
	assert_int_equal(page_of(L, "two"), 2);
	layout_free(L);
	doc_free(d);
}

static void test_footer(void **state)
{
	(void)state;
	struct doc *d = doc_new();
	d->meta.title = "Titre";
	d->meta.footer_name = "Mme Aïcha BENALI";
	lines(d, 30);
	struct layout *L = lay(d);
	assert_int_equal(layout_npages(L), 2);
	const char *want[] = {"page 1 / 2", "page 2 / 2"};
	for (size_t i = 0; i < 2; i++) {
		const struct layout_page *p = layout_page(L, i);
		bool label = false, name = false;
		for (size_t k = 0; k < p->nitems; k++) {
			const struct layout_item *it = &p->items[k];
			if (it->kind != LAYOUT_TEXT || !is_footer(it))
				continue;
			label |= it->len == strlen(want[i]) &&
				 memcmp(it->text, want[i], it->len) == 0;
			name |= strstr(it->text, "Mme Aïcha BENALI") != NULL;
			assert_true(it->x + it->w <= 190 + EPS);
		}
		assert_true(label);
		assert_true(name);
	}
	layout_free(L);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_line_breaking),
	    cmocka_unit_test(test_inline_nodes),
	    cmocka_unit_test(test_justify),
	    cmocka_unit_test(test_keep_with_next),
	    cmocka_unit_test(test_table_header_repeats),
	    cmocka_unit_test(test_tall_row_split),
	    cmocka_unit_test(test_keep_together_and_breaks),
	    cmocka_unit_test(test_footer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
