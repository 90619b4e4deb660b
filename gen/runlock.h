/*
 * The lock a run of `all` holds on its output directory, so that two runs
 * never write into one directory at once (each would sweep and replace
 * the other's files).  Shards of one campaign may share a directory: each
 * holds the directory shared and its own lock file exclusive, while a run
 * without --shard holds the directory exclusive.  flock(2) locks, released
 * by the kernel however the process ends: a killed run never leaves a
 * stale lock.  For the batch runner, and for verify, which ignores the
 * lock files.
 */
#ifndef PARCOURS_RUNLOCK_H
#define PARCOURS_RUNLOCK_H

#include <stdbool.h>

struct runlock;

/*
 * Takes the lock of shard k of n (n == 0: no sharding) on dir, which
 * exists, without waiting.  NULL after a system diagnostic naming the
 * directory, in particular when another run holds it.
 */
struct runlock *runlock_take(const char *dir, int k, int n);

/* Releases the lock; NULL is a no-op.  The lock file stays: removing it
 * would let a run that opened it and a new one both hold "the" lock. */
void runlock_free(struct runlock *);

/* Whether name (a file name in the output directory) is a lock file. */
bool runlock_is_name(const char *name);

#endif
