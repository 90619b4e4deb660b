/*
 * The batch runner behind `parcours all`: every document of every
 * dossier, the run's CSV reports and its manifest, written by worker
 * processes that never lose work (cli.md "all", "manifest.csv").  For
 * cmd_all.c.
 */
#ifndef PARCOURS_BATCH_H
#define PARCOURS_BATCH_H

#include "cli.h"

/*
 * Runs `all` over o->inputs into o->output_dir with o->jobs workers.
 * Reports through diag.h; the worst level is the exit status.  In a
 * worker process it returns too, once its share is done, so that main()
 * stays the only place that exits.
 */
void batch_run(const struct options *o);

#endif
