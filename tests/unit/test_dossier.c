/*
 * The dossier model's name tables (dossier.c), shared by the builder and
 * the writers, and which absence kinds oblige a return offer.
 */
/* cmocka.h needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "dossier.h"

static const struct {
	enum dossier_enum e;
	const char *name;
	int value; /* -1: not a name of e */
	const char *reason;
} names[] = {
    {DOSSIER_ENUM_ABSENCE, "parental-leave", ABSENCE_PARENTAL_LEAVE,
     "hyphenated XML spelling"},
    {DOSSIER_ENUM_ABSENCE, "union-mandate", ABSENCE_UNION_MANDATE,
     "the @absence of a return after a mandate"},
    {DOSSIER_ENUM_ABSENCE, "other", ABSENCE_OTHER, "last of its table"},
    {DOSSIER_ENUM_CERTIFICATION, "other", CERT_OTHER,
     "the same word in another table has its own value"},
    {DOSSIER_ENUM_CONTRACT, "CDI", CONTRACT_CDI, "first of its table"},
    {DOSSIER_ENUM_CONTRACT, "cdi", -1, "names are case-sensitive"},
    {DOSSIER_ENUM_CONTRACT, "stage", -1, "interns are out of scope"},
    {DOSSIER_ENUM_NOTICE_METHOD, "contract", NOTICE_CONTRACT,
     "notice handed over in the contract"},
    {DOSSIER_ENUM_DELIVERY, "contract", -1,
     "a notice method is not a convocation delivery"},
    {DOSSIER_ENUM_KIND, "end-of-career", KIND_END_OF_CAREER, "interview kinds"},
    {DOSSIER_ENUM_OUTCOME, "cancelled", OUTCOME_CANCELLED, "outcomes"},
    {DOSSIER_ENUM_REGIME, "2025", REGIME_2025, "digits are names too"},
    {DOSSIER_ENUM_VISIT, "mid-career", VISIT_MID_CAREER, "a one-name table"},
    {DOSSIER_ENUM_ACTION, "", -1, "the empty string is no name"},
};

static void test_names(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		int got = dossier_enum_parse(names[i].e, names[i].name);
		if (got != names[i].value)
			fail_msg("%s: \"%s\" gives %d, want %d",
				 names[i].reason, names[i].name, got,
				 names[i].value);
		if (got >= 0 && strcmp(dossier_enum_name(names[i].e, got),
				       names[i].name) != 0)
			fail_msg("%s: %d does not name back \"%s\"",
				 names[i].reason, got, names[i].name);
	}
	assert_int_equal(dossier_enum_parse(DOSSIER_ENUM_KIND, NULL), -1);
	assert_string_equal(dossier_enum_name(DOSSIER_ENUM_VISIT, 1), "?");
	assert_string_equal(dossier_enum_name(DOSSIER_ENUM_VISIT, -1), "?");
	assert_string_equal(dossier_absence_name(ABSENCE_SICK), "sick");
	assert_string_equal(dossier_kind_name(KIND_RECAP), "recap");
	assert_string_equal(dossier_outcome_name(OUTCOME_HELD), "held");
	assert_string_equal(dossier_contract_name(CONTRACT_AIDE), "aide");
}

static const struct {
	enum absence_kind kind;
	bool triggers;
	const char *reason;
} returns[] = {
    {ABSENCE_MATERNITY, true, "maternity leave"},
    {ABSENCE_PARENTAL_PART_TIME, true, "temps partiel of L1225-47"},
    {ABSENCE_LONG_ILLNESS, true, "arrêt longue maladie, last of the list"},
    {ABSENCE_UNION_MANDATE, false,
     "a union mandate's return comes from <mandates>, never <absences>"},
    {ABSENCE_SICK, false, "ordinary sick leave triggers nothing"},
    {ABSENCE_PATERNITY, false, "paternity leave triggers nothing"},
    {ABSENCE_OTHER, false, "other absences trigger nothing"},
};

static void test_triggers_return(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(returns) / sizeof(returns[0]); i++)
		if (dossier_absence_triggers_return(returns[i].kind) !=
		    returns[i].triggers)
			fail_msg("%s", returns[i].reason);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_triggers_return),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
