/*
 * Manifest hashing and reading (see manifest.h).  Writing goes through
 * csv.c like every other CSV.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/sha.h>

#include "diag.h"
#include "manifest.h"

static void to_hex(const unsigned char *digest, char hex[SHA256_HEX_LEN])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_DIGEST_LENGTH; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[2 * SHA256_DIGEST_LENGTH] = '\0';
}

void manifest_sha256(const void *data, size_t len, char hex[SHA256_HEX_LEN])
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	SHA256(data, len, digest);
	to_hex(digest, hex);
}

struct manifest_hash {
	EVP_MD_CTX *ctx;
};

struct manifest_hash *manifest_hash_new(void)
{
	struct manifest_hash *h = malloc(sizeof(*h));
	if (h == NULL)
		return NULL;
	h->ctx = EVP_MD_CTX_new();
	if (h->ctx == NULL || !EVP_DigestInit_ex(h->ctx, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(h->ctx);
		free(h);
		return NULL;
	}
	return h;
}

void manifest_hash_add(struct manifest_hash *h, const void *data, size_t len)
{
	EVP_DigestUpdate(h->ctx, data, len);
}

void manifest_hash_end(struct manifest_hash *h, char hex[SHA256_HEX_LEN])
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	EVP_DigestFinal_ex(h->ctx, digest, NULL);
	to_hex(digest, hex);
	EVP_MD_CTX_free(h->ctx);
	free(h);
}

void manifest_key(const char *path, unsigned char key[MANIFEST_KEY_LEN])
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	SHA256((const unsigned char *)path, strlen(path), digest);
	memcpy(key, digest, MANIFEST_KEY_LEN);
}

bool manifest_sha256_fd(int fd, char hex[SHA256_HEX_LEN],
			unsigned long long *bytes, unsigned long long max)
{
	unsigned char chunk[65536], digest[SHA256_DIGEST_LENGTH];
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (ctx == NULL || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(ctx);
		errno = ENOMEM;
		return false;
	}
	bool ok = true;
	*bytes = 0;
	for (;;) {
		size_t want = sizeof(chunk);
		if (max - *bytes < want)
			want =
			    (size_t)(max - *bytes) + 1; /* one past: too long */
		ssize_t n = read(fd, chunk, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ok = false;
			break;
		}
		if (n == 0)
			break;
		EVP_DigestUpdate(ctx, chunk, (size_t)n);
		*bytes += (unsigned long long)n;
		if (*bytes > max)
			break;
	}
	int saved = errno;
	if (ok) {
		EVP_DigestFinal_ex(ctx, digest, NULL);
		to_hex(digest, hex);
	}
	EVP_MD_CTX_free(ctx);
	errno = saved;
	return ok;
}

bool manifest_sha256_file(const char *path, char hex[SHA256_HEX_LEN],
			  unsigned long long *bytes)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = manifest_sha256_fd(fd, hex, bytes, ~0ULL);
	int saved = errno;
	close(fd);
	errno = saved;
	return ok;
}

/*
 * Splits one RFC 4180 record into at most max fields (quoted fields may
 * hold commas and doubled quotes, not line breaks: manifests never have
 * them).  Fields are written NUL-separated into line itself.
 */
static int split_record(char *line, char **fields, int max)
{
	int n = 0;
	char *in = line, *out = line;
	for (;;) {
		if (n == max)
			return -1;
		fields[n++] = out;
		if (*in == '"') {
			in++;
			for (;;) {
				if (*in == '\0')
					return -1; /* unterminated quote */
				if (*in == '"' && in[1] == '"') {
					*out++ = '"';
					in += 2;
				} else if (*in == '"') {
					in++;
					break;
				} else {
					*out++ = *in++;
				}
			}
		} else {
			while (*in != ',' && *in != '\0')
				*out++ = *in++;
		}
		if (*in == '\0') {
			*out = '\0';
			return n;
		}
		if (*in != ',')
			return -1; /* text after a closing quote */
		*out++ = '\0';
		in++;
	}
}

static bool is_sha256_hex(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");
	return n == 64 && s[n] == '\0';
}

static bool parse_row(char *line, struct manifest_row *row)
{
	char *f[6], *end;
	if (split_record(line, f, 6) != 6 || !is_sha256_hex(f[1]) ||
	    f[0][0] == '\0')
		return false;
	errno = 0;
	row->bytes = strtoull(f[2], &end, 10);
	if (f[2][0] < '0' || f[2][0] > '9' || *end != '\0' || errno != 0)
		return false;
	memcpy(row->sha256, f[1], SHA256_HEX_LEN);
	row->path = f[0];
	row->dossier = f[3];
	row->document = f[4];
	row->reference_date = f[5];
	return true;
}

bool manifest_each(FILE *in, const char *name, manifest_row_fn *fn, void *ctx)
{
	char *line = NULL;
	size_t linecap = 0;
	long lineno = 0;
	bool ok = true;
	ssize_t len;
	while (ok && (len = getline(&line, &linecap, in)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if ((size_t)len != strlen(line)) {
			diag(MSG_MANIFEST_NUL_BYTE, name, lineno);
			ok = false;
		} else if (lineno == 1) {
			if (strcmp(line, MANIFEST_HEADER) != 0) {
				diag(MSG_MANIFEST_NOT_MANIFEST, name, 1,
				     MANIFEST_HEADER);
				ok = false;
			}
		} else {
			struct manifest_row row = {.line = lineno};
			if (!parse_row(line, &row)) {
				diag(MSG_MANIFEST_MALFORMED_ROW, name, lineno);
				ok = false;
			} else
				ok = fn(ctx, &row);
		}
	}
	if (ok && ferror(in)) {
		diag(MSG_VERIFY_CANNOT_READ_MANIFEST, name, 0, strerror(errno));
		ok = false;
	}
	if (ok && lineno == 0) {
		diag(MSG_VERIFY_MANIFEST_EMPTY, name, 0);
		ok = false;
	}
	free(line);
	return ok;
}
