/*
 * Dossier and company building (see dossier_build.h).  The schema has
 * already vouched for structure, enumerations and lexical forms, so this
 * file converts without second-guessing them and only reports what the
 * schema cannot see.  Every problem of a dossier is reported, not just
 * the first; comparisons involving a value already found wrong are
 * skipped so that one mistake gives one message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "dossier_build.h"
#include "dossier_parse.h"

struct builder {
	struct arena *arena;
	const char *file;
	unsigned errors;
	bool oom;
};

/*
 * problem(b, MSG_X, n, args...): an error at element n, whose name is the
 * first argument of every such message ("<%s>: ...").
 */
#define problem(b, id, n, ...)                                                 \
	build_problem(b, id, MSG_TEXT(id), n, (const char *)(n)->name,         \
		      ##__VA_ARGS__)

static void build_problem(struct builder *b, enum msg id, const char *text,
			  xmlNodePtr n, ...)
    __attribute__((format(printf, 3, 5)));

static void build_problem(struct builder *b, enum msg id, const char *text,
			  xmlNodePtr n, ...)
{
	va_list ap;
	(void)text; /* msg_text(id), for the format check */
	va_start(ap, n);
	diag_vmsg(id, b->file, dossier_parse_line(n), ap);
	va_end(ap);
	b->errors++;
}

/* ---- Reading the tree ------------------------------------------------ */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A trimmed copy of s in the arena; NULL if s is NULL. */
static const char *keep(struct builder *b, const xmlChar *s)
{
	if (s == NULL)
		return NULL;
	const char *p = (const char *)s;
	while (is_space(*p))
		p++;
	size_t n = strlen(p);
	while (n > 0 && is_space(p[n - 1]))
		n--;
	char *r = arena_strndup(b->arena, p, n);
	if (r == NULL)
		b->oom = true;
	return r;
}

/* The attribute's trimmed value, or NULL if absent. */
static const char *attr(struct builder *b, xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
	const char *r = keep(b, v);
	xmlFree(v);
	return r;
}

/* The element's trimmed text. */
static const char *text(struct builder *b, xmlNodePtr n)
{
	xmlChar *v = xmlNodeGetContent(n);
	const char *r = keep(b, v != NULL ? v : BAD_CAST "");
	xmlFree(v);
	return r;
}

static xmlNodePtr next_element(xmlNodePtr n)
{
	while (n != NULL && n->type != XML_ELEMENT_NODE)
		n = n->next;
	return n;
}

#define FOR_CHILDREN(c, parent)                                                \
	for (xmlNodePtr c = next_element((parent)->children); c != NULL;       \
	     c = next_element(c->next))

static bool is(xmlNodePtr n, const char *name)
{
	return xmlStrEqual(n->name, BAD_CAST name);
}

static size_t count_children(xmlNodePtr parent)
{
	size_t n = 0;
	FOR_CHILDREN(c, parent)
	n++;
	return n;
}

static void *alloc_array(struct builder *b, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	void *p = arena_alloc(b->arena, n * size);
	if (p == NULL)
		b->oom = true;
	return p;
}

/* ---- Values ---------------------------------------------------------- */

/* The value of an enumerated attribute; the schema lists the same names. */
static int enum_attr(struct builder *b, xmlNodePtr n, const char *name,
		     enum dossier_enum e)
{
	const char *v = attr(b, n, name);
	int i = dossier_enum_parse(e, v);
	if (i < 0 && v != NULL)
		problem(b, MSG_DOSSIER_ATTRIBUTE_UNEXPECTED_VALUE, n, name, v);
	return i < 0 ? 0 : i;
}

/* Why a lexically valid "YYYY-MM-DD..." is not a date we accept. */
static const char *date_problem(const char *s)
{
	int year = 0;
	for (int i = 0; i < 4 && s[i] >= '0' && s[i] <= '9'; i++)
		year = year * 10 + (s[i] - '0');
	if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX)
		return "is out of range (years 1900 to 2199)";
	return "is not a valid date";
}

/* The date in attribute name, DATE_NONE if absent or wrong (reported). */
static date_t date_attr(struct builder *b, xmlNodePtr n, const char *name)
{
	const char *v = attr(b, n, name);
	date_t d;
	if (v == NULL)
		return DATE_NONE;
	if (date_parse(v, &d))
		return d;
	problem(b, MSG_DOSSIER_ATTRIBUTE, n, name, v, date_problem(v));
	return DATE_NONE;
}

/*
 * An element's date: only <birth-date> is one, so its value is left out
 * of the message (personal data).
 */
static date_t date_text(struct builder *b, xmlNodePtr n)
{
	const char *v = text(b, n);
	date_t d;
	if (v != NULL && date_parse(v, &d))
		return d;
	if (v != NULL)
		problem(b, MSG_DOSSIER_DATE, n, date_problem(v));
	return DATE_NONE;
}

static struct datetime datetime_attr(struct builder *b, xmlNodePtr n,
				     const char *name)
{
	struct datetime dt = {DATE_NONE, 0};
	const char *v = attr(b, n, name);
	if (v != NULL && !datetime_parse(v, &dt)) {
		problem(b, MSG_DOSSIER_ATTRIBUTE_NOT_VALID_DATE, n, name, v);
		dt.date = DATE_NONE;
	}
	return dt;
}

/* A count ([0-9]{1,9} by the schema); -1 if absent. */
static long count_value(const char *s)
{
	if (s == NULL)
		return -1;
	long v = 0;
	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (*s - '0');
	return v;
}

/* A decimal ([0-9]+(.[0-9]+)? by the schema), without strtod's locale. */
static double decimal_value(const char *s)
{
	if (s == NULL)
		return -1;
	double v = 0, scale = 1;
	bool frac = false;
	for (; *s != '\0'; s++) {
		if (*s == '.') {
			frac = true;
		} else if (*s >= '0' && *s <= '9') {
			v = v * 10 + (*s - '0');
			if (frac)
				scale *= 10;
		}
	}
	return v / scale;
}

static bool bool_attr(struct builder *b, xmlNodePtr n, const char *name)
{
	const char *v = attr(b, n, name);
	return v != NULL && strcmp(v, "true") == 0;
}

static enum tristate tristate_attr(struct builder *b, xmlNodePtr n,
				   const char *name)
{
	const char *v = attr(b, n, name);
	if (v == NULL)
		return TRI_UNSET;
	return strcmp(v, "true") == 0 ? TRI_TRUE : TRI_FALSE;
}

/* end before start, when both are known. */
static void check_order(struct builder *b, xmlNodePtr n, date_t start,
			const char *start_name, date_t end,
			const char *end_name)
{
	char s[DATE_ISO_LEN], e[DATE_ISO_LEN];
	if (start == DATE_NONE || end == DATE_NONE || end >= start)
		return;
	problem(b, MSG_DOSSIER_BEFORE, n, end_name, date_fmt_iso(end, e),
		start_name, date_fmt_iso(start, s));
}

/* ---- Company --------------------------------------------------------- */

static void build_address(struct builder *b, xmlNodePtr n, struct address *a)
{
	FOR_CHILDREN(c, n)
	{
		if (is(c, "line") && a->nlines < 3)
			a->lines[a->nlines++] = text(b, c);
		else if (is(c, "postcode"))
			a->postcode = text(b, c);
		else if (is(c, "city"))
			a->city = text(b, c);
	}
}

static void build_rules(struct builder *b, xmlNodePtr n,
			struct company_rules *r)
{
	r->regime =
	    (enum regime_choice)enum_attr(b, n, "regime", DOSSIER_ENUM_REGIME);
	date_t reform = date_attr(b, n, "reform-date");
	if (reform != DATE_NONE)
		r->reform_date = reform;
	/*
	 * rules.md §2: the law took effect on 2025-10-26 and agreements had
	 * to be brought into line by 2026-10-01; any other date is a typo.
	 */
	if (reform != DATE_NONE && (reform < date_from_ymd(2025, 10, 26) ||
				    reform > date_from_ymd(2026, 10, 1))) {
		char iso[DATE_ISO_LEN];
		problem(b, MSG_DOSSIER_ATTRIBUTE_REFORM_DATE_NOT, n,
			date_fmt_iso(reform, iso));
	}
	long months = count_value(attr(b, n, "periodicity-months"));
	if (months >= 0 && (months < 1 || months > 48))
		problem(b, MSG_DOSSIER_ATTRIBUTE_PERIODICITY_MONTHS_NOT, n,
			months);
	r->periodicity_months = months >= 1 && months <= 48 ? (int)months : 0;
	long days = count_value(attr(b, n, "return-offer-days"));
	if (days >= 0)
		r->return_offer_days = (int)days;
	long eur = count_value(attr(b, n, "abondement-eur"));
	if (eur >= 0)
		r->abondement_eur = eur;
}

static struct company *build_company(struct builder *b, xmlNodePtr n)
{
	struct company *c = arena_alloc(b->arena, sizeof(*c));
	if (c == NULL) {
		b->oom = true;
		return NULL;
	}
	c->id = attr(b, n, "id");
	c->rules = (struct company_rules){
	    .regime = REGIME_AUTO,
	    .reform_date = date_from_ymd(2025, 10, 26),
	    .periodicity_months = 0,
	    .return_offer_days = 30,
	    .abondement_eur = 3000,
	};
	c->file = keep(b, BAD_CAST b->file);
	c->line = dossier_parse_line(n);
	FOR_CHILDREN(k, n)
	{
		if (is(k, "name")) {
			c->name = text(b, k);
		} else if (is(k, "siret")) {
			c->siret = text(b, k);
		} else if (is(k, "headcount")) {
			c->headcount = count_value(text(b, k));
		} else if (is(k, "address")) {
			build_address(b, k, &c->address);
		} else if (is(k, "signatory")) {
			FOR_CHILDREN(s, k)
			{
				if (is(s, "name"))
					c->signatory_name = text(b, s);
				else if (is(s, "title"))
					c->signatory_title = text(b, s);
			}
		} else if (is(k, "rules")) {
			build_rules(b, k, &c->rules);
		}
	}
	return c;
}

struct company *dossier_build_company(struct arena *arena, xmlNodePtr elem,
				      const char *file)
{
	struct builder b = {.arena = arena, .file = file};
	struct company *c = build_company(&b, elem);
	if (b.oom)
		diag(MSG_OUT_OF_MEMORY, file, 0);
	return b.errors == 0 && !b.oom ? c : NULL;
}

/* ---- Employee and employment ----------------------------------------- */

static void build_employee(struct builder *b, xmlNodePtr n, struct employee *e)
{
	e->civility = CIV_NONE;
	e->birth_date = DATE_NONE;
	FOR_CHILDREN(c, n)
	{
		if (is(c, "civility")) {
			const char *v = text(b, c);
			e->civility = v != NULL && strcmp(v, "Mme") == 0
					  ? CIV_MME
					  : CIV_M;
		} else if (is(c, "given-name")) {
			e->given_name = text(b, c);
		} else if (is(c, "family-name")) {
			e->family_name = text(b, c);
		} else if (is(c, "birth-date")) {
			e->birth_date = date_text(b, c);
		} else if (is(c, "address")) {
			e->has_address = true;
			build_address(b, c, &e->address);
		} else if (is(c, "email")) {
			e->email = text(b, c);
		}
	}
}

static void build_positions(struct builder *b, xmlNodePtr n,
			    struct employment *e)
{
	e->positions = alloc_array(b, count_children(n), sizeof(*e->positions));
	if (e->positions == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		struct position *p = &e->positions[e->npositions++];
		p->start = date_attr(b, c, "start");
		p->end = date_attr(b, c, "end");
		check_order(b, c, p->start, "start", p->end, "end");
		p->title = text(b, c);
		p->line = xmlGetLineNo(c);
	}
}

static void build_employment(struct builder *b, xmlNodePtr n,
			     struct employment *e)
{
	const char *contract = attr(b, n, "contract");
	if (contract != NULL && strcmp(contract, "stage") == 0)
		problem(b, MSG_DOSSIER_CONTRACT_STAGE_REFUSED_INTERNS, n);
	else
		e->contract = (enum contract)enum_attr(b, n, "contract",
						       DOSSIER_ENUM_CONTRACT);
	e->hire_date = date_attr(b, n, "hire-date");
	e->seniority_date = date_attr(b, n, "seniority-date");
	e->exit_date = date_attr(b, n, "exit-date");
	check_order(b, n, e->hire_date, "hire-date", e->exit_date, "exit-date");
	FOR_CHILDREN(c, n)
	{
		if (is(c, "job-title"))
			e->job_title = text(b, c);
		else if (is(c, "department"))
			e->department = text(b, c);
		else if (is(c, "manager"))
			e->manager = text(b, c);
		else if (is(c, "positions"))
			build_positions(b, c, e);
	}
}

/* ---- Histories ------------------------------------------------------- */

static void build_absences(struct builder *b, xmlNodePtr n, struct dossier *d)
{
	d->absences = alloc_array(b, count_children(n), sizeof(*d->absences));
	if (d->absences == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		struct absence *a = &d->absences[d->nabsences++];
		a->kind = (enum absence_kind)enum_attr(b, c, "kind",
						       DOSSIER_ENUM_ABSENCE);
		a->start = date_attr(b, c, "start");
		a->end = date_attr(b, c, "end");
		a->line = dossier_parse_line(c);
		check_order(b, c, a->start, "start", a->end, "end");
	}
}

static void build_mandates(struct builder *b, xmlNodePtr n, struct dossier *d)
{
	d->mandates = alloc_array(b, count_children(n), sizeof(*d->mandates));
	if (d->mandates == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		struct mandate *m = &d->mandates[d->nmandates++];
		m->kind = (enum mandate_kind)enum_attr(b, c, "kind",
						       DOSSIER_ENUM_MANDATE);
		m->start = date_attr(b, c, "start");
		m->end = date_attr(b, c, "end");
		m->line = dossier_parse_line(c);
		check_order(b, c, m->start, "start", m->end, "end");
		const char *share = attr(b, c, "delegation-share");
		m->delegation_share = decimal_value(share);
		if (share != NULL && m->delegation_share > 1)
			problem(b, MSG_DOSSIER_ATTRIBUTE_DELEGATION_SHARE_MORE,
				c, share);
	}
}

static void build_visits(struct builder *b, xmlNodePtr n, struct dossier *d)
{
	d->visits = alloc_array(b, count_children(n), sizeof(*d->visits));
	if (d->visits == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		struct visit *v = &d->visits[d->nvisits++];
		v->kind = (enum visit_kind)enum_attr(b, c, "kind",
						     DOSSIER_ENUM_VISIT);
		v->date = date_attr(b, c, "date");
		v->line = dossier_parse_line(c);
	}
}

static void build_trainings(struct builder *b, xmlNodePtr n, struct dossier *d)
{
	d->trainings = alloc_array(b, count_children(n), sizeof(*d->trainings));
	if (d->trainings == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		struct training *t = &d->trainings[d->ntrainings++];
		t->start = date_attr(b, c, "start");
		bool has_end = xmlHasProp(c, BAD_CAST "end") != NULL;
		t->end = has_end ? date_attr(b, c, "end") : t->start;
		if (has_end)
			check_order(b, c, t->start, "start", t->end, "end");
		t->hours = decimal_value(attr(b, c, "hours"));
		t->mandatory = bool_attr(b, c, "mandatory");
		t->certifying = bool_attr(b, c, "certifying");
		t->title = text(b, c);
		t->line = dossier_parse_line(c);
	}
}

static void build_certifications(struct builder *b, xmlNodePtr n,
				 struct dossier *d)
{
	d->certifications =
	    alloc_array(b, count_children(n), sizeof(*d->certifications));
	if (d->certifications == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		struct certification *k =
		    &d->certifications[d->ncertifications++];
		k->date = date_attr(b, c, "date");
		k->kind = (enum certification_kind)enum_attr(
		    b, c, "kind", DOSSIER_ENUM_CERTIFICATION);
		k->title = text(b, c);
		k->line = dossier_parse_line(c);
	}
}

static void build_progressions(struct builder *b, xmlNodePtr n,
			       struct dossier *d)
{
	d->progressions =
	    alloc_array(b, count_children(n), sizeof(*d->progressions));
	if (d->progressions == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		struct progression *p = &d->progressions[d->nprogressions++];
		p->date = date_attr(b, c, "date");
		p->kind = (enum progression_kind)enum_attr(
		    b, c, "kind", DOSSIER_ENUM_PROGRESSION);
		p->text = text(b, c);
		p->line = dossier_parse_line(c);
	}
}

/*
 * Payments of the abondement correctif: one per recap period, so that a
 * period is never paid twice by a copy-paste.  @amount-eur defaults to
 * the company's rules (when the company is already known; without one
 * the dossier is refused anyway).
 */
static void build_abondements(struct builder *b, xmlNodePtr n,
			      struct dossier *d)
{
	d->abondements =
	    alloc_array(b, count_children(n), sizeof(*d->abondements));
	if (d->abondements == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		struct abondement *a = &d->abondements[d->nabondements++];
		a->period_end = date_attr(b, c, "period-end");
		a->paid = date_attr(b, c, "paid");
		a->amount_eur = count_value(attr(b, c, "amount-eur"));
		if (a->amount_eur < 0 && d->company != NULL)
			a->amount_eur = d->company->rules.abondement_eur;
		a->reference = attr(b, c, "reference");
		a->line = xmlGetLineNo(c);
		for (size_t j = 0;
		     a->period_end != DATE_NONE && j + 1 < d->nabondements; j++)
			if (d->abondements[j].period_end == a->period_end) {
				char iso[DATE_ISO_LEN];
				problem(
				    b,
				    MSG_DOSSIER_PAYMENT_PERIOD_ENDING_ALREADY,
				    c, date_fmt_iso(a->period_end, iso),
				    d->abondements[j].line);
				break;
			}
	}
}

/* ---- Convocations and interviews ------------------------------------- */

/* @absence belongs to return items only, and they need it. */
static void return_absence(struct builder *b, xmlNodePtr n,
			   enum interview_kind kind, bool *has,
			   enum absence_kind *absence)
{
	const char *v = attr(b, n, "absence");
	*has = v != NULL;
	if (v != NULL)
		*absence = (enum absence_kind)enum_attr(b, n, "absence",
							DOSSIER_ENUM_ABSENCE);
	if (kind == KIND_RETURN && v == NULL)
		problem(b, MSG_DOSSIER_KIND_RETURN_NEEDS_ATTRIBUTE, n);
	else if (kind != KIND_RETURN && v != NULL)
		problem(b, MSG_DOSSIER_ATTRIBUTE_ABSENCE_ONLY_KIND, n,
			dossier_kind_name(kind));
}

/*
 * The index of the first of items[0..i) whose id equals items[i]'s, or -1;
 * stride and offset locate each item's id.
 */
static long earlier_id(const void *items, size_t stride, size_t offset,
		       size_t i)
{
	const char *base = items;
	const char *id = *(const char *const *)(base + i * stride + offset);
	for (size_t j = 0; id != NULL && j < i; j++) {
		const char *other =
		    *(const char *const *)(base + j * stride + offset);
		if (other != NULL && strcmp(other, id) == 0)
			return (long)j;
	}
	return -1;
}

static void build_convocation(struct builder *b, xmlNodePtr c,
			      struct convocation *v)
{
	v->id = attr(b, c, "id");
	v->kind =
	    (enum interview_kind)enum_attr(b, c, "kind", DOSSIER_ENUM_KIND);
	v->issued = date_attr(b, c, "issued");
	v->date = datetime_attr(b, c, "date");
	v->place = attr(b, c, "place");
	v->interviewer = attr(b, c, "interviewer");
	v->interviewer_title = attr(b, c, "interviewer-title");
	v->delivery =
	    (enum delivery)enum_attr(b, c, "delivery", DOSSIER_ENUM_DELIVERY);
	v->tracking = attr(b, c, "tracking");
	return_absence(b, c, v->kind, &v->has_absence, &v->absence);
	v->outcome =
	    (enum outcome)enum_attr(b, c, "outcome", DOSSIER_ENUM_OUTCOME);
	v->response_date = date_attr(b, c, "response-date");
	if ((v->outcome == OUTCOME_REFUSED || v->outcome == OUTCOME_DECLINED) &&
	    xmlHasProp(c, BAD_CAST "response-date") == NULL)
		problem(b, MSG_DOSSIER_OUTCOME_NEEDS_ATTRIBUTE_RESPONSE, c,
			dossier_outcome_name(v->outcome));
	v->line = dossier_parse_line(c);
}

static void build_convocations(struct builder *b, xmlNodePtr n,
			       struct dossier *d)
{
	d->convocations =
	    alloc_array(b, count_children(n), sizeof(*d->convocations));
	if (d->convocations == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		size_t i = d->nconvocations++;
		build_convocation(b, c, &d->convocations[i]);
		long j = earlier_id(d->convocations, sizeof(struct convocation),
				    offsetof(struct convocation, id), i);
		if (j >= 0)
			problem(b, MSG_DOSSIER_ID_ALREADY_USED_CONVOCATION, c,
				d->convocations[i].id, d->convocations[j].line);
	}
}

static void build_report(struct builder *b, xmlNodePtr n, struct report *r)
{
	r->info_vae = r->info_cpf = TRI_UNSET;
	r->info_abondement = r->info_cep = TRI_UNSET;
	static const struct {
		const char *name;
		size_t offset;
	} fields[] = {
	    {"position", offsetof(struct report, position)},
	    {"skills", offsetof(struct report, skills)},
	    {"difficulties", offsetof(struct report, difficulties)},
	    {"wishes", offsetof(struct report, wishes)},
	    {"training-needs", offsetof(struct report, training_needs)},
	    {"project", offsetof(struct report, project)},
	    {"mid-career", offsetof(struct report, mid_career)},
	    {"end-of-career", offsetof(struct report, end_of_career)},
	    {"return", offsetof(struct report, return_text)},
	    {"mandate-skills", offsetof(struct report, mandate_skills)},
	    {"employee-comments", offsetof(struct report, employee_comments)},
	    {"employer-comments", offsetof(struct report, employer_comments)},
	};
	FOR_CHILDREN(c, n)
	{
		if (is(c, "actions")) {
			r->actions = alloc_array(b, count_children(c),
						 sizeof(*r->actions));
			if (r->actions == NULL)
				continue;
			FOR_CHILDREN(a, c)
			{
				struct action *x = &r->actions[r->nactions++];
				x->kind = (enum action_kind)enum_attr(
				    b, a, "kind", DOSSIER_ENUM_ACTION);
				x->due = date_attr(b, a, "due");
				x->status = (enum action_status)enum_attr(
				    b, a, "status", DOSSIER_ENUM_ACTION_STATUS);
				x->text = text(b, a);
			}
		} else if (is(c, "information")) {
			r->has_information = true;
			r->info_vae = tristate_attr(b, c, "vae");
			r->info_cpf = tristate_attr(b, c, "cpf");
			r->info_abondement = tristate_attr(b, c, "abondement");
			r->info_cep = tristate_attr(b, c, "cep");
		} else {
			for (size_t i = 0;
			     i < sizeof(fields) / sizeof(fields[0]); i++)
				if (is(c, fields[i].name))
					*(const char **)((char *)r +
							 fields[i].offset) =
					    text(b, c);
		}
	}
}

static void build_interview(struct builder *b, xmlNodePtr c,
			    struct interview *v)
{
	v->id = attr(b, c, "id");
	v->kind =
	    (enum interview_kind)enum_attr(b, c, "kind", DOSSIER_ENUM_KIND);
	v->date = date_attr(b, c, "date");
	v->interviewer = attr(b, c, "interviewer");
	v->interviewer_title = attr(b, c, "interviewer-title");
	return_absence(b, c, v->kind, &v->has_absence, &v->absence);
	v->counts_as_periodic = bool_attr(b, c, "counts-as-periodic");
	v->signed_employee = v->signed_employer = v->copy_given = DATE_NONE;
	v->line = dossier_parse_line(c);
	FOR_CHILDREN(k, c)
	{
		if (is(k, "report")) {
			v->report = arena_alloc(b->arena, sizeof(*v->report));
			if (v->report == NULL)
				b->oom = true;
			else
				build_report(b, k, v->report);
		} else if (is(k, "signatures")) {
			v->has_signatures = true;
			v->signed_employee = date_attr(b, k, "employee");
			v->signed_employer = date_attr(b, k, "employer");
			v->copy_given = date_attr(b, k, "copy-given");
		}
	}
}

static void build_interviews(struct builder *b, xmlNodePtr n, struct dossier *d)
{
	d->interviews =
	    alloc_array(b, count_children(n), sizeof(*d->interviews));
	if (d->interviews == NULL)
		return;
	FOR_CHILDREN(c, n)
	{
		size_t i = d->ninterviews++;
		build_interview(b, c, &d->interviews[i]);
		long j = earlier_id(d->interviews, sizeof(struct interview),
				    offsetof(struct interview, id), i);
		if (j >= 0)
			problem(b, MSG_DOSSIER_ID_ALREADY_USED_INTERVIEW, c,
				d->interviews[i].id, d->interviews[j].line);
	}
}

/* ---- The dossier ----------------------------------------------------- */

static void build_notice(struct builder *b, xmlNodePtr n, struct notice *o)
{
	o->delivered = true;
	o->date = date_attr(b, n, "delivered");
	o->line = xmlGetLineNo(n);
	o->method = (enum notice_method)enum_attr(b, n, "method",
						  DOSSIER_ENUM_NOTICE_METHOD);
}

static void build_dossier(struct builder *b, xmlNodePtr n, struct dossier *d,
			  const struct company *inherited)
{
	d->id = attr(b, n, "id");
	d->file = keep(b, BAD_CAST b->file);
	d->line = dossier_parse_line(n);
	d->employee.birth_date = DATE_NONE;
	d->employment.hire_date = DATE_NONE;
	d->employment.seniority_date = DATE_NONE;
	d->employment.exit_date = DATE_NONE;
	d->notice.date = DATE_NONE;
	d->company = inherited;
	FOR_CHILDREN(c, n)
	{
		if (is(c, "company")) {
			d->company = build_company(b, c);
		} else if (is(c, "employee")) {
			build_employee(b, c, &d->employee);
		} else if (is(c, "employment")) {
			build_employment(b, c, &d->employment);
		} else if (is(c, "notice")) {
			build_notice(b, c, &d->notice);
		} else if (is(c, "absences")) {
			build_absences(b, c, d);
		} else if (is(c, "mandates")) {
			build_mandates(b, c, d);
		} else if (is(c, "medical-visits")) {
			build_visits(b, c, d);
		} else if (is(c, "trainings")) {
			build_trainings(b, c, d);
		} else if (is(c, "certifications")) {
			build_certifications(b, c, d);
		} else if (is(c, "progressions")) {
			build_progressions(b, c, d);
		} else if (is(c, "abondements")) {
			build_abondements(b, c, d);
		} else if (is(c, "convocations")) {
			build_convocations(b, c, d);
		} else if (is(c, "interviews")) {
			build_interviews(b, c, d);
		}
	}
}

struct dossier *dossier_build(xmlNodePtr elem, const char *file,
			      const struct company *inherited)
{
	struct arena *arena = arena_new();
	struct dossier *d =
	    arena != NULL ? arena_alloc(arena, sizeof(*d)) : NULL;
	if (d == NULL) {
		arena_free(arena);
		diag(MSG_OUT_OF_MEMORY, file, 0);
		return NULL;
	}
	/* The dossier lives in its own arena: dossier_free() frees both. */
	d->arena = arena;
	struct builder b = {.arena = arena, .file = file};
	build_dossier(&b, elem, d, inherited);
	if (b.oom)
		diag(MSG_OUT_OF_MEMORY, file, 0);
	if (b.errors != 0 || b.oom) {
		dossier_free(d);
		return NULL;
	}
	return d;
}
