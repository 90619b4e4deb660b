/*
 * Unit tests of the dashboard's sums (dashboard.c): the calendar's
 * window, the refusals' twelve months, the capped lists and their
 * order, the money and the groups, the links a manifest row gives; and
 * that the page escapes dossier text (dashboard_html.c).  Dossiers and
 * facts are built by hand: only the fields the dashboard reads.
 */
/* cmocka needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"

static date_t ymd(const char *iso)
{
	date_t d;
	assert_true(date_parse(iso, &d));
	return d;
}

/* One dossier with the fields the dashboard reads. */
struct fixture {
	struct company company;
	struct dossier d;
	struct rules_facts f;
	struct rules_obligation ob[4];
	struct rules_period period[2];
	struct convocation conv[4];
};

static void fixture(struct fixture *x, const char *id, const char *family)
{
	memset(x, 0, sizeof(*x));
	x->company.name = "ACME";
	x->d.id = id;
	x->d.company = &x->company;
	x->d.employee.family_name = family;
	x->d.employee.given_name = "Léa";
	x->d.convocations = x->conv;
	x->f.obligations = x->ob;
	x->f.periods = x->period;
}

static void obligation(struct fixture *x, enum rules_obligation_kind kind,
		       const char *due, date_t as_of)
{
	struct rules_obligation *o = &x->ob[x->f.nobligations++];
	o->kind = kind;
	o->due = ymd(due);
	o->state = o->due < as_of ? RULES_OVERDUE : RULES_UPCOMING;
	o->regime = RULES_REGIME_2025;
	o->basis = "une phrase";
}

/* ---- the calendar ---------------------------------------------------- */

static const struct {
	const char *due;
	int month; /* index of its bar, -1 before, 12 after */
	const char *why;
} months[] = {
    {"2026-06-01", 0, "first day of the window: as-of month less 5"},
    {"2026-05-31", -1, "the day before the window: before"},
    {"2026-11-25", 5, "the day before as-of: the as-of month, overdue"},
    {"2026-11-26", 5, "as-of itself: the as-of month, upcoming"},
    {"2027-05-31", 11, "last day of the twelfth month"},
    {"2027-06-01", 12, "the day after the window: after"},
};

static void test_calendar(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	for (size_t i = 0; i < sizeof(months) / sizeof(*months); i++) {
		struct dashboard *db = dashboard_new(as_of, -1);
		struct fixture x;
		fixture(&x, "A", "Martin");
		obligation(&x, RULES_OBL_PERIODIC, months[i].due, as_of);
		assert_true(dashboard_add(db, &x.d, &x.f));
		unsigned long got =
		    months[i].month < 0 ? db->before
		    : months[i].month == 12
			? db->after
			: db->month[months[i].month][x.ob[0].state];
		if (got != 1)
			fail_msg("%s: %s", months[i].due, months[i].why);
		dashboard_free(db);
	}
}

/* ---- --within: the rows of status.csv, no more ----------------------- */

static void test_within(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	struct dashboard *db = dashboard_new(as_of, 30);
	struct fixture x;
	fixture(&x, "A", "Martin");
	obligation(&x, RULES_OBL_RECAP, "2020-03-07", as_of);	 /* overdue */
	obligation(&x, RULES_OBL_PERIODIC, "2026-12-26", as_of); /* day 30 */
	obligation(&x, RULES_OBL_PERIODIC, "2026-12-27", as_of); /* day 31 */
	assert_true(dashboard_add(db, &x.d, &x.f));
	assert_int_equal(db->open[RULES_OBL_RECAP][RULES_OVERDUE], 1);
	assert_int_equal(db->open[RULES_OBL_PERIODIC][RULES_UPCOMING], 1);
	assert_int_equal(db->due_90, 1);
	dashboard_free(db);
}

/* ---- the overdue list: status.csv's order, capped -------------------- */

static void test_overdue_cap(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	struct dashboard *db = dashboard_new(as_of, -1);
	/* More than the cap, the latest first, so that each new one evicts:
	 * dossier i is due i days after 2000-01-01. */
	int n = DASHBOARD_OVERDUE_MAX + 50;
	for (int i = n - 1; i >= 0; i--) {
		char id[16], due[DATE_ISO_LEN];
		snprintf(id, sizeof(id), "D%04d", i);
		date_fmt_iso(date_add_days(ymd("2000-01-01"), i), due);
		struct fixture x;
		fixture(&x, id, "Martin");
		obligation(&x, RULES_OBL_PERIODIC, due, as_of);
		assert_true(dashboard_add(db, &x.d, &x.f));
	}
	assert_int_equal(db->overdue_total, n);
	assert_int_equal(db->noverdue, DASHBOARD_OVERDUE_MAX);
	for (size_t i = 0; i < db->noverdue; i++) {
		char id[32];
		snprintf(id, sizeof(id), "D%04zu", i);
		assert_string_equal(db->overdue[i].dossier, id);
	}
	dashboard_free(db);
}

static void test_overdue_ties(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	struct dashboard *db = dashboard_new(as_of, -1);
	struct fixture x;
	/* Same due date: dossier id, then input order (status.csv). */
	fixture(&x, "B", "Martin");
	obligation(&x, RULES_OBL_RECAP, "2024-01-01", as_of);
	obligation(&x, RULES_OBL_PERIODIC, "2024-01-01", as_of);
	assert_true(dashboard_add(db, &x.d, &x.f));
	fixture(&x, "A", "Petit");
	obligation(&x, RULES_OBL_NOTICE, "2024-01-01", as_of);
	assert_true(dashboard_add(db, &x.d, &x.f));
	assert_int_equal(db->noverdue, 3);
	assert_string_equal(db->overdue[0].dossier, "A");
	assert_int_equal(db->overdue[1].kind, RULES_OBL_RECAP);
	assert_int_equal(db->overdue[2].kind, RULES_OBL_PERIODIC);
	assert_string_equal(db->overdue[0].employee, "PETIT Léa");
	assert_int_equal(db->employees_overdue, 2);
	dashboard_free(db);
}

/* ---- refusals: the twelve months before as-of ------------------------ */

static const struct {
	const char *response;
	enum outcome outcome;
	bool counted;
	const char *why;
} answers[] = {
    {"2026-11-26", OUTCOME_REFUSED, true, "on as-of"},
    {"2025-11-27", OUTCOME_DECLINED, true, "the first day of the 12 months"},
    {"2025-11-26", OUTCOME_REFUSED, false, "12 months before: out"},
    {"2026-11-27", OUTCOME_REFUSED, false, "after as-of: not yet recorded"},
    {"2026-06-01", OUTCOME_HELD, false, "held, not refused"},
};

static void test_refusals(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	for (size_t i = 0; i < sizeof(answers) / sizeof(*answers); i++) {
		struct dashboard *db = dashboard_new(as_of, -1);
		struct fixture x;
		fixture(&x, "A", "Martin");
		x.conv[0].outcome = answers[i].outcome;
		x.conv[0].kind = KIND_PERIODIC;
		x.conv[0].response_date = ymd(answers[i].response);
		x.d.nconvocations = 1;
		assert_true(dashboard_add(db, &x.d, &x.f));
		if (db->refusals_total != answers[i].counted ||
		    db->nrefusals != answers[i].counted)
			fail_msg("%s: %s", answers[i].response, answers[i].why);
		dashboard_free(db);
	}
}

static void test_refusals_latest_first(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	struct dashboard *db = dashboard_new(as_of, -1);
	int n = DASHBOARD_REFUSALS_MAX + 20;
	for (int i = 0; i < n; i++) {
		char id[16];
		snprintf(id, sizeof(id), "R%04d", i);
		struct fixture x;
		fixture(&x, id, "Martin");
		x.conv[0].outcome = OUTCOME_REFUSED;
		x.conv[0].response_date = date_add_days(ymd("2026-01-01"), i);
		x.d.nconvocations = 1;
		assert_true(dashboard_add(db, &x.d, &x.f));
	}
	assert_int_equal(db->refusals_total, n);
	assert_int_equal(db->nrefusals, DASHBOARD_REFUSALS_MAX);
	char last[16];
	snprintf(last, sizeof(last), "R%04d", n - 1);
	assert_string_equal(db->refusals[0].dossier, last);
	for (size_t i = 1; i < db->nrefusals; i++)
		assert_true(db->refusals[i - 1].response >
			    db->refusals[i].response);
	dashboard_free(db);
}

/* ---- money and groups ------------------------------------------------ */

static void test_money_groups(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	struct dashboard *db = dashboard_new(as_of, -1);
	struct fixture x;
	fixture(&x, "A", "Martin");
	x.d.employment.department = "Atelier";
	x.period[0] =
	    (struct rules_period){.final = true, .abondement_eur = 3000};
	x.period[1] =
	    (struct rules_period){.final = false, .abondement_eur = 3000};
	x.f.nperiods = 2;
	obligation(&x, RULES_OBL_RECAP, "2020-01-01", as_of);
	assert_true(dashboard_add(db, &x.d, &x.f));
	fixture(&x, "B", "Petit");
	x.d.employment.department = "Atelier";
	x.period[0] =
	    (struct rules_period){.final = true, .abondement_eur = 3000};
	x.f.nperiods = 1;
	assert_true(dashboard_add(db, &x.d, &x.f));
	fixture(&x, "C", "Roux");
	assert_true(dashboard_add(db, &x.d, &x.f));

	assert_int_equal(db->owed.eur, 6000);
	assert_int_equal(db->owed.periods, 2);
	assert_int_equal(db->owed.employees, 2);
	assert_int_equal(db->projected.eur, 3000);
	assert_int_equal(db->projected.employees, 1);
	assert_int_equal(db->departments.n, 1);
	assert_int_equal(db->departments.named, 2);
	const struct dashboard_group *g = &db->departments.g[0];
	assert_string_equal(g->name, "Atelier");
	assert_int_equal(g->employees, 2);
	assert_int_equal(g->employees_overdue, 1);
	assert_int_equal(g->overdue, 1);
	assert_int_equal(g->owed_eur, 6000);
	assert_int_equal(db->managers.named, 0);
	assert_int_equal(db->paid.periods, 0);
	assert_int_equal(db->unpaid.eur, 6000);
	dashboard_free(db);
}

static const struct {
	long paid; /* the recorded amount; -2: no payment; -1: no amount */
	long long paid_eur, unpaid_eur;
	const char *why;
} payments[] = {
    {-2, 0, 3000, "no payment: all of it still to pay"},
    {3000, 3000, 0, "paid in full"},
    {1000, 1000, 2000, "a partial payment leaves the rest owed"},
    {-1, 0, 3000, "a payment without amount pays nothing (rules_stats.c)"},
};

static void test_money_paid(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	for (size_t i = 0; i < sizeof(payments) / sizeof(*payments); i++) {
		struct dashboard *db = dashboard_new(as_of, -1);
		struct fixture x;
		fixture(&x, "A", "Martin");
		struct abondement a = {.period_end = ymd("2020-03-07"),
				       .paid = ymd("2021-09-20"),
				       .amount_eur = payments[i].paid};
		x.period[0] = (struct rules_period){
		    .final = true,
		    .abondement_eur = 3000,
		    .paid = payments[i].paid == -2 ? NULL : &a};
		x.f.nperiods = 1;
		assert_true(dashboard_add(db, &x.d, &x.f));
		if (db->owed.eur != 3000 ||
		    db->paid.eur != payments[i].paid_eur ||
		    db->unpaid.eur != payments[i].unpaid_eur ||
		    db->paid.periods != (payments[i].paid != -2) ||
		    db->unpaid.periods != (payments[i].unpaid_eur > 0))
			fail_msg("%s", payments[i].why);
		dashboard_free(db);
	}
}

static void test_groups_cap(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	struct dashboard *db = dashboard_new(as_of, -1);
	for (int i = 0; i < DASHBOARD_GROUPS_MAX + 5; i++) {
		char dept[16];
		snprintf(dept, sizeof(dept), "S%04d", i);
		struct fixture x;
		fixture(&x, "A", "Martin");
		x.d.employment.manager = dept;
		assert_true(dashboard_add(db, &x.d, &x.f));
	}
	assert_int_equal(db->managers.n, DASHBOARD_GROUPS_MAX);
	assert_int_equal(db->managers.others.employees, 5);
	assert_int_equal(db->managers.named, DASHBOARD_GROUPS_MAX + 5);
	dashboard_free(db);
}

/* ---- links from manifest rows ---------------------------------------- */

static void test_links(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	struct dashboard *db = dashboard_new(as_of, -1);
	struct fixture x;
	fixture(&x, "A", "Martin");
	obligation(&x, RULES_OBL_RECAP, "2023-09-04", as_of);
	assert_true(dashboard_add(db, &x.d, &x.f));
	static const char rows[] =
	    "A/A_MARTIN_notice_2017-09-04.pdf,h,1,A,notice,2026-11-26\n"
	    "A/A_MARTIN_report-blank_2028-01-08.pdf,h,1,A,report-blank,x\n"
	    "A/A_MARTIN_report-blank_2023-09-04.pdf,h,1,A,report-blank,x\n"
	    "\"A/x,y.pdf\",h,1,A,recap,x\n"
	    "A/A_MARTIN_recap_2023-09-04.pdf,h,1,A,recap,2026-11-26\n"
	    "A/A_MARTIN_letter-convocation_2019-08-12.odt,h,1,A,"
	    "letter-convocation,x\n"
	    "A/A_MARTIN_letter-proposal_2019-08-13.odt,h,1,A,"
	    "letter-proposal,x\n";
	assert_true(dashboard_add_documents(db, "B", rows, strlen(rows)));
	assert_int_equal(db->overdue[0].nlinks, 0); /* another dossier's */
	assert_true(dashboard_add_documents(db, "A", rows, strlen(rows)));
	const struct dashboard_overdue *o = &db->overdue[0];
	assert_int_equal(o->nlinks, DASHBOARD_LINKS_MAX);
	assert_int_equal(o->ndocs, 6); /* the quoted row is not ours */
	/* Its due date's documents first, in manifest order, then by kind. */
	assert_string_equal(o->links[0].path,
			    "A/A_MARTIN_report-blank_2023-09-04.pdf");
	assert_string_equal(o->links[1].path,
			    "A/A_MARTIN_recap_2023-09-04.pdf");
	assert_int_equal(o->links[1].date, ymd("2023-09-04"));
	assert_string_equal(o->links[2].document, "letter-convocation");
	assert_int_equal(o->links[2].date, ymd("2019-08-12"));
	assert_string_equal(o->links[3].document, "letter-proposal");
	dashboard_free(db);
}

/* ---- the page escapes what dossiers say ------------------------------ */

static void test_html_escapes(void **state)
{
	(void)state;
	date_t as_of = ymd("2026-11-26");
	struct dashboard *db = dashboard_new(as_of, -1);
	struct fixture x;
	fixture(&x, "A", "<script>\"&'");
	x.company.name = "Ben & <Fils>";
	x.d.employment.department = "<b>R&D</b>";
	obligation(&x, RULES_OBL_PERIODIC, "2024-01-01", as_of);
	x.ob[0].basis = "a < b";
	assert_true(dashboard_add(db, &x.d, &x.f));
	struct rules_stats stats;
	rules_stats_init(&stats, 2026);
	struct buf b = {0};
	dashboard_html(&b, db, &stats, NULL);
	buf_put(&b, "", 1);
	const char *page = (const char *)b.data;
	assert_false(b.oom);
	assert_null(strstr(page, "<script"));
	assert_null(strstr(page, "<b>"));
	assert_non_null(strstr(page, "&lt;SCRIPT&gt;&quot;&amp;&apos;"));
	assert_non_null(strstr(page, "Ben &amp; &lt;Fils&gt;"));
	assert_non_null(strstr(page, "&lt;b&gt;R&amp;D&lt;/b&gt;"));
	assert_non_null(strstr(page, "a &lt; b"));
	assert_non_null(strstr(page, "<html lang=\"fr\">"));
	buf_free(&b);
	dashboard_free(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_calendar),
	    cmocka_unit_test(test_within),
	    cmocka_unit_test(test_overdue_cap),
	    cmocka_unit_test(test_overdue_ties),
	    cmocka_unit_test(test_refusals),
	    cmocka_unit_test(test_refusals_latest_first),
	    cmocka_unit_test(test_money_groups),
	    cmocka_unit_test(test_money_paid),
	    cmocka_unit_test(test_groups_cap),
	    cmocka_unit_test(test_links),
	    cmocka_unit_test(test_html_escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
