/*
 * Counting events (rules.md §4): the held interviews and refused
 * convocations that restart the periodic count, and the search for the
 * first of them in a window (§5, §6).  For rules_*.c.
 */
#include <stdlib.h>

#include "rules_internal.h"

struct rules_event rules_event_interview(const struct interview *iv)
{
	return (struct rules_event){
	    .type = RULES_EVENT_INTERVIEW,
	    .date = iv->date,
	    .kind = iv->kind,
	    .id = iv->id,
	    .interview = iv,
	};
}

/* A refusal is dated at the interview date it refused (§4). */
struct rules_event rules_event_refusal(const struct convocation *c)
{
	return (struct rules_event){
	    .type = RULES_EVENT_REFUSAL,
	    .date = c->date.date,
	    .kind = c->kind,
	    .id = c->id,
	    .convocation = c,
	};
}

/* A return offer is made the day its letter is issued (§7). */
struct rules_event rules_event_convocation(const struct convocation *c)
{
	return (struct rules_event){
	    .type = RULES_EVENT_CONVOCATION,
	    .date = c->issued,
	    .kind = c->kind,
	    .id = c->id,
	    .convocation = c,
	};
}

struct rules_event rules_events_first(const struct rules_ctx *ctx,
				      enum interview_kind kind, date_t lo,
				      date_t hi)
{
	const struct dossier *d = ctx->d;
	struct rules_event best = {.type = RULES_EVENT_NONE};
	for (size_t i = 0; i < d->ninterviews; i++) {
		const struct interview *iv = &d->interviews[i];
		if (iv->kind != kind || iv->date < lo || iv->date >= hi ||
		    iv->date > ctx->as_of)
			continue;
		if (best.type == RULES_EVENT_NONE || iv->date < best.date)
			best = rules_event_interview(iv);
	}
	for (size_t i = 0; i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		date_t date = c->date.date;
		if (c->kind != kind || c->outcome != OUTCOME_REFUSED ||
		    date < lo || date >= hi || date > ctx->as_of)
			continue;
		if (best.type == RULES_EVENT_NONE || date < best.date)
			best = rules_event_refusal(c);
	}
	return best;
}

bool rules_is_counting_interview(const struct interview *iv)
{
	return iv->kind != KIND_RETURN || iv->counts_as_periodic;
}

/* A return offer declined is not a periodic interview refused. */
bool rules_is_counting_refusal(const struct convocation *c)
{
	return c->kind != KIND_RETURN && c->outcome == OUTCOME_REFUSED;
}

/*
 * Date order; on the same date an interview comes before a refusal,
 * then document order, so that the event named in a basis never depends
 * on qsort.
 */
static int event_cmp(const void *pa, const void *pb)
{
	const struct rules_event *a = pa, *b = pb;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	const void *ia = a->interview != NULL ? (const void *)a->interview
					      : (const void *)a->convocation;
	const void *ib = b->interview != NULL ? (const void *)b->interview
					      : (const void *)b->convocation;
	return ia < ib ? -1 : ia > ib;
}

void rules_events_collect(struct rules_ctx *ctx)
{
	const struct dossier *d = ctx->d;
	size_t n = 0;
	struct rules_event *ev = rules_alloc(
	    ctx, (d->ninterviews + d->nconvocations + 1) * sizeof(*ev));
	if (ev == NULL)
		return;
	/* Events after as-of are ignored: validate warns about them. */
	for (size_t i = 0; i < d->ninterviews; i++)
		if (rules_is_counting_interview(&d->interviews[i]) &&
		    d->interviews[i].date <= ctx->as_of)
			ev[n++] = rules_event_interview(&d->interviews[i]);
	for (size_t i = 0; i < d->nconvocations; i++)
		if (rules_is_counting_refusal(&d->convocations[i]) &&
		    d->convocations[i].date.date <= ctx->as_of)
			ev[n++] = rules_event_refusal(&d->convocations[i]);
	qsort(ev, n, sizeof(*ev), event_cmp);
	ctx->events = ev;
	ctx->nevents = n;
}
