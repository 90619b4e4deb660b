/*
 * rules_compute(): the order in which rules.md's sections are applied to
 * one dossier, and the helpers every rules_*.c file shares.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "rules_internal.h"

/* Default parameters when a dossier has no company (tests, or a bug). */
static const struct company_rules default_rules = {
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
	struct rules_ctx ctx = {.r = r != NULL ? r : &default_rules};
	return rules_reformed(&ctx, date) ? RULES_REGIME_2025
					  : RULES_REGIME_2014;
}

const char *rules_interview_title(enum rules_regime regime)
{
	return regime == RULES_REGIME_2025
		   ? "entretien de parcours professionnel"
		   : "entretien professionnel";
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

/* §3: S is the seniority date (or hire date), not before 2014-03-07. */
static void seniority(struct rules_ctx *ctx)
{
	const struct employment *e = &ctx->d->employment;
	date_t law = date_from_ymd(RULES_LAW_2014_START_YMD);
	date_t s =
	    e->seniority_date != DATE_NONE ? e->seniority_date : e->hire_date;
	ctx->f->seniority_clamped = s < law;
	ctx->S = s < law ? law : s;
	ctx->f->seniority_start = ctx->S;
	ctx->f->seniority_basis = rules_basis_seniority(ctx);
}

/* §8: the notice is owed for hires from 2014-03-07 on. */
static void notice(struct rules_ctx *ctx)
{
	const struct dossier *d = ctx->d;
	date_t law = date_from_ymd(RULES_LAW_2014_START_YMD);
	ctx->f->notice_owed = d->employment.hire_date >= law;
	ctx->f->notice_delivered =
	    d->notice.delivered && d->notice.date <= ctx->as_of;
}

struct rules_facts *rules_compute(const struct dossier *d, date_t as_of)
{
	struct rules_facts *f = calloc(1, sizeof(*f));
	if (f == NULL)
		return NULL;
	f->arena = arena_new();
	if (f->arena == NULL) {
		free(f);
		return NULL;
	}
	struct rules_ctx ctx = {
	    .d = d,
	    .r = d->company != NULL ? &d->company->rules : &default_rules,
	    .as_of = as_of,
	    .exit = d->employment.exit_date,
	    .f = f,
	};
	ctx.P = ctx.r->periodicity_months > 0 ? ctx.r->periodicity_months : 48;
	f->as_of = as_of;
	f->reform_date = ctx.r->reform_date;
	f->regime_choice = ctx.r->regime;
	f->periodicity_months = ctx.P;
	f->left = ctx.exit != DATE_NONE && ctx.exit < as_of;

	seniority(&ctx);
	notice(&ctx);
	rules_events_collect(&ctx);
	rules_chain(&ctx);
	rules_recap(&ctx);
	rules_senior(&ctx);
	rules_return(&ctx);
	rules_letters(&ctx);
	rules_obligations(&ctx);
	if (ctx.oom) {
		rules_facts_free(f);
		return NULL;
	}
	return f;
}

void rules_facts_free(struct rules_facts *f)
{
	if (f == NULL)
		return;
	arena_free(f->arena);
	free(f);
}

const char *rules_obligation_name(enum rules_obligation_kind kind)
{
	switch (kind) {
	case RULES_OBL_NOTICE:
		return "notice";
	case RULES_OBL_PERIODIC:
		return "periodic";
	case RULES_OBL_RETURN_OFFER:
		return "return-offer";
	case RULES_OBL_MID_CAREER:
		return "mid-career";
	case RULES_OBL_END_OF_CAREER:
		return "end-of-career";
	case RULES_OBL_RECAP:
		return "recap";
	}
	return "";
}

const char *rules_obligation_state_name(enum rules_obligation_state state)
{
	return state == RULES_OVERDUE ? "overdue" : "upcoming";
}

const char *rules_due_state_name(enum rules_due_state state)
{
	switch (state) {
	case RULES_DUE_ON_TIME:
		return "on-time";
	case RULES_DUE_LATE:
		return "late";
	case RULES_DUE_MISSED:
		return "missed";
	case RULES_DUE_OPEN:
		return "open";
	}
	return "";
}

const char *rules_test_name(enum rules_test test)
{
	return test == RULES_TEST_2018_OPTION ? "2018+option" : "2018";
}

const char *rules_letter_name(enum rules_letter_kind kind)
{
	switch (kind) {
	case RULES_LETTER_CONVOCATION:
		return "convocation";
	case RULES_LETTER_RECONVOCATION:
		return "reconvocation";
	case RULES_LETTER_PROPOSAL:
		return "proposal";
	case RULES_LETTER_REFUSAL_RECORD:
		return "refusal-record";
	case RULES_LETTER_DECLINE_RECORD:
		return "decline-record";
	}
	return "";
}
