/*
 * Employee names as documents and CSV files show them: the family name
 * upper-cased with its accents kept ("ŻÓŁĆ", "NGUYỄN").  For the
 * commands and the templates.
 */
#ifndef PARCOURS_NAMES_H
#define PARCOURS_NAMES_H

#include "buf.h"
#include "dossier.h"

/*
 * Appends s (UTF-8) upper-cased: Latin with Latin-1, Extended-A and B and
 * the Vietnamese Latin Extended Additional, Greek and Cyrillic; accents
 * kept, "ß" as "SS".  Anything else, and invalid bytes, are copied.
 */
void names_put_upper(struct buf *, const char *s);

/*
 * Each returns a new string that the caller frees with free(); NULL when
 * out of memory.
 */
/* s upper-cased as names_put_upper() does. */
char *names_upper(const char *s);
/* "BENALI Aïcha": family name first, for lists sorted by name (CSV). */
char *names_family_first(const struct employee *);
/* "Mme Aïcha BENALI", "M. Łukasz ŻÓŁĆ"; no civility: "Aïcha BENALI". */
char *names_full(const struct employee *);

#endif
