/*
 * The registry of template names (see fields.h): lookup over the tables
 * of fields_*.c, formats by type, and the labels and list walks they
 * share.
 */
#include <string.h>

#include "fields_internal.h"
#include "fmt.h"

static const struct fields_field *const field_tables[] = {
    fields_common_table, fields_notice_table, fields_report_table,
    fields_recap_table,	 fields_letter_table, fields_item_table,
};

static const struct fields_list *const list_tables[] = {
    fields_report_lists,
    fields_recap_lists,
};

const struct fields_field *fields_find(const char *name)
{
	for (size_t t = 0; t < sizeof(field_tables) / sizeof(*field_tables);
	     t++)
		for (const struct fields_field *f = field_tables[t];
		     f->name != NULL; f++)
			if (strcmp(f->name, name) == 0)
				return f;
	return NULL;
}

bool fields_verbatim(const struct fields_field *f)
{
	/* Names of people and places, and identifiers, as the dossier
	 * gives them (O'Brien stays O'Brien); every other text, ours or
	 * the dossier's (job titles, report text), takes the typographic
	 * apostrophe. */
	static const char *const as_given[] = {
	    "employee.name",	       "employee.given-name",
	    "employee.family-name",    "employee.address",
	    "employee.email",	       "company.name",
	    "company.siret",	       "company.address",
	    "company.postcode",	       "company.city",
	    "company.signatory-name",  "employment.manager",
	    "convocation.interviewer", "convocation.tracking",
	    "interview.interviewer",   NULL};
	if (f->type != FIELDS_TEXT)
		return false;
	for (size_t i = 0; as_given[i] != NULL; i++)
		if (strcmp(f->name, as_given[i]) == 0)
			return true;
	return false;
}

enum fields_type fields_type(const struct fields_field *f)
{
	return f->type;
}

unsigned fields_contexts(const struct fields_field *f)
{
	return f->ctx;
}

enum fields_item fields_item(const struct fields_field *f)
{
	return f->item;
}

const struct fields_list *fields_find_list(const char *name)
{
	for (size_t t = 0; t < sizeof(list_tables) / sizeof(*list_tables); t++)
		for (const struct fields_list *l = list_tables[t];
		     l->name != NULL; l++)
			if (strcmp(l->name, name) == 0)
				return l;
	return NULL;
}

unsigned fields_list_contexts(const struct fields_list *l)
{
	return l->ctx;
}

enum fields_item fields_list_item(const struct fields_list *l)
{
	return l->item;
}

const char *fields_item_name(enum fields_item item)
{
	switch (item) {
	case FIELDS_ITEM_NONE:
		return "";
	case FIELDS_ITEM_TRAINING:
		return "training";
	case FIELDS_ITEM_CERTIFICATION:
		return "certification";
	case FIELDS_ITEM_PROGRESSION:
		return "progression";
	case FIELDS_ITEM_ABSENCE:
		return "absence";
	case FIELDS_ITEM_ACTION:
		return "action";
	case FIELDS_ITEM_DUE:
		return "due";
	case FIELDS_ITEM_POSITION:
		return "position";
	case FIELDS_NITEMS:
		break;
	}
	return "";
}

const char *fields_ctx_name(enum fields_ctx ctx)
{
	switch (ctx) {
	case FIELDS_NOTICE:
		return "notice";
	case FIELDS_REPORT:
		return "report";
	case FIELDS_RECAP:
		return "recap";
	case FIELDS_LETTER:
		return "letter";
	}
	return "";
}

/* Format names by type; the first of each is the default. */
static const char *const text_formats[] = {"plain", "upper", "capital", NULL};
static const char *const date_formats[] = {"words", "weekday", "numeric", "iso",
					   "month", "year",    NULL};
static const char *const datetime_formats[] = {"full", "words", "weekday",
					       "time", "iso",	NULL};
static const char *const number_formats[] = {"number", NULL};
static const char *const amount_formats[] = {"amount", NULL};
static const char *const bool_formats[] = {"yes-no", NULL};

static const char *const *formats_of(enum fields_type type)
{
	switch (type) {
	case FIELDS_TEXT:
		return text_formats;
	case FIELDS_DATE:
		return date_formats;
	case FIELDS_DATETIME:
		return datetime_formats;
	case FIELDS_NUMBER:
		return number_formats;
	case FIELDS_AMOUNT:
		return amount_formats;
	case FIELDS_BOOL:
		return bool_formats;
	}
	return bool_formats;
}

int fields_format_find(enum fields_type type, const char *name)
{
	const char *const *names = formats_of(type);
	for (int i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/* The struct a member row reads from; NULL when there is none. */
static const void *member_of(const struct fields_field *f,
			     const struct fields_env *env)
{
	switch (f->from) {
	case FIELDS_FROM_ENV:
		return env;
	case FIELDS_FROM_COMPANY:
		return env->dossier->company;
	case FIELDS_FROM_EMPLOYEE:
		return &env->dossier->employee;
	case FIELDS_FROM_EMPLOYMENT:
		return &env->dossier->employment;
	case FIELDS_FROM_INTERVIEW:
		return env->interview;
	case FIELDS_FROM_REPORT:
		return env->interview != NULL ? env->interview->report : NULL;
	case FIELDS_FROM_LETTER:
		return env->letter;
	case FIELDS_FROM_CONVOCATION:
		return env->letter != NULL ? env->letter->convocation : NULL;
	case FIELDS_FROM_PERIOD:
		return env->period;
	case FIELDS_FROM_ITEM:
		return env->items[f->item];
	}
	return NULL;
}

/* A member row's value: the member copied out as its C type. */
static void get_member(const struct fields_field *f,
		       const struct fields_env *env, struct fields_value *v)
{
	const unsigned char *base = member_of(f, env), *p;
	if (base == NULL)
		return;
	p = base + f->offset;
	/* Copied with memcpy: p is a byte address into any of the structs. */
	long long n = 0;
	switch (f->member) {
	case FIELDS_MEMBER_TEXT:
		memcpy(&v->text, p, sizeof(v->text));
		return;
	case FIELDS_MEMBER_DATE:
		memcpy(&v->date, p, sizeof(v->date));
		return;
	case FIELDS_MEMBER_DATETIME:
		memcpy(&v->datetime, p, sizeof(v->datetime));
		return;
	case FIELDS_MEMBER_BOOL:
		memcpy(&v->flag, p, sizeof(v->flag));
		return;
	case FIELDS_MEMBER_TRI: {
		enum tristate t;
		memcpy(&t, p, sizeof(t));
		fields_set_flag(v, t == TRI_TRUE);
		return;
	}
	case FIELDS_MEMBER_INT: {
		int i;
		memcpy(&i, p, sizeof(i));
		n = i;
		break;
	}
	case FIELDS_MEMBER_LONG: {
		long l;
		memcpy(&l, p, sizeof(l));
		n = l;
		break;
	}
	}
	fields_set_number(v, n);
}

void fields_get(const struct fields_field *f, const struct fields_env *env,
		struct fields_value *out)
{
	*out = (struct fields_value){
	    .type = f->type,
	    .date = DATE_NONE,
	    .datetime = {.date = DATE_NONE},
	    .absent = true,
	};
	if (f->get != NULL)
		f->get(env, out);
	else
		get_member(f, env, out);
}

static bool format_date(date_t date, int format, struct buf *out)
{
	char s[DATE_FR_WEEKDAY_LEN];
	int y, m, d;
	if (date == DATE_NONE)
		return false;
	switch (format) {
	case 1:
		buf_puts(out, date_fmt_fr_weekday(date, s));
		break;
	case 2:
		buf_puts(out, date_fmt_numeric(date, s));
		break;
	case 3:
		buf_puts(out, date_fmt_iso(date, s));
		break;
	case 4:
		buf_puts(out, date_fmt_fr_month(date, s));
		break;
	case 5:
		date_to_ymd(date, &y, &m, &d);
		buf_printf(out, "%d", y);
		break;
	default:
		buf_puts(out, date_fmt_fr(date, s));
		break;
	}
	return true;
}

static bool format_datetime(struct datetime dt, int format, struct buf *out)
{
	char s[FMT_DATETIME_LEN];
	if (dt.date == DATE_NONE)
		return false;
	switch (format) {
	case 1:
		return format_date(dt.date, 0, out);
	case 2:
		return format_date(dt.date, 1, out);
	case 3:
		buf_puts(out, fmt_time(dt.minutes, s));
		return true;
	case 4:
		format_date(dt.date, 3, out);
		buf_printf(out, "T%02d:%02d", dt.minutes / 60, dt.minutes % 60);
		return true;
	default:
		buf_puts(out, fmt_datetime(dt, s));
		return true;
	}
}

bool fields_format(const struct fields_value *v, int format, struct buf *out)
{
	char s[FMT_AMOUNT_LEN];
	switch (v->type) {
	case FIELDS_TEXT:
		if (v->text == NULL || *v->text == '\0')
			return false;
		if (format == 1)
			fmt_upper(out, v->text);
		else if (format == 2)
			fmt_capital(out, v->text);
		else
			buf_puts(out, v->text);
		return true;
	case FIELDS_DATE:
		return format_date(v->date, format, out);
	case FIELDS_DATETIME:
		return format_datetime(v->datetime, format, out);
	case FIELDS_NUMBER:
		if (v->absent)
			return false;
		buf_puts(out, fmt_number(v->number, s));
		return true;
	case FIELDS_AMOUNT:
		if (v->absent)
			return false;
		buf_puts(out, fmt_amount_eur(v->number, s));
		return true;
	case FIELDS_BOOL:
		buf_puts(out, v->flag ? "oui" : "non");
		return true;
	}
	return false;
}

bool fields_truth(const struct fields_value *v)
{
	switch (v->type) {
	case FIELDS_TEXT:
		return v->text != NULL && *v->text != '\0';
	case FIELDS_DATE:
		return v->date != DATE_NONE;
	case FIELDS_DATETIME:
		return v->datetime.date != DATE_NONE;
	case FIELDS_NUMBER:
	case FIELDS_AMOUNT:
		return !v->absent && v->number != 0;
	case FIELDS_BOOL:
		return v->flag;
	}
	return false;
}

const void *fields_list_next(const struct fields_list *l,
			     const struct fields_env *env, size_t *cursor)
{
	return l->next(env, cursor);
}

const char *fields_keep(const struct fields_env *env, struct buf *b)
{
	const char *s = NULL;
	if (!b->oom && b->len > 0)
		s = arena_strndup(env->arena, (const char *)b->data, b->len);
	buf_free(b);
	return s;
}

const char *fields_kind_label(const struct fields_env *env,
			      enum interview_kind kind, bool has_absence,
			      enum absence_kind absence)
{
	struct buf b = {0};
	switch (kind) {
	case KIND_PERIODIC:
		return "entretien périodique";
	case KIND_RETURN:
		if (!has_absence)
			return "entretien de reprise";
		buf_puts(&b, "entretien de reprise après ");
		/* "la fin d'un mandat syndical": a mandate is not left. */
		if (absence == ABSENCE_UNION_MANDATE)
			buf_puts(&b, "la fin d'");
		buf_puts(&b, rules_absence_fr_a(absence));
		return fields_keep(env, &b);
	case KIND_RECAP:
		return "état des lieux récapitulatif";
	case KIND_MID_CAREER:
		return "entretien de mi-carrière";
	case KIND_END_OF_CAREER:
		return "entretien de fin de carrière";
	}
	return "";
}

const char *fields_address(const struct fields_env *env,
			   const struct address *a)
{
	struct buf b = {0};
	for (size_t i = 0; i < a->nlines && i < 3; i++) {
		if (a->lines[i] == NULL)
			continue;
		buf_puts(&b, a->lines[i]);
		buf_puts(&b, "\n");
	}
	if (a->postcode != NULL) {
		buf_puts(&b, a->postcode);
		buf_puts(&b, " ");
	}
	if (a->city != NULL)
		buf_puts(&b, a->city);
	return fields_keep(env, &b);
}

const void *fields_next_training(const struct fields_env *env, size_t *cursor,
				 fields_date_filter *keep)
{
	const struct dossier *d = env->dossier;
	while (*cursor < d->ntrainings) {
		const struct training *t = &d->trainings[(*cursor)++];
		if (keep(env, t->end))
			return t;
	}
	return NULL;
}

const void *fields_next_certification(const struct fields_env *env,
				      size_t *cursor, fields_date_filter *keep)
{
	const struct dossier *d = env->dossier;
	while (*cursor < d->ncertifications) {
		const struct certification *c = &d->certifications[(*cursor)++];
		if (keep(env, c->date))
			return c;
	}
	return NULL;
}
