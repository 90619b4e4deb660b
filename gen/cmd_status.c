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
#include "grow.h"
#include "names.h"
#include "pipeline.h"
#include "report_csv.h"
#include "rules.h"
#include "table.h"

struct status_row {
	/* due, dossier (owned) and input order, so that the sort is total */
	struct batch_sort_key key;
	char *employee;
	enum rules_obligation_kind kind;
	enum rules_obligation_state state;
	enum rules_regime regime;
	char *basis;
};

struct status_rows {
	const struct options *o;
	struct status_row *rows;
	size_t n, cap;
	size_t overdue;
};

static void rows_free(struct status_rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free((char *)r->rows[i].key.dossier);
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

/* The pipeline's callback for the table: copies the wanted obligations
 * of one dossier. */
static enum pipeline_step rows_add(void *ctx, struct dossier *d,
				   struct rules_facts *f)
{
	struct status_rows *r = ctx;
	const struct options *o = r->o;
	char *employee = NULL;
	for (size_t i = 0; i < f->nobligations; i++) {
		const struct rules_obligation *ob = &f->obligations[i];
		if (!wanted(o, ob))
			continue;
		if (!grow_array(&r->rows, &r->cap, r->n, 64, sizeof(*r->rows)))
			goto oom;
		if (employee == NULL &&
		    (employee = names_family_first(&d->employee)) == NULL)
			goto oom;
		struct status_row row = {
		    .key = {ob->due, r->n, strdup(d->id)},
		    .employee = strdup(employee),
		    .kind = ob->kind,
		    .state = ob->state,
		    .regime = ob->regime,
		    .basis = strdup(ob->basis),
		};
		r->rows[r->n++] = row;
		if (row.key.dossier == NULL || row.employee == NULL ||
		    row.basis == NULL)
			goto oom;
		if (row.state == RULES_OVERDUE)
			r->overdue++;
	}
	free(employee);
	return PIPELINE_NEXT;
oom:
	free(employee);
	return PIPELINE_OOM;
}

/* cli.md's order, as status.csv's (batch_sort.h). */
static int row_cmp(const void *a, const void *b)
{
	return batch_sort_key_cmp(&((const struct status_row *)a)->key,
				  &((const struct status_row *)b)->key);
}

struct status_sort {
	const struct options *o;
	struct batch_sort *sort;
	uint64_t seq;
};

/* The pipeline's callback for the CSV: one dossier's rows to the
 * sorter. */
static enum pipeline_step sort_add(void *ctx, struct dossier *d,
				   struct rules_facts *f)
{
	struct status_sort *s = ctx;
	errno = 0; /* batch_sort_add_dossier() sets it on an I/O error */
	if (batch_sort_add_dossier(s->sort, d, f, s->o->as_of,
				   s->o->within_days, &s->seq))
		return PIPELINE_NEXT;
	if (errno == 0 || errno == ENOMEM)
		return PIPELINE_OOM;
	diag(MSG_STATUS_FAILED, NULL, 0, strerror(errno));
	return PIPELINE_STOP;
}

/* The CSV: every dossier's rows through the sorter; reports its errors. */
static void status_csv(const struct options *o, struct pipeline *p)
{
	struct status_sort s = {.o = o, .sort = batch_sort_new()};
	struct pipeline_acts acts = {.act = sort_add, .ctx = &s};
	bool ok = s.sort != NULL && pipeline_run(p, &acts) == PIPELINE_READ_ALL;
	if (s.sort == NULL)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	if (!ok) {
		batch_sort_free(s.sort);
		return;
	}
	struct batch_sort *sort = s.sort;
	struct buf head = {0};
	report_csv_status_head(&head);
	ok = !head.oom && fwrite(head.data, 1, head.len, stdout) == head.len &&
	     batch_sort_write(sort, stdout) && fflush(stdout) == 0;
	if (!ok)
		diag(MSG_OUT_CANNOT_WRITE, "standard output", 0,
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
		    date_fmt_iso(row->key.due, due),
		    row->state == RULES_OVERDUE ? "OVERDUE" : "upcoming",
		    row->key.dossier,
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
	enum out_format format;
	if (!table_or_csv(o, "status", &format))
		return;
	struct pipeline *p = pipeline_new(o);
	if (p == NULL)
		return;
	if (format == FORMAT_CSV) {
		status_csv(o, p);
		pipeline_free(p);
		return;
	}
	struct status_rows rows = {.o = o};
	struct pipeline_acts acts = {.act = rows_add, .ctx = &rows};
	bool ok = pipeline_run(p, &acts) == PIPELINE_READ_ALL;
	pipeline_free(p);
	if (!ok) {
		rows_free(&rows);
		return;
	}
	qsort(rows.rows, rows.n, sizeof(*rows.rows), row_cmp);
	ok = write_table(&rows, o, stdout);
	if (!ok || fflush(stdout) != 0)
		diag(MSG_OUT_CANNOT_WRITE, "standard output", 0,
		     strerror(errno));
	rows_free(&rows);
}
