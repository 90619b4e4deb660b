/*
 * Offers of an interview after an absence or a union mandate (rules.md
 * §7): which returns call for one, which are exempted, which offers
 * satisfy them.  For rules_facts.c.
 */
#include <stdlib.h>

#include "rules_internal.h"

/*
 * Fills the dates of a return ending on end; false when nothing is owed
 * for it: a return before the 2014 law or before the hire (rules.md §7),
 * or an offer falling due after the exit.
 */
static bool set_dates(const struct rules_ctx *ctx, struct rules_return *ret,
		      date_t start, date_t end)
{
	ret->start = start;
	ret->end = end;
	ret->return_date = date_add_days(end, 1);
	if (ret->return_date < date_from_ymd(RULES_LAW_2014_START_YMD) ||
	    ret->return_date < ctx->d->employment.hire_date)
		return false;
	ret->due = date_add_days(ret->return_date, ctx->r->return_offer_days);
	/* §7b: an offer due in the emergency window could wait until its
	 * last day (ordonnances 2020-387 and 2020-1501). */
	ret->deferred = rules_in_emergency(ret->due);
	if (ret->deferred)
		ret->due = rules_emergency_last();
	ret->regime = rules_reformed(ctx, ret->return_date) ? RULES_REGIME_2025
							    : RULES_REGIME_2014;
	return !rules_after_exit(ctx, ret->due);
}

static int return_cmp(const void *pa, const void *pb)
{
	const struct rules_return *a = pa, *b = pb;
	if (a->return_date != b->return_date)
		return a->return_date < b->return_date ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (a->absence == NULL) - (b->absence == NULL);
}

/*
 * Adds ret, spanning start to end, to the facts' returns unless it falls
 * due after the exit; false when out of memory.
 */
static bool add(struct rules_ctx *ctx, size_t *cap, struct rules_return ret,
		date_t start, date_t end)
{
	struct rules_facts *f = ctx->f;
	if (!set_dates(ctx, &ret, start, end))
		return true;
	struct rules_return *slot = rules_push(
	    ctx, (void **)&f->returns, &f->nreturns, cap, sizeof(*slot));
	if (slot == NULL)
		return false;
	*slot = ret;
	return true;
}

static void collect(struct rules_ctx *ctx)
{
	const struct dossier *d = ctx->d;
	struct rules_facts *f = ctx->f;
	long headcount = d->company != NULL ? d->company->headcount : 0;
	size_t cap = 0;
	for (size_t i = 0; i < d->nabsences; i++) {
		const struct absence *a = &d->absences[i];
		if (!dossier_absence_triggers_return(a->kind) ||
		    a->end == DATE_NONE)
			continue;
		struct rules_return ret = {
		    .kind = a->kind,
		    .absence = a,
		    /* L1225-57 covers both forms of congé parental. */
		    .parental = a->kind == ABSENCE_PARENTAL_LEAVE ||
				a->kind == ABSENCE_PARENTAL_PART_TIME,
		};
		if (!add(ctx, &cap, ret, a->start, a->end))
			return;
	}
	for (size_t i = 0; i < d->nmandates; i++) {
		const struct mandate *m = &d->mandates[i];
		if (m->kind != MANDATE_UNION || m->end == DATE_NONE)
			continue;
		struct rules_return ret = {
		    .kind = ABSENCE_UNION_MANDATE,
		    .mandate = m,
		    /* L2141-5: 2 000 employees, or 30 % of the time. */
		    .recensement =
			headcount >= 2000 || m->delegation_share >= 0.30,
		};
		if (!add(ctx, &cap, ret, m->start, m->end))
			return;
	}
	if (f->nreturns > 1)
		qsort(f->returns, f->nreturns, sizeof(*f->returns), return_cmp);
}

/*
 * 2025 regime: no offer is owed when a counting interview was held in
 * the 12 months before the return.  The latest one is named.
 */
static bool exempt(const struct rules_ctx *ctx, struct rules_return *ret)
{
	if (!rules_reformed(ctx, ret->return_date))
		return false;
	date_t lo = date_add_months(ret->return_date, -12);
	for (size_t i = ctx->nevents; i-- > 0;) {
		const struct rules_event *e = &ctx->events[i];
		if (e->type == RULES_EVENT_INTERVIEW && e->date >= lo &&
		    e->date < ret->return_date) {
			ret->by = *e;
			return true;
		}
	}
	return false;
}

/*
 * One offer (§7): a return convocation, with the return interview held
 * on its interview date if there is one, or a return interview that no
 * convocation led to.  It is dated at the convocation's issue date (the
 * interview's own date without one); held is the date of the interview
 * it includes, DATE_NONE if none, which the law allows during the
 * absence.
 */
struct offer {
	struct rules_event event;
	bool named; /* @absence given (the reader requires it) */
	enum absence_kind absence;
	date_t held;
};

/*
 * The index of the return interview held on c's interview date (same
 * @absence), by as-of; -1 if none.
 */
static long interview_of(const struct rules_ctx *ctx,
			 const struct convocation *c)
{
	for (size_t i = 0; i < ctx->d->ninterviews; i++) {
		const struct interview *iv = &ctx->d->interviews[i];
		if (iv->kind == KIND_RETURN && iv->date == c->date.date &&
		    iv->has_absence == c->has_absence &&
		    iv->absence == c->absence && iv->date <= ctx->as_of)
			return (long)i;
	}
	return -1;
}

static int offer_cmp(const void *pa, const void *pb)
{
	const struct offer *oa = pa, *ob = pb;
	const struct rules_event *a = &oa->event, *b = &ob->event;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	/* Convocations before interviews, then document order. */
	if (a->type != b->type)
		return a->type == RULES_EVENT_CONVOCATION ? -1 : 1;
	const void *ia = a->interview != NULL ? (const void *)a->interview
					      : (const void *)a->convocation;
	const void *ib = b->interview != NULL ? (const void *)b->interview
					      : (const void *)b->convocation;
	return ia < ib ? -1 : ia > ib;
}

/*
 * The return offers on record by as-of, in date order.  Each convocation
 * is paired once with its interview (led[] marks the interviews a
 * convocation led to), so that 1 000 of each stay cheap.
 */
static struct offer *offers(struct rules_ctx *ctx, size_t *n)
{
	const struct dossier *d = ctx->d;
	struct offer *ev = rules_alloc(
	    ctx, (d->nconvocations + d->ninterviews + 1) * sizeof(*ev));
	bool *led = rules_alloc(ctx, (d->ninterviews + 1) * sizeof(*led));
	*n = 0;
	if (ev == NULL || led == NULL)
		return NULL;
	for (size_t i = 0; i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		if (c->kind != KIND_RETURN || c->issued > ctx->as_of)
			continue;
		long k = interview_of(ctx, c);
		date_t held = DATE_NONE;
		if (k >= 0) {
			led[k] = true;
			held = d->interviews[k].date;
		} else if (c->outcome == OUTCOME_HELD &&
			   c->date.date <= ctx->as_of) {
			/* An outcome "held" says the interview took place
			 * on its date, even with no report recorded. */
			held = c->date.date;
		}
		ev[(*n)++] = (struct offer){rules_event_convocation(c),
					    c->has_absence, c->absence, held};
	}
	for (size_t i = 0; i < d->ninterviews; i++) {
		const struct interview *iv = &d->interviews[i];
		if (iv->kind == KIND_RETURN && iv->date <= ctx->as_of &&
		    !led[i])
			ev[(*n)++] = (struct offer){rules_event_interview(iv),
						    iv->has_absence,
						    iv->absence, iv->date};
	}
	qsort(ev, *n, sizeof(*ev), offer_cmp);
	return ev;
}

/*
 * Whether o can be the offer made for ret: it names ret's kind (or
 * none), and it is dated on or after the start of the absence, or
 * includes an interview held on or after it.
 */
static bool fits(const struct offer *o, const struct rules_return *ret)
{
	if (o->named && o->absence != ret->kind)
		return false;
	return o->event.date >= ret->start ||
	       (o->held != DATE_NONE && o->held >= ret->start);
}

void rules_return(struct rules_ctx *ctx)
{
	struct rules_facts *f = ctx->f;
	collect(ctx);
	size_t noffers;
	struct offer *offer = offers(ctx, &noffers);
	if (ctx->oom)
		return;
	for (size_t i = 0; i < f->nreturns; i++) {
		struct rules_return *ret = &f->returns[i];
		ret->verdict = RULES_RETURN_OWED;
		if (exempt(ctx, ret))
			ret->verdict = RULES_RETURN_EXEMPTED;
	}
	/* Each offer, in date order, satisfies the earliest return still
	 * owed among those it fits. */
	for (size_t j = 0; j < noffers; j++) {
		for (size_t i = 0; i < f->nreturns; i++) {
			struct rules_return *ret = &f->returns[i];
			if (ret->verdict != RULES_RETURN_OWED ||
			    !fits(&offer[j], ret))
				continue;
			ret->by = offer[j].event;
			ret->verdict = RULES_RETURN_SATISFIED;
			break;
		}
	}
	for (size_t i = 0; i < f->nreturns; i++)
		f->returns[i].basis = rules_basis_return(ctx, &f->returns[i]);
}
