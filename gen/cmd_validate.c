/*
 * parcours validate: reads every input, reports every problem through
 * diag.h and writes nothing but a one-line summary on standard output.
 * For main.c, through cli.h.
 */
#include <stdio.h>

#include "cli.h"
#include "diag.h"
#include "doc.h"
#include "documents.h"
#include "dossier_read.h"
#include "pdf.h"
#include "rules.h"

/* The documents that all renders as PDF, whose characters need glyphs. */
static const enum documents_kind printed[] = {
    DOCUMENTS_NOTICE, DOCUMENTS_REPORT, DOCUMENTS_REPORT_BLANK,
    DOCUMENTS_RECAP};

/*
 * rules.md §4 ignores counting events (rules_is_counting_*(), the
 * periodic chain's own test) dated after the reference date;
 * say so, since it is most often a typo in a year.
 */
static void warn_future_events(const struct dossier *d, date_t as_of)
{
	char when[DATE_ISO_LEN], ref[DATE_ISO_LEN];
	date_fmt_iso(as_of, ref);
	for (size_t i = 0; i < d->ninterviews; i++) {
		const struct interview *iv = &d->interviews[i];
		if (rules_is_counting_interview(iv) && iv->date != DATE_NONE &&
		    iv->date > as_of)
			diag_warning(d->file, iv->line,
				     "<interview>: id \"%s\" is dated %s, "
				     "after the reference date %s: it does "
				     "not count until then",
				     iv->id, date_fmt_iso(iv->date, when), ref);
	}
	for (size_t i = 0; i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		if (rules_is_counting_refusal(c) && c->date.date != DATE_NONE &&
		    c->date.date > as_of)
			diag_warning(d->file, c->line,
				     "<convocation>: refused convocation id "
				     "\"%s\" is dated %s, after the reference "
				     "date %s: it does not count until then",
				     c->id, date_fmt_iso(c->date.date, when),
				     ref);
	}
}

/*
 * The glyph check rendering runs (pdf_check()), over the trees of the
 * PDFs all would write for d: a character the fonts lack is refused here
 * with the same message, not discovered by all.  false after it (or
 * after a system diagnostic: out of memory).
 */
static bool printable(struct documents *docs, struct pdf *pdf,
		      const struct dossier *d, date_t as_of)
{
	struct rules_facts *f = rules_compute(d, as_of);
	if (f == NULL) {
		diag_system(NULL, "out of memory");
		return false;
	}
	bool ok = true;
	for (size_t k = 0; ok && k < sizeof(printed) / sizeof(*printed); k++) {
		struct documents_entry e;
		size_t cursor = 0;
		while (ok && documents_next(printed[k], d, f, &cursor, &e)) {
			struct doc *doc = documents_build(docs, d, f, &e);
			ok = doc != NULL && pdf_check(pdf, doc);
			doc_free(doc);
		}
	}
	rules_facts_free(f);
	return ok;
}

/* What the glyph check needs, loaded at the first valid dossier. */
struct printing {
	struct documents *docs;
	struct pdf *pdf;
	bool tried;
};

/* false after a system diagnostic (a broken template or font). */
static bool printing_load(struct printing *p, const struct options *o)
{
	if (!p->tried) {
		p->tried = true;
		p->docs = documents_new(o->templates_dir,
					DOCUMENTS_SET(DOCUMENTS_NOTICE) |
					    DOCUMENTS_SET(DOCUMENTS_REPORT) |
					    DOCUMENTS_SET(DOCUMENTS_REPORT_BLANK) |
					    DOCUMENTS_SET(DOCUMENTS_RECAP));
		if (p->docs != NULL)
			p->pdf = pdf_new(o->fonts_dir, false);
	}
	return p->pdf != NULL;
}

void cmd_validate(const struct options *o)
{
	struct dossier_source *src = dossier_source_new(
	    o->inputs, o->ninputs, o->company_file, o->schema_dir);
	if (src == NULL)
		return;
	struct printing p = {0};
	unsigned long valid = 0, unprintable = 0;
	struct dossier *d;
	while ((d = dossier_source_next(src)) != NULL) {
		warn_future_events(d, o->as_of);
		bool ok = printing_load(&p, o) &&
			  printable(p.docs, p.pdf, d, o->as_of);
		dossier_free(d);
		if (diag_worst() >= DIAG_SYSTEM)
			break;
		if (ok)
			valid++;
		else
			unprintable++;
	}
	unsigned long invalid = dossier_source_failed(src) + unprintable;
	unsigned long files = dossier_source_failed_files(src);
	printf("validate: %lu dossier%s valid, %lu invalid", valid,
	       valid == 1 ? "" : "s", invalid);
	if (files > 0)
		printf(", %lu file%s rejected", files, files == 1 ? "" : "s");
	putchar('\n');
	dossier_source_free(src);
	pdf_free(p.pdf);
	documents_free(p.docs);
}
