/*
 * Unit tests of output file names (ASCII folding) and atomic writes.
 */
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

#include "ascii_fold.h"
#include "diag.h"
#include "outfile.h"

static const struct {
	const char *name, *want, *why;
} folds[] = {
    {"Żółć", "ZOLC", "Polish letters with dot, acute, stroke"},
    {"Benali", "BENALI", "ASCII is upper-cased"},
    {"Nguyễn", "NGUYEN", "Vietnamese stacked diacritics"},
    {"O'Brien", "OBRIEN", "apostrophe removed"},
    {"N’Diaye", "NDIAYE", "typographic apostrophe removed"},
    {"Le Gall", "LE-GALL", "space becomes a dash"},
    {"Lefèvre-Durand", "LEFEVRE-DURAND", "dash kept, accent dropped"},
    {"  de  la Tour ", "DE-LA-TOUR", "no leading, doubled or trailing dash"},
    {"Ștefănescu", "STEFANESCU", "Romanian comma below"},
    {"Şükrü Yılmaz", "SUKRU-YILMAZ", "Turkish cedilla and dotless i"},
    {"Søren Ågård", "SOREN-AGARD", "Nordic slashed o and ring"},
    {"Œuvrard", "OEUVRARD", "ligature expands"},
    {"Straße", "STRASSE", "sharp s expands"},
    {"Dvořák", "DVORAK", "Czech caron"},
    {"../../etc", "ETC", "no dot or slash survives"},
    {"李", "", "no Latin letter: nothing left"},
    {"\xff\xfe"
     "A",
     "A", "invalid UTF-8 bytes are dropped"},
};

static void test_fold(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(folds) / sizeof(folds[0]); i++) {
		char out[64];
		ascii_fold_name(folds[i].name, out, sizeof(out));
		if (strcmp(out, folds[i].want) != 0)
			fail_msg("%s: \"%s\" gave \"%s\", want \"%s\"",
				 folds[i].why, folds[i].name, out,
				 folds[i].want);
	}
}

static void test_fold_truncates(void **state)
{
	(void)state;
	char out[5];
	assert_int_equal(ascii_fold_name("Abcdefgh", out, sizeof(out)), 4);
	assert_string_equal(out, "ABCD");
}

static void test_path(void **state)
{
	(void)state;
	char path[OUTFILE_PATH_MAX];
	outfile_path(path, "E0107", "Żółć", "recap", date_from_ymd(2020, 3, 7),
		     "pdf");
	assert_string_equal(path, "E0107/E0107_ZOLC_recap_2020-03-07.pdf");
	outfile_path(path, "E1", "李", "notice", date_from_ymd(2024, 1, 2),
		     "pdf");
	assert_string_equal(path, "E1/E1_X_notice_2024-01-02.pdf");
}

static void test_write_atomic(void **state)
{
	(void)state;
	char root[] = "/tmp/parcours-outfile-XXXXXX";
	assert_non_null(mkdtemp(root));
	assert_true(outfile_write(root, "a/b/file.txt", "hello", 5));
	assert_true(outfile_write(root, "a/b/file.txt", "bye", 3));

	char path[512];
	snprintf(path, sizeof(path), "%s/a/b/file.txt", root);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char got[16] = {0};
	assert_int_equal(fread(got, 1, sizeof(got), f), 3);
	fclose(f);
	assert_string_equal(got, "bye");

	/* No temporary file is left beside the final one. */
	snprintf(path, sizeof(path), "%s/a/b", root);
	DIR *dir = opendir(path);
	assert_non_null(dir);
	int n = 0;
	for (struct dirent *e; (e = readdir(dir)) != NULL;)
		if (e->d_name[0] != '.' || strlen(e->d_name) > 2)
			n++;
	closedir(dir);
	assert_int_equal(n, 1);

	snprintf(path, sizeof(path), "rm -rf '%s'", root);
	assert_int_equal(system(path), 0);
}

static void test_write_fails_cleanly(void **state)
{
	(void)state;
	FILE *sink = tmpfile();
	diag_reset(sink);
	/* A regular file where a directory should be. */
	assert_false(outfile_write("/dev/null", "x/y.pdf", "z", 1));
	assert_int_equal(diag_worst(), DIAG_SYSTEM);
	diag_reset(NULL);
	fclose(sink);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold),
	    cmocka_unit_test(test_fold_truncates),
	    cmocka_unit_test(test_path),
	    cmocka_unit_test(test_write_atomic),
	    cmocka_unit_test(test_write_fails_cleanly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
