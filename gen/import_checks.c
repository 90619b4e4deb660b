/*
 * The checks of the dossier reader (dossier_build.c) that span several
 * cells of a row, made again on the CSV rows so that a problem is
 * reported where HR can fix it (file:line:column), and the employee is
 * left out instead of getting a dossier that `validate` refuses.  For
 * import.c.
 */
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

/* Column index of name in kind k; -1 if none (a catalogue bug). */
static int col(enum import_kind k, const char *name)
{
	const struct import_kind_spec *s = &import_kinds[k];
	for (size_t i = 0; i < s->ncols; i++)
		if (strcmp(s->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Reports at row's cell of column c and marks the row bad. */
#define fail(t, row, c, id, ...)                                               \
	do {                                                                   \
		import_error(id, (t)->name, (row)->line,                       \
			     (c) >= 0 ? (t)->colpos[(c)] : 0, ##__VA_ARGS__);  \
		(row)->bad = true;                                             \
	} while (0)

/* ISO dates compare as strings. */
static void order(const struct import_table *t, struct import_row *row,
		  const char *start, const char *end)
{
	int s = col(t->kind, start), e = col(t->kind, end);
	if (s < 0 || e < 0 || row->v[s] == NULL || row->v[e] == NULL ||
	    strcmp(row->v[e], row->v[s]) >= 0)
		return;
	fail(t, row, e, MSG_IMPORT_BEFORE, end, row->v[e], start, row->v[s]);
}

/* @absence exactly for kind "return". */
static void return_absence(const struct import_table *t, struct import_row *row)
{
	int k = col(t->kind, "kind"), a = col(t->kind, "absence");
	const char *kind = row->v[k];
	if (kind == NULL)
		return;
	if (strcmp(kind, "return") == 0 && row->v[a] == NULL)
		fail(t, row, a, MSG_IMPORT_RETURN_NEEDS_ABSENCE, kind);
	else if (strcmp(kind, "return") != 0 && row->v[a] != NULL)
		fail(t, row, a, MSG_IMPORT_ABSENCE_ONLY_KIND_RETURN, row->v[a],
		     kind);
}

static void company_rules(const struct import_table *t, struct import_row *row)
{
	const char *reform = row->v[IC_REFORM_DATE];
	/* rules.md §2: the law's entry into force to the deadline for
	 * agreements. */
	if (reform != NULL && (strcmp(reform, "2025-10-26") < 0 ||
			       strcmp(reform, "2026-10-01") > 0))
		fail(t, row, IC_REFORM_DATE, MSG_IMPORT_REFORM_DATE_NOT_BETWEEN,
		     reform);
	const char *p = row->v[IC_PERIODICITY];
	if (p != NULL && (strtol(p, NULL, 10) < 1 || strtol(p, NULL, 10) > 48))
		fail(t, row, IC_PERIODICITY,
		     MSG_IMPORT_PERIODICITY_MONTHS_NOT_BETWEEN, p);
}

void import_check_row(const struct import_table *t, struct import_row *row)
{
	switch (t->kind) {
	case IMPORT_COMPANIES:
		company_rules(t, row);
		break;
	case IMPORT_EMPLOYEES:
		company_rules(t, row);
		order(t, row, "hire_date", "exit_date");
		break;
	case IMPORT_POSITIONS:
	case IMPORT_ABSENCES:
	case IMPORT_TRAININGS:
		order(t, row, "start", "end");
		break;
	case IMPORT_MANDATES: {
		order(t, row, "start", "end");
		int s = col(t->kind, "delegation_share");
		/* Checked as "0.35" by import_values.c: strtod reads it. */
		if (row->v[s] != NULL && strtod(row->v[s], NULL) > 1.0)
			fail(t, row, s, MSG_IMPORT_DELEGATION_SHARE_MORE_THAN,
			     row->v[s]);
		break;
	}
	case IMPORT_CONVOCATIONS: {
		return_absence(t, row);
		int o = col(t->kind, "outcome");
		int r = col(t->kind, "response_date");
		const char *out = row->v[o];
		if (out != NULL &&
		    (strcmp(out, "refused") == 0 ||
		     strcmp(out, "declined") == 0) &&
		    row->v[r] == NULL)
			fail(t, row, r, MSG_IMPORT_OUTCOME_NEEDS_RESPONSE_DATE,
			     out);
		break;
	}
	case IMPORT_INTERVIEWS:
		return_absence(t, row);
		break;
	case IMPORT_VISITS:
	case IMPORT_CERTIFICATIONS:
	case IMPORT_PROGRESSIONS:
	case IMPORT_ABONDEMENTS:
	case IMPORT_ACTIONS:
	case IMPORT_NKINDS:
		break;
	}
}
