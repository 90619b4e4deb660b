/*
 * parcours dashboard: the campaign page (index.html) alone, from one
 * pass over the inputs, with the figures `all` would give it but no
 * links to documents, which this command does not write.  For main.c,
 * through cli.h.
 */
#include "cli.h"
#include "dashboard.h"
#include "diag.h"
#include "dossier_read.h"
#include "outfile.h"
#include "rules.h"

/* Every dossier into db and stats; false when out of memory. */
static bool sum(struct dossier_source *src, struct dashboard *db,
		struct rules_stats *stats, date_t as_of)
{
	struct dossier *d;
	bool ok = true;
	/* One dossier at a time: the figures are counters and capped lists. */
	while (ok && (d = dossier_source_next(src)) != NULL) {
		struct rules_facts *f = rules_compute(d, as_of);
		ok = f != NULL && dashboard_add(db, d, f);
		if (f != NULL)
			rules_stats_add(stats, d, f);
		rules_facts_free(f);
		dossier_free(d);
	}
	return ok;
}

void cmd_dashboard(const struct options *o)
{
	if (o->format != FORMAT_DEFAULT) {
		diag_usage("dashboard: --format does not apply: the page is "
			   "HTML");
		return;
	}
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	if (src == NULL)
		return;
	struct dashboard *db = dashboard_new(o->as_of, DASHBOARD_EVERY);
	struct rules_stats stats;
	int year = o->year, month, day;
	if (year == 0)
		date_to_ymd(o->as_of, &year, &month, &day);
	rules_stats_init(&stats, year);
	bool ok = db != NULL && sum(src, db, &stats, o->as_of);
	dossier_source_free(src);
	struct buf out = {0};
	if (ok) {
		dashboard_html(&out, db, &stats, NULL);
		ok = !out.oom;
	}
	if (!ok)
		diag_system(NULL, "dashboard: out of memory");
	else if (outfile_mkdirs(o->output_dir))
		outfile_write(o->output_dir, "index.html", out.data, out.len);
	buf_free(&out);
	dashboard_free(db);
}
