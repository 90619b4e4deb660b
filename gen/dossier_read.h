/*
 * Reading dossiers (dossier.md) from files, directories or standard input,
 * with libxml2: secure parse, RELAX NG validation, then the checks a
 * schema cannot make.  Every problem is reported through diag.h with file
 * and line; a dossier with errors is skipped and the others go on.
 * This header is libxml2-free; the libxml2 work is in dossier_read.c,
 * dossier_parse.c, dossier_schema.c and dossier_build.c.
 */
#ifndef PARCOURS_DOSSIER_READ_H
#define PARCOURS_DOSSIER_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "dossier.h"

struct dossier_source;

/*
 * Starts reading the inputs (files, directories read as their *.xml in
 * name order, or "-" for standard input).  company_file may be NULL.
 * schema_dir holds dossier.rng.  NULL after a diagnostic if the schema or
 * the company file cannot be loaded (a system or input error).
 */
struct dossier_source *dossier_source_new(char *const *inputs, int ninputs,
					  const char *company_file,
					  const char *schema_dir);

/*
 * The next valid dossier in input order, or NULL at the end.  Invalid
 * dossiers and unreadable files are reported and skipped.  The caller
 * owns the dossier (dossier_free()); its company lives as long as the
 * source.  Ids are checked unique across the whole run.
 */
struct dossier *dossier_source_next(struct dossier_source *);

/* Number of dossiers skipped for errors so far. */
unsigned long dossier_source_failed(const struct dossier_source *);

/*
 * Number of input files skipped whole so far: unreadable, not
 * well-formed, refused (DOCTYPE, XInclude) or with a wrong root element.
 */
unsigned long dossier_source_failed_files(const struct dossier_source *);

/*
 * Calls fn after each dossier skipped for errors (the file, the line of
 * its <dossier>, its id or NULL if it has none) and each input file
 * skipped whole (line 0, id NULL), once its errors are reported: the
 * batch runner names them in its summary.  NULL removes it.
 */
typedef void dossier_source_fail_fn(void *ctx, const char *file, long line,
				    const char *id);
void dossier_source_on_failure(struct dossier_source *,
			       dossier_source_fail_fn *fn, void *ctx);

/*
 * How far the reading is, for progress lines: *opened input files of
 * *total (the one being read included).
 */
void dossier_source_files(const struct dossier_source *, size_t *opened,
			  size_t *total);

/* NULL is a no-op. */
void dossier_source_free(struct dossier_source *);

#endif
