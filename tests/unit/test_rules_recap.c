/*
 * The état des lieux récapitulatif (rules.md §5): period ends, the facts
 * over each period, the cumulative abondement rule, the headcount
 * threshold, the recap interview window and the payment quarter.
 */
#include "rules_fixture.h"

struct recap_case {
	const char *reason;
	const char *hire, *exit;
	enum regime_choice regime;
	const char *reform; /* NULL: 2025-10-26 */
	long headcount;
	const char *events;	    /* rules_fixture.h codes */
	const char *trainings;	    /* N/M/C + end date: non-mandatory,
				       mandatory, mandatory certifying;
				       "N2021-12-20:2022-01-10" for a span */
	const char *certifications; /* dates */
	const char *progressions;   /* dates */
	const char *as_of;
	const char *periods; /* fx_periods() */
};

#define H	   "2016-01-04"
#define P1	   "2016-01-04..2022-01-04 6y/2014 final "
#define P2	   " | 2022-01-04..2030-01-04 8y/2025 provisional "
#define NOTHING_P2 P2 "0/0 ok=yes nmt=no cert=no prog=no 0"
/* Hired 2012, in post in 2014: S = 2014-03-07, P1 = 2020-03-07 (§7b). */
#define E  "2012-06-18"
#define E1 "2014-03-07..2020-03-07 6y/2014 final "
#define E2 " | 2020-03-07..2028-03-07 8y/2025 provisional "

static const struct recap_case cases[] = {
    /* The cumulative conditions, headcount 120. */
    {"no interview, no training: 3 000 €, paid by the end of the quarter "
     "after P1",
     H, NULL, REGIME_AUTO, NULL, 120, "", "", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=no prog=no 3000 2022-06-30" NOTHING_P2},
    {"every interview on time and a training: nothing owed", H, NULL,
     REGIME_AUTO, NULL, 120, "P2017-12-01 P2019-11-01 P2021-10-01",
     "N2019-05-10", "", "", "2022-06-01",
     P1 "3/3 ok=yes nmt=yes cert=no prog=no 0" NOTHING_P2},
    {"every interview on time, no training: nothing owed", H, NULL, REGIME_AUTO,
     NULL, 120, "P2017-12-01 P2019-11-01 P2021-10-01", "", "", "", "2022-06-01",
     P1 "3/3 ok=yes nmt=no cert=no prog=no 0" NOTHING_P2},
    {"interviews missed but a non-mandatory training: nothing owed "
     "(cumulative, Cass. soc. 2026)",
     H, NULL, REGIME_AUTO, NULL, 120, "", "N2019-05-10", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=yes cert=no prog=no 0" NOTHING_P2},
    {"a late interview is not on time: owed, and the next period "
     "projects it too",
     H, NULL, REGIME_AUTO, NULL, 120, "P2018-03-01", "", "", "", "2022-06-01",
     P1 "2/0 ok=no nmt=no cert=no prog=no 3000 2022-06-30" P2
	"1/0 ok=no nmt=no cert=no prog=no 3000 2030-06-30"},

    /* Headcount threshold. */
    {"headcount 50: the abondement applies", H, NULL, REGIME_AUTO, NULL, 50, "",
     "", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=no prog=no 3000 2022-06-30" NOTHING_P2},
    {"headcount 49: nothing owed although both criteria fail", H, NULL,
     REGIME_AUTO, NULL, 49, "", "", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=no prog=no 0" NOTHING_P2},

    /* What counts as training, certification, progression. */
    {"a mandatory training does not count", H, NULL, REGIME_AUTO, NULL, 120, "",
     "M2019-05-10", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=no prog=no 3000 2022-06-30" NOTHING_P2},
    {"a training counts in the period of its end date", H, NULL, REGIME_AUTO,
     NULL, 120, "", "N2021-12-20:2022-01-10", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=no prog=no 3000 2022-06-30" P2
	"0/0 ok=yes nmt=yes cert=no prog=no 0"},
    {"period 1 includes its start", H, NULL, REGIME_AUTO, NULL, 120, "",
     "N2016-01-04", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=yes cert=no prog=no 0" NOTHING_P2},
    {"P1 belongs to period 1, not to period 2", H, NULL, REGIME_AUTO, NULL, 120,
     "", "N2022-01-04", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=yes cert=no prog=no 0" NOTHING_P2},
    {"a certifying (mandatory) training is a certification, not a "
     "non-mandatory training; a progression in period 2",
     H, NULL, REGIME_AUTO, NULL, 120, "", "C2019-01-10", "", "2022-03-01",
     "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=yes prog=no 3000 2022-06-30" P2
	"0/0 ok=yes nmt=no cert=no prog=yes 0"},
    {"a certification in the period; one after as-of is ignored", H, NULL,
     REGIME_AUTO, NULL, 120, "", "", "2021-06-01 2022-07-01", "", "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=yes prog=no 3000 2022-06-30" NOTHING_P2},

    /* The recap interview and the payment date (R6323-3). */
    {"recap interview in (P1 - 12 m, P2 - 12 m]: payment after it", H, NULL,
     REGIME_AUTO, NULL, 120, "Q2022-05-10", "", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=no prog=no 3000 2022-09-30 recap=1" NOTHING_P2},
    {"a refused recap convocation is the recap interview", H, NULL, REGIME_AUTO,
     NULL, 120, "Z2022-05-10", "", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=no prog=no 3000 2022-09-30 recap=1" NOTHING_P2},
    {"a recap interview on P1 - 12 months is outside the window (it meets "
     "the 2020-01-04 due date, deferred to 2021-06-30 by §7b)",
     H, NULL, REGIME_AUTO, NULL, 120, "Q2021-01-04", "", "", "", "2022-06-01",
     P1 "2/1 ok=no nmt=no cert=no prog=no 3000 2022-06-30" NOTHING_P2},
    {"a refused recap convocation on P1 - 12 months is outside too (and "
     "meets the deferred 2020-01-04 due date)",
     H, NULL, REGIME_AUTO, NULL, 120, "Z2021-01-04", "", "", "", "2022-06-01",
     P1 "2/1 ok=no nmt=no cert=no prog=no 3000 2022-06-30" NOTHING_P2},
    {"a recap interview the day after P1 - 12 months is inside (and meets "
     "the deferred 2020-01-04 due date)",
     H, NULL, REGIME_AUTO, NULL, 120, "Q2021-01-05", "", "", "", "2022-06-01",
     P1 "2/1 ok=no nmt=no cert=no prog=no 3000 2021-06-30 recap=1" NOTHING_P2},
    {"P1 on a quarter's last day: paid by the next quarter's end", "2016-03-31",
     NULL, REGIME_AUTO, NULL, 120, "", "", "", "", "2022-06-01",
     "2016-03-31..2022-03-31 6y/2014 final 3/0 ok=no nmt=no cert=no "
     "prog=no 3000 2022-06-30 | 2022-03-31..2030-03-31 8y/2025 "
     "provisional 0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"P1 on a quarter's first day", "2016-04-01", NULL, REGIME_AUTO, NULL, 120,
     "", "", "", "", "2022-06-01",
     "2016-04-01..2022-04-01 6y/2014 final 3/0 ok=no nmt=no cert=no "
     "prog=no 3000 2022-09-30 | 2022-04-01..2030-04-01 8y/2025 "
     "provisional 0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"P1 on 31 December: paid by 31 March", "2015-12-31", NULL, REGIME_AUTO,
     NULL, 120, "", "", "", "", "2022-06-01",
     "2015-12-31..2021-12-31 6y/2014 final 3/0 ok=no nmt=no cert=no "
     "prog=no 3000 2022-03-31 | 2021-12-31..2029-12-31 8y/2025 "
     "provisional 0/0 ok=yes nmt=no cert=no prog=no 0"},

    /* Period ends: exit, regimes, the boundary, leap days. */
    {"a period ending after the exit date is not produced", H, "2022-01-03",
     REGIME_AUTO, NULL, 120, "", "", "", "", "2022-06-01", ""},
    {"a period ending on the exit date is produced, the next is not", H,
     "2022-01-04", REGIME_AUTO, NULL, 120, "", "", "", "", "2022-06-01",
     P1 "3/0 ok=no nmt=no cert=no prog=no 3000 2022-06-30"},
    {"forced 2014: 6 years even after R", "2022-01-03", NULL, REGIME_2014, NULL,
     120, "", "", "", "", "2026-11-26",
     "2022-01-03..2028-01-03 6y/2014 provisional 2/0 ok=no nmt=no "
     "cert=no prog=no 3000 2028-06-30"},
    {"forced 2025: 8 years even before R", H, NULL, REGIME_2025, NULL, 120, "",
     "", "", "", "2024-06-01",
     "2016-01-04..2024-01-04 8y/2025 final 2/0 ok=no nmt=no cert=no "
     "prog=no 3000 2024-06-30 | 2024-01-04..2032-01-04 8y/2025 "
     "provisional 0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"6 years ending the day before R stay 6", "2019-10-25", NULL, REGIME_AUTO,
     NULL, 120, "", "", "", "", "2026-11-26",
     "2019-10-25..2025-10-25 6y/2014 final 3/0 ok=no nmt=no cert=no "
     "prog=no 3000 2026-03-31 | 2025-10-25..2033-10-25 8y/2025 "
     "provisional 0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"6 years ending on R become 8", "2019-10-26", NULL, REGIME_AUTO, NULL, 120,
     "", "", "", "", "2026-11-26",
     "2019-10-26..2027-10-26 8y/2025 provisional 2/0 ok=no nmt=no "
     "cert=no prog=no 3000 2028-03-31"},
    {"leap-day seniority: 6 years later is 28 February", "2016-02-29", NULL,
     REGIME_AUTO, NULL, 120, "", "", "", "", "2022-06-01",
     "2016-02-29..2022-02-28 6y/2014 final 3/0 ok=no nmt=no cert=no "
     "prog=no 3000 2022-06-30 | 2022-02-28..2030-02-28 8y/2025 "
     "provisional 0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"company reform date 2026-10-01: 6 years to 2026-06-01 stay 6",
     "2020-06-01", NULL, REGIME_AUTO, "2026-10-01", 120, "", "", "", "",
     "2026-11-26",
     "2020-06-01..2026-06-01 6y/2014 final 3/0 ok=no nmt=no cert=no "
     "prog=no 3000 2026-09-30 | 2026-06-01..2034-06-01 8y/2025 "
     "provisional 0/0 ok=yes nmt=no cert=no prog=no 0"},

    /* §7b: P1 = 2020-03-07 for staff in post in 2014 (S clamped). */
    {"P1 in the window, nothing at all: 3 000 € under the option, paid "
     "by the quarter after 2021-06-30",
     E, NULL, REGIME_AUTO, NULL, 120, "", "", "", "", "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=0" E2
	"1/0 ok=no nmt=no cert=no prog=no 3000 2028-06-30"},
    {"option: one measure (a mandatory training) is not enough (E0107)", E,
     NULL, REGIME_AUTO, NULL, 120, "", "M2016-04-04", "", "", "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=1" E2
	"1/0 ok=no nmt=no cert=no prog=no 3000 2028-06-30"},
    {"option: two measures (mandatory training and progression) owe "
     "nothing, the more favourable test",
     E, NULL, REGIME_AUTO, NULL, 120, "", "M2016-04-04", "", "2019-05-02",
     "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=yes 0 option m=2 decided" E2
	"1/0 ok=no nmt=no cert=no prog=no 3000 2028-06-30"},
    {"option: certification and progression without any training", E, NULL,
     REGIME_AUTO, NULL, 120, "", "", "2018-06-01", "2019-05-02", "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=yes prog=yes 0 option m=2 decided" E2
	"1/0 ok=no nmt=no cert=no prog=no 3000 2028-06-30"},
    {"a certifying mandatory training is two measures (training and "
     "certification)",
     E, NULL, REGIME_AUTO, NULL, 120, "", "C2017-03-10", "", "", "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=yes prog=no 0 option m=2 decided" E2
	"1/0 ok=no nmt=no cert=no prog=no 3000 2028-06-30"},
    {"sanctions suspended: a non-mandatory training on 2021-06-30 counts "
     "for P1 (and for period 2, where it is)",
     E, NULL, REGIME_AUTO, NULL, 120, "", "N2021-06-30", "", "", "2022-06-01",
     E1 "3/0 ok=no nmt=yes cert=no prog=no 0 option m=1" E2
	"1/0 ok=no nmt=yes cert=no prog=no 0"},
    {"a non-mandatory training on 2021-07-01 is too late for P1", E, NULL,
     REGIME_AUTO, NULL, 120, "", "N2021-07-01", "", "", "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=0" E2
	"1/0 ok=no nmt=yes cert=no prog=no 0"},
    {"a progression on 2021-06-30 is a measure for P1, one on 2021-07-01 "
     "is not",
     E, NULL, REGIME_AUTO, NULL, 120, "", "M2016-04-04", "", "2021-07-01",
     "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=1" E2
	"1/0 ok=no nmt=no cert=no prog=yes 3000 2028-06-30"},
    {"facts up to 2021-06-30 count only if on record by as-of", E, NULL,
     REGIME_AUTO, NULL, 120, "", "N2021-05-10", "", "", "2021-03-01",
     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=0" E2
	"0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"deferral: an interview on 2021-06-30 meets the 2020-03-07 due date "
     "on time",
     E, NULL, REGIME_AUTO, NULL, 120, "P2021-06-30", "", "", "", "2022-06-01",
     E1 "3/1 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=0" E2
	"0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"an interview on 2021-07-01 is late for the 2020-03-07 due date", E, NULL,
     REGIME_AUTO, NULL, 120, "P2021-07-01", "", "", "", "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=0" E2
	"0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"a recap interview held by 2021-06-30: payment the quarter after "
     "2021-06-30",
     E, NULL, REGIME_AUTO, NULL, 120, "Q2021-05-10", "", "", "", "2022-06-01",
     E1 "3/1 ok=no nmt=no cert=no prog=no 3000 2021-09-30 recap=1 option "
	"m=0" E2 "0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"a recap interview after 2021-06-30: payment the quarter after it", E,
     NULL, REGIME_AUTO, NULL, 120, "Q2021-10-04", "", "", "", "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2022-03-31 recap=1 option "
	"m=0" E2 "0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"S = 2015-06-30: P1 = 2021-06-30, the window's last day, under the "
     "option",
     "2015-06-30", NULL, REGIME_AUTO, NULL, 120, "", "", "", "", "2022-06-01",
     "2015-06-30..2021-06-30 6y/2014 final 3/0 ok=no nmt=no cert=no "
     "prog=no 3000 2021-09-30 option m=0 | 2021-06-30..2029-06-30 8y/2025 "
     "provisional 0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"S = 2015-07-01: P1 = 2021-07-01, the day after the window: the 2018 "
     "test alone",
     "2015-07-01", NULL, REGIME_AUTO, NULL, 120, "", "", "", "", "2022-06-01",
     "2015-07-01..2021-07-01 6y/2014 final 3/0 ok=no nmt=no cert=no "
     "prog=no 3000 2021-12-31 | 2021-07-01..2029-07-01 8y/2025 "
     "provisional 0/0 ok=yes nmt=no cert=no prog=no 0"},
    {"headcount 49 under the option: nothing owed", E, NULL, REGIME_AUTO, NULL,
     49, "", "", "", "", "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=no 0 option m=0" E2
	"1/0 ok=no nmt=no cert=no prog=no 0"},
    {"headcount 49 with two measures: the option decides nothing, the "
     "headcount does",
     E, NULL, REGIME_AUTO, NULL, 49, "", "M2016-04-04", "", "2019-05-02",
     "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=yes 0 option m=2" E2
	"1/0 ok=no nmt=no cert=no prog=no 0"},
    {"forced 2014: the window applies to 6-year periods as well", E, NULL,
     REGIME_2014, NULL, 120, "", "", "", "", "2022-06-01",
     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=0 | "
	"2020-03-07..2026-03-07 6y/2014 provisional 1/0 ok=no nmt=no "
	"cert=no prog=no 3000 2026-06-30"},

};

/* Appends each space-separated date of list with add(). */
static void each_date(struct fx *fx, const char *list,
		      void (*add)(struct fx *, const char *))
{
	char date[11];
	for (const char *p = list; *p != '\0';) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		memcpy(date, p, 10);
		date[10] = '\0';
		add(fx, date);
		p += 10;
	}
}

static void add_trainings(struct fx *fx, const char *list)
{
	char start[11], end[11];
	for (const char *p = list; *p != '\0';) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		char code = *p++;
		memcpy(start, p, 10);
		start[10] = '\0';
		p += 10;
		strcpy(end, start);
		if (*p == ':') {
			memcpy(end, p + 1, 10);
			end[10] = '\0';
			p += 11;
		}
		struct training *t = fx_training(fx, start, end, code != 'N');
		t->certifying = code == 'C';
	}
}

static const char *fx_periods(const struct rules_facts *f)
{
	static char buf[2048];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->nperiods; i++) {
		const struct rules_period *p = &f->periods[i];
		len += (size_t)snprintf(
		    buf + len, sizeof(buf) - len,
		    "%s%s..%s %dy/%d %s %d/%d ok=%s nmt=%s cert=%s "
		    "prog=%s %ld",
		    i > 0 ? " | " : "", ISO(p->start), ISO(p->end), p->years,
		    (int)p->regime, p->final ? "final" : "provisional",
		    p->interviews_due, p->interviews_on_time,
		    p->interviews_ok ? "yes" : "no",
		    p->non_mandatory_training ? "yes" : "no",
		    p->certification ? "yes" : "no",
		    p->progression ? "yes" : "no", p->abondement_eur);
		if (p->payment_due != DATE_NONE)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						" %s", ISO(p->payment_due));
		if (p->recap.type != RULES_EVENT_NONE)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						" recap=%s", p->recap.id);
		if (p->test == RULES_TEST_2018_OPTION)
			len += (size_t)snprintf(
			    buf + len, sizeof(buf) - len, " option m=%d%s",
			    p->measures, p->option_decided ? " decided" : "");
		if (p->paid != NULL)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						" paid=%s", ISO(p->paid->paid));
	}
	return buf;
}

static void test_recap_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct recap_case *c = &cases[i];
		struct fx *fx = fx_new(c->hire, NULL, NULL);
		fx->d.employment.exit_date = D(c->exit);
		fx->company.rules.regime = c->regime;
		if (c->reform != NULL)
			fx->company.rules.reform_date = D(c->reform);
		fx->company.headcount = c->headcount;
		fx_events(fx, c->events);
		add_trainings(fx, c->trainings);
		each_date(fx, c->certifications, fx_certification);
		each_date(fx, c->progressions, fx_progression);
		struct rules_facts *f = fx_facts(fx, c->as_of);
		if (strcmp(fx_periods(f), c->periods) != 0)
			fail_msg("%s:\n  got  %s\n  want %s", c->reason,
				 fx_periods(f), c->periods);
		for (size_t k = 0; k < f->nperiods; k++)
			if (f->periods[k].basis == NULL ||
			    f->periods[k].verdict == NULL)
				fail_msg("%s: period %zu has no basis",
					 c->reason, k + 1);
		rules_facts_free(f);
		fx_free(fx);
	}
}

/* Payments on record (<abondements>): shown on their period only. */
static void test_recap_payments(void **state)
{
	(void)state;
	static const struct {
		const char *period_end, *paid, *as_of, *want, *reason;
	} rows[] = {
	    {"2020-03-07", "2021-09-15", "2022-06-01",
	     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=0 "
		"paid=2021-09-15" E2
		"1/0 ok=no nmt=no cert=no prog=no 3000 2028-06-30",
	     "a payment recorded for P1 is shown; the facts are unchanged"},
	    {"2020-03-07", "2021-09-15", "2021-09-01",
	     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=0" E2
		"0/0 ok=yes nmt=no cert=no prog=no 0",
	     "a payment dated after as-of is not on record yet"},
	    {"2020-03-06", "2021-09-15", "2022-06-01",
	     E1 "3/0 ok=no nmt=no cert=no prog=no 3000 2021-09-30 option m=0" E2
		"1/0 ok=no nmt=no cert=no prog=no 3000 2028-06-30",
	     "a payment for another period end belongs to no period"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct fx *fx = fx_new(E, NULL, NULL);
		fx_abondement(fx, rows[i].period_end, rows[i].paid, 3000);
		struct rules_facts *f = fx_facts(fx, rows[i].as_of);
		if (strcmp(fx_periods(f), rows[i].want) != 0)
			fail_msg("%s:\n  got  %s\n  want %s", rows[i].reason,
				 fx_periods(f), rows[i].want);
		rules_facts_free(f);
		fx_free(fx);
	}
}

/* Open recap obligations: final periods without a recap interview
 * (overdue), and the running period unless its interview is held. */
static void test_recap_obligations(void **state)
{
	(void)state;
	static const struct {
		const char *events, *as_of, *want, *reason;
	} rows[] = {
	    {"", "2022-06-01",
	     "recap 2022-01-04 overdue, recap 2030-01-04 upcoming",
	     "final period without its interview, and the running one"},
	    {"Q2022-05-10", "2022-06-01", "recap 2030-01-04 upcoming",
	     "the final period's recap interview is held"},
	    {"Q2029-06-01", "2029-07-01", "recap 2022-01-04 overdue",
	     "the running period's recap interview is already held"},
	    {"", "2022-01-04",
	     "recap 2022-01-04 upcoming, recap 2030-01-04 upcoming",
	     "a period ending on as-of is final but not yet overdue"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct fx *fx = fx_new(H, NULL, "1990-01-01");
		fx->d.notice.delivered = true;
		fx->d.notice.date = D(H);
		fx_events(fx, rows[i].events);
		struct rules_facts *f = fx_facts(fx, rows[i].as_of);
		char got[256] = "";
		size_t len = 0;
		for (size_t k = 0; k < f->nobligations; k++) {
			const struct rules_obligation *o = &f->obligations[k];
			if (o->kind != RULES_OBL_RECAP)
				continue;
			len += (size_t)snprintf(
			    got + len, sizeof(got) - len, "%srecap %s %s",
			    len > 0 ? ", " : "", ISO(o->due),
			    rules_obligation_state_name(o->state));
			assert_ptr_equal(o->period->end, o->due);
		}
		if (strcmp(got, rows[i].want) != 0)
			fail_msg("%s: got [%s], want [%s]", rows[i].reason, got,
				 rows[i].want);
		rules_facts_free(f);
		fx_free(fx);
	}
}

/* The verdict sentence states the decision and its reason. */
static void test_verdicts(void **state)
{
	(void)state;
	struct fx *fx = fx_new(H, NULL, NULL);
	fx->company.headcount = 2480;
	struct rules_facts *f = fx_facts(fx, "2022-06-01");
	assert_string_equal(f->periods[0].verdict,
			    "abondement correctif de 3\u202f000\u00a0€ : "
			    "entretiens prévus non tous réalisés (3 entretiens "
			    "prévus, 0 à temps) et aucune formation non "
			    "obligatoire, effectif de 2\u202f480 ; à verser à "
			    "la Caisse des dépôts, qui gère le CPF, au plus "
			    "tard le 2022-06-30 (R6323-3)");
	rules_facts_free(f);
	fx_training(fx, "2019-05-10", NULL, false);
	f = fx_facts(fx, "2022-06-01");
	assert_string_equal(f->periods[0].verdict,
			    "pas d'abondement correctif : entretiens prévus "
			    "non tous réalisés (3 entretiens prévus, 0 à "
			    "temps), mais au moins une formation non "
			    "obligatoire ; les deux conditions sont "
			    "cumulatives (Cass. soc., 21 janvier 2026, "
			    "n° 24-12.972)");
	rules_facts_free(f);
	fx->company.headcount = 49;
	f = fx_facts(fx, "2022-06-01");
	assert_string_equal(f->periods[0].verdict,
			    "pas d'abondement correctif : effectif de 49, "
			    "inférieur à 50");
	rules_facts_free(f);
	fx_free(fx);
	/* abondement-eur="0": nothing owed, no payment date (rules.md §5). */
	fx = fx_new(H, NULL, NULL);
	fx->company.rules.abondement_eur = 0;
	f = fx_facts(fx, "2022-06-01");
	assert_int_equal(f->periods[0].abondement_eur, 0);
	assert_int_equal(f->periods[0].payment_due, DATE_NONE);
	assert_string_equal(f->periods[0].verdict,
			    "pas d'abondement correctif : entretiens prévus "
			    "non tous réalisés (3 entretiens prévus, 0 à "
			    "temps) et aucune formation non obligatoire, mais "
			    "le montant est fixé à 0\u00a0€ par les règles de "
			    "l'entreprise");
	rules_facts_free(f);
	fx_free(fx);
}

/* §7b: the verdict says which test decided, and names a payment. */
static void test_option_verdicts(void **state)
{
	(void)state;
	struct fx *fx = fx_new(E, NULL, NULL);
	fx_training(fx, "2016-04-04", NULL, true);
	struct rules_facts *f = fx_facts(fx, "2022-06-01");
	assert_string_equal(
	    f->periods[0].verdict,
	    "abondement correctif de 3\u202f000\u00a0€ : entretiens prévus non "
	    "tous réalisés (3 entretiens prévus, 0 à temps) et aucune "
	    "formation non obligatoire, effectif de 120 ; droit d'option de "
	    "l'ordonnance n° 2019-861 du 21 août 2019 : une seule des trois "
	    "mesures en vigueur au 31 décembre 2018 (formation, "
	    "certification, progression salariale ou professionnelle) : "
	    "formation, il en faut deux ; à verser à la Caisse des dépôts, "
	    "qui gère le CPF, au plus tard le 2021-09-30 (R6323-3, sanctions "
	    "suspendues jusqu'au 2021-06-30 par l'ordonnance n° 2020-387 du "
	    "1er avril 2020 modifiée par l'ordonnance n° 2020-1501 du 2 "
	    "décembre 2020)");
	rules_facts_free(f);

	fx_abondement(fx, "2020-03-07", "2021-09-20", 3000)->reference =
	    "CDC-42";
	f = fx_facts(fx, "2022-06-01");
	const char *v = f->periods[0].verdict;
	const char *tail = " ; versement de 3\u202f000\u00a0€ enregistré le "
			   "2021-09-20, référence CDC-42";
	assert_true(strlen(v) > strlen(tail));
	assert_string_equal(v + strlen(v) - strlen(tail), tail);
	rules_facts_free(f);

	fx_progression(fx, "2019-05-02");
	f = fx_facts(fx, "2022-06-01");
	assert_true(f->periods[0].option_decided);
	assert_true(strncmp(f->periods[0].verdict,
			    "pas d'abondement correctif, par le droit d'option "
			    "de l'ordonnance n° 2019-861 du 21 août 2019 : ",
			    strlen("pas d'abondement correctif, par le droit "
				   "d'option de l'ordonnance n° 2019-861 du 21 "
				   "août 2019 : ")) == 0);
	assert_non_null(strstr(f->periods[0].verdict,
			       "mais deux des trois mesures en vigueur au 31 "
			       "décembre 2018 (formation, certification, "
			       "progression salariale ou professionnelle) : "
			       "formation, progression ; le test le plus "
			       "favorable à l'employeur est retenu"));
	rules_facts_free(f);
	fx_free(fx);

	/* A non-mandatory training: the 2018 test decides alone. */
	fx = fx_new(E, NULL, NULL);
	fx_training(fx, "2019-04-01", NULL, false);
	f = fx_facts(fx, "2022-06-01");
	assert_false(f->periods[0].option_decided);
	assert_non_null(strstr(f->periods[0].verdict,
			       " ; test de 2018 retenu, sans recours au droit "
			       "d'option"));
	rules_facts_free(f);
	fx_free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_recap_table),
	    cmocka_unit_test(test_recap_payments),
	    cmocka_unit_test(test_recap_obligations),
	    cmocka_unit_test(test_verdicts),
	    cmocka_unit_test(test_option_verdicts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
