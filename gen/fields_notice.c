/*
 * Fields of the hiring notice (templates/README.md, contexte notice):
 * what the rules computed on the notice's own date (rules.md §8), from
 * env->notice.  For fields.c's registry.
 */
#include "fields_internal.h"

/* The open periodic obligation on the notice's date, or NULL. */
static const struct rules_obligation *
next_periodic(const struct fields_env *env)
{
	for (size_t i = 0; i < env->notice->nobligations; i++)
		if (env->notice->obligations[i].kind == RULES_OBL_PERIODIC)
			return &env->notice->obligations[i];
	return NULL;
}

/* A due date already passed on the notice's date: never announced as a
 * date, but as an interview to organise without waiting. */
static bool overdue(const struct fields_env *env)
{
	const struct rules_obligation *o = next_periodic(env);
	return o != NULL && o->due < env->date;
}

static void next_interview(const struct fields_env *env, struct fields_value *v)
{
	const struct rules_obligation *o = next_periodic(env);
	if (o != NULL && o->due >= env->date)
		fields_set_date(v, o->due);
}

static void interview_overdue(const struct fields_env *env,
			      struct fields_value *v)
{
	fields_set_flag(v, overdue(env));
}

/* The regime of the cadence the employee is told: that of the next due
 * date, or, when one is overdue, of the day the interview that restarts
 * the cycle is held (the notice's). */
static enum rules_regime cadence(const struct fields_env *env)
{
	const struct rules_obligation *o = next_periodic(env);
	if (o == NULL || overdue(env))
		return env->regime;
	return o->regime;
}

static void cadence_2025(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, cadence(env) == RULES_REGIME_2025);
}

static void periodicity(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, fields_periodicity(env, cadence(env)));
}

static void first_year(const struct fields_env *env, struct fields_value *v)
{
	const struct rules_obligation *o = next_periodic(env);
	bool first = false;
	for (size_t i = 0; o != NULL && i < env->notice->ndues; i++)
		if (env->notice->dues[i].date == o->due)
			first = env->notice->dues[i].first_year;
	fields_set_flag(v, first && !overdue(env));
}

/* Taken over with a seniority from before the hire (L1224-1): the cycle
 * of the previous employer goes on. */
static void transferred(const struct fields_env *env, struct fields_value *v)
{
	const struct employment *e = &env->dossier->employment;
	fields_set_flag(v, e->seniority_date != DATE_NONE &&
			       e->seniority_date < e->hire_date);
}

/* The first recap period that ends on or after the notice's date. */
static const struct rules_period *next_period(const struct fields_env *env)
{
	for (size_t i = 0; i < env->notice->nperiods; i++)
		if (env->notice->periods[i].end >= env->date)
			return &env->notice->periods[i];
	return NULL;
}

static void next_recap(const struct fields_env *env, struct fields_value *v)
{
	const struct rules_period *p = next_period(env);
	if (p != NULL)
		fields_set_date(v, p->end);
}

static void recap_years(const struct fields_env *env, struct fields_value *v)
{
	const struct rules_period *p = next_period(env);
	enum rules_regime r = p != NULL ? p->regime : env->regime;
	fields_set_text(v, fields_recap_span(r));
}

static void delivered(const struct fields_env *env, struct fields_value *v)
{
	if (env->dossier->notice.delivered)
		fields_set_date(v, env->dossier->notice.date);
}

#define F(name, type, get) FIELDS_FIELD(name, type, FIELDS_NOTICE, NONE, get)

const struct fields_field fields_notice_table[] = {
    F("notice.next-interview", DATE, next_interview),
    F("notice.interview-overdue", BOOL, interview_overdue),
    F("notice.cadence-2025", BOOL, cadence_2025),
    F("notice.periodicity", TEXT, periodicity),
    F("notice.first-year", BOOL, first_year),
    F("notice.transferred", BOOL, transferred),
    F("notice.next-recap", DATE, next_recap),
    F("notice.recap-years", TEXT, recap_years),
    F("notice.delivered", DATE, delivered),
    /* The names of the first templates, kept for sets written then. */
    F("notice.first-interview", DATE, next_interview),
    F("notice.first-recap", DATE, next_recap),
    FIELDS_FIELD_END,
};
