/*
 * Files written together, each atomically as outfile_write() does
 * (outfile.h), but flushed to disk once for the lot: an fsync() per file
 * is a journal commit each, milliseconds of waiting per document, and
 * even one sync of the file system per dossier was 7 % of the CPU of
 * `parcours report`.  A group gathers the files of many dossiers and is
 * committed (one syncfs(), then the renames) when outfile_group_due()
 * says enough is pending, and at the end of the run.  A file has its
 * final name only once its bytes are on disk; until then it has only
 * its temporary name (outfile_is_temp()), which a process killed
 * before the commit leaves behind for `all` to sweep.
 *
 * The files added since the last outfile_group_complete() are the
 * incomplete whole being written (a dossier's documents, for the batch
 * worker, which writes a dossier whole or not at all):
 * outfile_group_discard_incomplete() gives it up and keeps the complete
 * ones pending.  A caller for whom each file stands on its own (the
 * per-type commands) need never mark anything: a commit renames every
 * pending file, complete or not.  For the commands and the batch runner.
 */
#ifndef PARCOURS_OUTFILE_GROUP_H
#define PARCOURS_OUTFILE_GROUP_H

#include <stdbool.h>
#include <stddef.h>

/*
 * When a commit is due (either bound).  64 files make a sync cost a
 * hundredth of what it cost per dossier, below the noise; 8 MiB (some
 * 90 reports, a tenth of a second of rendering) bounds what a run
 * killed before its commit leaves in temporary files and loses.  A
 * pending file holds its descriptor until the commit lets its pages go
 * (at most OUTFILE_GROUP_HELD_FILES do; the others are closed at once),
 * and its directory one shared by all of the directory's files (the root
 * one more, while any is pending), so that descriptors stay bounded.
 */
#define OUTFILE_GROUP_DUE_FILES	 64
#define OUTFILE_GROUP_DUE_BYTES	 (8u << 20)
#define OUTFILE_GROUP_HELD_FILES 64

struct outfile_group;

/*
 * A group of files under root (copied).  NULL after a system diagnostic
 * (out of memory); the caller frees it with outfile_group_free().
 */
struct outfile_group *outfile_group_new(const char *root);

/*
 * Writes data to a temporary file beside root/relpath (outfile_is_temp()
 * knows its name), creating the directories; it is pending, part of the
 * incomplete whole, until the commit.  false after a system diagnostic
 * naming the file, whose temporary file is removed; the group's other
 * files stay pending.
 */
bool outfile_group_add(struct outfile_group *, const char *relpath,
		       const void *data, size_t len);

/*
 * The files added since the last call are a complete whole: no
 * outfile_group_discard_incomplete() removes them.
 */
void outfile_group_complete(struct outfile_group *);

/*
 * Removes the temporary files of the files added since the last
 * outfile_group_complete() (or since the commit); the complete ones stay
 * pending, for the next commit.
 */
void outfile_group_discard_incomplete(struct outfile_group *);

/* true when enough is pending for the caller to commit (see above). */
bool outfile_group_due(const struct outfile_group *);

/*
 * Flushes every pending file to disk (one syncfs()), then renames each
 * into place; the group is empty afterwards.  A file that cannot be
 * renamed is reported and its temporary file removed, and the others
 * still go into place; when the sync fails, it is reported naming the
 * first file and none goes.  false after such a system diagnostic; no
 * temporary file is left either way.
 */
bool outfile_group_commit(struct outfile_group *);

/*
 * Frees the group, removing the temporary files of whatever is pending,
 * complete or not: commit first what is to be kept.  NULL is a no-op.
 */
void outfile_group_free(struct outfile_group *);

#endif
