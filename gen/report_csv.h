/*
 * The rows of cli.md's CSV reports (status, recap, stats), built one
 * dossier at a time into a buffer.  For the status, recap and stats
 * commands and for the batch runner, which writes the same files.
 */
#ifndef PARCOURS_REPORT_CSV_H
#define PARCOURS_REPORT_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "date.h"
#include "dossier.h"
#include "rules.h"

/* One row of status --format csv, with copies or borrowed strings. */
struct report_csv_status {
	const char *dossier;
	const char *employee; /* names_family_first() */
	enum rules_obligation_kind kind;
	date_t due;
	enum rules_obligation_state state;
	enum rules_regime regime;
	const char *basis;
};

void report_csv_status_head(struct buf *);
void report_csv_status_row(struct buf *, const struct report_csv_status *);
/* --within: overdue ones, and those due within days of as_of (< 0: all). */
bool report_csv_status_wanted(const struct rules_obligation *, date_t as_of,
			      int within_days);

/*
 * The recap rows of one dossier: one per period, final ones then the
 * running one.  false when out of memory.
 */
void report_csv_recap_head(struct buf *);
bool report_csv_recap_rows(struct buf *, const struct dossier *d,
			   const struct rules_facts *f);

/* The figures of rules.md §10 in its order, as stats writes them. */
struct report_csv_metric {
	const char *name;  /* "interviews_held_periodic" */
	const char *label; /* French, for the table */
	long long value;
};

#define REPORT_CSV_METRICS_MAX 16

/* Fills m (REPORT_CSV_METRICS_MAX long); returns the number of rows. */
size_t report_csv_metrics(const struct rules_stats *,
			  struct report_csv_metric *m);
/* metric,value: the header then the n rows. */
void report_csv_stats(struct buf *, const struct report_csv_metric *m,
		      size_t n);

#endif
