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

#include "cli.h"
#include "diag.h"
#include "documents.h"
#include "dossier_read.h"
#include "ics.h"
#include "odt.h"
#include "outfile.h"
#include "outfile_group.h"
#include "pdf.h"
#include "pdf_seal.h"
#include "rules.h"
#include "seal.h"

enum letters_out { LETTERS_ODT, LETTERS_PDF, LETTERS_TREE };

struct letters_run {
	const struct options *o;
	enum letters_out out;
	struct documents *docs;
	struct odt *odt;
	struct pdf *pdf;	     /* --format pdf */
	struct seal *seal;	     /* --seal; NULL if none */
	struct outfile_group *group; /* a dossier's letters, synced at once */
	/* --merge: every letter of the run, added as it is written, so
	 * that memory does not grow with the run. */
	struct odt_stream *merged;
	size_t nmerge; /* letters that went, or would go, into it */
	unsigned long written;
	bool failed; /* a system error: stop */
};

/*
 * Writes one letter's file.  false after a system diagnostic (the run
 * stops); a letter the PDF fonts cannot print is the dossier's error,
 * reported by pdf.c, and the run goes on.
 */
static bool write_letter(struct letters_run *r, const struct doc *doc,
			 const char *path)
{
	struct buf b = {0};
	bool ok = false;
	switch (r->out) {
	case LETTERS_TREE:
		printf("== %s\n", path);
		doc_dump(doc, stdout);
		return true;
	case LETTERS_ODT:
		ok = odt_render(r->odt, doc, &b);
		if (!ok) {
			diag_system(path, "cannot build the document: %s",
				    odt_error(r->odt));
			return false;
		}
		break;
	case LETTERS_PDF:
		if (!pdf_render(r->pdf, doc, &b)) {
			buf_free(&b);
			return diag_worst() < DIAG_SYSTEM;
		}
		ok = r->seal == NULL || pdf_seal(r->seal, &b, path);
		break;
	}
	ok = ok && outfile_group_add(r->group, path, b.data, b.len);
	buf_free(&b);
	if (ok)
		r->written++;
	return ok;
}

/* The calendar invitation beside a letter that invites to a meeting;
 * false after a system diagnostic. */
static bool write_invitation(struct letters_run *r,
			     struct documents_names *names,
			     const struct dossier *d,
			     const struct documents_entry *e)
{
	if (r->out == LETTERS_TREE || !ics_letter_has_event(e->letter))
		return true;
	struct buf b = {0};
	char path[OUTFILE_PATH_MAX];
	bool ok =
	    ics_letter(&b, names, path, d, e, r->o->as_of, r->o->organizer) &&
	    outfile_group_add(r->group, path, b.data, b.len);
	buf_free(&b);
	return ok;
}

/* Every letter of one dossier, in the order of rules.md §9. */
static void dossier_letters(struct letters_run *r, const struct dossier *d,
			    const struct rules_facts *f)
{
	static const char *const ext[] = {
	    [LETTERS_ODT] = "odt",
	    [LETTERS_PDF] = "pdf",
	    [LETTERS_TREE] = "odt",
	};
	if (f->nletters > 0 && !d->employee.has_address) {
		diag_error(d->file, d->line,
			   "dossier \"%s\": <employee> has no <address>; "
			   "its %zu letter%s cannot be written",
			   d->id, f->nletters, f->nletters == 1 ? "" : "s");
		return;
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
			    !odt_stream_add(r->merged, doc)) {
				diag_system(r->o->merge_file,
					    "cannot add a letter: %s",
					    odt_error(r->odt));
				r->failed = true;
			}
		}
		doc_free(doc);
	}
	documents_names_free(&names);
	/* What was written goes into place even after a failure, as each
	 * file used to on its own. */
	if (r->group != NULL && !outfile_group_commit(r->group))
		r->failed = true;
}

/* The merged document: every letter of the run, one after the other. */
static void write_merged(struct letters_run *r)
{
	const char *path = r->o->merge_file;
	if (r->nmerge == 0) {
		diag_warning(path, 0, "no letter to merge: nothing written");
		return;
	}
	/* Written atomically: a temporary file beside it, renamed. */
	if (r->merged != NULL && !odt_stream_finish(r->merged, path))
		diag_system(path, "cannot write the document: %s",
			    odt_error(r->odt));
}

static bool choose_output(const struct options *o, enum letters_out *out)
{
	switch (o->format) {
	case FORMAT_DEFAULT:
	case FORMAT_ODT:
		*out = LETTERS_ODT;
		return true;
	case FORMAT_PDF:
		*out = LETTERS_PDF;
		return true;
	case FORMAT_TREE:
		*out = LETTERS_TREE;
		return true;
	case FORMAT_CSV:
	case FORMAT_TABLE:
		break;
	}
	diag_usage("letters: --format must be odt, pdf or tree");
	return false;
}

static void run(struct letters_run *r)
{
	const struct options *o = r->o;
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	if (src == NULL)
		return;
	struct dossier *d;
	while (!r->failed && (d = dossier_source_next(src)) != NULL) {
		struct rules_facts *f = rules_compute(d, o->as_of);
		if (f == NULL) {
			diag_system(NULL, "out of memory");
			r->failed = true;
		} else {
			dossier_letters(r, d, f);
		}
		rules_facts_free(f);
		dossier_free(d);
	}
	dossier_source_free(src);
	if (!r->failed && o->merge_file != NULL)
		write_merged(r);
	if (!o->quiet && (o->progress || isatty(STDERR_FILENO)) &&
	    r->out != LETTERS_TREE)
		fprintf(stderr, "letters: %lu written\n", r->written);
}

void cmd_letters(const struct options *o)
{
	struct letters_run r = {.o = o};
	if (!choose_output(o, &r.out))
		return;
	if (o->merge_file != NULL && r.out == LETTERS_PDF) {
		diag_usage("letters: --merge writes an ODT document; use it "
			   "without --format pdf");
		return;
	}
	r.docs =
	    documents_new(o->templates_dir, DOCUMENTS_SET(DOCUMENTS_LETTER));
	if (r.docs == NULL)
		return;
	/* The ODT names the PDFs' font, so that both look alike. */
	r.odt = odt_new(pdf_font_family());
	if (r.odt == NULL)
		diag_system(NULL, "out of memory");
	else if (o->merge_file != NULL && r.out == LETTERS_ODT &&
		 (r.merged = odt_stream_new(r.odt)) == NULL)
		diag_system(o->merge_file, "cannot start the document: %s",
			    odt_error(r.odt));
	else if ((r.out == LETTERS_TREE ||
		  (r.group = outfile_group_new(o->output_dir)) != NULL) &&
		 (r.out != LETTERS_PDF ||
		  ((r.pdf = pdf_new(o->fonts_dir, o->pdfa)) != NULL &&
		   seal_open(o, &r.seal))))
		run(&r);
	odt_stream_free(r.merged);
	outfile_group_free(r.group);
	seal_free(r.seal);
	pdf_free(r.pdf);
	odt_free(r.odt);
	documents_free(r.docs);
}
