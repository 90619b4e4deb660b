/*
 * Checking the seals (see verify_seal.h).  A PDF's seal is the last
 * signature dictionary of the file: its /ByteRange must start at 0, skip
 * exactly the hex string of /Contents and end at the end of the file,
 * so that nothing was added after the seal; the CMS signature in the
 * hole must verify over the two ranges.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/sha.h>
#include <openssl/ts.h>
#include <openssl/x509.h>

#include "buf.h"
#include "diag.h"
#include "seal.h"
#include "verify_seal.h"

struct verify_seal {
	const char *trust_file; /* NULL: integrity only */
	X509_STORE *store;	/* the trusted CA; NULL without --trust */
	bool manifest_sealed;
	unsigned long pdfs, stamped; /* seals that hold, with a timestamp */
	unsigned long bad;	     /* seals that do not */
};

static const char *ssl_error(void)
{
	static char text[256];
	unsigned long e = ERR_peek_last_error();
	if (e == 0)
		return "invalid signature";
	if (ERR_GET_LIB(e) == ERR_LIB_CMS &&
	    ERR_GET_REASON(e) == CMS_R_CERTIFICATE_VERIFY_ERROR) {
		ERR_clear_error();
		return "its signer's certificate does not chain to the "
		       "trusted certificate (--trust)";
	}
	if (ERR_GET_LIB(e) == ERR_LIB_CMS &&
	    (ERR_GET_REASON(e) == CMS_R_VERIFICATION_FAILURE ||
	     ERR_GET_REASON(e) == CMS_R_CONTENT_VERIFY_ERROR)) {
		ERR_clear_error();
		return "the signature does not match the signed bytes: the "
		       "file was changed after sealing";
	}
	ERR_error_string_n(e, text, sizeof(text));
	ERR_clear_error();
	return text;
}

struct verify_seal *verify_seal_new(const char *trust_file)
{
	struct verify_seal *v = calloc(1, sizeof(*v));
	if (v == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	if (trust_file == NULL)
		return v;
	v->trust_file = trust_file;
	v->store = X509_STORE_new();
	/* A seal is no e-mail: any key usage the CA allowed will do. */
	if (v->store == NULL ||
	    X509_STORE_load_file(v->store, trust_file) != 1 ||
	    X509_STORE_set_purpose(v->store, X509_PURPOSE_ANY) != 1) {
		diag(MSG_VERIFY_CANNOT_READ_TRUSTED_CERTIFICATE, trust_file, 0,
		     ssl_error());
		verify_seal_free(v);
		return NULL;
	}
	return v;
}

void verify_seal_free(struct verify_seal *v)
{
	if (v == NULL)
		return;
	X509_STORE_free(v->store);
	free(v);
}

/* The whole file, not following a symbolic link; false with errno. */
static bool read_file(const char *path, struct buf *out)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW);
	if (fd < 0)
		return false;
	unsigned char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		buf_put(out, chunk, (size_t)n);
	}
	int saved = n < 0 ? errno : out->oom ? ENOMEM : 0;
	close(fd);
	errno = saved;
	return saved == 0;
}

/* CMS_verify over content, the chain checked with --trust only. */
static bool verify_cms(const struct verify_seal *v, CMS_ContentInfo *cms,
		       const unsigned char *content, size_t len)
{
	BIO *data = BIO_new_mem_buf(content, (int)len);
	unsigned flags = CMS_BINARY | CMS_DETACHED;
	if (v->store == NULL)
		flags |= CMS_NO_SIGNER_CERT_VERIFY;
	bool ok = data != NULL &&
		  CMS_verify(cms, NULL, v->store, data, NULL, flags) == 1;
	BIO_free(data);
	return ok;
}

static const char *check_timestamp(struct verify_seal *v, CMS_ContentInfo *cms);

bool verify_seal_is_signature(const char *name, const char *manifest_name)
{
	size_t n = strlen(manifest_name);
	return strncmp(name, manifest_name, n) == 0 &&
	       strcmp(name + n, SEAL_P7S_EXT) == 0;
}

bool verify_seal_manifest(struct verify_seal *v, const char *manifest_path)
{
	char p7s[4096];
	snprintf(p7s, sizeof(p7s), "%s%s", manifest_path, SEAL_P7S_EXT);
	struct buf sig = {0}, manifest = {0};
	if (!read_file(p7s, &sig)) {
		buf_free(&sig);
		if (errno == ENOENT && v->store == NULL)
			return true; /* not sealed; the report says so */
		if (errno == ENOENT)
			diag(MSG_VERIFY_MANIFEST_NOT_SEALED, p7s, 0);
		else
			diag(MSG_VERIFY_CANNOT_READ_SEAL, p7s, 0,
			     strerror(errno));
		v->bad++;
		return false;
	}
	v->manifest_sealed = true;
	const unsigned char *p = sig.data;
	CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)sig.len);
	bool ok = cms != NULL && read_file(manifest_path, &manifest) &&
		  verify_cms(v, cms, manifest.data, manifest.len);
	const char *stamp = ok ? check_timestamp(v, cms) : NULL;
	if (!ok)
		diag(MSG_VERIFY_MANIFEST_SEAL_INVALID, p7s, 0,
		     cms == NULL ? "not a CMS signature" : ssl_error());
	else if (stamp != NULL)
		diag(MSG_VERIFY_MANIFEST_SEAL, p7s, 0, stamp);
	ok = ok && stamp == NULL;
	CMS_ContentInfo_free(cms);
	buf_free(&sig);
	buf_free(&manifest);
	v->bad += !ok;
	return ok;
}

enum range { RANGE_NONE, RANGE_BAD, RANGE_OK };

/* The last "/ByteRange [a b c d]" of the file. */
static enum range byte_range(const struct buf *f, size_t r[4])
{
	static const char key[] = "/ByteRange";
	size_t k = sizeof(key) - 1;
	for (size_t i = f->len >= k ? f->len - k + 1 : 0; i-- > 0;) {
		if (memcmp(f->data + i, key, k) != 0)
			continue;
		const char *s = (const char *)f->data + i + k;
		const char *end = (const char *)f->data + f->len;
		while (s < end && *s == ' ')
			s++;
		if (s == end || *s != '[')
			return RANGE_BAD;
		s++;
		for (int j = 0; j < 4; j++) {
			while (s < end && *s == ' ')
				s++;
			size_t v = 0;
			if (s == end || *s < '0' || *s > '9')
				return RANGE_BAD;
			for (; s < end && *s >= '0' && *s <= '9'; s++) {
				if (v > f->len)
					return RANGE_BAD;
				v = v * 10 + (size_t)(*s - '0');
			}
			r[j] = v;
		}
		return RANGE_OK;
	}
	return RANGE_NONE;
}

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The checks of the range: [0, b) and [c, len) signed, the hole [b, c)
 * exactly "<hex>".  NULL if they hold, else what is wrong.
 */
static const char *check_range(const struct buf *f, const size_t r[4])
{
	if (r[0] != 0 || r[1] >= r[2] || r[2] > f->len || r[3] != f->len - r[2])
		return "its /ByteRange does not cover the whole file: "
		       "something was added or removed after sealing";
	if (f->data[r[1]] != '<' || f->data[r[2] - 1] != '>' ||
	    (r[2] - r[1]) % 2 != 0)
		return "its /ByteRange does not skip exactly /Contents";
	for (size_t i = r[1] + 1; i < r[2] - 1; i++)
		if (hex_value(f->data[i]) < 0)
			return "its /Contents is not a hex string";
	return NULL;
}

/* A timestamp token must be over this signature value. */
static const char *check_timestamp(struct verify_seal *v, CMS_ContentInfo *cms)
{
	STACK_OF(CMS_SignerInfo) *sis = CMS_get0_SignerInfos(cms);
	CMS_SignerInfo *si = sk_CMS_SignerInfo_value(sis, 0);
	int at = si != NULL ? CMS_unsigned_get_attr_by_NID(
				  si, NID_id_smime_aa_timeStampToken, -1)
			    : -1;
	if (at < 0)
		return NULL;
	ASN1_TYPE *t =
	    X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, at), 0);
	if (t == NULL || t->type != V_ASN1_SEQUENCE)
		return "its timestamp is not a token";
	const unsigned char *p = t->value.sequence->data;
	PKCS7 *token = d2i_PKCS7(NULL, &p, t->value.sequence->length);
	ASN1_OCTET_STRING *sig = CMS_SignerInfo_get0_signature(si);
	unsigned char digest[SHA256_DIGEST_LENGTH];
	SHA256(ASN1_STRING_get0_data(sig), (size_t)ASN1_STRING_length(sig),
	       digest);
	TS_VERIFY_CTX *ctx = TS_VERIFY_CTX_new();
	unsigned char *imprint = OPENSSL_memdup(digest, sizeof(digest));
	bool ok = token != NULL && ctx != NULL && imprint != NULL;
	if (ok) {
		/* With --trust, the TSA's certificate must chain to it too
		 * (TS_VFY_SIGNATURE); without, its signature is checked
		 * with the certificate the token carries. */
		int flags = TS_VFY_VERSION | TS_VFY_IMPRINT;
		if (v->store != NULL && X509_STORE_up_ref(v->store)) {
			TS_VERIFY_CTX_set_store(ctx, v->store); /* owns a ref */
			flags |= TS_VFY_SIGNATURE;
		} else {
			ok = PKCS7_verify(token, NULL, NULL, NULL, NULL,
					  PKCS7_NOVERIFY) == 1;
		}
		TS_VERIFY_CTX_set_flags(ctx, flags);
		TS_VERIFY_CTX_set_imprint(ctx, imprint, sizeof(digest));
		imprint = NULL;
		ok = ok && TS_RESP_verify_token(ctx, token) == 1;
	}
	OPENSSL_free(imprint);
	TS_VERIFY_CTX_free(ctx);
	PKCS7_free(token);
	ERR_clear_error();
	if (!ok)
		return "its timestamp is not the TSA's token over its "
		       "signature (with --trust, the TSA's certificate must "
		       "chain to it too)";
	v->stamped++;
	return NULL;
}

/* The seal of the file f; NULL if it holds, else what is wrong. */
static const char *check_pdf(struct verify_seal *v, const struct buf *f,
			     const size_t r[4])
{
	const char *why = check_range(f, r);
	if (why != NULL)
		return why;
	size_t n = (r[2] - r[1] - 2) / 2;
	unsigned char *der = malloc(n ? n : 1);
	struct buf signed_bytes = {0};
	if (der == NULL)
		return "out of memory";
	for (size_t i = 0; i < n; i++)
		der[i] =
		    (unsigned char)(hex_value(f->data[r[1] + 1 + 2 * i]) << 4 |
				    hex_value(f->data[r[1] + 2 + 2 * i]));
	const unsigned char *p = der;
	CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)n);
	buf_put(&signed_bytes, f->data, r[1]);
	buf_put(&signed_bytes, f->data + r[2], r[3]);
	if (cms == NULL)
		why = "its /Contents is not a CMS signature";
	else if (signed_bytes.oom)
		why = "out of memory";
	else if (!verify_cms(v, cms, signed_bytes.data, signed_bytes.len))
		why = ssl_error();
	else
		why = check_timestamp(v, cms);
	CMS_ContentInfo_free(cms);
	buf_free(&signed_bytes);
	free(der);
	return why;
}

bool verify_seal_pdf(struct verify_seal *v, const char *path)
{
	struct buf f = {0};
	if (!read_file(path, &f)) {
		diag(MSG_IMPORT_CANNOT_READ, path, 0, strerror(errno));
		buf_free(&f);
		return false;
	}
	size_t r[4];
	const char *why = NULL;
	enum range range = byte_range(&f, r);
	if (range == RANGE_NONE) {
		if (v->manifest_sealed || v->store != NULL)
			why = "not sealed";
	} else if (range == RANGE_BAD) {
		why = "its /ByteRange is not four numbers within the file";
	} else {
		why = check_pdf(v, &f, r);
		if (why == NULL)
			v->pdfs++;
	}
	buf_free(&f);
	if (why != NULL) {
		diag(MSG_VERIFY_SEAL, path, 0, why);
		v->bad++;
	}
	return why == NULL;
}

void verify_seal_report(const struct verify_seal *v, FILE *out)
{
	/* An unsealed run says nothing more than it used to. */
	if (!v->manifest_sealed && v->pdfs == 0 && v->bad == 0)
		return;
	if (v->bad > 0)
		fprintf(out, "verify: %lu seal problem%s; ", v->bad,
			v->bad == 1 ? "" : "s");
	else
		fprintf(out,
			"verify: the manifest's seal and %lu PDF seal%s "
			"(%lu timestamped) are intact; ",
			v->pdfs, v->pdfs == 1 ? "" : "s", v->stamped);
	if (v->store != NULL)
		fprintf(out, "signers checked against %s\n", v->trust_file);
	else
		fprintf(out, "trust was not checked (give --trust CA.pem)\n");
}
