/*
 * rules.md §4: every dated fact after as-of is ignored, in every rule
 * (interviews, convocations, trainings by end date, certifications,
 * progressions, visits, the notice, payments).  Each row adds one fact
 * dated on as-of, where it must count, then dated the day after, where
 * it must not.
 */
#include "rules_fixture.h"

#define AS_OF "2024-06-03"

/* Adds the fact, dated day. */
typedef void setup_fn(struct fx *, const char *day);
/* Whether the facts show it counted. */
typedef bool probe_fn(const struct rules_facts *);

static void periodic(struct fx *fx, const char *day)
{
	fx_interview(fx, "I1", KIND_PERIODIC, day);
}
static bool periodic_met(const struct rules_facts *f)
{
	return f->ndues > 0 && f->dues[0].state != RULES_DUE_MISSED &&
	       f->dues[0].state != RULES_DUE_OPEN;
}

static void refusal(struct fx *fx, const char *day)
{
	fx_convocation(fx, "C1", KIND_PERIODIC, "2024-05-02", day,
		       OUTCOME_REFUSED, "2024-05-10");
}

static void training(struct fx *fx, const char *day)
{
	fx_training(fx, "2024-05-27", day, false);
}
static bool training_counted(const struct rules_facts *f)
{
	return f->nperiods > 0 && f->periods[0].non_mandatory_training;
}

static void certification(struct fx *fx, const char *day)
{
	fx_certification(fx, day);
}
static bool certification_counted(const struct rules_facts *f)
{
	return f->nperiods > 0 && f->periods[0].certification;
}

static void progression(struct fx *fx, const char *day)
{
	fx_progression(fx, day);
}
static bool progression_counted(const struct rules_facts *f)
{
	return f->nperiods > 0 && f->periods[0].progression;
}

static void recap_interview(struct fx *fx, const char *day)
{
	fx_interview(fx, "I1", KIND_RECAP, day);
}
static bool recap_held(const struct rules_facts *f)
{
	return f->nperiods > 0 && f->periods[0].recap.type != RULES_EVENT_NONE;
}

static void visit(struct fx *fx, const char *day)
{
	fx_visit(fx, day);
}
static bool visit_counted(const struct rules_facts *f)
{
	return f->mid_career.has_visit;
}

static void end_of_career(struct fx *fx, const char *day)
{
	fx_interview(fx, "I1", KIND_END_OF_CAREER, day);
}
static bool end_of_career_met(const struct rules_facts *f)
{
	return f->end_of_career.satisfied;
}

static void notice(struct fx *fx, const char *day)
{
	fx->d.notice.delivered = true;
	fx->d.notice.date = D(day);
}
static bool notice_counted(const struct rules_facts *f)
{
	return f->notice_delivered;
}

static void return_offer(struct fx *fx, const char *day)
{
	fx_absence(fx, ABSENCE_MATERNITY, "2023-11-06", "2024-04-30");
	fx_convocation(fx, "C1", KIND_RETURN, day, "2024-06-20",
		       OUTCOME_PENDING, NULL);
}
static bool return_satisfied(const struct rules_facts *f)
{
	return f->nreturns == 1 &&
	       f->returns[0].verdict == RULES_RETURN_SATISFIED;
}

static void letter(struct fx *fx, const char *day)
{
	fx_convocation(fx, "C1", KIND_PERIODIC, day, "2024-06-20",
		       OUTCOME_PENDING, NULL);
}
static bool letter_written(const struct rules_facts *f)
{
	return f->nletters == 1;
}

static void payment(struct fx *fx, const char *day)
{
	fx_abondement(fx, "2022-01-04", day, 3000);
}
static bool payment_counted(const struct rules_facts *f)
{
	return f->nperiods > 0 && f->periods[0].paid != NULL;
}

static const struct {
	const char *hire, *birth;
	setup_fn *setup;
	probe_fn *probe;
	const char *reason;
} rows[] = {
    /* Hired 2022-06-03: first due date 2024-06-03 = as-of. */
    {"2022-06-03", NULL, periodic, periodic_met, "a periodic interview"},
    {"2022-06-03", NULL, refusal, periodic_met,
     "a refused convocation, at its interview date"},
    /* Hired 2018-06-04: period 1 ends 2024-06-04, running on as-of. */
    {"2018-06-04", NULL, training, training_counted,
     "a training, by its end date"},
    {"2018-06-04", NULL, certification, certification_counted,
     "a certification"},
    {"2018-06-04", NULL, progression, progression_counted, "a progression"},
    {"2018-06-04", NULL, recap_interview, recap_held,
     "a recap interview (the état des lieux)"},
    {"2018-06-04", "1979-06-01", visit, visit_counted,
     "a mid-career medical visit"},
    {"2018-06-04", "1965-11-15", end_of_career, end_of_career_met,
     "an end-of-career interview"},
    {"2024-05-02", NULL, notice, notice_counted,
     "the delivery of the hiring notice"},
    {"2018-06-04", NULL, return_offer, return_satisfied,
     "a return offer, by its issue date"},
    {"2018-06-04", NULL, letter, letter_written,
     "a convocation letter, by its issue date"},
    /* Hired 2016-01-04: period 1 ended 2022-01-04. */
    {"2016-01-04", NULL, payment, payment_counted,
     "a payment of the abondement"},
};

static void test_after_as_of(void **state)
{
	(void)state;
	char next[DATE_ISO_LEN];
	date_fmt_iso(D(AS_OF) + 1, next);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *days[2] = {AS_OF, next};
		for (int k = 0; k < 2; k++) {
			struct fx *fx =
			    fx_new(rows[i].hire, NULL, rows[i].birth);
			rows[i].setup(fx, days[k]);
			struct rules_facts *f = fx_facts(fx, AS_OF);
			bool counted = rows[i].probe(f);
			if (counted != (k == 0))
				fail_msg("%s dated %s, as-of %s: %s",
					 rows[i].reason, days[k], AS_OF,
					 counted ? "counted" : "ignored");
			rules_facts_free(f);
			fx_free(fx);
		}
	}
}

/*
 * rules.md §8: a notice shows what HR knew on its own date, and never
 * more than as-of allows: the facts at the earlier of the two.
 */
static void test_notice_facts(void **state)
{
	(void)state;
	struct fx *fx = fx_new("2018-06-04", NULL, "1979-06-01");
	fx_visit(fx, "2024-03-01");
	struct rules_facts *f = fx_facts(fx, AS_OF);
	assert_true(f->mid_career.has_visit);
	struct rules_facts *before =
	    rules_notice_facts(&fx->d, f, D("2024-02-29"));
	assert_non_null(before);
	assert_int_equal(before->as_of, D("2024-02-29"));
	assert_false(before->mid_career.has_visit);
	struct rules_facts *after =
	    rules_notice_facts(&fx->d, f, D("2025-01-01"));
	assert_non_null(after);
	assert_int_equal(after->as_of, D(AS_OF));
	assert_true(after->mid_career.has_visit);
	rules_facts_free(before);
	rules_facts_free(after);
	rules_facts_free(f);
	fx_free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_after_as_of),
	    cmocka_unit_test(test_notice_facts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
