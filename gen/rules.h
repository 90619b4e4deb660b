/*
 * The legal rules of rules.md as facts about one dossier: due dates,
 * recap periods, open obligations, return offers, senior interviews and
 * letters owed.  For the commands and the templates; pure (no I/O, no
 * clock, no messages, no globals).
 *
 * Every computed date carries a basis: a French sentence for an HR
 * manager naming the event or the rule that gave the date, with the
 * Choice items of rules.md spelled out.  All facts, strings included,
 * belong to the struct rules_facts that holds them and are freed with it.
 * Pointers to dossier items (interviews, convocations, absences) point
 * into the dossier, which must outlive the facts.
 */
#ifndef PARCOURS_RULES_H
#define PARCOURS_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "dossier.h"

/* The start of the 2014 law for staff already employed (rules.md §3). */
#define RULES_LAW_2014_START_YMD 2014, 3, 7

/*
 * rules.md §7b, the emergency law of 2019-2021: interviews due in
 * [RULES_EMERGENCY_FIRST, RULES_EMERGENCY_LAST] could be held until
 * RULES_EMERGENCY_LAST (ordonnances n° 2020-387 and n° 2020-1501), the
 * recap periods ending then count facts up to that day and may use the
 * droit d'option (ordonnance n° 2019-861).
 */
#define RULES_EMERGENCY_FIRST_YMD 2020, 1, 1
#define RULES_EMERGENCY_LAST_YMD  2021, 6, 30

enum rules_regime { RULES_REGIME_2014 = 2014, RULES_REGIME_2025 = 2025 };

/*
 * What met a due date, satisfied or exempted an obligation.  A refusal
 * is a refused convocation, dated at its interview date; a convocation
 * (return offers only) is dated at its issue date.
 */
enum rules_event_type {
	RULES_EVENT_NONE,
	RULES_EVENT_INTERVIEW,	 /* a held interview */
	RULES_EVENT_REFUSAL,	 /* a convocation with outcome refused */
	RULES_EVENT_CONVOCATION, /* a return convocation, any outcome */
};

struct rules_event {
	enum rules_event_type type;
	date_t date;
	enum interview_kind kind;
	const char *id; /* the interview's or the convocation's @id */
	const struct interview *interview;     /* RULES_EVENT_INTERVIEW */
	const struct convocation *convocation; /* REFUSAL, CONVOCATION */
};

/* §4: one due date of the periodic chain. */
enum rules_due_state {
	RULES_DUE_ON_TIME, /* a counting event on or before it */
	RULES_DUE_LATE,	   /* met after it, before the following would fall */
	RULES_DUE_MISSED,  /* no counting event; the chain goes on from it */
	RULES_DUE_OPEN,	   /* after as-of: the next due date */
};

/* What a due date was counted from. */
enum rules_anchor {
	RULES_ANCHOR_START,  /* S, the seniority start */
	RULES_ANCHOR_EVENT,  /* a counting event: see anchor_event */
	RULES_ANCHOR_MISSED, /* the previous, missed, due date */
};

struct rules_due {
	date_t date;
	enum rules_due_state state;
	enum rules_regime regime; /* the regime it was computed under */
	date_t anchor;
	enum rules_anchor anchor_kind;
	struct rules_event anchor_event; /* RULES_ANCHOR_EVENT */
	bool first_year; /* S + 12 months (2025 first interview) */
	/* §7b: date in the emergency window, so an event up to
	 * RULES_EMERGENCY_LAST is on time. */
	bool deferred;
	struct rules_event met_by; /* ON_TIME and LATE; else type NONE */
	const char *basis;
};

/*
 * §5 and §7b: the test the abondement of a period was judged by (the
 * CSV's `test` column).  RULES_TEST_2018: interviews and one
 * non-mandatory training.  RULES_TEST_2018_OPTION: a period ending in
 * the emergency window, where the employer may also show the interviews
 * and two of three measures (ordonnance n° 2019-861); the more
 * favourable test is taken.
 */
enum rules_test { RULES_TEST_2018, RULES_TEST_2018_OPTION };

/* §5: one état des lieux récapitulatif period. */
struct rules_period {
	int index;    /* k, from 1 */
	date_t start; /* P(k-1); period 1 includes it, later ones do not */
	date_t end;   /* Pk */
	int years;    /* 6 or 8 */
	enum rules_regime regime; /* 2014 for 6 years, 2025 for 8 */
	bool final; /* end <= as-of; else the running (provisional) one */
	int interviews_due;
	int interviews_on_time;
	bool interviews_ok;
	bool non_mandatory_training;
	bool certification;
	bool progression;
	long headcount;
	/* §7b: end in the emergency window: facts up to facts_until
	 * count (else facts_until = end), the droit d'option applies and
	 * payment is due no earlier than the quarter after it. */
	bool emergency;
	date_t facts_until;
	enum rules_test test;
	/* The option's three measures: any training (mandatory or not),
	 * certification, progression; how many of them there were. */
	bool training;
	int measures;
	/* The 2018 test alone would owe the abondement, the option
	 * (two measures or more) does not: the option decided. */
	bool option_decided;
	long abondement_eur; /* 0 when nothing is owed */
	date_t payment_due;  /* DATE_NONE when nothing is owed */
	/* A payment recorded for this period (<abondement period-end>),
	 * paid by as-of; NULL if none. */
	const struct abondement *paid;
	struct rules_event recap; /* the recap interview; type NONE if none */
	const char *basis;	  /* how the end date was reached */
	const char *verdict;	  /* the abondement decision, with its reason */
};

/* §7: an absence or a union mandate whose end calls for an offer. */
enum rules_return_verdict {
	RULES_RETURN_OWED,	/* no offer on record yet */
	RULES_RETURN_SATISFIED, /* by a return convocation or interview */
	RULES_RETURN_EXEMPTED,	/* 2025: counting interview in the 12 months */
};

struct rules_return {
	enum absence_kind kind;	       /* ABSENCE_UNION_MANDATE for mandates */
	const struct absence *absence; /* NULL for a mandate */
	const struct mandate *mandate; /* NULL for an absence */
	date_t start, end;	       /* the absence or mandate */
	date_t return_date;	       /* T = end + 1 day */
	date_t due;		       /* T + return-offer-days (§7b: or
					  2021-06-30 when in the window) */
	bool deferred;		       /* §7b moved due to 2021-06-30 */
	enum rules_regime regime;      /* of T */
	enum rules_return_verdict verdict;
	struct rules_event by; /* what satisfied or exempted it */
	bool parental;	       /* L1225-57 topics apply */
	bool recensement;      /* L2141-5 recensement des compétences */
	const char *basis;
};

/* §6: the mid-career or the end-of-career interview. */
struct rules_senior {
	bool owed; /* due on or after R (or forced 2025), not after exit */
	date_t due;
	date_t window_start; /* events from here on satisfy it */
	date_t window_end;   /* end-of-career: the 60th birthday (excluded);
				mid-career: DATE_NONE (no end) */
	bool has_visit;	     /* mid-career: a recorded medical visit */
	date_t visit;
	bool satisfied;
	struct rules_event by;
	const char *basis;
};

enum rules_obligation_kind {
	RULES_OBL_NOTICE,
	RULES_OBL_PERIODIC,
	RULES_OBL_RETURN_OFFER,
	RULES_OBL_MID_CAREER,
	RULES_OBL_END_OF_CAREER,
	RULES_OBL_RECAP,
};

enum rules_obligation_state { RULES_OVERDUE, RULES_UPCOMING };

/* An open obligation, as `status` lists it (cli.md). */
struct rules_obligation {
	enum rules_obligation_kind kind;
	date_t due;
	enum rules_obligation_state state; /* overdue if due < as-of */
	enum rules_regime regime;
	const char *basis;
	const struct rules_period *period; /* RECAP, else NULL */
	const struct rules_return *ret;	   /* RETURN_OFFER, else NULL */
};

/* §9: the letters each convocation gives. */
enum rules_letter_kind {
	RULES_LETTER_CONVOCATION,
	RULES_LETTER_RECONVOCATION,  /* the previous one was absent/cancelled */
	RULES_LETTER_PROPOSAL,	     /* return offer with a reply slip */
	RULES_LETTER_REFUSAL_RECORD, /* prise d'acte du refus */
	RULES_LETTER_DECLINE_RECORD, /* prise d'acte of a declined offer */
};

struct rules_letter {
	enum rules_letter_kind kind;
	const struct convocation *convocation;
	date_t dated; /* issued, or the response date for the records */
	/* RECONVOCATION: the convocation missed or cancelled before it. */
	const struct convocation *previous;
	/* REFUSAL_RECORD: an earlier convocation of the same kind, for an
	 * interview after the last one held (of any kind), was refused too. */
	bool repeated;
};

/*
 * Everything rules.md computes for one dossier at one reference date.
 * Arrays are in date order (letters in issued order per §9, then by
 * convocation); obligations in the order notice, periodic, return
 * offers, mid-career, end-of-career, recap.
 */
struct rules_facts {
	date_t as_of;
	date_t reform_date; /* R */
	enum regime_choice regime_choice;
	int periodicity_months; /* P: agreement, or 48 */
	date_t seniority_start; /* S, clamped to 2014-03-07 */
	bool seniority_clamped; /* the given date was before 2014-03-07 */
	const char *seniority_basis;
	bool left; /* exit date before as-of */

	struct rules_due *dues;
	size_t ndues;
	struct rules_period *periods; /* final ones, then the running one */
	size_t nperiods;
	struct rules_return *returns;
	size_t nreturns;
	struct rules_senior mid_career;
	struct rules_senior end_of_career;
	bool notice_owed;      /* hired on or after 2014-03-07 */
	bool notice_delivered; /* on or before as-of */
	struct rules_letter *letters;
	size_t nletters;
	struct rules_obligation *obligations;
	size_t nobligations;

	struct arena *arena; /* holds every string above */
};

/*
 * Computes the facts of d (with d->company's rules) at as_of.  NULL when
 * out of memory.  The caller owns the result (rules_facts_free()); d must
 * outlive it.
 */
struct rules_facts *rules_compute(const struct dossier *d, date_t as_of);

/*
 * The facts the notice dated notice_date shows, for d whose facts are
 * f: those on that date, or on f's as-of if earlier (rules.md §8).
 * NULL when out of memory; owned as rules_compute()'s.
 */
struct rules_facts *rules_notice_facts(const struct dossier *d,
				       const struct rules_facts *f,
				       date_t notice_date);
/* NULL is a no-op. */
void rules_facts_free(struct rules_facts *);

/*
 * §4's counting events: a held interview of a periodic-type kind (or a
 * return interview with counts-as-periodic), a refused convocation of a
 * periodic-type kind (never a return offer).
 */
bool rules_is_counting_interview(const struct interview *);
bool rules_is_counting_refusal(const struct convocation *);

/*
 * The regime in force on date under these company rules: a forced
 * regime, else 2025 from the reform date on.  Documents are titled after
 * the regime of their own date.
 */
enum rules_regime rules_regime_of(const struct company_rules *, date_t date);
/*
 * Whether date falls in the recap period (§5: period 1 includes its
 * start, the later ones do not); false for DATE_NONE.
 */
bool rules_period_contains(const struct rules_period *, date_t date);

/* "entretien professionnel" or "entretien de parcours professionnel". */
const char *rules_interview_title(enum rules_regime);

/*
 * French names of absence kinds, static strings: "congé parental
 * d'éducation", and with the article of "à l'issue …": "du congé parental
 * d'éducation", "de la période de mobilité volontaire sécurisée", or
 * with the indefinite article: "un congé parental d'éducation", "une
 * période de mobilité volontaire sécurisée".
 */
const char *rules_absence_fr(enum absence_kind);
const char *rules_absence_fr_of(enum absence_kind);
const char *rules_absence_fr_a(enum absence_kind);

/* The words of the CSV outputs (cli.md): static strings. */
const char *rules_obligation_name(enum rules_obligation_kind);
const char *rules_obligation_state_name(enum rules_obligation_state);
const char *rules_due_state_name(enum rules_due_state);
const char *rules_letter_name(enum rules_letter_kind);
/* "2018" or "2018+option" (cli.md's recap `test` column). */
const char *rules_test_name(enum rules_test);

/*
 * §10: CSE / BDESE figures for one calendar year, accumulated one dossier
 * at a time so that a batch needs no more memory than one dossier.
 * Plain counters owned by the caller.
 */
struct rules_stats {
	int year;
	unsigned long employees;
	unsigned long employees_interviewed;
	unsigned long interviews_held;
	unsigned long interviews_held_kind[KIND_END_OF_CAREER + 1];
	unsigned long refusals;
	unsigned long recaps;
	unsigned long abondements;
	long long abondement_total_eur; /* owed and not yet paid */
	long long abondement_paid_eur;	/* paid, as recorded, by as-of */
};

void rules_stats_init(struct rules_stats *, int year);
/* Adds d, whose facts f were computed by rules_compute(d, as-of). */
void rules_stats_add(struct rules_stats *, const struct dossier *d,
		     const struct rules_facts *f);

#endif
