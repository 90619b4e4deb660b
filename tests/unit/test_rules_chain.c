/*
 * The periodic due-date chain (rules.md §3, §4): one row per rule, each
 * with its reason, the whole chain expected and the open obligation.
 */
#include "rules_fixture.h"

struct chain_case {
	const char *reason;
	const char *hire, *seniority, *exit;
	enum regime_choice regime;
	const char *reform; /* NULL: 2025-10-26 */
	int periodicity;    /* 0: none */
	const char *events; /* rules_fixture.h codes */
	const char *as_of;
	const char *chain; /* fx_chain() */
	const char *open;  /* "2019-12-01 overdue/2014", or NULL */
};

#define AUTO REGIME_AUTO, NULL, 0

static const struct chain_case cases[] = {
    /* The four states. */
    {"interview before the due date: on time", "2016-01-04", NULL, NULL, AUTO,
     "P2017-12-01", "2018-06-01",
     "2018-01-04 on-time/2014, 2019-12-01 open/2014",
     "2019-12-01 upcoming/2014"},
    {"interview on the due date itself: on time", "2016-01-04", NULL, NULL,
     AUTO, "P2018-01-04", "2018-06-01",
     "2018-01-04 on-time/2014, 2020-01-04 open/2014",
     "2020-01-04 upcoming/2014"},
    {"interview after the due date: late, the count restarts from it",
     "2016-01-04", NULL, NULL, AUTO, "P2018-03-01", "2018-06-01",
     "2018-01-04 late/2014, 2020-03-01 open/2014", "2020-03-01 upcoming/2014"},
    {"late up to the day before the following due date", "2016-01-04", NULL,
     NULL, AUTO, "P2020-01-03", "2020-06-01",
     "2018-01-04 late/2014, 2022-01-03 open/2014", "2022-01-03 upcoming/2014"},
    {"an interview on the following due date meets that one: missed "
     "then on time (Choice)",
     "2016-01-04", NULL, NULL, AUTO, "P2020-01-04", "2020-06-01",
     "2018-01-04 missed/2014, 2020-01-04 on-time/2014, "
     "2022-01-04 open/2014",
     "2022-01-04 upcoming/2014"},
    {"no interview: missed, the chain goes on from the missed date",
     "2016-01-04", NULL, NULL, AUTO, "", "2018-06-01",
     "2018-01-04 missed/2014, 2020-01-04 open/2014", "2018-01-04 overdue/2014"},
    {"several missed: the first one is the open obligation", "2016-01-04", NULL,
     NULL, AUTO, "", "2022-06-01",
     "2018-01-04 missed/2014, 2020-01-04 missed/2014, "
     "2022-01-04 missed/2014, 2024-01-04 open/2014",
     "2018-01-04 overdue/2014"},
    {"missed after an interview: the open obligation is the first missed "
     "since it",
     "2016-01-04", NULL, NULL, AUTO, "P2017-06-01", "2022-06-01",
     "2018-01-04 on-time/2014, 2019-06-01 missed/2014, "
     "2021-06-01 missed/2014, 2023-06-01 open/2014",
     "2019-06-01 overdue/2014"},
    {"due on as-of: missed in the chain but not yet overdue (cli.md)",
     "2016-01-04", NULL, NULL, AUTO, "", "2018-01-04",
     "2018-01-04 missed/2014, 2020-01-04 open/2014",
     "2018-01-04 upcoming/2014"},
    {"as-of before the first due date: open", "2016-01-04", NULL, NULL, AUTO,
     "", "2018-01-03", "2018-01-04 open/2014", "2018-01-04 upcoming/2014"},
    {"an interview after as-of is ignored", "2016-01-04", NULL, NULL, AUTO,
     "P2018-01-02", "2018-01-01", "2018-01-04 open/2014",
     "2018-01-04 upcoming/2014"},
    {"an interview on the seniority start is not after the anchor",
     "2016-01-04", NULL, NULL, AUTO, "P2016-01-04", "2016-06-01",
     "2018-01-04 open/2014", "2018-01-04 upcoming/2014"},

    /* The reform boundary (R = 2025-10-26). */
    {"24 months fall the day before R: stays a 2014 deadline", "2023-10-25",
     NULL, NULL, AUTO, "", "2025-11-01",
     "2025-10-25 missed/2014, 2029-10-25 open/2025", "2025-10-25 overdue/2014"},
    {"24 months fall on R: not expired, recomputed at 48 months", "2023-10-26",
     NULL, NULL, AUTO, "", "2025-11-01", "2027-10-26 open/2025",
     "2027-10-26 upcoming/2025"},
    {"hired on R: first interview within 12 months", "2025-10-26", NULL, NULL,
     AUTO, "", "2025-11-01", "2026-10-26 open/2025",
     "2026-10-26 upcoming/2025"},
    {"hired the day before R: no first-year rule, 48 months (S < R)",
     "2025-10-25", NULL, NULL, AUTO, "", "2025-11-01", "2029-10-25 open/2025",
     "2029-10-25 upcoming/2025"},
    {"company reform date 2026-10-01: 24 months to 2026-09-30 stay 2014",
     "2024-09-30", NULL, NULL, REGIME_AUTO, "2026-10-01", 0, "", "2026-10-02",
     "2026-09-30 missed/2014, 2030-09-30 open/2025", "2026-09-30 overdue/2014"},
    {"company reform date 2026-10-01: hired before it, no first-year "
     "rule; 24 months would end after it, so 48",
     "2026-01-05", NULL, NULL, REGIME_AUTO, "2026-10-01", 0, "", "2026-02-01",
     "2030-01-05 open/2025", "2030-01-05 upcoming/2025"},

    /* Forced regimes. */
    {"forced 2014 after R: 24 months, no first-year rule", "2026-01-05", NULL,
     NULL, REGIME_2014, NULL, 0, "", "2026-02-01", "2028-01-05 open/2014",
     "2028-01-05 upcoming/2014"},
    {"forced 2014: 24 months from an interview after R", "2024-01-08", NULL,
     NULL, REGIME_2014, NULL, 0, "P2025-12-01", "2026-01-01",
     "2026-01-08 on-time/2014, 2027-12-01 open/2014",
     "2027-12-01 upcoming/2014"},
    {"forced 2025 before R: first-year rule from S", "2016-01-04", NULL, NULL,
     REGIME_2025, NULL, 0, "", "2016-06-01", "2017-01-04 open/2025",
     "2017-01-04 upcoming/2025"},
    {"forced 2025: 48 months from the first interview", "2016-01-04", NULL,
     NULL, REGIME_2025, NULL, 0, "P2016-12-01", "2017-06-01",
     "2017-01-04 on-time/2025, 2020-12-01 open/2025",
     "2020-12-01 upcoming/2025"},

    /* Agreement periodicity P. */
    {"P = 24 under 2025: first year, then 24 months", "2026-01-05", NULL, NULL,
     REGIME_AUTO, NULL, 24, "P2026-12-01", "2027-02-01",
     "2027-01-05 on-time/2025, 2028-12-01 open/2025",
     "2028-12-01 upcoming/2025"},
    {"P = 36 recomputes a 2014 deadline not expired on R", "2024-01-08", NULL,
     NULL, REGIME_AUTO, NULL, 36, "", "2026-01-01", "2027-01-08 open/2025",
     "2027-01-08 upcoming/2025"},
    {"P = 1, the minimum", "2026-01-05", NULL, NULL, REGIME_AUTO, NULL, 1,
     "P2027-01-05", "2027-01-20",
     "2027-01-05 on-time/2025, 2027-02-05 open/2025",
     "2027-02-05 upcoming/2025"},
    {"P never shortens a 2014 deadline", "2020-01-06", NULL, NULL, REGIME_AUTO,
     NULL, 12, "", "2021-01-01", "2022-01-06 open/2014",
     "2022-01-06 upcoming/2014"},

    /* The first-year rule follows S. */
    {"transfer with seniority before R: the cycle goes on, no first year",
     "2026-02-02", "2024-06-03", NULL, AUTO, "", "2026-03-01",
     "2028-06-03 open/2025", "2028-06-03 upcoming/2025"},
    {"seniority on or after R although hired before: first year from S",
     "2025-06-02", "2025-11-03", NULL, AUTO, "", "2025-12-01",
     "2026-11-03 open/2025", "2026-11-03 upcoming/2025"},

    /* Leap days and month ends (rules.md §1). */
    {"leap-day anchor: 24 months later clamps to 28 February", "2015-03-02",
     NULL, NULL, AUTO, "P2016-02-29", "2017-06-01",
     "2017-03-02 on-time/2014, 2018-02-28 open/2014",
     "2018-02-28 upcoming/2014"},
    {"leap-day hire after R: first year clamps to 28 February", "2028-02-29",
     NULL, NULL, AUTO, "", "2028-03-01", "2029-02-28 open/2025",
     "2029-02-28 upcoming/2025"},
    {"month-end: missed anchors carry the clamped day", "2023-08-31", NULL,
     NULL, REGIME_2025, NULL, 6, "", "2025-03-10",
     "2024-08-31 missed/2025, 2025-02-28 missed/2025, "
     "2025-08-28 open/2025",
     "2024-08-31 overdue/2025"},

    /* Seniority start (§3). */
    {"hired before 2014-03-07: S is clamped to it", "2010-05-03", NULL, NULL,
     AUTO, "", "2015-01-01", "2016-03-07 open/2014",
     "2016-03-07 upcoming/2014"},
    {"seniority date before 2014-03-07 (transfer): clamped", "2015-01-05",
     "2013-01-01", NULL, AUTO, "", "2015-02-01", "2016-03-07 open/2014",
     "2016-03-07 upcoming/2014"},
    {"hired 2014-03-06: clamped by one day", "2014-03-06", NULL, NULL, AUTO, "",
     "2015-01-01", "2016-03-07 open/2014", "2016-03-07 upcoming/2014"},
    {"seniority date after the hire date is used as S", "2016-01-04",
     "2016-07-01", NULL, AUTO, "", "2017-01-01", "2018-07-01 open/2014",
     "2018-07-01 upcoming/2014"},

    /* Exit date (§3). */
    {"left before as-of: the chain stops at the exit, nothing open",
     "2016-01-04", NULL, "2019-06-30", AUTO, "", "2020-06-01",
     "2018-01-04 missed/2014", NULL},
    {"leaving after as-of: still open, nothing due after the exit",
     "2016-01-04", NULL, "2020-12-31", AUTO, "", "2020-06-01",
     "2018-01-04 missed/2014, 2020-01-04 missed/2014",
     "2018-01-04 overdue/2014"},
    {"exit on as-of: still employed that day, obligations stay open",
     "2016-01-04", NULL, "2020-06-01", AUTO, "", "2020-06-01",
     "2018-01-04 missed/2014, 2020-01-04 missed/2014",
     "2018-01-04 overdue/2014"},
    {"exit stops a chain whose last due date was met: nothing open",
     "2016-01-04", NULL, "2020-12-31", AUTO, "P2019-12-01", "2020-06-01",
     "2018-01-04 late/2014", NULL},
    {"a due date on the exit date still falls due", "2016-01-04", NULL,
     "2018-01-04", AUTO, "", "2017-06-01", "2018-01-04 open/2014",
     "2018-01-04 upcoming/2014"},

    /* Counting events. */
    {"a refused convocation counts, dated at its interview date", "2016-01-04",
     NULL, NULL, AUTO, "X2018-03-01", "2018-06-01",
     "2018-01-04 late/2014, 2020-03-01 open/2014", "2020-03-01 upcoming/2014"},
    {"a refusal answered before the due date for an interview after it "
     "is late, not on time",
     "2016-01-04", NULL, NULL, AUTO, "X2018-01-10", "2018-06-01",
     "2018-01-04 late/2014, 2020-01-10 open/2014", "2020-01-10 upcoming/2014"},
    {"a no-show (absent) does not count", "2016-01-04", NULL, NULL, AUTO,
     "A2018-03-01", "2018-06-01",
     "2018-01-04 missed/2014, 2020-01-04 open/2014", "2018-01-04 overdue/2014"},
    {"a convocation cancelled by the employer does not count", "2016-01-04",
     NULL, NULL, AUTO, "L2017-12-01", "2018-06-01",
     "2018-01-04 missed/2014, 2020-01-04 open/2014", "2018-01-04 overdue/2014"},
    {"a declined return offer does not count", "2016-01-04", NULL, NULL, AUTO,
     "Y2017-12-01", "2018-06-01",
     "2018-01-04 missed/2014, 2020-01-04 open/2014", "2018-01-04 overdue/2014"},
    {"a refused return convocation does not count (only periodic-type "
     "kinds)",
     "2016-01-04", NULL, NULL, AUTO, "R2017-12-01", "2018-06-01",
     "2018-01-04 missed/2014, 2020-01-04 open/2014", "2018-01-04 overdue/2014"},
    {"a return interview does not count by default", "2016-01-04", NULL, NULL,
     AUTO, "N2017-12-01", "2018-06-01",
     "2018-01-04 missed/2014, 2020-01-04 open/2014", "2018-01-04 overdue/2014"},
    {"a return interview with counts-as-periodic counts", "2016-01-04", NULL,
     NULL, AUTO, "C2017-12-01", "2018-06-01",
     "2018-01-04 on-time/2014, 2019-12-01 open/2014",
     "2019-12-01 upcoming/2014"},
    {"a recap interview counts", "2016-01-04", NULL, NULL, AUTO, "Q2017-12-01",
     "2018-06-01", "2018-01-04 on-time/2014, 2019-12-01 open/2014",
     "2019-12-01 upcoming/2014"},
    {"mid-career and end-of-career interviews count", "2016-01-04", NULL, NULL,
     AUTO, "M2017-12-01 E2019-11-01", "2020-06-01",
     "2018-01-04 on-time/2014, 2019-12-01 on-time/2014, "
     "2021-11-01 open/2014",
     "2021-11-01 upcoming/2014"},
    {"a refused recap convocation counts", "2016-01-04", NULL, NULL, AUTO,
     "Z2017-12-01", "2018-06-01",
     "2018-01-04 on-time/2014, 2019-12-01 open/2014",
     "2019-12-01 upcoming/2014"},
    {"two interviews before one due date: the first meets it, the "
     "second the next one (the first event after the anchor, §4)",
     "2016-01-04", NULL, NULL, AUTO, "P2017-06-01 P2017-12-01", "2018-06-01",
     "2018-01-04 on-time/2014, 2019-06-01 on-time/2014, "
     "2019-12-01 open/2014",
     "2019-12-01 upcoming/2014"},

    /* §7b: due dates in [2020-01-01, 2021-06-30] may be met until
     * 2021-06-30 (ordonnances 2020-387 and 2020-1501). */
    {"due 2019-12-31, the day before the window: an interview two months "
     "later is late",
     "2017-12-31", NULL, NULL, AUTO, "P2020-03-02", "2021-01-01",
     "2019-12-31 late/2014, 2022-03-02 open/2014", "2022-03-02 upcoming/2014"},
    {"due 2020-01-01, the window's first day: the same interview is on "
     "time",
     "2018-01-01", NULL, NULL, AUTO, "P2020-03-02", "2021-01-01",
     "2020-01-01 on-time/2014, 2022-03-02 open/2014",
     "2022-03-02 upcoming/2014"},
    {"due in the window, interview on 2021-06-30: on time", "2018-07-15", NULL,
     NULL, AUTO, "P2021-06-30", "2021-08-01",
     "2020-07-15 on-time/2014, 2023-06-30 open/2014",
     "2023-06-30 upcoming/2014"},
    {"due in the window, interview on 2021-07-01: late", "2018-07-15", NULL,
     NULL, AUTO, "P2021-07-01", "2021-08-01",
     "2020-07-15 late/2014, 2023-07-01 open/2014", "2023-07-01 upcoming/2014"},
    {"due 2021-06-30, the window's last day: on time that day", "2019-06-30",
     NULL, NULL, AUTO, "P2021-06-30", "2021-08-01",
     "2021-06-30 on-time/2014, 2023-06-30 open/2014",
     "2023-06-30 upcoming/2014"},
    {"due 2021-07-01, the day after the window: an interview the next day "
     "is late",
     "2019-07-01", NULL, NULL, AUTO, "P2021-07-02", "2021-08-01",
     "2021-07-01 late/2014, 2023-07-02 open/2014", "2023-07-02 upcoming/2014"},
    {"a refusal counts like an interview under the deferral", "2018-01-01",
     NULL, NULL, AUTO, "X2021-05-03", "2021-08-01",
     "2020-01-01 on-time/2014, 2023-05-03 open/2014",
     "2023-05-03 upcoming/2014"},
    {"§4 read literally: a deferred due date with no interview yet is "
     "missed once passed (the deferral decides what is on time, not the "
     "date)",
     "2018-01-01", NULL, NULL, AUTO, "", "2020-06-01",
     "2020-01-01 missed/2014, 2022-01-01 open/2014", "2020-01-01 overdue/2014"},
    {"deferral under a forced 2025 regime: first-year due date in the "
     "window",
     "2019-03-04", NULL, NULL, REGIME_2025, NULL, 0, "P2021-02-01",
     "2021-03-01", "2020-03-04 on-time/2025, 2025-02-01 open/2025",
     "2025-02-01 upcoming/2025"},
};

static void run(const struct chain_case *c)
{
	struct fx *fx = fx_new(c->hire, c->seniority, NULL);
	fx->d.employment.exit_date = D(c->exit);
	fx->company.rules.regime = c->regime;
	if (c->reform != NULL)
		fx->company.rules.reform_date = D(c->reform);
	fx->company.rules.periodicity_months = c->periodicity;
	fx->d.notice.delivered = true;
	fx->d.notice.date = fx->d.employment.hire_date;
	fx_events(fx, c->events);
	struct rules_facts *f = fx_facts(fx, c->as_of);

	if (strcmp(fx_chain(f), c->chain) != 0)
		fail_msg("%s:\n  chain %s\n  want  %s", c->reason, fx_chain(f),
			 c->chain);
	const struct rules_obligation *o = fx_obligation(f, RULES_OBL_PERIODIC);
	char open[64] = "";
	if (o != NULL)
		snprintf(open, sizeof(open), "%s %s/%d", ISO(o->due),
			 rules_obligation_state_name(o->state), (int)o->regime);
	if (strcmp(open, c->open != NULL ? c->open : "") != 0)
		fail_msg("%s:\n  open [%s]\n  want [%s]", c->reason, open,
			 c->open != NULL ? c->open : "");
	/* Every due date explains itself. */
	for (size_t i = 0; i < f->ndues; i++)
		if (f->dues[i].basis == NULL ||
		    strncmp(f->dues[i].basis, "régime ", 8) != 0)
			fail_msg("%s: due %zu has basis [%s]", c->reason, i,
				 f->dues[i].basis);
	rules_facts_free(f);
	fx_free(fx);
}

static void test_chain_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run(&cases[i]);
}

/* The basis sentences name the event or rule, Choices included. */
static void test_basis(void **state)
{
	(void)state;
	struct fx *fx = fx_new("2026-01-05", NULL, NULL);
	struct rules_facts *f = fx_facts(fx, "2026-02-01");
	assert_string_equal(f->dues[0].basis,
			    "régime 2025 : 12 mois après l'embauche du "
			    "2026-01-05 (premier entretien)");
	rules_facts_free(f);
	fx_free(fx);

	fx = fx_new("2012-06-18", NULL, NULL);
	fx_events(fx, "X2025-09-15");
	f = fx_facts(fx, "2026-11-26");
	assert_string_equal(f->dues[0].basis,
			    "régime 2014 : 24 mois après le 2014-03-07 (début "
			    "de la loi de 2014 pour le personnel déjà en "
			    "poste)");
	assert_string_equal(f->dues[1].basis,
			    "régime 2014 : 24 mois après l'échéance manquée du "
			    "2016-03-07 (choix : chaque période sans entretien "
			    "compte comme une échéance manquée)");
	assert_string_equal(f->dues[5].basis,
			    "régime 2025 : 48 mois après le refus de "
			    "l'entretien du 2025-09-15 (convocation 1) ; "
			    "l'échéance de 24 mois (2027-09-15) n'était pas "
			    "expirée au 2025-10-26, d'où le régime 2025 (Q&R "
			    "du ministère du Travail)");
	rules_facts_free(f);
	fx_free(fx);

	fx = fx_new("2026-01-05", NULL, NULL);
	fx->company.rules.periodicity_months = 24;
	fx_events(fx, "P2026-12-01");
	f = fx_facts(fx, "2027-02-01");
	assert_string_equal(f->dues[1].basis,
			    "régime 2025 : 24 mois (accord collectif sur la "
			    "périodicité) après l'entretien du 2026-12-01");
	rules_facts_free(f);
	fx_free(fx);

	fx = fx_new("2016-01-04", "2016-07-01", NULL);
	f = fx_facts(fx, "2017-01-01");
	assert_string_equal(f->dues[0].basis,
			    "régime 2014 : 24 mois après la date d'ancienneté "
			    "du 2016-07-01");
	assert_string_equal(f->seniority_basis,
			    "date d'ancienneté du 2016-07-01");
	rules_facts_free(f);
	fx_free(fx);

	/* §7b: the deferral is named in the basis of a due date in the
	 * window; a forced regime says it is the company's. */
	fx = fx_new("2018-01-01", NULL, NULL);
	fx_events(fx, "P2020-03-02");
	f = fx_facts(fx, "2021-01-01");
	assert_string_equal(f->dues[0].basis,
			    "régime 2014 : 24 mois après l'embauche du "
			    "2018-01-01 ; échéance comprise entre le "
			    "2020-01-01 et le 2021-06-30, entretien possible "
			    "jusqu'au 2021-06-30 (ordonnance n° 2020-387 du "
			    "1er avril 2020 modifiée par l'ordonnance n° "
			    "2020-1501 du 2 décembre 2020)");
	assert_false(f->dues[1].deferred);
	rules_facts_free(f);
	fx->company.rules.regime = REGIME_2014;
	f = fx_facts(fx, "2021-01-01");
	assert_string_equal(f->dues[1].basis,
			    "régime 2014 imposé par les règles de "
			    "l'entreprise : 24 mois après l'entretien du "
			    "2020-03-02");
	rules_facts_free(f);
	fx->company.rules.regime = REGIME_2025;
	f = fx_facts(fx, "2021-01-01");
	assert_string_equal(f->dues[0].basis,
			    "régime 2025 imposé par les règles de "
			    "l'entreprise : 12 mois après l'embauche du "
			    "2018-01-01 (premier entretien)");
	rules_facts_free(f);
	fx_free(fx);
}

/* The clamp is recorded, with the date given. */
static void test_seniority(void **state)
{
	(void)state;
	static const struct {
		const char *hire, *seniority, *S;
		bool clamped;
		const char *reason;
	} rows[] = {
	    {"2012-06-18", NULL, "2014-03-07", true, "hired before the law"},
	    {"2014-03-07", NULL, "2014-03-07", false, "hired on the day"},
	    {"2014-03-06", NULL, "2014-03-07", true, "one day before"},
	    {"2020-01-06", "2013-05-02", "2014-03-07", true,
	     "transfer with old seniority"},
	    {"2020-01-06", "2018-05-02", "2018-05-02", false,
	     "seniority date wins over hire date"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct fx *fx = fx_new(rows[i].hire, rows[i].seniority, NULL);
		struct rules_facts *f = fx_facts(fx, "2024-01-01");
		if (strcmp(ISO(f->seniority_start), rows[i].S) != 0 ||
		    f->seniority_clamped != rows[i].clamped)
			fail_msg("%s: S %s clamped %d", rows[i].reason,
				 ISO(f->seniority_start), f->seniority_clamped);
		rules_facts_free(f);
		fx_free(fx);
	}
}

/* The calendar ends in 2199: the chain and the periods stop there. */
static void test_calendar_end(void **state)
{
	(void)state;
	struct fx *fx = fx_new("2190-01-02", NULL, "2150-06-01");
	fx->company.rules.periodicity_months = 1;
	struct rules_facts *f = fx_facts(fx, "2199-12-31");
	assert_true(f->ndues > 100);
	assert_string_equal(ISO(f->dues[f->ndues - 1].date), "2199-12-02");
	assert_int_equal(f->dues[f->ndues - 1].state, RULES_DUE_MISSED);
	assert_true(f->nperiods >= 1);
	assert_false(f->end_of_career.owed);
	rules_facts_free(f);
	fx_free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_chain_table),
	    cmocka_unit_test(test_basis),
	    cmocka_unit_test(test_seniority),
	    cmocka_unit_test(test_calendar_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
