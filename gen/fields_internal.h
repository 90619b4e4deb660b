/*
 * The registry tables of fields.h and the helpers their getters share.
 * For fields*.c only; everyone else uses fields.h.
 */
#ifndef PARCOURS_FIELDS_INTERNAL_H
#define PARCOURS_FIELDS_INTERNAL_H

#include "fields.h"

typedef void fields_getter(const struct fields_env *, struct fields_value *);
typedef const void *fields_iterator(const struct fields_env *, size_t *cursor);

struct fields_field {
	const char *name;
	enum fields_type type;
	unsigned ctx; /* FIELDS_NOTICE | ... */
	enum fields_item item;
	fields_getter *get;
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
		(name), FIELDS_##type, (ctx), FIELDS_ITEM_##item, (get)        \
	}
#define FIELDS_FIELD_END                                                       \
	{                                                                      \
		NULL, FIELDS_TEXT, 0, FIELDS_ITEM_NONE, NULL                   \
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
