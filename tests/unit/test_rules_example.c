/*
 * The worked example of rules.md §11 (dossier-example.xml at as-of
 * 2026-11-26), rebuilt in C and checked fact by fact: chains, recap
 * periods, open obligations, return offer and letters.
 */
#include "rules_fixture.h"

#define AS_OF "2026-11-26"

/* E0042 as dossier-example.xml has it (what the rules read). */
static struct fx *e0042(void)
{
	struct fx *fx = fx_new("2017-09-04", NULL, "1981-04-12");
	fx->d.id = "E0042";
	fx->d.notice.delivered = true;
	fx->d.notice.date = D("2017-09-04");
	fx_absence(fx, ABSENCE_PARENTAL_LEAVE, "2021-01-04", "2021-12-31");
	fx_absence(fx, ABSENCE_SICK, "2023-02-06", "2023-02-10");
	fx_training(fx, "2018-03-05", "2018-03-09", true);
	fx_training(fx, "2020-05-11", "2020-05-12", false);
	fx_training(fx, "2024-10-07", "2024-10-08", false)->certifying = true;
	fx_certification(fx, "2024-10-08");
	fx_progression(fx, "2022-01-01");
	fx_convocation(fx, "C1", KIND_PERIODIC, "2019-08-12", "2019-09-02",
		       OUTCOME_HELD, NULL);
	struct convocation *c2 =
	    fx_convocation(fx, "C2", KIND_RETURN, "2021-12-06", "2022-01-10",
			   OUTCOME_HELD, NULL);
	c2->has_absence = true;
	c2->absence = ABSENCE_PARENTAL_LEAVE;
	fx_convocation(fx, "C3", KIND_PERIODIC, "2023-12-01", "2023-12-18",
		       OUTCOME_ABSENT, NULL);
	fx_convocation(fx, "C4", KIND_PERIODIC, "2023-12-20", "2024-01-08",
		       OUTCOME_HELD, NULL);
	fx_interview(fx, "I1", KIND_PERIODIC, "2019-09-02");
	struct interview *i2 =
	    fx_interview(fx, "I2", KIND_RETURN, "2022-01-10");
	i2->has_absence = true;
	i2->absence = ABSENCE_PARENTAL_LEAVE;
	i2->counts_as_periodic = true;
	fx_interview(fx, "I3", KIND_PERIODIC, "2024-01-08");
	return fx;
}

static struct fx *e0107(void)
{
	struct fx *fx = fx_new("2012-06-18", "2012-06-18", "1967-11-30");
	fx->d.id = "E0107";
	fx->d.employee.civility = CIV_M;
	fx_training(fx, "2016-04-04", NULL, true);
	fx_convocation(fx, "C1", KIND_PERIODIC, "2025-09-01", "2025-09-15",
		       OUTCOME_REFUSED, "2025-09-10");
	fx_convocation(fx, "C2", KIND_END_OF_CAREER, "2026-11-20", "2026-12-07",
		       OUTCOME_PENDING, NULL);
	return fx;
}

struct want_period {
	const char *start, *end;
	int years;
	bool final;
	int due, on_time;
	bool ok, training, certification, progression;
	long abondement;
	const char *payment_due;
};

static void check_period(const struct rules_period *p,
			 const struct want_period *w)
{
	assert_string_equal(ISO(p->start), w->start);
	assert_string_equal(ISO(p->end), w->end);
	assert_int_equal(p->years, w->years);
	assert_int_equal(p->final, w->final);
	assert_int_equal(p->interviews_due, w->due);
	assert_int_equal(p->interviews_on_time, w->on_time);
	assert_int_equal(p->interviews_ok, w->ok);
	assert_int_equal(p->non_mandatory_training, w->training);
	assert_int_equal(p->certification, w->certification);
	assert_int_equal(p->progression, w->progression);
	assert_int_equal(p->headcount, 120);
	assert_int_equal(p->abondement_eur, w->abondement);
	assert_string_equal(ISO(p->payment_due), w->payment_due);
}

struct want_obligation {
	enum rules_obligation_kind kind;
	const char *due;
	enum rules_obligation_state state;
	int regime;
};

static void check_obligations(const struct rules_facts *f,
			      const struct want_obligation *w, size_t n)
{
	/* The facts keep the order notice, periodic, return, mid, end,
	 * recap; the status command sorts by due date. */
	assert_int_equal(f->nobligations, n);
	for (size_t i = 0; i < n; i++) {
		const struct rules_obligation *o = &f->obligations[i];
		assert_string_equal(rules_obligation_name(o->kind),
				    rules_obligation_name(w[i].kind));
		assert_string_equal(ISO(o->due), w[i].due);
		assert_int_equal(o->state, w[i].state);
		assert_int_equal(o->regime, w[i].regime);
		assert_non_null(o->basis);
	}
}

static void test_e0042(void **state)
{
	(void)state;
	struct fx *fx = e0042();
	struct rules_facts *f = fx_facts(fx, AS_OF);

	assert_string_equal(ISO(f->seniority_start), "2017-09-04");
	assert_string_equal(fx_chain(f),
			    "2019-09-04 on-time/2014, 2021-09-02 late/2014, "
			    "2024-01-10 on-time/2014, 2028-01-08 open/2025");
	assert_string_equal(f->dues[0].met_by.id, "I1");
	assert_string_equal(f->dues[1].met_by.id, "I2");
	assert_string_equal(f->dues[2].met_by.id, "I3");
	assert_string_equal(f->dues[3].basis,
			    "régime 2025 : 48 mois après l'entretien du "
			    "2024-01-08 ; l'échéance de 24 mois (2026-01-08) "
			    "n'était pas expirée au 2025-10-26, d'où le régime "
			    "2025 (Q&R du ministère du Travail)");
	assert_string_equal(f->dues[2].basis,
			    "régime 2014 : 24 mois après l'entretien du "
			    "2022-01-10");

	assert_int_equal(f->nperiods, 2);
	check_period(&f->periods[0], &(struct want_period){
					 "2017-09-04", "2023-09-04", 6, true, 2,
					 1, false, true, false, true, 0, ""});
	check_period(&f->periods[1], &(struct want_period){
					 "2023-09-04", "2031-09-04", 8, false,
					 1, 1, true, true, true, false, 0, ""});

	assert_int_equal(f->nreturns, 1);
	assert_int_equal(f->returns[0].verdict, RULES_RETURN_SATISFIED);
	assert_string_equal(ISO(f->returns[0].return_date), "2022-01-01");
	assert_int_equal(f->returns[0].by.type, RULES_EVENT_CONVOCATION);
	assert_string_equal(f->returns[0].by.id, "C2");
	assert_true(f->returns[0].parental);

	check_obligations(
	    f,
	    (const struct want_obligation[]){
		{RULES_OBL_PERIODIC, "2028-01-08", RULES_UPCOMING, 2025},
		{RULES_OBL_MID_CAREER, "2027-02-28", RULES_UPCOMING, 2025},
		{RULES_OBL_END_OF_CAREER, "2041-04-11", RULES_UPCOMING, 2025},
		{RULES_OBL_RECAP, "2023-09-04", RULES_OVERDUE, 2014},
		{RULES_OBL_RECAP, "2031-09-04", RULES_UPCOMING, 2025},
	    },
	    5);

	/* C1 convocation; C2 proposition; C3 convocation; C4 nouvelle
	 * convocation naming C3's missed date. */
	assert_int_equal(f->nletters, 4);
	const char *kinds[] = {"convocation", "proposal", "convocation",
			       "reconvocation"};
	const char *ids[] = {"C1", "C2", "C3", "C4"};
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(rules_letter_name(f->letters[i].kind),
				    kinds[i]);
		assert_string_equal(f->letters[i].convocation->id, ids[i]);
		assert_int_equal(f->letters[i].dated,
				 f->letters[i].convocation->issued);
	}
	assert_string_equal(f->letters[3].previous->id, "C3");
	assert_string_equal(ISO(f->letters[3].previous->date.date),
			    "2023-12-18");
	rules_facts_free(f);
	fx_free(fx);
}

static void test_e0107(void **state)
{
	(void)state;
	struct fx *fx = e0107();
	struct rules_facts *f = fx_facts(fx, AS_OF);

	assert_string_equal(ISO(f->seniority_start), "2014-03-07");
	assert_true(f->seniority_clamped);
	assert_string_equal(fx_chain(f),
			    "2016-03-07 missed/2014, 2018-03-07 missed/2014, "
			    "2020-03-07 missed/2014, 2022-03-07 missed/2014, "
			    "2024-03-07 late/2014, 2029-09-15 open/2025");
	assert_int_equal(f->dues[4].met_by.type, RULES_EVENT_REFUSAL);
	assert_string_equal(f->dues[4].met_by.id, "C1");
	assert_string_equal(ISO(f->dues[4].met_by.date), "2025-09-15");

	assert_int_equal(f->nperiods, 2);
	check_period(&f->periods[0],
		     &(struct want_period){"2014-03-07", "2020-03-07", 6, true,
					   3, 0, false, false, false, false,
					   3000, "2021-09-30"});
	/* §7b: P1 = 2020-03-07 is in the emergency window: payment after
	 * the suspension of sanctions, the droit d'option tried and not
	 * enough (one measure of three, the CACES training). */
	const struct rules_period *p1 = &f->periods[0];
	assert_true(p1->emergency);
	assert_string_equal(ISO(p1->facts_until), "2021-06-30");
	assert_int_equal(p1->test, RULES_TEST_2018_OPTION);
	assert_true(p1->training);
	assert_int_equal(p1->measures, 1);
	assert_false(p1->option_decided);
	assert_null(p1->paid);
	assert_false(f->periods[1].emergency);
	assert_int_equal(f->periods[1].test, RULES_TEST_2018);
	check_period(&f->periods[1],
		     &(struct want_period){"2020-03-07", "2028-03-07", 8, false,
					   2, 0, false, false, false, false,
					   3000, "2028-06-30"});

	assert_false(f->mid_career.owed);
	assert_true(f->end_of_career.owed);
	assert_false(f->end_of_career.satisfied);

	check_obligations(
	    f,
	    (const struct want_obligation[]){
		{RULES_OBL_PERIODIC, "2029-09-15", RULES_UPCOMING, 2025},
		{RULES_OBL_END_OF_CAREER, "2027-11-29", RULES_UPCOMING, 2025},
		{RULES_OBL_RECAP, "2020-03-07", RULES_OVERDUE, 2014},
		{RULES_OBL_RECAP, "2028-03-07", RULES_UPCOMING, 2025},
	    },
	    4);

	/* C1 convocation and its prise d'acte du refus (first refusal);
	 * C2 a convocation for the end-of-career interview. */
	assert_int_equal(f->nletters, 3);
	assert_int_equal(f->letters[0].kind, RULES_LETTER_CONVOCATION);
	assert_string_equal(f->letters[0].convocation->id, "C1");
	assert_int_equal(f->letters[1].kind, RULES_LETTER_REFUSAL_RECORD);
	assert_string_equal(ISO(f->letters[1].dated), "2025-09-10");
	assert_false(f->letters[1].repeated);
	assert_int_equal(f->letters[2].kind, RULES_LETTER_CONVOCATION);
	assert_string_equal(f->letters[2].convocation->id, "C2");
	assert_int_equal(f->letters[2].convocation->kind, KIND_END_OF_CAREER);
	rules_facts_free(f);
	fx_free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_e0042),
	    cmocka_unit_test(test_e0107),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
