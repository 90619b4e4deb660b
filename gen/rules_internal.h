/*
 * What the rules_*.c files share while computing one dossier's facts.
 * For rules_*.c only; everyone else uses rules.h.
 */
#ifndef PARCOURS_RULES_INTERNAL_H
#define PARCOURS_RULES_INTERNAL_H

#include "rules.h"

/* One computation: the inputs, the counting events and the result. */
struct rules_ctx {
	const struct dossier *d;
	const struct company_rules *r;
	date_t as_of;
	date_t S;    /* seniority start, clamped */
	date_t exit; /* DATE_NONE when still employed */
	int P;	     /* 2025 periodicity in months */
	/* §4 counting events up to as-of, in date order; facts' arena. */
	struct rules_event *events;
	size_t nevents;
	struct rules_facts *f;
	bool oom; /* an allocation failed: the facts are dropped */
};

/*
 * rules_ctx.c: what every step shares.  It calls no step, so calls go
 * one way: rules_facts.c -> the steps -> rules_events.c, rules_basis.c
 * -> rules_ctx.c.
 */
/* Used when a dossier has no company (tests, or a bug). */
extern const struct company_rules rules_defaults;
bool rules_reformed(const struct rules_ctx *, date_t date);
/* Arena allocation; sets ctx->oom on failure. */
void *rules_alloc(struct rules_ctx *, size_t size);
/*
 * Makes room for one more element in *arr (of *n, capacity *cap) and
 * returns it zeroed, or NULL (ctx->oom) when out of memory.
 */
void *rules_push(struct rules_ctx *, void **arr, size_t *n, size_t *cap,
		 size_t size);
bool rules_after_exit(const struct rules_ctx *, date_t date);
/* §7b: whether date is in [2020-01-01, 2021-06-30]; its last day. */
bool rules_in_emergency(date_t date);
date_t rules_emergency_last(void);

/* rules_events.c */
struct rules_event rules_event_interview(const struct interview *);
struct rules_event rules_event_refusal(const struct convocation *);
struct rules_event rules_event_convocation(const struct convocation *);
/*
 * The first held interview or refused convocation of kind dated in
 * [lo, hi) and by as-of, an interview before a refusal of the same day;
 * type RULES_EVENT_NONE if there is none.
 */
struct rules_event rules_events_first(const struct rules_ctx *,
				      enum interview_kind kind, date_t lo,
				      date_t hi);
/* Fills ctx->events. */
void rules_events_collect(struct rules_ctx *);

/* The step computations. */
void rules_chain(struct rules_ctx *);	    /* rules_chain.c, §4 */
void rules_recap(struct rules_ctx *);	    /* rules_recap.c, §5 */
void rules_senior(struct rules_ctx *);	    /* rules_senior.c, §6 */
void rules_return(struct rules_ctx *);	    /* rules_return.c, §7 */
void rules_letters(struct rules_ctx *);	    /* rules_letters.c, §9 */
void rules_obligations(struct rules_ctx *); /* rules_obligations.c */

/* rules_basis.c: French sentences, in the facts' arena (NULL on OOM). */
const char *rules_basis_seniority(struct rules_ctx *);
const char *rules_basis_due(struct rules_ctx *, const struct rules_due *);
const char *rules_basis_period(struct rules_ctx *, const struct rules_period *);
const char *rules_basis_verdict(struct rules_ctx *,
				const struct rules_period *);
const char *rules_basis_recap_open(struct rules_ctx *,
				   const struct rules_period *);
const char *rules_basis_return(struct rules_ctx *, const struct rules_return *);
const char *rules_basis_mid_career(struct rules_ctx *,
				   const struct rules_senior *, date_t birth45);
const char *rules_basis_end_of_career(struct rules_ctx *,
				      const struct rules_senior *);
const char *rules_basis_notice(struct rules_ctx *);
/*
 * "régime 2014", or "régime 2014 imposé par les règles de l'entreprise"
 * when the company forces it (rules.md §2: every basis it shapes says so).
 */
const char *rules_basis_regime(struct rules_ctx *, enum rules_regime);
/* printf into the facts' arena. */
const char *rules_basis_printf(struct rules_ctx *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
