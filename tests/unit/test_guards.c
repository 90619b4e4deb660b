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

#include "diag.h"
#include "dossier.h"
#include "dossier_build.h"
#include "dossier_parse.h"
#include "dossier_schema.h"
#include "inputs.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_too_large),
	    cmocka_unit_test(test_parse_no_reason),
	    cmocka_unit_test(test_schema_unknown_root),
	    cmocka_unit_test(test_build_unexpected_value),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
