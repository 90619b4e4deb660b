/*
 * The names a template may use (templates/README.md): fields, lists and
 * their items, and the values they take for one document.  The template
 * loader checks names with it; the expander reads values through it;
 * documents.c fills the environment.  No I/O, no messages.
 */
#ifndef PARCOURS_FIELDS_H
#define PARCOURS_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "doc.h"
#include "dossier.h"
#include "rules.h"

/* The kinds of document a template is written for. */
enum fields_ctx {
	FIELDS_NOTICE = 1 << 0,
	FIELDS_REPORT = 1 << 1,
	FIELDS_RECAP = 1 << 2,
	FIELDS_LETTER = 1 << 3,
};
#define FIELDS_ALL                                                             \
	(FIELDS_NOTICE | FIELDS_REPORT | FIELDS_RECAP | FIELDS_LETTER)

enum fields_type {
	FIELDS_TEXT,
	FIELDS_DATE,
	FIELDS_DATETIME,
	FIELDS_NUMBER,
	FIELDS_AMOUNT,
	FIELDS_BOOL,
};

/* What a list holds; a field of an item kind is only valid in its loop. */
enum fields_item {
	FIELDS_ITEM_NONE, /* document fields */
	FIELDS_ITEM_TRAINING,
	FIELDS_ITEM_CERTIFICATION,
	FIELDS_ITEM_PROGRESSION,
	FIELDS_ITEM_ABSENCE,
	FIELDS_ITEM_ACTION,
	FIELDS_ITEM_DUE,
	FIELDS_ITEM_POSITION,
	FIELDS_NITEMS
};

/*
 * One document being built.  documents.c fills it; the expander sets
 * items[] as it loops.  Everything pointed to outlives the expansion.
 */
struct fields_env {
	enum fields_ctx ctx;
	const struct dossier *dossier;
	const struct rules_facts *facts;
	struct arena *arena;	  /* for composed strings: the document's */
	date_t date;		  /* the document's own date */
	enum rules_regime regime; /* of date */
	bool blank;		  /* report --blank */

	/* FIELDS_REPORT, filled and blank. */
	enum interview_kind kind;
	const struct interview *interview;	   /* NULL when blank */
	const struct rules_obligation *obligation; /* blank only */
	date_t previous;     /* previous held interview, or DATE_NONE */
	date_t since, until; /* trainings in (since, until] */

	/* FIELDS_NOTICE: the rules as they stood on the notice's own date
	 * (rules.md §8), which is what the notice tells the employee. */
	const struct rules_facts *notice;

	/* FIELDS_RECAP. */
	const struct rules_period *period;

	/* FIELDS_LETTER. */
	const struct rules_letter *letter;

	/* The current item of each loop being expanded. */
	const void *items[FIELDS_NITEMS];
};

/* A value before formatting.  Strings outlive the expansion. */
struct fields_value {
	enum fields_type type;
	const char *text;	  /* TEXT; NULL or "" when absent */
	date_t date;		  /* DATE; DATE_NONE when absent */
	struct datetime datetime; /* DATETIME; date DATE_NONE when absent */
	long long number;	  /* NUMBER, AMOUNT */
	bool absent;		  /* NUMBER, AMOUNT */
	bool flag;		  /* BOOL */
};

struct fields_field;
struct fields_list;

/* Registry entries are static: the pointers live as long as the program. */
const struct fields_field *fields_find(const char *name);
/* Whether the field's text is printed exactly as the dossier gives it:
 * names of people and places, identifiers.  Other text takes ’. */
bool fields_verbatim(const struct fields_field *);
enum fields_type fields_type(const struct fields_field *);
/* The contexts (FIELDS_NOTICE | ...) where the field exists. */
unsigned fields_contexts(const struct fields_field *);
/* FIELDS_ITEM_NONE for a document field. */
enum fields_item fields_item(const struct fields_field *);

const struct fields_list *fields_find_list(const char *name);
unsigned fields_list_contexts(const struct fields_list *);
enum fields_item fields_list_item(const struct fields_list *);
/* "training": the prefix of the item's fields, for messages. */
const char *fields_item_name(enum fields_item);
/* "report": the context's name, for messages. */
const char *fields_ctx_name(enum fields_ctx);

/*
 * Formats by type (templates/README.md): the index of name among the
 * type's formats, 0 being the default; -1 if the type has no such format.
 */
int fields_format_find(enum fields_type, const char *name);

/* Reads the field's value for env. */
void fields_get(const struct fields_field *, const struct fields_env *,
		struct fields_value *out);
/* Appends the value formatted; false (appending nothing) when absent. */
bool fields_format(const struct fields_value *, int format, struct buf *out);
/* A condition term: a boolean's value, else "is present". */
bool fields_truth(const struct fields_value *);

/*
 * The next item of the list at or after *cursor, advancing it; NULL at
 * the end.  Start with *cursor = 0.  The item is to be stored in
 * env->items[fields_list_item(list)] while its body is expanded.
 */
const void *fields_list_next(const struct fields_list *,
			     const struct fields_env *, size_t *cursor);

/*
 * The recap's drawing (documents.md §3): due dates, interviews, refusals,
 * trainings and absences over env->period, in date order.  Allocated in
 * env->arena; NULL when out of memory.
 */
struct doc_timeline *fields_timeline(const struct fields_env *);

#endif
