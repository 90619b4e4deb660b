/*
 * What the steps of one rules computation share (rules_internal.h): the
 * default company rules, the regime of a date, the exit and emergency
 * windows, and the facts' arena.  Called by rules_facts.c and the
 * rules_*.c steps; calls nothing of theirs, so calls go one way.
 */
#include <string.h>

#include "arena.h"
#include "rules_internal.h"

/* Default parameters when a dossier has no company (tests, or a bug). */
const struct company_rules rules_defaults = {
    .regime = REGIME_AUTO,
    .reform_date = 20387, /* 2025-10-26 */
    .periodicity_months = 0,
    .return_offer_days = 30,
    .abondement_eur = 3000,
};

bool rules_reformed(const struct rules_ctx *ctx, date_t date)
{
	switch (ctx->r->regime) {
	case REGIME_2014:
		return false;
	case REGIME_2025:
		return true;
	case REGIME_AUTO:
		break;
	}
	return date >= ctx->r->reform_date;
}

enum rules_regime rules_regime_of(const struct company_rules *r, date_t date)
{
	struct rules_ctx ctx = {.r = r != NULL ? r : &rules_defaults};
	return rules_reformed(&ctx, date) ? RULES_REGIME_2025
					  : RULES_REGIME_2014;
}

bool rules_in_emergency(date_t date)
{
	return date != DATE_NONE &&
	       date >= date_from_ymd(RULES_EMERGENCY_FIRST_YMD) &&
	       date <= date_from_ymd(RULES_EMERGENCY_LAST_YMD);
}

date_t rules_emergency_last(void)
{
	return date_from_ymd(RULES_EMERGENCY_LAST_YMD);
}

bool rules_after_exit(const struct rules_ctx *ctx, date_t date)
{
	return ctx->exit != DATE_NONE && date > ctx->exit;
}

void *rules_alloc(struct rules_ctx *ctx, size_t size)
{
	void *p = ctx->oom ? NULL : arena_alloc(ctx->f->arena, size);
	if (p == NULL)
		ctx->oom = true;
	return p;
}

void *rules_push(struct rules_ctx *ctx, void **arr, size_t *n, size_t *cap,
		 size_t size)
{
	if (*n == *cap &&
	    (ctx->oom || !arena_grow(ctx->f->arena, arr, cap, *n, 8, size))) {
		ctx->oom = true;
		return NULL;
	}
	unsigned char *slot = (unsigned char *)*arr + *n * size;
	memset(slot, 0, size);
	(*n)++;
	return slot;
}
