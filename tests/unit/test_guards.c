/*
 * Guards that no input of parcours reaches, because an earlier check
 * refuses it first, called here through their own API with what they
 * refuse: the message, as its caller prints it, and the result.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "date.h"
#include "diag.h"
#include "dossier.h"
#include "dossier_build.h"
#include "dossier_parse.h"
#include "dossier_schema.h"
#include "inputs.h"
#include "pdf_seal.h"
#include "seal.h"

/* Messages printed since guard_begin(), as a string (freed by the
 * caller). */
static FILE *log_stream;
static char *log_text;
static size_t log_len;

static void log_begin(void)
{
	log_stream = open_memstream(&log_text, &log_len);
	assert_non_null(log_stream);
	diag_reset(log_stream);
}

static char *log_end(void)
{
	diag_reset(NULL);
	fclose(log_stream);
	return log_text;
}

/* A buffer past INT_MAX, which libxml2 cannot take: refused by its
 * size before a byte is read (dossier_read.c reads at most 2 GiB). */
static void test_parse_too_large(void **state)
{
	(void)state;
	static const char byte[1] = "<";
	struct dossier_parse_error err;
	log_begin();
	assert_null(dossier_parse(byte, (size_t)INT_MAX + 1, &err));
	assert_int_equal(err.msg, MSG_DOSSIER_FILE_TOO_LARGE);
	diag_text(err.msg, "t.xml", err.line, err.message);
	char *text = log_end();
	assert_string_equal(text, "parcours: t.xml: error: the file is too "
				  "large\n");
	assert_int_equal(diag_worst(), DIAG_OK); /* reset by log_end() */
	free(text);
}

/* A parse libxml2 calls malformed without a reason of its own. */
static void test_parse_no_reason(void **state)
{
	(void)state;
	static const char xml[] = "<a/>";
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(xml, sizeof(xml) - 1);
	assert_non_null(ctxt);
	struct dossier_parse_error err = {.msg = MSG_DOSSIER_DOCTYPE};
	struct dossier_parse_state st = {.err = &err};
	ctxt->wellFormed = 0;
	log_begin();
	assert_false(dossier_parse_ok(ctxt, &st));
	assert_int_equal(err.msg, MSG_DOSSIER_NOT_WELL_FORMED);
	diag_text(err.msg, "t.xml", err.line, err.message);
	char *text = log_end();
	assert_string_equal(text, "parcours: t.xml: error: not well-formed "
				  "XML\n");
	free(text);
	xmlFreeParserCtxt(ctxt);
}

/* A root the schema does not know (dossier_read.c refuses it first). */
static void test_schema_unknown_root(void **state)
{
	(void)state;
	const char *env = getenv("PARCOURS_SCHEMA_DIR");
	struct dossier_schema *s =
	    dossier_schema_new(env != NULL ? env : "schema");
	assert_non_null(s);
	static const char xml[] = "<nothing/>";
	struct dossier_parse_error err;
	xmlDocPtr doc = dossier_parse(xml, sizeof(xml) - 1, &err);
	assert_non_null(doc);
	log_begin();
	assert_int_equal(dossier_schema_validate(s, doc), 0);
	assert_int_equal(
	    dossier_schema_explain(s, xmlDocGetRootElement(doc), NULL, "t.xml"),
	    1);
	char *text = log_end();
	assert_string_equal(text, "parcours: t.xml:1: error: unknown element "
				  "<nothing>\n");
	free(text);
	xmlFreeDoc(doc);
	dossier_schema_free(s);
}

/* A value the schema would refuse first, built without validation. */
static void test_build_unexpected_value(void **state)
{
	(void)state;
	size_t size;
	char *xml = inputs_slurp("samples/01-transports-martin.xml", &size);
	assert_non_null(xml);
	char *at = strstr(xml, "contract=\"CDI\"");
	assert_non_null(at);
	memcpy(at, "contract=\"CDX\"", strlen("contract=\"CDX\""));
	struct dossier_parse_error err;
	xmlDocPtr doc = dossier_parse(xml, size, &err);
	assert_non_null(doc);
	xmlNodePtr d = xmlDocGetRootElement(doc)->children;
	while (d != NULL && (d->type != XML_ELEMENT_NODE ||
			     !xmlStrEqual(d->name, BAD_CAST "dossier")))
		d = d->next;
	assert_non_null(d);
	log_begin();
	assert_null(dossier_build(d, "t.xml", NULL));
	char *text = log_end();
	assert_non_null(strstr(text, "parcours: t.xml:37: error: <employment>: "
				     "attribute \"contract\": unexpected value "
				     "\"CDX\"\n"));
	free(text);
	xmlFreeDoc(doc);
	free(xml);
}

/* A throw-away seal, a self-signed P-256 key valid 2000-2099, in path. */
static void make_p12(const char *path, const char *password)
{
	EVP_PKEY *key = EVP_EC_gen("P-256");
	X509 *x = X509_new();
	assert_non_null(key);
	assert_non_null(x);
	X509_NAME *name = X509_get_subject_name(x);
	assert_true(
	    X509_set_version(x, 2) &&
	    ASN1_INTEGER_set(X509_get_serialNumber(x), 1) &&
	    ASN1_TIME_set_string(X509_getm_notBefore(x), "20000101000000Z") &&
	    ASN1_TIME_set_string(X509_getm_notAfter(x), "20991231000000Z") &&
	    X509_set_pubkey(x, key) &&
	    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
				       (const unsigned char *)"test", -1, -1,
				       0) &&
	    X509_set_issuer_name(x, name) &&
	    X509_sign(x, key, EVP_sha256()) > 0);
	PKCS12 *p12 =
	    PKCS12_create(password, NULL, key, x, NULL, 0, 0, 0, 0, 0);
	assert_non_null(p12);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_true(i2d_PKCS12_fp(f, p12));
	assert_int_equal(fclose(f), 0);
	PKCS12_free(p12);
	X509_free(x);
	EVP_PKEY_free(key);
}

/* Bytes that are no PDF of parcours's, handed to the sealer (which the
 * pipeline only ever gives what pdf.c has just written): refused,
 * unchanged. */
static void test_seal_not_parcours_pdf(void **state)
{
	(void)state;
	char dir[] = "/tmp/guards-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/seal.p12", dir);
	make_p12(path, "secret");
	struct options o = {.seal_file = path, .seal_password = "secret"};
	assert_true(date_parse("2026-06-01", &o.as_of));
	struct seal *s;
	assert_true(seal_open(&o, &s));
	assert_non_null(s);
	static const char text[] = "%PDF-1.4\nnot one of ours\n%%EOF\n";
	struct buf pdf = {0};
	buf_put(&pdf, text, sizeof(text) - 1);
	assert_false(pdf.oom);
	log_begin();
	assert_false(pdf_seal(s, &pdf, "t.pdf"));
	char *msgs = log_end();
	assert_string_equal(msgs, "parcours: t.pdf: system error: cannot seal: "
				  "not a PDF as parcours writes them\n");
	assert_int_equal(pdf.len, sizeof(text) - 1);
	assert_memory_equal(pdf.data, text, pdf.len);
	free(msgs);
	buf_free(&pdf);
	seal_free(s);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_too_large),
	    cmocka_unit_test(test_parse_no_reason),
	    cmocka_unit_test(test_schema_unknown_root),
	    cmocka_unit_test(test_build_unexpected_value),
	    cmocka_unit_test(test_seal_not_parcours_pdf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
