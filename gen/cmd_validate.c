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

/* One dated fact after the reference date: a warning at its line. */
static void warn_after(const struct dossier *d, long line, const char *what,
		       date_t date, date_t as_of)
{
	char when[DATE_ISO_LEN], ref[DATE_ISO_LEN];
	if (date == DATE_NONE || date <= as_of)
		return;
	diag_warning(d->file, line,
		     "%s %s, after the reference date %s: it does "
		     "not count until then",
		     what, date_fmt_iso(date, when), date_fmt_iso(as_of, ref));
}

/* The documents that all renders as PDF, whose characters need glyphs. */
static const enum documents_kind printed[] = {
    DOCUMENTS_NOTICE, DOCUMENTS_REPORT, DOCUMENTS_REPORT_BLANK,
    DOCUMENTS_RECAP};

/*
 * rules.md §4: every dated fact after the reference date is ignored, in
 * every rule; say so, since it is most often a typo in a year.  Only ids
 * and dates are quoted (no titles: personal data stays out of logs).
 */
static void warn_future_events(const struct dossier *d, date_t as_of)
{
	char what[160];
	for (size_t i = 0; i < d->ninterviews; i++) {
		const struct interview *iv = &d->interviews[i];
		snprintf(what, sizeof(what), "<interview>: id \"%s\" is dated",
			 iv->id);
		warn_after(d, iv->line, what, iv->date, as_of);
	}
	for (size_t i = 0; i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		bool refusal = rules_is_counting_refusal(c) &&
			       c->date.date != DATE_NONE &&
			       c->date.date > as_of && c->issued <= as_of;
		snprintf(what, sizeof(what),
			 refusal ? "<convocation>: refused convocation id "
				   "\"%s\" is dated"
				 : "<convocation>: id \"%s\" is issued on",
			 c->id);
		warn_after(d, c->line, what, refusal ? c->date.date : c->issued,
			   as_of);
	}
	for (size_t i = 0; i < d->ntrainings; i++)
		warn_after(d, d->trainings[i].line, "<training> ends on",
			   d->trainings[i].end, as_of);
	for (size_t i = 0; i < d->ncertifications; i++)
		warn_after(d, d->certifications[i].line,
			   "<certification> is dated",
			   d->certifications[i].date, as_of);
	for (size_t i = 0; i < d->nprogressions; i++)
		warn_after(d, d->progressions[i].line, "<progression> is dated",
			   d->progressions[i].date, as_of);
	for (size_t i = 0; i < d->nvisits; i++)
		warn_after(d, d->visits[i].line, "<visit> is dated",
			   d->visits[i].date, as_of);
	for (size_t i = 0; i < d->nabondements; i++)
		warn_after(d, d->abondements[i].line,
			   "<abondement>: the payment is dated",
			   d->abondements[i].paid, as_of);
	if (d->notice.delivered)
		warn_after(d, d->notice.line, "<notice> is delivered on",
			   d->notice.date, as_of);
}

/*
 * A payment must name the end of a recap period (rules.md §5) to be
 * matched with it; otherwise it is shown nowhere, so say which ends
 * there are.
 */
static void warn_unmatched_payments(const struct dossier *d, date_t as_of)
{
	if (d->nabondements == 0)
		return;
	struct rules_facts *f = rules_compute(d, as_of);
	if (f == NULL)
		return;
	for (size_t i = 0; i < d->nabondements; i++) {
		const struct abondement *a = &d->abondements[i];
		bool found = false;
		char ends[160] = "", iso[DATE_ISO_LEN];
		size_t len = 0;
		for (size_t k = 0; k < f->nperiods; k++) {
			found = found || f->periods[k].end == a->period_end;
			len += (size_t)snprintf(
			    ends + len,
			    len < sizeof(ends) ? sizeof(ends) - len : 0, "%s%s",
			    k > 0 ? ", " : "",
			    date_fmt_iso(f->periods[k].end, iso));
			if (len >= sizeof(ends))
				break;
		}
		if (!found)
			diag_warning(d->file, a->line,
				     "<abondement>: no recap period ends on "
				     "%s (period ends: %s): the payment "
				     "matches no period",
				     date_fmt_iso(a->period_end, iso),
				     f->nperiods > 0 ? ends : "none yet");
	}
	rules_facts_free(f);
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
		p->docs =
		    documents_new(o->templates_dir,
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
		warn_unmatched_payments(d, o->as_of);
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
