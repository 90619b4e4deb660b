/*
 * Mid-career and end-of-career interviews (rules.md §6): due dates,
 * owed only from the reform on, what satisfies them.
 */
#include "rules_fixture.h"

struct senior_case {
	const char *reason;
	bool end; /* end-of-career, else mid-career */
	enum regime_choice regime;
	const char *birth, *visit, *exit, *events, *as_of;
	const char *want; /* fx_senior() */
};

static const struct senior_case cases[] = {
    /* Mid-career. */
    {"no visit: last day of February after the 45th birthday's year", false,
     REGIME_AUTO, "1981-04-12", NULL, NULL, "", "2026-11-26",
     "owed 2027-02-28 open upcoming"},
    {"no visit, leap year: 29 February", false, REGIME_AUTO, "1982-05-01", NULL,
     NULL, "", "2026-11-26", "owed 2028-02-29 open upcoming"},
    {"a recorded visit: due 2 months after it", false, REGIME_AUTO,
     "1981-04-12", "2026-09-14", NULL, "", "2026-11-26",
     "owed 2026-11-14 open overdue"},
    {"a visit on 31 December: 2 months later clamps to February's end", false,
     REGIME_AUTO, "1981-04-12", "2026-12-31", NULL, "", "2027-01-15",
     "owed 2027-02-28 open upcoming"},
    {"a visit after as-of is not on record yet", false, REGIME_AUTO,
     "1981-04-12", "2027-01-20", NULL, "", "2026-11-26",
     "owed 2027-02-28 open upcoming"},
    {"due before R: not owed (2014 regime)", false, REGIME_AUTO, "1979-06-01",
     NULL, NULL, "", "2026-11-26", "not-owed 2025-02-28"},
    {"due after R: owed, overdue", false, REGIME_AUTO, "1980-06-01", NULL, NULL,
     "", "2026-11-26", "owed 2026-02-28 open overdue"},
    {"a late visit brings the due date after R: owed", false, REGIME_AUTO,
     "1979-06-01", "2025-09-01", NULL, "", "2026-11-26",
     "owed 2025-11-01 open overdue"},
    {"satisfied by an interview on 1 January of the 45th year - 2", false,
     REGIME_AUTO, "1981-04-12", NULL, NULL, "M2024-01-01", "2026-11-26",
     "owed 2027-02-28 satisfied:1"},
    {"an interview the day before that does not satisfy", false, REGIME_AUTO,
     "1981-04-12", NULL, NULL, "M2023-12-31", "2026-11-26",
     "owed 2027-02-28 open upcoming"},
    {"a refused mid-career convocation satisfies", false, REGIME_AUTO,
     "1981-04-12", NULL, NULL, "W2026-03-16", "2026-11-26",
     "owed 2027-02-28 satisfied:1"},
    {"a periodic interview does not satisfy the mid-career one", false,
     REGIME_AUTO, "1981-04-12", NULL, NULL, "P2026-03-16", "2026-11-26",
     "owed 2027-02-28 open upcoming"},
    {"forced 2025: owed although due before the calendar reform", false,
     REGIME_2025, "1979-06-01", NULL, NULL, "", "2026-11-26",
     "owed 2025-02-28 open overdue"},
    {"forced 2014: never owed", false, REGIME_2014, "1981-04-12", NULL, NULL,
     "", "2026-11-26", "not-owed 2027-02-28"},
    {"due after the exit date: not owed", false, REGIME_AUTO, "1981-04-12",
     NULL, "2026-12-31", "", "2026-11-26", "not-owed 2027-02-28"},

    /* End-of-career: window [60th - 2 years, 60th birthday). */
    {"due the day before the 60th birthday", true, REGIME_AUTO, "1967-11-30",
     NULL, NULL, "", "2026-11-26",
     "owed 2027-11-29 open upcoming [2025-11-30, 2027-11-30)"},
    {"60th birthday on R: due the day before R, not owed", true, REGIME_AUTO,
     "1965-10-26", NULL, NULL, "", "2026-11-26",
     "not-owed 2025-10-25 [2023-10-26, 2025-10-26)"},
    {"60th birthday the day after R: due on R, owed", true, REGIME_AUTO,
     "1965-10-27", NULL, NULL, "", "2026-11-26",
     "owed 2025-10-26 open overdue [2023-10-27, 2025-10-27)"},
    {"an interview on the window's first day satisfies", true, REGIME_AUTO,
     "1967-11-30", NULL, NULL, "E2025-11-30", "2026-11-26",
     "owed 2027-11-29 satisfied:1 [2025-11-30, 2027-11-30)"},
    {"an interview the day before the window does not", true, REGIME_AUTO,
     "1967-11-30", NULL, NULL, "E2025-11-29", "2026-11-26",
     "owed 2027-11-29 open upcoming [2025-11-30, 2027-11-30)"},
    {"an interview on the 60th birthday is outside the window", true,
     REGIME_AUTO, "1967-11-30", NULL, NULL, "E2027-11-30", "2027-12-01",
     "owed 2027-11-29 open overdue [2025-11-30, 2027-11-30)"},
    {"a refusal on the 60th birthday is outside the window", true, REGIME_AUTO,
     "1967-11-30", NULL, NULL, "V2027-11-30", "2027-12-01",
     "owed 2027-11-29 open overdue [2025-11-30, 2027-11-30)"},
    {"a refused end-of-career convocation satisfies", true, REGIME_AUTO,
     "1967-11-30", NULL, NULL, "V2026-05-04", "2026-11-26",
     "owed 2027-11-29 satisfied:1 [2025-11-30, 2027-11-30)"},
    {"born 29 February: the 60th birthday clamps to 28 February "
     "(rules.md §1)",
     true, REGIME_AUTO, "1976-02-29", NULL, NULL, "", "2026-11-26",
     "owed 2036-02-28 open upcoming [2034-02-28, 2036-02-29)"},
    {"forced 2014: never owed", true, REGIME_2014, "1967-11-30", NULL, NULL, "",
     "2026-11-26", "not-owed 2027-11-29 [2025-11-30, 2027-11-30)"},
    {"leaving after the due date: owed and open", true, REGIME_AUTO,
     "1967-11-30", NULL, "2028-01-31", "", "2026-11-26",
     "owed 2027-11-29 open upcoming [2025-11-30, 2027-11-30)"},
};

static const char *fx_senior(const struct rules_facts *f, bool end)
{
	static char buf[256];
	const struct rules_senior *s = end ? &f->end_of_career : &f->mid_career;
	enum rules_obligation_kind kind =
	    end ? RULES_OBL_END_OF_CAREER : RULES_OBL_MID_CAREER;
	const struct rules_obligation *o = fx_obligation(f, kind);
	size_t len =
	    (size_t)snprintf(buf, sizeof(buf), "%s %s",
			     s->owed ? "owed" : "not-owed", ISO(s->due));
	if (s->satisfied)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
					" satisfied:%s", s->by.id);
	else if (o != NULL)
		len +=
		    (size_t)snprintf(buf + len, sizeof(buf) - len, " open %s",
				     rules_obligation_state_name(o->state));
	if (end)
		snprintf(buf + len, sizeof(buf) - len, " [%s, %s)",
			 ISO(s->window_start), ISO(s->window_end));
	/* An obligation exactly when owed and not satisfied. */
	assert_int_equal(o != NULL, s->owed && !s->satisfied);
	return buf;
}

static void test_senior_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct senior_case *c = &cases[i];
		struct fx *fx = fx_new("2015-01-05", NULL, c->birth);
		fx->company.rules.regime = c->regime;
		fx->d.employment.exit_date = D(c->exit);
		if (c->visit != NULL)
			fx_visit(fx, c->visit);
		fx_events(fx, c->events);
		struct rules_facts *f = fx_facts(fx, c->as_of);
		const char *got = fx_senior(f, c->end);
		if (strcmp(got, c->want) != 0)
			fail_msg("%s:\n  got  [%s]\n  want [%s]", c->reason,
				 got, c->want);
		assert_non_null(c->end ? f->end_of_career.basis
				       : f->mid_career.basis);
		rules_facts_free(f);
		fx_free(fx);
	}
}

/*
 * §6's bounds by the hire date: no mid-career interview due before the
 * hire, no end-of-career interview for someone hired at 60 or later.
 */
static void test_senior_hire(void **state)
{
	(void)state;
	static const struct {
		bool end;
		const char *hire, *want, *basis, *reason;
	} rows[] = {
	    {false, "2027-02-28", "owed 2027-02-28 open overdue",
	     "régime 2025 : fin février suivant l'année des 45 ans (2026), "
	     "faute de visite médicale de mi-carrière enregistrée",
	     "mid-career due on the hire date: owed"},
	    {false, "2027-03-01", "not-owed 2027-02-28",
	     "échéance du 2027-02-28 antérieure à l'embauche du 2027-03-01 : "
	     "pas d'entretien de mi-carrière",
	     "mid-career due the day before the hire: not owed"},
	    {true, "2027-11-29",
	     "owed 2027-11-29 open overdue [2025-11-30, 2027-11-30)",
	     "régime 2025 : veille des 60 ans, entretien à tenir du 2025-11-30 "
	     "au 2027-11-29",
	     "end-of-career, hired the day before the 60th birthday: owed"},
	    {true, "2027-11-30", "not-owed 2027-11-29 [2025-11-30, 2027-11-30)",
	     "embauche du 2027-11-30 à 60 ans ou plus : pas d'entretien de fin "
	     "de carrière",
	     "end-of-career, hired on the 60th birthday: not owed"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct fx *fx =
		    fx_new(rows[i].hire, NULL,
			   rows[i].end ? "1967-11-30" : "1981-04-12");
		struct rules_facts *f = fx_facts(fx, "2028-01-15");
		const char *got = fx_senior(f, rows[i].end);
		if (strcmp(got, rows[i].want) != 0)
			fail_msg("%s:\n  got  [%s]\n  want [%s]",
				 rows[i].reason, got, rows[i].want);
		const struct rules_senior *s =
		    rows[i].end ? &f->end_of_career : &f->mid_career;
		if (strcmp(s->basis, rows[i].basis) != 0)
			fail_msg("%s: basis [%s]", rows[i].reason, s->basis);
		rules_facts_free(f);
		fx_free(fx);
	}
}

static void test_senior_left(void **state)
{
	(void)state;
	/* Left before as-of: the interview was owed, nothing is open. */
	struct fx *fx = fx_new("2015-01-05", NULL, "1967-11-30");
	fx->d.employment.exit_date = D("2028-01-31");
	struct rules_facts *f = fx_facts(fx, "2028-03-01");
	assert_true(f->left);
	assert_true(f->end_of_career.owed);
	assert_int_equal(f->nobligations, 0);
	rules_facts_free(f);
	fx_free(fx);
}

static void test_senior_basis(void **state)
{
	(void)state;
	struct fx *fx = fx_new("2015-01-05", NULL, "1981-04-12");
	fx_visit(fx, "2026-09-14");
	struct rules_facts *f = fx_facts(fx, "2026-11-26");
	assert_string_equal(f->mid_career.basis,
			    "régime 2025 : 2 mois après la visite médicale de "
			    "mi-carrière du 2026-09-14");
	assert_string_equal(
	    f->end_of_career.basis,
	    "régime 2025 : veille des 60 ans, entretien à tenir "
	    "du 2039-04-12 au 2041-04-11");
	rules_facts_free(f);
	fx_free(fx);
	fx = fx_new("2015-01-05", NULL, "1979-06-01");
	f = fx_facts(fx, "2026-11-26");
	assert_string_equal(f->mid_career.basis,
			    "échéance du 2025-02-28 antérieure à la réforme du "
			    "2025-10-26 : pas d'entretien de mi-carrière");
	rules_facts_free(f);
	fx_free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_senior_table),
	    cmocka_unit_test(test_senior_hire),
	    cmocka_unit_test(test_senior_left),
	    cmocka_unit_test(test_senior_basis),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
