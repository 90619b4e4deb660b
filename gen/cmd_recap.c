/*
 * parcours recap: the état des lieux récapitulatif of every dossier
 * (rules.md §5).  With --format csv, cli.md's verdict rows; the PDF
 * documents come from the documents part (see recap_documents()).  For
 * main.c, through cli.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "diag.h"
#include "dossier_read.h"
#include "names.h"
#include "rules.h"

static const char *yes_no(bool b)
{
	return b ? "yes" : "no";
}

/* One row per period, final ones then the running one (cli.md). */
static bool write_rows(FILE *out, const struct dossier *d,
		       const struct rules_facts *f)
{
	char *employee = names_family_first(&d->employee);
	if (employee == NULL)
		return false;
	bool ok = true;
	for (size_t i = 0; i < f->nperiods && ok; i++) {
		const struct rules_period *p = &f->periods[i];
		char start[DATE_ISO_LEN], end[DATE_ISO_LEN], pay[DATE_ISO_LEN];
		char regime[8], due[16], on_time[16], headcount[24], eur[24];
		snprintf(regime, sizeof(regime), "%d", (int)p->regime);
		snprintf(due, sizeof(due), "%d", p->interviews_due);
		snprintf(on_time, sizeof(on_time), "%d", p->interviews_on_time);
		snprintf(headcount, sizeof(headcount), "%ld", p->headcount);
		snprintf(eur, sizeof(eur), "%ld", p->abondement_eur);
		const char *fields[] = {
		    d->id,
		    employee,
		    date_fmt_iso(p->start, start),
		    date_fmt_iso(p->end, end),
		    regime,
		    p->final ? "final" : "provisional",
		    due,
		    on_time,
		    yes_no(p->interviews_ok),
		    yes_no(p->non_mandatory_training),
		    yes_no(p->certification),
		    yes_no(p->progression),
		    headcount,
		    eur,
		    date_fmt_iso(p->payment_due, pay),
		};
		ok = csv_write_row(out, fields,
				   sizeof(fields) / sizeof(*fields));
	}
	free(employee);
	return ok;
}

static void recap_csv(const struct options *o)
{
	static const char *const head[] = {
	    "dossier",	      "employee",
	    "period_start",   "period_end",
	    "regime",	      "status",
	    "interviews_due", "interviews_on_time",
	    "interviews_ok",  "non_mandatory_training",
	    "certification",  "progression",
	    "headcount",      "abondement_eur",
	    "payment_due",
	};
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	if (src == NULL)
		return;
	bool ok = csv_write_row(stdout, head, sizeof(head) / sizeof(*head));
	bool oom = false;
	struct dossier *d;
	/* Streamed: one dossier in memory at a time, rows in input order. */
	while (ok && !oom && (d = dossier_source_next(src)) != NULL) {
		struct rules_facts *f = rules_compute(d, o->as_of);
		if (f == NULL)
			oom = true;
		else
			ok = write_rows(stdout, d, f);
		rules_facts_free(f);
		dossier_free(d);
	}
	dossier_source_free(src);
	if (oom)
		diag_system(NULL, "recap: out of memory");
	else if (!ok || fflush(stdout) != 0)
		diag_system("standard output", "cannot write: %s",
			    strerror(errno));
}

/* The PDF état des lieux, one per period: the documents part's. */
static void recap_documents(const struct options *o)
{
	(void)o;
	diag_usage("recap: PDF output is not available yet; use --format csv");
}

void cmd_recap(const struct options *o)
{
	switch (o->format) {
	case FORMAT_CSV:
		recap_csv(o);
		return;
	case FORMAT_DEFAULT:
	case FORMAT_PDF:
	case FORMAT_TREE:
		recap_documents(o);
		return;
	case FORMAT_TABLE:
	case FORMAT_ODT:
		break;
	}
	diag_usage("recap: --format must be csv or pdf");
}
