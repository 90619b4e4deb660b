/*
 * The one place a document is rendered, sealed and written, whatever
 * the backend (see backend.h): the caller gets one code and decides
 * from it alone whether the run goes on.
 */
#include <stdio.h>
#include <stdlib.h>

#include "backend.h"
#include "diag.h"
#include "odt.h"
#include "outfile_group.h"
#include "pdf.h"
#include "pdf_seal.h"
#include "tree_dump.h"

struct backend {
	enum backend_format format;
	struct pdf *pdf;
	struct odt *odt;
	struct tree_dump *tree;
	struct seal *seal; /* borrowed; PDF only */
};

struct backend *backend_new(enum backend_format format, const char *fonts_dir,
			    bool pdfa, struct seal *seal)
{
	struct backend *b = calloc(1, sizeof(*b));
	if (b == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	b->format = format;
	bool ok = false;
	switch (format) {
	case BACKEND_PDF:
		b->seal = seal;
		ok = (b->pdf = pdf_new(fonts_dir, pdfa)) != NULL;
		break;
	case BACKEND_ODT:
		/* The ODT names the PDFs' font, so that both look alike. */
		ok = (b->odt = odt_new(pdf_font_family())) != NULL;
		if (!ok)
			diag(MSG_OUT_OF_MEMORY, NULL, 0);
		break;
	case BACKEND_TREE:
		ok = (b->tree = tree_dump_new()) != NULL;
		break;
	}
	if (!ok) {
		backend_free(b);
		return NULL;
	}
	return b;
}

static enum backend_code render(struct backend *b, const struct doc *doc,
				struct buf *out)
{
	switch (b->format) {
	case BACKEND_PDF:
		return pdf_render(b->pdf, doc, out);
	case BACKEND_ODT:
		return odt_render(b->odt, doc, out);
	case BACKEND_TREE:
		return tree_dump_render(b->tree, doc, out);
	}
	return BACKEND_SYSTEM;
}

enum backend_code backend_write(struct backend *b, const struct doc *doc,
				const char *path, struct buf *out,
				struct outfile_group *group)
{
	buf_reset(out);
	enum backend_code rc = render(b, doc, out);
	if (rc != BACKEND_OK)
		return rc;
	if (out->oom) {
		diag(MSG_OUT_OF_MEMORY, path, 0);
		return BACKEND_SYSTEM;
	}
	if (b->seal != NULL && !pdf_seal(b->seal, out, path))
		return BACKEND_SYSTEM; /* reported */
	if (b->format == BACKEND_TREE) {
		/* Checked once, when the run flushes standard output. */
		printf("== %s\n", path);
		if (out->len > 0)
			fwrite(out->data, 1, out->len, stdout);
		return BACKEND_OK;
	}
	return outfile_group_add(group, path, out->data, out->len)
		   ? BACKEND_OK
		   : BACKEND_SYSTEM;
}

void backend_free(struct backend *b)
{
	if (b == NULL)
		return;
	pdf_free(b->pdf);
	odt_free(b->odt);
	tree_dump_free(b->tree);
	free(b);
}
