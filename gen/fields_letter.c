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

static void kind(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, fields_kind_label(env, conv(env)->kind,
					     conv(env)->has_absence,
					     conv(env)->absence));
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

/* After parental leave or parental part-time: L1225-57's topics. */
static void parental(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v,
			conv(env)->has_absence &&
			    (conv(env)->absence == ABSENCE_PARENTAL_LEAVE ||
			     conv(env)->absence == ABSENCE_PARENTAL_PART_TIME));
}

/*
 * After a union mandate, the recensement des compétences when rules.md §7
 * says so for the mandate this offer answers: the one it satisfied, else
 * the latest that ended by the letter's date.
 */
static void recensement(const struct fields_env *env, struct fields_value *v)
{
	const struct rules_return *best = NULL;
	const struct convocation *c = conv(env);
	if (!c->has_absence || c->absence != ABSENCE_UNION_MANDATE)
		return;
	for (size_t i = 0; i < env->facts->nreturns; i++) {
		const struct rules_return *r = &env->facts->returns[i];
		if (r->kind != ABSENCE_UNION_MANDATE)
			continue;
		if (r->by.convocation == c) {
			best = r;
			break;
		}
		if (r->end <= c->issued && (best == NULL || r->end > best->end))
			best = r;
	}
	fields_set_flag(v, best != NULL && best->recensement);
}

/* The reply slip's return date: two days before the interview, so that
 * HR knows in time, but never before the day after the letter. */
static void reply_by(const struct fields_env *env, struct fields_value *v)
{
	date_t d = date_add_days(conv(env)->date.date, -2);
	date_t floor = date_add_days(conv(env)->issued, 1);
	fields_set_date(v, d < floor ? floor : d);
}

/* The last interview held before date (and known by as-of). */
static date_t last_held(const struct fields_env *env, date_t before)
{
	date_t best = DATE_NONE;
	const struct dossier *d = env->dossier;
	for (size_t i = 0; i < d->ninterviews; i++) {
		date_t at = d->interviews[i].date;
		if (at < before && at <= env->facts->as_of &&
		    (best == DATE_NONE || at > best))
			best = at;
	}
	return best;
}

/*
 * The earlier refusals that make this one repeated (rules.md §9: same
 * kind, issued before, for an interview after the last one held):
 * « le 10 septembre 2025 (entretien du 15 septembre 2025) et le … ».
 */
static size_t earlier(const struct fields_env *env, struct buf *out);

static void earlier_refusals(const struct fields_env *env,
			     struct fields_value *v)
{
	struct buf b = {0};
	if (earlier(env, &b) > 0)
		fields_set_text(v, fields_keep(env, &b));
	else
		buf_free(&b);
}

/* More than one earlier refusal: « vos refus précédents, exprimés ». */
static void earlier_several(const struct fields_env *env,
			    struct fields_value *v)
{
	struct buf b = {0};
	fields_set_flag(v, earlier(env, &b) > 1);
	buf_free(&b);
}

/* The earlier refusals written into out; how many. */
static size_t earlier(const struct fields_env *env, struct buf *out)
{
	const struct convocation *c = conv(env);
	const struct dossier *d = env->dossier;
	date_t held = last_held(env, c->date.date);
	size_t n = 0, total = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < d->nconvocations; i++) {
			const struct convocation *e = &d->convocations[i];
			if (e == c || e->kind != c->kind ||
			    e->outcome != OUTCOME_REFUSED ||
			    e->issued > c->issued ||
			    (e->issued == c->issued && e > c) ||
			    (held != DATE_NONE && e->date.date <= held))
				continue;
			if (pass == 0) {
				total++;
				continue;
			}
			char r[DATE_FR_LEN], at[DATE_FR_LEN];
			if (n > 0)
				buf_puts(out, n + 1 == total ? " et " : ", ");
			buf_printf(out, "le %s (entretien du %s)",
				   date_fmt_fr(e->response_date != DATE_NONE
						   ? e->response_date
						   : e->date.date,
					       r),
				   date_fmt_fr(e->date.date, at));
			n++;
		}
	}
	return n;
}

#define F(name, type, get) FIELDS_FIELD(name, type, FIELDS_LETTER, NONE, get)

#define M(name, type, from, st, m)                                             \
	FIELDS_MEMBER(name, type, FIELDS_LETTER, NONE, from, struct st, m)

const struct fields_field fields_letter_table[] = {
    F("letter.kind", TEXT, letter_kind),
    M("letter.repeated", BOOL, LETTER, rules_letter, repeated),
    F("convocation.kind", TEXT, kind),
    M("convocation.issued", DATE, CONVOCATION, convocation, issued),
    M("convocation.date", DATETIME, CONVOCATION, convocation, date),
    M("convocation.place", TEXT, CONVOCATION, convocation, place),
    M("convocation.interviewer", TEXT, CONVOCATION, convocation, interviewer),
    M("convocation.interviewer-title", TEXT, CONVOCATION, convocation,
      interviewer_title),
    F("convocation.delivery", TEXT, delivery),
    M("convocation.tracking", TEXT, CONVOCATION, convocation, tracking),
    F("convocation.hand", BOOL, hand),
    F("convocation.registered-mail", BOOL, registered_mail),
    F("convocation.email", BOOL, email),
    F("convocation.absence", TEXT, absence),
    M("convocation.response-date", DATE, CONVOCATION, convocation,
      response_date),
    F("convocation.periodic", BOOL, is_periodic),
    F("convocation.return", BOOL, is_return),
    F("convocation.recap", BOOL, is_recap),
    F("convocation.mid-career", BOOL, is_mid_career),
    F("convocation.end-of-career", BOOL, is_end_of_career),
    F("convocation.parental", BOOL, parental),
    F("convocation.recensement", BOOL, recensement),
    F("convocation.reply-by", DATE, reply_by),
    F("letter.earlier-refusals", TEXT, earlier_refusals),
    F("letter.earlier-several", BOOL, earlier_several),
    F("previous.date", DATETIME, previous_date),
    F("previous.absent", BOOL, previous_absent),
    F("previous.cancelled", BOOL, previous_cancelled),
    FIELDS_FIELD_END,
};
