/*
 * Unit tests of verify's seal checks on files that are not what parcours
 * seals: a forged or broken /ByteRange, a hole that is not hex, a
 * signature that is no CMS.  Each is reported as a problem of its file,
 * never read past its end.  (Good seals: tests/seal/run.sh.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "verify_seal.h"

static char dir[] = "/tmp/parcours-test-verify-seal-XXXXXX";

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes text to DIR/name; its path in path. */
static void put(const char *name, const char *text, char path[256])
{
	snprintf(path, 256, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static const struct {
	const char *name, *text, *why;
} broken[] = {
    {"range-short.pdf", "%PDF-1.4\n/ByteRange [0 10 20", "cut-off range"},
    {"range-huge.pdf",
     "%PDF-1.4\n/ByteRange [0 99999999999999999999999 1 1] <00>",
     "numbers past the file"},
    {"range-not-zero.pdf", "%PDF-1.4 /ByteRange [5 10 20 3] <0000>xx",
     "does not start at 0"},
    {"range-short-end.pdf",
     "%PDF-1.4 /ByteRange [0 30 34 1]  <00> trailing bytes", "stops early"},
    {"hole-not-hex.pdf", "0123456789/ByteRange [0 40 46 0]xxxxxxxx<zz12>",
     "the hole is not hex"},
    {"hole-odd.pdf", "/ByteRange [0 30 35 0]xxxxxxxx<123>", "odd hole"},
    {"hole-not-cms.pdf", "/ByteRange [0 28 34 0]xxxxxx<0000>",
     "zeros are no CMS"},
    {"range-only.pdf", "/ByteRange", "key without an array"},
};

static void test_broken_seals(void **state)
{
	(void)state;
	struct verify_seal *v = verify_seal_new(NULL);
	assert_non_null(v);
	for (size_t i = 0; i < sizeof(broken) / sizeof(*broken); i++) {
		char path[256];
		put(broken[i].name, broken[i].text, path);
		unsigned long before = diag_errors();
		if (verify_seal_pdf(v, path))
			fail_msg("%s (%s) passed", broken[i].name,
				 broken[i].why);
		assert_int_equal(diag_errors(), before + 1);
	}
	verify_seal_free(v);
}

/* An unsealed PDF is a problem only when seals are expected. */
static void test_unsealed(void **state)
{
	(void)state;
	char path[256], manifest[256];
	put("plain.pdf", "%PDF-1.4\n%%EOF\n", path);
	put("manifest.csv",
	    "path,sha256,bytes,dossier,document,reference_date\n", manifest);
	struct verify_seal *v = verify_seal_new(NULL);
	assert_true(verify_seal_manifest(v, manifest));
	assert_true(verify_seal_pdf(v, path));
	verify_seal_free(v);

	/* A .p7s that is no signature. */
	char p7s[256];
	put("manifest.csv.p7s", "not DER", p7s);
	v = verify_seal_new(NULL);
	assert_false(verify_seal_manifest(v, manifest));
	assert_false(verify_seal_pdf(v, path)); /* sealed run: must be */
	verify_seal_free(v);
}

static void test_signature_name(void **state)
{
	(void)state;
	assert_true(
	    verify_seal_is_signature("manifest.csv.p7s", "manifest.csv"));
	assert_true(verify_seal_is_signature("manifest-1-of-2.csv.p7s",
					     "manifest-1-of-2.csv"));
	assert_false(verify_seal_is_signature("manifest.csv", "manifest.csv"));
	assert_false(
	    verify_seal_is_signature("manifest.csv.p7s.bak", "manifest.csv"));
	assert_false(
	    verify_seal_is_signature("x/manifest.csv.p7s", "manifest.csv"));
}

static void test_missing_trust(void **state)
{
	(void)state;
	char path[256];
	snprintf(path, sizeof(path), "%s/no-such-ca.pem", dir);
	assert_null(verify_seal_new(path));
	assert_int_equal(diag_worst(), DIAG_SYSTEM);
}

int main(void)
{
	diag_reset(fopen("/dev/null", "w"));
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_broken_seals),
	    cmocka_unit_test(test_unsealed),
	    cmocka_unit_test(test_signature_name),
	    cmocka_unit_test(test_missing_trust),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
