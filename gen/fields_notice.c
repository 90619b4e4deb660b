/*
 * Fields of the hiring notice (templates/README.md, contexte notice):
 * the first dates the rules computed.  For fields.c's registry.
 */
#include "fields_internal.h"

static void first_interview(const struct fields_env *env,
			    struct fields_value *v)
{
	if (env->facts->ndues > 0)
		fields_set_date(v, env->facts->dues[0].date);
}

static void first_year(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, env->facts->ndues > 0 &&
			       env->facts->dues[0].first_year);
}

static void first_recap(const struct fields_env *env, struct fields_value *v)
{
	if (env->facts->nperiods > 0)
		fields_set_date(v, env->facts->periods[0].end);
}

static void delivered(const struct fields_env *env, struct fields_value *v)
{
	if (env->dossier->notice.delivered)
		fields_set_date(v, env->dossier->notice.date);
}

#define F(name, type, get) FIELDS_FIELD(name, type, FIELDS_NOTICE, NONE, get)

const struct fields_field fields_notice_table[] = {
    F("notice.first-interview", DATE, first_interview),
    F("notice.first-year", BOOL, first_year),
    F("notice.first-recap", DATE, first_recap),
    F("notice.delivered", DATE, delivered),
    FIELDS_FIELD_END,
};
