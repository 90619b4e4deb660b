/*
 * Unit tests of files written in pieces (outfile_open/commit/discard)
 * and of the temporary names a killed run leaves (outfile_is_temp).
 */
/* cmocka needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "outfile.h"

/* final NULL: of any final name, as a dossier directory's sweep asks;
 * else of that one, as the sweep of the output directory's top asks. */
static const struct {
	const char *name, *final;
	bool temp;
	const char *why;
} names[] = {
    {".status.csv.aB3xY9", NULL, true, "outfile's pattern"},
    {".E1_X_notice_2020-01-01.pdf.000000", NULL, true,
     "digits are mkstemp's too"},
    {".a.Zz9Zz9", NULL, true, "the shortest final name"},
    {"status.csv", NULL, false, "a final name"},
    {".status.csv", NULL, false, "a hidden file without the suffix"},
    {".status.csv.aB3x", NULL, false, "suffix too short"},
    {".status.csv.aB3x-9", NULL, false, "a dash is not mkstemp's"},
    {"status.csv.aB3xY9", NULL, false, "no leading dot"},
    {"..aB3xY9", NULL, false, "no final name between the dots"},
    {".letters-merged.odt.aB3xY9", "letters-merged.odt", true,
     "outfile's pattern, of that name"},
    {"letters-merged.odt.aB3xY9", "letters-merged.odt", true,
     "libzip's pattern"},
    {".letters-merged.odt.aB3xY9.Zz9Zz9", "letters-merged.odt", true,
     "libzip's within ours"},
    {".status.csv.aB3xY9", "letters-merged.odt", false, "another final name"},
    {".letters-merged.odt.aB3x", "letters-merged.odt", false,
     "suffix too short, of that name"},
    {".letters-merged.odt.aB3x-9", "letters-merged.odt", false,
     "a dash is not ours"},
    {"letters-merged.odt", "letters-merged.odt", false,
     "the final name itself"},
};

static void test_is_temp(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (outfile_is_temp(names[i].name, names[i].final) !=
		    names[i].temp)
			fail_msg("%s: \"%s\" gave %d", names[i].why,
				 names[i].name, !names[i].temp);
}

/* Files in dir, "." and ".." aside. */
static int count_files(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; d != NULL && (e = readdir(d)) != NULL;)
		n +=
		    strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	if (d != NULL)
		closedir(d);
	return n;
}

static void test_stream(void **state)
{
	(void)state;
	char root[] = "/tmp/parcours-test-XXXXXX", path[128];
	assert_non_null(mkdtemp(root));

	/* While open, only the temporary name exists, under its pattern. */
	struct outfile *f = outfile_open(root, "sub/report.csv");
	assert_non_null(f);
	fputs("a,b\n", outfile_stream(f));
	snprintf(path, sizeof(path), "%s/sub/report.csv", root);
	assert_int_not_equal(access(path, F_OK), 0);
	snprintf(path, sizeof(path), "%s/sub", root);
	DIR *d = opendir(path);
	struct dirent *e;
	bool seen = false;
	while ((e = readdir(d)) != NULL)
		seen |= outfile_is_temp(e->d_name, NULL) &&
			strncmp(e->d_name, ".report.csv.", 12) == 0;
	closedir(d);
	assert_true(seen);
	fputs("c,d\n", outfile_stream(f));
	assert_true(outfile_commit(f));
	snprintf(path, sizeof(path), "%s/sub/report.csv", root);
	FILE *in = fopen(path, "r");
	char text[32] = "";
	assert_non_null(in);
	assert_int_equal(fread(text, 1, sizeof(text) - 1, in), 8);
	fclose(in);
	assert_string_equal(text, "a,b\nc,d\n");
	snprintf(path, sizeof(path), "%s/sub", root);
	assert_int_equal(count_files(path), 1);

	/* Discarded: nothing left, the earlier file untouched. */
	f = outfile_open(root, "sub/report.csv");
	assert_non_null(f);
	fputs("half", outfile_stream(f));
	outfile_discard(f);
	outfile_discard(NULL);
	assert_int_equal(count_files(path), 1);

	/* A directory that cannot be made: a system error, no stream. */
	FILE *sink = tmpfile();
	diag_reset(sink);
	assert_null(outfile_open("/dev/null/x", "a.csv"));
	assert_int_equal(diag_worst(), DIAG_SYSTEM);
	diag_reset(NULL);
	fclose(sink);

	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_is_temp),
	    cmocka_unit_test(test_stream),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
