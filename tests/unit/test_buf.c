/*
 * XML escaping of the byte buffer (buf.c), which every XML writer uses:
 * the ODT parts' attributes and text runs, the PDF's XMP metadata.
 */
/* cmocka.h needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"

static char *text_of(struct buf *b)
{
	buf_put(b, "", 1);
	return (char *)b->data;
}

static const struct {
	const char *in, *want, *why;
} attrs[] = {
    {"Martin & Fils", "Martin &amp; Fils", "ampersand"},
    {"a\"b'c", "a&quot;b&apos;c", "both quotes, whatever the delimiter"},
    {"<x>", "&lt;x&gt;", "angle brackets"},
    {"a\nb\tc", "abc", "controls never reach an attribute"},
    {"Fenêtre", "Fenêtre", "accents copied"},
    {"a\x01"
     "b\x7f"
     "c\r",
     "abc", "C0 controls, DEL and carriage return dropped"},
    {"x\xc2\x85y", "xy", "C1 control (NEL) dropped"},
    {"\xef\xbf\xbe\xef\xbf\xbf!", "!", "U+FFFE and U+FFFF dropped"},
    {"\xef\xbf\xbd", "\xef\xbf\xbd", "a real U+FFFD is kept as it is"},
    {"\xff", "\xef\xbf\xbd", "invalid byte becomes U+FFFD"},
    {"\xc3", "\xef\xbf\xbd", "truncated sequence becomes U+FFFD"},
    {"\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
     "UTF-16 surrogate is three invalid bytes"},
    {"Łukasz 😀 14\xe2\x80\xafh", "Łukasz 😀 14\xe2\x80\xafh",
     "letters, emoji and narrow no-break space copied"},
};

static void test_attr(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		struct buf b = {0};
		buf_put_xml(&b, attrs[i].in);
		const char *got = text_of(&b);
		if (strcmp(got, attrs[i].want) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", attrs[i].why,
				 got, attrs[i].want);
		buf_free(&b);
	}
}

static const struct {
	const char *in;
	size_t n;
	const char *want, *why;
} texts[] = {
    {"O'Brien \"Zoë\"", 14, "O'Brien \"Zoë\"",
     "quotes are plain text in element content"},
    {"a & <b>", 7, "a &amp; &lt;b&gt;", "markup characters escaped"},
    {"ab\x01z", 3, "ab", "only n bytes are read, controls dropped"},
    {"\xc3\xa9t\xc3\xa9", 4, "ét\xef\xbf\xbd",
     "a sequence cut by n is not UTF-8"},
};

static void test_text(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct buf b = {0};
		buf_put_xml_text(&b, texts[i].in, texts[i].n);
		const char *got = text_of(&b);
		if (strcmp(got, texts[i].want) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", texts[i].why,
				 got, texts[i].want);
		buf_free(&b);
	}
}

/* Formatted into the room left, or again after growing: every length
 * around the room left comes out whole. */
static void test_printf(void **state)
{
	(void)state;
	char want[600];
	for (size_t n = 0; n < 520; n++) {
		struct buf b = {0};
		buf_puts(&b, "ab");
		memset(want, 'x', n);
		want[n] = '\0';
		buf_printf(&b, "%s-%d", want, 7);
		buf_printf(&b, "%zu", n);
		char expect[700];
		snprintf(expect, sizeof(expect), "ab%s-7%zu", want, n);
		assert_int_equal(b.len, strlen(expect));
		assert_memory_equal(b.data, expect, b.len);
		assert_false(b.oom);
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_attr),
	    cmocka_unit_test(test_text),
	    cmocka_unit_test(test_printf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
