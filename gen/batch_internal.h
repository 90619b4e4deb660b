/*
 * The pieces of the batch runner (batch.h) and what they share: the
 * parent (batch.c) reads and checks dossiers, computes their facts and
 * the CSV rows, and hands chunks of them to forked workers
 * (batch_worker.c), which render and write the documents and answer with
 * records through a pipe.  For batch*.c and their unit tests; no other
 * file may include it.
 */
#ifndef PARCOURS_BATCH_INTERNAL_H
#define PARCOURS_BATCH_INTERNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "backend.h"
#include "buf.h"
#include "cli.h"
#include "date.h"
#include "documents.h"
#include "dossier.h"
#include "odt.h"
#include "pdf.h"
#include "rules.h"
#include "seal.h"

/*
 * Dossiers per worker process.  Small enough that a handful of samples
 * still spreads over the workers, big enough that a fork per chunk costs
 * nothing next to the rendering.
 */
#define BATCH_CHUNK 16

/* One dossier handed to a worker, with its facts. */
struct batch_item {
	struct dossier *d;
	struct rules_facts *f;
};

/*
 * What every worker inherits from the parent, loaded once before the
 * first fork: the templates and the letters' ODT backend.  (Not the PDF
 * renderer: see batch_worker().)
 */
struct batch_tools {
	const struct options *o;
	struct documents *docs;
	struct backend *letters;
	struct seal *seal;		   /* --seal; NULL if none */
	char reference_date[DATE_ISO_LEN]; /* --as-of, for the manifest */
};

/* ---- records: what a worker says about each dossier of its chunk ---- */

enum batch_record_type {
	BATCH_DONE = 'D',   /* every document written; payload: manifest rows */
	BATCH_FAILED = 'F', /* payload: why, as diagnosed (no personal data) */
};

struct batch_record {
	enum batch_record_type type;
	uint32_t item;		      /* index of the dossier in its chunk */
	uint32_t ndocs;		      /* documents written */
	const unsigned char *payload; /* borrowed */
	uint32_t len;
};

/* Appends r to b in the pipe's format (host byte order: same machine). */
void batch_record_put(struct buf *b, const struct batch_record *r);
/*
 * Reads the record at data + *at if it is complete: true and *at moved
 * past it, or false (wait for more bytes).  The payload points into data.
 */
bool batch_record_get(const unsigned char *data, size_t len, size_t *at,
		      struct batch_record *r);

/*
 * The worker: renders and writes every document of items[0..n) under
 * the output directory, each dossier whole or not at all, and writes a
 * record per dossier to fd once its files are in place (synced a few
 * dossiers at a time).  Stops early, between documents, once *stop is
 * set (a signal) or on a system error, the dossiers done before still
 * put in place and answered.  Reports through diag.h, whose worst level
 * becomes the worker's exit status.
 */
void batch_worker(const struct batch_tools *t, struct batch_item *items,
		  size_t n, int fd, volatile sig_atomic_t *stop);

/* ---- batch_sweep.c: what earlier runs left behind ------------------- */

/* A set of dossier ids: the dossiers of this run whose files are good. */
struct batch_ids;

/* NULL when out of memory; free with batch_ids_free(). */
struct batch_ids *batch_ids_new(void);
/* false when out of memory. */
bool batch_ids_add(struct batch_ids *, const char *id);
bool batch_ids_has(const struct batch_ids *, const char *id);
/* NULL is a no-op. */
void batch_ids_free(struct batch_ids *);

/*
 * In root/id/, removes the temporary files a killed run left and the
 * documents of this dossier ("id_….pdf|odt") whose path "id/name" is not
 * in keep (NULL: none is kept); then the directory itself if it is
 * empty.  Only regular files are removed, and never through a symbolic
 * link: a link or a file named id is left alone.  Nothing else is
 * touched.  false after a system diagnostic.
 */
bool batch_sweep_dossier(const char *root, const char *id,
			 const struct batch_ids *keep);

/*
 * In root: removes the temporary files of the run-wide files named
 * (NULL-terminated), left by a killed run.  false after a diagnostic.
 */
bool batch_sweep_top(const char *root, const char *const *names);

/*
 * In root, at the end of a run that read every input and in which no
 * dossier failed: sweeps (as batch_sweep_dossier() with nothing kept)
 * the directory of every dossier of shard k of n (n == 0: every
 * dossier) that is not in good, the dossiers this run wrote: those no
 * longer in the inputs.  false after a system diagnostic.
 */
bool batch_sweep_gone(const char *root, const struct batch_ids *good, int k,
		      int n);

/* ---- batch_sort.c: status.csv's rows (batch_sort.h) ------------------ */

#include "batch_sort.h"

/* ---- batch_progress.c: the progress line on standard error ---------- */

struct batch_progress;

/*
 * A progress line when standard error is a terminal or with --progress,
 * never with -q: NULL when there is none to show (or out of memory),
 * which the calls below accept.
 */
struct batch_progress *batch_progress_new(const struct options *o);
/*
 * Redraws the line, at most a few times a second unless last: dossiers
 * done (failed ones included) of read so far, documents written, input
 * files opened of total, and whether reading is over (the total known).
 */
void batch_progress_show(struct batch_progress *, size_t done, size_t read,
			 size_t docs, size_t files_opened, size_t files_total,
			 bool read_all, bool last);
/* Ends the line (a newline) before other messages; NULL is a no-op. */
void batch_progress_free(struct batch_progress *);

#endif
