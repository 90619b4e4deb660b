/*
 * The état des lieux récapitulatif (rules.md §5): period ends, the facts
 * the law checks over each period, and the abondement correctif.  For
 * rules_facts.c; what a period contains is also exported (rules.h) for
 * documents.
 */
#include "rules_internal.h"

/* Pk from P(k-1): 6 years while that end falls before R, else 8. */
static date_t period_end(const struct rules_ctx *ctx, date_t prev, int *years)
{
	date_t six = date_add_years(prev, 6);
	if (!rules_reformed(ctx, six)) {
		*years = 6;
		return six;
	}
	*years = 8;
	return date_add_years(prev, 8);
}

/* Period 1 is [P0, P1]; later periods are (P(k-1), Pk]. */
bool rules_period_contains(const struct rules_period *p, date_t date)
{
	return date != DATE_NONE &&
	       (p->index == 1 ? date >= p->start : date > p->start) &&
	       date <= p->end;
}

static void count_dues(const struct rules_ctx *ctx, struct rules_period *p)
{
	const struct rules_facts *f = ctx->f;
	for (size_t i = 0; i < f->ndues; i++) {
		const struct rules_due *due = &f->dues[i];
		if (due->state == RULES_DUE_OPEN ||
		    !rules_period_contains(p, due->date))
			continue;
		p->interviews_due++;
		if (due->state == RULES_DUE_ON_TIME)
			p->interviews_on_time++;
	}
	p->interviews_ok = p->interviews_due == p->interviews_on_time;
}

/*
 * Whether date counts in the period's facts: inside the period or, under
 * §7b, up to facts_until; on record by as-of.
 */
static bool counts(const struct rules_ctx *ctx, const struct rules_period *p,
		   date_t date)
{
	if (date == DATE_NONE || date > ctx->as_of)
		return false;
	if (rules_period_contains(p, date))
		return true;
	return date > p->end && date <= p->facts_until;
}

/* Trainings, certifications and progressions on record by as-of. */
static void count_development(const struct rules_ctx *ctx,
			      struct rules_period *p)
{
	const struct dossier *d = ctx->d;
	for (size_t i = 0; i < d->ntrainings; i++) {
		const struct training *t = &d->trainings[i];
		if (!counts(ctx, p, t->end))
			continue;
		p->training = true;
		if (!t->mandatory)
			p->non_mandatory_training = true;
		if (t->certifying)
			p->certification = true;
	}
	for (size_t i = 0; i < d->ncertifications; i++)
		if (counts(ctx, p, d->certifications[i].date))
			p->certification = true;
	for (size_t i = 0; i < d->nprogressions; i++)
		if (counts(ctx, p, d->progressions[i].date))
			p->progression = true;
	p->measures =
	    (int)p->training + (int)p->certification + (int)p->progression;
}

/*
 * The recap interview of period k: the first held recap interview or
 * refused recap convocation in (Pk - 12 months, P(k+1) - 12 months].
 */
static void find_recap_interview(const struct rules_ctx *ctx,
				 struct rules_period *p)
{
	int years;
	date_t lo = date_add_months(p->end, -12);
	date_t hi = date_add_months(period_end(ctx, p->end, &years), -12);
	/* (lo, hi] in whole days is [lo + 1, hi + 1). */
	p->recap = rules_events_first(ctx, KIND_RECAP, date_add_days(lo, 1),
				      date_add_days(hi, 1));
}

/* The payment recorded for the period, paid by as-of; NULL if none. */
static const struct abondement *payment(const struct rules_ctx *ctx, date_t end)
{
	for (size_t i = 0; i < ctx->d->nabondements; i++) {
		const struct abondement *a = &ctx->d->abondements[i];
		if (a->period_end == end && a->paid != DATE_NONE &&
		    a->paid <= ctx->as_of)
			return a;
	}
	return NULL;
}

/*
 * The cumulative rule (Cass. soc., 21 janvier 2026, n° 24-12.972); under
 * §7b's droit d'option, also fewer than two of the three measures of
 * 31 December 2018, the more favourable test being the employer's.
 */
static void abondement(const struct rules_ctx *ctx, struct rules_period *p)
{
	p->headcount = ctx->d->company != NULL ? ctx->d->company->headcount : 0;
	p->payment_due = DATE_NONE;
	p->paid = payment(ctx, p->end);
	/* Under 50 employees neither test owes anything. */
	bool owed_2018 = p->headcount >= 50 && !p->interviews_ok &&
			 !p->non_mandatory_training;
	bool owed = owed_2018;
	if (p->test == RULES_TEST_2018_OPTION) {
		owed = owed_2018 && p->measures < 2;
		p->option_decided = owed_2018 && !owed;
	}
	if (!owed || ctx->r->abondement_eur <= 0)
		return;
	p->abondement_eur = ctx->r->abondement_eur;
	/* R6323-3: the quarter after the recap interview (or Pk); §7b:
	 * sanctions suspended until 2021-06-30. */
	date_t from =
	    p->recap.type != RULES_EVENT_NONE ? p->recap.date : p->end;
	if (p->emergency && from < p->facts_until)
		from = p->facts_until;
	p->payment_due = date_quarter_end_after(from);
}

void rules_recap(struct rules_ctx *ctx)
{
	struct rules_facts *f = ctx->f;
	size_t cap = 0;
	date_t prev = ctx->S;
	for (int k = 1;; k++) {
		int years;
		date_t end = period_end(ctx, prev, &years);
		/* A period ending after the exit date is not produced, nor
		 * one past the calendar's last year (DATE_NONE). */
		if (end == DATE_NONE || rules_after_exit(ctx, end))
			break;
		struct rules_period *p = rules_push(
		    ctx, (void **)&f->periods, &f->nperiods, &cap, sizeof(*p));
		if (p == NULL)
			return;
		p->index = k;
		p->start = prev;
		p->end = end;
		p->years = years;
		p->regime = years == 6 ? RULES_REGIME_2014 : RULES_REGIME_2025;
		p->final = end <= ctx->as_of;
		/* §7b: a period ending in the emergency window. */
		p->emergency = rules_in_emergency(end);
		p->facts_until = p->emergency ? rules_emergency_last() : end;
		p->test =
		    p->emergency ? RULES_TEST_2018_OPTION : RULES_TEST_2018;
		count_dues(ctx, p);
		count_development(ctx, p);
		find_recap_interview(ctx, p);
		abondement(ctx, p);
		p->basis = rules_basis_period(ctx, p);
		p->verdict = rules_basis_verdict(ctx, p);
		if (!p->final)
			break;
		prev = end;
	}
}
