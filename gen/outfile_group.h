/*
 * Files written together, each atomically as outfile_write() does
 * (outfile.h), but flushed to disk once for the lot: an fsync() per file
 * is a journal commit each, milliseconds of waiting per document, where
 * one sync of the file system serves a whole dossier.  For the commands
 * and the batch runner, which write a dossier's documents as one group.
 */
#ifndef PARCOURS_OUTFILE_GROUP_H
#define PARCOURS_OUTFILE_GROUP_H

#include <stdbool.h>
#include <stddef.h>

struct outfile_group;

/*
 * A group of files under root (copied).  NULL after a system diagnostic
 * (out of memory); the caller frees it with outfile_group_free().
 */
struct outfile_group *outfile_group_new(const char *root);

/*
 * Writes data to a temporary file beside root/relpath (outfile_is_temp()
 * knows its name), creating the directories.  false after a system
 * diagnostic naming the file, whose temporary file is removed; the
 * group's other files stay pending.
 */
bool outfile_group_add(struct outfile_group *, const char *relpath,
		       const void *data, size_t len);

/*
 * Flushes the pending files to disk, then renames each into place; the
 * group is empty afterwards.  false after a system diagnostic naming the
 * file; no temporary file is left.
 */
bool outfile_group_commit(struct outfile_group *);

/* Removes the pending files' temporary files: the group is empty. */
void outfile_group_discard(struct outfile_group *);

/* Discards what is pending and frees the group; NULL is a no-op. */
void outfile_group_free(struct outfile_group *);

#endif
