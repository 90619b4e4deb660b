/*
 * Unit tests of the ODT backend: ODF white space (the escaping under it
 * is test_buf.c's), what each node type becomes in content.xml, the
 * package's bytes (mimetype first and stored, fixed dates, no extra
 * fields) and reproducibility.  LibreOffice's own reading of the
 * packages is tests/odt/check.sh's.
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

#include "diag.h"
#include "doc.h"
#include "odt.h"
#include "odt_internal.h"

static char *text_of(struct buf *b)
{
	buf_put(b, "", 1);
	return (char *)b->data;
}

static const struct {
	const char *in;
	bool at_space; /* before */
	const char *want;
	const char *why;
} texts[] = {
    {"a & b", false, "a &amp; b", "ampersand escaped"},
    {"<b>x</b>", false, "&lt;b&gt;x&lt;/b&gt;", "angle brackets escaped"},
    {"O'Brien \"Zoë\"", false, "O'Brien \"Zoë\"",
     "quotes are plain text in element content"},
    {"a  b", false, "a <text:s/>b", "second space of a pair kept"},
    {"a    b", false, "a <text:s text:c=\"3\"/>b", "run of spaces counted"},
    {" a", true, "<text:s/>a", "leading space would be swallowed"},
    {" a", false, " a", "space after text is ordinary"},
    {"a\tb", false, "a<text:tab/>b", "tab becomes text:tab"},
    {"l1\nl2", false, "l1<text:line-break/>l2", "newline is a line break"},
    {"l1\n l2", false, "l1<text:line-break/><text:s/>l2",
     "space after a line break kept"},
    {"a\x01"
     "b\x1f"
     "c\x7f",
     false, "abc", "control characters dropped"},
    {"\r", false, "", "carriage return dropped"},
    {"x\xc2\x85y", false, "xy", "C1 control (NEL) dropped"},
    {"a \x01 b", false, "a <text:s/>b",
     "a dropped control between spaces leaves them a run"},
    {"a \xc2\x85 b", false, "a <text:s/>b",
     "a dropped C1 control too: ODF would swallow a second plain space"},
    {"\xef\xbf\xbe!", false, "!", "U+FFFE is not an XML character"},
    {"\xff", false, "\xef\xbf\xbd", "invalid byte becomes U+FFFD"},
    {"\xc0\xaf", false, "\xef\xbf\xbd\xef\xbf\xbd",
     "overlong slash is two invalid bytes"},
    {"\xed\xa0\x80", false, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
     "UTF-16 surrogate is not UTF-8"},
    {"Łukasz Żółć 😀", false, "Łukasz Żółć 😀",
     "multibyte letters and emoji copied"},
    {"14\xe2\x80\xafh", false, "14\xe2\x80\xafh",
     "narrow no-break space is a character, not a space"},
};

static void test_text(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct buf b = {0};
		bool at_space = texts[i].at_space;
		odt_xml_text(&b, texts[i].in, &at_space);
		const char *got = text_of(&b);
		if (strcmp(got, texts[i].want) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", texts[i].why,
				 got, texts[i].want);
		buf_free(&b);
	}
}

/* Builders of one-node documents, for the table below. */

static struct doc_node *para(struct doc *d, struct doc_node *parent,
			     const char *text)
{
	struct doc_node *p = doc_add(d, parent, DOC_PARAGRAPH);
	doc_add_text(d, p, text, 0);
	return p;
}

static void build_heading(struct doc *d)
{
	struct doc_node *h = doc_add(d, NULL, DOC_HEADING);
	h->level = 2;
	doc_add_text(d, h, "Rubrique", 0);
}

static void build_runs(struct doc *d)
{
	struct doc_node *p = doc_add(d, NULL, DOC_PARAGRAPH);
	doc_add_text(d, p, "gras", DOC_BOLD);
	doc_add_text(d, p, "penché", DOC_ITALIC | DOC_SMALL);
	doc_add(d, p, DOC_LINEBREAK);
	doc_add(d, p, DOC_CHECKBOX);
	doc_add(d, p, DOC_CHECKBOX)->checked = true;
}

static void build_list(struct doc *d)
{
	struct doc_node *l = doc_add(d, NULL, DOC_LIST);
	l->ordered = true;
	para(d, doc_add(d, l, DOC_ITEM), "un");
	para(d, doc_add(d, l, DOC_ITEM), "deux");
}

static void build_table(struct doc *d)
{
	static double widths[] = {0.25, 0.75};
	struct doc_node *t = doc_add(d, NULL, DOC_TABLE);
	t->ncols = 2;
	t->widths = widths;
	t->header_rows = 1;
	for (int r = 0; r < 3; r++) {
		struct doc_node *row = doc_add(d, t, DOC_ROW);
		struct doc_node *c = doc_add(d, row, DOC_CELL);
		doc_add_text(d, c, r == 0 ? "Date" : "x", 0);
		c = doc_add(d, row, DOC_CELL);
		c->align = DOC_RIGHT;
		doc_add_text(d, c, r == 0 ? "Durée" : "35 h", 0);
	}
}

static void build_short_row(struct doc *d)
{
	struct doc_node *t = doc_add(d, NULL, DOC_TABLE);
	t->ncols = 3;
	struct doc_node *row = doc_add(d, t, DOC_ROW);
	doc_add_text(d, doc_add(d, row, DOC_CELL), "seule", 0);
}

static void build_ruled(struct doc *d)
{
	doc_add(d, NULL, DOC_RULED)->count = 3;
}

static void build_signature(struct doc *d)
{
	struct doc_node *s = doc_add(d, NULL, DOC_SIGNATURE);
	para(d, doc_add(d, s, DOC_SIGNER), "Le salarié");
	para(d, doc_add(d, s, DOC_SIGNER), "L'employeur");
}

static void build_letter(struct doc *d)
{
	struct doc_node *b = doc_add(d, NULL, DOC_LETTERBOX);
	b->box = DOC_BOX_SENDER;
	doc_add_text(d, b, "Transports Martin & Fils", DOC_BOLD);
	b = doc_add(d, NULL, DOC_LETTERBOX);
	b->box = DOC_BOX_RECIPIENT;
	doc_add_text(d, b, "Mme Aïcha BENALI\n3 allée des Tilleuls", 0);
	b = doc_add(d, NULL, DOC_LETTERBOX);
	b->box = DOC_BOX_DATELINE;
	doc_add_text(d, b, "Orléans, le 6 décembre 2021", 0);
	b = doc_add(d, NULL, DOC_LETTERBOX);
	b->box = DOC_BOX_OBJECT;
	doc_add_text(d, b, "Objet : convocation", 0);
	b = doc_add(d, NULL, DOC_LETTERBOX);
	b->box = DOC_BOX_SIGNATORY;
	doc_add_text(d, b, "Claire Dubois", 0);
}

static void build_frame(struct doc *d)
{
	doc_add(d, NULL, DOC_CUTLINE);
	struct doc_node *f = doc_add(d, NULL, DOC_FRAME);
	f->keep_together = true;
	para(d, f, "Reçu le");
	para(d, f, "Signature");
}

static void build_frame_list(struct doc *d)
{
	struct doc_node *f = doc_add(d, NULL, DOC_FRAME);
	f->keep_together = true;
	para(d, doc_add(d, doc_add(d, f, DOC_LIST), DOC_ITEM), "un");
}

static void build_breaks(struct doc *d)
{
	para(d, NULL, "page 1");
	doc_add(d, NULL, DOC_PAGEBREAK);
	para(d, NULL, "page 2");
	doc_add(d, NULL, DOC_PAGEBREAK); /* nothing follows: no page 3 */
}

static void build_space(struct doc *d)
{
	para(d, NULL, "avant");
	doc_add(d, NULL, DOC_SPACE)->count = 3;
}

static void build_section(struct doc *d)
{
	struct doc_node *s = doc_add(d, NULL, DOC_SECTION);
	s->keep_together = true;
	para(d, s, "un");
	para(d, s, "deux");
}

static void build_timeline(struct doc *d)
{
	struct doc_timeline *t = arena_alloc(d->arena, sizeof(*t));
	struct doc_mark_item *items = arena_alloc(d->arena, 2 * sizeof(*items));
	t->start = date_from_ymd(2017, 9, 4);
	t->end = date_from_ymd(2023, 9, 4);
	items[0] =
	    (struct doc_mark_item){DOC_MARK_HELD, date_from_ymd(2019, 9, 2),
				   date_from_ymd(2019, 9, 2), "I1"};
	items[1] = (struct doc_mark_item){
	    DOC_MARK_ABSENCE, date_from_ymd(2021, 1, 4),
	    date_from_ymd(2021, 12, 31), "congé parental"};
	t->items = items;
	t->nitems = 2;
	doc_add(d, NULL, DOC_TIMELINE)->timeline = t;
}

static void build_empty(struct doc *d)
{
	(void)d;
}

static const struct {
	void (*build)(struct doc *);
	const char *want;     /* in content.xml */
	const char *unwanted; /* never in it, or NULL */
	const char *why;
} nodes[] = {
    {build_heading,
     "<text:h text:style-name=\"P1\" text:outline-level=\"2\">"
     "Rubrique</text:h>",
     NULL, "heading: level kept, first block starts the master page"},
    {build_heading, "style:parent-style-name=\"Heading_20_2\"", NULL,
     "heading: LibreOffice's own heading style"},
    {build_runs, "<text:span text:style-name=\"T1\">gras</text:span>", NULL,
     "bold run"},
    {build_runs, "<text:span text:style-name=\"T6\">penché</text:span>", NULL,
     "italic and small run: one combined style"},
    {build_runs, "fo:font-style=\"italic\" fo:font-size=\"82%\"", NULL,
     "the combined style says both"},
    {build_runs, "<text:line-break/>☐☒", NULL,
     "line break, then the empty and the checked box"},
    {build_list,
     "<text:list text:style-name=\"Liste_Numeros\">"
     "<text:list-item><text:p",
     NULL, "ordered list"},
    {build_table,
     "<table:table-header-rows><table:table-row>"
     "<table:table-cell table:style-name=\"CellHead\"",
     NULL, "header row repeated on every page"},
    {build_table, "style:column-width=\"41.25mm\"", NULL,
     "column width from its fraction of 165 mm"},
    {build_table, "fo:text-align=\"end\"", NULL, "right-aligned cell"},
    {build_table,
     "</table:table><text:p text:style-name=\"Lettre_Ancre\"/>"
     "</office:text>",
     NULL, "a table ending the text is followed by a tiny paragraph"},
    {build_table, "table:border-model=\"collapsing\"", NULL,
     "cell borders drawn once"},
    {build_short_row,
     "seule</text:p></table:table-cell>"
     "<table:table-cell table:style-name=\"Cell\""
     " office:value-type=\"string\"><text:p"
     " text:style-name=\"Tableau_Contenu\"/>",
     NULL, "a short row is padded to the table's columns"},
    {build_ruled,
     "text:style-name=\"Lignes_a_remplir\"></text:p>"
     "<text:p text:style-name=\"Lignes_a_remplir\"></text:p>",
     NULL, "ruled lines: one paragraph each"},
    {build_signature, "table:style-name=\"RowSign\"", NULL,
     "signers side by side with room to sign"},
    {build_signature, "style:min-row-height=\"32mm\"", NULL,
     "the signing room"},
    {build_letter, "draw:style-name=\"Lettre_Fenetre\"", NULL,
     "recipient in the window frame"},
    {build_letter, "draw:style-name=\"Lettre_EnTete\"", NULL,
     "letterhead in its own frame"},
    {build_letter, "Mme Aïcha BENALI<text:line-break/>3 allée", NULL,
     "recipient lines"},
    {build_letter, "Transports Martin &amp; Fils", NULL,
     "company name escaped"},
    {build_letter, "<text:p text:style-name=\"Lettre_Lieu_date\">Orléans", NULL,
     "date line: its box's style, alignment included"},
    {build_letter, "text:style-name=\"Lettre_Signataire\"", NULL, "signatory"},
    {build_frame, "✂", NULL, "cut line shows the scissors"},
    {build_frame,
     "style:parent-style-name=\"Cadre\"><style:paragraph-properties"
     " fo:keep-with-next=\"always\"/>",
     NULL, "a kept frame of paragraphs: one bordered box kept whole"},
    {build_frame, "Signature</text:p></office:text>", "table:table",
     "a frame of paragraphs needs no table"},
    {build_frame, "découper ici", NULL, "cut line words"},
    {build_frame_list, "table:style-name=\"RowKeep\"", NULL,
     "a frame holding a list is a one-cell table, row kept whole"},
    {build_breaks, "fo:break-before=\"page\"", NULL,
     "page break before the next block"},
    {build_breaks, "page 2</text:p></office:text>", NULL,
     "a trailing page break adds no empty paragraph or page"},
    {build_space, "fo:line-height=\"6.60mm\"", NULL,
     "three half-lines of space"},
    {build_section, "fo:keep-with-next=\"always\"", NULL,
     "kept section: blocks keep with the next"},
    {build_timeline, "<draw:line draw:style-name=\"grAxis\"", NULL,
     "timeline axis drawn"},
    {build_timeline, "<draw:rect draw:style-name=\"grMark8\"", NULL,
     "absence drawn as a span"},
    {build_timeline, "<draw:ellipse draw:style-name=\"grMark4\"", NULL,
     "held interview drawn as a dot"},
    {build_timeline, ">2020<", NULL, "year label"},
    {build_timeline, "4 janvier 2021 – 31 décembre 2021", NULL,
     "spans listed in words under the drawing"},
    {build_empty, "<office:text><text:p text:style-name=\"P1\"></text:p>", NULL,
     "an empty document still has its page"},
};

static struct doc *new_doc(void (*build)(struct doc *))
{
	struct doc *d = doc_new();
	assert_non_null(d);
	d->meta.title = "Convocation";
	d->meta.footer_name = "Mme Aïcha BENALI";
	d->meta.author = "Transports Martin & Fils";
	d->meta.reference_date = date_from_ymd(2026, 11, 26);
	build(d);
	return d;
}

static void test_nodes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
		struct doc *d = new_doc(nodes[i].build);
		const struct doc *docs[] = {d};
		struct buf b = {0};
		assert_true(
		    odt_content_write(&b, "DejaVu Sans", docs, 1, false));
		const char *xml = text_of(&b);
		if (strstr(xml, nodes[i].want) == NULL)
			fail_msg("%s: no \"%s\" in\n%s", nodes[i].why,
				 nodes[i].want, xml);
		if (nodes[i].unwanted != NULL &&
		    strstr(xml, nodes[i].unwanted) != NULL)
			fail_msg("%s: \"%s\" found", nodes[i].why,
				 nodes[i].unwanted);
		buf_free(&b);
		doc_free(d);
	}
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* Each merged document starts its own master page, numbered from 1,
 * and its last paragraph holds the bookmark its footer counts pages by. */
static void test_merged_content(void **state)
{
	(void)state;
	struct doc *a = new_doc(build_breaks), *b = new_doc(build_letter),
		   *c = new_doc(build_empty);
	const struct doc *docs[] = {a, b, c};
	struct buf x = {0}, s = {0};
	assert_true(odt_content_write(&x, "DejaVu Sans", docs, 3, true));
	odt_styles_write(&s, "DejaVu Sans", docs, 3, true);
	const char *content = text_of(&x), *styles = text_of(&s);
	assert_non_null(strstr(content, "style:master-page-name=\"MP1\""));
	assert_non_null(strstr(content, "style:master-page-name=\"MP2\""));
	assert_non_null(strstr(content, "style:master-page-name=\"MP3\""));
	assert_int_equal(count(content, "style:page-number=\"1\""), 3);
	/* a's trailing page break is dropped: b's master page breaks. */
	assert_int_equal(count(content, "fo:break-before=\"page\""), 1);
	assert_non_null(strstr(content, "page 2<text:bookmark"
					" text:name=\"fin_doc_1\"/></text:p>"));
	assert_non_null(strstr(content, "<text:bookmark text:name=\"fin_doc_3\""
					"/></text:p></office:text>"));
	assert_int_equal(count(styles, "<style:master-page "), 3);
	assert_non_null(strstr(styles, "text:ref-name=\"fin_doc_2\""));
	assert_null(strstr(styles, "<text:page-count>"));
	buf_free(&x);
	buf_free(&s);
	doc_free(a);
	doc_free(b);
	doc_free(c);
}

static void test_single_styles(void **state)
{
	(void)state;
	struct doc *d = new_doc(build_letter);
	const struct doc *docs[] = {d};
	struct buf s = {0};
	odt_styles_write(&s, "Noto Sans", docs, 1, false);
	const char *styles = text_of(&s);
	assert_non_null(strstr(styles, "<text:page-count>"));
	assert_non_null(strstr(styles, "Convocation — Mme Aïcha BENALI"));
	assert_non_null(strstr(styles,
			       "style:name=\"Noto Sans\" svg:font-family"
			       "=\"&apos;Noto Sans&apos;\""
			       " style:font-family-generic=\"swiss\""));
	assert_non_null(strstr(styles, "fo:page-width=\"210mm\""
				       " fo:page-height=\"297mm\""));
	assert_non_null(
	    strstr(styles, "style:display-name=\"Lettre – Objet\""));
	assert_non_null(strstr(styles, "svg:x=\"105.0mm\" svg:y=\"45.0mm\""));
	buf_free(&s);
	doc_free(d);
}

/* Little-endian fields of the ZIP format. */
static unsigned u16(const unsigned char *p)
{
	return p[0] | p[1] << 8;
}

static unsigned long u32(const unsigned char *p)
{
	return u16(p) | (unsigned long)u16(p + 2) << 16;
}

static void render(const struct doc *d, struct buf *out)
{
	struct odt *o = odt_new(NULL);
	assert_non_null(o);
	assert_int_equal(odt_render(o, d, out), BACKEND_OK);
	odt_free(o);
}

/*
 * ODF 3.3: "mimetype" first, stored, no extra field, its bytes right
 * after the 38-byte header.  Every entry dated the reference date.
 */
static void test_package(void **state)
{
	(void)state;
	static const char mt[] = "application/vnd.oasis.opendocument.text";
	struct doc *d = new_doc(build_letter);
	struct buf b = {0};
	render(d, &b);
	const unsigned char *p = b.data;
	assert_true(b.len > 100);
	assert_int_equal(u32(p), 0x04034b50);
	assert_int_equal(u16(p + 8), 0);  /* stored */
	assert_int_equal(u16(p + 26), 8); /* name length */
	assert_int_equal(u16(p + 28), 0); /* extra field length */
	assert_memory_equal(p + 30, "mimetype", 8);
	assert_memory_equal(p + 38, mt, sizeof(mt) - 1);
	unsigned want_date = (2026 - 1980) << 9 | 11 << 5 | 26;
	size_t entries = 0;
	for (size_t off = 0; off + 46 <= b.len; off++) {
		if (u32(p + off) != 0x02014b50)
			continue;
		entries++;
		assert_int_equal(u16(p + off + 14), want_date);
		assert_int_equal(u16(p + off + 12), 12 << 11); /* noon */
		assert_int_equal(u16(p + off + 30), 0); /* no extra field */
	}
	assert_int_equal(entries, 5);
	buf_free(&b);
	doc_free(d);
}

static void test_reproducible(void **state)
{
	(void)state;
	struct doc *d = new_doc(build_letter);
	struct buf one = {0}, two = {0}, later = {0};
	render(d, &one);
	render(d, &two);
	assert_int_equal(one.len, two.len);
	assert_memory_equal(one.data, two.data, one.len);
	d->meta.reference_date++;
	render(d, &later);
	assert_true(later.len != one.len ||
		    memcmp(later.data, one.data, one.len) != 0);
	buf_free(&one);
	buf_free(&two);
	buf_free(&later);
	doc_free(d);
}

static void test_merge_none(void **state)
{
	(void)state;
	struct odt *o = odt_new("DejaVu Sans");
	struct buf b = {0};
	char *msg = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&msg, &len);
	diag_reset(err);
	assert_int_equal(odt_render_merged(o, NULL, 0, &b), BACKEND_SYSTEM);
	fclose(err);
	diag_reset(NULL);
	assert_non_null(strstr(msg, "error: no document to merge"));
	free(msg);
	assert_int_equal(b.len, 0);
	odt_free(o);
	odt_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text),
	    cmocka_unit_test(test_nodes),
	    cmocka_unit_test(test_merged_content),
	    cmocka_unit_test(test_single_styles),
	    cmocka_unit_test(test_package),
	    cmocka_unit_test(test_reproducible),
	    cmocka_unit_test(test_merge_none),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
