/*
 * Which open obligations get a blank report form (rules_form_needed(),
 * rules.md §4 to §6): the interviews to hold do, one form a day, the
 * most specific kind first.
 */
#include "rules_fixture.h"

#define MAXOBL 6

struct obl {
	enum rules_obligation_kind kind;
	const char *due;
};

struct forms_case {
	const char *reason;
	struct obl obl[MAXOBL]; /* ends at due NULL */
	const char *want;	/* per obligation: '+' a form, '-' none */
};

static const struct forms_case cases[] = {
    {"a periodic interview to hold gets its form",
     {{RULES_OBL_PERIODIC, "2026-03-01"}},
     "+"},
    {"the notice and a return offer are no interview report",
     {{RULES_OBL_NOTICE, "2026-03-01"}, {RULES_OBL_RETURN_OFFER, "2026-03-01"}},
     "--"},
    {"each kind on its own day keeps its own form",
     {{RULES_OBL_PERIODIC, "2026-03-01"},
      {RULES_OBL_MID_CAREER, "2026-04-01"},
      {RULES_OBL_END_OF_CAREER, "2026-05-01"},
      {RULES_OBL_RECAP, "2026-06-01"}},
     "++++"},
    {"the recap due the same day takes the periodic one's place",
     {{RULES_OBL_PERIODIC, "2026-03-01"}, {RULES_OBL_RECAP, "2026-03-01"}},
     "-+"},
    {"so does a mid-career interview",
     {{RULES_OBL_PERIODIC, "2026-03-01"}, {RULES_OBL_MID_CAREER, "2026-03-01"}},
     "-+"},
    {"end-of-career before mid-career, whatever the order",
     {{RULES_OBL_END_OF_CAREER, "2026-03-01"},
      {RULES_OBL_MID_CAREER, "2026-03-01"}},
     "+-"},
    {"the recap before end-of-career",
     {{RULES_OBL_END_OF_CAREER, "2026-03-01"}, {RULES_OBL_RECAP, "2026-03-01"}},
     "-+"},
    {"all four the same day: the recap's form alone",
     {{RULES_OBL_PERIODIC, "2026-03-01"},
      {RULES_OBL_MID_CAREER, "2026-03-01"},
      {RULES_OBL_END_OF_CAREER, "2026-03-01"},
      {RULES_OBL_RECAP, "2026-03-01"}},
     "---+"},
    {"a notice the same day shadows nothing",
     {{RULES_OBL_NOTICE, "2026-03-01"}, {RULES_OBL_PERIODIC, "2026-03-01"}},
     "-+"},
    {"two of one kind the same day: the first listed",
     {{RULES_OBL_PERIODIC, "2026-03-01"}, {RULES_OBL_PERIODIC, "2026-03-01"}},
     "+-"},
    {"a day apart is not the same interview",
     {{RULES_OBL_PERIODIC, "2026-03-01"}, {RULES_OBL_RECAP, "2026-03-02"}},
     "++"},
};

static void test_forms_table(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		const struct forms_case *c = &cases[k];
		struct rules_obligation o[MAXOBL] = {0};
		struct rules_facts f = {.obligations = o};
		while (f.nobligations < MAXOBL &&
		       c->obl[f.nobligations].due != NULL) {
			o[f.nobligations].kind = c->obl[f.nobligations].kind;
			o[f.nobligations].due = D(c->obl[f.nobligations].due);
			f.nobligations++;
		}
		char got[MAXOBL + 1] = "";
		for (size_t i = 0; i < f.nobligations; i++)
			got[i] = rules_form_needed(&f, i) ? '+' : '-';
		if (strcmp(got, c->want) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", c->reason, got,
				 c->want);
	}
}

static void test_forms_range(void **state)
{
	(void)state;
	struct rules_obligation o = {.kind = RULES_OBL_PERIODIC,
				     .due = D("2026-03-01")};
	struct rules_facts f = {.obligations = &o, .nobligations = 1};
	assert_true(rules_form_needed(&f, 0));
	assert_false(rules_form_needed(&f, 1));
}

/*
 * Through rules_compute(): hired in 2024, born in 1990, the open
 * periodic, mid-career, end-of-career and recap obligations fall on
 * different days and get a form each; the notice gets none.
 */
static void test_forms_computed(void **state)
{
	(void)state;
	struct fx *fx = fx_new("2024-01-08", NULL, NULL);
	struct rules_facts *f = fx_facts(fx, "2026-11-26");
	char got[16] = "";
	for (size_t i = 0; i < f->nobligations && i + 1 < sizeof(got); i++)
		got[i] = rules_form_needed(f, i)
			     ? "NPRMER"[f->obligations[i].kind]
			     : '-';
	assert_string_equal(got, "-PMER");
	rules_facts_free(f);
	fx_free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_forms_table),
	    cmocka_unit_test(test_forms_range),
	    cmocka_unit_test(test_forms_computed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
