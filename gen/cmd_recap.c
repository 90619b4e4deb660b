/*
 * parcours recap: the état des lieux récapitulatif of every dossier
 * (rules.md §5).  With --format csv, cli.md's verdict rows; the PDF
 * documents come from the documents part (see recap_documents()).  For
 * main.c, through cli.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "documents.h"
#include "dossier_read.h"
#include "report_csv.h"
#include "rules.h"

/* One row per period, final ones then the running one (cli.md). */
static bool write_rows(FILE *out, const struct dossier *d,
		       const struct rules_facts *f)
{
	struct buf b = {0};
	/* No period yet leaves b.data NULL, which fwrite() must not get. */
	bool ok = report_csv_recap_rows(&b, d, f) &&
		  (b.len == 0 || fwrite(b.data, 1, b.len, out) == b.len);
	buf_free(&b);
	return ok;
}

static void recap_csv(const struct options *o)
{
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	if (src == NULL)
		return;
	struct buf head = {0};
	report_csv_recap_head(&head);
	bool ok = fwrite(head.data, 1, head.len, stdout) == head.len;
	buf_free(&head);
	bool oom = false;
	struct dossier *d;
	/* Streamed: one dossier in memory at a time, rows in input order. */
	while (ok && !oom && (d = dossier_source_next(src)) != NULL) {
		struct rules_facts *f = rules_compute(d, o->as_of);
		if (f == NULL)
			oom = true;
		else
			ok = write_rows(stdout, d, f);
		rules_facts_free(f);
		dossier_free(d);
	}
	dossier_source_free(src);
	if (oom)
		diag_system(NULL, "recap: out of memory");
	else if (!ok || fflush(stdout) != 0)
		diag_system("standard output", "cannot write: %s",
			    strerror(errno));
}

/* The PDF état des lieux, one per period: the documents part's. */
static void recap_documents(const struct options *o)
{
	documents_recap_pdf(o);
}

void cmd_recap(const struct options *o)
{
	switch (o->format) {
	case FORMAT_CSV:
		recap_csv(o);
		return;
	case FORMAT_DEFAULT:
	case FORMAT_PDF:
	case FORMAT_TREE:
		recap_documents(o);
		return;
	case FORMAT_TABLE:
	case FORMAT_ODT:
		break;
	}
	diag_usage("recap: --format must be csv or pdf");
}
