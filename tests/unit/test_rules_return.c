/*
 * Offers of an interview after an absence or a union mandate (rules.md
 * §7): owed, satisfied, exempted; one offer per absence in date order;
 * the French names of the absence kinds that their bases use.
 */
#include "rules_fixture.h"

struct absence_row {
	enum absence_kind kind;
	const char *start, *end;
};

struct return_case {
	const char *reason;
	enum regime_choice regime;
	long headcount;
	const char *exit;
	struct absence_row absences[3];
	struct {
		enum mandate_kind kind;
		const char *start, *end;
		double share;
	} mandate; /* start NULL: none */
	const char *events;
	const char *as_of;
	const char *returns; /* fx_returns() */
	const char *open;    /* the return-offer obligations */
};

#define ABS1(k, s, e)                                                          \
	{                                                                      \
		{ABSENCE_##k, s, e},                                           \
	}
#define NO_MANDATE                                                             \
	{                                                                      \
		MANDATE_UNION, NULL, NULL, 0                                   \
	}

static const struct return_case cases[] = {
    {"satisfied by a return convocation issued after the start", REGIME_AUTO,
     120, NULL, ABS1(PARENTAL_LEAVE, "2021-01-04", "2021-12-31"), NO_MANDATE,
     "O2021-12-06", "2022-06-01",
     "parental-leave T=2022-01-01 due=2022-01-31 satisfied:C1 parental", ""},
    {"owed and none made: overdue after the 30-day grace (Choice)", REGIME_AUTO,
     120, NULL, ABS1(MATERNITY, "2022-01-03", "2022-05-31"), NO_MANDATE, "",
     "2022-08-01", "maternity T=2022-06-01 due=2022-07-01 owed",
     "2022-07-01 overdue/2014"},
    {"a convocation issued before the absence began is not an offer for "
     "it",
     REGIME_AUTO, 120, NULL, ABS1(MATERNITY, "2020-01-06", "2020-05-31"),
     NO_MANDATE, "O2019-12-01", "2022-06-01",
     "maternity T=2020-06-01 due=2021-06-30 owed", "2021-06-30 overdue/2014"},
    {"a held return interview satisfies", REGIME_AUTO, 120, NULL,
     ABS1(MATERNITY, "2020-01-06", "2020-05-31"), NO_MANDATE, "N2020-06-15",
     "2022-06-01", "maternity T=2020-06-01 due=2021-06-30 satisfied:I1", ""},
    {"a declined offer satisfies: the offer was made", REGIME_AUTO, 120, NULL,
     ABS1(ADOPTION, "2020-01-06", "2020-05-31"), NO_MANDATE, "Y2020-06-02",
     "2022-06-01", "adoption T=2020-06-01 due=2021-06-30 satisfied:C1", ""},
    {"an offer issued after as-of is ignored", REGIME_AUTO, 120, NULL,
     ABS1(MATERNITY, "2020-01-06", "2020-05-31"), NO_MANDATE, "O2020-06-10",
     "2020-06-05", "maternity T=2020-06-01 due=2021-06-30 owed",
     "2021-06-30 upcoming/2014"},

    /* The 2025 exemption: T >= R and a held counting interview in
     * [T - 12 months, T). */
    {"exempted by an interview exactly 12 months before the return",
     REGIME_AUTO, 120, NULL, ABS1(SABBATICAL, "2026-01-05", "2026-06-30"),
     NO_MANDATE, "P2025-07-01", "2026-11-26",
     "sabbatical T=2026-07-01 due=2026-07-31 exempted:I1", ""},
    {"not exempted by an interview one day too early", REGIME_AUTO, 120, NULL,
     ABS1(SABBATICAL, "2026-01-05", "2026-06-30"), NO_MANDATE, "P2025-06-30",
     "2026-11-26", "sabbatical T=2026-07-01 due=2026-07-31 owed",
     "2026-07-31 overdue/2025"},
    {"not exempted when the return is the day before R", REGIME_AUTO, 120, NULL,
     ABS1(CAREGIVER, "2025-06-02", "2025-10-24"), NO_MANDATE, "P2025-06-01",
     "2026-11-26", "caregiver T=2025-10-25 due=2025-11-24 owed",
     "2025-11-24 overdue/2014"},
    {"exempted when the return is on R", REGIME_AUTO, 120, NULL,
     ABS1(CAREGIVER, "2025-06-02", "2025-10-25"), NO_MANDATE, "P2025-06-01",
     "2026-11-26", "caregiver T=2025-10-26 due=2025-11-25 exempted:I1", ""},
    {"a refusal is not a held interview: no exemption", REGIME_AUTO, 120, NULL,
     ABS1(SABBATICAL, "2026-01-05", "2026-06-30"), NO_MANDATE, "X2025-09-01",
     "2026-11-26", "sabbatical T=2026-07-01 due=2026-07-31 owed",
     "2026-07-31 overdue/2025"},
    {"a return interview that does not count does not exempt", REGIME_AUTO, 120,
     NULL, ABS1(SABBATICAL, "2026-01-05", "2026-06-30"), NO_MANDATE,
     "N2025-09-01", "2026-11-26", "sabbatical T=2026-07-01 due=2026-07-31 owed",
     "2026-07-31 overdue/2025"},
    {"a return interview counting as periodic exempts", REGIME_AUTO, 120, NULL,
     ABS1(SABBATICAL, "2026-01-05", "2026-06-30"), NO_MANDATE, "C2025-09-01",
     "2026-11-26", "sabbatical T=2026-07-01 due=2026-07-31 exempted:I1", ""},
    {"forced 2014: never exempted", REGIME_2014, 120, NULL,
     ABS1(SABBATICAL, "2026-01-05", "2026-06-30"), NO_MANDATE, "P2025-09-01",
     "2026-11-26", "sabbatical T=2026-07-01 due=2026-07-31 owed",
     "2026-07-31 overdue/2014"},
    {"forced 2025: exempted before the calendar reform", REGIME_2025, 120, NULL,
     ABS1(CAREGIVER, "2025-01-06", "2025-06-27"), NO_MANDATE, "P2024-12-09",
     "2026-11-26", "caregiver T=2025-06-28 due=2025-07-28 exempted:I1", ""},

    /* One offer per absence, in date order. */
    {"one offer for two absences satisfies the first only",
     REGIME_AUTO,
     120,
     NULL,
     {{ABSENCE_MATERNITY, "2020-01-06", "2020-05-31"},
      {ABSENCE_PARENTAL_LEAVE, "2020-06-01", "2021-05-31"}},
     NO_MANDATE,
     "O2021-06-02",
     "2022-06-01",
     "maternity T=2020-06-01 due=2021-06-30 satisfied:C1, "
     "parental-leave T=2021-06-01 due=2021-07-01 owed parental",
     "2021-07-01 overdue/2014"},
    {"two offers for two absences",
     REGIME_AUTO,
     120,
     NULL,
     {{ABSENCE_MATERNITY, "2020-01-06", "2020-05-31"},
      {ABSENCE_PARENTAL_LEAVE, "2020-06-01", "2021-05-31"}},
     NO_MANDATE,
     "O2020-06-02 O2021-06-02",
     "2022-06-01",
     "maternity T=2020-06-01 due=2021-06-30 satisfied:C1, "
     "parental-leave T=2021-06-01 due=2021-07-01 satisfied:C2 parental",
     ""},
    {"a convocation and the interview it led to are one offer",
     REGIME_AUTO,
     120,
     NULL,
     {{ABSENCE_MATERNITY, "2020-01-06", "2020-05-31"},
      {ABSENCE_PARENTAL_LEAVE, "2020-06-01", "2021-05-31"}},
     NO_MANDATE,
     "H2021-06-02",
     "2022-06-01",
     "maternity T=2020-06-01 due=2021-06-30 satisfied:C1, "
     "parental-leave T=2021-06-01 due=2021-07-01 owed parental",
     "2021-07-01 overdue/2014"},

    /* Kinds, mandates, exit. */
    {"parental part-time (L1225-47) is parental for L1225-57", REGIME_AUTO, 120,
     NULL, ABS1(PARENTAL_PART_TIME, "2020-01-06", "2020-12-31"), NO_MANDATE,
     "O2021-01-04", "2022-06-01",
     "parental-part-time T=2021-01-01 due=2021-06-30 satisfied:C1 "
     "parental",
     ""},
    {"secure mobility and long illness trigger offers",
     REGIME_AUTO,
     120,
     NULL,
     {{ABSENCE_SECURE_MOBILITY, "2019-01-07", "2019-12-31"},
      {ABSENCE_LONG_ILLNESS, "2021-02-01", "2021-08-31"}},
     NO_MANDATE,
     "",
     "2022-06-01",
     "secure-mobility T=2020-01-01 due=2021-06-30 owed, "
     "long-illness T=2021-09-01 due=2021-10-01 owed",
     "2021-06-30 overdue/2014, 2021-10-01 overdue/2014"},

    /* §7b: an offer due in [2020-01-01, 2021-06-30] is due 2021-06-30
     * (ordonnances 2020-387 and 2020-1501). */
    {"due 2019-12-31, the day before the window: not deferred", REGIME_AUTO,
     120, NULL, ABS1(MATERNITY, "2019-06-03", "2019-11-30"), NO_MANDATE, "",
     "2022-06-01", "maternity T=2019-12-01 due=2019-12-31 owed",
     "2019-12-31 overdue/2014"},
    {"due 2020-01-01, the window's first day: deferred to 2021-06-30",
     REGIME_AUTO, 120, NULL, ABS1(MATERNITY, "2019-06-03", "2019-12-01"),
     NO_MANDATE, "", "2022-06-01", "maternity T=2019-12-02 due=2021-06-30 owed",
     "2021-06-30 overdue/2014"},
    {"due 2021-06-30, the window's last day: stays 2021-06-30", REGIME_AUTO,
     120, NULL, ABS1(MATERNITY, "2020-12-07", "2021-05-30"), NO_MANDATE, "",
     "2022-06-01", "maternity T=2021-05-31 due=2021-06-30 owed",
     "2021-06-30 overdue/2014"},
    {"due 2021-07-01, the day after the window: not deferred", REGIME_AUTO, 120,
     NULL, ABS1(MATERNITY, "2020-12-07", "2021-05-31"), NO_MANDATE, "",
     "2022-06-01", "maternity T=2021-06-01 due=2021-07-01 owed",
     "2021-07-01 overdue/2014"},
    {"a deferred offer is upcoming until 2021-06-30", REGIME_AUTO, 120, NULL,
     ABS1(MATERNITY, "2019-06-03", "2019-12-01"), NO_MANDATE, "", "2021-06-30",
     "maternity T=2019-12-02 due=2021-06-30 owed", "2021-06-30 upcoming/2014"},
    {"sick leave, paternity and other absences trigger nothing",
     REGIME_AUTO,
     120,
     NULL,
     {{ABSENCE_SICK, "2020-01-06", "2020-02-28"},
      {ABSENCE_PATERNITY, "2020-03-02", "2020-03-29"},
      {ABSENCE_OTHER, "2020-05-04", "2020-05-08"}},
     NO_MANDATE,
     "",
     "2022-06-01",
     "",
     ""},
    {"an ongoing absence calls for nothing yet", REGIME_AUTO, 120, NULL,
     ABS1(CAREGIVER, "2026-10-05", NULL), NO_MANDATE, "", "2026-11-26", "", ""},
    {"an offer due after the exit date is not owed", REGIME_AUTO, 120,
     "2020-06-15", ABS1(MATERNITY, "2020-01-06", "2020-05-31"), NO_MANDATE, "",
     "2020-06-10", "", ""},
    {"union mandate, share 0.40: recensement des compétences",
     REGIME_AUTO,
     120,
     NULL,
     {{0}},
     {MANDATE_UNION, "2019-01-01", "2025-12-31", 0.40},
     "O2026-01-05",
     "2026-11-26",
     "union-mandate T=2026-01-01 due=2026-01-31 satisfied:C1 recensement",
     ""},
    {"union mandate, share 0.30 exactly: recensement",
     REGIME_AUTO,
     120,
     NULL,
     {{0}},
     {MANDATE_UNION, "2019-01-01", "2025-12-31", 0.30},
     "O2026-01-05",
     "2026-11-26",
     "union-mandate T=2026-01-01 due=2026-01-31 satisfied:C1 recensement",
     ""},
    {"union mandate, share 0.20, 1 999 employees: no recensement",
     REGIME_AUTO,
     1999,
     NULL,
     {{0}},
     {MANDATE_UNION, "2019-01-01", "2025-12-31", 0.20},
     "",
     "2026-11-26",
     "union-mandate T=2026-01-01 due=2026-01-31 owed",
     "2026-01-31 overdue/2025"},
    {"union mandate, share 0.10, 2 000 employees: recensement",
     REGIME_AUTO,
     2000,
     NULL,
     {{0}},
     {MANDATE_UNION, "2019-01-01", "2025-12-31", 0.10},
     "O2026-01-05",
     "2026-11-26",
     "union-mandate T=2026-01-01 due=2026-01-31 satisfied:C1 recensement",
     ""},
    {"an elected mandate triggers nothing",
     REGIME_AUTO,
     120,
     NULL,
     {{0}},
     {MANDATE_ELECTED, "2019-01-01", "2025-12-31", 0.50},
     "",
     "2026-11-26",
     "",
     ""},
};

static const char *fx_returns(const struct rules_facts *f)
{
	static char buf[1024];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->nreturns; i++) {
		const struct rules_return *r = &f->returns[i];
		const char *verdict = r->verdict == RULES_RETURN_OWED ? "owed"
				      : r->verdict == RULES_RETURN_SATISFIED
					  ? "satisfied"
					  : "exempted";
		len += (size_t)snprintf(
		    buf + len, sizeof(buf) - len, "%s%s T=%s due=%s %s",
		    i > 0 ? ", " : "", dossier_absence_name(r->kind),
		    ISO(r->return_date), ISO(r->due), verdict);
		if (r->by.type != RULES_EVENT_NONE)
			len += (size_t)snprintf(
			    buf + len, sizeof(buf) - len, ":%c%s",
			    r->by.type == RULES_EVENT_INTERVIEW ? 'I' : 'C',
			    r->by.id);
		if (r->parental)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						" parental");
		if (r->recensement)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						" recensement");
	}
	return buf;
}

static const char *fx_open_returns(const struct rules_facts *f)
{
	static char buf[512];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->nobligations; i++) {
		const struct rules_obligation *o = &f->obligations[i];
		if (o->kind != RULES_OBL_RETURN_OFFER)
			continue;
		len += (size_t)snprintf(
		    buf + len, sizeof(buf) - len, "%s%s %s/%d",
		    len > 0 ? ", " : "", ISO(o->due),
		    rules_obligation_state_name(o->state), (int)o->regime);
		assert_non_null(o->ret);
		assert_int_equal(o->ret->verdict, RULES_RETURN_OWED);
	}
	return buf;
}

static void test_return_table(void **state)
{
	(void)state;
	int failed = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct return_case *c = &cases[i];
		struct fx *fx = fx_new("2015-01-05", NULL, "1985-06-15");
		fx->company.rules.regime = c->regime;
		fx->company.headcount = c->headcount;
		fx->d.employment.exit_date = D(c->exit);
		for (size_t k = 0; k < 3 && c->absences[k].start != NULL; k++)
			fx_absence(fx, c->absences[k].kind,
				   c->absences[k].start, c->absences[k].end);
		if (c->mandate.start != NULL)
			fx_mandate(fx, c->mandate.kind, c->mandate.start,
				   c->mandate.end, c->mandate.share);
		fx_events(fx, c->events);
		struct rules_facts *f = fx_facts(fx, c->as_of);
		/* Every wrong row is shown, not just the first. */
		if (strcmp(fx_returns(f), c->returns) != 0) {
			print_error("%s:\n  got  [%s]\n  want [%s]\n",
				    c->reason, fx_returns(f), c->returns);
			failed++;
		} else if (strcmp(fx_open_returns(f), c->open) != 0) {
			print_error("%s: open [%s], want [%s]\n", c->reason,
				    fx_open_returns(f), c->open);
			failed++;
		}
		rules_facts_free(f);
		fx_free(fx);
	}
	assert_int_equal(failed, 0);
}

/*
 * §7's bounds: nothing is owed for a return before the 2014 law or
 * before the hire (the absence ended in a past the employer cannot act
 * on).
 */
static void test_return_bounds(void **state)
{
	(void)state;
	static const struct {
		const char *hire, *end, *want, *reason;
	} rows[] = {
	    {"2010-01-04", "2014-03-05", "",
	     "return 2014-03-06, the day before the 2014 law: nothing owed"},
	    {"2010-01-04", "2014-03-06",
	     "maternity T=2014-03-07 due=2014-04-06 owed",
	     "return 2014-03-07, the law's first day: owed"},
	    {"2016-05-02", "2016-04-30", "",
	     "return 2016-05-01, the day before the hire: nothing owed"},
	    {"2016-05-02", "2016-05-01",
	     "maternity T=2016-05-02 due=2016-06-01 owed",
	     "return on the hire date: owed"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct fx *fx = fx_new(rows[i].hire, NULL, "1985-06-15");
		fx_absence(fx, ABSENCE_MATERNITY, "2013-09-02", rows[i].end);
		struct rules_facts *f = fx_facts(fx, "2026-11-26");
		if (strcmp(fx_returns(f), rows[i].want) != 0)
			fail_msg("%s: got [%s], want [%s]", rows[i].reason,
				 fx_returns(f), rows[i].want);
		rules_facts_free(f);
		fx_free(fx);
	}
}

/* One return offer for the table below: a convocation (issued set) with
 * perhaps the interview held on its date, or a lone interview. */
struct offer_row {
	const char *absence; /* @absence, XML spelling */
	const char *issued;  /* NULL: a return interview alone */
	const char *date;    /* interview date */
	enum outcome outcome;
	bool interview; /* a return interview recorded on date */
};

/*
 * §7's offers: @absence decides which absence an offer satisfies; a
 * convocation and its interview are one offer dated at the issue date;
 * an interview held during the absence satisfies it whenever its
 * convocation was issued.
 */
static void test_offer_matching(void **state)
{
	(void)state;
	static const struct {
		struct absence_row absences[2];
		struct offer_row offers[3];
		const char *want, *reason;
	} rows[] = {
	    {{{ABSENCE_PARENTAL_LEAVE, "2023-01-02", "2023-12-31"}},
	     {{"parental-leave", "2023-01-01", "2023-06-12", OUTCOME_HELD,
	       true}},
	     "parental-leave T=2024-01-01 due=2024-01-31 satisfied:C1 parental",
	     "letter issued the day before the leave, interview held during "
	     "it: satisfied (the bug of issue 12)"},
	    {{{ABSENCE_PARENTAL_LEAVE, "2023-01-02", "2023-12-31"}},
	     {{"parental-leave", "2023-01-01", "2023-01-02", OUTCOME_HELD,
	       true}},
	     "parental-leave T=2024-01-01 due=2024-01-31 satisfied:C1 parental",
	     "interview on the leave's first day: satisfied"},
	    {{{ABSENCE_PARENTAL_LEAVE, "2023-01-02", "2023-12-31"}},
	     {{"parental-leave", "2022-12-20", "2023-01-01", OUTCOME_HELD,
	       true}},
	     "parental-leave T=2024-01-01 due=2024-01-31 owed parental",
	     "letter and interview both before the leave: satisfies nothing"},
	    {{{ABSENCE_PARENTAL_LEAVE, "2023-01-02", "2023-12-31"}},
	     {{"parental-leave", "2023-01-01", "2023-06-12", OUTCOME_PENDING,
	       false}},
	     "parental-leave T=2024-01-01 due=2024-01-31 owed parental",
	     "letter before the leave, no interview held: satisfies nothing"},
	    {{{ABSENCE_PARENTAL_LEAVE, "2023-01-02", "2023-12-31"}},
	     {{"parental-leave", "2023-01-01", "2023-06-12", OUTCOME_HELD,
	       false}},
	     "parental-leave T=2024-01-01 due=2024-01-31 satisfied:C1 parental",
	     "letter before the leave, outcome held during it (no report "
	     "recorded): satisfied"},
	    {{{ABSENCE_PARENTAL_LEAVE, "2023-01-02", "2023-12-31"}},
	     {{"parental-leave", NULL, "2023-06-12", OUTCOME_HELD, true}},
	     "parental-leave T=2024-01-01 due=2024-01-31 satisfied:I1 parental",
	     "a return interview held during the leave with no letter"},
	    {{{ABSENCE_MATERNITY, "2022-03-07", "2022-07-31"},
	      {ABSENCE_PARENTAL_LEAVE, "2022-08-01", "2023-07-31"}},
	     {{"parental-leave", "2022-08-10", "2022-09-05", OUTCOME_HELD,
	       true}},
	     "maternity T=2022-08-01 due=2022-08-31 owed, parental-leave "
	     "T=2023-08-01 due=2023-08-31 satisfied:C1 parental",
	     "@absence names the parental leave: the earlier maternity stays "
	     "owed"},
	    {{{ABSENCE_MATERNITY, "2022-03-07", "2022-07-31"},
	      {ABSENCE_PARENTAL_LEAVE, "2022-08-01", "2023-07-31"}},
	     {{"sabbatical", "2023-08-02", "2023-08-21", OUTCOME_HELD, true}},
	     "maternity T=2022-08-01 due=2022-08-31 owed, parental-leave "
	     "T=2023-08-01 due=2023-08-31 owed parental",
	     "an offer naming an absence not on record satisfies neither"},
	    {{{ABSENCE_MATERNITY, "2022-03-07", "2022-07-31"},
	      {ABSENCE_PARENTAL_LEAVE, "2022-08-01", "2023-07-31"}},
	     {{"maternity", "2022-07-04", "2022-07-25", OUTCOME_HELD, true},
	      {"parental-leave", "2023-07-03", "2023-08-07", OUTCOME_DECLINED,
	       false}},
	     "maternity T=2022-08-01 due=2022-08-31 satisfied:C1, "
	     "parental-leave T=2023-08-01 due=2023-08-31 satisfied:C2 parental",
	     "one offer each, matched by @absence"},
	    {{{ABSENCE_PARENTAL_LEAVE, "2021-01-04", "2021-12-31"},
	      {ABSENCE_PARENTAL_LEAVE, "2023-01-02", "2023-12-31"}},
	     {{"parental-leave", "2024-01-08", "2024-01-22", OUTCOME_HELD,
	       true}},
	     "parental-leave T=2022-01-01 due=2022-01-31 satisfied:C1 "
	     "parental, "
	     "parental-leave T=2024-01-01 due=2024-01-31 owed parental",
	     "two leaves of one kind: the offer goes to the earliest still "
	     "owed"},
	    {{{ABSENCE_PARENTAL_LEAVE, "2023-01-02", "2023-12-31"}},
	     {{"parental-leave", "2023-01-01", "2027-01-11", OUTCOME_HELD,
	       true}},
	     "parental-leave T=2024-01-01 due=2024-01-31 owed parental",
	     "an interview after as-of does not count: the letter alone is "
	     "dated before the leave"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct fx *fx = fx_new("2015-01-05", NULL, "1985-06-15");
		for (size_t k = 0; k < 2 && rows[i].absences[k].start != NULL;
		     k++)
			fx_absence(fx, rows[i].absences[k].kind,
				   rows[i].absences[k].start,
				   rows[i].absences[k].end);
		static const char *const cids[] = {"1", "2", "3"};
		static const char *const iids[] = {"1", "2", "3"};
		for (size_t k = 0; k < 3 && rows[i].offers[k].date != NULL;
		     k++) {
			const struct offer_row *o = &rows[i].offers[k];
			int kind = dossier_enum_parse(DOSSIER_ENUM_ABSENCE,
						      o->absence);
			assert_true(kind >= 0);
			if (o->issued != NULL) {
				struct convocation *c = fx_convocation(
				    fx, cids[k], KIND_RETURN, o->issued,
				    o->date, o->outcome,
				    o->outcome == OUTCOME_DECLINED ? o->issued
								   : NULL);
				c->has_absence = true;
				c->absence = (enum absence_kind)kind;
			}
			if (o->interview) {
				struct interview *iv = fx_interview(
				    fx, iids[k], KIND_RETURN, o->date);
				iv->has_absence = true;
				iv->absence = (enum absence_kind)kind;
			}
		}
		struct rules_facts *f = fx_facts(fx, "2026-11-26");
		if (strcmp(fx_returns(f), rows[i].want) != 0)
			fail_msg("%s:\n  got  [%s]\n  want [%s]",
				 rows[i].reason, fx_returns(f), rows[i].want);
		rules_facts_free(f);
		fx_free(fx);
	}
}

/* The basis names the absence, the grace Choice and what met it. */
static void test_return_basis(void **state)
{
	(void)state;
	struct fx *fx = fx_new("2015-01-05", NULL, NULL);
	fx_absence(fx, ABSENCE_PARENTAL_LEAVE, "2021-01-04", "2021-12-31");
	struct rules_facts *f = fx_facts(fx, "2022-06-01");
	assert_string_equal(f->returns[0].basis,
			    "fin du congé parental d'éducation le 2021-12-31 : "
			    "proposition due sous 30 jours (choix : délai de "
			    "grâce)");
	rules_facts_free(f);
	fx_events(fx, "O2021-12-06");
	f = fx_facts(fx, "2022-06-01");
	assert_string_equal(f->returns[0].basis,
			    "fin du congé parental d'éducation le 2021-12-31 : "
			    "proposition due sous 30 jours (choix : délai de "
			    "grâce) ; proposée par la convocation 1 du "
			    "2021-12-06");
	rules_facts_free(f);
	fx_free(fx);

	fx = fx_new("2015-01-05", NULL, NULL);
	fx->company.rules.return_offer_days = 15;
	fx_absence(fx, ABSENCE_SABBATICAL, "2026-01-05", "2026-06-30");
	fx_events(fx, "P2025-09-01");
	f = fx_facts(fx, "2026-11-26");
	assert_string_equal(ISO(f->returns[0].due), "2026-07-16");
	assert_string_equal(f->returns[0].basis,
			    "fin du congé sabbatique le 2026-06-30, reprise le "
			    "2026-07-01 : régime 2025, pas de proposition due, "
			    "l'entretien du 2025-09-01 (1) a eu lieu dans les "
			    "12 mois avant la reprise");
	rules_facts_free(f);
	fx_free(fx);
}

static const struct {
	enum absence_kind kind;
	const char *name, *of, *a, *reason;
} absence_words[] = {
    {ABSENCE_PARENTAL_LEAVE, "congé parental d'éducation",
     "du congé parental d'éducation", "un congé parental d'éducation",
     "masculine noun: du, un"},
    {ABSENCE_SECURE_MOBILITY, "période de mobilité volontaire sécurisée",
     "de la période de mobilité volontaire sécurisée",
     "une période de mobilité volontaire sécurisée",
     "feminine noun: de la, une"},
    {ABSENCE_LONG_ILLNESS, "arrêt de longue maladie",
     "de l'arrêt de longue maladie", "un arrêt de longue maladie",
     "de elided before a vowel"},
    {ABSENCE_UNION_MANDATE, "mandat syndical", "du mandat syndical",
     "un mandat syndical", "the end of a mandate is a return too"},
    {ABSENCE_OTHER, "absence", "de l'absence", "une absence",
     "feminine and elided"},
    {(enum absence_kind)99, "absence", "de l'absence", "une absence",
     "a value out of the enum reads as other"},
};

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n > k && strcmp(s + n - k, tail) == 0;
}

static void test_absence_words(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(absence_words) / sizeof(*absence_words);
	     i++) {
		enum absence_kind k = absence_words[i].kind;
		if (strcmp(rules_absence_fr(k), absence_words[i].name) != 0 ||
		    strcmp(rules_absence_fr_of(k), absence_words[i].of) != 0 ||
		    strcmp(rules_absence_fr_a(k), absence_words[i].a) != 0)
			fail_msg("%s: \"%s\", \"%s\", \"%s\"",
				 absence_words[i].reason, rules_absence_fr(k),
				 rules_absence_fr_of(k), rules_absence_fr_a(k));
	}
	/* Every kind has its three forms, each built on the bare name. */
	for (int k = ABSENCE_MATERNITY; k <= ABSENCE_OTHER; k++) {
		const char *name = rules_absence_fr((enum absence_kind)k);
		if (name == NULL ||
		    !ends_with(rules_absence_fr_of((enum absence_kind)k),
			       name) ||
		    !ends_with(rules_absence_fr_a((enum absence_kind)k), name))
			fail_msg("absence kind %d lacks a French form", k);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_return_table),
	    cmocka_unit_test(test_return_bounds),
	    cmocka_unit_test(test_offer_matching),
	    cmocka_unit_test(test_return_basis),
	    cmocka_unit_test(test_absence_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
