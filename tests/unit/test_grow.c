/*
 * Unit tests of grow.c: the doubling, its overflow checks, and that a
 * failure leaves the array as it was.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "grow.h"

static const struct {
	size_t cap, first, size;
	bool ok;
	size_t next;
	const char *why;
} caps[] = {
    {0, 16, 8, true, 16, "an empty array takes first"},
    {16, 16, 8, true, 32, "a full one doubles"},
    {3, 16, 1, true, 6, "first matters only once"},
    {SIZE_MAX / 2 + 1, 16, 1, false, 0, "twice cap overflows"},
    {SIZE_MAX / 8, 16, 8, false, 0, "twice cap fits, its bytes do not"},
    {SIZE_MAX / 16, 16, 8, true, SIZE_MAX / 16 * 2, "its bytes just fit"},
};

static void test_cap(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		size_t next = 0;
		bool ok =
		    grow_cap(caps[i].cap, caps[i].first, caps[i].size, &next);
		if (ok != caps[i].ok || (ok && next != caps[i].next))
			fail_msg("%s: gave %d, %zu", caps[i].why, ok, next);
	}
}

static void test_array(void **state)
{
	(void)state;
	int *v = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < 100; i++) {
		assert_true(grow_array(&v, &cap, n, 4, sizeof(*v)));
		assert_true(n < cap);
		v[n++] = i;
	}
	assert_int_equal(cap, 128); /* 4, 8, ... 128 */
	for (int i = 0; i < 100; i++)
		assert_int_equal(v[i], i);
	/* Room left: nothing moves. */
	int *was = v;
	assert_true(grow_array(&v, &cap, 100, 4, sizeof(*v)));
	assert_ptr_equal(v, was);
	assert_int_equal(cap, 128);
	free(v);
}

static void test_overflow_keeps(void **state)
{
	(void)state;
	int *v = malloc(2 * sizeof(*v));
	assert_non_null(v);
	v[0] = 7;
	v[1] = 8;
	int *was = v;
	size_t cap = SIZE_MAX / 2 + 1;
	assert_false(grow_array(&v, &cap, cap, 4, sizeof(*v)));
	assert_false(grow_to(&v, SIZE_MAX / 2, sizeof(*v)));
	assert_ptr_equal(v, was);
	assert_int_equal(cap, SIZE_MAX / 2 + 1);
	assert_int_equal(v[0] + v[1], 15);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cap),
	    cmocka_unit_test(test_array),
	    cmocka_unit_test(test_overflow_keeps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
