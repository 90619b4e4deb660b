/*
 * PDF backend tests on trees built by hand with every node type: output
 * is a PDF, byte-identical across renders and whatever was rendered
 * before, and a character no font has is an error naming it.
 *
 * With a directory argument, writes the specimens there instead, for the
 * reader checks of tests/pdf/check.sh (qpdf, pdffonts, pdftotext); with
 * "--bench N [K]", times N renders of each specimen (or of the K-th).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "outfile.h"
#include "pdf.h"

#define FONTS "fonts"

/* Names from every corner of Europe, as pdftotext must give them back. */
static const char *const names[] = {
    "Mme Aïcha BENALI",	     "M. Paweł ŻÓŁĆ",
    "Mme Nguyễn Thị Ánh",    "M. Ștefan ȚĂRANU",
    "Mme Şule YILDIRIM",     "M. Jiří ŘEHÁČEK",
    "Mme Åse ØVERLAND",	     "M. Zoltán ŐRSI-KŐVÁRI",
    "Mme Dīana BĒRZIŅA",     "M. Þórður GUÐMUNDSSON",
    "Mme Œlia CŒUR-D’ALÈNE", "M. Αλέξανδρος ΠΑΠΑΔΟΠΟΥΛΟΣ",
    "Mme Ольга ИВАНОВА",     "M. Miloš ĐUKIĆ",
};

static struct doc_node *para(struct doc *d, struct doc_node *parent,
			     const char *text, unsigned flags,
			     enum doc_align align)
{
	struct doc_node *p = doc_add(d, parent, DOC_PARAGRAPH);
	p->align = align;
	doc_add_text(d, p, text, flags);
	return p;
}

static struct doc_node *heading(struct doc *d, struct doc_node *parent,
				int level, const char *text)
{
	struct doc_node *h = doc_add(d, parent, DOC_HEADING);
	h->level = level;
	doc_add_text(d, h, text, 0);
	return h;
}

static struct doc_node *table(struct doc *d, struct doc_node *parent, int ncols,
			      const double *widths, int header)
{
	struct doc_node *t = doc_add(d, parent, DOC_TABLE);
	t->ncols = ncols;
	t->header_rows = header;
	t->widths = arena_alloc(d->arena, sizeof(double) * (size_t)ncols);
	memcpy(t->widths, widths, sizeof(double) * (size_t)ncols);
	return t;
}

static void row(struct doc *d, struct doc_node *t, const char *const *cells,
		int n)
{
	struct doc_node *r = doc_add(d, t, DOC_ROW);
	for (int i = 0; i < n; i++) {
		struct doc_node *c = doc_add(d, r, DOC_CELL);
		para(d, c, cells[i], 0, DOC_LEFT);
	}
}

static void meta(struct doc *d, const char *title, const char *name)
{
	d->meta.title = doc_strdup(d, title);
	d->meta.subject = doc_strdup(d, "Entretien du 8 janvier 2024");
	d->meta.author = doc_strdup(d, "Société Żółć & Fils");
	d->meta.keywords = doc_strdup(d, "entretien professionnel");
	d->meta.footer_name = doc_strdup(d, name);
	d->meta.reference_date = date_from_ymd(2024, 1, 8);
	d->meta.origin = doc_strdup(d, "specimen.xml");
}

static const char lorem[] =
    "L’entretien professionnel est consacré aux perspectives "
    "d’évolution professionnelle du salarié, notamment en termes de "
    "qualifications et d’emploi ; il ne porte pas sur l’évaluation du "
    "travail. Il comporte également des informations relatives à la "
    "validation des acquis de l’expérience, à l’activation du compte "
    "personnel de formation, aux abondements de ce compte que "
    "l’employeur est susceptible de financer et au conseil en évolution "
    "professionnelle. ";

/* Every node type, long text over pages, a long table, a tall row. */
static struct doc *specimen(void)
{
	struct doc *d = doc_new();
	struct doc_node *r = d->root;
	meta(d, "Compte rendu d’entretien professionnel", names[0]);

	heading(d, r, 1, "Compte rendu d’entretien professionnel");
	struct doc_node *p = para(d, r, "Entretien du ", 0, DOC_JUSTIFY);
	doc_add_text(d, p, "lundi 8 janvier 2024 à 14 h 00", DOC_BOLD);
	doc_add_text(d, p, ", montant « 3\u202f000\u00a0€ », ", 0);
	doc_add_text(d, p, "petite mention.", DOC_SMALL | DOC_ITALIC);
	doc_add(d, p, DOC_LINEBREAK);
	doc_add_text(d, p, "Après un saut de ligne forcé.", 0);

	static const double w2[] = {0.35, 0.65};
	struct doc_node *t = table(d, r, 2, w2, 0);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char label[32];
		snprintf(label, sizeof(label), "Salarié %zu", i + 1);
		const char *cells[] = {label, names[i]};
		row(d, t, cells, 2);
	}

	struct doc_node *sec = doc_add(d, r, DOC_SECTION);
	sec->keep_together = true;
	heading(d, sec, 2, "Informations délivrées");
	const char *items[] = {"validation des acquis de l’expérience (VAE)",
			       "activation du compte personnel de formation",
			       "abondements du CPF par l’employeur",
			       "conseil en évolution professionnelle"};
	for (int i = 0; i < 4; i++) {
		struct doc_node *q = doc_add(d, sec, DOC_PARAGRAPH);
		struct doc_node *cb = doc_add(d, q, DOC_CHECKBOX);
		cb->checked = i % 2 == 0;
		doc_add_text(d, q, " ", 0);
		doc_add_text(d, q, items[i], 0);
	}

	heading(d, r, 2, "Listes");
	for (int ordered = 0; ordered < 2; ordered++) {
		struct doc_node *l = doc_add(d, r, DOC_LIST);
		l->ordered = ordered;
		for (int i = 0; i < 12; i++) {
			struct doc_node *it = doc_add(d, l, DOC_ITEM);
			para(d, it,
			     i % 3 ? "Élément de liste assez court." : lorem, 0,
			     DOC_JUSTIFY);
		}
	}

	heading(d, r, 2, "Texte long sur plusieurs pages");
	for (int i = 0; i < 14; i++)
		para(d, r, lorem, 0, DOC_JUSTIFY);
	/* An overlong word is broken between characters, never overflows. */
	char *longword = arena_alloc(d->arena, 10001);
	for (int i = 0; i < 10000; i++)
		longword[i] = "ABCDEFGHIJ"[i % 10];
	p = para(d, r, "Nom démesuré : ", 0, DOC_JUSTIFY);
	doc_add_text(d, p, longword, DOC_BOLD);
	para(d, r,
	     "Lien : https://www.example.org/un/chemin/tres/long/qui/ne/tient/"
	     "pas/sur/une/ligne/et/doit/etre/coupe/entre/deux/caracteres/"
	     "sans/deborder/de/la/marge/droite?avec=des&parametres=nombreux",
	     0, DOC_LEFT);

	heading(d, r, 2, "Formations suivies");
	static const double w4[] = {0.18, 0.5, 0.12, 0.2};
	t = table(d, r, 4, w4, 1);
	const char *hdr[] = {"Dates", "Intitulé", "Heures", "Nature"};
	row(d, t, hdr, 4);
	for (int i = 0; i < 70; i++) {
		char date[32], title[96], hours[16];
		snprintf(date, sizeof(date), "%d mars %d", 1 + i % 28,
			 2016 + i % 8);
		snprintf(title, sizeof(title),
			 "Formation n° %d : sécurité, bureautique et "
			 "management de proximité",
			 i + 1);
		snprintf(hours, sizeof(hours), "%d h", 7 + i % 30);
		const char *cells[] = {date, title, hours,
				       i % 3 ? "non obligatoire"
					     : "obligatoire"};
		row(d, t, cells, 4);
		if (i == 20) {
			/* A row taller than a page is split in bands. */
			struct doc_node *tall = doc_add(d, t, DOC_ROW);
			struct doc_node *c = doc_add(d, tall, DOC_CELL);
			para(d, c, "Très longue", 0, DOC_LEFT);
			c = doc_add(d, tall, DOC_CELL);
			for (int k = 0; k < 12; k++)
				para(d, c, lorem, 0, DOC_JUSTIFY);
			c = doc_add(d, tall, DOC_CELL);
			c->align = DOC_RIGHT;
			para(d, c, "120 h", 0, DOC_LEFT);
			c = doc_add(d, tall, DOC_CELL);
			para(d, c, "non obligatoire", 0, DOC_LEFT);
		}
	}

	heading(d, r, 2, "Observations du salarié");
	struct doc_node *ruled = doc_add(d, r, DOC_RULED);
	ruled->count = 6;

	struct doc_node *frame = doc_add(d, r, DOC_FRAME);
	frame->keep_together = true;
	para(d, frame, "Entretiens prévus réalisés : non", DOC_BOLD, DOC_LEFT);
	para(d, frame, "Au moins une formation non obligatoire : oui", 0,
	     DOC_LEFT);
	para(d, frame,
	     "Abondement correctif de 3\u202f000\u00a0€ à verser sur le CPF "
	     "avant le 30 juin 2020.",
	     0, DOC_LEFT);

	heading(d, r, 2, "Chronologie");
	struct doc_node *tl = doc_add(d, r, DOC_TIMELINE);
	struct doc_timeline *tv = arena_alloc(d->arena, sizeof(*tv));
	tv->start = date_from_ymd(2016, 3, 1);
	tv->end = date_from_ymd(2022, 3, 1);
	static const struct {
		enum doc_mark kind;
		int y0, m0, d0, y1, m1, d1;
	} marks[] = {
	    {DOC_MARK_DUE_ON_TIME, 2018, 3, 1, 2018, 3, 1},
	    {DOC_MARK_DUE_LATE, 2020, 3, 1, 2020, 3, 1},
	    {DOC_MARK_DUE_MISSED, 2021, 9, 1, 2021, 9, 1},
	    {DOC_MARK_DUE_OPEN, 2022, 3, 1, 2022, 3, 1},
	    {DOC_MARK_HELD, 2018, 2, 12, 2018, 2, 12},
	    {DOC_MARK_HELD, 2020, 6, 5, 2020, 6, 5},
	    {DOC_MARK_REFUSED, 2021, 10, 4, 2021, 10, 4},
	    {DOC_MARK_RECAP, 2022, 2, 20, 2022, 2, 20},
	    {DOC_MARK_TRAINING, 2017, 5, 2, 2017, 5, 20},
	    {DOC_MARK_TRAINING_MANDATORY, 2019, 1, 7, 2019, 2, 1},
	    {DOC_MARK_TRAINING, 2020, 11, 3, 2020, 11, 3},
	    {DOC_MARK_ABSENCE, 2018, 9, 1, 2019, 4, 30},
	};
	tv->nitems = sizeof(marks) / sizeof(marks[0]);
	tv->items = arena_alloc(d->arena, sizeof(*tv->items) * tv->nitems);
	for (size_t i = 0; i < tv->nitems; i++) {
		tv->items[i].kind = marks[i].kind;
		tv->items[i].start =
		    date_from_ymd(marks[i].y0, marks[i].m0, marks[i].d0);
		tv->items[i].end =
		    date_from_ymd(marks[i].y1, marks[i].m1, marks[i].d1);
		tv->items[i].label = "repère";
	}
	tl->timeline = tv;

	struct doc_node *sig = doc_add(d, r, DOC_SIGNATURE);
	const char *who[][2] = {{"Le salarié", names[0]},
				{"L’employeur", "M. Jean DUPONT, DRH"}};
	for (int i = 0; i < 2; i++) {
		struct doc_node *s = doc_add(d, sig, DOC_SIGNER);
		para(d, s, who[i][0], DOC_BOLD, DOC_LEFT);
		para(d, s, who[i][1], 0, DOC_LEFT);
		para(d, s, "Date :", 0, DOC_LEFT);
		para(d, s, "Signature :", 0, DOC_LEFT);
	}
	struct doc_node *space = doc_add(d, r, DOC_SPACE);
	space->count = 2;
	para(d, r, "Copie remise au salarié le 8 janvier 2024.", DOC_ITALIC,
	     DOC_LEFT);
	doc_add(d, r, DOC_CUTLINE);
	p = para(d, r, "", 0, DOC_LEFT);
	doc_add(d, p, DOC_CHECKBOX);
	doc_add_text(d, p, " j’accepte   ", 0);
	doc_add(d, p, DOC_CHECKBOX);
	doc_add_text(d, p, " je ne souhaite pas", 0);

	/* A letter: boxes placed for a window envelope. */
	doc_add(d, r, DOC_PAGEBREAK);
	static const struct {
		enum doc_box box;
		const char *lines[4];
	} boxes[] = {
	    {DOC_BOX_SENDER,
	     {"Société Żółć & Fils", "12 rue des Halles", "45000 Orléans",
	      NULL}},
	    {DOC_BOX_RECIPIENT,
	     {"Mme Nguyễn Thị Ánh", "3 allée des Tilleuls", "Bâtiment B",
	      "45100 Orléans"}},
	    {DOC_BOX_DATELINE, {"Orléans, le 6 décembre 2021", NULL}},
	    {DOC_BOX_DELIVERY,
	     {"Lettre remise en main propre contre décharge", NULL}},
	    {DOC_BOX_OBJECT,
	     {"Objet : convocation à un entretien professionnel", NULL}},
	};
	for (size_t i = 0; i < sizeof(boxes) / sizeof(boxes[0]); i++) {
		struct doc_node *b = doc_add(d, r, DOC_LETTERBOX);
		b->box = boxes[i].box;
		p = doc_add(d, b, DOC_PARAGRAPH);
		for (int k = 0; k < 4 && boxes[i].lines[k] != NULL; k++) {
			if (k > 0)
				doc_add(d, p, DOC_LINEBREAK);
			doc_add_text(d, p, boxes[i].lines[k], 0);
		}
	}
	para(d, r, "Madame,", 0, DOC_LEFT);
	para(d, r, lorem, 0, DOC_JUSTIFY);
	struct doc_node *b = doc_add(d, r, DOC_LETTERBOX);
	b->box = DOC_BOX_SIGNATORY;
	para(d, b, "Jean DUPONT", DOC_BOLD, DOC_LEFT);
	para(d, b, "Directeur des ressources humaines", 0, DOC_LEFT);
	/* A trailing page break makes no empty page. */
	doc_add(d, r, DOC_PAGEBREAK);
	return d;
}

/* A two-page interview report, the common case: Western names only. */
static struct doc *typical_doc(void)
{
	struct doc *d = doc_new();
	struct doc_node *r = d->root;
	meta(d, "Compte rendu d’entretien professionnel", names[0]);
	heading(d, r, 1, "Compte rendu d’entretien professionnel");
	static const double w2[] = {0.35, 0.65};
	struct doc_node *t = table(d, r, 2, w2, 0);
	const char *rows[][2] = {
	    {"Société", "ACME Logistique SAS"},
	    {"Salarié", names[0]},
	    {"Emploi", "Technicienne de maintenance"},
	    {"Service", "Maintenance industrielle"},
	    {"Contrat", "CDI"},
	    {"Date d’embauche", "4 septembre 2017"},
	    {"Ancienneté", "6 ans et 4 mois"},
	    {"Entretien", "périodique, le lundi 8 janvier 2024 à 14 h 00"},
	    {"Conduit par", "M. Jean DUPONT, responsable de service"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		row(d, t, rows[i], 2);
	const char *sections[] = {"Poste occupé", "Compétences",
				  "Difficultés rencontrées",
				  "Souhaits d’évolution"};
	for (int i = 0; i < 4; i++) {
		heading(d, r, 2, sections[i]);
		para(d, r, lorem, 0, DOC_JUSTIFY);
	}
	heading(d, r, 2, "Informations délivrées");
	for (int i = 0; i < 4; i++) {
		struct doc_node *q = doc_add(d, r, DOC_PARAGRAPH);
		struct doc_node *cb = doc_add(d, q, DOC_CHECKBOX);
		cb->checked = i % 2 == 0;
		doc_add_text(d, q, " information délivrée", 0);
	}
	struct doc_node *sig = doc_add(d, r, DOC_SIGNATURE);
	for (int i = 0; i < 2; i++) {
		struct doc_node *s = doc_add(d, sig, DOC_SIGNER);
		para(d, s, i ? "L’employeur" : "Le salarié", DOC_BOLD,
		     DOC_LEFT);
		para(d, s, "Date :", 0, DOC_LEFT);
	}
	para(d, r, "L’entretien professionnel n’est pas une évaluation.",
	     DOC_ITALIC, DOC_LEFT);
	return d;
}

/* A short document whose names need the Unicode fallback font. */
static struct doc *names_doc(void)
{
	struct doc *d = doc_new();
	meta(d, "Noms", "Mme Nguyễn Thị Ánh");
	heading(d, d->root, 1, "Noms de toute l’Europe");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		para(d, d->root, names[i], i % 2 ? DOC_BOLD : 0, DOC_LEFT);
	return d;
}

/* Appends code point c to b as UTF-8. */
static void put_utf8(struct buf *b, unsigned c)
{
	unsigned char u[3];
	size_t n;
	if (c < 0x80) {
		u[0] = (unsigned char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (unsigned char)(0xC0 | c >> 6);
		u[1] = (unsigned char)(0x80 | (c & 0x3F));
		n = 2;
	} else {
		u[0] = (unsigned char)(0xE0 | c >> 12);
		u[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (c & 0x3F));
		n = 3;
	}
	buf_put(b, u, n);
}

/*
 * Every letter of European names the fonts have, and the French
 * punctuation, one "XXXX=c" paragraph each; expect gets the same lines
 * for comparison with pdftotext.
 */
static struct doc *charset_doc(struct buf *expect)
{
	static const unsigned ranges[][2] = {
	    {0xA1, 0xAC},     {0xAE, 0x17F},	{0x192, 0x192},
	    {0x1A0, 0x1A1},   {0x1AF, 0x1B0},	{0x218, 0x21B},
	    {0x386, 0x386},   {0x388, 0x38A},	{0x38C, 0x38C},
	    {0x38E, 0x3A1},   {0x3A3, 0x3CE},	{0x400, 0x45F},
	    {0x490, 0x491},   {0x1EA0, 0x1EF9}, {0x2013, 0x2014},
	    {0x2018, 0x201E}, {0x2020, 0x2022}, {0x2026, 0x2026},
	    {0x2030, 0x2030}, {0x2039, 0x203A}, {0x20AC, 0x20AC},
	    {0x2122, 0x2122},
	};
	struct doc *d = doc_new();
	meta(d, "Jeu de caractères", "M. X");
	struct buf line = {0};
	for (size_t r = 0; r < sizeof(ranges) / sizeof(ranges[0]); r++) {
		for (unsigned c = ranges[r][0]; c <= ranges[r][1]; c++) {
			buf_reset(&line);
			buf_printf(&line, "%04X=", c);
			put_utf8(&line, c);
			buf_put(&line, "", 1);
			para(d, d->root, (char *)line.data,
			     c % 3 ? 0 : DOC_BOLD, DOC_LEFT);
			buf_printf(expect, "%s\n", (char *)line.data);
		}
	}
	buf_free(&line);
	return d;
}

static void render(struct pdf *p, struct doc *d, struct buf *b)
{
	buf_reset(b);
	assert_int_equal(pdf_render(p, d, b), BACKEND_OK);
	assert_true(b->len > 1000);
}

static void test_is_pdf(void **state)
{
	(void)state;
	struct pdf *p = pdf_new(FONTS, false);
	assert_non_null(p);
	struct doc *d = specimen();
	struct buf b = {0};
	render(p, d, &b);
	assert_memory_equal(b.data, "%PDF-1.", 7);
	assert_memory_equal(b.data + b.len - 6, "%%EOF\n", 6);
	buf_free(&b);
	doc_free(d);
	pdf_free(p);
}

static void test_reproducible(void **state)
{
	(void)state;
	struct doc *docs[] = {typical_doc(), specimen(), names_doc()};
	const size_t n = sizeof(docs) / sizeof(docs[0]);
	struct buf first[3] = {{0}}, b = {0};

	/* Each document alone, on a renderer of its own. */
	for (size_t i = 0; i < n; i++) {
		struct pdf *p = pdf_new(FONTS, false);
		assert_non_null(p);
		render(p, docs[i], &first[i]);
		pdf_free(p);
	}
	/*
	 * Then all of them on one renderer, twice over in two orders: the
	 * fonts it keeps must carry nothing from one document to the next.
	 */
	struct pdf *p = pdf_new(FONTS, false);
	static const size_t order[] = {2, 1, 0, 0, 1, 2, 1};
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		size_t i = order[k];
		render(p, docs[i], &b);
		if (b.len != first[i].len ||
		    memcmp(b.data, first[i].data, b.len) != 0)
			fail_msg("document %zu differs when rendered after "
				 "others (step %zu)",
				 i, k);
	}
	pdf_free(p);
	for (size_t i = 0; i < n; i++) {
		buf_free(&first[i]);
		doc_free(docs[i]);
	}
	buf_free(&b);
}

static void test_missing_character(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		const char *expect;
		const char *reason;
	} cases[] = {
	    {"Zhang 張偉", "U+5F35", "CJK is in no embedded font"},
	    {"emoji 😀", "U+1F600", "outside the BMP"},
	    {"☐ typed", "U+2610", "check boxes are nodes, not text"},
	};
	struct pdf *p = pdf_new(FONTS, false);
	assert_non_null(p);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *msg = NULL;
		size_t len = 0;
		FILE *err = open_memstream(&msg, &len);
		diag_reset(err);
		struct doc *d = doc_new();
		meta(d, "Titre", "M. X");
		para(d, d->root, cases[i].text, 0, DOC_LEFT);
		struct buf b = {0};
		/* The dossier's error, not the machine's: the run goes on. */
		enum backend_code rc = pdf_render(p, d, &b);
		fclose(err);
		diag_reset(NULL);
		if (rc != BACKEND_DOSSIER ||
		    strstr(msg, cases[i].expect) == NULL ||
		    strstr(msg, "specimen.xml") == NULL)
			fail_msg("%s: got \"%s\"", cases[i].reason, msg);
		assert_int_equal(b.len, 0);
		free(msg);
		buf_free(&b);
		doc_free(d);
	}
	pdf_free(p);
}

static void test_missing_fonts(void **state)
{
	(void)state;
	char *msg = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&msg, &len);
	diag_reset(err);
	struct pdf *p = pdf_new("tests/no-such-fonts", false);
	fclose(err);
	assert_null(p);
	assert_int_equal(diag_worst(), DIAG_SYSTEM);
	assert_non_null(strstr(msg, "tests/no-such-fonts/OpenSans"));
	diag_reset(NULL);
	free(msg);
}

static int write_specimens(const char *dir)
{
	struct pdf *p = pdf_new(FONTS, false);
	struct pdf *a = pdf_new(FONTS, true);
	if (p == NULL || a == NULL)
		return 3;
	struct buf chars = {0}, list = {0}, b = {0};
	struct doc *spec = specimen(), *other = names_doc();
	struct doc *cs = charset_doc(&chars);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		buf_printf(&list, "%s\n", names[i]);
	int rc = 0;
	const struct {
		struct pdf *pdf;
		struct doc *doc;
		const char *file;
	} out[] = {
	    {p, spec, "specimen.pdf"},	    {p, other, "names.pdf"},
	    {p, cs, "charset.pdf"},	    {p, spec, "specimen-again.pdf"},
	    {a, spec, "specimen-pdfa.pdf"},
	};
	for (size_t i = 0; i < sizeof(out) / sizeof(out[0]) && rc == 0; i++) {
		buf_reset(&b);
		if (pdf_render(out[i].pdf, out[i].doc, &b) != BACKEND_OK ||
		    !outfile_write(dir, out[i].file, b.data, b.len))
			rc = 1;
	}
	if (rc == 0 &&
	    (!outfile_write(dir, "charset.expected", chars.data, chars.len) ||
	     !outfile_write(dir, "names.expected", list.data, list.len)))
		rc = 1;
	buf_free(&b);
	buf_free(&chars);
	buf_free(&list);
	doc_free(spec);
	doc_free(other);
	doc_free(cs);
	pdf_free(p);
	pdf_free(a);
	return rc;
}

static int bench(int n, int only)
{
	struct pdf *p = pdf_new(FONTS, false);
	if (p == NULL)
		return 3;
	struct doc *docs[] = {typical_doc(), specimen(), names_doc()};
	static const char *const what[] = {"typical (2-page report)",
					   "specimen (14 pages)",
					   "names (Unicode fallback)"};
	struct buf b = {0};
	for (size_t k = 0; k < sizeof(docs) / sizeof(docs[0]); k++) {
		if (only >= 0 && (size_t)only != k)
			continue;
		clock_t t0 = clock();
		for (int i = 0; i < n; i++) {
			buf_reset(&b);
			if (pdf_render(p, docs[k], &b) != BACKEND_OK)
				return 1;
		}
		double ms = 1000.0 * (double)(clock() - t0) / CLOCKS_PER_SEC;
		printf("%s: %.2f ms CPU per document, %zu bytes\n", what[k],
		       ms / n, b.len);
	}
	for (size_t k = 0; k < sizeof(docs) / sizeof(docs[0]); k++)
		doc_free(docs[k]);
	buf_free(&b);
	pdf_free(p);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "--bench") == 0)
		return bench(atoi(argv[2]), argc > 3 ? atoi(argv[3]) : -1);
	if (argc == 2)
		return write_specimens(argv[1]);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_is_pdf),
	    cmocka_unit_test(test_reproducible),
	    cmocka_unit_test(test_missing_character),
	    cmocka_unit_test(test_missing_fonts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
