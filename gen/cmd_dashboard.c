/*
 * parcours dashboard: the campaign page (index.html) alone, from one
 * pass over the inputs, with the figures `all` would give it but no
 * links to documents, which this command does not write.  For main.c,
 * through cli.h.
 */
#include "cli.h"
#include "dashboard.h"
#include "diag.h"
#include "outfile.h"
#include "pipeline.h"
#include "rules.h"

struct sums {
	struct dashboard *db;
	struct rules_stats stats;
};

/* The pipeline's callback: one dossier into the page's figures, which
 * are counters and capped lists. */
static enum pipeline_step sum(void *ctx, struct dossier *d,
			      struct rules_facts *f)
{
	struct sums *s = ctx;
	bool ok = dashboard_add(s->db, d, f);
	rules_stats_add(&s->stats, d, f);
	return ok ? PIPELINE_NEXT : PIPELINE_OOM;
}

void cmd_dashboard(const struct options *o)
{
	if (o->format != FORMAT_DEFAULT) {
		diag(MSG_DASHBOARD_FORMAT_DOES_NOT_APPLY, NULL, 0);
		return;
	}
	struct pipeline *p = pipeline_new(o);
	if (p == NULL)
		return;
	struct sums s = {.db = dashboard_new(o->as_of, DASHBOARD_EVERY)};
	int year = o->year, month, day;
	if (year == 0)
		date_to_ymd(o->as_of, &year, &month, &day);
	rules_stats_init(&s.stats, year);
	struct pipeline_acts acts = {.act = sum, .ctx = &s};
	struct buf out = {0};
	bool ok = s.db != NULL && pipeline_run(p, &acts) == PIPELINE_READ_ALL;
	pipeline_free(p);
	if (ok)
		dashboard_html(&out, s.db, &s.stats, NULL);
	/* Out of memory in the driver is reported there. */
	if (s.db == NULL || out.oom) {
		ok = false;
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	}
	if (ok && outfile_mkdirs(o->output_dir))
		outfile_write(o->output_dir, "index.html", out.data, out.len);
	buf_free(&out);
	dashboard_free(s.db);
}
