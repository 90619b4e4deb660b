/*
 * The CSV importer (doc/import.md): an HR export of several CSV files
 * (employees, companies, absences, trainings, convocations, ...) joined
 * on the employee id, turned into one <dossiers> document per company.
 * Works on memory only, so that the fuzzer runs it as cmd_import.c does.
 */
#ifndef PARCOURS_IMPORT_H
#define PARCOURS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The largest CSV file the importer takes.  A caller that knows a file
 * is larger may hand its length with no data: it is refused as it would
 * be read.
 */
#define IMPORT_MAX_FILE_BYTES (512L * 1024 * 1024)

/* One CSV file of the export, read by the caller. */
struct import_file {
	const char *name; /* its path: the kind comes from its base name */
	const char *data;
	size_t len;
};

/* One company's document, handed to the caller as soon as it is made. */
struct import_output {
	const char *company_id; /* the file is "{company_id}.xml" */
	const char *xml;
	size_t len;
	size_t ndossiers;
};

/* Writes one document; false stops the run (after a diagnostic). */
typedef bool import_emit_fn(void *ctx, const struct import_output *);

struct import_result {
	size_t nfiles;	  /* documents emitted */
	size_t ndossiers; /* in them */
	size_t nrejected; /* employees left out for an error */
	bool stopped;	  /* emit said stop */
};

struct import_map;

/*
 * Reads a --map file: a CSV of two columns, the export's header then
 * the column name of doc/import.md ("Date entrée,hire_date").  NULL
 * after diagnostics.  Free with import_map_free() (NULL ok).
 */
struct import_map *import_map_read(const char *name, const char *data,
				   size_t len);
void import_map_free(struct import_map *);

/*
 * Imports the files (map may be NULL): every problem is reported
 * through diag.h with file, line and column, then each company's
 * document goes to emit, one at a time (so that memory holds one), in
 * the order the companies first appear.  An employee with a problem in
 * any of its rows gets no dossier, the others do.  false when out of
 * memory (after a diagnostic); *res says what was done.
 */
bool import_run(const struct import_file *files, size_t n,
		const struct import_map *map, import_emit_fn *emit, void *ctx,
		struct import_result *res);

#endif
