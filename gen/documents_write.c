/*
 * The document-writing commands (see documents.h): templates and fonts
 * first, then each dossier's documents rendered to PDF and written
 * atomically, synced a few dozen at a time (outfile_group.h), or dumped
 * as trees for the tests.
 */
#include <stdio.h>

#include "backend.h"
#include "buf.h"
#include "diag.h"
#include "documents.h"
#include "outfile_group.h"
#include "pipeline.h"
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
	struct backend *backend;      /* PDF, or the tree dump */
	struct seal *seal;	      /* --seal; NULL if none */
	struct outfile_group *group;  /* files not yet synced; NULL: tree */
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
	/* A character the fonts lack is this dossier's problem and the
	 * others go on; a system error stops the run. */
	bool ok = backend_write(r->backend, doc, path, &r->out, r->group) !=
		  BACKEND_SYSTEM;
	doc_free(doc);
	return ok;
}

/* The pipeline's callback: every document of one dossier. */
static enum pipeline_step write_dossier(void *ctx, struct dossier *d,
					struct rules_facts *f)
{
	struct run *r = ctx;
	struct documents_entry e;
	size_t cursor = 0;
	bool ok = true;
	r->names.n = 0;
	while (ok && documents_next(r->kind, d, f, &cursor, &e))
		if (documents_within(&e, f->as_of, r->o->within_days))
			ok = write_one(r, d, f, &e);
	/* Each file stands on its own: what was written goes into place
	 * even when a later document failed (documents_write()), and
	 * the group is never told of wholes. */
	if (r->group != NULL && outfile_group_due(r->group) &&
	    !outfile_group_commit(r->group))
		ok = false;
	return ok ? PIPELINE_NEXT : PIPELINE_STOP;
}

void documents_write(const struct options *o, enum documents_kind kind)
{
	struct run r = {.o = o, .kind = kind};
	bool tree = o->format == FORMAT_TREE;
	if (!tree && o->format != FORMAT_DEFAULT && o->format != FORMAT_PDF) {
		diag(MSG_DOC_FORMAT_MUST_PDF_TREE, NULL, 0, command_name(kind));
		return;
	}
	/* Everything that can stop the run is checked before any output. */
	r.docs = documents_new(o->templates_dir, DOCUMENTS_SET(kind));
	if (r.docs == NULL)
		return;
	if (tree ? (r.backend = backend_new(BACKEND_TREE, NULL, false, NULL)) !=
		       NULL
		 : seal_open(o, &r.seal) &&
		       (r.backend = backend_new(BACKEND_PDF, o->fonts_dir,
						o->pdfa, r.seal)) != NULL &&
		       (r.group = outfile_group_new(o->output_dir)) != NULL) {
		struct pipeline_acts acts = {.act = write_dossier, .ctx = &r};
		pipeline_each(o, &acts);
		/* The files still pending go into place however the run
		 * ended, a system error included (reported): those of the
		 * dossiers before it are good. */
		if (r.group != NULL)
			outfile_group_commit(r.group); /* reports its failure */
		/* A write refused earlier leaves nothing to flush: the
		 * error flag says so. */
		if (tree && (fflush(stdout) != 0 || ferror(stdout)))
			diag(MSG_DOC_CANNOT_WRITE, "standard output", 0);
	}
	outfile_group_free(r.group);
	backend_free(r.backend);
	seal_free(r.seal);
	buf_free(&r.out);
	documents_names_free(&r.names);
	documents_free(r.docs);
}

void documents_recap_pdf(const struct options *o)
{
	documents_write(o, DOCUMENTS_RECAP);
}
