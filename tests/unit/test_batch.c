/*
 * Unit tests of the batch runner's parts that need no worker: the
 * status rows' sort in bounded memory, the pipe records, the set of ids
 * and the sweeping of what earlier runs left.
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
#include <sys/stat.h>
#include <unistd.h>

#include "batch_internal.h"
#include "diag.h"

/* ---- batch_sort ------------------------------------------------------ */

static const struct {
	int due;
	const char *dossier;
	int seq;
	const char *why;
} rows[] = {
    {20, "B", 0, "later due date, added first"},
    {10, "B", 1, "earliest due date"},
    {10, "A", 2, "same date: dossier A before B"},
    {20, "A", 3, "same date as the first: A first"},
    {10, "B", 4, "same date and dossier as seq 1: input order"},
    {5, "Z", 5, "earliest of all despite its dossier"},
};
/* The order cli.md asks: due, then dossier, then as they came. */
static const int sorted[] = {5, 2, 1, 4, 3, 0};

static void test_sort_small(void **state)
{
	(void)state;
	struct batch_sort *s = batch_sort_new();
	assert_non_null(s);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char line[32];
		int n = snprintf(line, sizeof(line), "%d\n", rows[i].seq);
		assert_true(batch_sort_add(s, rows[i].due, rows[i].dossier,
					   (uint64_t)rows[i].seq, line,
					   (size_t)n));
	}
	FILE *out = tmpfile();
	assert_true(batch_sort_write(s, out));
	rewind(out);
	for (size_t i = 0; i < sizeof(sorted) / sizeof(sorted[0]); i++) {
		int seq;
		assert_int_equal(fscanf(out, "%d", &seq), 1);
		if (seq != sorted[i])
			fail_msg("row %zu: got seq %d, want %d (%s)", i, seq,
				 sorted[i], rows[sorted[i]].why);
	}
	fclose(out);
	batch_sort_free(s);
}

/* Enough rows to spill several runs: the merge keeps the order. */
static void test_sort_spills(void **state)
{
	(void)state;
	enum { N = 20000 };
	struct batch_sort *s = batch_sort_new();
	assert_non_null(s);
	char pad[120];
	memset(pad, 'x', sizeof(pad) - 1);
	pad[sizeof(pad) - 1] = '\0';
	for (int i = 0; i < N; i++) {
		/* Dates cycle backwards, ids forwards: nothing in order. */
		int due = 1000 - (i * 7919) % 1000;
		char id[16], line[200];
		snprintf(id, sizeof(id), "D%05d", (i * 31) % 977);
		int n = snprintf(line, sizeof(line), "%d,%s,%d,%s\n", due, id,
				 i, pad);
		assert_true(
		    batch_sort_add(s, due, id, (uint64_t)i, line, (size_t)n));
	}
	FILE *out = tmpfile();
	assert_true(batch_sort_write(s, out));
	rewind(out);
	int count = 0, pdue = -1, pseq = -1;
	char pid[16] = "", line[256];
	while (fgets(line, sizeof(line), out) != NULL) {
		int due, seq;
		char id[16];
		assert_int_equal(sscanf(line, "%d,%15[^,],%d,", &due, id, &seq),
				 3);
		int c = due != pdue ? (due > pdue ? 1 : -1) : strcmp(id, pid);
		if (c < 0 || (c == 0 && seq < pseq))
			fail_msg("row %d (%d,%s,%d) after (%d,%s,%d)", count,
				 due, id, seq, pdue, pid, pseq);
		pdue = due, pseq = seq;
		snprintf(pid, sizeof(pid), "%s", id);
		count++;
	}
	assert_int_equal(count, N);
	fclose(out);
	batch_sort_free(s);
}

/* ---- records --------------------------------------------------------- */

static void test_records(void **state)
{
	(void)state;
	struct buf b = {0};
	struct batch_record in[] = {
	    {BATCH_DONE, 0, 7, (const unsigned char *)"a,b\n", 4},
	    {BATCH_FAILED, 15, 0, (const unsigned char *)"why", 3},
	    {BATCH_DONE, 3, 0, (const unsigned char *)"", 0},
	};
	for (size_t i = 0; i < 3; i++)
		batch_record_put(&b, &in[i]);
	/* Byte by byte, as a pipe may hand them over: a record is read
	 * only once it is whole. */
	size_t at = 0, got = 0;
	for (size_t len = 0; len <= b.len; len++) {
		struct batch_record r;
		while (batch_record_get(b.data, len, &at, &r)) {
			assert_true(got < 3);
			assert_int_equal(r.type, in[got].type);
			assert_int_equal(r.item, in[got].item);
			assert_int_equal(r.ndocs, in[got].ndocs);
			assert_int_equal(r.len, in[got].len);
			assert_memory_equal(r.payload, in[got].payload, r.len);
			assert_true(at <= len);
			got++;
		}
	}
	assert_int_equal(got, 3);
	assert_int_equal(at, b.len);
	buf_free(&b);
}

/* ---- the set of ids -------------------------------------------------- */

static void test_ids(void **state)
{
	(void)state;
	struct batch_ids *set = batch_ids_new();
	assert_non_null(set);
	/* More than the first table holds: it must grow and keep all. */
	for (int i = 0; i < 5000; i += 2) {
		char id[16];
		snprintf(id, sizeof(id), "E%04d", i);
		assert_true(batch_ids_add(set, id));
		assert_true(batch_ids_add(set, id)); /* twice is once */
	}
	for (int i = 0; i < 5000; i++) {
		char id[16];
		snprintf(id, sizeof(id), "E%04d", i);
		if (batch_ids_has(set, id) != (i % 2 == 0))
			fail_msg("%s: has() says %d", id,
				 batch_ids_has(set, id));
	}
	batch_ids_free(set);
	batch_ids_free(NULL);
}

/* ---- sweeping -------------------------------------------------------- */

static char root[64];

static void touch(const char *rel)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0755);
	*slash = '/';
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
}

static bool exists(const char *rel)
{
	char path[256];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	return stat(path, &st) == 0;
}

static const struct {
	const char *path;
	bool stays;
	const char *why;
} files[] = {
    {"E1/E1_BENALI_notice_2017-09-04.pdf", true, "written this time"},
    {"E1/E1_BENALI_report_2019-01-01.pdf", false, "not written again"},
    {"E1/.E1_BENALI_recap_2023-01-01.pdf.Ab12Z9", false,
     "a killed run's temporary file"},
    {"E1/notes.txt", true, "not a name parcours gives"},
    {"E1/E10_X_notice_2017-09-04.pdf", true, "another dossier's prefix"},
    {"E2/E2_ROUX_notice_2018-01-01.odt", false,
     "a dossier no longer in the run"},
    {"E3/E3_ROUX_notice_2018-01-01.pdf", true, "a good dossier of the run"},
    {".status.csv.Qw3rty", false, "status.csv's temporary file"},
    {"letters-merged.odt.aB3dE5", false, "libzip's temporary file"},
    {".other.csv.Qw3rty", true, "not one of the run's files"},
    {"status.csv", true, "the file itself"},
};

static void test_sweep(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/parcours-test-XXXXXX");
	assert_non_null(mkdtemp(root));
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		touch(files[i].path);

	struct batch_ids *kept = batch_ids_new();
	assert_true(batch_ids_add(kept, "E1/E1_BENALI_notice_2017-09-04.pdf"));
	assert_true(batch_ids_add(kept, "E3/E3_ROUX_notice_2018-01-01.pdf"));
	assert_true(batch_sweep_dossier(root, "E1", kept));
	const char *names[] = {"status.csv", "letters-merged.odt", NULL};
	assert_true(batch_sweep_top(root, names));
	struct batch_ids *good = batch_ids_new();
	assert_true(batch_ids_add(good, "E1") && batch_ids_add(good, "E3"));
	assert_true(batch_sweep_dossier(root, "E3", kept));
	assert_true(batch_sweep_gone(root, good, 0, 0));
	batch_ids_free(good);
	batch_ids_free(kept);

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (exists(files[i].path) != files[i].stays)
			fail_msg("%s: %s, but %s", files[i].path,
				 files[i].stays ? "should stay" : "should go",
				 files[i].why);
	assert_false(exists("E2")); /* emptied, then removed */
	assert_true(batch_sweep_dossier(root, "nothing-here", NULL));

	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

/*
 * A symbolic link where a dossier directory should be is never
 * followed, whatever it points to, by either sweep.
 */
static void test_sweep_confined(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/parcours-test-XXXXXX");
	assert_non_null(mkdtemp(root));
	char out[300], target[300], link[300];
	snprintf(out, sizeof(out), "%s/out", root);
	assert_int_equal(mkdir(out, 0755), 0);
	touch("out/E2/E2_ROUX_notice_2018-01-01.pdf");
	touch("elsewhere/E5_X_notice_2018-01-01.pdf");
	touch("elsewhere/.bashrc.backup");
	snprintf(target, sizeof(target), "%s/elsewhere", root);
	snprintf(link, sizeof(link), "%s/out/E5", root);
	assert_int_equal(symlink(target, link), 0);
	struct batch_ids *good = batch_ids_new();
	assert_true(batch_ids_add(good, "E5"));
	assert_true(batch_sweep_dossier(out, "E5", NULL));
	assert_true(exists("out/E2/E2_ROUX_notice_2018-01-01.pdf"));
	assert_true(batch_sweep_gone(out, good, 0, 0));
	assert_false(exists("out/E2"));
	assert_true(exists("elsewhere/E5_X_notice_2018-01-01.pdf"));
	assert_true(exists("elsewhere/.bashrc.backup"));
	batch_ids_free(good);
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sort_small),
	    cmocka_unit_test(test_sort_spills),
	    cmocka_unit_test(test_records),
	    cmocka_unit_test(test_ids),
	    cmocka_unit_test(test_sweep),
	    cmocka_unit_test(test_sweep_confined),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
