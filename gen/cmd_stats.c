/*
 * parcours stats: the CSE / BDESE figures of rules.md §10 for --year,
 * as metric,value CSV or a table.  For main.c, through cli.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "pipeline.h"
#include "report_csv.h"
#include "rules.h"
#include "table.h"

/* The rows in rules.md §10's order (report_csv.c). */
static bool write_csv(const struct report_csv_metric *m, size_t n, FILE *out)
{
	struct buf b = {0};
	report_csv_stats(&b, m, n);
	bool ok = !b.oom && fwrite(b.data, 1, b.len, out) == b.len;
	buf_free(&b);
	return ok;
}

static bool write_table(const struct report_csv_metric *m, size_t n, int year,
			FILE *out)
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

/* The pipeline's callback: counters only, so that a batch costs the
 * memory of one dossier. */
static enum pipeline_step count(void *ctx, struct dossier *d,
				struct rules_facts *f)
{
	rules_stats_add(ctx, d, f);
	return PIPELINE_NEXT;
}

void cmd_stats(const struct options *o)
{
	enum out_format format;
	if (!table_or_csv(o, "stats", &format))
		return;
	if (o->year == 0) {
		diag(MSG_STATS_YEAR_Y_REQUIRED, NULL, 0);
		return;
	}
	struct rules_stats stats;
	rules_stats_init(&stats, o->year);
	struct pipeline_acts acts = {.act = count, .ctx = &stats};
	if (!pipeline_each(o, &acts))
		return; /* reported */
	struct report_csv_metric m[REPORT_CSV_METRICS_MAX];
	size_t n = report_csv_metrics(&stats, m);
	bool ok = format == FORMAT_CSV ? write_csv(m, n, stdout)
				       : write_table(m, n, o->year, stdout);
	if (!ok || fflush(stdout) != 0)
		diag(MSG_OUT_CANNOT_WRITE, "standard output", 0,
		     strerror(errno));
}
