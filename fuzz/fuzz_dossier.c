/*
 * libFuzzer harness: the dossier reader (secure parse, RELAX NG,
 * explanations, checks), then the rules and the CSV rows of every dossier
 * it accepts.  For `make fuzz`; never linked into parcours.
 *
 * Besides crashes and leaks, it checks what the reader promises: a
 * dossier it returns has an id that can only name a folder under -o, the
 * required strings are there, and every file name built from it stays
 * inside the output directory, and the schema's patterns compiled once
 * judge the input as the schema as written does (dossier_patterns.h).
 * Written to nothing but memory.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "documents.h"
#include "dossier_parse.h"
#include "dossier_schema.h"
#include "fuzz_common.h"
#include "report_csv.h"
#include "rules.h"

/* An id is a file-name component: never "/" and never "." or "..". */
static void check_id(const char *id)
{
	if (id == NULL || id[0] == '\0' || strlen(id) > 64 ||
	    strchr(id, '/') != NULL || strcmp(id, ".") == 0 ||
	    strcmp(id, "..") == 0)
		abort();
}

/* Every output path is "{id}/{id}_…", with no ".." component. */
static void check_paths(const struct dossier *d, const struct rules_facts *f)
{
	static const enum documents_kind kinds[] = {
	    DOCUMENTS_NOTICE, DOCUMENTS_REPORT, DOCUMENTS_REPORT_BLANK,
	    DOCUMENTS_RECAP,  DOCUMENTS_LETTER,
	};
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		struct documents_entry e;
		size_t cursor = 0;
		while (documents_next(kinds[k], d, f, &cursor, &e)) {
			char path[OUTFILE_PATH_MAX];
			documents_path(path, d, &e, "pdf");
			size_t n = strlen(d->id);
			if (path[0] == '/' || strstr(path, "..") != NULL ||
			    strncmp(path, d->id, n) != 0 || path[n] != '/' ||
			    strchr(path + n + 1, '/') != NULL)
				abort();
		}
	}
}

static void one(const struct dossier *d, void *ctx)
{
	struct buf *csv = ctx;
	check_id(d->id);
	if (d->company == NULL || d->employee.given_name == NULL ||
	    d->employee.family_name == NULL || d->employment.job_title == NULL)
		abort();
	date_t as_of;
	if (!date_parse(FUZZ_AS_OF_ISO, &as_of))
		abort();
	struct rules_facts *f = rules_compute(d, as_of);
	if (f == NULL)
		return;
	check_paths(d, f);
	for (size_t i = 0; i < f->nobligations; i++) {
		struct report_csv_status row = {
		    .dossier = d->id,
		    .employee = d->employee.family_name,
		    .kind = f->obligations[i].kind,
		    .due = f->obligations[i].due,
		    .state = f->obligations[i].state,
		    .regime = f->obligations[i].regime,
		    .basis = f->obligations[i].basis,
		};
		report_csv_status_row(csv, &row);
	}
	report_csv_recap_rows(csv, d, f);
	rules_facts_free(f);
}

/* Both ways of validating give the same verdict on the whole input. */
static void check_verdicts(const uint8_t *data, size_t size)
{
	static struct dossier_schema *schema;
	if (schema == NULL &&
	    ((schema = dossier_schema_new(FUZZ_SRCDIR "/schema")) == NULL ||
	     !dossier_schema_patterns_apart(schema)))
		abort();
	struct dossier_parse_error err;
	xmlDocPtr doc = dossier_parse((const char *)data, size, &err);
	if (doc == NULL)
		return;
	if (dossier_schema_validate(schema, doc) !=
	    dossier_schema_validate_as_written(schema, doc))
		abort();
	xmlFreeDoc(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	check_verdicts(data, size);
	struct buf csv = {0};
	fuzz_each_dossier(fuzz_memfile(data, size), one, &csv);
	buf_free(&csv);
	return 0;
}
