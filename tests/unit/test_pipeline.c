/*
 * The read–compute–act driver (pipeline.c) and the backend contract
 * (backend.c, tree_dump.c): what each answer of the callback does to
 * the run and to the ownership of the dossier and its facts, and the
 * code backend_write() gives for each kind of failure.  Runs from the
 * source tree (make unit), where samples/, schema/ and fonts/ are.
 */
#define _XOPEN_SOURCE 700 /* nftw(), to clean up the temporary files */

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "backend.h"
#include "diag.h"
#include "doc.h"
#include "outfile_group.h"
#include "pipeline.h"
#include "tree_dump.h"

#define SAMPLE		"samples/01-transports-martin.xml"
#define SAMPLE_DOSSIERS 9
#define FONTS		"fonts"

static struct options options(char **inputs)
{
	struct options o = {0};
	o.as_of = date_from_ymd(2026, 6, 1);
	o.schema_dir = "schema";
	o.inputs = inputs;
	o.ninputs = 1;
	return o;
}

/* What the callbacks saw, and what they answer. */
struct seen {
	size_t n;		  /* act calls */
	char ids[16][64];	  /* their dossiers, in order */
	size_t pause_every;	  /* > 0: KEEP, and PAUSE every so many */
	size_t stop_at;		  /* > 0: STOP (or OOM) at that call */
	enum pipeline_step final; /* what stop_at answers */
	struct dossier *kept[16];
	struct rules_facts *kept_f[16];
	size_t nkept;
	const char *skip; /* the filter refuses this id */
};

static bool wanted(void *ctx, const struct dossier *d)
{
	struct seen *s = ctx;
	return s->skip == NULL || strcmp(d->id, s->skip) != 0;
}

static enum pipeline_step act(void *ctx, struct dossier *d,
			      struct rules_facts *f)
{
	struct seen *s = ctx;
	assert_non_null(f);
	/* The facts are d's, at the run's as-of. */
	assert_int_equal(f->as_of, date_from_ymd(2026, 6, 1));
	snprintf(s->ids[s->n % 16], sizeof(s->ids[0]), "%s", d->id);
	s->n++;
	if (s->stop_at > 0 && s->n == s->stop_at)
		return s->final;
	if (s->pause_every == 0)
		return PIPELINE_NEXT;
	s->kept[s->nkept] = d;
	s->kept_f[s->nkept++] = f;
	return s->n % s->pause_every == 0 ? PIPELINE_PAUSE : PIPELINE_KEEP;
}

static void free_kept(struct seen *s)
{
	for (size_t i = 0; i < s->nkept; i++) {
		rules_facts_free(s->kept_f[i]);
		dossier_free(s->kept[i]);
	}
	s->nkept = 0;
}

/* NEXT: every dossier once, in input order, then the end. */
static void test_every_dossier(void **state)
{
	(void)state;
	char *inputs[] = {SAMPLE};
	struct options o = options(inputs);
	struct seen s = {0};
	struct pipeline_acts acts = {.act = act, .ctx = &s};
	assert_true(pipeline_each(&o, &acts));
	assert_int_equal(s.n, SAMPLE_DOSSIERS);
	assert_int_equal(diag_worst(), DIAG_OK);
}

/* PAUSE returns and a second call goes on where the first stopped;
 * KEEP and PAUSE leave the dossiers alive with the callback. */
static void test_pause_and_keep(void **state)
{
	(void)state;
	char *inputs[] = {SAMPLE};
	struct options o = options(inputs);
	struct seen all = {0}, s = {.pause_every = 4};
	struct pipeline_acts each = {.act = act, .ctx = &all};
	assert_true(pipeline_each(&o, &each));

	struct pipeline *p = pipeline_new(&o);
	assert_non_null(p);
	struct pipeline_acts acts = {.act = act, .ctx = &s};
	assert_int_equal(pipeline_run(p, &acts), PIPELINE_PAUSED);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.nkept, 4);
	/* Kept: still readable after the driver went on. */
	assert_string_equal(s.kept[0]->id, all.ids[0]);
	assert_int_equal(pipeline_run(p, &acts), PIPELINE_PAUSED);
	assert_int_equal(pipeline_run(p, &acts), PIPELINE_READ_ALL);
	assert_int_equal(s.n, SAMPLE_DOSSIERS);
	for (size_t i = 0; i < SAMPLE_DOSSIERS; i++)
		assert_string_equal(s.ids[i], all.ids[i]);
	assert_string_equal(s.kept[SAMPLE_DOSSIERS - 1]->id,
			    all.ids[SAMPLE_DOSSIERS - 1]);
	free_kept(&s);
	assert_int_equal(dossier_source_failed(pipeline_source(p)), 0);
	pipeline_free(p);
	pipeline_free(NULL);
}

/* The filter runs before the facts: a refused dossier never gets to
 * the callback. */
static void test_filter(void **state)
{
	(void)state;
	char *inputs[] = {SAMPLE};
	struct options o = options(inputs);
	struct seen all = {0};
	struct pipeline_acts each = {.act = act, .ctx = &all};
	assert_true(pipeline_each(&o, &each));
	struct seen s = {.skip = all.ids[1]};
	struct pipeline_acts acts = {.wanted = wanted, .act = act, .ctx = &s};
	assert_true(pipeline_each(&o, &acts));
	assert_int_equal(s.n, SAMPLE_DOSSIERS - 1);
	assert_string_equal(s.ids[0], all.ids[0]);
	assert_string_equal(s.ids[1], all.ids[2]);
}

/* STOP ends the run silently (the callback reported); OOM ends it with
 * the driver's one message. */
static void test_stop_and_oom(void **state)
{
	(void)state;
	char *inputs[] = {SAMPLE};
	struct options o = options(inputs);
	char *msg = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&msg, &len);
	diag_reset(err);

	struct seen s = {.stop_at = 2, .final = PIPELINE_STOP};
	struct pipeline_acts acts = {.act = act, .ctx = &s};
	assert_false(pipeline_each(&o, &acts));
	assert_int_equal(s.n, 2);
	fflush(err);
	assert_int_equal(len, 0);

	struct seen t = {.stop_at = 3, .final = PIPELINE_OOM};
	acts.ctx = &t;
	assert_false(pipeline_each(&o, &acts));
	assert_int_equal(t.n, 3);
	fclose(err);
	assert_int_equal(diag_worst(), DIAG_SYSTEM);
	diag_reset(NULL);
	assert_string_equal(msg, "parcours: system error: out of memory\n");
	free(msg);
}

static struct doc *one_paragraph(const char *text)
{
	struct doc *d = doc_new();
	assert_non_null(d);
	d->meta.title = doc_strdup(d, "Titre");
	d->meta.origin = doc_strdup(d, "specimen.xml");
	d->meta.reference_date = date_from_ymd(2026, 6, 1);
	struct doc_node *p = doc_add(d, d->root, DOC_PARAGRAPH);
	assert_non_null(p);
	assert_non_null(doc_add_text(d, p, text, 0));
	return d;
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static bool exists(const char *dir, const char *name)
{
	char path[512];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return stat(path, &st) == 0;
}

/* Written; or the dossier's error, nothing written, the run going on. */
static void test_backend_codes(void **state)
{
	(void)state;
	char dir[] = "/tmp/parcours-test-pipeline-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct outfile_group *g = outfile_group_new(dir);
	struct backend *pdf = backend_new(BACKEND_PDF, FONTS, false, NULL);
	struct backend *odt = backend_new(BACKEND_ODT, NULL, false, NULL);
	assert_non_null(g);
	assert_non_null(pdf);
	assert_non_null(odt);
	struct buf out = {0};
	struct doc *good = one_paragraph("Mme Aïcha BENALI");
	struct doc *bad = one_paragraph("Zhang 張偉");

	assert_int_equal(backend_write(pdf, good, "a.pdf", &out, g),
			 BACKEND_OK);
	assert_memory_equal(out.data, "%PDF-", 5); /* left for the caller */
	assert_int_equal(backend_write(odt, good, "a.odt", &out, g),
			 BACKEND_OK);
	assert_memory_equal(out.data, "PK\003\004", 4);

	char *msg = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&msg, &len);
	diag_reset(err);
	assert_int_equal(backend_write(pdf, bad, "b.pdf", &out, g),
			 BACKEND_DOSSIER);
	fclose(err);
	assert_int_equal(diag_worst(), DIAG_ERROR);
	diag_reset(NULL);
	assert_non_null(strstr(msg, "specimen.xml: error: character U+5F35"));
	free(msg);

	assert_true(outfile_group_commit(g));
	assert_true(exists(dir, "a.pdf"));
	assert_true(exists(dir, "a.odt"));
	assert_false(exists(dir, "b.pdf"));

	doc_free(good);
	doc_free(bad);
	buf_free(&out);
	backend_free(pdf);
	backend_free(odt);
	backend_free(NULL);
	outfile_group_free(g);
	nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* The tree backend's bytes are doc_dump()'s. */
static void test_tree_dump(void **state)
{
	(void)state;
	struct doc *d = one_paragraph("texte");
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	doc_dump(d, f);
	fclose(f);
	struct tree_dump *t = tree_dump_new();
	assert_non_null(t);
	struct buf out = {0};
	assert_int_equal(tree_dump_render(t, d, &out), BACKEND_OK);
	assert_int_equal(out.len, len);
	assert_memory_equal(out.data, text, len);
	free(text);
	buf_free(&out);
	tree_dump_free(t);
	tree_dump_free(NULL);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_dossier),
	    cmocka_unit_test(test_pause_and_keep),
	    cmocka_unit_test(test_filter),
	    cmocka_unit_test(test_stop_and_oom),
	    cmocka_unit_test(test_backend_codes),
	    cmocka_unit_test(test_tree_dump),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
