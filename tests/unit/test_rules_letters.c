/*
 * Refusal tracking (rules.md §9): which letters each convocation gives.
 */
#include "rules_fixture.h"

struct conv {
	const char *id;
	enum interview_kind kind;
	const char *issued, *date;
	enum outcome outcome;
	const char *response;
};

struct letters_case {
	const char *reason;
	struct conv convs[6];
	const char *interviews; /* rules_fixture.h codes */
	const char *as_of;
	const char *want; /* fx_letters() */
};

#define PER	KIND_PERIODIC
#define HELD	OUTCOME_HELD
#define ABSENT	OUTCOME_ABSENT
#define REFUSED OUTCOME_REFUSED
#define PENDING OUTCOME_PENDING

static const struct letters_case cases[] = {
    {"a first convocation",
     {{"C1", PER, "2019-08-12", "2019-09-02", HELD, NULL}},
     "P2019-09-02",
     "2026-11-26",
     "C1 convocation 2019-08-12"},
    {"after a no-show: nouvelle convocation naming the missed date",
     {{"C1", PER, "2023-12-01", "2023-12-18", ABSENT, NULL},
      {"C2", PER, "2023-12-20", "2024-01-08", HELD, NULL}},
     "",
     "2026-11-26",
     "C1 convocation 2023-12-01, C2 reconvocation 2023-12-20 <C1"},
    {"after a cancellation by the employer: nouvelle convocation",
     {{"C1", PER, "2023-01-02", "2023-01-20", OUTCOME_CANCELLED, NULL},
      {"C2", PER, "2023-01-23", "2023-02-06", HELD, NULL}},
     "",
     "2026-11-26",
     "C1 convocation 2023-01-02, C2 reconvocation 2023-01-23 <C1"},
    {"after a held interview: a plain convocation",
     {{"C1", PER, "2019-08-12", "2019-09-02", HELD, NULL},
      {"C2", PER, "2021-08-09", "2021-08-30", PENDING, NULL}},
     "",
     "2026-11-26",
     "C1 convocation 2019-08-12, C2 convocation 2021-08-09"},
    {"the previous convocation is taken per kind",
     {{"C1", PER, "2023-12-01", "2023-12-18", ABSENT, NULL},
      {"C2", KIND_RECAP, "2023-12-05", "2023-12-19", HELD, NULL},
      {"C3", PER, "2023-12-20", "2024-01-08", HELD, NULL}},
     "",
     "2026-11-26",
     "C1 convocation 2023-12-01, C2 convocation 2023-12-05, "
     "C3 reconvocation 2023-12-20 <C1"},
    {"issued order, not document order",
     {{"C2", PER, "2023-12-20", "2024-01-08", HELD, NULL},
      {"C1", PER, "2023-12-01", "2023-12-18", ABSENT, NULL}},
     "",
     "2026-11-26",
     "C1 convocation 2023-12-01, C2 reconvocation 2023-12-20 <C1"},
    {"a return convocation is a proposal",
     {{"C1", KIND_RETURN, "2021-12-06", "2022-01-10", HELD, NULL}},
     "",
     "2026-11-26",
     "C1 proposal 2021-12-06"},
    {"a declined return offer also gets a prise d'acte at the response "
     "date",
     {{"C1", KIND_RETURN, "2023-06-26", "2023-07-03", OUTCOME_DECLINED,
       "2023-06-30"}},
     "",
     "2026-11-26",
     "C1 proposal 2023-06-26, C1 decline-record 2023-06-30"},
    {"a refusal gets a prise d'acte at the response date",
     {{"C1", PER, "2025-09-01", "2025-09-15", REFUSED, "2025-09-10"}},
     "",
     "2026-11-26",
     "C1 convocation 2025-09-01, C1 refusal-record 2025-09-10"},
    {"a second refusal since the last held interview is repeated",
     {{"C1", PER, "2025-03-10", "2025-03-24", REFUSED, "2025-03-17"},
      {"C2", PER, "2025-04-07", "2025-04-22", REFUSED, "2025-04-14"}},
     "P2022-02-28",
     "2026-11-26",
     "C1 convocation 2025-03-10, C1 refusal-record 2025-03-17, "
     "C2 convocation 2025-04-07, C2 refusal-record 2025-04-14 repeated"},
    {"a held interview between two refusals: not repeated",
     {{"C1", PER, "2021-03-01", "2021-03-15", REFUSED, "2021-03-08"},
      {"C2", PER, "2025-04-07", "2025-04-22", REFUSED, "2025-04-14"}},
     "P2023-02-28",
     "2026-11-26",
     "C1 convocation 2021-03-01, C1 refusal-record 2021-03-08, "
     "C2 convocation 2025-04-07, C2 refusal-record 2025-04-14"},
    {"a refusal of another kind does not make it repeated",
     {{"C1", KIND_RECAP, "2025-03-10", "2025-03-24", REFUSED, "2025-03-17"},
      {"C2", PER, "2025-04-07", "2025-04-22", REFUSED, "2025-04-14"}},
     "",
     "2026-11-26",
     "C1 convocation 2025-03-10, C1 refusal-record 2025-03-17, "
     "C2 convocation 2025-04-07, C2 refusal-record 2025-04-14"},
    {"letters dated after as-of are not produced yet",
     {{"C1", PER, "2025-09-01", "2025-09-15", REFUSED, "2025-09-10"},
      {"C2", KIND_END_OF_CAREER, "2026-11-20", "2026-12-07", PENDING, NULL}},
     "",
     "2025-09-05",
     "C1 convocation 2025-09-01"},
};

static const char *fx_letters(const struct rules_facts *f)
{
	static char buf[1024];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->nletters; i++) {
		const struct rules_letter *l = &f->letters[i];
		len +=
		    (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s %s %s",
				     i > 0 ? ", " : "", l->convocation->id,
				     rules_letter_name(l->kind), ISO(l->dated));
		if (l->previous != NULL)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						" <%s", l->previous->id);
		if (l->repeated)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						" repeated");
	}
	return buf;
}

static void test_letters_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct letters_case *c = &cases[i];
		struct fx *fx = fx_new("2015-01-05", NULL, NULL);
		for (size_t k = 0; k < 6 && c->convs[k].id != NULL; k++) {
			const struct conv *v = &c->convs[k];
			fx_convocation(fx, v->id, v->kind, v->issued, v->date,
				       v->outcome, v->response);
		}
		fx_events(fx, c->interviews);
		struct rules_facts *f = fx_facts(fx, c->as_of);
		if (strcmp(fx_letters(f), c->want) != 0)
			fail_msg("%s:\n  got  [%s]\n  want [%s]", c->reason,
				 fx_letters(f), c->want);
		rules_facts_free(f);
		fx_free(fx);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_letters_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
