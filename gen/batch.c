/*
 * The batch runner's parent process (see batch.h and batch_internal.h).
 *
 * It reads and checks the dossiers one at a time (the reader prints each
 * problem once), computes their facts and the rows of status.csv,
 * recap.csv and stats.csv itself, and forks a worker per chunk of
 * dossiers once the chunk is read: the worker inherits the parsed
 * dossiers and the templates copy-on-write, with nothing to serialise.
 * At most -j workers run; their records come back through pipes and go
 * to the manifest in input order, whatever order the workers finish in.
 * The letters of each chunk then go, in the same order, to the merged
 * document, written a letter at a time to temporary files.  Memory holds
 * a few chunks, never the batch: status.csv's rows are sorted in bounded
 * memory, and what is kept per dossier is its id.
 *
 * Nothing reaches a final name half-written: every file is written to a
 * temporary name beside it and renamed, and the run-wide files (CSVs,
 * manifest) only when every dossier has been dealt with.  A SIGINT or
 * SIGTERM stops the handing out of work and lets the workers finish the
 * document in hand.  A worker that dies (a signal, the OOM killer) is a
 * system error: the run stops, sweeps nothing and writes no manifest.
 * The earlier manifest goes before anything changes, under a lock on
 * the output directory (runlock.h), so that a manifest always means a
 * completed run.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "batch.h"
#include "batch_internal.h"
#include "csv.h"
#include "dashboard.h"
#include "diag.h"
#include "grow.h"
#include "manifest.h"
#include "names.h"
#include "outfile.h"
#include "pipeline.h"
#include "report_csv.h"
#include "runlock.h"
#include "shard.h"

/* The signal that asked us to stop, 0 if none. */
static volatile sig_atomic_t stop_signal;

static void on_signal(int signo)
{
	stop_signal = signo;
}

/* A dossier of a chunk, as the parent remembers it after the fork. */
struct who {
	size_t seq; /* in input order, from 0 */
	char *id;
	const char *file; /* the reader's, lives as long as the source */
	long line;
	bool answered; /* a record came for it */
};

struct chunk {
	size_t n;
	/* Kept until the chunk is taken: its letters go to the merged
	 * document then, in order, once the worker has written them. */
	struct batch_item items[BATCH_CHUNK];
	struct who who[BATCH_CHUNK];
	pid_t pid;
	int fd;		/* the worker's pipe; -1 once closed */
	struct buf in;	/* what the worker said */
	size_t scanned; /* bytes of in already counted for progress */
	bool running;	/* forked and not reaped */
	int status;	/* the worker's, from waitpid() */
};

struct failure {
	size_t seq;   /* the failed dossier's place: the summary's order */
	int phase;    /* 0 the reader's, 1 a worker's: reader first */
	size_t order; /* then as they came */
	char *file;
	long line;
	char *id;  /* NULL if unknown */
	char *why; /* the first error reported for it */
};

enum run_file {
	RUN_MANIFEST,
	RUN_STATUS,
	RUN_RECAP,
	RUN_STATS,
	RUN_MERGED,
	RUN_DASHBOARD, /* index.html */
	RUN_NFILES
};

struct batch {
	const struct options *o;
	struct batch_tools tools;
	struct pipeline *pipeline; /* the inputs */
	bool read_all;		   /* every input read */

	char names[RUN_NFILES][64]; /* the run-wide files, per shard */
	struct outfile *manifest, *recap;
	struct batch_sort *status;
	struct odt *odt;	   /* the merged document's writer */
	struct odt_stream *merged; /* every letter of the run, in order */
	uint64_t status_seq;
	struct rules_stats stats;
	struct dashboard *dash; /* NULL with --no-dashboard */
	struct batch_ids *good; /* dossiers whose files are all written */
	char **bare;		/* those of them with no document, for the */
	size_t nbare, capbare;	/* sweep (the manifest has no row of them) */
	struct runlock *lock;	/* on the output directory */

	struct chunk **queue; /* in input order: queue[head..head+len) */
	size_t head, len, cap, running;

	size_t read, done, docs, nfailed;
	struct failure *fails;
	size_t nfails, capfails;
	char why[512]; /* the reader's first error since its last failure */

	struct batch_progress *progress;
	bool worker; /* this process is a worker */
	bool system; /* a system error: stop and write no run-wide file */
};

/* ---- failures and the summary --------------------------------------- */

/* diag.h's hook in the parent: the reader's first error per dossier. */
static void remember(void *ctx, enum diag_level level, const char *file,
		     long line, const char *message)
{
	struct batch *b = ctx;
	(void)file, (void)line;
	if (level >= DIAG_SYSTEM)
		b->system = true;
	if (b->why[0] == '\0')
		snprintf(b->why, sizeof(b->why), "%s", message);
}

static char *dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

static void add_failure(struct batch *b, size_t seq, int phase,
			const char *file, long line, const char *id,
			const char *why)
{
	b->nfailed++;
	if (!grow_array(&b->fails, &b->capfails, b->nfails, 16,
			sizeof(*b->fails)))
		return; /* the summary will be short of one */
	b->fails[b->nfails] = (struct failure){
	    seq,
	    phase,
	    b->nfails,
	    dup_or_null(file),
	    line,
	    dup_or_null(id),
	    strdup(why != NULL && *why != '\0' ? why : "see above")};
	b->nfails++;
}

/* dossier_read.h's failure callback. */
static void reader_failed(void *ctx, const char *file, long line,
			  const char *id)
{
	struct batch *b = ctx;
	/* Before the dossier that will be read next. */
	add_failure(b, b->read, 0, file, line, id, b->why);
	b->why[0] = '\0';
}

static int failure_cmp(const void *pa, const void *pb)
{
	const struct failure *a = pa, *b = pb;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	if (a->phase != b->phase)
		return a->phase - b->phase;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* At the end, in input order whatever order the workers finished in. */
static void summary(struct batch *b)
{
	if (b->nfailed == 0)
		return;
	qsort(b->fails, b->nfails, sizeof(*b->fails), failure_cmp);
	size_t files = 0;
	for (size_t i = 0; i < b->nfails; i++)
		files += b->fails[i].id == NULL && b->fails[i].line == 0;
	size_t dossiers = b->nfailed - files;
	char what[128] = "";
	if (dossiers > 0)
		snprintf(what, sizeof(what), "%zu dossier%s failed", dossiers,
			 dossiers == 1 ? "" : "s");
	if (files > 0)
		snprintf(what + strlen(what), sizeof(what) - strlen(what),
			 "%s%zu file%s could not be read", dossiers ? ", " : "",
			 files, files == 1 ? "" : "s");
	diag(MSG_BATCH_SUMMARY, NULL, 0, what);
	for (size_t i = 0; i < b->nfails; i++) {
		const struct failure *f = &b->fails[i];
		if (f->id != NULL) {
			/* Said once: the message may name the dossier too. */
			char named[96];
			const char *why = f->why;
			snprintf(named, sizeof(named),
				 "dossier \"%s\": ", f->id);
			if (strncmp(why, named, strlen(named)) == 0)
				why += strlen(named);
			diag(MSG_BATCH_SUMMARY_DOSSIER, f->file, f->line, f->id,
			     why);
		} else if (f->line > 0)
			diag(MSG_BATCH_SUMMARY_AT, f->file, f->line, f->why);
		else
			diag(MSG_BATCH_SUMMARY_FILE, f->file, 0, f->why);
	}
}

/* ---- reading: the parent's share of the work ------------------------- */

static bool add_status_rows(struct batch *b, const struct dossier *d,
			    const struct rules_facts *f)
{
	/* The CSVs of all list every obligation, whatever --within says. */
	return batch_sort_add_dossier(b->status, d, f, b->o->as_of, -1,
				      &b->status_seq);
}

/* The CSV rows and figures of one dossier, computed here, cheaply. */
static bool add_reports(struct batch *b, const struct dossier *d,
			const struct rules_facts *f)
{
	struct buf rows = {0};
	bool ok = report_csv_recap_rows(&rows, d, f);
	FILE *recap = outfile_stream(b->recap);
	/* A dossier with no period yet has no row (and rows.data NULL). */
	if (ok && rows.len > 0 &&
	    fwrite(rows.data, 1, rows.len, recap) != rows.len) {
		diag(MSG_OUT_CANNOT_WRITE, b->names[RUN_RECAP], 0,
		     strerror(errno));
		ok = false;
	} else if (!ok || !add_status_rows(b, d, f)) {
		diag(MSG_BATCH_OUT_MEMORY_NO_ROOM, NULL, 0);
		ok = false;
	}
	buf_free(&rows);
	rules_stats_add(&b->stats, d, f);
	if (ok && b->dash != NULL && !dashboard_add(b->dash, d, f)) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		ok = false;
	}
	return ok;
}

static void free_items(struct chunk *c)
{
	for (size_t i = 0; i < c->n; i++) {
		rules_facts_free(c->items[i].f);
		dossier_free(c->items[i].d);
		c->items[i] = (struct batch_item){0};
	}
}

static void chunk_free(struct chunk *c)
{
	if (c == NULL)
		return;
	free_items(c);
	for (size_t i = 0; i < c->n; i++)
		free(c->who[i].id);
	if (c->fd >= 0)
		close(c->fd);
	buf_free(&c->in);
	free(c);
}

/* What read_chunk() gives the pipeline's callbacks. */
struct filling {
	struct batch *b;
	struct chunk *c;
};

/* The pipeline's filter: this shard's dossiers. */
static bool mine(void *ctx, const struct dossier *d)
{
	struct batch *b = ((struct filling *)ctx)->b;
	/* A dossier read whole: b->why waits for the reader's next error. */
	b->why[0] = '\0';
	return shard_mine(d->id, b->o->shard_k, b->o->shard_n);
}

/*
 * The pipeline's callback: d and f join the chunk being filled, which
 * keeps them for its worker; the pipeline pauses once the chunk is
 * full, or at a signal.
 */
static enum pipeline_step keep(void *ctx, struct dossier *d,
			       struct rules_facts *f)
{
	struct filling *fill = ctx;
	struct batch *b = fill->b;
	struct chunk *c = fill->c;
	if (b->system)
		return PIPELINE_STOP; /* reported while reading */
	struct who *w = &c->who[c->n];
	w->seq = b->read;
	w->id = strdup(d->id);
	w->file = d->file;
	w->line = d->line;
	c->items[c->n++] = (struct batch_item){d, f};
	b->read++;
	if (w->id == NULL)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	if (w->id == NULL || !add_reports(b, d, f)) {
		b->system = true;      /* reported */
		return PIPELINE_PAUSE; /* the chunk frees them */
	}
	return c->n == BATCH_CHUNK || stop_signal ? PIPELINE_PAUSE
						  : PIPELINE_KEEP;
}

/* The next chunk of this shard's dossiers; NULL at the end or on error. */
static struct chunk *read_chunk(struct batch *b)
{
	struct chunk *c = calloc(1, sizeof(*c));
	if (c == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	c->fd = -1;
	struct filling fill = {b, c};
	struct pipeline_acts acts = {.wanted = mine, .act = keep, .ctx = &fill};
	if (!stop_signal && !b->system) {
		switch (pipeline_run(b->pipeline, &acts)) {
		case PIPELINE_READ_ALL:
			b->read_all = true;
			break;
		case PIPELINE_PAUSED:
			break;
		case PIPELINE_FAILED:
			b->system = true; /* reported */
			break;
		}
	}
	if (c->n == 0 || b->system) {
		chunk_free(c);
		return NULL;
	}
	return c;
}

/* ---- workers --------------------------------------------------------- */

/* Room for one more chunk; false when out of memory. */
static bool queue_reserve(struct batch *b)
{
	if (b->len == b->cap) {
		/* A ring: copied in order from head, not reallocated. */
		size_t cap;
		struct chunk **q;
		if (!grow_cap(b->cap, 8, sizeof(*q), &cap) ||
		    (q = malloc(cap * sizeof(*q))) == NULL)
			return false;
		for (size_t i = 0; i < b->len; i++)
			q[i] = b->queue[(b->head + i) % b->cap];
		free(b->queue);
		b->queue = q;
		b->cap = cap;
		b->head = 0;
	}
	return true;
}

/* After queue_reserve(). */
static void queue_push(struct batch *b, struct chunk *c)
{
	b->queue[(b->head + b->len++) % b->cap] = c;
}

static struct chunk *queue_at(const struct batch *b, size_t i)
{
	return b->queue[(b->head + i) % b->cap];
}

/*
 * Forks the worker of c.  In the child, runs it and marks b as a worker,
 * whose caller then returns all the way to main().  In the parent, the
 * queue takes c; false after a system diagnostic, c still the caller's.
 */
static bool spawn(struct batch *b, struct chunk *c)
{
	int fds[2];
	if (!queue_reserve(b)) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	if (pipe(fds) != 0) {
		diag(MSG_BATCH_CANNOT_CREATE_PIPE, NULL, 0, strerror(errno));
		return false;
	}
	/* Buffered output would otherwise be written twice, by both. */
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		diag(MSG_BATCH_CANNOT_START_WORKER_PROCESS, NULL, 0,
		     strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return false;
	}
	if (pid == 0) {
		b->worker = true;
		close(fds[0]);
		for (size_t i = 0; i < b->len; i++)
			if (queue_at(b, i)->fd >= 0)
				close(queue_at(b, i)->fd);
		batch_worker(&b->tools, c->items, c->n, fds[1], &stop_signal);
		close(fds[1]);
		return true;
	}
	close(fds[1]);
	c->pid = pid;
	c->fd = fds[0];
	c->running = true;
	b->running++;
	queue_push(b, c);
	return true;
}

/* Counts the records that came in since last time, for progress. */
static void scan(struct batch *b, struct chunk *c)
{
	struct batch_record r;
	while (batch_record_get(c->in.data, c->in.len, &c->scanned, &r)) {
		b->done++;
		if (r.type == BATCH_DONE)
			b->docs += r.ndocs;
	}
}

/* Reads what c's worker wrote; at the end of the pipe, reaps it. */
static void drain(struct batch *b, struct chunk *c)
{
	unsigned char chunk[65536];
	ssize_t n = read(c->fd, chunk, sizeof(chunk));
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n > 0) {
		buf_put(&c->in, chunk, (size_t)n);
		if (c->in.oom) {
			diag(MSG_OUT_OF_MEMORY, NULL, 0);
			b->system = true;
		}
		scan(b, c);
		return;
	}
	close(c->fd);
	c->fd = -1;
	while (waitpid(c->pid, &c->status, 0) < 0 && errno == EINTR)
		;
	c->running = false;
	b->running--;
}

/*
 * A worker that died (the OOM killer, SIGXFSZ, a crash) is a system
 * error, not its dossiers' fault: the run stops, sweeps nothing and
 * writes no manifest, so that a rerun, not the sweep, settles the
 * dossiers it left; their earlier documents stay as they were.
 */
static void worker_died(struct batch *b, const struct chunk *c)
{
	const char *first = NULL;
	for (size_t i = 0; i < c->n && first == NULL; i++)
		if (!c->who[i].answered)
			first = c->who[i].id;
	char how[64];
	if (WIFSIGNALED(c->status))
		snprintf(how, sizeof(how), "was killed by signal %d (%s)",
			 WTERMSIG(c->status), strsignal(WTERMSIG(c->status)));
	else
		snprintf(how, sizeof(how), "stopped with status %d",
			 WIFEXITED(c->status) ? WEXITSTATUS(c->status) : -1);
	diag(MSG_BATCH_WORKER_DIED, NULL, 0, how,
	     first != NULL ? " before dossier \"" : "",
	     first != NULL ? first : "", first != NULL ? "\" was done" : "");
	b->system = true;
}

/* A dossier written with no document; false when out of memory. */
static bool add_bare(struct batch *b, const char *id)
{
	if (!grow_array(&b->bare, &b->capbare, b->nbare, 16, sizeof(*b->bare)))
		return false;
	if ((b->bare[b->nbare] = strdup(id)) == NULL)
		return false;
	b->nbare++;
	return true;
}

/*
 * The letters of a dossier whose files are all written, into the merged
 * document: their trees are built again here, one at a time, rather
 * than kept or sent back.
 */
static void merge_letters(struct batch *b, const struct batch_item *it)
{
	struct documents_entry e;
	size_t cursor = 0;
	while (!b->system &&
	       documents_next(DOCUMENTS_LETTER, it->d, it->f, &cursor, &e)) {
		struct doc *doc =
		    documents_build(b->tools.docs, it->d, it->f, &e);
		if (doc == NULL || !odt_stream_add(b->merged, doc))
			b->system = true; /* reported */
		doc_free(doc);
	}
}

/*
 * The records of a finished chunk, in order: manifest rows, failures.
 * Dossiers without a record were cut short by a signal to us (not
 * failures: the run is interrupted) or by their worker's death.
 */
static void take(struct batch *b, struct chunk *c)
{
	bool died =
	    !WIFEXITED(c->status) || (WEXITSTATUS(c->status) != 0 &&
				      WEXITSTATUS(c->status) != DIAG_ERROR &&
				      WEXITSTATUS(c->status) != DIAG_SYSTEM);
	if (WIFEXITED(c->status) && WEXITSTATUS(c->status) == DIAG_SYSTEM) {
		b->system = true; /* reported by the worker */
		diag_raise(DIAG_SYSTEM);
	}
	struct batch_record r;
	size_t at = 0;
	FILE *manifest = outfile_stream(b->manifest);
	while (batch_record_get(c->in.data, c->in.len, &at, &r)) {
		if (r.item >= c->n)
			continue;
		struct who *w = &c->who[r.item];
		w->answered = true;
		if (r.type == BATCH_DONE) {
			if (fwrite(r.payload, 1, r.len, manifest) != r.len ||
			    !batch_ids_add(b->good, w->id) ||
			    (r.ndocs == 0 && !add_bare(b, w->id))) {
				diag(MSG_OUT_CANNOT_WRITE,
				     b->names[RUN_MANIFEST], 0,
				     strerror(errno));
				b->system = true;
			}
			merge_letters(b, &c->items[r.item]);
			if (b->dash != NULL &&
			    !dashboard_add_documents(b->dash, w->id, r.payload,
						     r.len)) {
				diag(MSG_OUT_OF_MEMORY, NULL, 0);
				b->system = true;
			}
		} else {
			char why[512];
			snprintf(why, sizeof(why), "%.*s", (int)r.len,
				 (const char *)r.payload);
			add_failure(b, w->seq, 1, w->file, w->line, w->id, why);
			diag_raise(DIAG_ERROR);
		}
	}
	if (died && !stop_signal)
		worker_died(b, c);
}

/* Waits for the workers to say something; takes finished chunks. */
static void wait_workers(struct batch *b)
{
	struct pollfd fds[512];
	struct chunk *of[512];
	nfds_t n = 0;
	for (size_t i = 0; i < b->len && n < 512; i++) {
		struct chunk *c = queue_at(b, i);
		if (c->fd >= 0) {
			fds[n] = (struct pollfd){c->fd, POLLIN, 0};
			of[n++] = c;
		}
	}
	if (n > 0 && poll(fds, n, 200) > 0)
		for (nfds_t i = 0; i < n; i++)
			if (fds[i].revents != 0)
				drain(b, of[i]);
	while (b->len > 0 && !queue_at(b, 0)->running) {
		struct chunk *c = queue_at(b, 0);
		take(b, c);
		chunk_free(c);
		b->head = (b->head + 1) % b->cap;
		b->len--;
	}
	size_t opened, total;
	dossier_source_files(pipeline_source(b->pipeline), &opened, &total);
	batch_progress_show(b->progress, b->done, b->read, b->docs, opened,
			    total, b->read_all, false);
}

/* Asks the workers to stop after the document in hand. */
static void stop_workers(struct batch *b, int signo)
{
	for (size_t i = 0; i < b->len; i++)
		if (queue_at(b, i)->running)
			kill(queue_at(b, i)->pid, signo);
}

static void run(struct batch *b)
{
	struct chunk *next = NULL;
	bool stopping = false;
	for (;;) {
		if ((stop_signal || b->system) && !stopping) {
			stopping = true;
			chunk_free(next);
			next = NULL;
			if (stop_signal)
				stop_workers(b, stop_signal);
		}
		if (!stopping && next == NULL && !b->read_all)
			next = read_chunk(b);
		if (next != NULL && b->running < (size_t)b->o->jobs &&
		    b->len < 2 * (size_t)b->o->jobs) {
			bool ok = spawn(b, next);
			if (b->worker || !ok) {
				chunk_free(next);
				if (b->worker)
					return;
				b->system = true; /* reported */
			}
			next = NULL;
			continue;
		}
		if (b->len == 0 && next == NULL && (b->read_all || stopping))
			break;
		wait_workers(b);
	}
}

/* ---- the run-wide files ---------------------------------------------- */

/* Adds the manifest row of a run-wide file, hashed as written. */
static bool list_file(struct batch *b, const char *name, const char *document)
{
	char path[4096], hex[SHA256_HEX_LEN], bytes[24];
	unsigned long long size;
	snprintf(path, sizeof(path), "%s/%s", b->o->output_dir, name);
	if (!manifest_sha256_file(path, hex, &size)) {
		diag(MSG_BATCH_CANNOT_READ_BACK, path, 0, strerror(errno));
		return false;
	}
	snprintf(bytes, sizeof(bytes), "%llu", size);
	const char *fields[] = {name, hex,	bytes,
				"",   document, b->tools.reference_date};
	return csv_write_data_row(outfile_stream(b->manifest), fields,
				  sizeof(fields) / sizeof(*fields));
}

static bool write_status(struct batch *b)
{
	struct outfile *f =
	    outfile_open(b->o->output_dir, b->names[RUN_STATUS]);
	if (f == NULL)
		return false;
	struct buf head = {0};
	report_csv_status_head(&head);
	bool ok =
	    fwrite(head.data, 1, head.len, outfile_stream(f)) == head.len &&
	    batch_sort_write(b->status, outfile_stream(f));
	buf_free(&head);
	if (!ok) {
		diag(MSG_OUT_CANNOT_WRITE, b->names[RUN_STATUS], 0,
		     strerror(errno));
		outfile_discard(f);
		return false;
	}
	return outfile_commit(f);
}

/* out, made in memory, as the run-wide file; frees it.  false after a
 * system diagnostic. */
static bool write_made(struct batch *b, enum run_file file, struct buf *out)
{
	bool ok = !out->oom && outfile_write(b->o->output_dir, b->names[file],
					     out->data, out->len);
	if (out->oom)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	buf_free(out);
	return ok;
}

/* An earlier run's file that this run does not write again; false after
 * a system diagnostic. */
static bool remove_earlier(const char *path)
{
	if (unlink(path) == 0 || errno == ENOENT)
		return true;
	diag(MSG_BATCH_CANNOT_REMOVE, path, 0, strerror(errno));
	return false;
}

static bool write_stats(struct batch *b)
{
	struct report_csv_metric m[REPORT_CSV_METRICS_MAX];
	size_t n = report_csv_metrics(&b->stats, m);
	struct buf out = {0};
	report_csv_stats(&out, m, n);
	return write_made(b, RUN_STATS, &out);
}

/* index.html, from the figures summed as the dossiers were read. */
static bool write_dashboard(struct batch *b)
{
	if (b->dash == NULL) {
		/* --no-dashboard: an earlier run's page would be unlisted. */
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", b->o->output_dir,
			 b->names[RUN_DASHBOARD]);
		return remove_earlier(path);
	}
	const char *reports[3] = {b->names[RUN_STATUS], b->names[RUN_RECAP],
				  b->names[RUN_STATS]};
	struct buf out = {0};
	dashboard_html(&out, b->dash, &b->stats, reports);
	return write_made(b, RUN_DASHBOARD, &out);
}

/*
 * letters-merged.odt, written by libzip to a temporary name beside it
 * and renamed; or, with no letter this time, the one of an earlier run
 * removed.
 */
static bool write_merged(struct batch *b)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", b->o->output_dir,
		 b->names[RUN_MERGED]);
	if (odt_stream_count(b->merged) == 0)
		return remove_earlier(path);
	if (!odt_stream_finish(b->merged, path))
		return false; /* reported */
	/* On disk before the manifest says so, as outfile.c does. */
	int fd = open(path, O_RDONLY);
	bool ok = fd >= 0 && fsync(fd) == 0;
	if (fd >= 0)
		close(fd);
	if (!ok)
		diag(MSG_OUT_CANNOT_WRITE, path, 0, strerror(errno));
	return ok;
}

/*
 * The manifest's detached signature (manifest.csv.p7s), made from its
 * temporary file before it goes into place; without --seal, the one of
 * an earlier sealed run goes, as it would no longer match.
 */
static bool seal_manifest(struct batch *b, struct outfile *manifest)
{
	char name[sizeof(b->names[0]) + sizeof(SEAL_P7S_EXT)], path[4096];
	snprintf(name, sizeof(name), "%s%s", b->names[RUN_MANIFEST],
		 SEAL_P7S_EXT);
	snprintf(path, sizeof(path), "%s/%s", b->o->output_dir, name);
	if (b->tools.seal == NULL)
		return remove_earlier(path);
	FILE *stream = outfile_stream(manifest);
	unsigned char digest[SEAL_DIGEST_LEN];
	if (fflush(stream) != 0 || !seal_digest_fd(fileno(stream), digest)) {
		diag(MSG_BATCH_CANNOT_READ_BACK, b->names[RUN_MANIFEST], 0,
		     strerror(errno));
		return false;
	}
	struct buf der = {0};
	bool ok = seal_sign(b->tools.seal, digest, name, &der) &&
		  outfile_write(b->o->output_dir, name, der.data, der.len);
	buf_free(&der);
	return ok;
}

/* The manifest's rows of one dossier, read back for its sweep. */
struct group {
	const char *root;
	char id[72];
	struct batch_ids *keep; /* its paths */
};

/* Sweeps the dossier of g, if any, and starts over. */
static bool group_flush(struct group *g)
{
	bool ok = true;
	if (g->id[0] != '\0')
		ok = batch_sweep_dossier(g->root, g->id, g->keep);
	g->id[0] = '\0';
	batch_ids_free(g->keep);
	if ((g->keep = batch_ids_new()) == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	return ok;
}

/* manifest_each()'s callback: a dossier's rows are consecutive. */
static bool group_row(void *ctx, const struct manifest_row *row)
{
	struct group *g = ctx;
	if (row->dossier[0] == '\0')
		return true;
	if (strcmp(row->dossier, g->id) != 0) {
		if (!group_flush(g))
			return false;
		snprintf(g->id, sizeof(g->id), "%s", row->dossier);
	}
	if (!batch_ids_add(g->keep, row->path)) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	return true;
}

/*
 * The sweep, once every dossier is written: the documents this run did
 * not write again go from the directories of the dossiers it wrote
 * (their paths read back, a dossier at a time, from the manifest being
 * written), and, after a run without a single failure, the directories
 * of dossiers no longer in the inputs.  A failed dossier keeps its
 * earlier documents: a broken export never costs the archive anything.
 */
static bool sweep(struct batch *b)
{
	struct group g = {.root = b->o->output_dir};
	FILE *in = NULL;
	const char *tmp = outfile_temp_path(b->manifest);
	bool ok = group_flush(&g);
	if (ok && (fflush(outfile_stream(b->manifest)) != 0 ||
		   (in = fopen(tmp, "r")) == NULL)) {
		diag(MSG_BATCH_CANNOT_READ_BACK, b->names[RUN_MANIFEST], 0,
		     strerror(errno));
		ok = false;
	}
	ok = ok && manifest_each(in, tmp, group_row, &g) && group_flush(&g);
	if (in != NULL)
		fclose(in);
	batch_ids_free(g.keep);
	for (size_t i = 0; ok && i < b->nbare; i++)
		ok = batch_sweep_dossier(b->o->output_dir, b->bare[i], NULL);
	if (ok && b->nfailed == 0 && b->read_all)
		ok = batch_sweep_gone(b->o->output_dir, b->good, b->o->shard_k,
				      b->o->shard_n);
	return ok;
}

/* After every dossier: the CSVs, the sweep, then the manifest, last. */
static void finish(struct batch *b)
{
	struct outfile *recap = b->recap;
	b->recap = NULL;
	bool ok = outfile_commit(recap) && write_status(b) && write_stats(b) &&
		  write_dashboard(b) && write_merged(b) && sweep(b);
	ok = ok && (odt_stream_count(b->merged) == 0 ||
		    list_file(b, b->names[RUN_MERGED], "letters-merged"));
	ok = ok && list_file(b, b->names[RUN_STATUS], "status") &&
	     list_file(b, b->names[RUN_RECAP], "recap") &&
	     list_file(b, b->names[RUN_STATS], "stats") &&
	     (b->dash == NULL ||
	      list_file(b, b->names[RUN_DASHBOARD], "dashboard"));
	struct outfile *manifest = b->manifest;
	b->manifest = NULL;
	if (!ok || !seal_manifest(b, manifest)) {
		outfile_discard(manifest);
		return;
	}
	char path[4096], hex[SHA256_HEX_LEN];
	unsigned long long size;
	snprintf(path, sizeof(path), "%s/%s", b->o->output_dir,
		 b->names[RUN_MANIFEST]);
	if (!outfile_commit(manifest))
		return;
	/* Kept elsewhere, it proves later that the manifest itself was not
	 * rewritten to match tampered files (verify --expect).  In the form
	 * of sha256sum(1), so that `sha256sum -c` checks it too; -q keeps
	 * scripts quiet (they can hash the manifest themselves). */
	if (b->o->quiet)
		return;
	if (!manifest_sha256_file(path, hex, &size))
		diag(MSG_BATCH_CANNOT_READ_BACK, path, 0, strerror(errno));
	else
		printf("%s  %s\n", hex, path);
}

/* ---- setting up ------------------------------------------------------ */

static void name_files(struct batch *b)
{
	static const char *const stem[] = {
	    "manifest", "status", "recap", "stats", "letters-merged", "index"};
	for (int i = 0; i < RUN_NFILES; i++) {
		const char *ext = i == RUN_MERGED      ? "odt"
				  : i == RUN_DASHBOARD ? "html"
						       : "csv";
		if (b->o->shard_n > 0)
			snprintf(b->names[i], sizeof(b->names[i]),
				 "%s-%d-of-%d.%s", stem[i], b->o->shard_k,
				 b->o->shard_n, ext);
		else
			snprintf(b->names[i], sizeof(b->names[i]), "%s.%s",
				 stem[i], ext);
	}
}

/*
 * The manifest of an earlier run goes before anything changes, and for
 * good (the removal synced): a directory with a manifest is a directory
 * that a run completed, whatever happens to this one.  A completed run
 * writes it again.
 */
static bool invalidate(struct batch *b)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", b->o->output_dir,
		 b->names[RUN_MANIFEST]);
	if (unlink(path) != 0) {
		if (errno == ENOENT)
			return true;
		diag(MSG_BATCH_CANNOT_REMOVE_EARLIER_MANIFEST, path, 0,
		     strerror(errno));
		return false;
	}
	int fd = open(b->o->output_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool ok = fd >= 0 && fsync(fd) == 0;
	if (!ok)
		diag(MSG_OUT_CANNOT_WRITE, b->o->output_dir, 0,
		     strerror(errno));
	if (fd >= 0)
		close(fd);
	return ok;
}

/* Everything that can stop the run is checked before any document. */
static bool setup(struct batch *b)
{
	const struct options *o = b->o;
	b->tools.o = o;
	date_fmt_iso(o->as_of, b->tools.reference_date);
	b->tools.docs = documents_new(
	    o->templates_dir, DOCUMENTS_SET(DOCUMENTS_NOTICE) |
				  DOCUMENTS_SET(DOCUMENTS_REPORT) |
				  DOCUMENTS_SET(DOCUMENTS_REPORT_BLANK) |
				  DOCUMENTS_SET(DOCUMENTS_RECAP) |
				  DOCUMENTS_SET(DOCUMENTS_LETTER));
	if (b->tools.docs == NULL)
		return false;
	/* The fonts are checked here, before anything is written; each
	 * worker opens its own (batch_worker.c says why). */
	struct pdf *fonts = pdf_new(o->fonts_dir, o->pdfa);
	if (fonts == NULL)
		return false;
	pdf_free(fonts);
	/* The seal too, opened once: the workers inherit it. */
	if (!seal_open(o, &b->tools.seal))
		return false;
	/* The letters name the PDFs' font, so that both look alike. */
	if ((b->tools.letters = backend_new(BACKEND_ODT, NULL, false, NULL)) ==
	    NULL)
		return false;
	if ((b->odt = odt_new(pdf_font_family())) == NULL ||
	    (b->merged = odt_stream_new(b->odt)) == NULL ||
	    (b->status = batch_sort_new()) == NULL ||
	    (b->good = batch_ids_new()) == NULL ||
	    (!o->no_dashboard &&
	     (b->dash = dashboard_new(o->as_of, DASHBOARD_EVERY)) == NULL)) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	if (b->dash != NULL)
		b->dash->links = true; /* the workers write the documents */
	name_files(b);
	const char *names[RUN_NFILES + 1] = {NULL};
	for (int i = 0; i < RUN_NFILES; i++)
		names[i] = b->names[i];
	if (!outfile_mkdirs(o->output_dir) ||
	    (b->lock = runlock_take(o->output_dir, o->shard_k, o->shard_n)) ==
		NULL ||
	    !invalidate(b) || !batch_sweep_top(o->output_dir, names))
		return false;
	b->manifest = outfile_open(o->output_dir, b->names[RUN_MANIFEST]);
	b->recap = outfile_open(o->output_dir, b->names[RUN_RECAP]);
	if (b->manifest == NULL || b->recap == NULL)
		return false;
	struct buf head = {0};
	report_csv_recap_head(&head);
	fputs(MANIFEST_HEADER "\n", outfile_stream(b->manifest));
	fwrite(head.data, 1, head.len, outfile_stream(b->recap));
	buf_free(&head);
	int year = o->year, month, day;
	if (year == 0)
		date_to_ymd(o->as_of, &year, &month, &day);
	rules_stats_init(&b->stats, year);
	b->pipeline = pipeline_new(o);
	if (b->pipeline == NULL)
		return false;
	dossier_source_on_failure(pipeline_source(b->pipeline), reader_failed,
				  b);
	b->progress = batch_progress_new(o);
	return true;
}

static void batch_free(struct batch *b)
{
	while (b->len > 0) {
		struct chunk *c = queue_at(b, 0);
		if (!b->worker && c->running)
			kill(c->pid, SIGKILL), waitpid(c->pid, NULL, 0);
		chunk_free(c);
		b->head = (b->head + 1) % b->cap;
		b->len--;
	}
	free(b->queue);
	/* A worker leaves the parent's temporary files alone. */
	if (!b->worker) {
		outfile_discard(b->manifest);
		outfile_discard(b->recap);
	} else {
		outfile_abandon(b->manifest);
		outfile_abandon(b->recap);
	}
	batch_progress_free(b->progress);
	for (size_t i = 0; i < b->nfails; i++) {
		free(b->fails[i].file);
		free(b->fails[i].id);
		free(b->fails[i].why);
	}
	free(b->fails);
	batch_ids_free(b->good);
	dashboard_free(b->dash);
	for (size_t i = 0; i < b->nbare; i++)
		free(b->bare[i]);
	free(b->bare);
	/* Closing a worker's copy keeps the parent's lock (flock(2)). */
	runlock_free(b->lock);
	batch_sort_free(b->status);
	odt_stream_free(b->merged);
	pipeline_free(b->pipeline);
	odt_free(b->odt);
	backend_free(b->tools.letters);
	seal_free(b->tools.seal);
	documents_free(b->tools.docs);
}

void batch_run(const struct options *o)
{
	struct batch b = {.o = o};
	struct sigaction sa = {0}, old_int, old_term, old_xfsz, ign = {0};
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	/* Past ulimit -f, write() fails with EFBIG, reported as a system
	 * error with the file's name, instead of killing the process. */
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &old_xfsz);
	diag_set_hook(remember, &b);

	if (setup(&b)) {
		run(&b);
		if (!b.worker) {
			size_t opened, total;
			dossier_source_files(pipeline_source(b.pipeline),
					     &opened, &total);
			batch_progress_show(b.progress, b.done, b.read, b.docs,
					    opened, total, b.read_all, true);
			batch_progress_free(b.progress);
			b.progress = NULL;
			if (!stop_signal && !b.system)
				finish(&b);
			summary(&b);
			if (stop_signal)
				diag(MSG_BATCH_INTERRUPTED, NULL, 0,
				     (int)stop_signal, b.done, b.read);
		}
	}
	if (!b.worker)
		diag_set_hook(NULL, NULL);
	batch_free(&b);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGXFSZ, &old_xfsz, NULL);
}
