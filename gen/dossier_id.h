/*
 * Dossier ids that would collide with the run-wide files of the output
 * directory.  A dossier's documents go to {id}/ beside manifest.csv,
 * status.csv, letters-merged.odt, index.html, their shard forms
 * (manifest-1-of-3.csv) and temporary names (letters-merged.odt.XXXXXX),
 * so an id spelt like one of them would make every run fail or, worse,
 * have one file taken for the other.  One rule covers them all, present
 * and future: no part of an id after a "." may be one of the run-wide
 * files' extensions (csv, odt, html, p7s, lock), case ignored (file
 * systems that ignore case are common on HR shares).  Plain C, no
 * libxml2, so that any reader can call it.
 */
#ifndef PARCOURS_DOSSIER_ID_H
#define PARCOURS_DOSSIER_ID_H

#include <stdbool.h>

/* Whether id (already of the schema's form) is refused by the rule. */
bool dossier_id_reserved(const char *id);

/*
 * Reports, with file and line, an id dossier_id_reserved() refuses;
 * true if the id may be used.
 */
bool dossier_id_check(const char *id, const char *file, long line);

#endif
