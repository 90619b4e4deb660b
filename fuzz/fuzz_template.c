/*
 * libFuzzer harness: the template loader and expander, then both
 * backends, on the spec's example dossiers.  For `make fuzz`; never
 * linked into parcours.
 *
 * The first input byte picks which template the rest replaces (notice,
 * report, recap or one of the letters); the other templates stay the
 * real ones, so a template that loads is expanded and rendered for every
 * document of its kind.  A template set is a folder, so the input is
 * written to a scratch folder (under TMPDIR) that links the real
 * templates; nothing else is written.
 */
#define _GNU_SOURCE /* mkdtemp */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "documents.h"
#include "dossier_read.h"
#include "fuzz_common.h"
#include "odt.h"
#include "pdf.h"
#include "rules.h"

static const struct {
	const char *file;
	enum documents_kind kind;
} targets[] = {
    {"notice.xml", DOCUMENTS_NOTICE},
    {"report.xml", DOCUMENTS_REPORT},
    {"report.xml", DOCUMENTS_REPORT_BLANK},
    {"recap.xml", DOCUMENTS_RECAP},
    {"letter-convocation.xml", DOCUMENTS_LETTER},
    {"letter-reconvocation.xml", DOCUMENTS_LETTER},
    {"letter-proposal.xml", DOCUMENTS_LETTER},
    {"letter-refusal-record.xml", DOCUMENTS_LETTER},
    {"letter-decline-record.xml", DOCUMENTS_LETTER},
};
#define NTARGETS     (sizeof(targets) / sizeof(targets[0]))
#define MAX_DOSSIERS 8

struct world {
	char dir[256];
	struct dossier_source *src; /* owns the dossiers' company */
	struct dossier *dossiers[MAX_DOSSIERS];
	struct rules_facts *facts[MAX_DOSSIERS];
	size_t ndossiers;
	struct pdf *pdf;
	struct odt *odt;
	struct buf out;
};

static struct world w;

/* Points dir/file at the real template again. */
static void relink(const char *file)
{
	char link[512], real[512];
	snprintf(link, sizeof(link), "%s/%s", w.dir, file);
	snprintf(real, sizeof(real), "%s/templates/%s", FUZZ_SRCDIR, file);
	unlink(link);
	if (symlink(real, link) != 0)
		abort();
}

static void cleanup(void)
{
	for (size_t i = 0; i < NTARGETS; i++) {
		char link[512];
		snprintf(link, sizeof(link), "%s/%s", w.dir, targets[i].file);
		unlink(link);
	}
	rmdir(w.dir);
}

static void init(void)
{
	if (w.pdf != NULL)
		return;
	fuzz_quiet();
	const char *tmp = getenv("TMPDIR");
	snprintf(w.dir, sizeof(w.dir), "%s/parcours-fuzz-template.XXXXXX",
		 tmp != NULL ? tmp : "/tmp");
	if (mkdtemp(w.dir) == NULL)
		abort();
	atexit(cleanup);
	for (size_t i = 0; i < NTARGETS; i++)
		relink(targets[i].file);
	char *inputs[] = {FUZZ_SRCDIR "/tests/reader/dossier-example.xml"};
	w.src = dossier_source_new(inputs, 1, NULL, FUZZ_SRCDIR "/schema");
	date_t as_of;
	if (w.src == NULL || !date_parse(FUZZ_AS_OF_ISO, &as_of))
		abort();
	struct dossier *d;
	while (w.ndossiers < MAX_DOSSIERS &&
	       (d = dossier_source_next(w.src)) != NULL) {
		w.dossiers[w.ndossiers] = d;
		w.facts[w.ndossiers++] = rules_compute(d, as_of);
	}
	w.pdf = pdf_new(FUZZ_SRCDIR "/fonts", false);
	w.odt = odt_new(pdf_font_family());
	if (w.ndossiers == 0 || w.pdf == NULL || w.odt == NULL)
		abort();
}

static void write_template(const char *file, const uint8_t *data, size_t size)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", w.dir, file);
	unlink(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size || close(fd) != 0)
		abort();
}

static void render_all(const struct documents *docs, enum documents_kind kind)
{
	for (size_t i = 0; i < w.ndossiers; i++) {
		const struct dossier *d = w.dossiers[i];
		const struct rules_facts *f = w.facts[i];
		struct documents_entry e;
		size_t cursor = 0;
		while (f != NULL && documents_next(kind, d, f, &cursor, &e)) {
			struct doc *doc = documents_build(docs, d, f, &e);
			if (doc == NULL)
				continue;
			buf_reset(&w.out);
			pdf_render(w.pdf, doc, &w.out);
			buf_reset(&w.out);
			odt_render(w.odt, doc, &w.out);
			doc_free(doc);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	init();
	if (size == 0)
		return 0;
	size_t t = data[0] % NTARGETS;
	write_template(targets[t].file, data + 1, size - 1);
	struct documents *docs =
	    documents_new(w.dir, DOCUMENTS_SET(targets[t].kind));
	if (docs != NULL)
		render_all(docs, targets[t].kind);
	documents_free(docs);
	relink(targets[t].file);
	return 0;
}
