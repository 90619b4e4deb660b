/*
 * The streamed reader (dossier_stream.c): the same dossiers, lines and
 * refusals wherever the chunks of input fall, a file refused whole when
 * it breaks after good dossiers, true line numbers past 65 535, and the
 * limits it adds (one dossier's bytes, encodings, start tags).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dossier_limits.h"
#include "dossier_parse.h"
#include "dossier_stream.h"

static char dir[] = "/tmp/parcours-test-stream-XXXXXX";
static char path[sizeof(dir) + 16];

static int setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/in.xml", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	rmdir(dir);
	dossier_stream_chunk_for_tests(0);
	return 0;
}

static void put(const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* What one read of path gave. */
struct seen {
	bool checked;			/* the check pass accepted the file */
	struct dossier_parse_error err; /* its error, if not */
	int n;				/* dossiers yielded */
	long lines[8];			/* their lines */
	char ids[8][8];
};

static void read_path(struct seen *r)
{
	memset(r, 0, sizeof(*r));
	struct dossier_parse_guard guard;
	dossier_parse_guard_begin(&guard);
	struct dossier_stream *s = dossier_stream_open(path, &r->err);
	assert_non_null(s);
	struct dossier_stream_info info;
	xmlDocPtr envelope = dossier_stream_check(s, &info, &r->err);
	r->checked = envelope != NULL;
	xmlFreeDoc(envelope);
	xmlDocPtr unit;
	struct dossier_parse_error err;
	while (r->checked && (unit = dossier_stream_next(s, &err)) != NULL) {
		xmlNodePtr root = xmlDocGetRootElement(unit);
		assert_true(r->n < 8);
		r->lines[r->n] = dossier_parse_line(root);
		xmlChar *id = xmlGetNoNsProp(root, BAD_CAST "id");
		snprintf(r->ids[r->n], sizeof(r->ids[0]), "%s",
			 id != NULL ? (const char *)id : "");
		xmlFree(id);
		r->n++;
		xmlFreeDoc(unit);
	}
	if (r->checked)
		assert_string_equal(err.message, "");
	dossier_stream_free(s);
	dossier_parse_guard_end(&guard);
}

static const char three[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<dossiers version=\"1\">\n"
    "  <company id=\"C\"><name>Zoë &amp; Cie</name></company>\n"
    "  <dossier id=\"a\"><employee><given-name>Zoë</given-name>"
    "</employee></dossier>\n"
    "  <!-- between -->\n"
    "  <dossier\n id=\"b\"><![CDATA[x]]><?pi y?></dossier><dossier "
    "id=\"c\"/>\n"
    "</dossiers>\n";

/* Every chunk size from one byte up yields the same dossiers. */
static void test_chunks(void **state)
{
	(void)state;
	put(three, strlen(three));
	for (size_t chunk = 1; chunk <= strlen(three) + 1; chunk++) {
		dossier_stream_chunk_for_tests(chunk);
		struct seen r;
		read_path(&r);
		assert_true(r.checked);
		assert_int_equal(r.n, 3);
		assert_string_equal(r.ids[0], "a");
		assert_string_equal(r.ids[1], "b");
		assert_string_equal(r.ids[2], "c");
		assert_int_equal(r.lines[0], 4);
		assert_int_equal(r.lines[1], 7);
		assert_int_equal(r.lines[2], 7);
	}
}

/* A file that breaks after good dossiers gives none of them. */
static void test_truncated(void **state)
{
	(void)state;
	dossier_stream_chunk_for_tests(3);
	put(three, strlen(three) - 12);
	struct seen r;
	read_path(&r);
	assert_false(r.checked);
	assert_int_equal(r.n, 0);
	assert_string_equal(r.err.message,
			    "not well-formed XML: Premature "
			    "end of data in tag dossiers line 2");
}

/*
 * An undeclared prefix is a namespace error that leaves the file
 * well-formed (as for the whole-buffer parse): the schema judges it.
 */
static void test_namespace_error(void **state)
{
	(void)state;
	static const char text[] = "<dossiers version=\"1\"><dossier "
				   "id=\"a\"><p:x/></dossier></dossiers>";
	put(text, strlen(text));
	struct seen r;
	read_path(&r);
	assert_true(r.checked);
	assert_int_equal(r.n, 1);
}

/* Past line 65 535 an element keeps its true line. */
static void test_big_lines(void **state)
{
	(void)state;
	dossier_stream_chunk_for_tests(0);
	size_t blank = 70000;
	char *text = malloc(blank + 64);
	assert_non_null(text);
	int n = sprintf(text, "<dossiers version=\"1\">");
	memset(text + n, '\n', blank);
	n += (int)blank;
	n += sprintf(text + n, "<dossier id=\"z\"/></dossiers>");
	put(text, (size_t)n);
	free(text);
	struct seen r;
	read_path(&r);
	assert_true(r.checked);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.lines[0], 70001);
}

/* One dossier past the limit is refused, with its line, before it ends. */
static void test_dossier_limit(void **state)
{
	(void)state;
	dossier_stream_chunk_for_tests(0);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs("<dossiers version=\"1\">\n<dossier id=\"a\"/>\n<dossier "
	      "id=\"b\">\n",
	      f);
	static const char item[] = "<x/>\n";
	for (long i = 0; i <= DOSSIER_LIMITS_DOSSIER_BYTES / 5; i++)
		fputs(item, f);
	fputs("</dossier></dossiers>\n", f);
	assert_int_equal(fclose(f), 0);
	struct seen r;
	read_path(&r);
	assert_false(r.checked);
	assert_int_equal(r.err.line, 3);
	assert_string_equal(
	    r.err.message, "<dossier>: it is larger than 64 MiB, the limit for "
			   "one dossier (is the export broken?)");
}

static void expect_refused(const char *text, long line, const char *message)
{
	put(text, strlen(text));
	struct seen r;
	read_path(&r);
	assert_false(r.checked);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.err.line, line);
	assert_string_equal(r.err.message, message);
}

/* The refusals the stream adds to libxml2's own. */
static void test_refusals(void **state)
{
	(void)state;
	dossier_stream_chunk_for_tests(5);
	/* The words of dossier_bytes_encoding(), which a longer first chunk
	 * meets first. */
	expect_refused("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
		       "<dossier id=\"a\"/>",
		       1,
		       "the file declares the encoding \"ISO-8859-1\"; dossier "
		       "files are UTF-8 only: export it again as UTF-8");
	char tag[300 * 20 + 64];
	int n = sprintf(tag, "<dossiers version=\"1\">\n<dossier");
	for (int i = 0; i < 300; i++)
		n += sprintf(tag + n, " a%d=\"\"", i);
	sprintf(tag + n, "/></dossiers>");
	expect_refused(tag, 2,
		       "<dossier>: more than 256 attributes on one element, "
		       "the limit (namespace declarations count)");
	n = sprintf(tag, "<dossiers version=\"1\">\n<dossier");
	for (int i = 0; i < 300; i++)
		n += sprintf(tag + n, " xmlns:n%d=\"u\"", i);
	sprintf(tag + n, "/></dossiers>");
	expect_refused(tag, 2,
		       "<dossier>: more than 256 attributes on one element, "
		       "the limit (namespace declarations count)");
	expect_refused("<dossiers version=\"1\" "
		       "xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
		       "<dossier id=\"a\"><xi:include href=\"/etc/passwd\"/>"
		       "</dossier></dossiers>",
		       2,
		       "XInclude is not accepted: <xi:include> is never "
		       "followed (a dossier file must be self-contained)");
	expect_refused("", 0, "the file is empty");
	expect_refused(
	    " \n", 1, "not well-formed XML: Start tag expected, '<' not found");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_chunks),
	    cmocka_unit_test(test_truncated),
	    cmocka_unit_test(test_namespace_error),
	    cmocka_unit_test(test_big_lines),
	    cmocka_unit_test(test_dossier_limit),
	    cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
