/*
 * Shard assignment (see shard.h).  Hashing is OpenSSL's.
 */
#include <stdint.h>
#include <string.h>

#include <openssl/sha.h>

#include "shard.h"

int shard_of(const char *id, int n)
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	SHA256((const unsigned char *)id, strlen(id), digest);
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | digest[i];
	return (int)(v % (uint64_t)n) + 1;
}

bool shard_mine(const char *id, int k, int n)
{
	return n == 0 || shard_of(id, n) == k;
}
