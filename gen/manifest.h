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

struct manifest {
	struct manifest_row *rows;
	size_t nrows;
};

/* Lower-case hex SHA-256 of data. */
void manifest_sha256(const void *data, size_t len, char hex[SHA256_HEX_LEN]);

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

/* manifest_read() from a stream, named name in messages. */
struct manifest *manifest_read_stream(FILE *in, const char *name);

/*
 * Reads a manifest.csv; NULL after diagnostics (file and line) if it
 * cannot be read or a row is malformed.  Free with manifest_free().
 */
struct manifest *manifest_read(const char *path);
void manifest_free(struct manifest *);

#endif
