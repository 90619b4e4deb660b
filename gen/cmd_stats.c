/*
 * parcours stats: the CSE / BDESE figures of rules.md §10 for --year,
 * as metric,value CSV or a table.  For main.c, through cli.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "csv.h"
#include "diag.h"
#include "dossier_read.h"
#include "rules.h"
#include "table.h"

struct metric {
	const char *name;
	const char *label; /* for the table */
	long long value;
};

/* The rows in rules.md §10's order; per-kind names use '_' for '-'. */
static size_t metrics(const struct rules_stats *s, struct metric *m)
{
	size_t n = 0;
	m[n++] = (struct metric){"employees", "salariés présents dans l'année",
				 (long long)s->employees};
	m[n++] = (struct metric){"employees_interviewed",
				 "salariés ayant eu au moins un entretien",
				 (long long)s->employees_interviewed};
	m[n++] = (struct metric){"interviews_held", "entretiens tenus",
				 (long long)s->interviews_held};
	static const struct {
		enum interview_kind kind;
		const char *name, *label;
	} kinds[] = {
	    {KIND_PERIODIC, "interviews_held_periodic", "  dont périodiques"},
	    {KIND_RETURN, "interviews_held_return", "  dont de reprise"},
	    {KIND_RECAP, "interviews_held_recap", "  dont états des lieux"},
	    {KIND_MID_CAREER, "interviews_held_mid_career",
	     "  dont mi-carrière"},
	    {KIND_END_OF_CAREER, "interviews_held_end_of_career",
	     "  dont fin de carrière"},
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		m[n++] = (struct metric){
		    kinds[i].name, kinds[i].label,
		    (long long)s->interviews_held_kind[kinds[i].kind]};
	m[n++] = (struct metric){"refusals", "refus et déclinaisons",
				 (long long)s->refusals};
	m[n++] = (struct metric){"recaps", "états des lieux de période close",
				 (long long)s->recaps};
	m[n++] = (struct metric){"abondements", "abondements correctifs dus",
				 (long long)s->abondements};
	m[n++] =
	    (struct metric){"abondement_total_eur", "total des abondements (€)",
			    s->abondement_total_eur};
	return n;
}

static bool write_csv(const struct metric *m, size_t n, FILE *out)
{
	static const char *const head[] = {"metric", "value"};
	bool ok = csv_write_row(out, head, 2);
	for (size_t i = 0; i < n && ok; i++) {
		char value[32];
		snprintf(value, sizeof(value), "%lld", m[i].value);
		const char *fields[] = {m[i].name, value};
		ok = csv_write_row(out, fields, 2);
	}
	return ok;
}

static bool write_table(const struct metric *m, size_t n, int year, FILE *out)
{
	static const char *const head[] = {"METRIC", "VALUE", "MEANING"};
	struct table *t = table_new(3, head);
	if (t == NULL)
		return false;
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		char value[32];
		snprintf(value, sizeof(value), "%lld", m[i].value);
		const char *cells[] = {m[i].name, value, m[i].label};
		ok = table_add_row(t, cells);
	}
	ok = ok && table_write(t, out);
	table_free(t);
	fprintf(out, "CSE / BDESE figures for %d\n", year);
	return ok && !ferror(out);
}

void cmd_stats(const struct options *o)
{
	enum out_format format = o->format;
	if (format == FORMAT_DEFAULT)
		format = isatty(STDOUT_FILENO) ? FORMAT_TABLE : FORMAT_CSV;
	if (format != FORMAT_CSV && format != FORMAT_TABLE) {
		diag_usage("stats: --format must be csv or table");
		return;
	}
	if (o->year == 0) {
		diag_usage("stats: --year Y is required");
		return;
	}
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	if (src == NULL)
		return;
	struct rules_stats stats;
	rules_stats_init(&stats, o->year);
	struct dossier *d;
	bool oom = false;
	/* Counters only: a batch costs the memory of one dossier. */
	while (!oom && (d = dossier_source_next(src)) != NULL) {
		struct rules_facts *f = rules_compute(d, o->as_of);
		if (f != NULL)
			rules_stats_add(&stats, d, f);
		oom = f == NULL;
		rules_facts_free(f);
		dossier_free(d);
	}
	dossier_source_free(src);
	if (oom) {
		diag_system(NULL, "stats: out of memory");
		return;
	}
	struct metric m[16];
	size_t n = metrics(&stats, m);
	bool ok = format == FORMAT_CSV ? write_csv(m, n, stdout)
				       : write_table(m, n, o->year, stdout);
	if (!ok || fflush(stdout) != 0)
		diag_system("standard output", "cannot write: %s",
			    strerror(errno));
}
