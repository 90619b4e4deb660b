/*
 * Fields of the letters (templates/README.md, contexte letter): the
 * letter of rules.md §9, its convocation and the one it replaces.  For
 * fields.c's registry.
 */
#include "fields_internal.h"

static const struct convocation *conv(const struct fields_env *env)
{
	return env->letter->convocation;
}

static const struct convocation *previous(const struct fields_env *env)
{
	return env->letter->previous;
}

static void letter_kind(const struct fields_env *env, struct fields_value *v)
{
	const char *s = "";
	switch (env->letter->kind) {
	case RULES_LETTER_CONVOCATION:
		s = "convocation";
		break;
	case RULES_LETTER_RECONVOCATION:
		s = "nouvelle convocation";
		break;
	case RULES_LETTER_PROPOSAL:
		s = "proposition d'entretien";
		break;
	case RULES_LETTER_REFUSAL_RECORD:
		s = "prise d'acte du refus";
		break;
	case RULES_LETTER_DECLINE_RECORD:
		s = "prise d'acte";
		break;
	}
	fields_set_text(v, s);
}

static void letter_repeated(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_flag(v, env->letter->repeated);
}

static void kind(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, fields_kind_label(env, conv(env)->kind,
					     conv(env)->has_absence,
					     conv(env)->absence));
}

static void issued(const struct fields_env *env, struct fields_value *v)
{
	fields_set_date(v, conv(env)->issued);
}

static void date(const struct fields_env *env, struct fields_value *v)
{
	v->datetime = conv(env)->date;
}

static void place(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, conv(env)->place);
}

static void interviewer(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, conv(env)->interviewer);
}

static void interviewer_title(const struct fields_env *env,
			      struct fields_value *v)
{
	fields_set_text(v, conv(env)->interviewer_title);
}

static void delivery(const struct fields_env *env, struct fields_value *v)
{
	struct buf b = {0};
	switch (conv(env)->delivery) {
	case DELIVERY_HAND:
		fields_set_text(v, "Lettre remise en main propre contre "
				   "décharge");
		return;
	case DELIVERY_EMAIL:
		fields_set_text(v, "Envoyée par courriel");
		return;
	case DELIVERY_REGISTERED_MAIL:
		buf_puts(&b, "Lettre recommandée avec accusé de réception");
		if (conv(env)->tracking != NULL)
			buf_printf(&b, " n° %s", conv(env)->tracking);
		fields_set_text(v, fields_keep(env, &b));
		return;
	}
}

static void tracking(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, conv(env)->tracking);
}

static void hand(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, conv(env)->delivery == DELIVERY_HAND);
}

static void registered_mail(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_flag(v, conv(env)->delivery == DELIVERY_REGISTERED_MAIL);
}

static void email(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, conv(env)->delivery == DELIVERY_EMAIL);
}

static void absence(const struct fields_env *env, struct fields_value *v)
{
	if (conv(env)->has_absence)
		fields_set_text(v, rules_absence_fr(conv(env)->absence));
}

static void response_date(const struct fields_env *env, struct fields_value *v)
{
	fields_set_date(v, conv(env)->response_date);
}

#define KIND_FIELD(fn, k)                                                      \
	static void fn(const struct fields_env *env, struct fields_value *v)   \
	{                                                                      \
		fields_set_flag(v, conv(env)->kind == (k));                    \
	}

KIND_FIELD(is_periodic, KIND_PERIODIC)
KIND_FIELD(is_return, KIND_RETURN)
KIND_FIELD(is_recap, KIND_RECAP)
KIND_FIELD(is_mid_career, KIND_MID_CAREER)
KIND_FIELD(is_end_of_career, KIND_END_OF_CAREER)

static void previous_date(const struct fields_env *env, struct fields_value *v)
{
	if (previous(env) != NULL)
		v->datetime = previous(env)->date;
}

static void previous_absent(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_flag(v, previous(env) != NULL &&
			       previous(env)->outcome == OUTCOME_ABSENT);
}

static void previous_cancelled(const struct fields_env *env,
			       struct fields_value *v)
{
	fields_set_flag(v, previous(env) != NULL &&
			       previous(env)->outcome == OUTCOME_CANCELLED);
}

#define F(name, type, get) FIELDS_FIELD(name, type, FIELDS_LETTER, NONE, get)

const struct fields_field fields_letter_table[] = {
    F("letter.kind", TEXT, letter_kind),
    F("letter.repeated", BOOL, letter_repeated),
    F("convocation.kind", TEXT, kind),
    F("convocation.issued", DATE, issued),
    F("convocation.date", DATETIME, date),
    F("convocation.place", TEXT, place),
    F("convocation.interviewer", TEXT, interviewer),
    F("convocation.interviewer-title", TEXT, interviewer_title),
    F("convocation.delivery", TEXT, delivery),
    F("convocation.tracking", TEXT, tracking),
    F("convocation.hand", BOOL, hand),
    F("convocation.registered-mail", BOOL, registered_mail),
    F("convocation.email", BOOL, email),
    F("convocation.absence", TEXT, absence),
    F("convocation.response-date", DATE, response_date),
    F("convocation.periodic", BOOL, is_periodic),
    F("convocation.return", BOOL, is_return),
    F("convocation.recap", BOOL, is_recap),
    F("convocation.mid-career", BOOL, is_mid_career),
    F("convocation.end-of-career", BOOL, is_end_of_career),
    F("previous.date", DATETIME, previous_date),
    F("previous.absent", BOOL, previous_absent),
    F("previous.cancelled", BOOL, previous_cancelled),
    FIELDS_FIELD_END,
};
