/*
 * The documents of a dossier (documents.md): which ones it has (the
 * notice, each report, each blank report form, each recap period, each
 * letter), their file names, and their trees built from the templates.
 * For the commands that write documents (notice, report, recap, letters,
 * all).
 */
#ifndef PARCOURS_DOCUMENTS_H
#define PARCOURS_DOCUMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "doc.h"
#include "dossier.h"
#include "outfile.h"
#include "rules.h"

enum documents_kind {
	DOCUMENTS_NOTICE,	/* notice.xml */
	DOCUMENTS_REPORT,	/* report.xml, a held interview's report */
	DOCUMENTS_REPORT_BLANK, /* report.xml, a form for an obligation */
	DOCUMENTS_RECAP,	/* recap.xml, one period */
	DOCUMENTS_LETTER,	/* letter-*.xml, one letter of rules.md §9 */
};

/* A set of kinds for documents_new(). */
#define DOCUMENTS_SET(kind) (1u << (kind))

/* The templates of one run. */
struct documents;

/*
 * Loads from dir the templates the kinds in set need (DOCUMENTS_SET(…) |
 * …).  Every broken or missing template is reported (system errors, with
 * file and line); then NULL, before anything is written.  The caller
 * owns the result (documents_free()).
 */
struct documents *documents_new(const char *templates_dir, unsigned set);
/* NULL is a no-op. */
void documents_free(struct documents *);

/* One document of a dossier.  Pointers go into the dossier and facts. */
struct documents_entry {
	enum documents_kind kind;
	/* "notice", "report", "report-blank", "recap", "letter-convocation",
	 * ...: the document of file names and of manifest.csv (cli.md). */
	const char *name;
	date_t date; /* of the file name, and the document's own date */
	const struct interview *interview;	   /* REPORT */
	const struct rules_obligation *obligation; /* REPORT_BLANK */
	const struct rules_period *period;	   /* RECAP */
	const struct rules_letter *letter;	   /* LETTER */
};

/*
 * --within (cli.md): whether e is printed when only the obligations
 * overdue or due within within_days of as_of are wanted (< 0: all).  It
 * sorts out blank forms (by their obligation) and provisional recaps (by
 * the end of their period, when the recap falls due); every other
 * document is of something that has happened, and always wanted.
 */
bool documents_within(const struct documents_entry *e, date_t as_of,
		      int within_days);

/*
 * The next document of kind that d has (f = its facts), from *cursor
 * (start at 0), in order: notice if hired on or after 2014-03-07; a
 * report per interview held by as-of with a <report>; a blank form per
 * open periodic, recap, mid-career or end-of-career obligation (one per
 * due date: a recap form serves a periodic interview due the same day);
 * a recap per period, final ones then the running one; a letter per
 * rules_letter.  false at the end.
 */
bool documents_next(enum documents_kind kind, const struct dossier *d,
		    const struct rules_facts *f, size_t *cursor,
		    struct documents_entry *out);

/* "{id}/{id}_{FAMILY}_{name}_{date}.{ext}" (outfile_path()). */
void documents_path(char path[OUTFILE_PATH_MAX], const struct dossier *d,
		    const struct documents_entry *e, const char *ext);

/*
 * The names given so far to one dossier's files.  Start zeroed; set n to
 * 0 for the next dossier; free with documents_names_free().
 */
struct documents_names {
	char (*paths)[OUTFILE_PATH_MAX];
	size_t n, cap;
};

/*
 * documents_path(), made unique in the dossier: a document that would
 * take a name already given (two convocations issued the same day, two
 * interviews held the same day) gets its convocation's or interview's
 * id after the date, reduced to file-name characters, then a number.
 * Records the name in names.  false when out of memory (after a
 * diagnostic).
 */
bool documents_unique_path(struct documents_names *names,
			   char path[OUTFILE_PATH_MAX], const struct dossier *d,
			   const struct documents_entry *e, const char *ext);
/* Frees the names' memory (not the struct); NULL is a no-op. */
void documents_names_free(struct documents_names *names);

/*
 * The tree of one document, from the template of its kind (which docs
 * must have loaded).  NULL when out of memory (after a diagnostic).  The
 * caller owns it (doc_free()); d and f may be freed before it.
 */
struct doc *documents_build(const struct documents *docs,
			    const struct dossier *d,
			    const struct rules_facts *f,
			    const struct documents_entry *e);

/*
 * The notice, report and recap commands: for each dossier of o->inputs,
 * each document of kind as a PDF under o->output_dir, or with --format
 * tree its tree dump on standard output.  Templates (and fonts) are
 * loaded first: if one is broken nothing is written.  A dossier whose
 * document fails is reported and the others go on.  Reports through
 * diag.h.
 */
void documents_write(const struct options *o, enum documents_kind kind);

/* The PDF branch of `recap`: documents_write(o, DOCUMENTS_RECAP). */
void documents_recap_pdf(const struct options *o);

#endif
