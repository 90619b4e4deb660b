/*
 * Sharding a campaign over machines (--shard K/N): which shard a dossier
 * belongs to, from a stable hash of its id, so that every machine agrees
 * without talking to the others.  For the batch runner.
 */
#ifndef PARCOURS_SHARD_H
#define PARCOURS_SHARD_H

#include <stdbool.h>

/*
 * The shard (1 to n) of a dossier id: the first 8 bytes of the SHA-256
 * of the id, big-endian, modulo n.  The same on every machine and every
 * run; n must be at least 1.
 */
int shard_of(const char *id, int n);

/* true if id belongs to shard k of n; n == 0 (no sharding) takes all. */
bool shard_mine(const char *id, int k, int n);

#endif
