/*
 * The dossier model's enum names and destructor (see dossier.h).  For
 * every part of parcours; no libxml2 here.
 */
#include <stddef.h>

#include "dossier.h"

/* Indexed by enum value; the spellings are dossier.md's. */
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

static const char *const kind_names[] = {
    [KIND_PERIODIC] = "periodic",
    [KIND_RETURN] = "return",
    [KIND_RECAP] = "recap",
    [KIND_MID_CAREER] = "mid-career",
    [KIND_END_OF_CAREER] = "end-of-career",
};

static const char *const outcome_names[] = {
    [OUTCOME_PENDING] = "pending",   [OUTCOME_HELD] = "held",
    [OUTCOME_ABSENT] = "absent",     [OUTCOME_REFUSED] = "refused",
    [OUTCOME_DECLINED] = "declined", [OUTCOME_CANCELLED] = "cancelled",
};

static const char *const contract_names[] = {
    [CONTRACT_CDI] = "CDI",
    [CONTRACT_CDD] = "CDD",
    [CONTRACT_INTERIM] = "interim",
    [CONTRACT_APPRENTISSAGE] = "apprentissage",
    [CONTRACT_PROFESSIONNALISATION] = "professionnalisation",
    [CONTRACT_AIDE] = "aide",
};

#define NAME_OF(table, value)                                                  \
	((size_t)(value) < sizeof(table) / sizeof(table[0]) &&                 \
		 table[value] != NULL                                          \
	     ? table[value]                                                    \
	     : "?")

const char *dossier_absence_name(enum absence_kind kind)
{
	return NAME_OF(absence_names, kind);
}

const char *dossier_kind_name(enum interview_kind kind)
{
	return NAME_OF(kind_names, kind);
}

const char *dossier_outcome_name(enum outcome outcome)
{
	return NAME_OF(outcome_names, outcome);
}

const char *dossier_contract_name(enum contract contract)
{
	return NAME_OF(contract_names, contract);
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
	case ABSENCE_UNION_MANDATE:
		return true;
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
