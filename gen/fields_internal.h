/*
 * The registry tables of fields.h and the helpers their getters share.
 * For fields*.c only; everyone else uses fields.h.
 */
#ifndef PARCOURS_FIELDS_INTERNAL_H
#define PARCOURS_FIELDS_INTERNAL_H

#include "fields.h"

typedef void fields_getter(const struct fields_env *, struct fields_value *);
typedef const void *fields_iterator(const struct fields_env *, size_t *cursor);

/* Where a field without a getter reads its member (fields_get()). */
enum fields_from {
	FIELDS_FROM_ENV,
	FIELDS_FROM_COMPANY, /* NULL when the dossier has none */
	FIELDS_FROM_EMPLOYEE,
	FIELDS_FROM_EMPLOYMENT,
	FIELDS_FROM_INTERVIEW, /* NULL when blank */
	FIELDS_FROM_REPORT,    /* the interview's, NULL when none */
	FIELDS_FROM_LETTER,
	FIELDS_FROM_CONVOCATION, /* the letter's */
	FIELDS_FROM_PERIOD,
	FIELDS_FROM_ITEM, /* the current item of the field's kind */
};

/* The C type of that member: the value's type, and for numbers and
 * flags, which of the two kinds a struct holds them in. */
enum fields_member {
	FIELDS_MEMBER_TEXT,	/* const char * */
	FIELDS_MEMBER_DATE,	/* date_t */
	FIELDS_MEMBER_DATETIME, /* struct datetime */
	FIELDS_MEMBER_INT,
	FIELDS_MEMBER_LONG,
	FIELDS_MEMBER_BOOL,
	FIELDS_MEMBER_TRI, /* enum tristate: true when TRI_TRUE */
};

struct fields_field {
	const char *name;
	enum fields_type type;
	unsigned ctx; /* FIELDS_NOTICE | ... */
	enum fields_item item;
	fields_getter *get; /* NULL: the member below, as it is */
	enum fields_from from;
	size_t offset;
	enum fields_member member;
};

struct fields_list {
	const char *name;
	unsigned ctx;
	enum fields_item item;
	fields_iterator *next;
};

/*
 * One registry entry: FIELDS_FIELD("employee.name", TEXT, FIELDS_ALL,
 * NONE, employee_name); each table ends with FIELDS_FIELD_END, the entry
 * whose name is NULL.
 */
#define FIELDS_FIELD(name, type, ctx, item, get)                               \
	{                                                                      \
		(name), FIELDS_##type, (ctx), FIELDS_ITEM_##item, (get),       \
		    FIELDS_FROM_ENV, 0, FIELDS_MEMBER_TEXT                     \
	}
/*
 * An entry that reads a member as it is, absent when its struct is NULL:
 * FIELDS_MEMBER("company.name", TEXT, FIELDS_ALL, NONE, COMPANY,
 * struct company, name).  The member's C type must fit type: the
 * compiler refuses a row whose member is of another (_Generic without a
 * match), and picks int or long, bool or enum tristate.
 */
#define FIELDS_MEMBER(name, type, ctx, item, from, st, member)                 \
	{                                                                      \
		(name), FIELDS_##type, (ctx), FIELDS_ITEM_##item, NULL,        \
		    FIELDS_FROM_##from, offsetof(st, member),                  \
		    FIELDS_MEMBER_OF_##type(((st *)0)->member)                 \
	}
#define FIELDS_MEMBER_OF_TEXT(m)                                               \
	_Generic((m), const char * : FIELDS_MEMBER_TEXT)
#define FIELDS_MEMBER_OF_DATE(m) _Generic((m), date_t : FIELDS_MEMBER_DATE)
#define FIELDS_MEMBER_OF_DATETIME(m)                                           \
	_Generic((m), struct datetime : FIELDS_MEMBER_DATETIME)
#define FIELDS_MEMBER_OF_NUMBER(m)                                             \
	_Generic((m), int : FIELDS_MEMBER_INT, long : FIELDS_MEMBER_LONG)
#define FIELDS_MEMBER_OF_AMOUNT(m) FIELDS_MEMBER_OF_NUMBER(m)
#define FIELDS_MEMBER_OF_BOOL(m)                                               \
	_Generic((m), bool                                                     \
		 : FIELDS_MEMBER_BOOL, enum tristate                           \
		 : FIELDS_MEMBER_TRI)
#define FIELDS_FIELD_END                                                       \
	{                                                                      \
		NULL, FIELDS_TEXT, 0, FIELDS_ITEM_NONE, NULL, FIELDS_FROM_ENV, \
		    0, FIELDS_MEMBER_TEXT                                      \
	}

extern const struct fields_field fields_common_table[];
extern const struct fields_field fields_notice_table[];
extern const struct fields_field fields_report_table[];
extern const struct fields_field fields_recap_table[];
extern const struct fields_field fields_letter_table[];
extern const struct fields_field fields_item_table[];
extern const struct fields_list fields_report_lists[];
extern const struct fields_list fields_recap_lists[];

/* Value setters: the getters' one-liners. */
static inline void fields_set_text(struct fields_value *v, const char *s)
{
	v->text = s;
}
static inline void fields_set_date(struct fields_value *v, date_t d)
{
	v->date = d;
}
static inline void fields_set_flag(struct fields_value *v, bool b)
{
	v->flag = b;
}
static inline void fields_set_number(struct fields_value *v, long long n)
{
	v->number = n;
	v->absent = false;
}

/*
 * The buffer's contents copied into the environment's arena (NULL when
 * out of memory or empty); the buffer is freed.
 */
const char *fields_keep(const struct fields_env *, struct buf *);

/*
 * French words for the dossier's codes (absence kinds alone are named by
 * rules_absence_fr()): "entretien périodique", "entretien de reprise
 * après un congé parental d'éducation", "état des lieux
 * récapitulatif"...: in env's arena.
 */
const char *fields_kind_label(const struct fields_env *, enum interview_kind,
			      bool has_absence, enum absence_kind);
/* "deux ans", "quatre ans" or "36 mois" (an agreement's periodicity)
 * for the periodic interview under regime; static or in the arena. */
/* The regime as documents name it ("2014", "2025") and the span of its
 * état des lieux in words ("six ans", "huit ans"), once for all fields. */
const char *fields_regime_name(enum rules_regime);
const char *fields_recap_span(enum rules_regime);
const char *fields_periodicity(const struct fields_env *,
			       enum rules_regime regime);
/* Address lines, then "postcode city", separated by '\n'; in the arena. */
const char *fields_address(const struct fields_env *, const struct address *);

/*
 * For the list iterators: the dossier's next training (by its end date)
 * or certification from *cursor on whose date keep accepts; NULL at the
 * end.  Items point into the dossier.
 */
typedef bool fields_date_filter(const struct fields_env *, date_t);
const void *fields_next_training(const struct fields_env *, size_t *cursor,
				 fields_date_filter *keep);
const void *fields_next_certification(const struct fields_env *, size_t *cursor,
				      fields_date_filter *keep);

#endif
