/*
 * CSE / BDESE figures for a calendar year (rules.md §10), summed one
 * dossier at a time.  For cmd_stats.c.
 */
#include <string.h>

#include "rules.h"

void rules_stats_init(struct rules_stats *s, int year)
{
	memset(s, 0, sizeof(*s));
	s->year = year;
}

static bool in_year(date_t date, date_t first, date_t last)
{
	return date != DATE_NONE && date >= first && date <= last;
}

void rules_stats_add(struct rules_stats *s, const struct dossier *d,
		     const struct rules_facts *f)
{
	date_t first = date_from_ymd(s->year, 1, 1);
	date_t last = date_from_ymd(s->year, 12, 31);
	const struct employment *e = &d->employment;

	/* Employed at some time in the year. */
	if (e->hire_date <= last &&
	    (e->exit_date == DATE_NONE || e->exit_date >= first))
		s->employees++;

	/* Events after as-of are ignored everywhere (rules.md §4). */
	bool interviewed = false;
	for (size_t i = 0; i < d->ninterviews; i++) {
		const struct interview *iv = &d->interviews[i];
		if (!in_year(iv->date, first, last) || iv->date > f->as_of)
			continue;
		interviewed = true;
		s->interviews_held++;
		s->interviews_held_kind[iv->kind]++;
	}
	if (interviewed)
		s->employees_interviewed++;

	for (size_t i = 0; i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		if ((c->outcome == OUTCOME_REFUSED ||
		     c->outcome == OUTCOME_DECLINED) &&
		    in_year(c->response_date, first, last) &&
		    c->response_date <= f->as_of)
			s->refusals++;
	}

	for (size_t i = 0; i < f->nperiods; i++) {
		const struct rules_period *p = &f->periods[i];
		if (!p->final || !in_year(p->end, first, last))
			continue;
		s->recaps++;
		if (p->abondement_eur <= 0)
			continue;
		s->abondements++;
		/* A recorded payment is no longer owed; what it leaves
		 * unpaid (a partial payment) still is. */
		long paid = p->paid != NULL ? p->paid->amount_eur : 0;
		if (paid < 0)
			paid = 0;
		s->abondement_paid_eur += paid;
		if (paid < p->abondement_eur)
			s->abondement_total_eur += p->abondement_eur - paid;
	}
}
