/*
 * parcours validate: reads every input, reports every problem through
 * diag.h and writes nothing but a one-line summary on standard output.
 * For main.c, through cli.h.
 */
#include <stdio.h>

#include "cli.h"
#include "diag.h"
#include "dossier_read.h"
#include "rules.h"

/*
 * rules.md §4 ignores counting events (rules_is_counting_*(), the
 * periodic chain's own test) dated after the reference date;
 * say so, since it is most often a typo in a year.
 */
static void warn_future_events(const struct dossier *d, date_t as_of)
{
	char when[DATE_ISO_LEN], ref[DATE_ISO_LEN];
	date_fmt_iso(as_of, ref);
	for (size_t i = 0; i < d->ninterviews; i++) {
		const struct interview *iv = &d->interviews[i];
		if (rules_is_counting_interview(iv) && iv->date != DATE_NONE &&
		    iv->date > as_of)
			diag_warning(d->file, iv->line,
				     "<interview>: id \"%s\" is dated %s, "
				     "after the reference date %s: it does "
				     "not count until then",
				     iv->id, date_fmt_iso(iv->date, when), ref);
	}
	for (size_t i = 0; i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		if (rules_is_counting_refusal(c) && c->date.date != DATE_NONE &&
		    c->date.date > as_of)
			diag_warning(d->file, c->line,
				     "<convocation>: refused convocation id "
				     "\"%s\" is dated %s, after the reference "
				     "date %s: it does not count until then",
				     c->id, date_fmt_iso(c->date.date, when),
				     ref);
	}
}

void cmd_validate(const struct options *o)
{
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	if (src == NULL)
		return;
	unsigned long valid = 0;
	struct dossier *d;
	while ((d = dossier_source_next(src)) != NULL) {
		warn_future_events(d, o->as_of);
		valid++;
		dossier_free(d);
	}
	unsigned long invalid = dossier_source_failed(src);
	unsigned long files = dossier_source_failed_files(src);
	printf("validate: %lu dossier%s valid, %lu invalid", valid,
	       valid == 1 ? "" : "s", invalid);
	if (files > 0)
		printf(", %lu file%s rejected", files, files == 1 ? "" : "s");
	putchar('\n');
	dossier_source_free(src);
}
