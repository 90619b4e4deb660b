/*
 * rules_compute(): the order in which rules.md's sections are applied to
 * one dossier, and the words of the CSV outputs.  The steps it calls are
 * in rules_<section>.c; what they share, in rules_ctx.c.
 */
#include <stdlib.h>

#include "arena.h"
#include "rules_internal.h"

const char *rules_interview_title(enum rules_regime regime)
{
	return regime == RULES_REGIME_2025
		   ? "entretien de parcours professionnel"
		   : "entretien professionnel";
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
	    .r = d->company != NULL ? &d->company->rules : &rules_defaults,
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
