/*
 * libFuzzer harness: the whole path of a dossier, reader → rules →
 * every document of every kind → PDF and ODT, all in memory (no file is
 * written).  For `make fuzz`; never linked into parcours.
 *
 * Beyond crashes, hangs and leaks it checks that each rendering is a PDF
 * or a zip package, and that the first document of each input renders
 * to the same bytes twice (outputs must be reproducible).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "documents.h"
#include "fuzz_common.h"
#include "odt.h"
#include "pdf.h"
#include "rules.h"

struct backends {
	struct documents *docs;
	struct pdf *pdf;
	struct odt *odt;
	struct buf out, again;
	bool checked_twice; /* this input's reproducibility check done */
};

static struct backends *backends(void)
{
	static struct backends b;
	if (b.docs != NULL)
		return &b;
	unsigned all =
	    DOCUMENTS_SET(DOCUMENTS_NOTICE) | DOCUMENTS_SET(DOCUMENTS_REPORT) |
	    DOCUMENTS_SET(DOCUMENTS_REPORT_BLANK) |
	    DOCUMENTS_SET(DOCUMENTS_RECAP) | DOCUMENTS_SET(DOCUMENTS_LETTER);
	b.docs = documents_new(FUZZ_SRCDIR "/templates", all);
	b.pdf = pdf_new(FUZZ_SRCDIR "/fonts", false);
	b.odt = odt_new(pdf_font_family());
	if (b.docs == NULL || b.pdf == NULL || b.odt == NULL)
		abort(); /* the source tree is broken, not the input */
	return &b;
}

static bool starts_with(const struct buf *b, const char *magic)
{
	size_t n = strlen(magic);
	return b->len >= n && memcmp(b->data, magic, n) == 0;
}

static bool same(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* Renders doc both ways; the first time per input, twice each. */
static void render(struct backends *b, const struct doc *doc)
{
	buf_reset(&b->out);
	/* BACKEND_DOSSIER is a reported error (a character no font has):
	 * allowed. */
	if (pdf_render(b->pdf, doc, &b->out) == BACKEND_OK && !b->out.oom) {
		if (!starts_with(&b->out, "%PDF-"))
			abort();
		if (!b->checked_twice) {
			buf_reset(&b->again);
			if (pdf_render(b->pdf, doc, &b->again) != BACKEND_OK ||
			    !same(&b->out, &b->again))
				abort();
		}
	}
	buf_reset(&b->out);
	if (odt_render(b->odt, doc, &b->out) == BACKEND_OK && !b->out.oom) {
		if (!starts_with(&b->out, "PK\003\004"))
			abort();
		if (!b->checked_twice) {
			buf_reset(&b->again);
			if (odt_render(b->odt, doc, &b->again) != BACKEND_OK ||
			    !same(&b->out, &b->again))
				abort();
		}
	}
	b->checked_twice = true;
}

static void one(const struct dossier *d, void *ctx)
{
	struct backends *b = ctx;
	date_t as_of;
	if (!date_parse(FUZZ_AS_OF_ISO, &as_of))
		abort();
	struct rules_facts *f = rules_compute(d, as_of);
	if (f == NULL)
		return;
	static const enum documents_kind kinds[] = {
	    DOCUMENTS_NOTICE, DOCUMENTS_REPORT, DOCUMENTS_REPORT_BLANK,
	    DOCUMENTS_RECAP,  DOCUMENTS_LETTER,
	};
	struct doc *letters[64];
	size_t nletters = 0;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		struct documents_entry e;
		size_t cursor = 0;
		while (documents_next(kinds[k], d, f, &cursor, &e)) {
			struct doc *doc = documents_build(b->docs, d, f, &e);
			if (doc == NULL)
				continue;
			render(b, doc);
			if (kinds[k] == DOCUMENTS_LETTER &&
			    nletters < sizeof(letters) / sizeof(letters[0]))
				letters[nletters++] = doc;
			else
				doc_free(doc);
		}
	}
	if (nletters > 0) {
		buf_reset(&b->out);
		if (odt_render_merged(b->odt,
				      (const struct doc *const *)letters,
				      nletters, &b->out) == BACKEND_OK &&
		    !b->out.oom && !starts_with(&b->out, "PK\003\004"))
			abort();
	}
	for (size_t i = 0; i < nletters; i++)
		doc_free(letters[i]);
	rules_facts_free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	struct backends *b = backends();
	b->checked_twice = false;
	fuzz_each_dossier(fuzz_memfile(data, size), one, b);
	return 0;
}
