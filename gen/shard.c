/*
 * Shard assignment (see shard.h).  Hashing is nettle's.
 */
#include <stdint.h>
#include <string.h>

#include <nettle/sha2.h>

#include "shard.h"

int shard_of(const char *id, int n)
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, strlen(id), (const uint8_t *)id);
	sha256_digest(&ctx, sizeof(digest), digest);
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | digest[i];
	return (int)(v % (uint64_t)n) + 1;
}

bool shard_mine(const char *id, int k, int n)
{
	return n == 0 || shard_of(id, n) == k;
}
