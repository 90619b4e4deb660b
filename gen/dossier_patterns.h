/*
 * The lexical patterns of the dossier schema, compiled once.  For
 * dossier_schema.c only: it exposes libxml2 types.
 *
 * libxml2's RELAX NG validator compiles a <param name="pattern"> into a
 * regular expression each time it checks a value against it, and frees
 * it after: a dossier's dates, counts and ids made that a third of the
 * cost of validating it, which is the cost of reading it.  So the schema
 * is compiled twice: as it is, and without its patterns; a dossier is
 * validated against the second, then each of its values that a pattern
 * constrains is checked here, by the very functions the validator
 * calls, against the expression compiled once.  When either says no,
 * the dossier is validated again against the schema as it is, which
 * alone decides and explains: a pattern is never judged here but to say
 * yes to what libxml2 would accept.
 *
 * That holds only if every value a pattern reaches is found here.  The
 * table is built from the schema's own tree and knows one way of using a
 * pattern: a <define> holding only <data type="token">, referenced as
 * the whole content of an <attribute name> or an <element name>.  A
 * schema that uses one any other way gets no table, and every dossier is
 * validated as before.
 */
#ifndef PARCOURS_DOSSIER_PATTERNS_H
#define PARCOURS_DOSSIER_PATTERNS_H

#include <stdbool.h>

#include <libxml/tree.h>

struct dossier_patterns;

/*
 * The patterns of the schema tree rng (its <grammar> root) and the
 * places they apply, with *stripped a copy of rng without its pattern
 * parameters, owned by the caller.  NULL (and *stripped NULL) when the
 * schema uses a pattern in a way this cannot follow, or out of memory:
 * then only the schema as it is validates.
 */
struct dossier_patterns *dossier_patterns_new(xmlDocPtr rng,
					      xmlDocPtr *stripped);

/*
 * Whether every value of doc in a place the table knows matches its
 * patterns: true when all do, false when one does not, or when a value
 * cannot be read the way the validator reads it (or out of memory).
 */
bool dossier_patterns_hold(const struct dossier_patterns *, xmlDocPtr doc);

/* NULL is a no-op. */
void dossier_patterns_free(struct dossier_patterns *);

#endif
