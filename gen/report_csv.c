/*
 * The CSV reports' rows (see report_csv.h), through csv.c's quoting.
 */
#include <stdio.h>
#include <stdlib.h>

#include "csv.h"
#include "names.h"
#include "report_csv.h"

void report_csv_status_head(struct buf *b)
{
	static const char *const head[] = {"dossier", "employee", "obligation",
					   "due",     "state",	  "regime",
					   "basis"};
	csv_put_row(b, head, sizeof(head) / sizeof(*head));
}

void report_csv_status_row(struct buf *b, const struct report_csv_status *r)
{
	char due[DATE_ISO_LEN], regime[8];
	snprintf(regime, sizeof(regime), "%d", (int)r->regime);
	const char *fields[] = {
	    r->dossier,
	    r->employee,
	    rules_obligation_name(r->kind),
	    date_fmt_iso(r->due, due),
	    rules_obligation_state_name(r->state),
	    regime,
	    r->basis,
	};
	csv_put_row(b, fields, sizeof(fields) / sizeof(*fields));
}

bool report_csv_status_wanted(const struct rules_obligation *ob, date_t as_of,
			      int within_days)
{
	return within_days < 0 || ob->state == RULES_OVERDUE ||
	       ob->due <= date_add_days(as_of, within_days);
}

void report_csv_recap_head(struct buf *b)
{
	static const char *const head[] = {
	    "dossier",	      "employee",
	    "period_start",   "period_end",
	    "regime",	      "status",
	    "interviews_due", "interviews_on_time",
	    "interviews_ok",  "non_mandatory_training",
	    "certification",  "progression",
	    "headcount",      "abondement_eur",
	    "payment_due",    "test",
	    "paid_on",
	};
	csv_put_row(b, head, sizeof(head) / sizeof(*head));
}

static const char *yes_no(bool b)
{
	return b ? "yes" : "no";
}

bool report_csv_recap_rows(struct buf *b, const struct dossier *d,
			   const struct rules_facts *f)
{
	char *employee = names_family_first(&d->employee);
	if (employee == NULL)
		return false;
	for (size_t i = 0; i < f->nperiods; i++) {
		const struct rules_period *p = &f->periods[i];
		char start[DATE_ISO_LEN], end[DATE_ISO_LEN], pay[DATE_ISO_LEN];
		char paid[DATE_ISO_LEN];
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
		    rules_test_name(p->test),
		    p->paid != NULL ? date_fmt_iso(p->paid->paid, paid) : "",
		};
		csv_put_row(b, fields, sizeof(fields) / sizeof(*fields));
	}
	free(employee);
	return !b->oom;
}

size_t report_csv_metrics(const struct rules_stats *s,
			  struct report_csv_metric *m)
{
	size_t n = 0;
	m[n++] = (struct report_csv_metric){"employees",
					    "salariés présents dans l'année",
					    (long long)s->employees};
	m[n++] = (struct report_csv_metric){
	    "employees_interviewed", "salariés ayant eu au moins un entretien",
	    (long long)s->employees_interviewed};
	m[n++] =
	    (struct report_csv_metric){"interviews_held", "entretiens tenus",
				       (long long)s->interviews_held};
	/* Per-kind names use '_' for the XML's '-'. */
	static const struct {
		enum interview_kind kind;
		const char *name, *label;
	} kinds[] = {
	    {KIND_PERIODIC, "interviews_held_periodic", "  dont périodiques"},
	    {KIND_RETURN, "interviews_held_return", "  dont de reprise"},
	    {KIND_RECAP, "interviews_held_recap", "  dont états des lieux"},
	    {KIND_MID_CAREER, "interviews_held_mid_career",
	     "  dont mi-carrière"},
	    {KIND_END_OF_CAREER, "interviews_held_end_of_career",
	     "  dont fin de carrière"},
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		m[n++] = (struct report_csv_metric){
		    kinds[i].name, kinds[i].label,
		    (long long)s->interviews_held_kind[kinds[i].kind]};
	m[n++] = (struct report_csv_metric){"refusals", "refus et déclinaisons",
					    (long long)s->refusals};
	m[n++] = (struct report_csv_metric){
	    "recaps", "états des lieux de période close", (long long)s->recaps};
	m[n++] = (struct report_csv_metric){"abondements",
					    "abondements correctifs dus",
					    (long long)s->abondements};
	m[n++] = (struct report_csv_metric){
	    "abondement_total_eur", "total des abondements dus non versés (€)",
	    s->abondement_total_eur};
	m[n++] = (struct report_csv_metric){"abondement_paid_eur",
					    "total des abondements versés (€)",
					    s->abondement_paid_eur};
	return n;
}

void report_csv_stats(struct buf *b, const struct report_csv_metric *m,
		      size_t n)
{
	static const char *const head[] = {"metric", "value"};
	csv_put_row(b, head, 2);
	for (size_t i = 0; i < n; i++) {
		char value[32];
		snprintf(value, sizeof(value), "%lld", m[i].value);
		const char *fields[] = {m[i].name, value};
		csv_put_row(b, fields, 2);
	}
}
