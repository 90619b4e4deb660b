/*
 * Mid-career and end-of-career interviews (rules.md §6), owed under the
 * 2025 regime only.  For rules_facts.c.
 */
#include "rules_internal.h"

/* The earliest mid-career medical visit on record by as-of. */
static const struct visit *mid_career_visit(const struct rules_ctx *ctx)
{
	const struct visit *best = NULL;
	for (size_t i = 0; i < ctx->d->nvisits; i++) {
		const struct visit *v = &ctx->d->visits[i];
		if (v->kind == VISIT_MID_CAREER && v->date <= ctx->as_of &&
		    (best == NULL || v->date < best->date))
			best = v;
	}
	return best;
}

static void mid_career(struct rules_ctx *ctx, date_t birth)
{
	struct rules_senior *s = &ctx->f->mid_career;
	date_t birth45 = date_add_years(birth, 45);
	int y, m, dd;
	if (birth45 == DATE_NONE) {
		/* Past the calendar's last year: nothing can fall due. */
		s->due = s->window_start = s->window_end = s->visit = DATE_NONE;
		s->basis = "";
		return;
	}
	date_to_ymd(birth45, &y, &m, &dd);
	const struct visit *v = mid_career_visit(ctx);
	s->has_visit = v != NULL;
	s->visit = v != NULL ? v->date : DATE_NONE;
	/* No visit: the visit's default year is the 45th birthday's, so
	 * the due date is two months after its last day. */
	s->due =
	    date_add_months(v != NULL ? v->date : date_from_ymd(y, 12, 31), 2);
	s->window_start = date_from_ymd(y - 2, 1, 1);
	s->window_end = DATE_NONE;
	/* Not owed for a due date before the hire: someone hired after
	 * it owes this employer nothing (rules.md §6). */
	s->owed = s->due != DATE_NONE && rules_reformed(ctx, s->due) &&
		  s->due >= ctx->d->employment.hire_date &&
		  !rules_after_exit(ctx, s->due);
	s->by = rules_events_first(ctx, KIND_MID_CAREER, s->window_start,
				   INT32_MAX);
	s->satisfied = s->by.type != RULES_EVENT_NONE;
	s->basis = rules_basis_mid_career(ctx, s, birth45);
}

static void end_of_career(struct rules_ctx *ctx, date_t birth)
{
	struct rules_senior *s = &ctx->f->end_of_career;
	date_t birth60 = date_add_years(birth, 60);
	s->due = birth60 != DATE_NONE ? date_add_days(birth60, -1) : DATE_NONE;
	s->window_start = date_add_years(birth60, -2);
	s->window_end = birth60;
	/* Not owed to someone hired at 60 or later (rules.md §6). */
	s->owed = s->due != DATE_NONE && rules_reformed(ctx, s->due) &&
		  ctx->d->employment.hire_date < birth60 &&
		  !rules_after_exit(ctx, s->due);
	s->by = rules_events_first(ctx, KIND_END_OF_CAREER, s->window_start,
				   birth60);
	s->satisfied = s->by.type != RULES_EVENT_NONE;
	s->basis = rules_basis_end_of_career(ctx, s);
}

void rules_senior(struct rules_ctx *ctx)
{
	date_t birth = ctx->d->employee.birth_date;
	if (birth == DATE_NONE) {
		/* The reader requires it; without it nothing can be due. */
		ctx->f->mid_career.due = DATE_NONE;
		ctx->f->end_of_career.due = DATE_NONE;
		return;
	}
	mid_career(ctx, birth);
	end_of_career(ctx, birth);
}
