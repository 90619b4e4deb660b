/*
 * The parsed employee dossier (dossier.md) as plain C structs.  Built by
 * dossier_read.c, read by the rules and the templates, which never see
 * libxml2.  Every string is UTF-8, trimmed, owned by the dossier's arena
 * and freed with it; absent optional strings are NULL, absent dates
 * DATE_NONE.  Each item keeps the line it came from, for diagnostics.
 */
#ifndef PARCOURS_DOSSIER_H
#define PARCOURS_DOSSIER_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "date.h"

enum civility { CIV_NONE, CIV_M, CIV_MME };

enum contract {
	CONTRACT_CDI,
	CONTRACT_CDD,
	CONTRACT_INTERIM,
	CONTRACT_APPRENTISSAGE,
	CONTRACT_PROFESSIONNALISATION,
	CONTRACT_AIDE,
};

enum notice_method {
	NOTICE_HAND,
	NOTICE_EMAIL,
	NOTICE_REGISTERED_MAIL,
	NOTICE_CONTRACT,
};

/*
 * Absence kinds; the first group triggers a return offer (rules.md §7).
 * ABSENCE_UNION_MANDATE only appears in convocation and interview
 * @absence attributes, for the end of a union mandate.
 */
enum absence_kind {
	ABSENCE_MATERNITY,
	ABSENCE_ADOPTION,
	ABSENCE_PARENTAL_LEAVE,
	ABSENCE_PARENTAL_PART_TIME,
	ABSENCE_CAREGIVER,
	ABSENCE_SABBATICAL,
	ABSENCE_SECURE_MOBILITY,
	ABSENCE_LONG_ILLNESS,
	ABSENCE_UNION_MANDATE,
	ABSENCE_SICK,
	ABSENCE_PATERNITY,
	ABSENCE_OTHER,
};

enum mandate_kind { MANDATE_UNION, MANDATE_ELECTED };
enum visit_kind { VISIT_MID_CAREER };
enum certification_kind {
	CERT_DIPLOMA,
	CERT_TITLE,
	CERT_CQP,
	CERT_VAE,
	CERT_OTHER,
};
enum progression_kind { PROGRESSION_SALARY, PROGRESSION_PROFESSIONAL };

/* Kinds shared by convocations and interviews. */
enum interview_kind {
	KIND_PERIODIC,
	KIND_RETURN,
	KIND_RECAP,
	KIND_MID_CAREER,
	KIND_END_OF_CAREER,
};

enum delivery { DELIVERY_HAND, DELIVERY_REGISTERED_MAIL, DELIVERY_EMAIL };

enum outcome {
	OUTCOME_PENDING,
	OUTCOME_HELD,
	OUTCOME_ABSENT,
	OUTCOME_REFUSED,
	OUTCOME_DECLINED,
	OUTCOME_CANCELLED,
};

enum action_kind {
	ACTION_TRAINING,
	ACTION_VAE,
	ACTION_BILAN,
	ACTION_MOBILITY,
	ACTION_TUTORING,
	ACTION_OTHER,
};

/* Follow-up of an action, as known at the next interview (default planned). */
enum action_status {
	ACTION_PLANNED,
	ACTION_DONE,
	ACTION_IN_PROGRESS,
	ACTION_DROPPED,
};

enum regime_choice { REGIME_AUTO, REGIME_2014, REGIME_2025 };

/* A tri-state for optional booleans such as <information vae="…">. */
enum tristate { TRI_UNSET = -1, TRI_FALSE = 0, TRI_TRUE = 1 };

struct address {
	const char *lines[3];
	size_t nlines;
	const char *postcode;
	const char *city;
};

/* The company rules of rules.md, defaults filled in by the reader. */
struct company_rules {
	enum regime_choice regime;
	date_t reform_date;	/* default 2025-10-26 */
	int periodicity_months; /* 0: none set (48 under 2025) */
	int return_offer_days;	/* default 30 */
	long abondement_eur;	/* default 3000 */
};

struct company {
	const char *id; /* may be NULL */
	const char *name;
	const char *siret; /* may be NULL */
	long headcount;
	struct address address;
	const char *signatory_name;
	const char *signatory_title;
	struct company_rules rules;
	const char *file; /* where it was read, for diagnostics */
	long line;
};

struct employee {
	enum civility civility; /* CIV_NONE if absent */
	const char *given_name;
	const char *family_name;
	date_t birth_date;
	bool has_address;
	struct address address;
	const char *email;
};

/* A post held in the company (<positions>): the "parcours dans l'entreprise".
 */
struct position {
	date_t start;
	date_t end; /* DATE_NONE for the current post */
	const char *title;
	long line;
};

struct employment {
	enum contract contract;
	date_t hire_date;
	date_t seniority_date; /* as given, DATE_NONE if absent */
	date_t exit_date;      /* DATE_NONE if absent */
	const char *job_title;
	const char *department;
	const char *manager;
	struct position *positions; /* <positions>, oldest first */
	size_t npositions;
};

struct notice {
	bool delivered;
	date_t date;
	enum notice_method method;
	long line;
};

struct absence {
	enum absence_kind kind;
	date_t start;
	date_t end; /* DATE_NONE while ongoing */
	long line;
};

struct mandate {
	enum mandate_kind kind;
	date_t start;
	date_t end;		 /* DATE_NONE while ongoing */
	double delegation_share; /* -1 if absent */
	long line;
};

struct visit {
	enum visit_kind kind;
	date_t date;
	long line;
};

struct training {
	date_t start;
	date_t end;   /* = start when absent in the XML */
	double hours; /* -1 if absent */
	bool mandatory;
	bool certifying;
	const char *title;
	long line;
};

struct certification {
	date_t date;
	enum certification_kind kind;
	const char *title;
	long line;
};

struct progression {
	date_t date;
	enum progression_kind kind;
	const char *text;
	long line;
};

/*
 * A payment of the abondement correctif already made to the CPF, for the
 * recap period ending period_end (rules.md §5).
 */
struct abondement {
	date_t period_end;
	date_t paid;
	long amount_eur;       /* -1 if absent */
	const char *reference; /* NULL if absent */
	long line;
};

struct convocation {
	const char *id;
	enum interview_kind kind;
	date_t issued;
	struct datetime date;
	const char *place;
	const char *interviewer;
	const char *interviewer_title;
	enum delivery delivery;
	const char *tracking; /* NULL if absent */
	bool has_absence;
	enum absence_kind absence; /* when has_absence */
	enum outcome outcome;
	date_t response_date; /* DATE_NONE if absent */
	long line;
};

struct action {
	enum action_kind kind;
	date_t due; /* DATE_NONE if absent */
	enum action_status status;
	const char *text;
};

/* The report's free-text fields; NULL when absent. */
struct report {
	const char *position;
	const char *skills;
	const char *difficulties;
	const char *wishes;
	const char *training_needs;
	const char *project;
	struct action *actions;
	size_t nactions;
	bool has_information;
	enum tristate info_vae, info_cpf, info_abondement, info_cep;
	const char *mid_career;
	const char *end_of_career;
	const char *return_text; /* <return> */
	const char *mandate_skills;
	const char *employee_comments;
	const char *employer_comments;
};

struct interview {
	const char *id;
	enum interview_kind kind;
	date_t date;
	const char *interviewer;
	const char *interviewer_title;
	bool has_absence;
	enum absence_kind absence;
	bool counts_as_periodic;
	struct report *report; /* NULL if absent */
	bool has_signatures;
	date_t signed_employee, signed_employer, copy_given;
	long line;
};

/*
 * One dossier.  Arrays are in document order.  The company is either the
 * dossier's own (owned by its arena) or shared with the file or the
 * --company file; it outlives the dossier in every case.
 */
struct dossier {
	const char *id;
	const char *file; /* path as given on the command line */
	long line;	  /* line of <dossier> */
	const struct company *company;
	struct employee employee;
	struct employment employment;
	struct notice notice;
	struct absence *absences;
	size_t nabsences;
	struct mandate *mandates;
	size_t nmandates;
	struct visit *visits;
	size_t nvisits;
	struct training *trainings;
	size_t ntrainings;
	struct certification *certifications;
	size_t ncertifications;
	struct progression *progressions;
	size_t nprogressions;
	struct abondement *abondements;
	size_t nabondements;
	struct convocation *convocations;
	size_t nconvocations;
	struct interview *interviews;
	size_t ninterviews;
	struct arena *arena;
};

/*
 * The enumerations spelt in the XML, one name table each, shared by the
 * builder (which parses them) and everyone who prints them.
 */
enum dossier_enum {
	DOSSIER_ENUM_CONTRACT,	    /* enum contract */
	DOSSIER_ENUM_NOTICE_METHOD, /* enum notice_method */
	DOSSIER_ENUM_ABSENCE,	    /* enum absence_kind */
	DOSSIER_ENUM_MANDATE,	    /* enum mandate_kind */
	DOSSIER_ENUM_VISIT,	    /* enum visit_kind */
	DOSSIER_ENUM_CERTIFICATION, /* enum certification_kind */
	DOSSIER_ENUM_PROGRESSION,   /* enum progression_kind */
	DOSSIER_ENUM_KIND,	    /* enum interview_kind */
	DOSSIER_ENUM_DELIVERY,	    /* enum delivery */
	DOSSIER_ENUM_OUTCOME,	    /* enum outcome */
	DOSSIER_ENUM_ACTION,	    /* enum action_kind */
	DOSSIER_ENUM_REGIME,	    /* enum regime_choice */
	DOSSIER_ENUM_ACTION_STATUS, /* enum action_status */
};

/* The value spelt s ("parental-leave") in e; -1 if s is NULL or none. */
int dossier_enum_parse(enum dossier_enum e, const char *s);
/* The XML spelling of value in e, a static string; "?" if out of range. */
const char *dossier_enum_name(enum dossier_enum e, int value);

/* Names for the enums, as written in the XML ("parental-leave"). */
const char *dossier_absence_name(enum absence_kind);
const char *dossier_kind_name(enum interview_kind);
const char *dossier_outcome_name(enum outcome);
const char *dossier_contract_name(enum contract);
/*
 * true if an <absence> of this kind obliges a return offer when it ends
 * (rules.md §7, dossier.md's list).  false for ABSENCE_UNION_MANDATE:
 * the end of a union mandate obliges one too, but it is read from
 * <mandates>, never from <absences> (the schema refuses the kind there),
 * so that one mandate is never counted twice.
 */
bool dossier_absence_triggers_return(enum absence_kind);

/* Frees the dossier and everything in its arena; NULL is a no-op. */
void dossier_free(struct dossier *);

#endif
