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
#include "pipeline.h"
#include "report_csv.h"
#include "rules.h"

static void cannot_write(void)
{
	diag(MSG_OUT_CANNOT_WRITE, "standard output", 0, strerror(errno));
}

/* The pipeline's callback: one row per period, final ones then the
 * running one (cli.md). */
static enum pipeline_step write_rows(void *ctx, struct dossier *d,
				     struct rules_facts *f)
{
	FILE *out = ctx;
	struct buf b = {0};
	/* No period yet leaves b.data NULL, which fwrite() must not get. */
	bool ok = report_csv_recap_rows(&b, d, f) &&
		  (b.len == 0 || fwrite(b.data, 1, b.len, out) == b.len);
	buf_free(&b);
	if (ok)
		return PIPELINE_NEXT;
	cannot_write();
	return PIPELINE_STOP;
}

static void recap_csv(const struct options *o)
{
	struct pipeline *p = pipeline_new(o);
	if (p == NULL)
		return;
	struct buf head = {0};
	report_csv_recap_head(&head);
	bool ok = fwrite(head.data, 1, head.len, stdout) == head.len;
	buf_free(&head);
	/* Streamed: one dossier in memory at a time, rows in input order. */
	struct pipeline_acts acts = {.act = write_rows, .ctx = stdout};
	if (!ok)
		cannot_write();
	else if (pipeline_run(p, &acts) == PIPELINE_READ_ALL &&
		 fflush(stdout) != 0)
		cannot_write();
	pipeline_free(p);
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
	diag(MSG_RECAP_FORMAT_MUST_CSV_PDF, NULL, 0);
}
