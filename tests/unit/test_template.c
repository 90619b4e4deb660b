/*
 * Unit tests of the template language (template.c, template_expand.c,
 * fields*.c, documents.c): every mistake a template can hold is refused
 * at load with its file and line, and expansion builds the tree the
 * README promises (white space, implicit paragraphs, conditions, loops,
 * agreement, free text, blank forms).  Dossiers are read with the real
 * reader from tests/cases/templates/.
 */
/* cmocka.h needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "documents.h"
#include "dossier_read.h"
#include "rules.h"
#include "template.h"

#define CASES "tests/cases/templates"

static char tmpdir[64];

/* Writes text to tmpdir/name. */
static void put_file(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/*
 * Loads text as a template of ctx and returns what diag printed, with
 * the temporary directory replaced by "T" (caller frees).
 */
static char *load_messages(const char *text, enum fields_ctx ctx,
			   struct template **out)
{
	char *msgs = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&msgs, &len);
	assert_non_null(mem);
	put_file("t.xml", text);
	diag_reset(mem);
	*out = template_load(tmpdir, "t.xml", ctx);
	fclose(mem);
	diag_reset(NULL);
	/* "parcours: /tmp/tplXXXXXX/t.xml:3: ..." -> "T/t.xml:3: ..." */
	char *hit;
	size_t n = strlen(tmpdir);
	while ((hit = strstr(msgs, tmpdir)) != NULL) {
		hit[0] = 'T';
		memmove(hit + 1, hit + n, strlen(hit + n) + 1);
	}
	return msgs;
}

#define HEAD "<?xml version=\"1.0\"?>\n<document>\n"

static const struct {
	enum fields_ctx ctx;
	const char *text, *want, *why;
} refused[] = {
    {FIELDS_REPORT, HEAD "<p><field name=\"employe.name\"/></p>\n</document>\n",
     "T/t.xml:3: system error: unknown field \"employe.name\"",
     "a misspelt field, with its line (the brief's example)"},
    {FIELDS_REPORT, HEAD "<for each=\"trainingz\"><p/></for>\n</document>\n",
     "T/t.xml:3: system error: unknown list \"trainingz\"", "unknown list"},
    {FIELDS_REPORT, HEAD "\n<if test=\"regime-2025\"><p/></if>\n</document>\n",
     "T/t.xml:4: system error: unknown field or list \"regime-2025\" in test",
     "unknown condition"},
    {FIELDS_REPORT, HEAD "<paragraph>x</paragraph>\n</document>\n",
     "T/t.xml:3: system error: unknown element <paragraph>", "unknown element"},
    {FIELDS_REPORT, HEAD "<p allign=\"left\">x</p>\n</document>\n",
     "T/t.xml:3: system error: <p>: unknown attribute \"allign\"",
     "unknown attribute"},
    {FIELDS_REPORT, HEAD "<p align=\"middle\">x</p>\n</document>\n",
     "T/t.xml:3: system error: <p>: align \"middle\" is not left, justify, "
     "center or right",
     "bad attribute value"},
    {FIELDS_REPORT, HEAD "<p><field name=\"period.end\"/></p>\n</document>\n",
     "T/t.xml:3: system error: field \"period.end\" is not available in a "
     "report "
     "template",
     "a recap field in a report"},
    {FIELDS_NOTICE,
     HEAD "<p><field name=\"convocation.place\"/></p>\n</document>\n",
     "T/t.xml:3: system error: field \"convocation.place\" is not available in "
     "a "
     "notice template",
     "a letter field in a notice"},
    {FIELDS_REPORT,
     HEAD "<p><field name=\"training.title\"/></p>\n</document>\n",
     "T/t.xml:3: system error: field \"training.title\" is only available "
     "inside "
     "a <for> over a list of training items",
     "an item field outside its loop"},
    {FIELDS_REPORT,
     HEAD "<p><field name=\"interview.date\" format=\"long\"/></p>\n"
	  "</document>\n",
     "T/t.xml:3: system error: <field>: format \"long\" does not apply to "
     "field "
     "\"interview.date\"",
     "unknown format"},
    {FIELDS_REPORT,
     HEAD "<table widths=\"50 50\">\n<row><cell>a</cell></row>\n</table>\n"
	  "</document>\n",
     "T/t.xml:4: system error: <row> has 1 cells, but its <table> has 2 "
     "columns",
     "a row short of a cell"},
    {FIELDS_REPORT, HEAD "<p><row/></p>\n</document>\n",
     "T/t.xml:3: system error: <row> is not allowed in a paragraph",
     "an element out of place"},
    {FIELDS_REPORT,
     HEAD "<if test=\"doc.blank\"><else/><p/></if>\n</document>\n",
     "T/t.xml:3: system error: <else> must be the last child of <if>",
     "else before the end of if"},
    {FIELDS_REPORT,
     HEAD "<p><if test=\"doc.blank and\">x</if></p>\n</document>\n",
     "T/t.xml:3: system error: test \"doc.blank and\" is not terms joined by "
     "\"and\" or \"or\", each maybe after \"not\"",
     "dangling operator"},
    {FIELDS_REPORT, HEAD "<timeline/>\n</document>\n",
     "T/t.xml:3: system error: <timeline> is not available in a report "
     "template",
     "the timeline is the recap's"},
    {FIELDS_REPORT,
     HEAD "<p><checkbox field=\"report.skills\"/></p>\n</document>\n",
     "T/t.xml:3: system error: <checkbox>: field \"report.skills\" is not a "
     "yes/no "
     "field",
     "a checkbox needs a boolean"},
    {FIELDS_REPORT, HEAD "<text field=\"interview.date\"/>\n</document>\n",
     "T/t.xml:3: system error: <text>: field \"interview.date\" is not a text "
     "field",
     "free text needs a text field"},
    {FIELDS_REPORT,
     HEAD "<for each=\"actions\"><for each=\"actions\"><p/></for></for>\n"
	  "</document>\n",
     "T/t.xml:3: system error: <for each=\"actions\"> is inside another loop "
     "over action items",
     "nested loops over the same items"},
    {FIELDS_REPORT, HEAD "<table widths=\"1 x\"/>\n</document>\n",
     "T/t.xml:3: system error: <table>: widths \"1 x\" is not a list of 1 to "
     "16 "
     "positive numbers",
     "bad widths"},
    {FIELDS_REPORT, HEAD "<p>a</p>\n<title>t</title>\n</document>\n",
     "T/t.xml:4: system error: <title> must come before the content of "
     "<document>",
     "metadata after content"},
    {FIELDS_REPORT, HEAD "<table widths=\"1\">text</table>\n</document>\n",
     "T/t.xml:3: system error: text is not allowed inside <table>",
     "text where only rows go"},
    {FIELDS_REPORT, HEAD "<ruled lines=\"0\"/>\n</document>\n",
     "T/t.xml:3: system error: <ruled>: lines \"0\" is not a whole number from "
     "1 "
     "to 60",
     "out-of-range number"},
    {FIELDS_REPORT, HEAD "<p><field/></p>\n</document>\n",
     "T/t.xml:3: system error: <field>: attribute \"name\" is required",
     "missing attribute"},
    {FIELDS_REPORT, "<?xml version=\"1.0\"?>\n<report/>\n",
     "T/t.xml:2: system error: the root element must be <document>",
     "wrong root"},
    {FIELDS_REPORT,
     "<?xml version=\"1.0\"?>\n<!DOCTYPE document [<!ENTITY x \"y\">]>\n"
     "<document>&x;</document>\n",
     "T/t.xml:2: system error: DOCTYPE declarations are not accepted (entities "
     "and DTDs are refused for safety)",
     "no DTD, no entities"},
    /* Each message of template.c that no other test produced. */
    {FIELDS_REPORT, HEAD "<title>a</title>\n<title>b</title>\n</document>\n",
     "T/t.xml:4: system error: <title> is given twice", "metadata twice"},
    {FIELDS_REPORT, HEAD "<p>a<br>b</br></p>\n</document>\n",
     "T/t.xml:3: system error: <br> must be empty", "text in an empty element"},
    {FIELDS_REPORT, HEAD "<else/>\n</document>\n",
     "T/t.xml:3: system error: <else> is only allowed in <if>",
     "<else> outside <if>"},
    {FIELDS_REPORT, HEAD "<table widths=\" \"/>\n</document>\n",
     "T/t.xml:3: system error: <table>: widths is empty", "empty widths"},
    {FIELDS_REPORT,
     HEAD "<p><checkbox field=\"a\" test=\"b\"/></p>\n</document>\n",
     "T/t.xml:3: system error: <checkbox>: give \"field\" or \"test\", not "
     "both",
     "checkbox with both"},
    {FIELDS_REPORT,
     "<?xml version=\"1.0\"?>\n<document lang=\"fr\">\n</document>\n",
     "T/t.xml:2: system error: <document>: unknown attribute \"lang\" (the "
     "title and subject are elements)",
     "attribute on the root"},
    {FIELDS_REPORT, HEAD "<letterbox role=\"nobody\"/>\n</document>\n",
     "T/t.xml:3: system error: <letterbox>: role \"nobody\" is not sender, "
     "recipient, dateline, delivery, object or signatory",
     "unknown letterbox role"},
    {FIELDS_REPORT, HEAD "<for each=\"period-dues\"><p/></for>\n</document>\n",
     "T/t.xml:3: system error: list \"period-dues\" is not available in a "
     "report template",
     "a recap list in a report"},
    {FIELDS_REPORT, HEAD "<section keep-together=\"yes\"/>\n</document>\n",
     "T/t.xml:3: system error: <section>: keep-together \"yes\" is not true "
     "or false",
     "a boolean attribute"},
    {FIELDS_REPORT, HEAD "<p>a</document>\n",
     "T/t.xml:3: system error: not well-formed XML: Opening and ending tag "
     "mismatch: p line 3 and document",
     "malformed XML"},
};

static void test_refused(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++) {
		struct template *t;
		char *msgs = load_messages(refused[i].text, refused[i].ctx, &t);
		char want[512];
		snprintf(want, sizeof(want), "parcours: %s\n", refused[i].want);
		if (t != NULL)
			fail_msg("%s: loaded", refused[i].why);
		if (strcmp(msgs, want) != 0)
			fail_msg("%s:\n got: %s want: %s", refused[i].why, msgs,
				 want);
		free(msgs);
	}
}

/* Nesting past the limit, and more mistakes than are printed. */
static void test_refused_generated(void **state)
{
	(void)state;
	char text[8192];
	struct template *t;
	int n = snprintf(text, sizeof(text), "%s", HEAD);
	for (int i = 0; i < 70; i++)
		n += snprintf(text + n, sizeof(text) - (size_t)n, "<section>");
	for (int i = 0; i < 70; i++)
		n += snprintf(text + n, sizeof(text) - (size_t)n, "</section>");
	snprintf(text + n, sizeof(text) - (size_t)n, "\n</document>\n");
	char *msgs = load_messages(text, FIELDS_REPORT, &t);
	assert_null(t);
	assert_string_equal(msgs, "parcours: T/t.xml:3: system error: elements "
				  "are nested too deeply\n");
	free(msgs);

	n = snprintf(text, sizeof(text), "%s", HEAD);
	for (int i = 0; i < 22; i++)
		n += snprintf(text + n, sizeof(text) - (size_t)n,
			      "<p><field name=\"x.y\"/></p>\n");
	snprintf(text + n, sizeof(text) - (size_t)n, "</document>\n");
	msgs = load_messages(text, FIELDS_REPORT, &t);
	assert_null(t);
	assert_non_null(
	    strstr(msgs, "T/t.xml:22: system error: unknown field"));
	assert_null(strstr(msgs, "T/t.xml:23:"));
	assert_non_null(strstr(msgs, "parcours: T/t.xml: system error: 2 more "
				     "errors not shown\n"));
	free(msgs);

	/* A test longer than the 511 bytes a test may have. */
	n = snprintf(text, sizeof(text), "%s<if test=\"", HEAD);
	for (int i = 0; i < 120; i++)
		n += snprintf(text + n, sizeof(text) - (size_t)n, "a or ");
	snprintf(text + n, sizeof(text) - (size_t)n,
		 "b\"><p/></if>\n</document>\n");
	msgs = load_messages(text, FIELDS_REPORT, &t);
	assert_null(t);
	assert_string_equal(msgs,
			    "parcours: T/t.xml:3: system error: test \"a "
			    "or a or a or a or a or a or a or a or ...\" is "
			    "too long\n");
	free(msgs);
}

static void test_errors_are_system_errors(void **state)
{
	(void)state;
	struct template *t;
	char *msgs = load_messages(HEAD "<p><field name=\"x.y\"/></p>\n"
					"<p><field name=\"y.z\"/></p>\n"
					"</document>\n",
				   FIELDS_NOTICE, &t);
	assert_null(t);
	/* Every mistake of the file, each once. */
	assert_non_null(
	    strstr(msgs, "t.xml:3: system error: unknown field \"x.y\""));
	assert_non_null(
	    strstr(msgs, "t.xml:4: system error: unknown field \"y.z\""));
	free(msgs);

	FILE *null = fopen("/dev/null", "w");
	diag_reset(null);
	assert_null(template_load(tmpdir, "missing.xml", FIELDS_NOTICE));
	/* cli.md: a missing or broken template is a system error. */
	assert_int_equal(diag_worst(), DIAG_SYSTEM);
	diag_reset(NULL);
	fclose(null);
}

static void test_accepted(void **state)
{
	(void)state;
	struct template *t;
	char *msgs = load_messages(
	    HEAD "<title>T <field name=\"doc.term\"/></title>\n"
		 "<!-- a comment -->\n"
		 "<table widths=\"1 2\" header=\"1\">\n"
		 "<row><cell>a</cell><cell>b</cell></row>\n"
		 "<for each=\"period-trainings\"><row><cell><field "
		 "name=\"training.title\"/></cell><cell/></row></for>\n"
		 "<blank-rows count=\"2\"/></table><timeline/>\n"
		 "<space lines=\"1.5\"/>\n"
		 "</document>\n",
	    FIELDS_RECAP, &t);
	if (t == NULL)
		fail_msg("a correct recap template was refused: %s", msgs);
	assert_string_equal(msgs, "");
	template_free(t);
	free(msgs);
	template_free(NULL);
}

static date_t as_of(void)
{
	date_t d;
	assert_true(date_parse("2026-11-26", &d));
	return d;
}

/* The dossiers of a test file, read with the real reader. */
struct fixture {
	struct dossier_source *src; /* owns the file's company */
	struct dossier *d[4];
	struct rules_facts *f[4];
	int n;
};

static void fixture_read(struct fixture *fx, const char *file)
{
	char *inputs[] = {(char *)file};
	memset(fx, 0, sizeof(*fx));
	struct dossier_source *src = fx->src =
	    dossier_source_new(inputs, 1, NULL, "schema");
	assert_non_null(src);
	struct dossier *d;
	while (fx->n < 4 && (d = dossier_source_next(src)) != NULL) {
		fx->d[fx->n] = d;
		fx->f[fx->n] = rules_compute(d, as_of());
		assert_non_null(fx->f[fx->n]);
		fx->n++;
	}
	assert_true(fx->n > 0);
}

static void fixture_free(struct fixture *fx)
{
	for (int i = 0; i < fx->n; i++) {
		rules_facts_free(fx->f[i]);
		dossier_free(fx->d[i]);
	}
	dossier_source_free(fx->src);
}

static char *dump(const struct doc *doc)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	assert_non_null(mem);
	doc_dump(doc, mem);
	fclose(mem);
	return text;
}

/* The tree of the nth document of kind of dossier i, from docs. */
static char *build(const struct documents *docs, enum documents_kind kind,
		   struct fixture *fx, int i, int nth)
{
	struct documents_entry e;
	size_t cursor = 0;
	for (int k = 0; k <= nth; k++)
		assert_true(
		    documents_next(kind, fx->d[i], fx->f[i], &cursor, &e));
	struct doc *doc = documents_build(docs, fx->d[i], fx->f[i], &e);
	assert_non_null(doc);
	char *text = dump(doc);
	doc_free(doc);
	return text;
}

static const char *template_file(enum documents_kind kind)
{
	switch (kind) {
	case DOCUMENTS_NOTICE:
		return "notice.xml";
	case DOCUMENTS_RECAP:
		return "recap.xml";
	default:
		return "report.xml";
	}
}

/* Expands body (the inside of <document>) for one document. */
static char *expand(const char *body, enum documents_kind kind,
		    struct fixture *fx, int i, int nth)
{
	char text[4096];
	snprintf(text, sizeof(text), HEAD "%s</document>\n", body);
	put_file(template_file(kind), text);
	struct documents *docs = documents_new(tmpdir, DOCUMENTS_SET(kind));
	assert_non_null(docs);
	char *out = build(docs, kind, fx, i, nth);
	documents_free(docs);
	/* The metadata line is the same in every row but the first. */
	char *nl = strchr(out, '\n');
	memmove(out, nl + 1, strlen(nl + 1) + 1);
	return out;
}

#define EXAMPLE	   CASES "/example.xml"
#define PARAGRAPHS CASES "/paragraphs.xml"

static const struct {
	const char *file;
	int dossier;
	enum documents_kind kind;
	int nth;
	const char *body, *want, *why;
} expansions[] = {
    {EXAMPLE, 0, DOCUMENTS_NOTICE, 0,
     "<p>  Bonjour\n   <field name=\"employee.name\"/> ,  au revoir  </p>",
     "  paragraph justify\n"
     /* typo.c: a no-break space after the civility. */
     "    text \"Bonjour Mme\xc2\xa0"
     "Aïcha BENALI , au revoir\"\n",
     "white space runs are one space, trimmed at the ends"},
    {EXAMPLE, 0, DOCUMENTS_NOTICE, 0,
     "<p><b>Nom :</b> <field name=\"employee.family-name\"/></p>",
     "  paragraph justify\n"
     "    text bold \"Nom\xc2\xa0:\"\n"
     "    text \" BENALI\"\n",
     "the space between two styles is kept once"},
    {EXAMPLE, 0, DOCUMENTS_NOTICE, 0,
     "Texte libre <i>penché</i>\n<p>bloc</p> suite",
     "  paragraph\n"
     "    text \"Texte libre \"\n"
     "    text italic \"penché\"\n"
     "  paragraph justify\n"
     "    text \"bloc\"\n"
     "  paragraph\n"
     "    text \"suite\"\n",
     "inline content among blocks makes implicit paragraphs"},
    {EXAMPLE, 0, DOCUMENTS_NOTICE, 0,
     "<p><if test=\"doc.regime-2025\">nouveau<else>ancien</else></if> "
     "régime, <field name=\"doc.term\"/>, tous les <field "
     "name=\"doc.periodicity\"/></p>",
     "  paragraph justify\n"
     "    text \"ancien régime, entretien professionnel, tous les deux "
     "ans\"\n",
     "a 2017 hire: the notice speaks the 2014 regime"},
    {EXAMPLE, 0, DOCUMENTS_NOTICE, 0,
     "<p><if test=\"not doc.regime-2025 and company.headcount-50\">A</if>"
     "<if test=\"doc.regime-2025 or employee.woman\">B</if>"
     "<if test=\"doc.regime-2025 or not employee.woman\">C</if>"
     "<if test=\"doc.regime-2025 and employee.woman or "
     "company.headcount-50\">D</if></p>",
     "  paragraph justify\n"
     "    text \"ABD\"\n",
     "not, and, or, and before or"},
    {EXAMPLE, 0, DOCUMENTS_NOTICE, 0,
     "<p>Vous êtes <agree m=\"convoqué\" f=\"convoquée\"/>.</p>",
     "  paragraph justify\n"
     "    text \"Vous êtes convoquée.\"\n",
     "agreement with Mme"},
    {EXAMPLE, 1, DOCUMENTS_RECAP, 0,
     "<p><field name=\"employee.salutation\"/>, vous êtes <agree "
     "m=\"convoqué\" f=\"convoquée\"/>.</p>",
     "  paragraph justify\n"
     "    text \"Monsieur, vous êtes convoqué.\"\n",
     "agreement with M."},
    {EXAMPLE, 1, DOCUMENTS_RECAP, 0,
     "<p><field name=\"employment.exit-date\" empty=\"—\"/></p>"
     "<p><field name=\"employment.exit-date\"/></p>"
     "<section><p><field name=\"employee.email\"/></p></section>",
     "  paragraph justify\n"
     "    text \"—\"\n",
     "empty= for a missing value; empty blocks are dropped"},
    {EXAMPLE, 1, DOCUMENTS_RECAP, 0,
     "<p align=\"left\"><field name=\"employee.address\"/></p>",
     "  paragraph\n"
     "    text \"Résidence Les Acacias, bât. B\"\n"
     "    linebreak\n"
     "    text \"8 rue Émile-Zola\"\n"
     "    linebreak\n"
     "    text \"45400 Fleury-les-Aubrais\"\n",
     "a multi-line value gives line breaks"},
    {EXAMPLE, 1, DOCUMENTS_RECAP, 0,
     "<for each=\"period-dues\"><p><field name=\"due.date\" "
     "format=\"iso\"/> : <field name=\"due.met\" empty=\"non réalisé\"/>"
     "</p></for><if test=\"period-trainings\"><p>formations</p></if>"
     "<if test=\"period-progressions\"><p>progressions</p></if>"
     "<p><field name=\"period.abondement\"/> avant le <field "
     "name=\"period.payment-due\"/></p>",
     "  paragraph justify\n"
     "    text \"2016-03-07\xc2\xa0: non réalisé\"\n"
     "  paragraph justify\n"
     "    text \"2018-03-07\xc2\xa0: non réalisé\"\n"
     "  paragraph justify\n"
     "    text \"2020-03-07\xc2\xa0: non réalisé\"\n"
     "  paragraph justify\n"
     "    text \"formations\"\n"
     "  paragraph justify\n"
     "    text \"3\xe2\x80\xaf"
     "000\xc2\xa0€ avant le 30\xc2\xa0"
     "septembre 2021\"\n",
     "a loop over the period's due dates; an empty list is false"},
    {EXAMPLE, 0, DOCUMENTS_REPORT_BLANK, 0,
     "<text field=\"report.skills\" blank-lines=\"3\"/>"
     "<p><checkbox field=\"information.vae\"/> VAE</p>"
     "<p>Le <field name=\"interview.date\" empty=\"……\"/>, échéance "
     "<field name=\"interview.due\" format=\"numeric\"/></p>",
     "  ruled 3\n"
     "  paragraph justify\n"
     "    checkbox unchecked\n"
     "    text \" VAE\"\n"
     "  paragraph justify\n"
     "    text \"Le ……, échéance 08/01/2028\"\n",
     "a blank form: ruled lines, empty boxes, the due date"},
    {PARAGRAPHS, 0, DOCUMENTS_REPORT, 0,
     "<text field=\"report.mandate-skills\"/><text "
     "field=\"report.position\"/><text field=\"report.skills\" "
     "empty=\"Néant.\"/><p><if test=\"interview.after-mandate and "
     "interview.recensement\">recensement</if></p><p><field "
     "name=\"interview.kind\"/></p>",
     "  paragraph justify\n"
     "    text \"Négociation collective.\"\n"
     "  paragraph justify\n"
     "    text \"Animation de réunions et conduite de projets.\"\n"
     "  paragraph justify\n"
     "    text \"Retour au laboratoire après le mandat.\"\n"
     "  paragraph justify\n"
     "    text \"Néant.\"\n"
     "  paragraph justify\n"
     "    text \"recensement\"\n"
     "  paragraph justify\n"
     "    text \"entretien de reprise après la fin d’un mandat "
     "syndical\"\n",
     "free text: blank lines part paragraphs; 2 500 employees"},
    {PARAGRAPHS, 0, DOCUMENTS_REPORT, 1,
     "<p><checkbox field=\"information.vae\"/><checkbox "
     "field=\"information.cpf\"/> <field name=\"employee.name\"/></p>"
     "<for each=\"actions\"><p><field name=\"action.kind\" "
     "format=\"capital\"/> : <field name=\"action.text\"/> (<field "
     "name=\"action.due\"/>)</p></for>"
     "<for each=\"trainings-since-previous\"><p><field "
     "name=\"training.hours\"/> <if test=\"training.mandatory\">"
     "obligatoire<else>non obligatoire</else></if></p></for>"
     "<p><if test=\"interview.end-of-career-topics\">fin de carrière"
     "</if> <field name=\"employee.age\"/></p>",
     "  paragraph justify\n"
     "    checkbox checked\n"
     "    checkbox unchecked\n"
     "    text \" Thị Ánh NGUYỄN\"\n"
     "  paragraph justify\n"
     "    text \"Bilan de compétences\xc2\xa0: Bilan de compétences "
     "(31\xc2\xa0"
     "décembre 2023)\"\n"
     "  paragraph justify\n"
     "    text \"10,5 h non obligatoire\"\n"
     "  paragraph justify\n"
     "    text \"fin de carrière 60 ans\"\n",
     "report fields, loops, and senior topics by age under 2014"},
};

static void test_expansions(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(expansions) / sizeof(*expansions); i++) {
		struct fixture fx;
		fixture_read(&fx, expansions[i].file);
		char *got = expand(expansions[i].body, expansions[i].kind, &fx,
				   expansions[i].dossier, expansions[i].nth);
		if (strcmp(got, expansions[i].want) != 0)
			fail_msg("%s:\n--- got\n%s--- want\n%s",
				 expansions[i].why, got, expansions[i].want);
		free(got);
		fixture_free(&fx);
	}
}

static void test_metadata(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_read(&fx, PARAGRAPHS);
	char *got = expand("<title>  CR   du <field name=\"interview.date\"/> "
			   "</title><subject><if test=\"doc.blank\">x<else>"
			   "<field name=\"interview.kind\"/></else></if>"
			   "</subject>",
			   DOCUMENTS_REPORT, &fx, 0, 1);
	free(got);
	/* expand() drops the metadata line: build again to see it. */
	struct documents *docs =
	    documents_new(tmpdir, DOCUMENTS_SET(DOCUMENTS_REPORT));
	assert_non_null(docs);
	got = build(docs, DOCUMENTS_REPORT, &fx, 0, 1);
	/* typo.c: a no-break space between the day and its month. */
	const char *want = "root title=\"CR du 1er\xc2\xa0"
			   "février 2023\" "
			   "subject=\"entretien périodique\" "
			   "author=\"Ateliers d'Essai SA\" "
			   "footer=\"Thị Ánh NGUYỄN\" date=2026-11-26\n";
	if (strcmp(got, want) != 0)
		fail_msg("metadata:\n got: %s want: %s", got, want);
	free(got);
	documents_free(docs);
	fixture_free(&fx);
}

/* A document whose template documents_new() was not asked to load:
 * refused with a message, no document (a caller's mistake, no input's). */
static void test_template_not_loaded(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_read(&fx, EXAMPLE);
	struct documents *reports =
	    documents_new("templates", DOCUMENTS_SET(DOCUMENTS_REPORT));
	assert_non_null(reports);
	struct documents_entry e;
	size_t cursor = 0;
	assert_true(
	    documents_next(DOCUMENTS_NOTICE, fx.d[0], fx.f[0], &cursor, &e));
	char *msgs = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&msgs, &len);
	assert_non_null(mem);
	diag_reset(mem);
	assert_null(documents_build(reports, fx.d[0], fx.f[0], &e));
	assert_int_equal(diag_worst(), DIAG_SYSTEM);
	fclose(mem);
	diag_reset(NULL);
	assert_string_equal(msgs, "parcours: system error: documents: the "
				  "notice template is not loaded\n");
	free(msgs);
	documents_free(reports);
	fixture_free(&fx);
}

/* --templates: another set, other words, same data. */
static void test_custom_set(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_read(&fx, EXAMPLE);
	struct documents *standard =
	    documents_new("templates", DOCUMENTS_SET(DOCUMENTS_NOTICE));
	struct documents *custom =
	    documents_new(CASES "/custom", DOCUMENTS_SET(DOCUMENTS_NOTICE));
	assert_non_null(standard);
	assert_non_null(custom);
	char *a = build(standard, DOCUMENTS_NOTICE, &fx, 0, 0);
	char *b = build(custom, DOCUMENTS_NOTICE, &fx, 0, 0);
	assert_non_null(strstr(a, "Notice d’information sur l’entretien "
				  "professionnel"));
	assert_null(strstr(b, "Notice d'information"));
	assert_non_null(strstr(b, "Bienvenue chez Transports Martin & Fils "
				  "SAS"));
	/* typo.c: no-break spaces after the weekday and the day. */
	assert_non_null(
	    strstr(b, "Madame, vous avez été embauchée le lundi\xc2\xa0"
		      "4\xc2\xa0"
		      "septembre 2017"));
	assert_non_null(strstr(b, "04/09/2019"));
	free(a);
	free(b);
	documents_free(standard);
	documents_free(custom);
	fixture_free(&fx);
}

/*
 * The cut line's words come from the template (label="…", else the
 * default), into the tree: the backends only draw them.
 */
static void test_cutline_label(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_read(&fx, PARAGRAPHS);
	put_file("report.xml", HEAD "<cutline/><cutline label=\"d'ici\"/>"
				    "<cutline label=\"\"/></document>\n");
	struct documents *docs =
	    documents_new(tmpdir, DOCUMENTS_SET(DOCUMENTS_REPORT));
	assert_non_null(docs);
	struct documents_entry e;
	size_t cursor = 0;
	assert_true(
	    documents_next(DOCUMENTS_REPORT, fx.d[0], fx.f[0], &cursor, &e));
	struct doc *doc = documents_build(docs, fx.d[0], fx.f[0], &e);
	assert_non_null(doc);
	const char *want[] = {"découper ici", "d’ici", ""};
	size_t k = 0;
	for (const struct doc_node *n = doc->root->first; n != NULL;
	     n = n->next) {
		assert_int_equal(n->type, DOC_CUTLINE);
		assert_true(k < 3);
		assert_string_equal(n->text, want[k]);
		k++;
	}
	assert_int_equal(k, 3);
	doc_free(doc);
	documents_free(docs);
	fixture_free(&fx);
}

/* Loaded once, expanded many times: no state leaks between documents. */
static void test_repeatable(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_read(&fx, EXAMPLE);
	struct documents *docs =
	    documents_new("templates", DOCUMENTS_SET(DOCUMENTS_RECAP));
	assert_non_null(docs);
	char *first = build(docs, DOCUMENTS_RECAP, &fx, 1, 0);
	for (int i = 0; i < 50; i++) {
		char *again = build(docs, DOCUMENTS_RECAP, &fx, 1, 0);
		assert_string_equal(first, again);
		free(again);
	}
	free(first);
	documents_free(docs);
	fixture_free(&fx);
}

static int setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/parcours-tplXXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	static const char *const names[] = {"t.xml", "notice.xml", "report.xml",
					    "recap.xml"};
	char path[128];
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		snprintf(path, sizeof(path), "%s/%s", tmpdir, names[i]);
		unlink(path);
	}
	return rmdir(tmpdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_refused),
	    cmocka_unit_test(test_refused_generated),
	    cmocka_unit_test(test_errors_are_system_errors),
	    cmocka_unit_test(test_accepted),
	    cmocka_unit_test(test_expansions),
	    cmocka_unit_test(test_metadata),
	    cmocka_unit_test(test_template_not_loaded),
	    cmocka_unit_test(test_custom_set),
	    cmocka_unit_test(test_cutline_label),
	    cmocka_unit_test(test_repeatable),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
