/*
 * The TSA client (see seal_tsa.h).  ASN.1 and checks are OpenSSL's TS
 * API, HTTP is libcurl's.
 */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ts.h>

#include "diag.h"
#include "seal_tsa.h"

/* A TSA answers in well under a second; past these, it is down. */
#define TSA_CONNECT_TIMEOUT 10L
#define TSA_TIMEOUT	    30L
/* A timestamp response is a few kilobytes; more is not one. */
#define TSA_MAX_RESPONSE (1u << 20)

bool seal_tsa_init(void)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		diag(MSG_TSA_CANNOT_INITIALISE_LIBCURL, NULL, 0);
		return false;
	}
	return true;
}

/* The request: SHA-256 imprint of sig, a random nonce, the TSA's cert. */
static TS_REQ *make_request(const unsigned char *sig, size_t len)
{
	unsigned char digest[SHA256_DIGEST_LENGTH], nonce_bytes[8];
	SHA256(sig, len, digest);
	TS_REQ *req = TS_REQ_new();
	TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new();
	X509_ALGOR *alg = X509_ALGOR_new();
	BIGNUM *bn = NULL;
	ASN1_INTEGER *nonce = NULL;
	bool ok =
	    req != NULL && imprint != NULL && alg != NULL &&
	    X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, NULL) &&
	    TS_MSG_IMPRINT_set_algo(imprint, alg) &&
	    TS_MSG_IMPRINT_set_msg(imprint, digest, sizeof(digest)) &&
	    TS_REQ_set_version(req, 1) &&
	    TS_REQ_set_msg_imprint(req, imprint) &&
	    RAND_bytes(nonce_bytes, sizeof(nonce_bytes)) == 1 &&
	    (bn = BN_bin2bn(nonce_bytes, sizeof(nonce_bytes), NULL)) &&
	    (nonce = BN_to_ASN1_INTEGER(bn, NULL)) != NULL &&
	    TS_REQ_set_nonce(req, nonce) && TS_REQ_set_cert_req(req, 1);
	X509_ALGOR_free(alg);
	TS_MSG_IMPRINT_free(imprint);
	BN_free(bn);
	ASN1_INTEGER_free(nonce);
	if (!ok) {
		TS_REQ_free(req);
		return NULL;
	}
	return req;
}

static size_t on_data(char *data, size_t size, size_t n, void *ctx)
{
	struct buf *b = ctx;
	if (b->len + size * n > TSA_MAX_RESPONSE)
		return 0; /* libcurl stops with CURLE_WRITE_ERROR */
	buf_put(b, data, size * n);
	return b->oom ? 0 : size * n;
}

/* POSTs the query; false after a diagnostic naming the URL (shown). */
static bool post(const char *url, const char *shown, const unsigned char *query,
		 int len, const char *what, struct buf *answer)
{
	CURL *curl = curl_easy_init();
	struct curl_slist *headers = curl_slist_append(
	    NULL, "Content-Type: application/timestamp-query");
	if (curl == NULL || headers == NULL) {
		diag(MSG_OUT_OF_MEMORY, what, 0);
		curl_slist_free_all(headers);
		curl_easy_cleanup(curl);
		return false;
	}
	char error[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDS, query);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)len);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, answer);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, TSA_CONNECT_TIMEOUT);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, TSA_TIMEOUT);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "parcours/" PARCOURS_VERSION);
	CURLcode rc = curl_easy_perform(curl);
	long status = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
	if (rc != CURLE_OK) {
		diag(MSG_TSA_FAILED, what, 0, shown,
		     error[0] ? error : curl_easy_strerror(rc));
		return false;
	}
	if (status != 200) {
		diag(MSG_TSA_HTTP_STATUS, what, 0, shown, status);
		return false;
	}
	return true;
}

/* The token of a granted response that answers req; false after diag. */
static bool take_token(const char *url, TS_REQ *req, const struct buf *answer,
		       const char *what, struct buf *token)
{
	const unsigned char *p = answer->data;
	TS_RESP *resp = d2i_TS_RESP(NULL, &p, (long)answer->len);
	if (resp == NULL) {
		diag(MSG_TSA_NOT_TIMESTAMP, what, 0, url);
		return false;
	}
	long status = ASN1_INTEGER_get(
	    TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp)));
	bool ok = status == 0 || status == 1; /* granted (with mods) */
	if (!ok)
		diag(MSG_TSA_REFUSED, what, 0, url, status);
	TS_VERIFY_CTX *ctx = ok ? TS_REQ_to_TS_VERIFY_CTX(req, NULL) : NULL;
	if (ok && (ctx == NULL || TS_RESP_verify_response(ctx, resp) != 1)) {
		char text[256] = "cannot check it";
		ERR_error_string_n(ERR_peek_last_error(), text, sizeof(text));
		ERR_clear_error();
		diag(MSG_TSA_ANSWER_MISMATCH, what, 0, url, text);
		ok = false;
	}
	unsigned char *der = NULL;
	int len = ok ? i2d_PKCS7(TS_RESP_get_token(resp), &der) : 0;
	if (ok && len > 0)
		buf_put(token, der, (size_t)len);
	if (ok && (len <= 0 || token->oom)) {
		diag(MSG_OUT_OF_MEMORY, what, 0);
		ok = false;
	}
	OPENSSL_free(der);
	TS_VERIFY_CTX_free(ctx);
	TS_RESP_free(resp);
	return ok;
}

/*
 * The URL as diagnostics show it: without the "user:password@" that a
 * paid TSA's URL may carry.
 */
static void url_shown(const char *url, char *out, size_t size)
{
	const char *scheme = strstr(url, "://");
	const char *host = scheme != NULL ? scheme + 3 : url;
	const char *at = strchr(host, '@'), *slash = strchr(host, '/');
	if (at != NULL && (slash == NULL || at < slash))
		snprintf(out, size, "%.*s%s", (int)(host - url), url, at + 1);
	else
		snprintf(out, size, "%s", url);
}

bool seal_tsa_stamp(const char *url, const unsigned char *sig, size_t len,
		    const char *what, struct buf *token)
{
	TS_REQ *req = make_request(sig, len);
	unsigned char *query = NULL;
	int query_len = req != NULL ? i2d_TS_REQ(req, &query) : 0;
	if (query_len <= 0) {
		diag(MSG_TSA_CANNOT_BUILD_TIMESTAMP_REQUEST, what, 0);
		TS_REQ_free(req);
		return false;
	}
	struct buf answer = {0};
	char shown[1024];
	url_shown(url, shown, sizeof(shown));
	bool ok = post(url, shown, query, query_len, what, &answer) &&
		  take_token(shown, req, &answer, what, token);
	buf_free(&answer);
	OPENSSL_free(query);
	TS_REQ_free(req);
	return ok;
}
