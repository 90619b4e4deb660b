/*
 * Which open obligations call for a blank interview report form
 * (`report --blank`, rules.md §4 to §6).  For the documents; part of
 * the rules layer, libc alone.
 */
#include "rules.h"

/* The obligations met by holding an interview, which a form records. */
static bool form_kind(enum rules_obligation_kind k)
{
	return k == RULES_OBL_PERIODIC || k == RULES_OBL_RECAP ||
	       k == RULES_OBL_MID_CAREER || k == RULES_OBL_END_OF_CAREER;
}

/*
 * Which form serves when two fall due the same day: every one of these
 * kinds also counts as the periodic interview (rules.md §4), so one
 * interview meets both, held as the more specific one.
 */
static int form_rank(enum rules_obligation_kind k)
{
	switch (k) {
	case RULES_OBL_RECAP:
		return 3;
	case RULES_OBL_END_OF_CAREER:
		return 2;
	case RULES_OBL_MID_CAREER:
		return 1;
	case RULES_OBL_NOTICE:
	case RULES_OBL_PERIODIC:
	case RULES_OBL_RETURN_OFFER:
		break;
	}
	return 0;
}

/* Whether another open obligation of the same due date takes i's place. */
static bool form_shadowed(const struct rules_facts *f, size_t i)
{
	const struct rules_obligation *o = &f->obligations[i];
	for (size_t j = 0; j < f->nobligations; j++) {
		const struct rules_obligation *p = &f->obligations[j];
		if (j == i || !form_kind(p->kind) || p->due != o->due)
			continue;
		if (form_rank(p->kind) > form_rank(o->kind) ||
		    (form_rank(p->kind) == form_rank(o->kind) && j < i))
			return true;
	}
	return false;
}

bool rules_form_needed(const struct rules_facts *f, size_t i)
{
	return i < f->nobligations && form_kind(f->obligations[i].kind) &&
	       !form_shadowed(f, i);
}
