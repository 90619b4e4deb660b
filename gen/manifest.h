/*
 * The manifest of a batch (cli.md manifest.csv): one row per file written,
 * with its SHA-256, so that `verify` can prove later that nothing changed.
 * Hashing is OpenSSL's.  For the batch runner and cmd_verify.c.
 */
#ifndef PARCOURS_MANIFEST_H
#define PARCOURS_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define MANIFEST_HEADER "path,sha256,bytes,dossier,document,reference_date"
#define SHA256_HEX_LEN	65 /* 64 hex digits and NUL */

struct manifest_row {
	char *path; /* relative to the output directory */
	char sha256[SHA256_HEX_LEN];
	unsigned long long bytes;
	char *dossier; /* empty for run-wide files */
	char *document;
	char *reference_date;
	long line; /* in the manifest file */
};

/* Lower-case hex SHA-256 of data. */
void manifest_sha256(const void *data, size_t len, char hex[SHA256_HEX_LEN]);

/*
 * SHA-256 of bytes given piece by piece: manifest_hash_new() (NULL when
 * out of memory), manifest_hash_add() as they come, manifest_hash_end()
 * for the hex digest, which also frees the hash.
 */
struct manifest_hash;
struct manifest_hash *manifest_hash_new(void);
void manifest_hash_add(struct manifest_hash *, const void *data, size_t len);
void manifest_hash_end(struct manifest_hash *, char hex[SHA256_HEX_LEN]);

/*
 * A path's key: the first 16 bytes of its SHA-256, so that a set of
 * paths is held in 16 bytes each, whatever their length (the chance of
 * two paths of one manifest sharing a key is about n^2 / 2^129).
 */
#define MANIFEST_KEY_LEN 16
void manifest_key(const char *path, unsigned char key[MANIFEST_KEY_LEN]);

/*
 * Hashes a file; false with errno set if it cannot be read.  A file that
 * does not exist gives false with errno ENOENT.
 */
bool manifest_sha256_file(const char *path, char hex[SHA256_HEX_LEN],
			  unsigned long long *bytes);

/*
 * Hashes what can be read from fd, at most max bytes and one more (so
 * that a file longer than expected is not read to its end); false with
 * errno set on a read error.
 */
bool manifest_sha256_fd(int fd, char hex[SHA256_HEX_LEN],
			unsigned long long *bytes, unsigned long long max);

/*
 * Calls fn for each row of the manifest read from in (named name in
 * messages), in order; the row's strings live until fn returns.  false
 * after diagnostics (file and line) if a row is malformed, or as soon as
 * fn returns false.
 */
typedef bool manifest_row_fn(void *ctx, const struct manifest_row *row);
bool manifest_each(FILE *in, const char *name, manifest_row_fn *fn, void *ctx);

#endif
