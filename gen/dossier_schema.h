/*
 * The dossier schema (schema/dossier.rng): RELAX NG validation by
 * libxml2, and readable explanations of what does not validate.  For the
 * dossier reader (dossier_read.c) and its tests only: it exposes libxml2
 * types.
 *
 * libxml2 decides validity.  Its messages are too terse to act on ("Element
 * convocation failed to validate attributes") and it stops at the first
 * problem of an element, so the explanation walks the schema document
 * itself and names every attribute, element and value that does not fit,
 * quoting the schema's a:documentation for the expected form.
 */
#ifndef PARCOURS_DOSSIER_SCHEMA_H
#define PARCOURS_DOSSIER_SCHEMA_H

#include <stdbool.h>

#include <libxml/tree.h>

struct dossier_schema;

/*
 * Loads and compiles dir/dossier.rng.  NULL after a system diagnostic if
 * it cannot be read or compiled.  The caller owns the result
 * (dossier_schema_free()).  libxml2 must be initialised and its error
 * handlers set by the caller (see dossier_read.c).
 */
struct dossier_schema *dossier_schema_new(const char *dir);

/* NULL is a no-op. */
void dossier_schema_free(struct dossier_schema *);

/*
 * Validates a document: 1 valid, 0 invalid, -1 out of memory (reported).
 * Reports nothing else.
 */
int dossier_schema_validate(struct dossier_schema *, xmlDocPtr doc);

/*
 * The same verdict from the schema as written, patterns and all, never
 * through dossier_patterns.h: for the tests that hold the two to the
 * same answers.
 */
int dossier_schema_validate_as_written(struct dossier_schema *, xmlDocPtr doc);

/* Whether the schema's patterns are compiled apart (for the tests). */
bool dossier_schema_patterns_apart(const struct dossier_schema *);

/*
 * Validates elem and its subtree as if it were a document of its own,
 * leaving out its children named skip (NULL: none): how one <dossier> of a
 * file, or a file's envelope without its dossiers, is judged apart from
 * the rest.  Same results as dossier_schema_validate().
 */
int dossier_schema_validate_part(struct dossier_schema *, xmlNodePtr elem,
				 const char *skip);

/*
 * Reports, through diag() with file and line, every problem found
 * in elem's subtree (not descending into children named skip), in line
 * order.  Values are quoted except inside <employee>, whose data is
 * personal.  Call it after a failed validation: if the walk finds
 * nothing, libxml2's own message from that validation is reported
 * instead.  Returns the number of problems the walk found itself.
 */
unsigned dossier_schema_explain(struct dossier_schema *, xmlNodePtr elem,
				const char *skip, const char *file);

#endif
