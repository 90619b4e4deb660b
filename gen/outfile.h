/*
 * Output files: names built from data only (cli.md "Output files") and
 * atomic writes, so that an interrupted run never leaves a half-written
 * file under a final name.  For the commands and the batch runner.
 */
#ifndef PARCOURS_OUTFILE_H
#define PARCOURS_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "date.h"

/* Longest relative path outfile_path() writes, NUL included. */
#define OUTFILE_PATH_MAX 256

/*
 * Writes "{id}/{id}_{FAMILY}_{document}_{date}.{ext}" into path.  The id
 * has been checked by the reader (letters, digits, - _ .; never "/" and
 * never "." or ".." alone); FAMILY is ascii_fold_name(family).
 */
void outfile_path(char path[OUTFILE_PATH_MAX], const char *dossier_id,
		  const char *family, const char *document, date_t date,
		  const char *ext);

/*
 * Writes all of data to fd, again after EINTR and short writes; false
 * after an error (errno from write(), or unchanged if a write wrote
 * nothing).
 */
bool outfile_write_all(int fd, const void *data, size_t len);

/* Creates dir and its parents (0755) if missing; false after diag. */
bool outfile_mkdirs(const char *dir);

/*
 * Writes data to root/relpath atomically: a temporary file in the same
 * directory, flushed to disk, then renamed over the final name.  Creates
 * the directories.  false after a system diagnostic naming the file; no
 * temporary file is left behind.
 */
bool outfile_write(const char *root, const char *relpath, const void *data,
		   size_t len);

/*
 * A file written in pieces, atomically as outfile_write() does: the
 * pieces go to a temporary file in the final directory, renamed into
 * place by outfile_commit().  For files too big to hold in memory (the
 * batch runner's CSVs and manifest).
 */
struct outfile;

/* NULL after a system diagnostic.  Creates the directories. */
struct outfile *outfile_open(const char *root, const char *relpath);
/* The temporary file's path, to read back what was written so far. */
const char *outfile_temp_path(const struct outfile *f);
/* Where to write; the stream belongs to f. */
FILE *outfile_stream(struct outfile *f);
/*
 * Flushes, syncs and renames into place, then frees f.  false after a
 * system diagnostic naming the file; the temporary file is removed.
 */
bool outfile_commit(struct outfile *f);
/* Removes the temporary file and frees f; NULL is a no-op. */
void outfile_discard(struct outfile *f);
/*
 * Closes and frees f in a process that inherited it through fork(),
 * leaving the temporary file to the parent that is writing it; NULL is
 * a no-op.
 */
void outfile_abandon(struct outfile *f);

/* The mode of the files parcours writes: 0644 less the umask. */
mode_t outfile_mode(void);
/*
 * Creates, relative to dirfd (or AT_FDCWD), the temporary name for path
 * ("DIR/NAME" or "NAME"): "DIR/.NAME.XXXXXX", six random letters or
 * digits, created anew (O_EXCL, no link followed) with mode; written to
 * tmp.  The descriptor, open for reading too (as mkstemp()'s: the seal
 * reads the manifest back through it), or -1 with errno set.
 */
int outfile_temp(int dirfd, const char *path, mode_t mode, char *tmp,
		 size_t size);
/*
 * true if name (a file name, no directory) is one of outfile_temp()'s
 * names: of the final name final, or of any if final is NULL.  With
 * final, libzip's "final.XXXXXX" is one too.  Such a file is left behind
 * only by a process that was killed while writing.
 */
bool outfile_is_temp(const char *name, const char *final);

#endif
