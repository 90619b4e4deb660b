/*
 * The CSV writer: RFC 4180 quoting and cli.md's formula protection.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv.h"

static const struct {
	const char *in, *out, *reason;
} fields[] = {
    {"E0042", "E0042", "plain text is written as is"},
    {"", "", "empty field"},
    {NULL, "", "NULL is the empty field"},
    {"BENALI Aïcha", "BENALI Aïcha", "UTF-8 passes unchanged, no quoting"},
    {"a,b", "\"a,b\"", "a comma forces quotes"},
    {"say \"hi\"", "\"say \"\"hi\"\"\"", "quotes are doubled inside quotes"},
    {"\"", "\"\"\"\"", "a lone quote"},
    {"two\nlines", "\"two\nlines\"", "a line feed forces quotes"},
    {"cr\rhere", "\"cr\rhere\"", "a carriage return forces quotes"},
    {"=SUM(A1)", "'=SUM(A1)", "formula lead = is neutralised"},
    {"+33 1 23", "'+33 1 23", "formula lead + is neutralised"},
    {"-5", "'-5", "formula lead - is neutralised (cli.md, even numbers)"},
    {"@cmd", "'@cmd", "formula lead @ is neutralised"},
    {"=a,b", "\"'=a,b\"", "the prefix goes inside the quotes"},
    {"a=b", "a=b", "= elsewhere is harmless"},
    {" lead", " lead", "spaces are data, not quoted (RFC 4180)"},
    {"'x", "'x", "an existing apostrophe is left alone"},
};

static void test_fields(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		struct buf b = {0};
		csv_put_field(&b, fields[i].in);
		buf_put(&b, "", 1);
		if (strcmp((char *)b.data, fields[i].out) != 0)
			fail_msg("%s: got [%s], want [%s]", fields[i].reason,
				 (char *)b.data, fields[i].out);
		buf_free(&b);
	}
}

static void test_row(void **state)
{
	(void)state;
	const char *row[] = {"E0107", "ŻÓŁĆ Łukasz", "recap", "a,\"b\"", NULL};
	struct buf b = {0};
	csv_put_row(&b, row, 5);
	buf_put(&b, "", 1);
	assert_string_equal((char *)b.data,
			    "E0107,ŻÓŁĆ Łukasz,recap,\"a,\"\"b\"\"\",\n");
	buf_free(&b);
}

static void test_write_row(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	const char *row[] = {"metric", "value"};
	assert_true(csv_write_row(f, row, 2));
	fclose(f);
	assert_string_equal(text, "metric,value\n");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fields),
	    cmocka_unit_test(test_row),
	    cmocka_unit_test(test_write_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
