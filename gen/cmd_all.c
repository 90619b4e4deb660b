/*
 * parcours all: every document of every dossier, the CSV reports and
 * manifest.csv (cli.md), by the batch runner.  For main.c, through
 * cli.h.
 */
#include "batch.h"
#include "cli.h"
#include "diag.h"

void cmd_all(const struct options *o)
{
	if (o->format != FORMAT_DEFAULT) {
		diag_usage("all: --format does not apply: documents are PDF, "
			   "letters ODT, reports CSV");
		return;
	}
	if (o->merge_file != NULL) {
		diag_usage("all: --merge does not apply: all writes "
			   "letters-merged.odt in the output directory");
		return;
	}
	batch_run(o);
}
