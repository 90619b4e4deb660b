/*
 * The document tree (doc.h): building it, and the --format tree dump
 * that the template tests use as their oracle, for every node type.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"

static char *dump(const struct doc *d)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	doc_dump(d, f);
	fclose(f);
	return out;
}

static void test_build(void **state)
{
	(void)state;
	doc_free(NULL); /* a no-op */
	struct doc *d = doc_new();
	assert_non_null(d);
	assert_int_equal(d->root->type, DOC_ROOT);
	assert_int_equal(d->meta.reference_date, DATE_NONE);

	/* NULL parent means the root; children keep their order. */
	struct doc_node *a = doc_add(d, NULL, DOC_PARAGRAPH);
	struct doc_node *b = doc_add(d, d->root, DOC_PARAGRAPH);
	assert_ptr_equal(d->root->first, a);
	assert_ptr_equal(a->next, b);
	assert_ptr_equal(d->root->last, b);
	assert_ptr_equal(b->parent, d->root);
	assert_int_equal(doc_nchildren(d->root), 2);
	assert_int_equal(doc_nchildren(b), 0);

	/* Text is copied into the document. */
	char text[] = "Aïcha";
	struct doc_node *t = doc_add_text(d, a, text, DOC_BOLD);
	text[0] = 'X';
	assert_string_equal(t->text, "Aïcha");
	assert_int_equal(t->flags, DOC_BOLD);
	assert_ptr_equal(t->parent, a);
	const char *s = doc_strdup(d, text);
	assert_string_equal(s, "Xïcha");
	assert_ptr_not_equal(s, text);
	doc_free(d);
}

/* The footer's words, one source for both backends. */
static void test_footer_parts(void **state)
{
	(void)state;
	static const struct {
		const char *title, *name, *want;
	} cases[] = {
	    {"Convocation", "Mme Aïcha BENALI",
	     "Convocation — Mme Aïcha BENALI"},
	    {"Convocation", NULL, "Convocation"},
	    {NULL, "Mme Aïcha BENALI", "Mme Aïcha BENALI"},
	    {"", "", ""},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct doc_meta m = {.title = cases[i].title,
				     .footer_name = cases[i].name};
		const char *p[3];
		char got[128];
		doc_footer_parts(&m, p);
		snprintf(got, sizeof(got), "%s%s%s", p[0], p[1], p[2]);
		assert_string_equal(got, cases[i].want);
	}
}

static void test_dump_every_node(void **state)
{
	(void)state;
	struct doc *d = doc_new();
	d->meta.title = "Compte rendu";
	d->meta.subject = "Entretien du 8 janvier 2024";
	d->meta.author = "ACME";
	d->meta.footer_name = "Mme Aïcha BENALI";
	d->meta.reference_date = date_from_ymd(2024, 1, 8);

	struct doc_node *sec = doc_add(d, NULL, DOC_SECTION);
	sec->keep_together = true;
	struct doc_node *h = doc_add(d, sec, DOC_HEADING);
	h->level = 2;
	doc_add_text(d, h, "Titre \"cité\"\tet\\", 0);
	struct doc_node *p = doc_add(d, sec, DOC_PARAGRAPH);
	p->align = DOC_JUSTIFY;
	doc_add_text(d, p, "gras", DOC_BOLD | DOC_ITALIC | DOC_SMALL);
	doc_add(d, p, DOC_LINEBREAK);
	struct doc_node *cb = doc_add(d, p, DOC_CHECKBOX);
	cb->checked = true;
	doc_add(d, p, DOC_CHECKBOX);

	struct doc_node *l = doc_add(d, NULL, DOC_LIST);
	l->ordered = true;
	struct doc_node *it = doc_add(d, l, DOC_ITEM);
	doc_add_text(d, doc_add(d, it, DOC_PARAGRAPH), "un", 0);

	struct doc_node *t = doc_add(d, NULL, DOC_TABLE);
	t->ncols = 2;
	t->header_rows = 1;
	t->widths = arena_alloc(d->arena, 2 * sizeof(double));
	t->widths[0] = 0.25;
	t->widths[1] = 0.75;
	struct doc_node *row = doc_add(d, t, DOC_ROW);
	struct doc_node *c = doc_add(d, row, DOC_CELL);
	c->align = DOC_RIGHT;
	doc_add(d, row, DOC_CELL);

	struct doc_node *r = doc_add(d, NULL, DOC_RULED);
	r->count = 4;
	struct doc_node *sig = doc_add(d, NULL, DOC_SIGNATURE);
	doc_add(d, sig, DOC_SIGNER);
	struct doc_node *box = doc_add(d, NULL, DOC_LETTERBOX);
	box->box = DOC_BOX_RECIPIENT;
	struct doc_node *fr = doc_add(d, NULL, DOC_FRAME);
	doc_add(d, NULL, DOC_CUTLINE);
	doc_add(d, NULL, DOC_PAGEBREAK);
	struct doc_node *sp = doc_add(d, NULL, DOC_SPACE);
	sp->count = 3;
	(void)fr;

	struct doc_node *tl = doc_add(d, NULL, DOC_TIMELINE);
	struct doc_timeline *tv = arena_alloc(d->arena, sizeof(*tv));
	tv->start = date_from_ymd(2016, 3, 1);
	tv->end = date_from_ymd(2022, 3, 1);
	tv->nitems = 2;
	tv->items = arena_alloc(d->arena, 2 * sizeof(*tv->items));
	tv->items[0] =
	    (struct doc_mark_item){DOC_MARK_HELD, date_from_ymd(2018, 2, 12),
				   date_from_ymd(2018, 2, 12), "Entretien"};
	tv->items[1] =
	    (struct doc_mark_item){DOC_MARK_ABSENCE, date_from_ymd(2018, 9, 1),
				   date_from_ymd(2019, 4, 30), NULL};
	tl->timeline = tv;

	static const char want[] =
	    "root title=\"Compte rendu\" subject=\"Entretien du 8 janvier "
	    "2024\" author=\"ACME\" footer=\"Mme Aïcha BENALI\" "
	    "date=2024-01-08\n"
	    "  section keep\n"
	    "    heading 2\n"
	    "      text \"Titre \\\"cité\\\"\\tet\\\\\"\n"
	    "    paragraph justify\n"
	    "      text bold italic small \"gras\"\n"
	    "      linebreak\n"
	    "      checkbox checked\n"
	    "      checkbox unchecked\n"
	    "  list ordered\n"
	    "    item\n"
	    "      paragraph\n"
	    "        text \"un\"\n"
	    "  table cols=2 widths=0.25,0.75 header=1\n"
	    "    row\n"
	    "      cell right\n"
	    "      cell\n"
	    "  ruled 4\n"
	    "  signature\n"
	    "    signer\n"
	    "  letterbox recipient\n"
	    "  frame\n"
	    "  cutline\n"
	    "  pagebreak\n"
	    "  space 3\n"
	    "  timeline start=2016-03-01 end=2022-03-01\n"
	    "    mark held start=2018-02-12 label=\"Entretien\"\n"
	    "    mark absence start=2018-09-01 end=2019-04-30\n";
	char *got = dump(d);
	assert_string_equal(got, want);

	/* The dump is stable: twice the same. */
	char *again = dump(d);
	assert_string_equal(got, again);
	free(got);
	free(again);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_build),
	    cmocka_unit_test(test_footer_parts),
	    cmocka_unit_test(test_dump_every_node),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
