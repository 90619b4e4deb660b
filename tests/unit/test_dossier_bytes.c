/*
 * The raw-byte checks of dossier_bytes.c, run before the XML parser: the
 * encoding of the first bytes, and the attributes of one start tag
 * counted the same whatever the chunks the bytes come in; and the
 * reserved ids of dossier_id.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dossier_bytes.h"
#include "dossier_id.h"

static void test_encoding(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		size_t len;
		bool ok;
	} cases[] = {
	    {"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>", 42, true},
	    {"<?xml version='1.0' encoding = 'utf-8' ?><a/>", 44, true},
	    {"<?xml version=\"1.0\"?><a/>", 25, true},
	    {"\xEF\xBB\xBF<?xml version=\"1.0\"?><a/>", 28, true},
	    {"<a encoding=\"latin1\"/>", 22, true}, /* not a declaration */
	    {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", 43, false},
	    {"<?xml version=\"1.0\" encoding=\"US-ASCII\"?>", 41, false},
	    {"\xFF\xFE<\0?\0x\0", 8, false},
	    {"\xFE\xFF\0<\0?", 6, false},
	    {"<\0?\0x\0m\0", 8, false},
	    {"\x4C\x6F\xA7\x94", 4, false},
	};
	struct dossier_parse_error err;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		if (dossier_bytes_encoding(cases[i].bytes, cases[i].len,
					   &err) != cases[i].ok)
			fail_msg("case %zu: %s", i,
				 cases[i].ok ? "refused" : "accepted");
}

/* Scans xml in chunks of step bytes; the line of the refusal or 0. */
static long scan(const char *xml, size_t step)
{
	struct dossier_bytes s = {0};
	struct dossier_parse_error err;
	size_t len = strlen(xml);
	bool ok = true;
	for (size_t at = 0; ok && at < len; at += step)
		ok = dossier_bytes_scan(
		    &s, xml + at, len - at < step ? len - at : step, &err);
	return ok ? 0 : s.tag_line;
}

/* "<?xml?>\n<!-- a=b -->\n<r>" then n attributes on <e> of line 3. */
static char *many(unsigned n, const char *value)
{
	size_t cap = 128 + (size_t)n * (16 + strlen(value));
	char *s = malloc(cap);
	assert_non_null(s);
	size_t o = (size_t)snprintf(s, cap,
				    "<?xml version=\"1.0\"?>\n<!-- a=b c=d "
				    "-->\n<r><![CDATA[x=y]]><e");
	for (unsigned i = 0; i < n; i++)
		o += (size_t)snprintf(s + o, cap - o, " a%u=\"%s\"", i, value);
	snprintf(s + o, cap - o, "/></r>");
	return s;
}

static void test_attributes(void **state)
{
	(void)state;
	char *at_limit = many(DOSSIER_BYTES_ATTRIBUTES, "x=y>z");
	char *past = many(DOSSIER_BYTES_ATTRIBUTES + 1, "x");
	for (size_t step = 1; step <= 7; step++) {
		assert_int_equal(scan(at_limit, step), 0);
		assert_int_equal(scan(past, step), 3);
	}
	assert_int_equal(scan(past, strlen(past)), 3);
	free(at_limit);
	free(past);
}

/* "<!-->" opens a comment, whose "--" do not close it (fuzz_stream). */
static void test_comment_opening(void **state)
{
	(void)state;
	size_t cap = 64 + 8 * (DOSSIER_BYTES_ATTRIBUTES + 1);
	char *xml = malloc(cap);
	assert_non_null(xml);
	size_t o = (size_t)snprintf(xml, cap, "<r><!--> <e");
	for (unsigned i = 0; i <= DOSSIER_BYTES_ATTRIBUTES; i++)
		o += (size_t)snprintf(xml + o, cap - o, " a%u=", i);
	snprintf(xml + o, cap - o, " --></r>");
	for (size_t step = 1; step <= 7; step++)
		assert_int_equal(scan(xml, step), 0);
	free(xml);
}

static void test_reserved_ids(void **state)
{
	(void)state;
	static const char *const refused[] = {
	    "manifest.csv", "status.csv.abcdef", "letters-merged.odt",
	    "index.html",   "manifest.csv.p7s",	 "STATS.CSV",
	    "x.lock",	    "recap-1-of-3.csv",	 "a.Odt.b",
	};
	static const char *const accepted[] = {
	    "E0042", "2024.001", "A-12.b", "csv", "odt-1", "x.csvx", "-H-1",
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++)
		if (!dossier_id_reserved(refused[i]))
			fail_msg("%s is accepted", refused[i]);
	for (size_t i = 0; i < sizeof(accepted) / sizeof(*accepted); i++)
		if (dossier_id_reserved(accepted[i]))
			fail_msg("%s is refused", accepted[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_encoding),
	    cmocka_unit_test(test_attributes),
	    cmocka_unit_test(test_comment_opening),
	    cmocka_unit_test(test_reserved_ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
