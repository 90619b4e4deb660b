/*
 * Dossiers built in C for the rules tests (tests/unit/test_rules*.c
 * only): a company with the legal defaults and a dossier whose items are
 * appended one call at a time, so that each table row says only what
 * differs.  Everything lives in the fixture and dies with it.
 */
#ifndef PARCOURS_RULES_FIXTURE_H
#define PARCOURS_RULES_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "dossier.h"
#include "rules.h"

#define FX_MAX 16

struct fx {
	struct company company;
	struct dossier d;
	struct interview interviews[FX_MAX];
	struct convocation convocations[FX_MAX];
	struct absence absences[FX_MAX];
	struct mandate mandates[FX_MAX];
	struct visit visits[FX_MAX];
	struct training trainings[FX_MAX];
	struct certification certifications[FX_MAX];
	struct progression progressions[FX_MAX];
	struct abondement abondements[FX_MAX];
};

/* A date from "YYYY-MM-DD"; NULL or "" gives DATE_NONE. */
static inline date_t D(const char *s)
{
	date_t d;
	if (s == NULL || *s == '\0')
		return DATE_NONE;
	if (!date_parse(s, &d))
		fail_msg("bad date in a test table: %s", s);
	return d;
}

/* An ISO string of d, in a rotating static buffer, for messages. */
static inline const char *ISO(date_t d)
{
	static char bufs[8][DATE_ISO_LEN];
	static int next;
	next = (next + 1) % 8;
	return date_fmt_iso(d, bufs[next]);
}

/* A CDI employee hired on hire (S = seniority, or hire when NULL),
 * born on birth, company of 120 with the default rules. */
static inline struct fx *fx_new(const char *hire, const char *seniority,
				const char *birth)
{
	struct fx *fx = calloc(1, sizeof(*fx));
	assert_non_null(fx);
	fx->company.id = "TST";
	fx->company.name = "Test SA";
	fx->company.headcount = 120;
	fx->company.signatory_name = "Claire Dubois";
	fx->company.signatory_title = "DRH";
	fx->company.rules.regime = REGIME_AUTO;
	fx->company.rules.reform_date = D("2025-10-26");
	fx->company.rules.periodicity_months = 0;
	fx->company.rules.return_offer_days = 30;
	fx->company.rules.abondement_eur = 3000;
	fx->d.id = "T1";
	fx->d.file = "test.xml";
	fx->d.company = &fx->company;
	fx->d.employee.civility = CIV_MME;
	fx->d.employee.given_name = "Aïcha";
	fx->d.employee.family_name = "Benali";
	fx->d.employee.birth_date = D(birth != NULL ? birth : "1990-01-01");
	fx->d.employment.contract = CONTRACT_CDI;
	fx->d.employment.hire_date = D(hire);
	fx->d.employment.seniority_date = D(seniority);
	fx->d.employment.exit_date = DATE_NONE;
	fx->d.employment.job_title = "Agent";
	fx->d.interviews = fx->interviews;
	fx->d.convocations = fx->convocations;
	fx->d.absences = fx->absences;
	fx->d.mandates = fx->mandates;
	fx->d.visits = fx->visits;
	fx->d.trainings = fx->trainings;
	fx->d.certifications = fx->certifications;
	fx->d.progressions = fx->progressions;
	fx->d.abondements = fx->abondements;
	return fx;
}

static inline void fx_free(struct fx *fx)
{
	free(fx);
}

static inline struct interview *fx_interview(struct fx *fx, const char *id,
					     enum interview_kind kind,
					     const char *date)
{
	assert_true(fx->d.ninterviews < FX_MAX);
	struct interview *iv = &fx->interviews[fx->d.ninterviews++];
	iv->id = id;
	iv->kind = kind;
	iv->date = D(date);
	iv->interviewer = "Jean Roux";
	iv->interviewer_title = "Chef";
	return iv;
}

static inline struct convocation *
fx_convocation(struct fx *fx, const char *id, enum interview_kind kind,
	       const char *issued, const char *date, enum outcome outcome,
	       const char *response)
{
	assert_true(fx->d.nconvocations < FX_MAX);
	struct convocation *c = &fx->convocations[fx->d.nconvocations++];
	c->id = id;
	c->kind = kind;
	c->issued = D(issued);
	c->date.date = D(date);
	c->date.minutes = 600;
	c->place = "Siège";
	c->interviewer = "Jean Roux";
	c->interviewer_title = "Chef";
	c->delivery = DELIVERY_HAND;
	c->outcome = outcome;
	c->response_date = D(response);
	return c;
}

static inline struct absence *fx_absence(struct fx *fx, enum absence_kind kind,
					 const char *start, const char *end)
{
	assert_true(fx->d.nabsences < FX_MAX);
	struct absence *a = &fx->absences[fx->d.nabsences++];
	a->kind = kind;
	a->start = D(start);
	a->end = D(end);
	return a;
}

static inline struct mandate *fx_mandate(struct fx *fx, enum mandate_kind kind,
					 const char *start, const char *end,
					 double share)
{
	assert_true(fx->d.nmandates < FX_MAX);
	struct mandate *m = &fx->mandates[fx->d.nmandates++];
	m->kind = kind;
	m->start = D(start);
	m->end = D(end);
	m->delegation_share = share;
	return m;
}

static inline void fx_visit(struct fx *fx, const char *date)
{
	assert_true(fx->d.nvisits < FX_MAX);
	struct visit *v = &fx->visits[fx->d.nvisits++];
	v->kind = VISIT_MID_CAREER;
	v->date = D(date);
}

static inline struct training *fx_training(struct fx *fx, const char *start,
					   const char *end, bool mandatory)
{
	assert_true(fx->d.ntrainings < FX_MAX);
	struct training *t = &fx->trainings[fx->d.ntrainings++];
	t->start = D(start);
	t->end = D(end != NULL ? end : start);
	t->hours = 7;
	t->mandatory = mandatory;
	t->title = "Formation";
	return t;
}

static inline void fx_certification(struct fx *fx, const char *date)
{
	assert_true(fx->d.ncertifications < FX_MAX);
	struct certification *c = &fx->certifications[fx->d.ncertifications++];
	c->date = D(date);
	c->kind = CERT_CQP;
	c->title = "CQP";
}

static inline void fx_progression(struct fx *fx, const char *date)
{
	assert_true(fx->d.nprogressions < FX_MAX);
	struct progression *p = &fx->progressions[fx->d.nprogressions++];
	p->date = D(date);
	p->kind = PROGRESSION_SALARY;
	p->text = "Coefficient";
}

/* A payment of the abondement for the period ending period_end. */
static inline struct abondement *fx_abondement(struct fx *fx,
					       const char *period_end,
					       const char *paid, long eur)
{
	assert_true(fx->d.nabondements < FX_MAX);
	struct abondement *a = &fx->abondements[fx->d.nabondements++];
	a->period_end = D(period_end);
	a->paid = D(paid);
	a->amount_eur = eur;
	return a;
}

/*
 * Appends events written as space-separated codes followed by a date,
 * so that a table row shows a whole history in one string:
 *   P periodic interview held      Q recap interview held
 *   M mid-career interview held    E end-of-career interview held
 *   C return interview counting as periodic
 *   N return interview (not counting)
 *   X periodic convocation refused (the date is the interview's;
 *     issued 14 days and answered 7 days before it)
 *   A periodic convocation, employee absent
 *   L periodic convocation cancelled by the employer
 *   Z recap convocation refused    W mid-career convocation refused
 *   V end-of-career convocation refused
 *   O return convocation issued on the date, outcome pending
 *   Y return convocation issued on the date, declined a week later
 *   H return convocation issued on the date, held a week later, with
 *     its return interview
 *   R return convocation whose interview on the date was refused
 */
static inline void fx_events(struct fx *fx, const char *codes)
{
	static const char *const ids[] = {"1",	"2",  "3",  "4",  "5",	"6",
					  "7",	"8",  "9",  "10", "11", "12",
					  "13", "14", "15", "16"};
	char date[11];
	for (const char *p = codes; p != NULL && *p != '\0';) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		char code = *p++;
		memcpy(date, p, 10);
		date[10] = '\0';
		p += 10;
		date_t day = D(date);
		char issued[11], answer[11];
		date_fmt_iso(day - 14, issued);
		date_fmt_iso(day - 7, answer);
		const char *iid = ids[fx->d.ninterviews];
		const char *cid = ids[fx->d.nconvocations];
		struct interview *iv;
		switch (code) {
		case 'P':
			fx_interview(fx, iid, KIND_PERIODIC, date);
			break;
		case 'Q':
			fx_interview(fx, iid, KIND_RECAP, date);
			break;
		case 'M':
			fx_interview(fx, iid, KIND_MID_CAREER, date);
			break;
		case 'E':
			fx_interview(fx, iid, KIND_END_OF_CAREER, date);
			break;
		case 'C':
		case 'N':
			iv = fx_interview(fx, iid, KIND_RETURN, date);
			iv->counts_as_periodic = code == 'C';
			break;
		case 'X':
			fx_convocation(fx, cid, KIND_PERIODIC, issued, date,
				       OUTCOME_REFUSED, answer);
			break;
		case 'A':
			fx_convocation(fx, cid, KIND_PERIODIC, issued, date,
				       OUTCOME_ABSENT, NULL);
			break;
		case 'L':
			fx_convocation(fx, cid, KIND_PERIODIC, issued, date,
				       OUTCOME_CANCELLED, NULL);
			break;
		case 'Z':
			fx_convocation(fx, cid, KIND_RECAP, issued, date,
				       OUTCOME_REFUSED, answer);
			break;
		case 'W':
			fx_convocation(fx, cid, KIND_MID_CAREER, issued, date,
				       OUTCOME_REFUSED, answer);
			break;
		case 'V':
			fx_convocation(fx, cid, KIND_END_OF_CAREER, issued,
				       date, OUTCOME_REFUSED, answer);
			break;
		case 'O':
		case 'Y':
			date_fmt_iso(day + 7, answer);
			fx_convocation(fx, cid, KIND_RETURN, date, answer,
				       code == 'O' ? OUTCOME_PENDING
						   : OUTCOME_DECLINED,
				       code == 'O' ? NULL : answer);
			break;
		case 'R':
			fx_convocation(fx, cid, KIND_RETURN, issued, date,
				       OUTCOME_REFUSED, answer);
			break;
		case 'H':
			date_fmt_iso(day + 7, answer);
			fx_convocation(fx, cid, KIND_RETURN, date, answer,
				       OUTCOME_HELD, NULL);
			fx_interview(fx, iid, KIND_RETURN, answer);
			break;
		default:
			fail_msg("unknown event code %c in a test table", code);
		}
	}
}

/* The facts, which must compute. */
static inline struct rules_facts *fx_facts(struct fx *fx, const char *as_of)
{
	struct rules_facts *f = rules_compute(&fx->d, D(as_of));
	assert_non_null(f);
	return f;
}

/* The open obligation of kind, or NULL. */
static inline const struct rules_obligation *
fx_obligation(const struct rules_facts *f, enum rules_obligation_kind kind)
{
	for (size_t i = 0; i < f->nobligations; i++)
		if (f->obligations[i].kind == kind)
			return &f->obligations[i];
	return NULL;
}

/*
 * The chain as "2019-09-04 on-time, 2021-09-02 late, …" for comparing
 * against a table row in one assertion that shows the whole chain.
 */
static inline const char *fx_chain(const struct rules_facts *f)
{
	static char buf[4096];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->ndues && len < sizeof(buf) - 64; i++)
		len +=
		    (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s %s/%d",
				     i > 0 ? ", " : "", ISO(f->dues[i].date),
				     rules_due_state_name(f->dues[i].state),
				     (int)f->dues[i].regime);
	return buf;
}

#endif
