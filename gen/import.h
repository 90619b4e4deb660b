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

/* One CSV file of the export, read by the caller. */
struct import_file {
	const char *name; /* its path: the kind comes from its base name */
	const char *data;
	size_t len;
};

/* One company's document. */
struct import_output {
	char *company_id; /* the file is "{company_id}.xml" */
	char *xml;
	size_t len;
	size_t ndossiers;
};

struct import_result {
	struct import_output *files;
	size_t nfiles;
	size_t ndossiers; /* written */
	size_t nrejected; /* employees left out for an error */
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
 * Imports the files (map may be NULL).  Every problem is reported
 * through diag.h with file, line and column; an employee with a
 * problem in any of its rows gets no dossier, the others do.  NULL only
 * when nothing could be done (no employees file, out of memory).  The
 * caller frees the result with import_result_free() (NULL ok).
 */
struct import_result *import_run(const struct import_file *files, size_t n,
				 const struct import_map *map);
void import_result_free(struct import_result *);

#endif
