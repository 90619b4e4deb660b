/*
 * The document-writing commands (see documents.h): templates and fonts
 * first, then each dossier's documents rendered to PDF and written
 * atomically, or dumped as trees for the tests.
 */
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "documents.h"
#include "dossier_read.h"
#include "outfile_group.h"
#include "pdf.h"
#include "pdf_seal.h"
#include "seal.h"

static const char *command_name(enum documents_kind kind)
{
	switch (kind) {
	case DOCUMENTS_NOTICE:
		return "notice";
	case DOCUMENTS_REPORT:
	case DOCUMENTS_REPORT_BLANK:
		return "report";
	case DOCUMENTS_RECAP:
		return "recap";
	case DOCUMENTS_LETTER:
		return "letters";
	}
	return "?";
}

/* One run: what every document of it needs. */
struct run {
	const struct options *o;
	enum documents_kind kind;
	struct documents *docs;
	struct pdf *pdf;	      /* NULL for --format tree */
	struct seal *seal;	      /* --seal; NULL if none */
	struct outfile_group *group;  /* the dossier's files, synced at once */
	struct documents_names names; /* the dossier's file names so far */
	struct buf out;
};

/*
 * One document: its tree dumped, or rendered and written.  false on a
 * system error (out of memory, cannot write), which stops the run.
 */
static bool write_one(struct run *r, const struct dossier *d,
		      const struct rules_facts *f,
		      const struct documents_entry *e)
{
	char path[OUTFILE_PATH_MAX];
	if (!documents_unique_path(&r->names, path, d, e, "pdf"))
		return false;
	struct doc *doc = documents_build(r->docs, d, f, e);
	if (doc == NULL)
		return false;
	bool ok = true;
	if (r->pdf == NULL) {
		printf("== %s\n", path);
		doc_dump(doc, stdout);
	} else {
		buf_reset(&r->out);
		if (!pdf_render(r->pdf, doc, &r->out))
			/* pdf_render() said why.  A character the fonts lack
			 * is this dossier's problem and the others go on; a
			 * system error stops the run. */
			ok = diag_worst() < DIAG_SYSTEM;
		else if (r->out.oom)
			ok = false, diag_system(NULL, "out of memory");
		else if (r->seal != NULL && !pdf_seal(r->seal, &r->out, path))
			ok = false; /* a system error, reported */
		else
			ok = outfile_group_add(r->group, path, r->out.data,
					       r->out.len);
	}
	doc_free(doc);
	return ok;
}

static bool write_dossier(struct run *r, const struct dossier *d)
{
	struct rules_facts *f = rules_compute(d, r->o->as_of);
	if (f == NULL) {
		diag_system(NULL, "out of memory");
		return false;
	}
	struct documents_entry e;
	size_t cursor = 0;
	bool ok = true;
	r->names.n = 0;
	while (ok && documents_next(r->kind, d, f, &cursor, &e))
		if (documents_within(&e, f->as_of, r->o->within_days))
			ok = write_one(r, d, f, &e);
	rules_facts_free(f);
	/* What was written goes into place even when a later document
	 * failed, as each file used to on its own. */
	return r->group == NULL ? ok : outfile_group_commit(r->group) && ok;
}

void documents_write(const struct options *o, enum documents_kind kind)
{
	struct run r = {.o = o, .kind = kind};
	bool tree = o->format == FORMAT_TREE;
	if (!tree && o->format != FORMAT_DEFAULT && o->format != FORMAT_PDF) {
		diag_usage("%s: --format must be pdf or tree",
			   command_name(kind));
		return;
	}
	/* Everything that can stop the run is checked before any output. */
	r.docs = documents_new(o->templates_dir, DOCUMENTS_SET(kind));
	if (r.docs == NULL)
		return;
	if (!tree && ((r.pdf = pdf_new(o->fonts_dir, o->pdfa)) == NULL ||
		      !seal_open(o, &r.seal) ||
		      (r.group = outfile_group_new(o->output_dir)) == NULL)) {
		seal_free(r.seal);
		pdf_free(r.pdf);
		documents_free(r.docs);
		return;
	}
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	struct dossier *d;
	bool ok = src != NULL;
	while (ok && (d = dossier_source_next(src)) != NULL) {
		ok = write_dossier(&r, d);
		dossier_free(d);
	}
	if (tree && fflush(stdout) != 0)
		diag_system("standard output", "cannot write");
	dossier_source_free(src);
	outfile_group_free(r.group);
	seal_free(r.seal);
	pdf_free(r.pdf);
	buf_free(&r.out);
	documents_names_free(&r.names);
	documents_free(r.docs);
}

void documents_recap_pdf(const struct options *o)
{
	documents_write(o, DOCUMENTS_RECAP);
}
