/*
 * Open obligations (rules.md §4–§8): what is still to be done about one
 * dossier at as-of, as `status` lists it.  For rules_facts.c.
 */
#include "rules_internal.h"

static void add(struct rules_ctx *ctx, size_t *ncap,
		enum rules_obligation_kind kind, date_t due,
		enum rules_regime regime, const char *basis)
{
	struct rules_facts *f = ctx->f;
	struct rules_obligation *o = rules_push(
	    ctx, (void **)&f->obligations, &f->nobligations, ncap, sizeof(*o));
	if (o == NULL)
		return;
	o->kind = kind;
	o->due = due;
	o->state = due < ctx->as_of ? RULES_OVERDUE : RULES_UPCOMING;
	o->regime = regime;
	o->basis = basis;
}

/*
 * §4: the first of the missed due dates that end the chain (overdue),
 * else the open one (upcoming), else nothing (the chain stopped at the
 * exit date with every due date met).
 */
static const struct rules_due *open_periodic(const struct rules_facts *f)
{
	size_t n = f->ndues;
	if (n > 0 && f->dues[n - 1].state == RULES_DUE_OPEN)
		n--;
	size_t first = n;
	while (first > 0 && f->dues[first - 1].state == RULES_DUE_MISSED)
		first--;
	if (first < n)
		return &f->dues[first];
	if (n < f->ndues)
		return &f->dues[n];
	return NULL;
}

void rules_obligations(struct rules_ctx *ctx)
{
	struct rules_facts *f = ctx->f;
	size_t ncap = 0;
	/* Someone who has left can no longer be acted on. */
	if (f->left || ctx->oom)
		return;
	const struct dossier *d = ctx->d;
	if (f->notice_owed && !f->notice_delivered)
		add(ctx, &ncap, RULES_OBL_NOTICE, d->employment.hire_date,
		    rules_regime_of(ctx->r, d->employment.hire_date),
		    rules_basis_notice(ctx));

	const struct rules_due *due = open_periodic(f);
	if (due != NULL)
		add(ctx, &ncap, RULES_OBL_PERIODIC, due->date, due->regime,
		    due->basis);

	for (size_t i = 0; i < f->nreturns; i++) {
		const struct rules_return *ret = &f->returns[i];
		if (ret->verdict != RULES_RETURN_OWED)
			continue;
		add(ctx, &ncap, RULES_OBL_RETURN_OFFER, ret->due, ret->regime,
		    ret->basis);
		if (!ctx->oom)
			f->obligations[f->nobligations - 1].ret = ret;
	}

	const struct rules_senior *s = &f->mid_career;
	if (s->owed && !s->satisfied)
		add(ctx, &ncap, RULES_OBL_MID_CAREER, s->due, RULES_REGIME_2025,
		    s->basis);
	s = &f->end_of_career;
	if (s->owed && !s->satisfied)
		add(ctx, &ncap, RULES_OBL_END_OF_CAREER, s->due,
		    RULES_REGIME_2025, s->basis);

	/* §5: each period (final or running) without its recap interview. */
	for (size_t i = 0; i < f->nperiods; i++) {
		const struct rules_period *p = &f->periods[i];
		if (p->recap.type != RULES_EVENT_NONE)
			continue;
		add(ctx, &ncap, RULES_OBL_RECAP, p->end, p->regime,
		    rules_basis_recap_open(ctx, p));
		if (!ctx->oom)
			f->obligations[f->nobligations - 1].period = p;
	}
}
