/*
 * parcours letters: the convocation and refusal-tracking letters of
 * rules.md §9, one file per letter (ODT, or PDF with --format pdf, or
 * the tree dump with --format tree), and with --merge FILE.odt all of
 * them in one document.  For main.c, through cli.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "cli.h"
#include "diag.h"
#include "documents.h"
#include "ics.h"
#include "odt.h"
#include "outfile.h"
#include "outfile_group.h"
#include "pdf.h"
#include "pipeline.h"
#include "rules.h"
#include "seal.h"

struct letters_run {
	const struct options *o;
	enum backend_format out;
	struct documents *docs;
	struct backend *backend;
	struct seal *seal;	     /* --seal with --format pdf; or NULL */
	struct outfile_group *group; /* files not yet synced; NULL: tree */
	struct odt *odt;	     /* --merge's writer */
	/* --merge: every letter of the run, added as it is written, so
	 * that memory does not grow with the run. */
	struct odt_stream *merged;
	size_t nmerge;	       /* letters that went, or would go, into it */
	unsigned long written; /* letters in place */
	unsigned long pending; /* letters in the group, not yet synced */
	bool failed;	       /* a system error: stop */
	struct buf bytes;      /* the letter being written */
};

/*
 * Writes one letter's file.  false after a system diagnostic (the run
 * stops); a letter the PDF fonts cannot print is the dossier's error,
 * reported by pdf.c, and the run goes on.
 */
static bool write_letter(struct letters_run *r, const struct doc *doc,
			 const char *path)
{
	switch (backend_write(r->backend, doc, path, &r->bytes, r->group)) {
	case BACKEND_OK:
		if (r->out != BACKEND_TREE)
			r->pending++;
		return true;
	case BACKEND_DOSSIER:
		return true;
	case BACKEND_SYSTEM:
		break;
	}
	return false;
}

/* The calendar invitation beside a letter that invites to a meeting;
 * false after a system diagnostic. */
static bool write_invitation(struct letters_run *r,
			     struct documents_names *names,
			     const struct dossier *d,
			     const struct documents_entry *e)
{
	if (r->out == BACKEND_TREE || !ics_letter_has_event(e->letter))
		return true;
	struct buf b = {0};
	char path[OUTFILE_PATH_MAX];
	bool ok =
	    ics_letter(&b, names, path, d, e, r->o->as_of, r->o->organizer) &&
	    outfile_group_add(r->group, path, b.data, b.len);
	buf_free(&b);
	return ok;
}

/*
 * Syncs and renames the files pending into place; false after a system
 * diagnostic.  Each file stands on its own: the group is never told of
 * wholes, and what a dossier wrote goes into place even when a later
 * letter failed.
 */
static bool commit(struct letters_run *r)
{
	if (r->group == NULL)
		return true;
	bool ok = outfile_group_commit(r->group);
	if (ok)
		r->written += r->pending;
	r->pending = 0;
	return ok;
}

/* The pipeline's callback: every letter of one dossier, in the order
 * of rules.md §9. */
static enum pipeline_step dossier_letters(void *ctx, struct dossier *d,
					  struct rules_facts *f)
{
	static const char *const ext[] = {
	    [BACKEND_ODT] = "odt",
	    [BACKEND_PDF] = "pdf",
	    [BACKEND_TREE] = "odt",
	};
	struct letters_run *r = ctx;
	if (f->nletters > 0 && !d->employee.has_address) {
		diag(MSG_BATCH_DOSSIER_EMPLOYEE_NO_ADDRESS, d->file, d->line,
		     d->id, f->nletters, f->nletters == 1 ? "" : "s");
		return PIPELINE_NEXT;
	}
	struct documents_names names = {0};
	size_t cursor = 0;
	struct documents_entry e;
	while (!r->failed &&
	       documents_next(DOCUMENTS_LETTER, d, f, &cursor, &e)) {
		struct doc *doc = documents_build(r->docs, d, f, &e);
		if (doc == NULL) {
			r->failed = true; /* out of memory, reported */
			break;
		}
		char path[OUTFILE_PATH_MAX];
		if (!documents_unique_path(&names, path, d, &e, ext[r->out]) ||
		    !write_letter(r, doc, path) ||
		    !write_invitation(r, &names, d, &e))
			r->failed = true;
		if (!r->failed && r->o->merge_file != NULL) {
			r->nmerge++;
			if (r->merged != NULL &&
			    !odt_stream_add(r->merged, doc))
				r->failed = true; /* reported */
		}
		doc_free(doc);
	}
	documents_names_free(&names);
	if (r->group != NULL && outfile_group_due(r->group) && !commit(r))
		r->failed = true;
	return r->failed ? PIPELINE_STOP : PIPELINE_NEXT;
}

/* The merged document: every letter of the run, one after the other. */
static void write_merged(struct letters_run *r)
{
	const char *path = r->o->merge_file;
	if (r->nmerge == 0) {
		diag(MSG_LETTERS_NOTHING_TO_MERGE, path, 0);
		return;
	}
	/* Written atomically: a temporary file beside it, renamed. */
	if (r->merged != NULL)
		odt_stream_finish(r->merged, path); /* reports its failure */
}

static bool choose_output(const struct options *o, enum backend_format *out)
{
	switch (o->format) {
	case FORMAT_DEFAULT:
	case FORMAT_ODT:
		*out = BACKEND_ODT;
		return true;
	case FORMAT_PDF:
		*out = BACKEND_PDF;
		return true;
	case FORMAT_TREE:
		*out = BACKEND_TREE;
		return true;
	case FORMAT_CSV:
	case FORMAT_TABLE:
		break;
	}
	diag(MSG_LETTERS_FORMAT_MUST_ODT_PDF, NULL, 0);
	return false;
}

static void run(struct letters_run *r)
{
	const struct options *o = r->o;
	struct pipeline *p = pipeline_new(o);
	if (p == NULL)
		return;
	struct pipeline_acts acts = {.act = dossier_letters, .ctx = r};
	if (pipeline_run(p, &acts) != PIPELINE_READ_ALL)
		r->failed = true; /* reported */
	pipeline_free(p);
	/* However the run ended: the letters before a failure are good. */
	if (!commit(r))
		r->failed = true;
	if (!r->failed && o->merge_file != NULL)
		write_merged(r);
	if (!o->quiet && (o->progress || isatty(STDERR_FILENO)) &&
	    r->out != BACKEND_TREE)
		fprintf(stderr, "letters: %lu written\n", r->written);
}

void cmd_letters(const struct options *o)
{
	struct letters_run r = {.o = o};
	if (!choose_output(o, &r.out))
		return;
	if (o->merge_file != NULL && r.out == BACKEND_PDF) {
		diag(MSG_LETTERS_MERGE_WRITES_ODT_DOCUMENT, NULL, 0);
		return;
	}
	r.docs =
	    documents_new(o->templates_dir, DOCUMENTS_SET(DOCUMENTS_LETTER));
	if (r.docs == NULL)
		return;
	/* --merge with the tree dump counts the letters, writes nothing. */
	bool merge = o->merge_file != NULL && r.out == BACKEND_ODT;
	if (merge && (r.odt = odt_new(pdf_font_family())) == NULL)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	else if ((!merge || (r.merged = odt_stream_new(r.odt)) != NULL) &&
		 (r.out == BACKEND_TREE ||
		  (r.group = outfile_group_new(o->output_dir)) != NULL) &&
		 (r.out != BACKEND_PDF || seal_open(o, &r.seal)) &&
		 (r.backend = backend_new(r.out, o->fonts_dir, o->pdfa,
					  r.seal)) != NULL)
		run(&r);
	odt_stream_free(r.merged);
	outfile_group_free(r.group);
	backend_free(r.backend);
	seal_free(r.seal);
	odt_free(r.odt);
	buf_free(&r.bytes);
	documents_free(r.docs);
}
