/*
 * Fields every template may use: company, employee, employment and the
 * document itself (templates/README.md, "Champs communs").  For
 * fields.c's registry.
 */
#include "fields_internal.h"
#include "fmt.h"

static const struct company *company(const struct fields_env *env)
{
	return env->dossier->company;
}

static void company_address(const struct fields_env *env,
			    struct fields_value *v)
{
	if (company(env) != NULL)
		fields_set_text(v, fields_address(env, &company(env)->address));
}

static void company_headcount_50(const struct fields_env *env,
				 struct fields_value *v)
{
	fields_set_flag(v,
			company(env) != NULL && company(env)->headcount >= 50);
}

static void company_headcount_2000(const struct fields_env *env,
				   struct fields_value *v)
{
	fields_set_flag(v, company(env) != NULL &&
			       company(env)->headcount >= 2000);
}

static const struct employee *employee(const struct fields_env *env)
{
	return &env->dossier->employee;
}

static void employee_name(const struct fields_env *env, struct fields_value *v)
{
	struct buf b = {0};
	const struct employee *e = employee(env);
	fmt_person_name(&b, e->civility, e->given_name, e->family_name);
	fields_set_text(v, fields_keep(env, &b));
}

static void employee_civility(const struct fields_env *env,
			      struct fields_value *v)
{
	fields_set_text(v, fmt_civility(employee(env)->civility));
}

static void employee_salutation(const struct fields_env *env,
				struct fields_value *v)
{
	fields_set_text(v, fmt_salutation(employee(env)->civility));
}

static void employee_woman(const struct fields_env *env, struct fields_value *v)
{
	fields_set_flag(v, employee(env)->civility == CIV_MME);
}

static void employee_family_name(const struct fields_env *env,
				 struct fields_value *v)
{
	struct buf b = {0};
	fmt_upper(&b, employee(env)->family_name);
	fields_set_text(v, fields_keep(env, &b));
}

static int age(const struct fields_env *env)
{
	date_t birth = employee(env)->birth_date;
	if (birth == DATE_NONE || env->date == DATE_NONE || env->date < birth)
		return -1;
	return date_years_between(birth, env->date);
}

static void employee_age(const struct fields_env *env, struct fields_value *v)
{
	char s[FMT_DURATION_LEN];
	fmt_age(employee(env)->birth_date, env->date, s);
	if (s[0] != '\0')
		fields_set_text(v, arena_strdup(env->arena, s));
}

static void employee_age_45(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_flag(v, age(env) >= 45);
}

static void employee_age_58(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_flag(v, age(env) >= 58);
}

static void employee_address(const struct fields_env *env,
			     struct fields_value *v)
{
	if (employee(env)->has_address)
		fields_set_text(v,
				fields_address(env, &employee(env)->address));
}

static const struct employment *employment(const struct fields_env *env)
{
	return &env->dossier->employment;
}

static void employment_contract(const struct fields_env *env,
				struct fields_value *v)
{
	const char *s = "";
	switch (employment(env)->contract) {
	case CONTRACT_CDI:
		s = "contrat à durée indéterminée (CDI)";
		break;
	case CONTRACT_CDD:
		s = "contrat à durée déterminée (CDD)";
		break;
	case CONTRACT_INTERIM:
		s = "contrat de travail temporaire";
		break;
	case CONTRACT_APPRENTISSAGE:
		s = "contrat d'apprentissage";
		break;
	case CONTRACT_PROFESSIONNALISATION:
		s = "contrat de professionnalisation";
		break;
	case CONTRACT_AIDE:
		s = "contrat aidé";
		break;
	}
	fields_set_text(v, s);
}

/* The payroll's seniority date, as given; the hire date by default. */
static date_t seniority_date(const struct fields_env *env)
{
	date_t d = employment(env)->seniority_date;
	return d != DATE_NONE ? d : employment(env)->hire_date;
}

static void employment_seniority_date(const struct fields_env *env,
				      struct fields_value *v)
{
	fields_set_date(v, seniority_date(env));
}

static void employment_seniority(const struct fields_env *env,
				 struct fields_value *v)
{
	char s[FMT_DURATION_LEN];
	fmt_seniority(seniority_date(env), env->date, s);
	if (s[0] != '\0')
		fields_set_text(v, arena_strdup(env->arena, s));
}

static void doc_as_of(const struct fields_env *env, struct fields_value *v)
{
	fields_set_date(v, env->facts->as_of);
}

static void doc_dateline(const struct fields_env *env, struct fields_value *v)
{
	char s[DATE_FR_LEN];
	struct buf b = {0};
	if (env->date == DATE_NONE)
		return;
	if (company(env) != NULL && company(env)->address.city != NULL)
		buf_printf(&b, "%s, le ", company(env)->address.city);
	else
		buf_puts(&b, "Le ");
	buf_puts(&b, date_fmt_fr(env->date, s));
	fields_set_text(v, fields_keep(env, &b));
}

static void doc_term(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, rules_interview_title(env->regime));
}

static void doc_terms(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, env->regime == RULES_REGIME_2025
			       ? "entretiens de parcours professionnel"
			       : "entretiens professionnels");
}

const char *fields_regime_name(enum rules_regime r)
{
	return r == RULES_REGIME_2025 ? "2025" : "2014";
}

const char *fields_recap_span(enum rules_regime r)
{
	return r == RULES_REGIME_2025 ? "huit ans" : "six ans";
}

static void doc_regime(const struct fields_env *env, struct fields_value *v)
{
	fields_set_text(v, fields_regime_name(env->regime));
}

static void doc_regime_2014(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_flag(v, env->regime == RULES_REGIME_2014);
}

static void doc_regime_2025(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_flag(v, env->regime == RULES_REGIME_2025);
}

const char *fields_periodicity(const struct fields_env *env,
			       enum rules_regime regime)
{
	static const char *const years[] = {NULL, "un an", "deux ans",
					    "trois ans", "quatre ans"};
	int months =
	    regime == RULES_REGIME_2025 ? env->facts->periodicity_months : 24;
	struct buf b = {0};
	if (months > 0 && months % 12 == 0 && months / 12 <= 4)
		return years[months / 12];
	buf_printf(&b, "%d mois", months);
	return fields_keep(env, &b);
}

static void doc_periodicity(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_text(v, fields_periodicity(env, env->regime));
}

static void doc_recap_years(const struct fields_env *env,
			    struct fields_value *v)
{
	fields_set_text(v, fields_recap_span(env->regime));
}

#define F(name, type, get) FIELDS_FIELD(name, type, FIELDS_ALL, NONE, get)

#define M(name, type, from, st, m)                                             \
	FIELDS_MEMBER(name, type, FIELDS_ALL, NONE, from, struct st, m)

const struct fields_field fields_common_table[] = {
    M("company.name", TEXT, COMPANY, company, name),
    M("company.siret", TEXT, COMPANY, company, siret),
    F("company.address", TEXT, company_address),
    M("company.postcode", TEXT, COMPANY, company, address.postcode),
    M("company.city", TEXT, COMPANY, company, address.city),
    M("company.headcount", NUMBER, COMPANY, company, headcount),
    F("company.headcount-50", BOOL, company_headcount_50),
    F("company.headcount-2000", BOOL, company_headcount_2000),
    M("company.signatory-name", TEXT, COMPANY, company, signatory_name),
    M("company.signatory-title", TEXT, COMPANY, company, signatory_title),
    F("employee.name", TEXT, employee_name),
    F("employee.civility", TEXT, employee_civility),
    F("employee.salutation", TEXT, employee_salutation),
    F("employee.woman", BOOL, employee_woman),
    M("employee.given-name", TEXT, EMPLOYEE, employee, given_name),
    F("employee.family-name", TEXT, employee_family_name),
    M("employee.birth-date", DATE, EMPLOYEE, employee, birth_date),
    F("employee.age", TEXT, employee_age),
    F("employee.age-45", BOOL, employee_age_45),
    F("employee.age-58", BOOL, employee_age_58),
    F("employee.address", TEXT, employee_address),
    M("employee.email", TEXT, EMPLOYEE, employee, email),
    F("employment.contract", TEXT, employment_contract),
    M("employment.job-title", TEXT, EMPLOYMENT, employment, job_title),
    M("employment.department", TEXT, EMPLOYMENT, employment, department),
    M("employment.manager", TEXT, EMPLOYMENT, employment, manager),
    M("employment.hire-date", DATE, EMPLOYMENT, employment, hire_date),
    F("employment.seniority-date", DATE, employment_seniority_date),
    M("employment.exit-date", DATE, EMPLOYMENT, employment, exit_date),
    F("employment.seniority", TEXT, employment_seniority),
    M("doc.date", DATE, ENV, fields_env, date),
    F("doc.as-of", DATE, doc_as_of),
    F("doc.dateline", TEXT, doc_dateline),
    F("doc.term", TEXT, doc_term),
    F("doc.terms", TEXT, doc_terms),
    F("doc.regime", TEXT, doc_regime),
    F("doc.regime-2014", BOOL, doc_regime_2014),
    F("doc.regime-2025", BOOL, doc_regime_2025),
    F("doc.periodicity", TEXT, doc_periodicity),
    F("doc.recap-years", TEXT, doc_recap_years),
    M("doc.abondement", AMOUNT, COMPANY, company, rules.abondement_eur),
    M("doc.return-offer-days", NUMBER, COMPANY, company,
      rules.return_offer_days),
    M("doc.blank", BOOL, ENV, fields_env, blank),
    FIELDS_FIELD_END,
};
