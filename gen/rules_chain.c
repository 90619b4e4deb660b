/*
 * The periodic interview due-date chain (rules.md §4), exactly as its
 * pseudo-code reads.  For rules_facts.c.
 */
#include "rules_internal.h"

/* due(a, first) of §4, with the regime and the first-year flag. */
static struct rules_due due_after(const struct rules_ctx *ctx, date_t a,
				  bool first)
{
	struct rules_due due = {.anchor = a};
	date_t two_years = date_add_months(a, 24);
	/* Past the calendar's last year (DATE_NONE) is after any reform. */
	bool reformed = two_years == DATE_NONE ? ctx->r->regime != REGIME_2014
					       : rules_reformed(ctx, two_years);
	if (first && rules_reformed(ctx, ctx->S)) {
		/* The first-year rule follows S, not the hire date. */
		due.date = date_add_months(ctx->S, 12);
		due.regime = RULES_REGIME_2025;
		due.first_year = true;
	} else if (!reformed) {
		/* A deadline that expired before R stays a 2014 one. */
		due.date = two_years;
		due.regime = RULES_REGIME_2014;
	} else {
		due.date = date_add_months(a, ctx->P);
		due.regime = RULES_REGIME_2025;
	}
	return due;
}

/* The first counting event dated strictly after a, or NULL. */
static const struct rules_event *event_after(const struct rules_ctx *ctx,
					     date_t a)
{
	for (size_t i = 0; i < ctx->nevents; i++)
		if (ctx->events[i].date > a)
			return &ctx->events[i];
	return NULL;
}

void rules_chain(struct rules_ctx *ctx)
{
	struct rules_facts *f = ctx->f;
	size_t cap = 0;
	date_t a = ctx->S;
	enum rules_anchor kind = RULES_ANCHOR_START;
	struct rules_event anchor_event = {.type = RULES_EVENT_NONE};
	bool first = true;

	/* Each turn moves a forward by at least a month, and the chain
	 * ends at the first due date after as-of: it terminates. */
	for (;;) {
		struct rules_due d = due_after(ctx, a, first);
		first = false;
		/* DATE_NONE: past the calendar's last year, nothing to say. */
		if (d.date == DATE_NONE || rules_after_exit(ctx, d.date))
			break;
		d.anchor_kind = kind;
		d.anchor_event = anchor_event;
		const struct rules_event *e = event_after(ctx, a);
		/* §7b: a due date in the emergency window could be met
		 * until its last day (ordonnances 2020-387 and 2020-1501). */
		d.deferred = rules_in_emergency(d.date);
		date_t limit = d.deferred ? rules_emergency_last() : d.date;
		if (e != NULL && e->date <= limit) {
			d.state = RULES_DUE_ON_TIME;
		} else if (e != NULL &&
			   e->date < due_after(ctx, d.date, false).date) {
			d.state = RULES_DUE_LATE;
		} else if (d.date <= ctx->as_of) {
			d.state = RULES_DUE_MISSED;
			e = NULL;
		} else {
			d.state = RULES_DUE_OPEN;
			e = NULL;
		}
		if (e != NULL) {
			d.met_by = *e;
			a = e->date;
			kind = RULES_ANCHOR_EVENT;
			anchor_event = *e;
		} else {
			a = d.date;
			kind = RULES_ANCHOR_MISSED;
			anchor_event = (struct rules_event){0};
		}
		struct rules_due *slot = rules_push(
		    ctx, (void **)&f->dues, &f->ndues, &cap, sizeof(*slot));
		if (slot == NULL)
			return;
		*slot = d;
		slot->basis = rules_basis_due(ctx, slot);
		if (d.state == RULES_DUE_OPEN)
			break;
	}
}
