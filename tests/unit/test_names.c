/*
 * Names upper-cased with their accents (names.c) and display widths of
 * the status table (table.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "names.h"
#include "table.h"

static const struct {
	const char *in, *out, *reason;
} uppers[] = {
    {"Benali", "BENALI", "ASCII"},
    {"Żółć", "ŻÓŁĆ", "Polish: Latin Extended-A and Latin-1"},
    {"Nguyễn Thị Ánh", "NGUYỄN THỊ ÁNH", "Vietnamese: Latin Ext. Additional"},
    {"O'Brien", "O'BRIEN", "apostrophe kept"},
    {"Zoë", "ZOË", "diaeresis kept"},
    {"Ørsted-Ødegård", "ØRSTED-ØDEGÅRD", "Nordic letters, hyphen kept"},
    {"Weiß", "WEISS", "sharp s becomes SS (Unicode SpecialCasing)"},
    {"ÿ", "Ÿ", "y diaeresis leaves Latin-1 for Extended-A"},
    {"Dvořák", "DVOŘÁK", "Czech caron"},
    {"Şahin Çelik", "ŞAHIN ÇELIK",
     "not Turkish-specific: i gives I, as French civil registers write it"},
    {"ıi", "II", "dotless i and i both give I"},
    {"ǆ ǅ", "Ǆ Ǆ", "Latin Extended-B digraph, title case too"},
    {"Ɓaba ɗan", "ƁABA ƊAN", "African hooked letters (Ext-B / IPA)"},
    {"Ärzte ŒUVRE œuvre", "ÄRZTE ŒUVRE ŒUVRE", "œ ligature"},
    {"Παπαδόπουλος", "ΠΑΠΑΔΌΠΟΥΛΟΣ", "Greek, final sigma, tonos kept"},
    {"Иванова", "ИВАНОВА", "Cyrillic"},
    {"Nguye\xcc\x82\xcc\x83n", "NGUYE\xcc\x82\xcc\x83N",
     "decomposed accents: marks copied, base upper-cased"},
    {"a\xffz", "A\xffZ", "invalid byte copied, not dropped"},
    {"ŻÓŁĆ", "ŻÓŁĆ", "already upper case is unchanged"},
    {"", "", "empty"},
};

static void test_upper(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(uppers) / sizeof(uppers[0]); i++) {
		char *got = names_upper(uppers[i].in);
		assert_non_null(got);
		if (strcmp(got, uppers[i].out) != 0)
			fail_msg("%s: got [%s], want [%s]", uppers[i].reason,
				 got, uppers[i].out);
		free(got);
	}
}

static void test_display_names(void **state)
{
	(void)state;
	struct employee e = {
	    .civility = CIV_MME,
	    .given_name = "Aïcha",
	    .family_name = "Benali",
	};
	char *s = names_full(&e);
	assert_string_equal(s, "Mme Aïcha BENALI");
	free(s);
	s = names_family_first(&e);
	assert_string_equal(s, "BENALI Aïcha");
	free(s);
	e.civility = CIV_M;
	e.given_name = "Łukasz";
	e.family_name = "Żółć";
	s = names_full(&e);
	assert_string_equal(s, "M. Łukasz ŻÓŁĆ");
	free(s);
	e.civility = CIV_NONE;
	s = names_full(&e);
	assert_string_equal(s, "Łukasz ŻÓŁĆ");
	free(s);
}

static const struct {
	const char *in;
	size_t width;
	const char *reason;
} widths[] = {
    {"abc", 3, "ASCII"},
    {"Żółć", 4, "two-byte letters are one column each"},
    {"Nguyễn", 6, "precomposed Vietnamese letter"},
    {"Nguye\xcc\x82\xcc\x83n", 6, "combining marks take no column"},
    {"山田", 4, "CJK ideographs are wide"},
    {"2028-01-08", 10, "date"},
    {"3\xe2\x80\xaf"
     "000\xc2\xa0€",
     7, "narrow and no-break spaces count"},
    {"", 0, "empty"},
};

static void test_width(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(widths) / sizeof(widths[0]); i++)
		if (table_width(widths[i].in) != widths[i].width)
			fail_msg("%s: width %zu, want %zu", widths[i].reason,
				 table_width(widths[i].in), widths[i].width);
}

static void test_table_alignment(void **state)
{
	(void)state;
	const char *head[] = {"NOM", "DATE"};
	struct table *t = table_new(2, head);
	assert_non_null(t);
	const char *r1[] = {"ŻÓŁĆ Łukasz", "2027-11-29"};
	const char *r2[] = {"BENALI Aïcha", "2028-01-08"};
	assert_true(table_add_row(t, r1));
	assert_true(table_add_row(t, r2));
	assert_int_equal(table_rows(t), 2);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_true(table_write(t, f));
	fclose(f);
	/* The dates line up although the names have different byte
	 * lengths: alignment is by display width. */
	assert_string_equal(text, "NOM           DATE\n"
				  "------------  ----------\n"
				  "ŻÓŁĆ Łukasz   2027-11-29\n"
				  "BENALI Aïcha  2028-01-08\n");
	free(text);
	table_free(t);
	table_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_upper),
	    cmocka_unit_test(test_display_names),
	    cmocka_unit_test(test_width),
	    cmocka_unit_test(test_table_alignment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
