/*
 * A batch worker process (see batch_internal.h): the documents of its
 * chunk of dossiers, rendered with the templates and fonts inherited
 * from the parent, each written atomically, each dossier answered with
 * one record on the pipe.  The files of several dossiers are synced at
 * once (outfile_group.h); a dossier's record is held until its files
 * are in place, so that the parent never lists a file that a crash
 * could still lose.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_internal.h"
#include "csv.h"
#include "diag.h"
#include "grow.h"
#include "ics.h"
#include "manifest.h"
#include "outfile.h"
#include "outfile_group.h"

/* The documents of a dossier, in the order of the manifest. */
static const enum documents_kind kinds[] = {
    DOCUMENTS_NOTICE, DOCUMENTS_REPORT, DOCUMENTS_REPORT_BLANK,
    DOCUMENTS_RECAP,  DOCUMENTS_LETTER,
};

/* A record held until the commit of the dossier's files. */
struct held {
	enum batch_record_type type;
	uint32_t item, ndocs;
	size_t at, len; /* its payload, in the worker's payloads */
};

struct worker {
	const struct batch_tools *t;
	struct backend *pdf; /* this process's own: see batch_worker() */
	/* The files of the dossiers written since the last commit, each
	 * dossier's a whole, and those dossiers' records. */
	struct outfile_group *group;
	struct held *held;
	size_t nheld, capheld;
	struct buf payloads;
	int fd;
	volatile sig_atomic_t *stop;
	struct buf out;	 /* the document being written */
	struct buf rows; /* the dossier's manifest rows */
	struct buf rec;	 /* the record to send */
	char why[512];	 /* the dossier's first error, for the summary */
	struct documents_names names; /* the dossier's files so far */
	bool broken;		      /* the pipe is gone: the parent died */
};

/* diag.h's hook: keeps the first error of the dossier being written. */
static void remember(void *ctx, enum diag_level level, const char *file,
		     long line, const char *message)
{
	struct worker *w = ctx;
	(void)level, (void)file, (void)line;
	if (w->why[0] == '\0')
		snprintf(w->why, sizeof(w->why), "%s", message);
}

/* false after a system diagnostic (out of memory); a pipe gone is
 * w->broken. */
static bool send_record(struct worker *w, enum batch_record_type type,
			uint32_t item, uint32_t ndocs, const void *payload,
			size_t len)
{
	struct batch_record r = {type, item, ndocs, payload, (uint32_t)len};
	buf_reset(&w->rec);
	batch_record_put(&w->rec, &r);
	if (w->rec.oom) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	if (!w->broken && !outfile_write_all(w->fd, w->rec.data, w->rec.len))
		w->broken = true;
	return true;
}

/* Holds the record of a dossier until release(); false when out of
 * memory (not reported). */
static bool hold(struct worker *w, enum batch_record_type type, uint32_t item,
		 uint32_t ndocs, const void *payload, size_t len)
{
	if (!grow_array(&w->held, &w->capheld, w->nheld, 16, sizeof(*w->held)))
		return false;
	size_t at = w->payloads.len;
	buf_put(&w->payloads, payload, len);
	if (w->payloads.oom)
		return false;
	w->held[w->nheld++] = (struct held){type, item, ndocs, at, len};
	return true;
}

/*
 * Commits the files of the dossiers held, then sends their records: a
 * commit that fails (reported) fails every dossier whose files it held,
 * with its message.  false after a system diagnostic, or when the pipe
 * is gone.
 */
static bool release(struct worker *w)
{
	w->why[0] = '\0';
	bool committed = outfile_group_commit(w->group), ok = committed;
	char why[sizeof(w->why)];
	snprintf(why, sizeof(why), "%s", w->why);
	for (size_t i = 0; i < w->nheld; i++) {
		const struct held *h = &w->held[i];
		bool sent = committed || h->type != BATCH_DONE
				? send_record(w, h->type, h->item, h->ndocs,
					      w->payloads.data + h->at, h->len)
				: send_record(w, BATCH_FAILED, h->item,
					      h->ndocs, why, strlen(why));
		ok = ok && sent;
	}
	w->nheld = 0;
	buf_reset(&w->payloads);
	return ok && !w->broken;
}

/* Appends the manifest row of a file just written. */
static void manifest_row(struct worker *w, const char *path,
			 const struct dossier *d, const char *document)
{
	char hex[SHA256_HEX_LEN], bytes[24];
	manifest_sha256(w->out.data, w->out.len, hex);
	snprintf(bytes, sizeof(bytes), "%zu", w->out.len);
	const char *fields[] = {path,  hex,	 bytes,
				d->id, document, w->t->reference_date};
	csv_put_data_row(&w->rows, fields, sizeof(fields) / sizeof(*fields));
}

/* The calendar invitation beside a letter that invites to a meeting;
 * false after a diagnostic. */
static bool write_invitation(struct worker *w, const struct batch_item *it,
			     const struct documents_entry *e)
{
	if (!ics_letter_has_event(e->letter))
		return true;
	char path[OUTFILE_PATH_MAX];
	buf_reset(&w->out);
	bool ok = ics_letter(&w->out, &w->names, path, it->d, e, w->t->o->as_of,
			     w->t->o->organizer) &&
		  outfile_group_add(w->group, path, w->out.data, w->out.len);
	if (ok)
		manifest_row(w, path, it->d, ICS_DOCUMENT);
	return ok;
}

/* Renders and writes one document; the code of its failure, after a
 * diagnostic. */
static enum backend_code write_document(struct worker *w,
					const struct batch_item *it,
					const struct documents_entry *e)
{
	const struct batch_tools *t = w->t;
	bool letter = e->kind == DOCUMENTS_LETTER;
	char path[OUTFILE_PATH_MAX];
	if (!documents_unique_path(&w->names, path, it->d, e,
				   letter ? "odt" : "pdf"))
		return BACKEND_SYSTEM; /* out of memory, reported */
	struct doc *doc = documents_build(t->docs, it->d, it->f, e);
	if (doc == NULL)
		return BACKEND_SYSTEM; /* out of memory, reported */
	/* A character the fonts lack is the dossier's error; anything else
	 * a system error. */
	enum backend_code rc = backend_write(letter ? t->letters : w->pdf, doc,
					     path, &w->out, w->group);
	if (rc == BACKEND_OK)
		manifest_row(w, path, it->d, e->name);
	doc_free(doc);
	if (rc == BACKEND_OK && letter && !write_invitation(w, it, e))
		rc = BACKEND_SYSTEM;
	return rc;
}

/*
 * The dossier's directory under the output directory, if it exists,
 * must be a directory: a symbolic link (or any other file) there would
 * have the documents written, and old ones removed, wherever it points.
 * The dossier's error, not the run's: the others are written.
 */
static enum backend_code directory_ok(const struct worker *w,
				      const struct dossier *d)
{
	char path[PATH_MAX];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s", w->t->o->output_dir, d->id);
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return BACKEND_OK;
		diag(MSG_BATCH_CANNOT_READ, path, 0, strerror(errno));
		return BACKEND_SYSTEM;
	}
	if (S_ISDIR(st.st_mode))
		return BACKEND_OK;
	diag(MSG_BATCH_DOSSIER_NOT_DIRECTORY_NOTHING, d->file, d->line, d->id,
	     path, S_ISLNK(st.st_mode) ? "a symbolic link" : "a file");
	return BACKEND_DOSSIER;
}

/*
 * Every document of one dossier: the code of the first failure, after
 * a diagnostic, or BACKEND_DOSSIER when cut short by a signal (the
 * dossier is not done, and the worker stops).
 */
static enum backend_code
write_dossier(struct worker *w, const struct batch_item *it, uint32_t *ndocs)
{
	const struct dossier *d = it->d;
	enum backend_code rc = directory_ok(w, d);
	if (rc != BACKEND_OK)
		return rc;
	if (it->f->nletters > 0 && !d->employee.has_address) {
		diag(MSG_BATCH_DOSSIER_EMPLOYEE_NO_ADDRESS, d->file, d->line,
		     d->id, it->f->nletters, it->f->nletters == 1 ? "" : "s");
		return BACKEND_DOSSIER;
	}
	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		struct documents_entry e;
		size_t cursor = 0;
		while (documents_next(kinds[k], d, it->f, &cursor, &e)) {
			if (!documents_within(&e, it->f->as_of,
					      w->t->o->within_days))
				continue;
			if (*w->stop)
				return BACKEND_DOSSIER;
			if ((rc = write_document(w, it, &e)) != BACKEND_OK)
				return rc;
			++*ndocs;
		}
	}
	/* What an earlier run wrote for this dossier and this one did not
	 * goes at the end of the run, if it completes (batch.c, sweep()). */
	return BACKEND_OK;
}

void batch_worker(const struct batch_tools *t, struct batch_item *items,
		  size_t n, int fd, volatile sig_atomic_t *stop)
{
	struct worker w = {.t = t, .fd = fd, .stop = stop};
	/* The parent's level and counts are its own. */
	diag_reset(NULL);
	diag_set_hook(remember, &w);
	/*
	 * A renderer of our own, a couple of milliseconds to make: the
	 * parent's only checked the fonts.  (Fonts are read into memory,
	 * so that nothing of the renderer is shared with other processes.)
	 */
	w.pdf = backend_new(BACKEND_PDF, t->o->fonts_dir, t->o->pdfa, t->seal);
	w.group = w.pdf != NULL ? outfile_group_new(t->o->output_dir) : NULL;
	if (w.group == NULL)
		n = 0; /* reported: a system error, the worker's status */
	for (size_t i = 0; i < n && !*stop; i++) {
		uint32_t ndocs = 0;
		w.why[0] = '\0';
		w.names.n = 0;
		buf_reset(&w.rows);
		enum backend_code rc = write_dossier(&w, &items[i], &ndocs);
		if (rc == BACKEND_OK && w.rows.oom) {
			diag(MSG_OUT_OF_MEMORY, NULL, 0);
			rc = BACKEND_SYSTEM;
		}
		/* A dossier cut short leaves no file of this run; the
		 * dossiers before it keep theirs. */
		if (rc == BACKEND_OK)
			outfile_group_complete(w.group);
		else
			outfile_group_discard_incomplete(w.group);
		if (rc != BACKEND_OK && *stop && w.why[0] == '\0')
			break; /* interrupted: the dossier is not done */
		bool held = rc == BACKEND_OK
				? hold(&w, BATCH_DONE, (uint32_t)i, ndocs,
				       w.rows.data, w.rows.len)
				: hold(&w, BATCH_FAILED, (uint32_t)i, ndocs,
				       w.why, strlen(w.why));
		if (!held)
			diag(MSG_OUT_OF_MEMORY, NULL, 0);
		if (rc == BACKEND_SYSTEM || !held ||
		    (outfile_group_due(w.group) && !release(&w)))
			break;
	}
	/* The dossiers done before a failure or a signal are good. */
	if (w.group != NULL)
		release(&w);
	diag_set_hook(NULL, NULL);
	outfile_group_free(w.group);
	backend_free(w.pdf);
	buf_free(&w.out);
	buf_free(&w.rows);
	buf_free(&w.rec);
	buf_free(&w.payloads);
	free(w.held);
	documents_names_free(&w.names);
}
