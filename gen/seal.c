/*
 * The seal (see seal.h): the PKCS#12 file opened once, and the CMS
 * signatures made with its key.
 *
 * OpenSSL 3.0's CMS_SignerInfo_sign() adds a signing-time attribute
 * whenever there is none, and PAdES forbids one (the time is the PDF's
 * /M).  So the signer info is built with CMS_PARTIAL, its signed
 * attributes are added here, DER-encoded as the SET that RFC 5652 §5.4
 * signs (i2d_ASN1_SET_ANY sorts them as DER wants), and signed with
 * EVP_DigestSign.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>

#include "diag.h"
#include "seal.h"
#include "seal_tsa.h"

/*
 * Room in a PDF for what the signature holds beyond the certificates
 * and the signature value (algorithms, attributes, the signer's issuer
 * and serial), and for a timestamp token with its TSA's certificates.
 */
#define SEAL_SLACK     2048
#define SEAL_TSA_SLACK 16384

struct seal {
	EVP_PKEY *key;
	X509 *cert;
	STACK_OF(X509) * chain; /* may be NULL */
	const char *tsa_url;	/* NULL: no timestamp */
	char pdf_date[24];
	size_t max_len;
};

/* The last OpenSSL error as text, for a diagnostic. */
static const char *ssl_error(void)
{
	static char text[256];
	unsigned long e = ERR_peek_last_error();
	if (e == 0)
		return "unknown error";
	ERR_error_string_n(e, text, sizeof(text));
	ERR_clear_error();
	return text;
}

/* The first line of a password file, without its line end. */
static char *read_password(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		diag(MSG_SEAL_CANNOT_READ_PASSWORD, path, 0, strerror(errno));
		return NULL;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, f);
	fclose(f);
	if (n < 0) {
		free(line);
		line = strdup("");
	} else {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
	}
	if (line == NULL)
		diag(MSG_OUT_OF_MEMORY, path, 0);
	return line;
}

/*
 * Loads OpenSSL's legacy provider beside the default one, once; they
 * stay loaded for the life of the process.
 */
static bool legacy_provider(void)
{
	static OSSL_PROVIDER *legacy, *standard;
	if (legacy != NULL || standard != NULL)
		return false;
	legacy = OSSL_PROVIDER_load(NULL, "legacy");
	standard = OSSL_PROVIDER_load(NULL, "default");
	return legacy != NULL && standard != NULL;
}

static bool load_p12(struct seal *s, const char *path, const char *password)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		diag(MSG_SEAL_CANNOT_READ, path, 0, strerror(errno));
		return false;
	}
	PKCS12 *p12 = d2i_PKCS12_fp(f, NULL);
	fclose(f);
	if (p12 == NULL) {
		diag(MSG_SEAL_NOT_PKCS12, path, 0, ssl_error());
		return false;
	}
	bool ok = PKCS12_parse(p12, password, &s->key, &s->cert, &s->chain);
	if (!ok && legacy_provider()) {
		/* .p12 files exported by older tools (and some providers)
		 * use RC2 or 3DES, which OpenSSL 3 keeps in its legacy
		 * provider. */
		ERR_clear_error();
		ok = PKCS12_parse(p12, password, &s->key, &s->cert, &s->chain);
	}
	PKCS12_free(p12);
	if (!ok) {
		diag(MSG_SEAL_WRONG_PASSWORD, path, 0, ssl_error());
		return false;
	}
	/* PKCS12_parse() takes for the certificate the one that matches
	 * the key (OpenSSL 1.1.1 on): certificates but none of them the
	 * key's leave it NULL, the others in the chain. */
	if (s->key != NULL && s->cert == NULL && sk_X509_num(s->chain) > 0) {
		diag(MSG_SEAL_KEY_NOT_CERTIFICATE, path, 0);
		return false;
	}
	if (s->key == NULL || s->cert == NULL) {
		diag(MSG_SEAL_HOLDS_NO, path, 0,
		     s->key == NULL ? "private key" : "certificate");
		return false;
	}
	return true;
}

/* A seal dated outside its certificate's validity will not verify. */
static void check_validity(const struct seal *s, const char *path, date_t as_of)
{
	int y, m, d;
	char text[24];
	date_to_ymd(as_of, &y, &m, &d);
	snprintf(text, sizeof(text), "%04d%02d%02d000000Z", y, m, d);
	ASN1_TIME *t = ASN1_TIME_new();
	bool valid = t != NULL && ASN1_TIME_set_string_X509(t, text) &&
		     ASN1_TIME_compare(X509_get0_notBefore(s->cert), t) <= 0 &&
		     ASN1_TIME_compare(X509_get0_notAfter(s->cert), t) >= 0;
	ASN1_TIME_free(t);
	if (!valid) {
		char iso[DATE_ISO_LEN];
		diag(MSG_SEAL_CERTIFICATE_NOT_VALID, path, 0,
		     date_fmt_iso(as_of, iso));
	}
}

/* Bytes the DER of a certificate takes. */
static size_t cert_len(X509 *c)
{
	int n = i2d_X509(c, NULL);
	return n > 0 ? (size_t)n : 0;
}

bool seal_open(const struct options *o, struct seal **out)
{
	*out = NULL;
	if (o->seal_file == NULL)
		return true;
	struct seal *s = calloc(1, sizeof(*s));
	if (s == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	char *password = o->seal_password_file != NULL
			     ? read_password(o->seal_password_file)
			     : strdup(o->seal_password ? o->seal_password : "");
	bool ok = password != NULL && load_p12(s, o->seal_file, password);
	if (password != NULL) {
		OPENSSL_cleanse(password, strlen(password));
		free(password);
	}
	if (ok && o->tsa_url != NULL)
		ok = seal_tsa_init();
	if (!ok) {
		seal_free(s);
		return false;
	}
	check_validity(s, o->seal_file, o->as_of);
	s->tsa_url = o->tsa_url;
	int y, m, d;
	date_to_ymd(o->as_of, &y, &m, &d);
	snprintf(s->pdf_date, sizeof(s->pdf_date), "D:%04d%02d%02d000000Z", y,
		 m, d);
	s->max_len = cert_len(s->cert) + (size_t)EVP_PKEY_get_size(s->key) +
		     SEAL_SLACK + (s->tsa_url != NULL ? SEAL_TSA_SLACK : 0);
	for (int i = 0; i < sk_X509_num(s->chain); i++)
		s->max_len += cert_len(sk_X509_value(s->chain, i));
	*out = s;
	return true;
}

void seal_free(struct seal *s)
{
	if (s == NULL)
		return;
	EVP_PKEY_free(s->key);
	X509_free(s->cert);
	sk_X509_pop_free(s->chain, X509_free);
	free(s);
}

const char *seal_pdf_date(const struct seal *s)
{
	return s->pdf_date;
}

size_t seal_max_len(const struct seal *s)
{
	return s->max_len;
}

bool seal_digest_fd(int fd, unsigned char digest[SEAL_DIGEST_LEN])
{
	unsigned char chunk[65536];
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (ctx == NULL || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(ctx);
		errno = ENOMEM;
		return false;
	}
	for (off_t at = 0;;) {
		ssize_t n = pread(fd, chunk, sizeof(chunk), at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			EVP_MD_CTX_free(ctx);
			return false;
		}
		if (n == 0)
			break;
		EVP_DigestUpdate(ctx, chunk, (size_t)n);
		at += n;
	}
	EVP_DigestFinal_ex(ctx, digest, NULL);
	EVP_MD_CTX_free(ctx);
	return true;
}

/*
 * The signed attributes as the DER SET that the signature covers; the
 * length, or 0 on failure.  *der is the caller's (OPENSSL_free).
 */
static int signed_attrs_der(CMS_SignerInfo *si, unsigned char **der)
{
	STACK_OF(ASN1_TYPE) *set = sk_ASN1_TYPE_new_null();
	int n = CMS_signed_get_attr_count(si), len = 0;
	bool ok = set != NULL && n > 0;
	for (int i = 0; ok && i < n; i++) {
		unsigned char *one = NULL;
		int one_len =
		    i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &one);
		ASN1_STRING *seq = ASN1_STRING_new();
		ASN1_TYPE *t = ASN1_TYPE_new();
		ok = one_len > 0 && seq != NULL && t != NULL &&
		     ASN1_STRING_set(seq, one, one_len);
		OPENSSL_free(one);
		if (ok) {
			ASN1_TYPE_set(t, V_ASN1_SEQUENCE, seq);
			seq = NULL;
			ok = sk_ASN1_TYPE_push(set, t) > 0;
		}
		if (!ok) {
			ASN1_STRING_free(seq);
			ASN1_TYPE_free(t);
		}
	}
	*der = NULL;
	if (ok)
		len = i2d_ASN1_SET_ANY(set, der);
	sk_ASN1_TYPE_pop_free(set, ASN1_TYPE_free);
	return len > 0 ? len : 0;
}

/* Signs the signed attributes and stores the signature value in si. */
static bool sign_attrs(const struct seal *s, CMS_SignerInfo *si)
{
	unsigned char *attrs = NULL, *sig = NULL;
	size_t sig_len = 0;
	int attrs_len = signed_attrs_der(si, &attrs);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	bool ok =
	    attrs_len > 0 && md != NULL &&
	    EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, s->key) &&
	    EVP_DigestSign(md, NULL, &sig_len, attrs, (size_t)attrs_len) &&
	    (sig = OPENSSL_malloc(sig_len)) != NULL &&
	    EVP_DigestSign(md, sig, &sig_len, attrs, (size_t)attrs_len) &&
	    ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig,
			    (int)sig_len);
	EVP_MD_CTX_free(md);
	OPENSSL_free(attrs);
	OPENSSL_free(sig);
	return ok;
}

/* The signer info's attributes: content type, digest, signing cert v2. */
static CMS_ContentInfo *build(const struct seal *s,
			      const unsigned char digest[SEAL_DIGEST_LEN],
			      CMS_SignerInfo **si)
{
	const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL |
			       CMS_NOSMIMECAP | CMS_CADES;
	CMS_ContentInfo *cms = CMS_sign(NULL, NULL, NULL, NULL, flags);
	*si = cms != NULL
		  ? CMS_add1_signer(cms, s->cert, s->key, EVP_sha256(), flags)
		  : NULL;
	bool ok = *si != NULL;
	for (int i = 0; ok && i < sk_X509_num(s->chain); i++)
		ok = CMS_add1_cert(cms, sk_X509_value(s->chain, i));
	ok = ok &&
	     CMS_signed_add1_attr_by_NID(*si, NID_pkcs9_contentType,
					 V_ASN1_OBJECT,
					 OBJ_nid2obj(NID_pkcs7_data), -1) &&
	     CMS_signed_add1_attr_by_NID(*si, NID_pkcs9_messageDigest,
					 V_ASN1_OCTET_STRING, digest,
					 SEAL_DIGEST_LEN) &&
	     sign_attrs(s, *si);
	if (!ok) {
		CMS_ContentInfo_free(cms);
		return NULL;
	}
	return cms;
}

/* The TSA's token over the signature value, as an unsigned attribute. */
static bool add_timestamp(const struct seal *s, CMS_SignerInfo *si,
			  const char *what)
{
	ASN1_OCTET_STRING *sig = CMS_SignerInfo_get0_signature(si);
	struct buf token = {0};
	bool ok = seal_tsa_stamp(s->tsa_url, ASN1_STRING_get0_data(sig),
				 (size_t)ASN1_STRING_length(sig), what, &token);
	if (ok && !CMS_unsigned_add1_attr_by_NID(
		      si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
		      token.data, (int)token.len)) {
		diag(MSG_SEAL_CANNOT_ADD_TIMESTAMP, what, 0, ssl_error());
		ok = false;
	}
	buf_free(&token);
	return ok;
}

bool seal_sign(const struct seal *s,
	       const unsigned char digest[SEAL_DIGEST_LEN], const char *what,
	       struct buf *der)
{
	CMS_SignerInfo *si;
	CMS_ContentInfo *cms = build(s, digest, &si);
	if (cms == NULL) {
		diag(MSG_SEAL_CANNOT, what, 0, ssl_error());
		return false;
	}
	bool ok = s->tsa_url == NULL || add_timestamp(s, si, what);
	unsigned char *out = NULL;
	int len = ok ? i2d_CMS_ContentInfo(cms, &out) : 0;
	CMS_ContentInfo_free(cms);
	if (ok && len <= 0) {
		diag(MSG_SEAL_CANNOT, what, 0, ssl_error());
		ok = false;
	}
	if (ok)
		buf_put(der, out, (size_t)len);
	OPENSSL_free(out);
	if (ok && der->oom) {
		diag(MSG_OUT_OF_MEMORY, what, 0);
		ok = false;
	}
	return ok;
}
