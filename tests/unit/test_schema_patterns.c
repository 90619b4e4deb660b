/*
 * The schema's patterns compiled once (dossier_patterns.h) give the
 * verdicts of the schema as written: on every dossier file of the
 * samples and the tests, and on the first dossier of each sample with
 * each of its values replaced in turn by near misses of the patterns.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier_parse.h"
#include "dossier_schema.h"
#include "inputs.h"

static struct dossier_schema *schema;

static int setup(void **state)
{
	(void)state;
	const char *env = getenv("PARCOURS_SCHEMA_DIR");
	schema = dossier_schema_new(env != NULL ? env : "schema");
	/* dossier.rng is one the table follows: else this proves nothing. */
	return schema != NULL && dossier_schema_patterns_apart(schema) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	dossier_schema_free(schema);
	return 0;
}

/* Both ways give one verdict; returns it. */
static int same_verdict(xmlDocPtr doc, const char *what)
{
	int fast = dossier_schema_validate(schema, doc);
	int written = dossier_schema_validate_as_written(schema, doc);
	if (fast != written)
		fail_msg("%s: %d with compiled patterns, %d as written", what,
			 fast, written);
	return written;
}

/* Each <dossier> child of the root as a document of its own. */
static void each_dossier(xmlDocPtr doc, void (*fn)(xmlDocPtr, const char *),
			 const char *what)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (xmlNodePtr c = root != NULL ? root->children : NULL; c != NULL;
	     c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(c->name, BAD_CAST "dossier"))
			continue;
		xmlDocPtr one = xmlNewDoc(BAD_CAST "1.0");
		assert_non_null(one);
		xmlNodePtr copy = xmlDocCopyNode(c, one, 1);
		assert_non_null(copy);
		xmlDocSetRootElement(one, copy);
		fn(one, what);
		xmlFreeDoc(one);
	}
}

static xmlDocPtr load(const char *path)
{
	size_t size;
	char *xml = inputs_slurp(path, &size);
	assert_non_null(xml);
	struct dossier_parse_error err;
	xmlDocPtr doc = dossier_parse(xml, size, &err);
	free(xml);
	return doc; /* NULL: not well-formed, nothing to validate */
}

static void judge(xmlDocPtr doc, const char *what)
{
	same_verdict(doc, what);
}

static void test_corpus(void **state)
{
	(void)state;
	static const char *const globs[] = {"samples/*.xml", "samples/*/*.xml",
					    "tests/*/*.xml", "tests/*/*/*.xml"};
	size_t files = 0, valid = 0;
	for (size_t g = 0; g < sizeof(globs) / sizeof(*globs); g++) {
		glob_t gl;
		if (glob(globs[g], 0, NULL, &gl) != 0)
			continue;
		for (size_t i = 0; i < gl.gl_pathc; i++) {
			xmlDocPtr doc = load(gl.gl_pathv[i]);
			if (doc == NULL)
				continue;
			files++;
			valid += same_verdict(doc, gl.gl_pathv[i]) == 1;
			each_dossier(doc, judge, gl.gl_pathv[i]);
			xmlFreeDoc(doc);
		}
		globfree(&gl);
	}
	/* The corpus holds both kinds, or this proves little. */
	printf("corpus: %zu files, %zu valid\n", files, valid);
	assert_true(files > 20);
	assert_true(valid > 10 && valid < files);
}

/* Near misses of dates, date-times, counts, decimals, SIRETs and ids. */
static const char *const mutants[] = {
    "2023-2-3",
    "2023-02-03 ",
    " 2023-02-03",
    "2023-02-03T10:00",
    "20230203",
    "2023-02-03T1:00",
    "12.",
    "1.2.3",
    "-1",
    "1234567890",
    "",
    "x",
    "１２",
    "1234567890123",
    ".hidden",
    "a b",
    "2023-02-03\n",
    "0",
    "14.5",
    "2023-02-03",
};

/* Every value of the tree n replaced by each mutant in turn. */
static void mutate(xmlDocPtr doc, xmlNodePtr n, size_t *tried)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
			xmlChar *was = xmlGetProp(n, a->name);
			for (size_t m = 0;
			     m < sizeof(mutants) / sizeof(*mutants); m++) {
				xmlSetProp(n, a->name, BAD_CAST mutants[m]);
				same_verdict(doc, (const char *)a->name);
				++*tried;
			}
			xmlSetProp(n, a->name, was);
			xmlFree(was);
		}
		xmlNodePtr t = n->children;
		if (t != NULL && t->next == NULL && t->type == XML_TEXT_NODE) {
			xmlChar *was = xmlStrdup(t->content);
			for (size_t m = 0;
			     m < sizeof(mutants) / sizeof(*mutants); m++) {
				xmlNodeSetContent(t, BAD_CAST mutants[m]);
				same_verdict(doc, (const char *)n->name);
				++*tried;
			}
			xmlNodeSetContent(t, was);
			xmlFree(was);
		}
		mutate(doc, n->children, tried);
	}
}

static size_t mutated;

static void mutate_first(xmlDocPtr one, const char *what)
{
	(void)what;
	if (mutated > 0)
		return; /* the first dossier of the file */
	assert_int_equal(same_verdict(one, what), 1);
	mutate(one, xmlDocGetRootElement(one), &mutated);
}

static void test_mutants(void **state)
{
	(void)state;
	static const char *const files[] = {
	    "samples/01-transports-martin.xml",
	    "samples/03-aero-composites-garonne.xml",
	    "samples/08-interim-loire-emploi.xml",
	};
	size_t total = 0;
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		xmlDocPtr doc = load(files[i]);
		assert_non_null(doc);
		mutated = 0;
		each_dossier(doc, mutate_first, files[i]);
		total += mutated;
		xmlFreeDoc(doc);
	}
	printf("mutants: %zu values tried\n", total);
	assert_true(total > 500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_corpus),
	    cmocka_unit_test(test_mutants),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
