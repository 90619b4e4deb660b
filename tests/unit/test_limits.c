/*
 * The reader's defences against absurd and hostile input: the limits and
 * forbidden characters of dossier_limits.c, the parser's messages for
 * what XML itself refuses (dossier_parse.c), and the size cap of
 * inputs_slurp_max().  Every message is compared whole: it is what HR
 * reads, and it must never quote the data.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "dossier_limits.h"
#include "dossier_parse.h"
#include "inputs.h"

/* A string of n copies of unit (caller frees). */
static char *repeat(const char *unit, size_t n)
{
	size_t len = strlen(unit);
	char *s = malloc(len * n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * len, unit, len);
	s[len * n] = '\0';
	return s;
}

/* "<wrap>HEAD BODY TAIL</wrap>"-style documents (caller frees). */
static char *concat3(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);
	assert_non_null(s);
	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

/* Parses xml, runs the limits on its root; messages into out. */
static unsigned check(const char *xml, char *out, size_t outlen)
{
	struct dossier_parse_guard guard;
	struct dossier_parse_error err;
	dossier_parse_guard_begin(&guard);
	xmlDocPtr doc = dossier_parse(xml, strlen(xml), &err);
	if (doc == NULL)
		fail_msg("test input does not parse: %s", err.message);
	FILE *stream = tmpfile();
	assert_non_null(stream);
	diag_reset(stream);
	unsigned n = dossier_limits_check(xmlDocGetRootElement(doc), "t.xml");
	diag_reset(NULL);
	rewind(stream);
	size_t got = fread(out, 1, outlen - 1, stream);
	out[got] = '\0';
	fclose(stream);
	xmlFreeDoc(doc);
	dossier_parse_guard_end(&guard);
	return n;
}

static const struct {
	const char *xml;
	unsigned problems;
	const char *messages;
	const char *reason;
} char_rows[] = {
    {"<a><b>Zoë Żółć Nguyễn Thị Ánh, O'Brien\ttab</b></a>", 0, "",
     "letters of every language, tab and apostrophes are text"},
    {"<a><b>line one\nline two\r\n</b></a>", 0, "",
     "line ends are allowed (paragraphs of report text)"},
    {"<a><b>zero\xe2\x80\x8dwidth joiner</b></a>", 0, "",
     "U+200D joins letters in some scripts: not a control"},
    {"<a>\n<b>Aï\x7f"
     "cha</b></a>",
     1,
     "parcours: t.xml:2: error: <b>: the text holds the control character "
     "U+007F, which cannot be printed: remove it from the export\n",
     "DEL is allowed by XML but prints nothing"},
    {"<a><b>x\xc2\x85y</b></a>", 1,
     "parcours: t.xml:1: error: <b>: the text holds the control character "
     "U+0085, which cannot be printed: remove it from the export\n",
     "C1 controls (here NEL) are allowed by XML but print nothing"},
    {"<a><b>\n\nab\xc2\x9b"
     "2J</b></a>",
     1,
     "parcours: t.xml:3: error: <b>: the text holds the control character "
     "U+009B, which cannot be printed: remove it from the export\n",
     "CSI, a terminal escape: the line counts the text's line ends"},
    {"<a><b p=\"Bureau \xe2\x80\xae"
     "2\"/></a>",
     1,
     "parcours: t.xml:1: error: <b>: attribute \"p\": the text holds the "
     "bidirectional control U+202E, which would print the text in another "
     "order than it is stored: remove it from the export\n",
     "a right-to-left override makes a place read backwards"},
    {"<a><b>\xe2\x81\xa6x\xe2\x81\xa9</b></a>", 1,
     "parcours: t.xml:1: error: <b>: the text holds the bidirectional "
     "control U+2066, which would print the text in another order than it "
     "is stored: remove it from the export\n",
     "isolates reorder text too; only the first is reported"},
    {"<a><b>\xe2\x80\x8fx</b><c>\x7f</c></a>", 2,
     "parcours: t.xml:1: error: <b>: the text holds the bidirectional "
     "control U+200F, which would print the text in another order than it "
     "is stored: remove it from the export\n"
     "parcours: t.xml:1: error: <c>: the text holds the control character "
     "U+007F, which cannot be printed: remove it from the export\n",
     "every element with a problem is reported, in document order"},
    {"<a><b><![CDATA[x\x7fy]]></b></a>", 1,
     "parcours: t.xml:1: error: <b>: the text holds the control character "
     "U+007F, which cannot be printed: remove it from the export\n",
     "CDATA sections are text like any other"},
};

static void test_characters(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(char_rows) / sizeof(char_rows[0]); i++) {
		char out[4096];
		unsigned n = check(char_rows[i].xml, out, sizeof(out));
		if (n != char_rows[i].problems ||
		    strcmp(out, char_rows[i].messages) != 0)
			fail_msg("%s: %u problems, expected %u; messages:\n%s",
				 char_rows[i].reason, n, char_rows[i].problems,
				 out);
	}
}

static void test_text_length(void **state)
{
	(void)state;
	static const struct {
		const char *unit;
		size_t n;
		bool attribute;
		unsigned problems;
		const char *reason;
	} rows[] = {
	    {"a", DOSSIER_LIMITS_TEXT_CHARS, false, 0,
	     "a text of exactly the limit is read"},
	    {"a", DOSSIER_LIMITS_TEXT_CHARS + 1, false, 1,
	     "one character more is refused"},
	    {"é", DOSSIER_LIMITS_TEXT_CHARS, false, 0,
	     "characters are counted, not bytes"},
	    {"a", DOSSIER_LIMITS_TEXT_CHARS + 1, true, 1,
	     "attribute values have the same limit"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *text = repeat(rows[i].unit, rows[i].n);
		char *xml = rows[i].attribute
				? concat3("<a><b p=\"", text, "\"/></a>")
				: concat3("<a><b>", text, "</b></a>");
		char out[1024], want[256];
		unsigned n = check(xml, out, sizeof(out));
		snprintf(want, sizeof(want),
			 "parcours: t.xml:1: error: <b>: %sthe text is %zu "
			 "characters long; the limit is %d per text\n",
			 rows[i].attribute ? "attribute \"p\": " : "",
			 rows[i].n, DOSSIER_LIMITS_TEXT_CHARS);
		if (n != rows[i].problems ||
		    strcmp(out, n > 0 ? want : "") != 0)
			fail_msg("%s: %u problems, messages:\n%s",
				 rows[i].reason, n, out);
		free(xml);
		free(text);
	}
}

static void test_list_length(void **state)
{
	(void)state;
	static const struct {
		size_t n;
		unsigned problems;
		const char *reason;
	} rows[] = {
	    {DOSSIER_LIMITS_LIST_ITEMS, 0, "a list of exactly the limit"},
	    {DOSSIER_LIMITS_LIST_ITEMS + 1, 1, "one entry more is refused"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *items = repeat("\n<training/>", rows[i].n);
		char *xml =
		    concat3("<a>\n<trainings>", items, "</trainings></a>");
		char out[1024], want[256];
		unsigned n = check(xml, out, sizeof(out));
		snprintf(want, sizeof(want),
			 "parcours: t.xml:2: error: <trainings>: %zu entries; "
			 "the limit is %d per list\n",
			 rows[i].n, DOSSIER_LIMITS_LIST_ITEMS);
		if (n != rows[i].problems ||
		    strcmp(out, n > 0 ? want : "") != 0)
			fail_msg("%s: %u problems, messages:\n%s",
				 rows[i].reason, n, out);
		free(xml);
		free(items);
	}
}

/* What XML itself refuses, as the parser reports it. */
static void test_parser_messages(void **state)
{
	(void)state;
	static const struct {
		const char *xml;
		long line;
		const char *message;
		const char *reason;
	} rows[] = {
	    {"<a>\n<b>x\x1b[2Jy</b></a>", 2,
	     "the character U+001B is not allowed in XML (of the control "
	     "characters, only tab and line ends are)",
	     "a raw ESC is named by its code, the text around it not quoted"},
	    {"<a><b>x&#x1b;y</b></a>", 1,
	     "the character U+001B is not allowed in XML (of the control "
	     "characters, only tab and line ends are)",
	     "a character reference to a control is the same refusal"},
	    {"<a><b>x\xef\xbf\xbey</b></a>", 1,
	     "the character U+FFFE is not allowed in XML",
	     "a non-character is refused without talk of controls"},
	    {"<a><b p=\"x\x01y\"/></a>", 1,
	     "an attribute value holds a character that XML does not allow "
	     "(a control character?)",
	     "libxml2 does not name the character in an attribute"},
	    {"<a><b>B\xc3nali</b></a>", 1,
	     "the text is not valid UTF-8 (or not in its declared encoding)",
	     "a broken UTF-8 sequence is told apart from a control"},
	    {"<a><b>B\xe9nali</b></a>", 1,
	     "the text is not valid UTF-8 (or not in its declared encoding)",
	     "Latin-1 bytes in a file that says UTF-8"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct dossier_parse_guard guard;
		struct dossier_parse_error err;
		dossier_parse_guard_begin(&guard);
		xmlDocPtr doc =
		    dossier_parse(rows[i].xml, strlen(rows[i].xml), &err);
		dossier_parse_guard_end(&guard);
		if (doc != NULL) {
			xmlFreeDoc(doc);
			fail_msg("%s: parsed", rows[i].reason);
		}
		if (err.line != rows[i].line ||
		    strcmp(err.message, rows[i].message) != 0)
			fail_msg("%s: line %ld \"%s\"", rows[i].reason,
				 err.line, err.message);
	}
}

/* Nesting past libxml2's limit stops the parser, with no XML_PARSE_HUGE
 * advice and no stack exhausted even far past it. */
static void test_depth(void **state)
{
	(void)state;
	static const struct {
		size_t depth;
		bool parses;
		const char *reason;
	} rows[] = {
	    {DOSSIER_LIMITS_DEPTH + 1, true,
	     "the root and 256 levels inside it parse"},
	    {DOSSIER_LIMITS_DEPTH + 2, false, "one level more is refused"},
	    {100000, false, "far over it is refused as quickly"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *open = repeat("<x>", rows[i].depth);
		char *close = repeat("</x>", rows[i].depth);
		char *xml = concat3(open, close, "");
		struct dossier_parse_guard guard;
		struct dossier_parse_error err;
		char want[128];
		snprintf(want, sizeof(want),
			 "elements are nested more than %d deep, the XML "
			 "parser's safety limit",
			 DOSSIER_LIMITS_DEPTH);
		dossier_parse_guard_begin(&guard);
		xmlDocPtr doc = dossier_parse(xml, strlen(xml), &err);
		dossier_parse_guard_end(&guard);
		if ((doc != NULL) != rows[i].parses ||
		    (doc == NULL && strcmp(err.message, want) != 0))
			fail_msg("%s: %s", rows[i].reason,
				 doc != NULL ? "parsed" : err.message);
		xmlFreeDoc(doc);
		free(xml);
		free(close);
		free(open);
	}
}

static void test_slurp_max(void **state)
{
	(void)state;
	static const struct {
		size_t size, max;
		int err; /* 0: read */
		const char *reason;
	} rows[] = {
	    {0, 0, 0, "an empty file is within any limit"},
	    {100, 100, 0, "a file of exactly max bytes is read"},
	    {101, 100, EFBIG, "one byte more is refused"},
	    {200000, 65536, EFBIG, "larger than the first buffer"},
	    {200000, 199999, EFBIG, "refused by its size, however close"},
	};
	char path[] = "/tmp/parcours-test-limits-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		assert_int_equal(ftruncate(fd, (off_t)rows[i].size), 0);
		size_t size = 12345;
		errno = 0;
		char *buf = inputs_slurp_max(path, rows[i].max, &size);
		if (rows[i].err == 0 && (buf == NULL || size != rows[i].size))
			fail_msg("%s: not read (%s)", rows[i].reason,
				 strerror(errno));
		if (rows[i].err != 0 && (buf != NULL || errno != rows[i].err))
			fail_msg("%s: %s", rows[i].reason,
				 buf != NULL ? "read" : strerror(errno));
		free(buf);
	}
	close(fd);
	unlink(path);
}

/* Standard input has no size to look at: the cap holds while reading. */
static void test_slurp_max_pipe(void **state)
{
	(void)state;
	static const struct {
		size_t size, max;
		int err;
		const char *reason;
	} rows[] = {
	    {70000, 70000, 0, "a pipe of exactly max bytes is read whole"},
	    {70001, 70000, EFBIG, "one byte more through a pipe is refused"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int in = dup(0);
		char cmd[64];
		snprintf(cmd, sizeof(cmd), "head -c %zu /dev/zero",
			 rows[i].size);
		FILE *p = popen(cmd, "r");
		assert_non_null(p);
		assert_true(dup2(fileno(p), 0) == 0);
		size_t size = 0;
		errno = 0;
		char *buf = inputs_slurp_max("-", rows[i].max, &size);
		int e = errno;
		clearerr(stdin);
		assert_true(dup2(in, 0) == 0);
		close(in);
		pclose(p);
		if (rows[i].err == 0 && (buf == NULL || size != rows[i].size))
			fail_msg("%s: not read (%s)", rows[i].reason,
				 strerror(e));
		if (rows[i].err != 0 && (buf != NULL || e != rows[i].err))
			fail_msg("%s: %s", rows[i].reason,
				 buf != NULL ? "read" : strerror(e));
		free(buf);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_characters),
	    cmocka_unit_test(test_text_length),
	    cmocka_unit_test(test_list_length),
	    cmocka_unit_test(test_parser_messages),
	    cmocka_unit_test(test_depth),
	    cmocka_unit_test(test_slurp_max),
	    cmocka_unit_test(test_slurp_max_pipe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
