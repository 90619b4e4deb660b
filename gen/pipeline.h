/*
 * The one read–compute–act driver every command plugs into: it reads
 * the dossiers of the command line one at a time (dossier_read.h),
 * computes each one's facts (rules.h) and hands both to the command's
 * act callback, then frees them, unless the callback keeps them.  It
 * stops at the end of the inputs, when the callback asks, or on a
 * system error.  For the cmd_*.c files, documents_write.c and batch.c.
 *
 * Adding a command: a callback that does its work on one dossier and
 * its facts, and a pipeline_each() (or pipeline_new(), pipeline_run(),
 * pipeline_free() when it needs the source's counts, or must stop and
 * go on again, as the batch does between chunks).
 */
#ifndef PARCOURS_PIPELINE_H
#define PARCOURS_PIPELINE_H

#include <stdbool.h>

#include "cli.h"
#include "dossier.h"
#include "dossier_read.h"
#include "rules.h"

/* What the act callback did with the dossier and its facts. */
enum pipeline_step {
	PIPELINE_NEXT,	/* done with them: the driver frees both, reads on */
	PIPELINE_KEEP,	/* the callback owns both now (dossier_free(),
			   rules_facts_free()): read on */
	PIPELINE_PAUSE, /* kept too, and pipeline_run() returns: call it
			   again to go on */
	PIPELINE_STOP,	/* a system error, reported: free both and stop */
	PIPELINE_OOM,	/* out of memory, not reported: the driver says so,
			   frees both and stops */
};

/* How pipeline_run() ended. */
enum pipeline_end {
	PIPELINE_READ_ALL, /* every input read */
	PIPELINE_PAUSED,   /* the callback said PIPELINE_PAUSE */
	PIPELINE_FAILED,   /* a system error, reported */
};

struct pipeline_acts {
	/*
	 * Optional: false skips d (freed) before its facts are computed,
	 * e.g. a dossier of another shard.  Called for every dossier read.
	 */
	bool (*wanted)(void *ctx, const struct dossier *d);
	enum pipeline_step (*act)(void *ctx, struct dossier *d,
				  struct rules_facts *f);
	void *ctx;
};

struct pipeline;

/*
 * The inputs, company file and schema of o, with o->as_of as every
 * dossier's reference date.  NULL after a diagnostic when they cannot
 * be opened (dossier_source_new()).
 */
struct pipeline *pipeline_new(const struct options *o);

/* Reads on from where the last call stopped; see enum pipeline_end. */
enum pipeline_end pipeline_run(struct pipeline *,
			       const struct pipeline_acts *acts);

/* The source being read: its failure counts, hooks and progress. */
struct dossier_source *pipeline_source(struct pipeline *);

/* NULL is a no-op. */
void pipeline_free(struct pipeline *);

/*
 * The whole run for a command with nothing to do between opening the
 * inputs and the first dossier: pipeline_new(), pipeline_run(),
 * pipeline_free().  false after a system diagnostic (the inputs could
 * not be opened included); true when every input was read.
 */
bool pipeline_each(const struct options *o, const struct pipeline_acts *acts);

#endif
