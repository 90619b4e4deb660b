/*
 * French typography of a whole document tree: no-break spaces before
 * : ; ! ? and inside « », after n° and a civility, between a day and its
 * month, after a weekday, in "14 h 00"; "1er" in superscript (DOC_SUPER).
 * For documents.c; backends only lay out what it leaves.
 */
#ifndef PARCOURS_TYPO_H
#define PARCOURS_TYPO_H

#include <stdbool.h>

#include "doc.h"

#include "buf.h"

/* Appends s to out with each straight apostrophe made typographic (’). */
void typo_apostrophes(struct buf *out, const char *s);

/* Rewrites doc's text runs and title/subject in place; false on OOM. */
bool typo_fr(struct doc *doc);

#endif
