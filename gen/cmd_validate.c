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
#include "pdf.h"
#include "pipeline.h"
#include "rules.h"

/* One dated fact after the reference date: a warning at its line. */
static void warn_after(const struct dossier *d, long line, const char *what,
		       date_t date, date_t as_of)
{
	char when[DATE_ISO_LEN], ref[DATE_ISO_LEN];
	if (date == DATE_NONE || date <= as_of)
		return;
	diag(MSG_VALIDATE_AFTER_REFERENCE_DATE, d->file, line, what,
	     date_fmt_iso(date, when), date_fmt_iso(as_of, ref));
}

/* warn_after() for every element of the array d->list of d->n, whose
 * field is the date to check. */
#define WARN_EACH(d, list, n, field, what, as_of)                              \
	for (size_t i_ = 0; i_ < (d)->n; i_++)                                 \
	warn_after(d, (d)->list[i_].line, what, (d)->list[i_].field, as_of)

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
	WARN_EACH(d, trainings, ntrainings, end, "<training> ends on", as_of);
	WARN_EACH(d, certifications, ncertifications, date,
		  "<certification> is dated", as_of);
	WARN_EACH(d, progressions, nprogressions, date,
		  "<progression> is dated", as_of);
	WARN_EACH(d, visits, nvisits, date, "<visit> is dated", as_of);
	WARN_EACH(d, abondements, nabondements, paid,
		  "<abondement>: the payment is dated", as_of);
	if (d->notice.delivered)
		warn_after(d, d->notice.line, "<notice> is delivered on",
			   d->notice.date, as_of);
}

/*
 * A payment must name the end of a recap period (rules.md §5) to be
 * matched with it; otherwise it is shown nowhere, so say which ends
 * there are.
 */
static void warn_unmatched_payments(const struct dossier *d,
				    const struct rules_facts *f)
{
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
			diag(MSG_VALIDATE_ABONDEMENT_NO_RECAP_PERIOD, d->file,
			     a->line, date_fmt_iso(a->period_end, iso),
			     f->nperiods > 0 ? ends : "none yet");
	}
}

/*
 * The glyph check rendering runs (pdf_check()), over the trees of the
 * PDFs all would write for d: a character the fonts lack is refused here
 * with the same message, not discovered by all.  The code of the first
 * document that fails, after its diagnostic (out of memory: a system
 * error).
 */
static enum backend_code printable(struct documents *docs, struct pdf *pdf,
				   const struct dossier *d,
				   const struct rules_facts *f)
{
	enum backend_code rc = BACKEND_OK;
	for (size_t k = 0;
	     rc == BACKEND_OK && k < sizeof(printed) / sizeof(*printed); k++) {
		struct documents_entry e;
		size_t cursor = 0;
		while (rc == BACKEND_OK &&
		       documents_next(printed[k], d, f, &cursor, &e)) {
			struct doc *doc = documents_build(docs, d, f, &e);
			rc = doc != NULL ? pdf_check(pdf, doc) : BACKEND_SYSTEM;
			doc_free(doc);
		}
	}
	return rc;
}

/* What the glyph check needs, loaded at the first valid dossier. */
struct printing {
	const struct options *o;
	struct documents *docs;
	struct pdf *pdf;
	bool tried;
	unsigned long valid, unprintable;
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

/* The pipeline's callback: the warnings, then the glyph check. */
static enum pipeline_step check(void *ctx, struct dossier *d,
				struct rules_facts *f)
{
	struct printing *p = ctx;
	warn_future_events(d, p->o->as_of);
	warn_unmatched_payments(d, f);
	if (!printing_load(p, p->o))
		return PIPELINE_STOP;
	switch (printable(p->docs, p->pdf, d, f)) {
	case BACKEND_OK:
		p->valid++;
		return PIPELINE_NEXT;
	case BACKEND_DOSSIER:
		p->unprintable++;
		return PIPELINE_NEXT;
	case BACKEND_SYSTEM:
		break;
	}
	return PIPELINE_STOP;
}

void cmd_validate(const struct options *o)
{
	struct pipeline *pl = pipeline_new(o);
	if (pl == NULL)
		return;
	struct printing p = {.o = o};
	struct pipeline_acts acts = {.act = check, .ctx = &p};
	pipeline_run(pl, &acts);
	const struct dossier_source *src = pipeline_source(pl);
	unsigned long valid = p.valid;
	unsigned long invalid = dossier_source_failed(src) + p.unprintable;
	unsigned long files = dossier_source_failed_files(src);
	printf("validate: %lu dossier%s valid, %lu invalid", valid,
	       valid == 1 ? "" : "s", invalid);
	if (files > 0)
		printf(", %lu file%s rejected", files, files == 1 ? "" : "s");
	putchar('\n');
	pipeline_free(pl);
	pdf_free(p.pdf);
	documents_free(p.docs);
}
