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
		diag(MSG_ALL_FORMAT_DOES_NOT_APPLY, NULL, 0);
		return;
	}
	if (o->merge_file != NULL) {
		diag(MSG_ALL_MERGE_DOES_NOT_APPLY, NULL, 0);
		return;
	}
	batch_run(o);
}
