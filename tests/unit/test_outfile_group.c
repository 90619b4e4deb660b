/*
 * Unit tests of files written as a group and synced once
 * (outfile_group.h): what is on disk after add, complete, discard and
 * commit, when a commit is due, and the descriptors held.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* After the headers it needs. */
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "outfile.h"
#include "outfile_group.h"

#define MAXF 8

/*
 * Each case: what is there before ("path=content" a file, "path/" a
 * directory); the calls made, in order, with what each must say:
 * "path=content" adds a file, "+" completes the whole, "-" discards the
 * incomplete one, "!" commits; then the group is freed, and every
 * regular file under the root afterwards, sorted, temporary ones
 * included, must be those listed.
 */
static const struct {
	const char *why;
	const char *before[MAXF];
	struct {
		const char *call;
		bool ok;
	} calls[MAXF];
	const char *after[MAXF];
} cases[] = {
    {"a dossier's three files go into place together",
     {NULL},
     {{"d/a.pdf=1", true},
      {"d/b.pdf=22", true},
      {"d/c.odt=333", true},
      {"!", true}},
     {"d/a.pdf=1", "d/b.pdf=22", "d/c.odt=333"}},
    {"a group freed before its commit leaves no file, complete ones too",
     {NULL},
     {{"d/a.pdf=1", true}, {"+", true}, {"d/b.pdf=22", true}},
     {NULL}},
    {"the directories are made, nested ones too",
     {NULL},
     {{"x/y/z.pdf=q", true}, {"w.csv=r", true}, {"!", true}},
     {"w.csv=r", "x/y/z.pdf=q"}},
    {"a file of an earlier run is replaced whole",
     {"d/a.pdf=old and longer"},
     {{"d/a.pdf=new", true}, {"!", true}},
     {"d/a.pdf=new"}},
    {"an empty group commits and writes nothing",
     {NULL},
     {{"!", true}},
     {NULL}},
    {"a file that cannot be made is reported, the others still go",
     {"f=plain file"},
     {{"d/a.pdf=1", true},
      {"f/x.pdf=2", false},
      {"d/b.pdf=3", true},
      {"!", true}},
     {"d/a.pdf=1", "d/b.pdf=3", "f=plain file"}},
    {"a rename that fails is reported, the other files still go into "
     "place, no temporary file is left",
     {"d/b.pdf/"},
     {{"d/a.pdf=1", true},
      {"d/b.pdf=2", true},
      {"e/c.pdf=3", true},
      {"!", false}},
     {"d/a.pdf=1", "e/c.pdf=3"}},
    {"the incomplete whole is discarded, the complete ones kept",
     {NULL},
     {{"d/a.pdf=1", true},
      {"e/b.pdf=2", true},
      {"+", true},
      {"f/c.pdf=3", true},
      {"d/x.pdf=4", true},
      {"-", true},
      {"!", true}},
     {"d/a.pdf=1", "e/b.pdf=2"}},
    {"a complete whole's directory, opened before a later one of the "
     "same whole's, stays open through a discard",
     {NULL},
     {{"d/1=1", true},
      {"e/2=2", true},
      {"d/3=3", true},
      {"+", true},
      {"f/4=4", true},
      {"-", true},
      {"e/5=5", true},
      {"!", true}},
     {"d/1=1", "d/3=3", "e/2=2", "e/5=5"}},
    {"a discard with nothing incomplete removes nothing",
     {NULL},
     {{"d/a.pdf=1", true}, {"+", true}, {"-", true}, {"!", true}},
     {"d/a.pdf=1"}},
    {"a commit starts a new whole: a discard after it removes only what "
     "came after",
     {NULL},
     {{"d/a.pdf=1", true},
      {"!", true},
      {"d/b.pdf=2", true},
      {"-", true},
      {"!", true}},
     {"d/a.pdf=1"}},
    {"a commit renames the incomplete whole too: each file on its own",
     {NULL},
     {{"d/a.pdf=1", true}, {"+", true}, {"d/b.pdf=2", true}, {"!", true}},
     {"d/a.pdf=1", "d/b.pdf=2"}},
};

static void put(const char *root, const char *spec)
{
	char path[512];
	const char *eq = strchr(spec, '=');
	/* "path/": a directory, without its slash. */
	size_t n = eq != NULL ? (size_t)(eq - spec) : strlen(spec) - 1;
	snprintf(path, sizeof(path), "%s/%.*s", root, (int)n, spec);
	if (eq == NULL) {
		assert_true(outfile_mkdirs(path));
		return;
	}
	char *slash = strrchr(path, '/');
	*slash = '\0';
	assert_true(outfile_mkdirs(path));
	*slash = '/';
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(eq + 1, f);
	fclose(f);
}

/* Appends "rel=content" for every regular file under dir. */
static void list(const char *root, const char *rel, char out[][128], size_t *n)
{
	char path[512];
	snprintf(path, sizeof(path), "%s%s%s", root, *rel ? "/" : "", rel);
	DIR *dir = opendir(path);
	assert_non_null(dir);
	for (struct dirent *e; (e = readdir(dir)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char sub[256], full[768];
		snprintf(sub, sizeof(sub), "%.100s%s%.100s", rel,
			 *rel ? "/" : "", e->d_name);
		snprintf(full, sizeof(full), "%s/%s", root, sub);
		struct stat st;
		assert_int_equal(stat(full, &st), 0);
		if (S_ISDIR(st.st_mode)) {
			list(root, sub, out, n);
			continue;
		}
		assert_true(*n < 2 * MAXF);
		char content[64] = {0};
		FILE *f = fopen(full, "r");
		assert_non_null(f);
		size_t got = fread(content, 1, sizeof(content) - 1, f);
		content[got] = '\0';
		fclose(f);
		snprintf(out[(*n)++], 128, "%.60s=%.60s", sub, content);
	}
	closedir(dir);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Removes a test's root and everything under it. */
static void remove_root(const char *root)
{
	char rm[128];
	snprintf(rm, sizeof(rm), "rm -rf '%s'", root);
	assert_int_equal(system(rm), 0);
}

/* Makes the call spec on g; what it said. */
static bool call(struct outfile_group *g, const char *spec)
{
	if (strcmp(spec, "+") == 0) {
		outfile_group_complete(g);
		return true;
	}
	if (strcmp(spec, "-") == 0) {
		outfile_group_discard_incomplete(g);
		return true;
	}
	if (strcmp(spec, "!") == 0)
		return outfile_group_commit(g);
	const char *eq = strchr(spec, '=');
	char rel[128];
	snprintf(rel, sizeof(rel), "%.*s", (int)(eq - spec), spec);
	return outfile_group_add(g, rel, eq + 1, strlen(eq + 1));
}

static void test_cases(void **state)
{
	(void)state;
	FILE *sink = tmpfile();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char root[] = "/tmp/parcours-group-XXXXXX";
		assert_non_null(mkdtemp(root));
		diag_reset(sink);
		for (size_t k = 0; k < MAXF && cases[i].before[k]; k++)
			put(root, cases[i].before[k]);
		struct outfile_group *g = outfile_group_new(root);
		assert_non_null(g);
		for (size_t k = 0; k < MAXF && cases[i].calls[k].call; k++)
			if (call(g, cases[i].calls[k].call) !=
			    cases[i].calls[k].ok)
				fail_msg("%s: %s", cases[i].why,
					 cases[i].calls[k].call);
		outfile_group_free(g);

		char got[2 * MAXF][128];
		size_t n = 0, nwant = 0;
		list(root, "", got, &n);
		qsort(got, n, sizeof(got[0]), cmp);
		while (nwant < MAXF && cases[i].after[nwant])
			nwant++;
		if (n != nwant)
			fail_msg("%s: %zu files, want %zu (first: %s)",
				 cases[i].why, n, nwant, n ? got[0] : "none");
		for (size_t k = 0; k < n; k++)
			if (strcmp(got[k], cases[i].after[k]) != 0)
				fail_msg("%s: found %s, want %s", cases[i].why,
					 got[k], cases[i].after[k]);
		remove_root(root);
	}
	diag_reset(NULL);
	fclose(sink);
}

/* The descriptors this process has open. */
static int open_fds(void)
{
	DIR *dir = opendir("/proc/self/fd");
	assert_non_null(dir);
	int n = 0;
	while (readdir(dir) != NULL)
		n++;
	closedir(dir);
	return n;
}

/*
 * A commit is due at OUTFILE_GROUP_DUE_FILES files, or at
 * OUTFILE_GROUP_DUE_BYTES bytes, whichever comes first; the pending
 * files hold one descriptor each (at most OUTFILE_GROUP_HELD_FILES of
 * them), one per directory and one for the root, none once committed.
 */
static void test_due(void **state)
{
	(void)state;
	char root[] = "/tmp/parcours-group-XXXXXX";
	assert_non_null(mkdtemp(root));
	struct outfile_group *g = outfile_group_new(root);
	assert_non_null(g);
	int before = open_fds();
	char rel[64];
	for (int i = 0; i < OUTFILE_GROUP_DUE_FILES; i++) {
		assert_false(outfile_group_due(g));
		snprintf(rel, sizeof(rel), "d%d/f%d.pdf", i % 4, i);
		assert_true(outfile_group_add(g, rel, "x", 1));
	}
	assert_true(outfile_group_due(g));
	assert_int_equal(open_fds(), before + OUTFILE_GROUP_DUE_FILES + 4 + 1);
	/* Past the bound, a file's descriptor is closed at once. */
	for (int i = 0; i < OUTFILE_GROUP_HELD_FILES; i++) {
		snprintf(rel, sizeof(rel), "d%d/g%d.pdf", i % 4, i);
		assert_true(outfile_group_add(g, rel, "x", 1));
	}
	assert_int_equal(open_fds(), before + OUTFILE_GROUP_HELD_FILES + 4 + 1);
	assert_true(outfile_group_commit(g));
	assert_false(outfile_group_due(g));
	assert_int_equal(open_fds(), before);

	char *big = calloc(1, OUTFILE_GROUP_DUE_BYTES);
	assert_non_null(big);
	assert_true(outfile_group_add(g, "d0/small.pdf", "x", 1));
	assert_false(outfile_group_due(g));
	assert_true(outfile_group_add(g, "d0/big.pdf", big,
				      OUTFILE_GROUP_DUE_BYTES - 1));
	assert_true(outfile_group_due(g));
	/* A discarded file no longer counts. */
	outfile_group_discard_incomplete(g);
	assert_false(outfile_group_due(g));
	assert_int_equal(open_fds(), before);
	free(big);
	outfile_group_free(g);
	remove_root(root);
}

/* Until the commit, a pending file has only its temporary name. */
static void test_pending_is_hidden(void **state)
{
	(void)state;
	char root[] = "/tmp/parcours-group-XXXXXX";
	assert_non_null(mkdtemp(root));
	struct outfile_group *g = outfile_group_new(root);
	assert_non_null(g);
	assert_true(outfile_group_add(g, "d/a.pdf", "1", 1));
	char path[512];
	snprintf(path, sizeof(path), "%s/d", root);
	DIR *dir = opendir(path);
	assert_non_null(dir);
	int temps = 0, others = 0;
	for (struct dirent *e; (e = readdir(dir)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (outfile_is_temp(e->d_name, NULL))
			temps++;
		else
			others++;
	}
	closedir(dir);
	assert_int_equal(temps, 1);
	assert_int_equal(others, 0);
	assert_true(outfile_group_commit(g));
	snprintf(path, sizeof(path), "%s/d/a.pdf", root);
	assert_int_equal(access(path, F_OK), 0);
	/* The group serves again after a commit. */
	assert_true(outfile_group_add(g, "d/b.pdf", "2", 1));
	assert_true(outfile_group_commit(g));
	snprintf(path, sizeof(path), "%s/d/b.pdf", root);
	assert_int_equal(access(path, F_OK), 0);
	outfile_group_free(g);
	outfile_group_free(NULL);
	remove_root(root);
}

/* A symbolic link where a directory goes is never written through. */
static void test_no_link_followed(void **state)
{
	(void)state;
	char root[] = "/tmp/parcours-group-XXXXXX";
	assert_non_null(mkdtemp(root));
	char out[512], away[512], link[512];
	snprintf(out, sizeof(out), "%s/out", root);
	snprintf(away, sizeof(away), "%s/away", root);
	snprintf(link, sizeof(link), "%s/out/d", root);
	assert_int_equal(mkdir(out, 0755), 0);
	assert_int_equal(mkdir(away, 0755), 0);
	assert_int_equal(symlink(away, link), 0);
	FILE *sink = tmpfile();
	diag_reset(sink);
	struct outfile_group *g = outfile_group_new(out);
	assert_non_null(g);
	assert_false(outfile_group_add(g, "d/a.pdf", "1", 1));
	assert_true(outfile_group_commit(g));
	outfile_group_free(g);
	diag_reset(NULL);
	fclose(sink);
	DIR *dir = opendir(away);
	assert_non_null(dir);
	int n = 0;
	for (struct dirent *e; (e = readdir(dir)) != NULL;)
		n +=
		    strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(dir);
	assert_int_equal(n, 0);
	remove_root(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cases),
	    cmocka_unit_test(test_due),
	    cmocka_unit_test(test_pending_is_hidden),
	    cmocka_unit_test(test_no_link_followed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
