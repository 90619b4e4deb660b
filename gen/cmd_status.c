/*
 * parcours status: the open obligations of every dossier (rules.md
 * §4–§8), as cli.md's CSV or as an aligned table for a terminal.  For
 * main.c, through cli.h.
 *
 * Dossiers are read one at a time and freed before the next.  The CSV
 * rows go through the batch's sorter (batch_sort.h), in bounded memory
 * however many dossiers there are; the table, which is for a terminal
 * and needs every width first, keeps its rows.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "batch_sort.h"
#include "cli.h"
#include "diag.h"
#include "dossier_read.h"
#include "names.h"
#include "report_csv.h"
#include "rules.h"
#include "table.h"

struct status_row {
	date_t due;
	char *dossier;
	char *employee;
	enum rules_obligation_kind kind;
	enum rules_obligation_state state;
	enum rules_regime regime;
	char *basis;
	size_t seq; /* input order, so that the sort is total */
};

struct status_rows {
	struct status_row *rows;
	size_t n, cap;
	size_t overdue;
};

static void rows_free(struct status_rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->rows[i].dossier);
		free(r->rows[i].employee);
		free(r->rows[i].basis);
	}
	free(r->rows);
}

/* --within: overdue ones, and those due within DAYS of as-of. */
static bool wanted(const struct options *o, const struct rules_obligation *ob)
{
	return report_csv_status_wanted(ob, o->as_of, o->within_days);
}

/* Copies the wanted obligations of one dossier; false on OOM. */
static bool rows_add(struct status_rows *r, const struct options *o,
		     const struct dossier *d, const struct rules_facts *f)
{
	char *employee = NULL;
	for (size_t i = 0; i < f->nobligations; i++) {
		const struct rules_obligation *ob = &f->obligations[i];
		if (!wanted(o, ob))
			continue;
		if (r->n == r->cap) {
			size_t cap = r->cap != 0 ? r->cap * 2 : 64;
			struct status_row *p =
			    realloc(r->rows, cap * sizeof(*p));
			if (p == NULL)
				goto oom;
			r->rows = p;
			r->cap = cap;
		}
		if (employee == NULL &&
		    (employee = names_family_first(&d->employee)) == NULL)
			goto oom;
		struct status_row row = {
		    .due = ob->due,
		    .dossier = strdup(d->id),
		    .employee = strdup(employee),
		    .kind = ob->kind,
		    .state = ob->state,
		    .regime = ob->regime,
		    .basis = strdup(ob->basis),
		    .seq = r->n,
		};
		r->rows[r->n++] = row;
		if (row.dossier == NULL || row.employee == NULL ||
		    row.basis == NULL)
			goto oom;
		if (row.state == RULES_OVERDUE)
			r->overdue++;
	}
	free(employee);
	return true;
oom:
	free(employee);
	return false;
}

/* cli.md: by due date, then dossier; then the order they came in. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct status_row *a = pa, *b = pb;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	int c = strcmp(a->dossier, b->dossier);
	if (c != 0)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The CSV: every dossier's rows through the sorter; reports its errors. */
static void status_csv(const struct options *o, struct dossier_source *src)
{
	struct batch_sort *sort = batch_sort_new();
	uint64_t seq = 0;
	bool ok = sort != NULL;
	struct dossier *d;
	while (ok && (d = dossier_source_next(src)) != NULL) {
		struct rules_facts *f = rules_compute(d, o->as_of);
		ok = f != NULL && batch_sort_add_dossier(sort, d, f, o->as_of,
							 o->within_days, &seq);
		rules_facts_free(f);
		dossier_free(d);
	}
	if (!ok) {
		diag_system(NULL, "status: %s",
			    errno != 0 && errno != ENOMEM ? strerror(errno)
							  : "out of memory");
		batch_sort_free(sort);
		return;
	}
	struct buf head = {0};
	report_csv_status_head(&head);
	ok = !head.oom && fwrite(head.data, 1, head.len, stdout) == head.len &&
	     batch_sort_write(sort, stdout) && fflush(stdout) == 0;
	if (!ok)
		diag_system("standard output", "cannot write: %s",
			    strerror(errno));
	buf_free(&head);
	batch_sort_free(sort);
}

/* Terminal columns, or 0 when standard output is not a terminal. */
static size_t terminal_columns(void)
{
	struct winsize ws;
	if (!isatty(STDOUT_FILENO) ||
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0)
		return 0;
	return ws.ws_col;
}

static bool write_table(const struct status_rows *r, const struct options *o,
			FILE *out)
{
	static const char *const head[] = {"DUE",      "STATE",	     "DOSSIER",
					   "EMPLOYEE", "OBLIGATION", "REGIME",
					   "BASIS"};
	struct table *t = table_new(7, head);
	if (t == NULL)
		return false;
	bool ok = true;
	for (size_t i = 0; i < r->n && ok; i++) {
		const struct status_row *row = &r->rows[i];
		char due[DATE_ISO_LEN], regime[8];
		snprintf(regime, sizeof(regime), "%d", (int)row->regime);
		const char *cells[] = {
		    date_fmt_iso(row->due, due),
		    row->state == RULES_OVERDUE ? "OVERDUE" : "upcoming",
		    row->dossier,
		    row->employee,
		    rules_obligation_name(row->kind),
		    regime,
		    row->basis,
		};
		ok = table_add_row(t, cells);
	}
	if (ok) {
		/* On a terminal the long basis is cut to the line so that
		 * the columns stay readable; CSV has it whole. */
		table_fit(t, terminal_columns());
		ok = table_write(t, out);
	}
	table_free(t);
	char as_of[DATE_ISO_LEN];
	fprintf(out,
		"%zu open obligation%s as of %s: %zu overdue, %zu upcoming",
		r->n, r->n == 1 ? "" : "s", date_fmt_iso(o->as_of, as_of),
		r->overdue, r->n - r->overdue);
	if (o->within_days >= 0)
		fprintf(out, " (overdue or due within %d days)",
			o->within_days);
	fputc('\n', out);
	return ok && !ferror(out);
}

void cmd_status(const struct options *o)
{
	enum out_format format = o->format;
	if (format == FORMAT_DEFAULT)
		format = isatty(STDOUT_FILENO) ? FORMAT_TABLE : FORMAT_CSV;
	if (format != FORMAT_CSV && format != FORMAT_TABLE) {
		diag_usage("status: --format must be csv or table");
		return;
	}
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	if (src == NULL)
		return;
	if (format == FORMAT_CSV) {
		errno = 0;
		status_csv(o, src);
		dossier_source_free(src);
		return;
	}
	struct status_rows rows = {0};
	struct dossier *d;
	bool ok = true;
	while (ok && (d = dossier_source_next(src)) != NULL) {
		struct rules_facts *f = rules_compute(d, o->as_of);
		ok = f != NULL && rows_add(&rows, o, d, f);
		rules_facts_free(f);
		dossier_free(d);
	}
	dossier_source_free(src);
	if (!ok) {
		diag_system(NULL, "status: out of memory");
		rows_free(&rows);
		return;
	}
	qsort(rows.rows, rows.n, sizeof(*rows.rows), row_cmp);
	ok = write_table(&rows, o, stdout);
	if (!ok || fflush(stdout) != 0)
		diag_system("standard output", "cannot write: %s",
			    strerror(errno));
	rows_free(&rows);
}
