/*
 * From a schema-valid <dossier> or <company> element to the structs of
 * dossier.h, with the checks a schema cannot make (real calendar dates,
 * end after start, ranges, attributes that depend on others, unique ids
 * within a dossier).  For dossier_read.c and its tests only: it exposes
 * libxml2 types.
 */
#ifndef PARCOURS_DOSSIER_BUILD_H
#define PARCOURS_DOSSIER_BUILD_H

#include <libxml/tree.h>

#include "dossier.h"

/*
 * Builds the company of elem in arena, defaults filled in (rules.md).
 * Reports every problem with file and line; NULL if there was any, or
 * when out of memory (reported).  The company and its strings (file
 * included) are owned by arena.
 */
struct company *dossier_build_company(struct arena *arena, xmlNodePtr elem,
				      const char *file);

/*
 * Builds the dossier of elem.  Its company is its own <company> if it has
 * one (owned by the dossier), else inherited (the file's or --company's,
 * which must outlive the dossier; NULL leaves the dossier without one,
 * for the caller to report).  Reports every problem with file and line
 * and returns NULL if there was any, or when out of memory (reported).
 * The caller owns the dossier (dossier_free()).
 */
struct dossier *dossier_build(xmlNodePtr elem, const char *file,
			      const struct company *inherited);

#endif
