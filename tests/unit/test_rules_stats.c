/*
 * CSE / BDESE figures (rules.md §10), and the batch property the
 * commands rely on: rules over many dossiers cost time linear in their
 * number and memory of one dossier at a time.
 */
#include <malloc.h>
#include <time.h>

#include "rules_fixture.h"

struct stats_case {
	const char *reason;
	const char *hire, *exit;
	const char *events;
	const char *as_of;
	int year;
	/* employees, interviewed, held, periodic, return, recap, mid, end,
	 * refusals, recaps, abondements, total */
	long want[12];
};

static const struct stats_case cases[] = {
    {"hired during the year: employed",
     "2024-06-03",
     NULL,
     "",
     "2026-11-26",
     2024,
     {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
    {"hired on 31 December: employed",
     "2024-12-31",
     NULL,
     "",
     "2026-11-26",
     2024,
     {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
    {"hired the next year: not employed",
     "2025-01-01",
     NULL,
     "",
     "2026-11-26",
     2024,
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
    {"left on 1 January: employed",
     "2015-01-05",
     "2024-01-01",
     "",
     "2026-11-26",
     2024,
     {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
    {"left the year before: not employed",
     "2015-01-05",
     "2023-12-31",
     "",
     "2026-11-26",
     2024,
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
    {"interviews of each kind in the year, one outside",
     "2015-01-05",
     NULL,
     "P2024-01-10 N2024-03-01 Q2024-05-02 M2024-07-01 E2024-09-02 "
     "P2023-12-29",
     "2026-11-26",
     2024,
     {1, 1, 5, 1, 1, 1, 1, 1, 0, 0, 0, 0}},
    {"two interviews, one employee interviewed",
     "2015-01-05",
     NULL,
     "P2024-01-10 C2024-06-10",
     "2026-11-26",
     2024,
     {1, 1, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0}},
    {"refusals and declines by response date, not interview date",
     "2015-01-05",
     NULL,
     "X2024-01-05 Y2024-06-03 X2025-01-07",
     "2026-11-26",
     2024,
     /* X2024-01-05 is answered 2023-12-29, X2025-01-07 on 2024-12-31 */
     {1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0}},
    {"a refusal answered by as-of counts though its interview is later",
     "2015-01-05",
     NULL,
     "X2024-06-10",
     "2024-06-05",
     2024,
     {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}},
    {"a refusal answered after as-of is not on record yet",
     "2015-01-05",
     NULL,
     "X2024-06-10",
     "2024-06-01",
     2024,
     {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
    {"a final period ending in the year owing 3 000 €",
     "2016-01-04",
     NULL,
     "",
     "2026-11-26",
     2022,
     {1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3000}},
    {"a final period ending in the year, owing nothing",
     "2016-01-04",
     NULL,
     "P2017-12-01 P2019-11-01 P2021-10-01",
     "2026-11-26",
     2022,
     {1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0}},
    {"a period ending after as-of is provisional, not a recap",
     "2016-01-04",
     NULL,
     "",
     "2021-12-31",
     2022,
     {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
};

static void check(const struct rules_stats *s, const long *want,
		  const char *reason)
{
	const unsigned long got[12] = {
	    s->employees,
	    s->employees_interviewed,
	    s->interviews_held,
	    s->interviews_held_kind[KIND_PERIODIC],
	    s->interviews_held_kind[KIND_RETURN],
	    s->interviews_held_kind[KIND_RECAP],
	    s->interviews_held_kind[KIND_MID_CAREER],
	    s->interviews_held_kind[KIND_END_OF_CAREER],
	    s->refusals,
	    s->recaps,
	    s->abondements,
	    (unsigned long)s->abondement_total_eur,
	};
	for (int i = 0; i < 12; i++)
		if ((long)got[i] != want[i])
			fail_msg("%s: figure %d is %lu, want %ld", reason, i,
				 got[i], want[i]);
}

static void test_stats_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct stats_case *c = &cases[i];
		struct fx *fx = fx_new(c->hire, NULL, NULL);
		fx->d.employment.exit_date = D(c->exit);
		fx_events(fx, c->events);
		struct rules_facts *f = fx_facts(fx, c->as_of);
		struct rules_stats s;
		rules_stats_init(&s, c->year);
		rules_stats_add(&s, &fx->d, f);
		check(&s, c->want, c->reason);
		rules_facts_free(f);
		fx_free(fx);
	}
}

/* Sums across dossiers without keeping them. */
static void test_stats_accumulate(void **state)
{
	(void)state;
	struct rules_stats s;
	rules_stats_init(&s, 2022);
	for (int i = 0; i < 3; i++) {
		struct fx *fx = fx_new("2016-01-04", NULL, NULL);
		struct rules_facts *f = fx_facts(fx, "2026-11-26");
		rules_stats_add(&s, &fx->d, f);
		rules_facts_free(f);
		fx_free(fx);
	}
	check(&s, (const long[12]){3, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 9000},
	      "three dossiers owing 3 000 € each");
}

/*
 * Payments on record: abondement_total_eur counts what is owed and not
 * paid, abondement_paid_eur what was paid; the abondement still counts
 * in `abondements` (it was owed).
 */
static void test_stats_payments(void **state)
{
	(void)state;
	static const struct {
		const char *period_end, *paid;
		long amount;
		const char *as_of;
		unsigned long abondements;
		long long total, paid_eur;
		const char *reason;
	} rows[] = {
	    {NULL, NULL, 0, "2026-11-26", 1, 3000, 0, "owed, nothing paid"},
	    {"2022-01-04", "2022-06-20", 3000, "2026-11-26", 1, 0, 3000,
	     "paid in full: no longer owed"},
	    {"2022-01-04", "2022-06-20", 1000, "2026-11-26", 1, 2000, 1000,
	     "paid in part: the rest is still owed"},
	    {"2022-01-04", "2027-01-15", 3000, "2026-11-26", 1, 3000, 0,
	     "a payment after as-of is not on record yet"},
	    {"2028-01-04", "2022-06-20", 3000, "2026-11-26", 1, 3000, 0,
	     "a payment for another period does not pay this one"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct fx *fx = fx_new("2016-01-04", NULL, NULL);
		if (rows[i].period_end != NULL)
			fx_abondement(fx, rows[i].period_end, rows[i].paid,
				      rows[i].amount);
		struct rules_facts *f = fx_facts(fx, rows[i].as_of);
		struct rules_stats st;
		rules_stats_init(&st, 2022);
		rules_stats_add(&st, &fx->d, f);
		if (st.abondements != rows[i].abondements ||
		    st.abondement_total_eur != rows[i].total ||
		    st.abondement_paid_eur != rows[i].paid_eur)
			fail_msg("%s: %lu abondements, %lld owed, %lld paid",
				 rows[i].reason, st.abondements,
				 st.abondement_total_eur,
				 st.abondement_paid_eur);
		rules_facts_free(f);
		fx_free(fx);
	}
}

/* CPU seconds to compute the facts of n dossiers, one at a time. */
static double batch(int n, size_t *peak)
{
	clock_t t0 = clock();
	size_t base = mallinfo2().uordblks;
	*peak = 0;
	struct rules_stats s;
	rules_stats_init(&s, 2024);
	for (int i = 0; i < n; i++) {
		struct fx *fx = fx_new("2014-03-07", NULL, "1970-05-05");
		fx_events(fx,
			  "P2016-01-10 X2018-02-01 P2021-06-01 N2024-01-08");
		fx_absence(fx, ABSENCE_MATERNITY, "2019-01-07", "2019-06-30");
		struct rules_facts *f = rules_compute(&fx->d, D("2026-11-26"));
		assert_non_null(f);
		rules_stats_add(&s, &fx->d, f);
		size_t used = mallinfo2().uordblks - base;
		if (used > *peak)
			*peak = used;
		rules_facts_free(f);
		fx_free(fx);
	}
	assert_int_equal(s.employees, (unsigned long)n);
	/* Nothing is left behind once each dossier is done. */
	assert_true(mallinfo2().uordblks <= base);
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void test_batch_linear(void **state)
{
	(void)state;
	size_t peak_small, peak_large;
	double small = batch(2000, &peak_small);
	double large = batch(8000, &peak_large);
	/* Memory is one dossier's, whatever the batch. */
	assert_true(peak_large <= peak_small);
	/* Four times the dossiers: about four times the time.  Quadratic
	 * work would take sixteen; the bound leaves room for noise. */
	if (small > 0.01 && large > small * 8)
		fail_msg("2000 dossiers: %.3f s, 8000: %.3f s", small, large);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_stats_table),
	    cmocka_unit_test(test_stats_accumulate),
	    cmocka_unit_test(test_stats_payments),
	    cmocka_unit_test(test_batch_linear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
