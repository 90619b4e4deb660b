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

static void date(const struct fields_env *env, struct fields_value *v)
{
	if (interview(env) != NULL)
		fields_set_date(v, interview(env)->date);
}

static void due(const struct fields_env *env, struct fields_value *v)
{
	if (env->obligation != NULL)
		fields_set_date(v, env->obligation->due);
}

static void interviewer(const struct fields_env *env, struct fields_value *v)
{
	if (interview(env) != NULL)
		fields_set_text(v, interview(env)->interviewer);
}

static void interviewer_title(const struct fields_env *env,
			      struct fields_value *v)
{
	if (interview(env) != NULL)
		fields_set_text(v, interview(env)->interviewer_title);
}

static void previous_date(const struct fields_env *env, struct fields_value *v)
{
	fields_set_date(v, env->previous);
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

#define TEXT_FIELD(fn, member)                                                 \
	static void fn(const struct fields_env *env, struct fields_value *v)   \
	{                                                                      \
		if (report(env) != NULL)                                       \
			fields_set_text(v, report(env)->member);               \
	}

TEXT_FIELD(report_position, position)
TEXT_FIELD(report_skills, skills)
TEXT_FIELD(report_difficulties, difficulties)
TEXT_FIELD(report_wishes, wishes)
TEXT_FIELD(report_training_needs, training_needs)
TEXT_FIELD(report_project, project)
TEXT_FIELD(report_mid_career, mid_career)
TEXT_FIELD(report_end_of_career, end_of_career)
TEXT_FIELD(report_return, return_text)
TEXT_FIELD(report_mandate_skills, mandate_skills)
TEXT_FIELD(report_employee_comments, employee_comments)
TEXT_FIELD(report_employer_comments, employer_comments)

#define INFO_FIELD(fn, member)                                                 \
	static void fn(const struct fields_env *env, struct fields_value *v)   \
	{                                                                      \
		fields_set_flag(v, report(env) != NULL &&                      \
				       report(env)->member == TRI_TRUE);       \
	}

INFO_FIELD(info_vae, info_vae)
INFO_FIELD(info_cpf, info_cpf)
INFO_FIELD(info_abondement, info_abondement)
INFO_FIELD(info_cep, info_cep)

static fields_getter comments_until;

#define F(name, type, get) FIELDS_FIELD(name, type, FIELDS_REPORT, NONE, get)

const struct fields_field fields_report_table[] = {
    F("interview.kind", TEXT, kind),
    F("interview.date", DATE, date),
    F("interview.due", DATE, due),
    F("interview.interviewer", TEXT, interviewer),
    F("interview.interviewer-title", TEXT, interviewer_title),
    F("interview.previous-date", DATE, previous_date),
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
    F("report.position", TEXT, report_position),
    F("report.skills", TEXT, report_skills),
    F("report.difficulties", TEXT, report_difficulties),
    F("report.wishes", TEXT, report_wishes),
    F("report.training-needs", TEXT, report_training_needs),
    F("report.project", TEXT, report_project),
    F("report.mid-career", TEXT, report_mid_career),
    F("report.end-of-career", TEXT, report_end_of_career),
    F("report.return", TEXT, report_return),
    F("report.mandate-skills", TEXT, report_mandate_skills),
    F("report.employee-comments", TEXT, report_employee_comments),
    F("report.employer-comments", TEXT, report_employer_comments),
    F("information.vae", BOOL, info_vae),
    F("information.cpf", BOOL, info_cpf),
    F("information.abondement", BOOL, info_abondement),
    F("information.cep", BOOL, info_cep),
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
