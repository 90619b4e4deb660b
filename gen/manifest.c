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

#include "buf.h"
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

bool manifest_sha256_file(const char *path, char hex[SHA256_HEX_LEN],
			  unsigned long long *bytes)
{
	unsigned char chunk[65536], digest[SHA256_DIGEST_LENGTH];
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return false;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (ctx == NULL || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(ctx);
		close(fd);
		errno = ENOMEM;
		return false;
	}
	*bytes = 0;
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;
			EVP_MD_CTX_free(ctx);
			close(fd);
			errno = saved;
			return false;
		}
		if (n == 0)
			break;
		EVP_DigestUpdate(ctx, chunk, (size_t)n);
		*bytes += (unsigned long long)n;
	}
	close(fd);
	EVP_DigestFinal_ex(ctx, digest, NULL);
	EVP_MD_CTX_free(ctx);
	to_hex(digest, hex);
	return true;
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
	row->path = strdup(f[0]);
	row->dossier = strdup(f[3]);
	row->document = strdup(f[4]);
	row->reference_date = strdup(f[5]);
	return row->path != NULL && row->dossier != NULL &&
	       row->document != NULL && row->reference_date != NULL;
}

struct manifest *manifest_read(const char *path)
{
	FILE *in = fopen(path, "r");
	if (in == NULL) {
		diag_system(path, "cannot read the manifest: %s",
			    strerror(errno));
		return NULL;
	}
	struct manifest *m = calloc(1, sizeof(*m));
	size_t cap = 0;
	char *line = NULL;
	size_t linecap = 0;
	long lineno = 0;
	bool ok = m != NULL;
	ssize_t len;
	while (ok && (len = getline(&line, &linecap, in)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (lineno == 1) {
			if (strcmp(line, MANIFEST_HEADER) != 0) {
				diag_error(path, 1, "not a parcours manifest "
						    "(expected the header "
						    "\"%s\")",
					   MANIFEST_HEADER);
				ok = false;
			}
			continue;
		}
		if (m->nrows == cap) {
			cap = cap ? cap * 2 : 64;
			void *p = realloc(m->rows, cap * sizeof(*m->rows));
			if (p == NULL) {
				diag_system(path, "out of memory");
				ok = false;
				break;
			}
			m->rows = p;
		}
		struct manifest_row *row = &m->rows[m->nrows];
		memset(row, 0, sizeof(*row));
		row->line = lineno;
		if (!parse_row(line, row)) {
			diag_error(path, lineno, "malformed manifest row");
			ok = false;
			break;
		}
		m->nrows++;
	}
	if (ok && lineno == 0) {
		diag_error(path, 0, "empty manifest");
		ok = false;
	}
	free(line);
	fclose(in);
	if (!ok) {
		manifest_free(m);
		return NULL;
	}
	return m;
}

void manifest_free(struct manifest *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->nrows; i++) {
		free(m->rows[i].path);
		free(m->rows[i].dossier);
		free(m->rows[i].document);
		free(m->rows[i].reference_date);
	}
	free(m->rows);
	free(m);
}
