/*
 * Inside the CSV importer (import.h): the tables read from the CSV
 * files, the column catalogue, value checks and the XML writer.  For
 * the import_*.c files and their tests only.
 */
#ifndef PARCOURS_IMPORT_INTERNAL_H
#define PARCOURS_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "import.h"

/* Past these an export is absurd: refused with file, line and column. */
#define IMPORT_MAX_COLUMNS     256
#define IMPORT_MAX_FIELD_BYTES (256L * 1024)
#define IMPORT_MAX_TEXT_CHARS  20000

/* What a column holds, and so how its cells are checked and rewritten. */
enum import_type {
	IMPORT_TEXT,	 /* free text, trimmed */
	IMPORT_ID,	 /* a dossier or company id (dossier.md) */
	IMPORT_DATE,	 /* YYYY-MM-DD or DD/MM/YYYY -> YYYY-MM-DD */
	IMPORT_DATETIME, /* ... HH:MM -> YYYY-MM-DDTHH:MM */
	IMPORT_BOOL,	 /* oui/non, true/false, 1/0 -> true/false */
	IMPORT_DECIMAL,	 /* 0,35 or 0.35 -> 0.35 */
	IMPORT_COUNT,	 /* a whole number */
	IMPORT_SIRET,	 /* 14 digits, spaces dropped */
	IMPORT_ENUM,	 /* one of the codes of col->codes */
};

/*
 * One column a file of a kind may have.  name is the English header of
 * doc/import.md; aliases and codes are "|"-separated lists compared
 * after import_normalize() (so "Date d'embauche" matches
 * "date_embauche").  codes: "code=alias,alias|code|..." for enums.
 * xml says where the value goes: "@attr" an attribute of the item,
 * "." its text, anything else is read by the kind's own writer.
 */
struct import_col {
	const char *name;
	const char *aliases;
	enum import_type type;
	const char *codes;
	bool required;
	const char *xml;
};

enum import_kind {
	IMPORT_COMPANIES,
	IMPORT_EMPLOYEES,
	IMPORT_POSITIONS,
	IMPORT_ABSENCES,
	IMPORT_MANDATES,
	IMPORT_VISITS,
	IMPORT_TRAININGS,
	IMPORT_CERTIFICATIONS,
	IMPORT_PROGRESSIONS,
	IMPORT_ABONDEMENTS,
	IMPORT_CONVOCATIONS,
	IMPORT_INTERVIEWS,
	IMPORT_ACTIONS,
	IMPORT_NKINDS
};

struct import_kind_spec {
	const char *name;	 /* "employees": file names and messages */
	const char *file_words;	 /* "|"-list found in the file's name */
	const char *list, *item; /* XML elements, for record kinds */
	const struct import_col *cols;
	size_t ncols;
};

/* The catalogue, indexed by enum import_kind. */
extern const struct import_kind_spec import_kinds[IMPORT_NKINDS];

/* Column indices of the kinds whose writer reads columns by name. */
enum {
	IC_COMPANY_ID,
	IC_COMPANY_NAME,
	IC_COMPANY_SIRET,
	IC_COMPANY_HEADCOUNT,
	IC_COMPANY_LINE1,
	IC_COMPANY_LINE2,
	IC_COMPANY_LINE3,
	IC_COMPANY_POSTCODE,
	IC_COMPANY_CITY,
	IC_SIGNATORY_NAME,
	IC_SIGNATORY_TITLE,
	IC_REGIME,
	IC_REFORM_DATE,
	IC_PERIODICITY,
	IC_RETURN_DAYS,
	IC_ABONDEMENT_EUR,
	IC_COMPANY_NCOLS,
	/* employees: the company columns, then these */
	IC_EMPLOYEE_ID = IC_COMPANY_NCOLS,
	IC_CIVILITY,
	IC_GIVEN_NAME,
	IC_FAMILY_NAME,
	IC_BIRTH_DATE,
	IC_LINE1,
	IC_LINE2,
	IC_LINE3,
	IC_POSTCODE,
	IC_CITY,
	IC_EMAIL,
	IC_CONTRACT,
	IC_HIRE_DATE,
	IC_SENIORITY_DATE,
	IC_EXIT_DATE,
	IC_JOB_TITLE,
	IC_DEPARTMENT,
	IC_MANAGER,
	IC_NOTICE_DELIVERED,
	IC_NOTICE_METHOD,
	IC_EMPLOYEES_NCOLS,
};
/* Every record kind has the employee id first; interviews and actions
 * the interview id second. */
#define IC_RECORD_EMPLOYEE  0
#define IC_RECORD_INTERVIEW 1

/*
 * The normalised form of a header or code: ASCII letters and digits
 * only, lower case, accents folded ("Date d'embauche" ->
 * "datedembauche").  Writes at most size bytes, NUL included.
 */
void import_normalize(const char *s, char *out, size_t size);

/* One row of a file: its cells in the kind's column order. */
struct import_row {
	long line;    /* where the row starts */
	char **v;     /* ncols values after checks; NULL: empty */
	bool bad;     /* a cell or the join had an error */
	size_t owner; /* employee index after the join */
};

/* One file, read and checked. */
struct import_table {
	const char *name; /* as given on the command line */
	enum import_kind kind;
	struct import_row *rows;
	size_t nrows, cap;
	bool bad;     /* unreadable: no row of it is used */
	long *colpos; /* per kind column, its file column (1-based) or 0 */
	struct arena *arena;
};

/* The --map renames: normalised source header -> column name. */
struct import_map {
	char **from, **to;
	size_t n;
};

/*
 * import_error(MSG_X, file, line, col, args...): reports message MSG_X as
 * "FILE:LINE:COL: message" (col 0: no column); import_warning() is the
 * same call, kept apart where the message is a warning, for the reader.
 */
#define import_error(id, ...)	import_report(id, MSG_TEXT(id), __VA_ARGS__)
#define import_warning(id, ...) import_report(id, MSG_TEXT(id), __VA_ARGS__)
void import_report(enum msg, const char *text, const char *file, long line,
		   long col, ...) __attribute__((format(printf, 2, 6)));

/*
 * Converts a file's bytes to UTF-8: a UTF-8 BOM is dropped, UTF-8 is
 * kept, anything else is read as Windows-1252 (iconv).  NULL after a
 * diagnostic (UTF-16, NUL bytes, a byte Windows-1252 does not define);
 * else a string of *outlen bytes the caller frees.
 */
char *import_text_utf8(const char *name, const char *data, size_t len,
		       size_t *outlen);
/* ';', ',' or '\t': the most frequent outside quotes on the first line. */
char import_text_separator(const char *data, size_t len);

/*
 * Reads one CSV file (libcsv) of kind into t, cells checked and
 * rewritten by import_value_check(); each problem is reported with its
 * line and column, and marks its row bad.  false if the file cannot be
 * used at all (after a diagnostic).
 */
bool import_csv_read(struct import_table *t, const char *data, size_t len,
		     const struct import_map *map);

/*
 * Checks one cell of col (header: as the file names it, for messages)
 * and returns its canonical form in the arena
 * (NULL for an empty cell); on a bad value reports it at file:line:col
 * and sets *bad.
 */
char *import_value_check(struct arena *, const struct import_col *col,
			 const char *header, const char *cell, const char *file,
			 long line, long column, bool *bad);

/*
 * The reader's checks across cells of one row (end before start,
 * outcome refused without response date, ...): each reported at its
 * cell, and the row marked bad.
 */
void import_check_row(const struct import_table *t, struct import_row *row);

/* The column of kind a normalised header names; -1 if none. */
int import_column_find(enum import_kind kind, const char *header);

/* The kind a file's name says it holds; IMPORT_NKINDS if none. */
enum import_kind import_kind_of(const char *path);

/* XML output of one company's dossiers (xmlTextWriter). */
struct import_company {
	const char *id;
	const struct import_row *row; /* the row that defined it */
	const char *file;
	char **v; /* IC_COMPANY_NCOLS values, merged from every row */
	bool bad;
};

/* The rows of the other files that belong to one employee. */
struct import_employee {
	const struct import_row *row; /* in employees.csv */
	size_t company;
	/* per kind, the indices of its rows in that table, in file order */
	size_t *rows[IMPORT_NKINDS];
	size_t nrows[IMPORT_NKINDS];
	bool bad;
};

/*
 * Writes the <dossiers> document of company c with its employees (idx
 * into emps, in order) into out.  false when libxml2 fails.
 */
bool import_xml_company(struct buf *out, const struct import_company *c,
			const struct import_employee *emps, const size_t *idx,
			size_t n,
			struct import_table *const tables[IMPORT_NKINDS]);

#endif
