/*
 * Fields of list items (templates/README.md, "Champs des éléments de
 * liste"), valid only inside a <for> over a list of that item.  For
 * fields.c's registry.
 */
#include "fields_internal.h"
#include "fmt.h"

static const struct training *training(const struct fields_env *env)
{
	return env->items[FIELDS_ITEM_TRAINING];
}

static void training_dates(const struct fields_env *env, struct fields_value *v)
{
	char s[FMT_RANGE_LEN];
	fmt_date_range(training(env)->start, training(env)->end, s);
	fields_set_text(v, arena_strdup(env->arena, s));
}

static void training_hours(const struct fields_env *env, struct fields_value *v)
{
	char s[FMT_HOURS_LEN];
	fmt_hours(training(env)->hours, s);
	if (s[0] != '\0')
		fields_set_text(v, arena_strdup(env->arena, s));
}

static const struct certification *certification(const struct fields_env *env)
{
	return env->items[FIELDS_ITEM_CERTIFICATION];
}

static void certification_kind(const struct fields_env *env,
			       struct fields_value *v)
{
	const char *s = "autre";
	switch (certification(env)->kind) {
	case CERT_DIPLOMA:
		s = "diplôme";
		break;
	case CERT_TITLE:
		s = "titre professionnel";
		break;
	case CERT_CQP:
		s = "CQP";
		break;
	case CERT_VAE:
		s = "VAE";
		break;
	case CERT_OTHER:
		break;
	}
	fields_set_text(v, s);
}

static void certification_vae(const struct fields_env *env,
			      struct fields_value *v)
{
	fields_set_flag(v, certification(env)->kind == CERT_VAE);
}

static const struct progression *progression(const struct fields_env *env)
{
	return env->items[FIELDS_ITEM_PROGRESSION];
}

static void progression_kind(const struct fields_env *env,
			     struct fields_value *v)
{
	fields_set_text(v, progression(env)->kind == PROGRESSION_SALARY
			       ? "salariale"
			       : "professionnelle");
}

static const struct absence *absence(const struct fields_env *env)
{
	return env->items[FIELDS_ITEM_ABSENCE];
}

static void absence_kind(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, rules_absence_fr(absence(env)->kind));
}

static void absence_dates(const struct fields_env *env, struct fields_value *v)
{
	char s[FMT_RANGE_LEN];
	fmt_date_range(absence(env)->start, absence(env)->end, s);
	fields_set_text(v, arena_strdup(env->arena, s));
}

static const struct action *action(const struct fields_env *env)
{
	return env->items[FIELDS_ITEM_ACTION];
}

static void action_kind(const struct fields_env *env, struct fields_value *v)
{
	const char *s = "autre";
	switch (action(env)->kind) {
	case ACTION_TRAINING:
		s = "formation";
		break;
	case ACTION_VAE:
		s = "VAE";
		break;
	case ACTION_BILAN:
		s = "bilan de compétences";
		break;
	case ACTION_MOBILITY:
		s = "mobilité";
		break;
	case ACTION_TUTORING:
		s = "tutorat";
		break;
	case ACTION_OTHER:
		break;
	}
	fields_set_text(v, s);
}

/* The follow-up of a previous plan (dossier.md: @status as known at the
 * next interview). */
static void action_status(const struct fields_env *env, struct fields_value *v)
{
	const char *s = "non commencée";
	switch (action(env)->status) {
	case ACTION_PLANNED:
		break;
	case ACTION_DONE:
		s = "réalisée";
		break;
	case ACTION_IN_PROGRESS:
		s = "en cours";
		break;
	case ACTION_DROPPED:
		s = "abandonnée";
		break;
	}
	fields_set_text(v, s);
}

static const struct position *position(const struct fields_env *env)
{
	return env->items[FIELDS_ITEM_POSITION];
}

/* « depuis le 1er mars 2021 », « du 4 septembre 2017 au 28 février 2021 ». */
static void position_dates(const struct fields_env *env, struct fields_value *v)
{
	char a[DATE_FR_LEN], b[DATE_FR_LEN];
	struct buf out = {0};
	const struct position *p = position(env);
	if (p->end == DATE_NONE)
		buf_printf(&out, "depuis le %s", date_fmt_fr(p->start, a));
	else
		buf_printf(&out, "du %s au %s", date_fmt_fr(p->start, a),
			   date_fmt_fr(p->end, b));
	fields_set_text(v, fields_keep(env, &out));
}

static const struct rules_due *due(const struct fields_env *env)
{
	return env->items[FIELDS_ITEM_DUE];
}

static void due_met(const struct fields_env *env, struct fields_value *v)
{
	char s[DATE_FR_LEN];
	struct buf b = {0};
	const struct rules_event *e = &due(env)->met_by;
	switch (e->type) {
	case RULES_EVENT_INTERVIEW:
	case RULES_EVENT_CONVOCATION:
		buf_printf(&b, "entretien du %s", date_fmt_fr(e->date, s));
		break;
	case RULES_EVENT_REFUSAL:
		buf_printf(&b, "refus de l'entretien du %s",
			   date_fmt_fr(e->date, s));
		break;
	case RULES_EVENT_NONE:
		return;
	}
	fields_set_text(v, fields_keep(env, &b));
}

static void due_status(const struct fields_env *env, struct fields_value *v)
{
	const char *s = "";
	switch (due(env)->state) {
	case RULES_DUE_ON_TIME:
		s = "dans les délais";
		break;
	case RULES_DUE_LATE:
		s = "en retard";
		break;
	case RULES_DUE_MISSED:
		s = "non réalisé";
		break;
	case RULES_DUE_OPEN:
		s = "à réaliser";
		break;
	}
	fields_set_text(v, s);
}

static void due_met_date(const struct fields_env *env, struct fields_value *v)
{
	if (due(env)->met_by.type != RULES_EVENT_NONE)
		fields_set_date(v, due(env)->met_by.date);
}

static void due_on_time(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, due(env)->state == RULES_DUE_ON_TIME);
}

static void due_open(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, due(env)->state == RULES_DUE_OPEN);
}

static void due_late(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, due(env)->state == RULES_DUE_LATE);
}

static void due_missed(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, due(env)->state == RULES_DUE_MISSED);
}

static void due_regime(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, fields_regime_name(due(env)->regime));
}

#define F(name, type, item, get) FIELDS_FIELD(name, type, FIELDS_ALL, item, get)

#define M(name, type, item, st, m)                                             \
	FIELDS_MEMBER(name, type, FIELDS_ALL, item, ITEM, struct st, m)

const struct fields_field fields_item_table[] = {
    M("training.title", TEXT, TRAINING, training, title),
    M("training.start", DATE, TRAINING, training, start),
    M("training.end", DATE, TRAINING, training, end),
    F("training.dates", TEXT, TRAINING, training_dates),
    F("training.hours", TEXT, TRAINING, training_hours),
    M("training.mandatory", BOOL, TRAINING, training, mandatory),
    M("training.certifying", BOOL, TRAINING, training, certifying),
    M("certification.title", TEXT, CERTIFICATION, certification, title),
    M("certification.date", DATE, CERTIFICATION, certification, date),
    F("certification.kind", TEXT, CERTIFICATION, certification_kind),
    F("certification.vae", BOOL, CERTIFICATION, certification_vae),
    M("progression.text", TEXT, PROGRESSION, progression, text),
    M("progression.date", DATE, PROGRESSION, progression, date),
    F("progression.kind", TEXT, PROGRESSION, progression_kind),
    F("absence.kind", TEXT, ABSENCE, absence_kind),
    M("absence.start", DATE, ABSENCE, absence, start),
    M("absence.end", DATE, ABSENCE, absence, end),
    F("absence.dates", TEXT, ABSENCE, absence_dates),
    F("action.kind", TEXT, ACTION, action_kind),
    M("action.text", TEXT, ACTION, action, text),
    M("action.due", DATE, ACTION, action, due),
    F("action.status", TEXT, ACTION, action_status),
    M("position.title", TEXT, POSITION, position, title),
    M("position.start", DATE, POSITION, position, start),
    M("position.end", DATE, POSITION, position, end),
    F("position.dates", TEXT, POSITION, position_dates),
    M("due.date", DATE, DUE, rules_due, date),
    F("due.met", TEXT, DUE, due_met),
    F("due.met-date", DATE, DUE, due_met_date),
    F("due.status", TEXT, DUE, due_status),
    F("due.on-time", BOOL, DUE, due_on_time),
    F("due.late", BOOL, DUE, due_late),
    F("due.open", BOOL, DUE, due_open),
    F("due.missed", BOOL, DUE, due_missed),
    F("due.regime", TEXT, DUE, due_regime),
    FIELDS_FIELD_END,
};
