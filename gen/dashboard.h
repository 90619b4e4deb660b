/*
 * The campaign dashboard (index.html): what a campaign stands at on the
 * reference date, summed one dossier at a time in bounded memory so
 * that the batch's single pass feeds it (dashboard.c), then written as
 * one static French HTML page (dashboard_html.c).  For the batch runner
 * and cmd_dashboard.c.
 *
 * The figures are those of status.csv, recap.csv and stats.csv of the
 * same run: every open obligation, every recap period, rules.md §10.
 * Lists are capped (the oldest overdue obligations, the latest
 * refusals, the first departments and managers met) and say how many
 * there were in all.
 */
#ifndef PARCOURS_DASHBOARD_H
#define PARCOURS_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "date.h"
#include "dossier.h"
#include "rules.h"

#define DASHBOARD_KINDS		(RULES_OBL_RECAP + 1)
#define DASHBOARD_MONTHS	12  /* the calendar's bars */
#define DASHBOARD_MONTHS_BEFORE 5   /* of them, before the as-of month */
#define DASHBOARD_OVERDUE_MAX	200 /* overdue obligations listed */
#define DASHBOARD_REFUSALS_MAX	100
#define DASHBOARD_GROUPS_MAX	300 /* departments (managers) kept */
#define DASHBOARD_LINKS_MAX	4   /* documents linked per obligation */

/* A document of a dossier, as the manifest names it. */
struct dashboard_link {
	char *path;	/* relative to the output directory */
	char *document; /* manifest.csv's document column */
	date_t date;	/* the one its file name ends with, or DATE_NONE */
};

/* An overdue obligation of the list, with copies of its strings. */
struct dashboard_overdue {
	date_t due;
	enum rules_obligation_kind kind;
	enum rules_regime regime;
	unsigned long seq; /* input order: the sort of status.csv */
	char *dossier, *employee, *basis;
	char *department;	      /* NULL if none */
	struct dashboard_link *links; /* the closest to the obligation */
	size_t nlinks;
	size_t ndocs; /* the dossier's documents, linked or not */
};

/* A refused convocation or a declined offer of the last 12 months. */
struct dashboard_refusal {
	date_t response; /* the response date */
	enum interview_kind kind;
	bool declined; /* a declined offer, else a refusal */
	unsigned long seq;
	char *dossier, *employee;
	char *department; /* NULL if none */
};

/* The figures of one department or manager. */
struct dashboard_group {
	char *name; /* NULL: the others, past DASHBOARD_GROUPS_MAX */
	unsigned long employees;
	unsigned long employees_overdue;
	unsigned long overdue, upcoming;
	long long owed_eur; /* final periods, not yet paid */
};

struct dashboard_groups {
	struct dashboard_group *g; /* sorted by name */
	size_t n;
	struct dashboard_group others; /* name NULL */
	unsigned long named;	       /* dossiers that carry a name */
};

/* Money on recap periods (recap.csv's abondement_eur). */
struct dashboard_money {
	long long eur;
	unsigned long periods, employees;
};

struct dashboard {
	date_t as_of;
	date_t first_month; /* the first day of the calendar's first month */
	int within_days;    /* as report_csv_status_wanted() */
	bool links;	    /* link documents (the batch wrote them) */

	unsigned long dossiers;
	unsigned long employees_overdue; /* ≥ 1 overdue obligation */
	unsigned long open[DASHBOARD_KINDS]
			  [2]; /* by enum rules_obligation_state */
	/* Due dates by month: [month][state]; before and after the window. */
	unsigned long month[DASHBOARD_MONTHS][2];
	unsigned long before, after;
	unsigned long due_90; /* upcoming within 90 days of as-of */

	/*
	 * Final periods: owed (recap.csv's abondement_eur), of which paid
	 * (a recorded <abondement>: its amount; periods and employees with
	 * a payment) and unpaid (what payments leave, as stats.csv's
	 * abondement_total_eur counts it).
	 */
	struct dashboard_money owed, paid, unpaid;
	struct dashboard_money projected; /* the provisional period */

	struct dashboard_overdue *overdue; /* oldest first */
	size_t noverdue;
	unsigned long overdue_total;
	unsigned long seq;

	struct dashboard_refusal *refusals; /* latest first */
	size_t nrefusals;
	unsigned long refusals_total, declined_total;
	/* By the convocation's kind: [kind][0] refused, [kind][1] declined. */
	unsigned long refusals_kind[KIND_END_OF_CAREER + 1][2];

	struct dashboard_groups departments, managers;

	/* The company's name when every dossier has the same, else NULL. */
	char *company;
	bool companies_differ;
};

/*
 * NULL when out of memory; free with dashboard_free().  within_days:
 * the obligations counted, < 0 (DASHBOARD_EVERY) for all of them.  The
 * page of all and of the dashboard command counts every obligation, as
 * the CSVs of all list them whatever --within says (cli.md): --within
 * chooses the forms printed, not the campaign's figures.
 */
#define DASHBOARD_EVERY (-1)
struct dashboard *dashboard_new(date_t as_of, int within_days);
/*
 * Adds one dossier, whose facts f were computed at the dashboard's
 * as-of.  false when out of memory (the dashboard is then incomplete).
 */
bool dashboard_add(struct dashboard *, const struct dossier *d,
		   const struct rules_facts *f);
/*
 * The documents written for dossier id: its manifest rows (len bytes of
 * CSV, as a batch worker sends them).  They become the links of the
 * dossier's overdue obligations still listed.  false when out of memory.
 */
bool dashboard_add_documents(struct dashboard *, const char *id,
			     const void *rows, size_t len);
/* NULL is a no-op. */
void dashboard_free(struct dashboard *);

/*
 * The page, with the CSE figures of stats (the year of the batch's
 * stats.csv).  reports: the run-wide CSVs beside it, to link, or NULL
 * (three names: status, recap, stats).  Sets out->oom when out of
 * memory.
 */
void dashboard_html(struct buf *out, const struct dashboard *,
		    const struct rules_stats *stats,
		    const char *const reports[3]);

#endif
