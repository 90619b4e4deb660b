/*
 * Fields and lists of the interview report, filled or blank
 * (templates/README.md, contexte report).  For fields.c's registry.
 */
#include "fields_internal.h"

static const struct interview *interview(const struct fields_env *env)
{
	return env->interview;
}

static const struct report *report(const struct fields_env *env)
{
	return env->interview != NULL ? env->interview->report : NULL;
}

static void kind(const struct fields_env *env, struct fields_value *v)
{
	const struct interview *iv = interview(env);
	fields_set_text(
	    v, fields_kind_label(env, env->kind, iv != NULL && iv->has_absence,
				 iv != NULL ? iv->absence : ABSENCE_OTHER));
}

static void due(const struct fields_env *env, struct fields_value *v)
{
	if (env->obligation != NULL)
		fields_set_date(v, env->obligation->due);
}

static void absence(const struct fields_env *env, struct fields_value *v)
{
	if (interview(env) != NULL && interview(env)->has_absence)
		fields_set_text(v, rules_absence_fr(interview(env)->absence));
}

static void signed_employee(const struct fields_env *env,
			    struct fields_value *v)
{
	if (interview(env) != NULL && interview(env)->has_signatures)
		fields_set_date(v, interview(env)->signed_employee);
}

static void signed_employer(const struct fields_env *env,
			    struct fields_value *v)
{
	if (interview(env) != NULL && interview(env)->has_signatures)
		fields_set_date(v, interview(env)->signed_employer);
}

static void copy_given(const struct fields_env *env, struct fields_value *v)
{
	if (interview(env) != NULL && interview(env)->has_signatures)
		fields_set_date(v, interview(env)->copy_given);
}

static void periodic(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, env->kind == KIND_PERIODIC);
}

static void is_return(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, env->kind == KIND_RETURN);
}

static void recap(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, env->kind == KIND_RECAP);
}

static void mid_career(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, env->kind == KIND_MID_CAREER);
}

static void end_of_career(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, env->kind == KIND_END_OF_CAREER);
}

/*
 * The return (rules.md §7) this return interview follows: the latest one
 * of its absence kind that ended before it.  NULL if none is on record.
 */
static const struct rules_return *matched_return(const struct fields_env *env)
{
	const struct interview *iv = interview(env);
	const struct rules_return *found = NULL;
	if (env->kind != KIND_RETURN || iv == NULL || !iv->has_absence)
		return NULL;
	for (size_t i = 0; i < env->facts->nreturns; i++) {
		const struct rules_return *r = &env->facts->returns[i];
		if (r->kind == iv->absence && r->return_date <= iv->date)
			found = r;
	}
	return found;
}

static void parental(const struct fields_env *env, struct fields_value *v)
{
	const struct interview *iv = interview(env);
	const struct rules_return *r = matched_return(env);
	if (r != NULL)
		fields_set_flag(v, r->parental);
	else
		fields_set_flag(
		    v, env->kind == KIND_RETURN && iv != NULL &&
			   iv->has_absence &&
			   (iv->absence == ABSENCE_PARENTAL_LEAVE ||
			    iv->absence == ABSENCE_PARENTAL_PART_TIME));
}

static bool after_mandate_test(const struct fields_env *env)
{
	const struct interview *iv = interview(env);
	return env->kind == KIND_RETURN && iv != NULL && iv->has_absence &&
	       iv->absence == ABSENCE_UNION_MANDATE;
}

static void after_mandate(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, after_mandate_test(env));
}

static void recensement(const struct fields_env *env, struct fields_value *v)
{
	const struct rules_return *r = matched_return(env);
	const struct company *c = env->dossier->company;
	if (!after_mandate_test(env))
		return;
	fields_set_flag(v, (r != NULL && r->recensement) ||
			       (c != NULL && c->headcount >= 2000));
}

/* Age on the document's date; -1 if unknown. */
static int age(const struct fields_env *env)
{
	date_t birth = env->dossier->employee.birth_date;
	if (birth == DATE_NONE || env->date == DATE_NONE || env->date < birth)
		return -1;
	return date_years_between(birth, env->date);
}

/* rules.md §6: the 2014 regime covers senior topics by age. */
static void mid_career_topics(const struct fields_env *env,
			      struct fields_value *v)
{
	fields_set_flag(
	    v, env->kind == KIND_MID_CAREER ||
		   (env->regime == RULES_REGIME_2014 && age(env) >= 45));
}

static void end_of_career_topics(const struct fields_env *env,
				 struct fields_value *v)
{
	fields_set_flag(
	    v, env->kind == KIND_END_OF_CAREER ||
		   (env->regime == RULES_REGIME_2014 && age(env) >= 58));
}

static fields_getter comments_until;

#define F(name, type, get) FIELDS_FIELD(name, type, FIELDS_REPORT, NONE, get)

#define M(name, type, from, st, m)                                             \
	FIELDS_MEMBER(name, type, FIELDS_REPORT, NONE, from, struct st, m)

const struct fields_field fields_report_table[] = {
    F("interview.kind", TEXT, kind),
    M("interview.date", DATE, INTERVIEW, interview, date),
    F("interview.due", DATE, due),
    M("interview.interviewer", TEXT, INTERVIEW, interview, interviewer),
    M("interview.interviewer-title", TEXT, INTERVIEW, interview,
      interviewer_title),
    M("interview.previous-date", DATE, ENV, fields_env, previous),
    F("interview.absence", TEXT, absence),
    F("interview.signed-employee", DATE, signed_employee),
    F("interview.signed-employer", DATE, signed_employer),
    F("interview.copy-given", DATE, copy_given),
    F("interview.periodic", BOOL, periodic),
    F("interview.return", BOOL, is_return),
    F("interview.recap", BOOL, recap),
    F("interview.mid-career", BOOL, mid_career),
    F("interview.end-of-career", BOOL, end_of_career),
    F("interview.parental", BOOL, parental),
    F("interview.after-mandate", BOOL, after_mandate),
    F("interview.recensement", BOOL, recensement),
    F("interview.mid-career-topics", BOOL, mid_career_topics),
    F("interview.end-of-career-topics", BOOL, end_of_career_topics),
    M("report.position", TEXT, REPORT, report, position),
    M("report.skills", TEXT, REPORT, report, skills),
    M("report.difficulties", TEXT, REPORT, report, difficulties),
    M("report.wishes", TEXT, REPORT, report, wishes),
    M("report.training-needs", TEXT, REPORT, report, training_needs),
    M("report.project", TEXT, REPORT, report, project),
    M("report.mid-career", TEXT, REPORT, report, mid_career),
    M("report.end-of-career", TEXT, REPORT, report, end_of_career),
    M("report.return", TEXT, REPORT, report, return_text),
    M("report.mandate-skills", TEXT, REPORT, report, mandate_skills),
    M("report.employee-comments", TEXT, REPORT, report, employee_comments),
    M("report.employer-comments", TEXT, REPORT, report, employer_comments),
    M("information.vae", BOOL, REPORT, report, info_vae),
    M("information.cpf", BOOL, REPORT, report, info_cpf),
    M("information.abondement", BOOL, REPORT, report, info_abondement),
    M("information.cep", BOOL, REPORT, report, info_cep),
    F("interview.comments-until", DATE, comments_until),
    FIELDS_FIELD_END,
};

static const void *actions(const struct fields_env *env, size_t *cursor)
{
	const struct report *r = report(env);
	if (r == NULL || *cursor >= r->nactions)
		return NULL;
	return &r->actions[(*cursor)++];
}

/* The action plan of the previous held interview's report. */
static const void *previous_actions(const struct fields_env *env,
				    size_t *cursor)
{
	const struct dossier *d = env->dossier;
	const struct report *r = NULL;
	if (env->previous == DATE_NONE)
		return NULL;
	for (size_t i = 0; i < d->ninterviews; i++)
		if (d->interviews[i].date == env->previous &&
		    d->interviews[i].report != NULL)
			r = d->interviews[i].report;
	if (r == NULL || *cursor >= r->nactions)
		return NULL;
	return &r->actions[(*cursor)++];
}

/* Posts held in the company by the report's date (topic 2°). */
static const void *positions(const struct fields_env *env, size_t *cursor)
{
	const struct employment *e = &env->dossier->employment;
	while (*cursor < e->npositions) {
		const struct position *p = &e->positions[(*cursor)++];
		if (p->start <= env->date || env->date == DATE_NONE)
			return p;
	}
	return NULL;
}

/* The employee's comments period: 15 days from the copy given. */
static void comments_until(const struct fields_env *env, struct fields_value *v)
{
	const struct interview *iv = interview(env);
	if (iv != NULL && iv->has_signatures && iv->copy_given != DATE_NONE)
		fields_set_date(v, date_add_days(iv->copy_given, 15));
}

static bool since_previous(const struct fields_env *env, date_t date)
{
	return date != DATE_NONE &&
	       (env->since == DATE_NONE || date > env->since) &&
	       (env->until == DATE_NONE || date <= env->until);
}

static const void *trainings(const struct fields_env *env, size_t *cursor)
{
	return fields_next_training(env, cursor, since_previous);
}

static const void *certifications(const struct fields_env *env, size_t *cursor)
{
	return fields_next_certification(env, cursor, since_previous);
}

const struct fields_list fields_report_lists[] = {
    {"actions", FIELDS_REPORT, FIELDS_ITEM_ACTION, actions},
    {"previous-actions", FIELDS_REPORT, FIELDS_ITEM_ACTION, previous_actions},
    {"positions", FIELDS_REPORT, FIELDS_ITEM_POSITION, positions},
    {"trainings-since-previous", FIELDS_REPORT, FIELDS_ITEM_TRAINING,
     trainings},
    {"certifications-since-previous", FIELDS_REPORT, FIELDS_ITEM_CERTIFICATION,
     certifications},
    {NULL, 0, FIELDS_ITEM_NONE, NULL},
};
