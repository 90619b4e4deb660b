/*
 * Fields, lists and the timeline of the état des lieux récapitulatif
 * (templates/README.md, contexte recap): one period of rules.md §5.
 * For fields.c's registry and the template expander.
 */
#include <stdlib.h>
#include <string.h>

#include "fields_internal.h"
#include "typo.h"

static const struct rules_period *period(const struct fields_env *env)
{
	return env->period;
}

static void years(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, period(env)->years == 8 ? "8 ans" : "6 ans");
}

static void regime(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, fields_regime_name(period(env)->regime));
}

static void recap_date(const struct fields_env *env, struct fields_value *v)
{
	if (period(env)->recap.type != RULES_EVENT_NONE)
		fields_set_date(v, period(env)->recap.date);
}

static void recap_refused(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, period(env)->recap.type == RULES_EVENT_REFUSAL);
}

static void copy_given(const struct fields_env *env, struct fields_value *v)
{
	const struct interview *iv = period(env)->recap.interview;
	if (iv != NULL && iv->has_signatures)
		fields_set_date(v, iv->copy_given);
}

static void interviews_summary(const struct fields_env *env,
			       struct fields_value *v)
{
	struct buf b = {0};
	int due = period(env)->interviews_due;
	int on_time = period(env)->interviews_on_time;
	if (due == 0) {
		fields_set_text(v, "aucun entretien prévu");
		return;
	}
	buf_printf(&b, "%d entretien%s prévu%s, ", due, due > 1 ? "s" : "",
		   due > 1 ? "s" : "");
	if (on_time == 0)
		buf_puts(&b, "aucun dans les délais");
	else
		buf_printf(&b, "%d dans les délais", on_time);
	fields_set_text(v, fields_keep(env, &b));
}

static void headcount_50(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, period(env)->headcount >= 50);
}

static void abondement_owed(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_flag(v, period(env)->abondement_eur > 0);
}

/* The payment the dossier records for this period, known by as-of. */
static const struct abondement *payment(const struct fields_env *env)
{
	const struct dossier *d = env->dossier;
	for (size_t i = 0; i < d->nabondements; i++)
		if (d->abondements[i].period_end == period(env)->end &&
		    d->abondements[i].paid <= env->facts->as_of)
			return &d->abondements[i];
	return NULL;
}

static void paid(const struct fields_env *env, struct fields_value *v)
{
	const struct abondement *a = payment(env);
	if (a != NULL)
		fields_set_date(v, a->paid);
}

static void paid_reference(const struct fields_env *env, struct fields_value *v)
{
	const struct abondement *a = payment(env);
	if (a != NULL)
		fields_set_text(v, a->reference);
}

static void paid_amount(const struct fields_env *env, struct fields_value *v)
{
	const struct abondement *a = payment(env);
	if (a != NULL)
		fields_set_number(v, a->amount_eur >= 0
					 ? a->amount_eur
					 : period(env)->abondement_eur);
}

/* A final period's payment date passed with no payment recorded. */
static void payment_overdue(const struct fields_env *env,
			    struct fields_value *v)
{
	const struct rules_period *p = period(env);
	fields_set_flag(v, p->final && p->abondement_eur > 0 &&
			       p->payment_due != DATE_NONE &&
			       p->payment_due < env->facts->as_of &&
			       payment(env) == NULL);
}

/* §7b: the droit d'option of the emergency years, and what it found. */
static void option(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, period(env)->test == RULES_TEST_2018_OPTION);
}

static fields_getter to_hold_count, more_to_hold, next_to_hold, risk,
    projected_payment;

#define F(name, type, get) FIELDS_FIELD(name, type, FIELDS_RECAP, NONE, get)

#define PERIOD(name, type, m)                                                  \
	FIELDS_MEMBER(name, type, FIELDS_RECAP, NONE, PERIOD,                  \
		      struct rules_period, m)

const struct fields_field fields_recap_table[] = {
    PERIOD("period.index", NUMBER, index),
    PERIOD("period.start", DATE, start),
    PERIOD("period.end", DATE, end),
    F("period.years", TEXT, years),
    F("period.regime", TEXT, regime),
    PERIOD("period.final", BOOL, final),
    F("period.recap-date", DATE, recap_date),
    F("period.recap-refused", BOOL, recap_refused),
    F("period.copy-given", DATE, copy_given),
    PERIOD("period.interviews-due", NUMBER, interviews_due),
    PERIOD("period.interviews-on-time", NUMBER, interviews_on_time),
    F("period.interviews-summary", TEXT, interviews_summary),
    PERIOD("period.interviews-ok", BOOL, interviews_ok),
    PERIOD("period.non-mandatory-training", BOOL, non_mandatory_training),
    PERIOD("period.certification", BOOL, certification),
    PERIOD("period.progression", BOOL, progression),
    PERIOD("period.headcount", NUMBER, headcount),
    F("period.headcount-50", BOOL, headcount_50),
    F("period.abondement-owed", BOOL, abondement_owed),
    PERIOD("period.abondement", AMOUNT, abondement_eur),
    PERIOD("period.payment-due", DATE, payment_due),
    PERIOD("period.basis", TEXT, basis),
    PERIOD("period.verdict", TEXT, verdict),
    F("period.option", BOOL, option),
    PERIOD("period.measures", NUMBER, measures),
    PERIOD("period.option-decided", BOOL, option_decided),
    F("period.paid", DATE, paid),
    F("period.paid-reference", TEXT, paid_reference),
    F("period.paid-amount", AMOUNT, paid_amount),
    F("period.payment-overdue", BOOL, payment_overdue),
    F("period.to-hold", NUMBER, to_hold_count),
    F("period.more-to-hold", BOOL, more_to_hold),
    F("period.next-to-hold", DATE, next_to_hold),
    F("period.at-risk", BOOL, risk),
    F("period.projected-payment", DATE, projected_payment),
    FIELDS_FIELD_END,
};

/*
 * The due dates still to hold before the end of a provisional period: the
 * open one of §4's chain when it falls inside, then each following one if
 * every interview is held on its last day (the chain's own step: 24
 * months while that ends before R under the 2014 regime, else P).  At
 * most max, in date order; returns how many.
 */
static size_t to_hold(const struct fields_env *env, date_t out[], size_t max)
{
	const struct rules_facts *f = env->facts;
	const struct rules_period *p = period(env);
	date_t exit = env->dossier->employment.exit_date;
	size_t n = 0;
	if (p->final)
		return 0;
	for (size_t i = 0; i < f->ndues; i++) {
		if (f->dues[i].state != RULES_DUE_OPEN)
			continue;
		date_t d = f->dues[i].date;
		while (n < max && rules_period_contains(p, d) &&
		       (exit == DATE_NONE || d <= exit)) {
			out[n++] = d;
			date_t two = date_add_months(d, 24);
			bool y2014 = f->regime_choice == REGIME_2014 ||
				     (f->regime_choice == REGIME_AUTO &&
				      two < f->reform_date);
			d = y2014 ? two
				  : date_add_months(d, f->periodicity_months);
		}
	}
	return n;
}

#define MAX_TO_HOLD 8

/* rules.md §5: the due dates counted in the period, then (provisional
 * period) those still to hold, as open dues of their own. */
static const void *dues(const struct fields_env *env, size_t *cursor)
{
	const struct rules_facts *f = env->facts;
	while (*cursor < f->ndues) {
		const struct rules_due *d = &f->dues[(*cursor)++];
		if (d->state != RULES_DUE_OPEN &&
		    rules_period_contains(period(env), d->date))
			return d;
	}
	date_t later[MAX_TO_HOLD];
	size_t n = to_hold(env, later, MAX_TO_HOLD);
	size_t k = *cursor - f->ndues;
	if (k >= n)
		return NULL;
	struct rules_due *d = arena_alloc(env->arena, sizeof(*d));
	if (d == NULL)
		return NULL;
	*d = (struct rules_due){.date = later[k], .state = RULES_DUE_OPEN};
	d->regime = rules_regime_of(&env->dossier->company->rules, later[k]);
	++*cursor;
	return d;
}

static void to_hold_count(const struct fields_env *env, struct fields_value *v)
{
	date_t later[MAX_TO_HOLD];
	fields_set_number(v, (long long)to_hold(env, later, MAX_TO_HOLD));
}

static void more_to_hold(const struct fields_env *env, struct fields_value *v)
{
	date_t later[MAX_TO_HOLD];
	fields_set_flag(v, to_hold(env, later, MAX_TO_HOLD) > 1);
}

static void next_to_hold(const struct fields_env *env, struct fields_value *v)
{
	date_t later[MAX_TO_HOLD];
	if (to_hold(env, later, MAX_TO_HOLD) > 0)
		fields_set_date(v, later[0]);
}

/*
 * The risk of a provisional period: nothing yet owed, or owed already,
 * but 3 000 € will be owed at Pk if nothing changes: no non-mandatory
 * training, and an interview missed or still to hold.
 */
static bool at_risk(const struct fields_env *env)
{
	const struct rules_period *p = period(env);
	date_t later[MAX_TO_HOLD];
	long eur = env->dossier->company->rules.abondement_eur;
	return !p->final && p->headcount >= 50 && eur > 0 &&
	       !p->non_mandatory_training &&
	       (!p->interviews_ok || to_hold(env, later, MAX_TO_HOLD) > 0);
}

static void risk(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, at_risk(env));
}

/* R6323-3: the quarter after the period's end, if nothing changes. */
static void projected_payment(const struct fields_env *env,
			      struct fields_value *v)
{
	if (at_risk(env))
		fields_set_date(v, date_quarter_end_after(period(env)->end));
}

static bool in_period(const struct fields_env *env, date_t date)
{
	return rules_period_contains(period(env), date);
}

static const void *trainings(const struct fields_env *env, size_t *cursor)
{
	return fields_next_training(env, cursor, in_period);
}

static const void *certifications(const struct fields_env *env, size_t *cursor)
{
	return fields_next_certification(env, cursor, in_period);
}

static const void *progressions(const struct fields_env *env, size_t *cursor)
{
	const struct dossier *d = env->dossier;
	while (*cursor < d->nprogressions) {
		const struct progression *p = &d->progressions[(*cursor)++];
		if (rules_period_contains(period(env), p->date))
			return p;
	}
	return NULL;
}

/* Absences that overlap the period, of any kind. */
static const void *absences(const struct fields_env *env, size_t *cursor)
{
	const struct dossier *d = env->dossier;
	const struct rules_period *p = period(env);
	while (*cursor < d->nabsences) {
		const struct absence *a = &d->absences[(*cursor)++];
		if (a->start <= p->end &&
		    (a->end == DATE_NONE || a->end >= p->start))
			return a;
	}
	return NULL;
}

const struct fields_list fields_recap_lists[] = {
    {"period-dues", FIELDS_RECAP, FIELDS_ITEM_DUE, dues},
    {"period-trainings", FIELDS_RECAP, FIELDS_ITEM_TRAINING, trainings},
    {"period-certifications", FIELDS_RECAP, FIELDS_ITEM_CERTIFICATION,
     certifications},
    {"period-progressions", FIELDS_RECAP, FIELDS_ITEM_PROGRESSION,
     progressions},
    {"period-absences", FIELDS_RECAP, FIELDS_ITEM_ABSENCE, absences},
    {NULL, 0, FIELDS_ITEM_NONE, NULL},
};

/* The timeline's marks, grown in the arena (old blocks are left). */
struct marks {
	struct arena *arena;
	struct doc_mark_item *items;
	size_t n, cap;
	bool oom;
};

static void mark(struct marks *m, enum doc_mark kind, date_t start, date_t end,
		 const char *label)
{
	if (!arena_grow(m->arena, &m->items, &m->cap, m->n, 16,
			sizeof(*m->items))) {
		m->oom = true;
		return;
	}
	/* Copied: the tree outlives the dossier; our words take ’. */
	struct buf b = {0};
	typo_apostrophes(&b, label != NULL ? label : "");
	buf_put(&b, "", 1);
	const char *copy =
	    b.oom ? NULL : arena_strdup(m->arena, (const char *)b.data);
	buf_free(&b);
	if (copy == NULL) {
		m->oom = true;
		return;
	}
	m->items[m->n++] = (struct doc_mark_item){kind, start, end, copy};
}

static date_t clamp(date_t d, date_t lo, date_t hi)
{
	return d < lo ? lo : d > hi ? hi : d;
}

static enum doc_mark due_mark(enum rules_due_state state)
{
	switch (state) {
	case RULES_DUE_ON_TIME:
		return DOC_MARK_DUE_ON_TIME;
	case RULES_DUE_LATE:
		return DOC_MARK_DUE_LATE;
	case RULES_DUE_MISSED:
		return DOC_MARK_DUE_MISSED;
	case RULES_DUE_OPEN:
		break;
	}
	return DOC_MARK_DUE_OPEN;
}

static bool inside(const struct rules_period *p, date_t d)
{
	return d != DATE_NONE && d >= p->start && d <= p->end;
}

static void timeline_events(const struct fields_env *env, struct marks *m)
{
	const struct rules_period *p = period(env);
	const struct dossier *d = env->dossier;
	date_t later[MAX_TO_HOLD];
	size_t nlater = to_hold(env, later, MAX_TO_HOLD);
	for (size_t i = 0; i < env->facts->ndues; i++) {
		const struct rules_due *due = &env->facts->dues[i];
		if (inside(p, due->date) && due->state != RULES_DUE_OPEN)
			mark(m, due_mark(due->state), due->date, due->date,
			     "échéance");
	}
	/* The open due date and those after it, on a provisional period
	 * only: a final one shows what happened. */
	for (size_t i = 0; i < nlater; i++)
		mark(m, DOC_MARK_DUE_OPEN, later[i], later[i], "à réaliser");
	if (!p->final && inside(p, env->facts->as_of))
		mark(m, DOC_MARK_TODAY, env->facts->as_of, env->facts->as_of,
		     "aujourd’hui");
	for (size_t i = 0; i < d->ninterviews; i++) {
		const struct interview *iv = &d->interviews[i];
		if (!inside(p, iv->date) || iv->date > env->facts->as_of)
			continue;
		bool is_recap = p->recap.interview == iv;
		mark(m, is_recap ? DOC_MARK_RECAP : DOC_MARK_HELD, iv->date,
		     iv->date, is_recap ? "état des lieux" : "entretien");
	}
	for (size_t i = 0; i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		if (c->outcome == OUTCOME_REFUSED && inside(p, c->date.date) &&
		    c->date.date <= env->facts->as_of)
			mark(m, DOC_MARK_REFUSED, c->date.date, c->date.date,
			     "refus");
	}
}

static void timeline_spans(const struct fields_env *env, struct marks *m)
{
	const struct rules_period *p = period(env);
	const struct dossier *d = env->dossier;
	date_t open_end =
	    env->facts->as_of < p->end ? env->facts->as_of : p->end;
	for (size_t i = 0; i < d->ntrainings; i++) {
		const struct training *t = &d->trainings[i];
		if (t->start > p->end || t->end < p->start)
			continue;
		mark(m,
		     t->mandatory ? DOC_MARK_TRAINING_MANDATORY
				  : DOC_MARK_TRAINING,
		     clamp(t->start, p->start, p->end),
		     clamp(t->end, p->start, p->end), t->title);
	}
	for (size_t i = 0; i < d->nabsences; i++) {
		const struct absence *a = &d->absences[i];
		date_t e = a->end != DATE_NONE ? a->end : open_end;
		if (a->start > p->end || e < p->start || e < a->start)
			continue;
		mark(m, DOC_MARK_ABSENCE, clamp(a->start, p->start, p->end),
		     clamp(e, p->start, p->end), rules_absence_fr(a->kind));
	}
}

static int mark_cmp(const void *pa, const void *pb)
{
	const struct doc_mark_item *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return strcmp(a->label, b->label);
}

/* "début : 4 septembre 2017", in the arena. */
static const char *bound_label(const struct fields_env *env, const char *what,
			       date_t d)
{
	char s[DATE_FR_LEN];
	struct buf b = {0};
	buf_printf(&b, "%s%s", what, date_fmt_fr(d, s));
	return fields_keep(env, &b);
}

struct doc_timeline *fields_timeline(const struct fields_env *env)
{
	struct marks m = {.arena = env->arena};
	struct doc_timeline *t = arena_alloc(env->arena, sizeof(*t));
	if (t == NULL || period(env) == NULL)
		return NULL;
	timeline_events(env, &m);
	timeline_spans(env, &m);
	if (m.oom)
		return NULL;
	/* qsort is not stable: mark_cmp orders by every member, so that
	 * equal marks are interchangeable and the output reproducible. */
	if (m.n > 1)
		qsort(m.items, m.n, sizeof(*m.items), mark_cmp);
	*t = (struct doc_timeline){
	    .start = period(env)->start,
	    .end = period(env)->end,
	    .start_label = bound_label(env, "début : ", period(env)->start),
	    .end_label = bound_label(env, "fin : ", period(env)->end),
	    .items = m.items,
	    .nitems = m.n,
	};
	if (t->start_label == NULL || t->end_label == NULL)
		return NULL;
	return t;
}
