/*
 * Refusal tracking (rules.md §9): the letters each convocation gives.
 * For rules_facts.c.
 */
#include <stdlib.h>

#include "rules_internal.h"

/* Issued order, then document order. */
static int issued_cmp(const void *pa, const void *pb)
{
	const struct convocation *a = *(const struct convocation *const *)pa;
	const struct convocation *b = *(const struct convocation *const *)pb;
	if (a->issued != b->issued)
		return a->issued < b->issued ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* The date of the last interview held before date, or DATE_NONE. */
static date_t last_held_before(const struct rules_ctx *ctx, date_t date)
{
	const struct dossier *d = ctx->d;
	date_t last = DATE_NONE;
	for (size_t i = 0; i < d->ninterviews; i++) {
		date_t held = d->interviews[i].date;
		if (held < date && held <= ctx->as_of && held > last)
			last = held;
	}
	for (size_t i = 0; i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		if (c->outcome == OUTCOME_HELD && c->date.date < date &&
		    c->date.date <= ctx->as_of && c->date.date > last)
			last = c->date.date;
	}
	return last;
}

/*
 * A refusal is repeated when an earlier convocation of the same kind,
 * for an interview after the last one held, was refused too.
 */
static bool repeated(const struct rules_ctx *ctx,
		     const struct convocation *const *order, size_t pos)
{
	const struct convocation *c = order[pos];
	date_t held = last_held_before(ctx, c->date.date);
	for (size_t i = 0; i < pos; i++)
		if (order[i]->kind == c->kind &&
		    order[i]->outcome == OUTCOME_REFUSED &&
		    order[i]->date.date > held)
			return true;
	return false;
}

/* The letter added, or NULL when it is dated after as-of (or OOM). */
static struct rules_letter *add(struct rules_ctx *ctx, size_t *cap,
				enum rules_letter_kind kind,
				const struct convocation *c, date_t dated)
{
	struct rules_facts *f = ctx->f;
	/* A letter dated after as-of is not on record yet. */
	if (dated == DATE_NONE || dated > ctx->as_of)
		return NULL;
	struct rules_letter *l = rules_push(ctx, (void **)&f->letters,
					    &f->nletters, cap, sizeof(*l));
	if (l == NULL)
		return NULL;
	l->kind = kind;
	l->convocation = c;
	l->dated = dated;
	return l;
}

void rules_letters(struct rules_ctx *ctx)
{
	const struct dossier *d = ctx->d;
	size_t n = 0, cap = 0;
	const struct convocation **order =
	    rules_alloc(ctx, (d->nconvocations + 1) * sizeof(*order));
	if (order == NULL)
		return;
	for (size_t i = 0; i < d->nconvocations; i++)
		if (d->convocations[i].issued <= ctx->as_of)
			order[n++] = &d->convocations[i];
	qsort(order, n, sizeof(*order), issued_cmp);

	const struct convocation *prev[KIND_END_OF_CAREER + 1] = {NULL};
	for (size_t i = 0; i < n; i++) {
		const struct convocation *c = order[i];
		const struct convocation *p = prev[c->kind];
		prev[c->kind] = c;
		if (c->kind == KIND_RETURN) {
			add(ctx, &cap, RULES_LETTER_PROPOSAL, c, c->issued);
			if (c->outcome == OUTCOME_DECLINED)
				add(ctx, &cap, RULES_LETTER_DECLINE_RECORD, c,
				    c->response_date);
			continue;
		}
		struct rules_letter *l;
		if (p != NULL && (p->outcome == OUTCOME_ABSENT ||
				  p->outcome == OUTCOME_CANCELLED)) {
			l = add(ctx, &cap, RULES_LETTER_RECONVOCATION, c,
				c->issued);
			if (l != NULL)
				l->previous = p;
		} else {
			add(ctx, &cap, RULES_LETTER_CONVOCATION, c, c->issued);
		}
		if (c->outcome != OUTCOME_REFUSED)
			continue;
		l = add(ctx, &cap, RULES_LETTER_REFUSAL_RECORD, c,
			c->response_date);
		if (l != NULL)
			l->repeated = repeated(ctx, order, i);
	}
}
