/*
 * The documents of a dossier (see documents.h): which exist, their
 * names, and their trees from the loaded templates.
 */
#include <stdlib.h>

#include "diag.h"
#include "documents.h"
#include "fmt.h"
#include "report_csv.h"
#include "template.h"
#include "typo.h"

/* Indexed by enum rules_letter_kind. */
static const char *const letter_files[] = {
    "letter-convocation.xml",	 "letter-reconvocation.xml",
    "letter-proposal.xml",	 "letter-refusal-record.xml",
    "letter-decline-record.xml",
};
static const char *const letter_names[] = {
    "letter-convocation",    "letter-reconvocation",  "letter-proposal",
    "letter-refusal-record", "letter-decline-record",
};
#define NLETTERS (sizeof(letter_files) / sizeof(*letter_files))

struct documents {
	struct template *notice, *report, *recap;
	struct template *letters[NLETTERS];
};

struct documents *documents_new(const char *dir, unsigned set)
{
	struct documents *docs = calloc(1, sizeof(*docs));
	bool ok = docs != NULL;
	if (docs == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	/* Every template is tried, so that one run shows every mistake. */
	if (set & DOCUMENTS_SET(DOCUMENTS_NOTICE))
		ok &= (docs->notice = template_load(dir, "notice.xml",
						    FIELDS_NOTICE)) != NULL;
	if (set & (DOCUMENTS_SET(DOCUMENTS_REPORT) |
		   DOCUMENTS_SET(DOCUMENTS_REPORT_BLANK)))
		ok &= (docs->report = template_load(dir, "report.xml",
						    FIELDS_REPORT)) != NULL;
	if (set & DOCUMENTS_SET(DOCUMENTS_RECAP))
		ok &= (docs->recap = template_load(dir, "recap.xml",
						   FIELDS_RECAP)) != NULL;
	if (set & DOCUMENTS_SET(DOCUMENTS_LETTER))
		for (size_t i = 0; i < NLETTERS; i++)
			ok &=
			    (docs->letters[i] = template_load(
				 dir, letter_files[i], FIELDS_LETTER)) != NULL;
	if (!ok) {
		documents_free(docs);
		return NULL;
	}
	return docs;
}

void documents_free(struct documents *docs)
{
	if (docs == NULL)
		return;
	template_free(docs->notice);
	template_free(docs->report);
	template_free(docs->recap);
	for (size_t i = 0; i < NLETTERS; i++)
		template_free(docs->letters[i]);
	free(docs);
}

bool documents_next(enum documents_kind kind, const struct dossier *d,
		    const struct rules_facts *f, size_t *cursor,
		    struct documents_entry *out)
{
	*out = (struct documents_entry){.kind = kind};
	switch (kind) {
	case DOCUMENTS_NOTICE:
		if (*cursor > 0 || !f->notice_owed)
			return false;
		++*cursor;
		out->name = "notice";
		out->date = d->employment.hire_date;
		return true;
	case DOCUMENTS_REPORT:
		while (*cursor < d->ninterviews) {
			const struct interview *iv =
			    &d->interviews[(*cursor)++];
			if (iv->report == NULL || iv->date > f->as_of)
				continue;
			out->name = "report";
			out->date = iv->date;
			out->interview = iv;
			return true;
		}
		return false;
	case DOCUMENTS_REPORT_BLANK:
		while (*cursor < f->nobligations) {
			size_t i = (*cursor)++;
			const struct rules_obligation *o = &f->obligations[i];
			if (!rules_form_needed(f, i))
				continue;
			out->name = "report-blank";
			out->date = o->due;
			out->obligation = o;
			return true;
		}
		return false;
	case DOCUMENTS_RECAP:
		if (*cursor >= f->nperiods)
			return false;
		out->period = &f->periods[(*cursor)++];
		out->name = "recap";
		out->date = out->period->end;
		return true;
	case DOCUMENTS_LETTER:
		if (*cursor >= f->nletters)
			return false;
		out->letter = &f->letters[(*cursor)++];
		out->name = (size_t)out->letter->kind < NLETTERS
				? letter_names[out->letter->kind]
				: "letter";
		out->date = out->letter->dated;
		return true;
	}
	return false;
}

bool documents_within(const struct documents_entry *e, date_t as_of,
		      int within_days)
{
	if (within_days < 0)
		return true;
	switch (e->kind) {
	case DOCUMENTS_REPORT_BLANK:
		return report_csv_status_wanted(e->obligation, as_of,
						within_days);
	case DOCUMENTS_RECAP:
		return e->period->final ||
		       e->period->end <= date_add_days(as_of, within_days);
	default:
		return true;
	}
}

void documents_path(char path[OUTFILE_PATH_MAX], const struct dossier *d,
		    const struct documents_entry *e, const char *ext)
{
	outfile_path(path, d->id, d->employee.family_name, e->name, e->date,
		     ext);
}

static enum interview_kind obligation_interview(enum rules_obligation_kind k)
{
	switch (k) {
	case RULES_OBL_RECAP:
		return KIND_RECAP;
	case RULES_OBL_MID_CAREER:
		return KIND_MID_CAREER;
	case RULES_OBL_END_OF_CAREER:
		return KIND_END_OF_CAREER;
	default:
		return KIND_PERIODIC;
	}
}

/* The latest interview held before `before` (strictly), or DATE_NONE. */
static date_t previous_interview(const struct dossier *d, date_t before)
{
	date_t best = DATE_NONE;
	for (size_t i = 0; i < d->ninterviews; i++) {
		date_t at = d->interviews[i].date;
		if (at < before && at > best)
			best = at;
	}
	return best;
}

static const struct template *template_for(const struct documents *docs,
					   const struct documents_entry *e)
{
	switch (e->kind) {
	case DOCUMENTS_NOTICE:
		return docs->notice;
	case DOCUMENTS_REPORT:
	case DOCUMENTS_REPORT_BLANK:
		return docs->report;
	case DOCUMENTS_RECAP:
		return docs->recap;
	case DOCUMENTS_LETTER:
		if ((size_t)e->letter->kind < NLETTERS)
			return docs->letters[e->letter->kind];
		return NULL;
	}
	return NULL;
}

/* The environment of one document: its context and its own facts. */
static void fill_env(struct fields_env *env, const struct dossier *d,
		     const struct rules_facts *f,
		     const struct documents_entry *e)
{
	env->dossier = d;
	env->facts = f;
	env->date = e->date;
	env->regime = rules_regime_of(
	    d->company != NULL ? &d->company->rules : NULL, e->date);
	env->since = env->until = env->previous = DATE_NONE;
	switch (e->kind) {
	case DOCUMENTS_NOTICE:
		env->ctx = FIELDS_NOTICE;
		break;
	case DOCUMENTS_REPORT:
		env->ctx = FIELDS_REPORT;
		env->interview = e->interview;
		env->kind = e->interview->kind;
		env->previous = previous_interview(d, e->interview->date);
		env->since = env->previous;
		env->until = e->interview->date;
		break;
	case DOCUMENTS_REPORT_BLANK:
		env->ctx = FIELDS_REPORT;
		env->blank = true;
		env->obligation = e->obligation;
		env->kind = obligation_interview(e->obligation->kind);
		/* Filled in by hand on the day: what is known by as-of.  An
		 * overdue interview is held after as-of, so its form speaks
		 * the regime of that day, not of the missed due date. */
		if (f->as_of > e->date)
			env->regime = rules_regime_of(
			    d->company != NULL ? &d->company->rules : NULL,
			    f->as_of);
		env->previous = previous_interview(d, f->as_of + 1);
		env->since = env->previous;
		env->until = f->as_of;
		break;
	case DOCUMENTS_RECAP:
		env->ctx = FIELDS_RECAP;
		env->period = e->period;
		break;
	case DOCUMENTS_LETTER:
		env->ctx = FIELDS_LETTER;
		env->letter = e->letter;
		break;
	}
}

static bool fill_meta(struct doc *doc, const struct dossier *d,
		      const struct rules_facts *f)
{
	struct buf name = {0};
	fmt_person_name(&name, d->employee.civility, d->employee.given_name,
			d->employee.family_name);
	buf_put(&name, "", 1);
	doc->meta.footer_name =
	    name.oom ? NULL : doc_strdup(doc, (const char *)name.data);
	buf_free(&name);
	doc->meta.author =
	    doc_strdup(doc, d->company != NULL ? d->company->name : NULL);
	doc->meta.reference_date = f->as_of;
	/* The dossier names the culprit of an error about the whole
	 * document, such as a character no font has. */
	doc->meta.origin = d->file;
	doc->meta.origin_line = d->line;
	return doc->meta.footer_name != NULL && doc->meta.author != NULL;
}

static bool has_signature(const struct doc_node *n)
{
	if (n->type == DOC_SIGNATURE)
		return true;
	for (const struct doc_node *c = n->first; c != NULL; c = c->next)
		if (has_signature(c))
			return true;
	return false;
}

struct doc *documents_build(const struct documents *docs,
			    const struct dossier *d,
			    const struct rules_facts *f,
			    const struct documents_entry *e)
{
	const struct template *t = template_for(docs, e);
	struct doc *doc = doc_new();
	struct fields_env env = {0};
	struct rules_facts *notice = NULL;
	if (t == NULL) {
		/* A caller that did not ask documents_new() for this kind. */
		diag(MSG_DOC_TEMPLATE_NOT_LOADED, NULL, 0, e->name);
		doc_free(doc);
		return NULL;
	}
	if (doc == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	fill_env(&env, d, f, e);
	env.arena = doc->arena;
	if (e->kind == DOCUMENTS_NOTICE) {
		notice = rules_notice_facts(d, f, e->date);
		if (notice == NULL) {
			diag(MSG_OUT_OF_MEMORY, NULL, 0);
			doc_free(doc);
			return NULL;
		}
		env.notice = notice;
	}
	if (!fill_meta(doc, d, f)) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		rules_facts_free(notice);
		doc_free(doc);
		return NULL;
	}
	if (!template_expand(t, &env, doc)) {
		/* template_expand() said why. */
		rules_facts_free(notice);
		doc_free(doc);
		return NULL;
	}
	rules_facts_free(notice);
	doc->meta.initials = has_signature(doc->root);
	if (!typo_fr(doc)) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		doc_free(doc);
		return NULL;
	}
	return doc;
}
