/*
 * Unit tests of the merged ODT written a document at a time
 * (odt_content_stream, behind odt_stream in odt.h): its body is the one
 * odt_content_write() makes for the same documents, but for the names
 * of the automatic styles that start each document on its page style.
 */
/* cmocka needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "odt.h"
#include "odt_internal.h"

/* Documents of different shapes: where each one starts matters. */
static struct doc *build(int k)
{
	struct doc *d = doc_new();
	assert_non_null(d);
	d->meta.title = "Lettre";
	d->meta.footer_name = "Mme Zoë LEFÈVRE";
	struct doc_node *p = doc_add(d, NULL, DOC_PARAGRAPH);
	doc_add_text(d, p, k == 2 ? "deuxième" : "texte",
		     k == 3 ? DOC_BOLD : 0);
	if (k != 1) {
		doc_add(d, NULL, DOC_PAGEBREAK);
		p = doc_add(d, NULL, DOC_PARAGRAPH);
		p->align = DOC_CENTER;
		doc_add_text(d, p, "suite", 0);
	}
	if (k == 3) {
		/* A table last: the merged text must not end on an empty
		 * page because of it. */
		struct doc_node *t = doc_add(d, NULL, DOC_TABLE);
		t->ncols = 1;
		struct doc_node *cell =
		    doc_add(d, doc_add(d, t, DOC_ROW), DOC_CELL);
		doc_add_text(d, cell, "case", 0);
	}
	return d;
}

/* The part of content.xml between tag and end, a new string. */
static char *between(const char *s, const char *tag, const char *end)
{
	const char *a = strstr(s, tag), *b = a ? strstr(a, end) : NULL;
	assert_non_null(b);
	a += strlen(tag);
	char *out = malloc((size_t)(b - a) + 1);
	memcpy(out, a, (size_t)(b - a));
	out[b - a] = '\0';
	return out;
}

/* Every style-name="P…" or "PM…" rewritten "P?": the names may differ. */
static void erase_style_names(char *s)
{
	char *w = s;
	for (const char *r = s; *r != '\0';) {
		if (strncmp(r, "style-name=\"P", 13) == 0 &&
		    (r[13] == 'M' || (r[13] >= '0' && r[13] <= '9'))) {
			r += 13;
			while (*r == 'M' || (*r >= '0' && *r <= '9'))
				r++;
			/* Read past the name first: writing may reach it. */
			memcpy(w, "style-name=\"P?", 14);
			w += 14;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static void test_stream_matches_merged(void **state)
{
	(void)state;
	enum { N = 3 };
	struct doc *docs[N];
	for (int k = 0; k < N; k++)
		docs[k] = build(k + 1);

	struct buf merged = {0};
	assert_true(odt_content_write(
	    &merged, "Open Sans", (const struct doc *const *)docs, N, true));
	buf_put(&merged, "", 1);

	struct odt_content_stream *cs = odt_content_stream_new();
	assert_non_null(cs);
	for (int k = 0; k < N; k++)
		assert_true(odt_content_stream_add(cs, docs[k], (size_t)k + 1));
	FILE *f = tmpfile();
	assert_true(odt_content_stream_finish(cs, "Open Sans", f));
	odt_content_stream_free(cs);
	long len = ftell(f);
	char *streamed = calloc(1, (size_t)len + 1);
	rewind(f);
	assert_int_equal(fread(streamed, 1, (size_t)len, f), (size_t)len);
	fclose(f);

	char *a =
	    between((char *)merged.data, "<office:text>", "</office:text>");
	char *b = between(streamed, "<office:text>", "</office:text>");
	erase_style_names(a);
	erase_style_names(b);
	assert_string_equal(a, b);

	/* Each document k starts on MP<k> through PM<k>, page number 1. */
	char *autos = between(streamed, "<office:automatic-styles>",
			      "</office:automatic-styles>");
	for (int k = 1; k <= N; k++) {
		char want[128], use[64], mark[64];
		snprintf(want, sizeof(want),
			 "style:name=\"PM%d\" style:family=\"paragraph\"", k);
		if (strstr(autos, want) == NULL)
			fail_msg("no style PM%d for document %d", k, k);
		snprintf(want, sizeof(want), "style:master-page-name=\"MP%d\"",
			 k);
		if (strstr(autos, want) == NULL)
			fail_msg("no style names MP%d", k);
		snprintf(use, sizeof(use), "text:style-name=\"PM%d\"", k);
		snprintf(mark, sizeof(mark), "text:name=\"fin_doc_%d\"", k);
		if (strstr(streamed, use) == NULL ||
		    strstr(streamed, mark) == NULL)
			fail_msg("document %d: no PM%d paragraph or end mark",
				 k, k);
	}
	free(autos);
	free(a);
	free(b);
	free(streamed);
	buf_free(&merged);
	for (int k = 0; k < N; k++)
		doc_free(docs[k]);
}

/* The public calls: a package at a path, and nothing without documents. */
static void test_stream_package(void **state)
{
	(void)state;
	char dir[] = "/tmp/parcours-test-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/merged.odt", dir);
	struct odt *o = odt_new(NULL);
	struct odt_stream *s = odt_stream_new(o);
	assert_non_null(s);
	char *msg = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&msg, &len);
	diag_reset(err);
	assert_false(odt_stream_finish(s, path));
	fclose(err);
	diag_reset(NULL);
	assert_non_null(
	    strstr(msg, "merged.odt: system error: no document to merge"));
	free(msg);
	for (int k = 1; k <= 2; k++) {
		struct doc *d = build(k);
		assert_true(odt_stream_add(s, d));
		doc_free(d); /* the stream keeps what it needs */
	}
	assert_int_equal(odt_stream_count(s), 2);
	assert_true(odt_stream_finish(s, path));
	odt_stream_free(s);
	odt_stream_free(NULL);
	odt_free(o);
	/* A zip whose first member is the stored mimetype (ODF 3.3). */
	FILE *f = fopen(path, "rb");
	char head[64] = "";
	assert_non_null(f);
	assert_int_equal(fread(head, 1, sizeof(head), f), sizeof(head));
	fclose(f);
	assert_memory_equal(head, "PK\3\4", 4);
	assert_memory_equal(head + 30, "mimetypeapplication/vnd.oasis", 29);
	char cmd[96];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_stream_matches_merged),
	    cmocka_unit_test(test_stream_package),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
