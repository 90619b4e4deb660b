/*
 * The dossier model's enum names, which the builder parses and everyone
 * prints, and its destructor (see dossier.h).  For every part of
 * parcours; no libxml2 here.
 */
#include <stddef.h>
#include <string.h>

#include "dossier.h"

/* Each table is indexed by enum value; the spellings are dossier.md's. */
static const char *const contract_names[] = {
    [CONTRACT_CDI] = "CDI",
    [CONTRACT_CDD] = "CDD",
    [CONTRACT_INTERIM] = "interim",
    [CONTRACT_APPRENTISSAGE] = "apprentissage",
    [CONTRACT_PROFESSIONNALISATION] = "professionnalisation",
    [CONTRACT_AIDE] = "aide",
};
static const char *const method_names[] = {
    [NOTICE_HAND] = "hand",
    [NOTICE_EMAIL] = "email",
    [NOTICE_REGISTERED_MAIL] = "registered-mail",
    [NOTICE_CONTRACT] = "contract",
};
static const char *const absence_names[] = {
    [ABSENCE_MATERNITY] = "maternity",
    [ABSENCE_ADOPTION] = "adoption",
    [ABSENCE_PARENTAL_LEAVE] = "parental-leave",
    [ABSENCE_PARENTAL_PART_TIME] = "parental-part-time",
    [ABSENCE_CAREGIVER] = "caregiver",
    [ABSENCE_SABBATICAL] = "sabbatical",
    [ABSENCE_SECURE_MOBILITY] = "secure-mobility",
    [ABSENCE_LONG_ILLNESS] = "long-illness",
    [ABSENCE_UNION_MANDATE] = "union-mandate",
    [ABSENCE_SICK] = "sick",
    [ABSENCE_PATERNITY] = "paternity",
    [ABSENCE_OTHER] = "other",
};
static const char *const mandate_names[] = {
    [MANDATE_UNION] = "union",
    [MANDATE_ELECTED] = "elected",
};
static const char *const visit_names[] = {[VISIT_MID_CAREER] = "mid-career"};
static const char *const certification_names[] = {
    [CERT_DIPLOMA] = "diploma", [CERT_TITLE] = "title", [CERT_CQP] = "cqp",
    [CERT_VAE] = "vae",		[CERT_OTHER] = "other",
};
static const char *const progression_names[] = {
    [PROGRESSION_SALARY] = "salary",
    [PROGRESSION_PROFESSIONAL] = "professional",
};
static const char *const kind_names[] = {
    [KIND_PERIODIC] = "periodic",
    [KIND_RETURN] = "return",
    [KIND_RECAP] = "recap",
    [KIND_MID_CAREER] = "mid-career",
    [KIND_END_OF_CAREER] = "end-of-career",
};
static const char *const delivery_names[] = {
    [DELIVERY_HAND] = "hand",
    [DELIVERY_REGISTERED_MAIL] = "registered-mail",
    [DELIVERY_EMAIL] = "email",
};
static const char *const outcome_names[] = {
    [OUTCOME_PENDING] = "pending",   [OUTCOME_HELD] = "held",
    [OUTCOME_ABSENT] = "absent",     [OUTCOME_REFUSED] = "refused",
    [OUTCOME_DECLINED] = "declined", [OUTCOME_CANCELLED] = "cancelled",
};
static const char *const action_names[] = {
    [ACTION_TRAINING] = "training", [ACTION_VAE] = "vae",
    [ACTION_BILAN] = "bilan",	    [ACTION_MOBILITY] = "mobility",
    [ACTION_TUTORING] = "tutoring", [ACTION_OTHER] = "other",
};
static const char *const regime_names[] = {
    [REGIME_AUTO] = "auto",
    [REGIME_2014] = "2014",
    [REGIME_2025] = "2025",
};

static const char *const action_status_names[] = {
    [ACTION_PLANNED] = "planned",
    [ACTION_DONE] = "done",
    [ACTION_IN_PROGRESS] = "in-progress",
    [ACTION_DROPPED] = "dropped",
};

#define TABLE(names)                                                           \
	{                                                                      \
		(names), sizeof(names) / sizeof(names[0])                      \
	}

/* Indexed by enum dossier_enum. */
static const struct {
	const char *const *names;
	size_t n;
} tables[] = {
    [DOSSIER_ENUM_CONTRACT] = TABLE(contract_names),
    [DOSSIER_ENUM_NOTICE_METHOD] = TABLE(method_names),
    [DOSSIER_ENUM_ABSENCE] = TABLE(absence_names),
    [DOSSIER_ENUM_MANDATE] = TABLE(mandate_names),
    [DOSSIER_ENUM_VISIT] = TABLE(visit_names),
    [DOSSIER_ENUM_CERTIFICATION] = TABLE(certification_names),
    [DOSSIER_ENUM_PROGRESSION] = TABLE(progression_names),
    [DOSSIER_ENUM_KIND] = TABLE(kind_names),
    [DOSSIER_ENUM_DELIVERY] = TABLE(delivery_names),
    [DOSSIER_ENUM_OUTCOME] = TABLE(outcome_names),
    [DOSSIER_ENUM_ACTION] = TABLE(action_names),
    [DOSSIER_ENUM_REGIME] = TABLE(regime_names),
    [DOSSIER_ENUM_ACTION_STATUS] = TABLE(action_status_names),
};

int dossier_enum_parse(enum dossier_enum e, const char *s)
{
	for (size_t i = 0; s != NULL && i < tables[e].n; i++)
		if (tables[e].names[i] != NULL &&
		    strcmp(s, tables[e].names[i]) == 0)
			return (int)i;
	return -1;
}

const char *dossier_enum_name(enum dossier_enum e, int value)
{
	if (value < 0 || (size_t)value >= tables[e].n ||
	    tables[e].names[value] == NULL)
		return "?";
	return tables[e].names[value];
}

const char *dossier_absence_name(enum absence_kind kind)
{
	return dossier_enum_name(DOSSIER_ENUM_ABSENCE, (int)kind);
}

const char *dossier_kind_name(enum interview_kind kind)
{
	return dossier_enum_name(DOSSIER_ENUM_KIND, (int)kind);
}

const char *dossier_outcome_name(enum outcome outcome)
{
	return dossier_enum_name(DOSSIER_ENUM_OUTCOME, (int)outcome);
}

const char *dossier_contract_name(enum contract contract)
{
	return dossier_enum_name(DOSSIER_ENUM_CONTRACT, (int)contract);
}

bool dossier_absence_triggers_return(enum absence_kind kind)
{
	switch (kind) {
	case ABSENCE_MATERNITY:
	case ABSENCE_ADOPTION:
	case ABSENCE_PARENTAL_LEAVE:
	case ABSENCE_PARENTAL_PART_TIME:
	case ABSENCE_CAREGIVER:
	case ABSENCE_SABBATICAL:
	case ABSENCE_SECURE_MOBILITY:
	case ABSENCE_LONG_ILLNESS:
		return true;
	case ABSENCE_UNION_MANDATE: /* from <mandates>: see dossier.h */
	case ABSENCE_SICK:
	case ABSENCE_PATERNITY:
	case ABSENCE_OTHER:
		return false;
	}
	return false;
}

void dossier_free(struct dossier *d)
{
	/* The dossier itself lives in its arena (see dossier_build.c). */
	if (d != NULL)
		arena_free(d->arena);
}
