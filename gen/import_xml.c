/*
 * The documents the CSV importer writes: one <dossiers> per company, in
 * the element order of dossier.md, through libxml2's xmlTextWriter (which
 * escapes every text).  For import.c.
 */
#include <libxml/xmlwriter.h>
#include <string.h>

#include "import_internal.h"

struct out {
	xmlTextWriterPtr w;
	int rc; /* < 0 once libxml2 failed */
};

static void start(struct out *o, const char *name)
{
	if (o->rc >= 0)
		o->rc = xmlTextWriterStartElement(o->w, BAD_CAST name);
}

static void end(struct out *o)
{
	if (o->rc >= 0)
		o->rc = xmlTextWriterEndElement(o->w);
}

static void attr(struct out *o, const char *name, const char *value)
{
	if (o->rc >= 0 && value != NULL)
		o->rc = xmlTextWriterWriteAttribute(o->w, BAD_CAST name,
						    BAD_CAST value);
}

static void text(struct out *o, const char *value)
{
	if (o->rc >= 0 && value != NULL)
		o->rc = xmlTextWriterWriteString(o->w, BAD_CAST value);
}

/* <name>value</name> when value is given. */
static void element(struct out *o, const char *name, const char *value)
{
	if (value == NULL)
		return;
	start(o, name);
	text(o, value);
	end(o);
}

static void address(struct out *o, char *const *v, int line1, int postcode,
		    int city)
{
	if (v[line1] == NULL)
		return;
	start(o, "address");
	for (int i = line1; i < line1 + 3; i++)
		element(o, "line", v[i]);
	element(o, "postcode", v[postcode]);
	element(o, "city", v[city]);
	end(o);
}

static void company(struct out *o, const struct import_company *c)
{
	char *const *v = c->v;
	start(o, "company");
	attr(o, "id", c->id);
	element(o, "name", v[IC_COMPANY_NAME]);
	element(o, "siret", v[IC_COMPANY_SIRET]);
	element(o, "headcount", v[IC_COMPANY_HEADCOUNT]);
	address(o, v, IC_COMPANY_LINE1, IC_COMPANY_POSTCODE, IC_COMPANY_CITY);
	start(o, "signatory");
	element(o, "name", v[IC_SIGNATORY_NAME]);
	element(o, "title", v[IC_SIGNATORY_TITLE]);
	end(o);
	if (v[IC_REGIME] || v[IC_REFORM_DATE] || v[IC_PERIODICITY] ||
	    v[IC_RETURN_DAYS] || v[IC_ABONDEMENT_EUR]) {
		start(o, "rules");
		attr(o, "regime", v[IC_REGIME]);
		attr(o, "reform-date", v[IC_REFORM_DATE]);
		attr(o, "periodicity-months", v[IC_PERIODICITY]);
		attr(o, "return-offer-days", v[IC_RETURN_DAYS]);
		attr(o, "abondement-eur", v[IC_ABONDEMENT_EUR]);
		end(o);
	}
	end(o);
}

/* The attributes ("@x") and text (".") of one record row. */
static void record(struct out *o, const struct import_kind_spec *k,
		   const struct import_row *row)
{
	start(o, k->item);
	for (size_t c = 0; c < k->ncols; c++)
		if (k->cols[c].xml != NULL && k->cols[c].xml[0] == '@')
			attr(o, k->cols[c].xml + 1, row->v[c]);
	for (size_t c = 0; c < k->ncols; c++)
		if (k->cols[c].xml != NULL && strcmp(k->cols[c].xml, ".") == 0)
			text(o, row->v[c]);
	end(o);
}

static void records(struct out *o, const struct import_employee *e,
		    struct import_table *const *tables, enum import_kind kind)
{
	const struct import_kind_spec *k = &import_kinds[kind];
	if (e->nrows[kind] == 0)
		return;
	start(o, k->list);
	for (size_t i = 0; i < e->nrows[kind]; i++)
		record(o, k, &tables[kind]->rows[e->rows[kind][i]]);
	end(o);
}

/* Whether row has a value for a column whose xml starts with prefix. */
static bool has_prefix(const struct import_kind_spec *k,
		       const struct import_row *row, const char *prefix)
{
	size_t n = strlen(prefix);
	for (size_t c = 0; c < k->ncols; c++)
		if (k->cols[c].xml != NULL &&
		    strncmp(k->cols[c].xml, prefix, n) == 0 &&
		    row->v[c] != NULL)
			return true;
	return false;
}

/* One element whose attributes are the columns with this prefix. */
static void prefixed_element(struct out *o, const struct import_kind_spec *k,
			     const struct import_row *row, const char *prefix,
			     const char *name)
{
	if (!has_prefix(k, row, prefix))
		return;
	start(o, name);
	for (size_t c = 0; c < k->ncols; c++)
		if (k->cols[c].xml != NULL &&
		    strncmp(k->cols[c].xml, prefix, 2) == 0)
			attr(o, k->cols[c].xml + 2, row->v[c]);
	end(o);
}

static void interview(struct out *o, const struct import_employee *e,
		      struct import_table *const *tables,
		      const struct import_row *row)
{
	const struct import_kind_spec *k = &import_kinds[IMPORT_INTERVIEWS];
	const struct import_kind_spec *ak = &import_kinds[IMPORT_ACTIONS];
	const char *id = row->v[IC_RECORD_INTERVIEW];
	size_t nactions = 0;
	for (size_t i = 0; i < e->nrows[IMPORT_ACTIONS]; i++)
		if (strcmp(tables[IMPORT_ACTIONS]
			       ->rows[e->rows[IMPORT_ACTIONS][i]]
			       .v[IC_RECORD_INTERVIEW],
			   id) == 0)
			nactions++;
	start(o, k->item);
	for (size_t c = 0; c < k->ncols; c++)
		if (k->cols[c].xml != NULL && k->cols[c].xml[0] == '@')
			attr(o, k->cols[c].xml + 1, row->v[c]);
	if (has_prefix(k, row, "r:") || has_prefix(k, row, "i:") ||
	    nactions > 0) {
		start(o, "report");
		for (size_t c = 0; c < k->ncols; c++) {
			const char *x = k->cols[c].xml;
			if (x != NULL && strncmp(x, "r:", 2) == 0)
				element(o, x + 2, row->v[c]);
			/* actions follow the project, as in dossier.md */
			if (x != NULL && strcmp(x, "r:project") == 0 &&
			    nactions > 0) {
				start(o, "actions");
				for (size_t i = 0; i < e->nrows[IMPORT_ACTIONS];
				     i++) {
					const struct import_row *a =
					    &tables[IMPORT_ACTIONS]->rows
						 [e->rows[IMPORT_ACTIONS][i]];
					if (strcmp(a->v[IC_RECORD_INTERVIEW],
						   id) == 0)
						record(o, ak, a);
				}
				end(o);
			}
			if (x != NULL && strcmp(x, "r:project") == 0)
				prefixed_element(o, k, row,
						 "i:", "information");
		}
		end(o);
	}
	prefixed_element(o, k, row, "s:", "signatures");
	end(o);
}

static void dossier(struct out *o, const struct import_employee *e,
		    struct import_table *const *tables)
{
	char *const *v = e->row->v;
	start(o, "dossier");
	attr(o, "id", v[IC_EMPLOYEE_ID]);
	start(o, "employee");
	element(o, "civility", v[IC_CIVILITY]);
	element(o, "given-name", v[IC_GIVEN_NAME]);
	element(o, "family-name", v[IC_FAMILY_NAME]);
	element(o, "birth-date", v[IC_BIRTH_DATE]);
	address(o, v, IC_LINE1, IC_POSTCODE, IC_CITY);
	element(o, "email", v[IC_EMAIL]);
	end(o);
	start(o, "employment");
	attr(o, "contract", v[IC_CONTRACT]);
	attr(o, "hire-date", v[IC_HIRE_DATE]);
	attr(o, "seniority-date", v[IC_SENIORITY_DATE]);
	attr(o, "exit-date", v[IC_EXIT_DATE]);
	element(o, "job-title", v[IC_JOB_TITLE]);
	element(o, "department", v[IC_DEPARTMENT]);
	element(o, "manager", v[IC_MANAGER]);
	records(o, e, tables, IMPORT_POSITIONS);
	end(o);
	if (v[IC_NOTICE_DELIVERED] != NULL) {
		start(o, "notice");
		attr(o, "delivered", v[IC_NOTICE_DELIVERED]);
		attr(o, "method", v[IC_NOTICE_METHOD]);
		end(o);
	}
	static const enum import_kind order[] = {
	    IMPORT_ABSENCES,	IMPORT_MANDATES,       IMPORT_VISITS,
	    IMPORT_TRAININGS,	IMPORT_CERTIFICATIONS, IMPORT_PROGRESSIONS,
	    IMPORT_ABONDEMENTS, IMPORT_CONVOCATIONS,
	};
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		records(o, e, tables, order[i]);
	if (e->nrows[IMPORT_INTERVIEWS] > 0) {
		start(o, "interviews");
		for (size_t i = 0; i < e->nrows[IMPORT_INTERVIEWS]; i++)
			interview(o, e, tables,
				  &tables[IMPORT_INTERVIEWS]
				       ->rows[e->rows[IMPORT_INTERVIEWS][i]]);
		end(o);
	}
	end(o);
}

bool import_xml_company(struct buf *out, const struct import_company *c,
			const struct import_employee *emps, const size_t *idx,
			size_t n,
			struct import_table *const tables[IMPORT_NKINDS])
{
	xmlBufferPtr xb = xmlBufferCreate();
	if (xb == NULL)
		return false;
	struct out o = {.w = xmlNewTextWriterMemory(xb, 0)};
	if (o.w == NULL) {
		xmlBufferFree(xb);
		return false;
	}
	xmlTextWriterSetIndent(o.w, 1);
	xmlTextWriterSetIndentString(o.w, BAD_CAST "  ");
	o.rc = xmlTextWriterStartDocument(o.w, "1.0", "UTF-8", NULL);
	if (o.rc >= 0)
		o.rc = xmlTextWriterWriteComment(
		    o.w, BAD_CAST " Written by parcours import (dossier.md, "
				  "format version 1). ");
	start(&o, "dossiers");
	attr(&o, "version", "1");
	company(&o, c);
	for (size_t i = 0; i < n; i++)
		dossier(&o, &emps[idx[i]], tables);
	end(&o);
	if (o.rc >= 0)
		o.rc = xmlTextWriterEndDocument(o.w);
	xmlFreeTextWriter(o.w);
	bool ok = o.rc >= 0;
	if (ok) {
		/* The document changes hands instead of being copied. */
		size_t len = (size_t)xmlBufferLength(xb);
		xmlChar *data = xmlBufferDetach(xb);
		ok = data != NULL;
		buf_free(out);
		*out = (struct buf){.data = data, .len = len, .cap = len};
	}
	xmlBufferFree(xb);
	return ok;
}
