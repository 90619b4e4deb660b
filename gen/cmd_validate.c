/*
 * parcours validate: reads every input, reports every problem through
 * diag.h and writes nothing but a one-line summary on standard output.
 * For main.c, through cli.h.
 */
#include <stdio.h>

#include "cli.h"
#include "diag.h"
#include "dossier_read.h"
#include "rules.h"

/* One dated fact after the reference date: a warning at its line. */
static void warn_after(const struct dossier *d, long line, const char *what,
		       date_t date, date_t as_of)
{
	char when[DATE_ISO_LEN], ref[DATE_ISO_LEN];
	if (date == DATE_NONE || date <= as_of)
		return;
	diag_warning(d->file, line,
		     "%s %s, after the reference date %s: it does "
		     "not count until then",
		     what, date_fmt_iso(date, when), date_fmt_iso(as_of, ref));
}

/*
 * rules.md §4: every dated fact after the reference date is ignored, in
 * every rule; say so, since it is most often a typo in a year.  Only ids
 * and dates are quoted (no titles: personal data stays out of logs).
 */
static void warn_future_events(const struct dossier *d, date_t as_of)
{
	char what[160];
	for (size_t i = 0; i < d->ninterviews; i++) {
		const struct interview *iv = &d->interviews[i];
		snprintf(what, sizeof(what), "<interview>: id \"%s\" is dated",
			 iv->id);
		warn_after(d, iv->line, what, iv->date, as_of);
	}
	for (size_t i = 0; i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		bool refusal = rules_is_counting_refusal(c) &&
			       c->date.date != DATE_NONE &&
			       c->date.date > as_of && c->issued <= as_of;
		snprintf(what, sizeof(what),
			 refusal ? "<convocation>: refused convocation id "
				   "\"%s\" is dated"
				 : "<convocation>: id \"%s\" is issued on",
			 c->id);
		warn_after(d, c->line, what, refusal ? c->date.date : c->issued,
			   as_of);
	}
	for (size_t i = 0; i < d->ntrainings; i++)
		warn_after(d, d->trainings[i].line, "<training> ends on",
			   d->trainings[i].end, as_of);
	for (size_t i = 0; i < d->ncertifications; i++)
		warn_after(d, d->certifications[i].line, "<certification> is dated",
			   d->certifications[i].date, as_of);
	for (size_t i = 0; i < d->nprogressions; i++)
		warn_after(d, d->progressions[i].line, "<progression> is dated",
			   d->progressions[i].date, as_of);
	for (size_t i = 0; i < d->nvisits; i++)
		warn_after(d, d->visits[i].line, "<visit> is dated",
			   d->visits[i].date,
			   as_of);
	for (size_t i = 0; i < d->nabondements; i++)
		warn_after(d, d->abondements[i].line, "<abondement>: the payment is dated",
			   d->abondements[i].paid, as_of);
	if (d->notice.delivered)
		warn_after(d, d->notice.line, "<notice> is delivered on",
			   d->notice.date, as_of);
}

/*
 * A payment must name the end of a recap period (rules.md §5) to be
 * matched with it; otherwise it is shown nowhere, so say which ends
 * there are.
 */
static void warn_unmatched_payments(const struct dossier *d, date_t as_of)
{
	if (d->nabondements == 0)
		return;
	struct rules_facts *f = rules_compute(d, as_of);
	if (f == NULL)
		return;
	for (size_t i = 0; i < d->nabondements; i++) {
		const struct abondement *a = &d->abondements[i];
		bool found = false;
		char ends[160] = "", iso[DATE_ISO_LEN];
		size_t len = 0;
		for (size_t k = 0; k < f->nperiods; k++) {
			found = found || f->periods[k].end == a->period_end;
			len += (size_t)snprintf(
			    ends + len, len < sizeof(ends) ? sizeof(ends) - len : 0,
			    "%s%s", k > 0 ? ", " : "",
			    date_fmt_iso(f->periods[k].end, iso));
			if (len >= sizeof(ends))
				break;
		}
		if (!found)
			diag_warning(d->file, a->line,
				     "<abondement>: no recap period ends on "
				     "%s (period ends: %s): the payment "
				     "matches no period",
				     date_fmt_iso(a->period_end, iso),
				     f->nperiods > 0 ? ends : "none yet");
	}
	rules_facts_free(f);
}

void cmd_validate(const struct options *o)
{
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	if (src == NULL)
		return;
	unsigned long valid = 0;
	struct dossier *d;
	while ((d = dossier_source_next(src)) != NULL) {
		warn_future_events(d, o->as_of);
		warn_unmatched_payments(d, o->as_of);
		valid++;
		dossier_free(d);
	}
	unsigned long invalid = dossier_source_failed(src);
	unsigned long files = dossier_source_failed_files(src);
	printf("validate: %lu dossier%s valid, %lu invalid", valid,
	       valid == 1 ? "" : "s", invalid);
	if (files > 0)
		printf(", %lu file%s rejected", files, files == 1 ? "" : "s");
	putchar('\n');
	dossier_source_free(src);
}
