/*
 * Family names reduced to ASCII for file names.  For outfile.c and tests.
 */
#ifndef PARCOURS_ASCII_FOLD_H
#define PARCOURS_ASCII_FOLD_H

#include <stddef.h>

/*
 * Writes into out (size bytes, NUL-terminated, truncated if need be) the
 * name upper-cased in ASCII letters, digits and '-': accents dropped,
 * "Ł" -> "L", "Æ" -> "AE", spaces -> '-', other characters removed.
 * Returns the length written; 0 if nothing is left.
 */
size_t ascii_fold_name(const char *name, char *out, size_t size);

#endif
