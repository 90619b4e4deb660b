/*
 * The INPUT arguments of cli.md expanded into the list of files to read:
 * a directory gives its *.xml files in name order (not recursive), "-"
 * stays "-" (standard input).  For the dossier reader.
 */
#ifndef PARCOURS_INPUTS_H
#define PARCOURS_INPUTS_H

#include <stddef.h>

/* The name files read from standard input are reported under. */
#define INPUTS_STDIN_NAME "<stdin>"

struct inputs;

/*
 * Expands args in order.  A directory that cannot be listed is reported
 * (an error) and contributes nothing; a path that is not a directory is
 * kept as given, to be reported when it is read.  NULL when out of memory
 * (after a diagnostic).  The caller owns the result (inputs_free()).
 */
struct inputs *inputs_new(char *const *args, int nargs);

/* Number of files. */
size_t inputs_count(const struct inputs *);

/*
 * The i-th path as it should appear in messages ("dir/a.xml", "-" for
 * standard input).  Owned by the list.
 */
const char *inputs_path(const struct inputs *, size_t i);

/* NULL is a no-op. */
void inputs_free(struct inputs *);

/*
 * Reads the whole file at path, or standard input for "-".  Returns a
 * NUL-terminated buffer of *size bytes that the caller frees (free()), or
 * NULL with errno set.
 */
char *inputs_slurp(const char *path, size_t *size);

/*
 * inputs_slurp() that gives up on a file of more than max bytes, with
 * errno EFBIG: a regular file by its size, before reading anything;
 * standard input or a pipe after max + 1 bytes.  max < SIZE_MAX.
 */
char *inputs_slurp_max(const char *path, size_t max, size_t *size);

#endif
