/*
 * Unit tests of shard assignment (--shard K/N): the expected shards were
 * computed apart from parcours, from sha256sum's digest of each id (its
 * first 8 bytes, big-endian, modulo N, plus one).
 */
/* cmocka needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>

#include "shard.h"

static const struct {
	const char *id;
	int n, want;
	const char *why;
} cases[] = {
    {"E0042", 1, 1, "one shard takes everything"},
    {"E0042", 2, 1, "digest d457ecb1adee02c0 is even"},
    {"E0042", 4, 1, "d457ecb1adee02c0 mod 4 = 0"},
    {"E0107", 3, 3, "digest c7fa7525498d760f mod 3 = 2"},
    {"E0107", 7, 3, "c7fa7525498d760f mod 7 = 2"},
    {"G1-0000001", 16, 10,
     "0e3d483588da9c89 mod 16 = 9: a leading zero "
     "byte counts"},
    {"", 5, 3, "the empty id hashes like any string"},
};

static void test_shard_of(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = shard_of(cases[i].id, cases[i].n);
		if (got != cases[i].want)
			fail_msg("%s: shard_of(\"%s\", %d) = %d, want %d",
				 cases[i].why, cases[i].id, cases[i].n, got,
				 cases[i].want);
	}
}

/* Every id in exactly one shard, and n == 0 takes all. */
static void test_shard_mine(void **state)
{
	(void)state;
	for (int i = 0; i < 200; i++) {
		char id[16];
		snprintf(id, sizeof(id), "ID-%d", i);
		int owners = 0;
		for (int k = 1; k <= 5; k++)
			owners += shard_mine(id, k, 5);
		if (owners != 1)
			fail_msg("%s belongs to %d of 5 shards", id, owners);
		assert_true(shard_mine(id, 0, 0));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shard_of),
	    cmocka_unit_test(test_shard_mine),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
