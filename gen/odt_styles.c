/*
 * styles.xml of the ODT backend: the named styles HR restyles in
 * LibreOffice, the A4 page and each document's footer (see
 * odt_internal.h).  For the ODT backend only.
 */
#include <stdio.h>
#include <string.h>

#include "odt_internal.h"

/*
 * The named paragraph styles.  Names are plain NCNames; the display
 * names are what LibreOffice lists.  odt_content.c refers to them by
 * name, so a name here is a promise kept there.
 */
struct pstyle_def {
	const char *name;
	const char *display; /* NULL: LibreOffice's own built-in name */
	const char *parent;
	const char *next; /* style of the paragraph typed after, or NULL */
	const char *para; /* <style:paragraph-properties> attributes */
	const char *text; /* <style:text-properties> attributes */
};

static const struct pstyle_def pstyles[] = {
    {"Standard", NULL, NULL, NULL, "", ""},
    {"Lettre_Corps", "Lettre – Corps", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"2mm\""
     " fo:line-height=\"100%\" fo:text-align=\"justify\"",
     ""},
    {"Lettre_Expediteur", "Lettre – Expéditeur", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\"", "fo:font-size=\"10pt\""},
    {"Lettre_Destinataire", "Lettre – Destinataire", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\""
     " fo:line-height=\"100%\"",
     ""},
    {"Lettre_Lieu_date", "Lettre – Lieu et date", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"4mm\""
     " fo:text-align=\"end\"",
     ""},
    {"Lettre_Envoi", "Lettre – Mode d’envoi", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"3mm\"",
     "fo:font-size=\"10pt\" fo:font-weight=\"bold\""},
    {"Lettre_Objet", "Lettre – Objet", "Standard", "Lettre_Corps",
     "fo:margin-top=\"2mm\" fo:margin-bottom=\"5mm\""
     " fo:keep-with-next=\"always\"",
     "fo:font-weight=\"bold\""},
    /* The space above the typed name is where the signature goes. */
    {"Lettre_Signataire", "Lettre – Signataire", "Standard", NULL,
     "fo:margin-left=\"90mm\" fo:margin-top=\"4mm\""
     " fo:margin-bottom=\"14mm\" fo:keep-together=\"always\"",
     ""},
    {"Lettre_Ancre", "Lettre – Ancre de la fenêtre", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\""
     " fo:line-height=\"0.5mm\"",
     "fo:font-size=\"2pt\""},
    {"Heading_20_1", "Heading 1", "Standard", "Lettre_Corps",
     "fo:margin-top=\"6mm\" fo:margin-bottom=\"3mm\""
     " fo:keep-with-next=\"always\"",
     "fo:font-size=\"14pt\" fo:font-weight=\"bold\""},
    {"Heading_20_2", "Heading 2", "Standard", "Lettre_Corps",
     "fo:margin-top=\"5mm\" fo:margin-bottom=\"2mm\""
     " fo:keep-with-next=\"always\"",
     "fo:font-size=\"12pt\" fo:font-weight=\"bold\""},
    {"Heading_20_3", "Heading 3", "Standard", "Lettre_Corps",
     "fo:margin-top=\"4mm\" fo:margin-bottom=\"1.5mm\""
     " fo:keep-with-next=\"always\"",
     "fo:font-size=\"11pt\" fo:font-weight=\"bold\""},
    {"Tableau_Contenu", "Tableau – Contenu", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"0.5mm\"",
     "fo:font-size=\"10pt\""},
    {"Tableau_En_tete", "Tableau – En-tête", "Tableau_Contenu", NULL, "",
     "fo:font-weight=\"bold\""},
    {"Liste_Element", "Liste – Élément", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"0.5mm\""
     " fo:line-height=\"100%\"",
     ""},
    {"Cadre_Texte", "Cadre – Texte", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"1.5mm\"", ""},
    /* Consecutive paragraphs join their borders into one box. */
    {"Cadre", "Cadre – Texte encadré", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\""
     " fo:padding=\"2mm\" fo:border=\"0.8pt solid #000000\""
     " style:join-border=\"true\"",
     ""},
    {"Signature_Texte", "Signature – Texte", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"1mm\"", "fo:font-size=\"10pt\""},
    {"Decoupe", "Ligne de découpe", "Standard", NULL,
     "fo:margin-top=\"4mm\" fo:margin-bottom=\"4mm\""
     " fo:padding-bottom=\"0.5mm\""
     " fo:border-bottom=\"0.5pt dashed #000000\""
     " fo:keep-with-next=\"always\" fo:text-align=\"center\"",
     "fo:font-size=\"8pt\" fo:font-style=\"italic\""
     " fo:color=\"#404040\""},
    /* Borders must not merge, or the lines would make one box. */
    {"Lignes_a_remplir", "Lignes à remplir", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\""
     " fo:line-height=\"8mm\""
     " fo:border-bottom=\"0.3pt solid #808080\""
     " style:join-border=\"false\"",
     ""},
    {"Espace", "Espace vertical", "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\"", ""},
    {"Frise", "Frise chronologique", "Standard", NULL,
     "fo:margin-top=\"2mm\" fo:margin-bottom=\"2mm\"", ""},
    {"Footer", NULL, "Standard", NULL,
     "fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\""
     " fo:padding-top=\"1mm\""
     " fo:border-top=\"0.3pt solid #808080\"",
     "fo:font-size=\"8pt\" fo:color=\"#404040\""},
};

static void put_pstyle(struct buf *out, const struct pstyle_def *s)
{
	buf_printf(out, "<style:style style:name=\"%s\"", s->name);
	if (s->display != NULL)
		buf_printf(out, " style:display-name=\"%s\"", s->display);
	buf_puts(out, " style:family=\"paragraph\"");
	if (s->parent != NULL)
		buf_printf(out, " style:parent-style-name=\"%s\"", s->parent);
	if (s->next != NULL)
		buf_printf(out, " style:next-style-name=\"%s\"", s->next);
	buf_puts(out, ">");
	if (strcmp(s->name, "Footer") == 0) /* right tab: the page count */
		buf_printf(out,
			   "<style:paragraph-properties %s><style:tab-stops>"
			   "<style:tab-stop style:position=\"%.1fmm\""
			   " style:type=\"right\"/></style:tab-stops>"
			   "</style:paragraph-properties>",
			   s->para, ODT_TEXT_W);
	else if (s->para[0] != '\0')
		buf_printf(out, "<style:paragraph-properties %s/>", s->para);
	if (s->text[0] != '\0')
		buf_printf(out, "<style:text-properties %s/>", s->text);
	buf_puts(out, "</style:style>");
}

static void put_default_style(struct buf *out, const char *font)
{
	buf_puts(out, "<style:default-style style:family=\"paragraph\">"
		      "<style:paragraph-properties fo:orphans=\"2\""
		      " fo:widows=\"2\" style:writing-mode=\"lr-tb\""
		      " style:tab-stop-distance=\"12.5mm\"/>"
		      "<style:text-properties style:font-name=\"");
	buf_put_xml(out, font);
	/* Justified French text is hyphenated (LibreOffice with the
	 * hyphen-fr patterns), two letters before the break, three after. */
	buf_puts(out, "\" fo:font-size=\"10.5pt\" fo:language=\"fr\""
		      " fo:country=\"FR\" fo:hyphenate=\"true\""
		      " fo:hyphenation-remain-char-count=\"2\""
		      " fo:hyphenation-push-char-count=\"3\"/>"
		      "</style:default-style>");
}

/* Bullets and numbers, two levels; HR can restyle both lists. */
static void put_list_styles(struct buf *out)
{
	static const char level[] =
	    "<style:list-level-properties"
	    " text:list-level-position-and-space-mode=\"label-alignment\">"
	    "<style:list-level-label-alignment"
	    " text:label-followed-by=\"listtab\""
	    " text:list-tab-stop-position=\"%dmm\""
	    " fo:text-indent=\"-5mm\" fo:margin-left=\"%dmm\"/>"
	    "</style:list-level-properties>";
	buf_puts(out, "<text:list-style style:name=\"Liste_Puces\""
		      " style:display-name=\"Liste – Puces\">");
	for (int i = 1; i <= 2; i++) {
		buf_printf(out,
			   "<text:list-level-style-bullet text:level=\"%d\""
			   " text:bullet-char=\"%s\">",
			   i, i == 1 ? "•" : "–");
		buf_printf(out, level, 6 * i, 6 * i);
		buf_puts(out, "</text:list-level-style-bullet>");
	}
	buf_puts(out, "</text:list-style>"
		      "<text:list-style style:name=\"Liste_Numeros\""
		      " style:display-name=\"Liste – Numéros\">");
	for (int i = 1; i <= 2; i++) {
		buf_printf(out,
			   "<text:list-level-style-number text:level=\"%d\""
			   " style:num-suffix=\"%s\" style:num-format=\"%s\">",
			   i, i == 1 ? "." : ")", i == 1 ? "1" : "a");
		buf_printf(out, level, 6 * i, 6 * i);
		buf_puts(out, "</text:list-level-style-number>");
	}
	buf_puts(out, "</text:list-style>");
}

/*
 * The letterhead, recipient and delivery frames, placed on the page.
 * Their wrap is "none" so that the text flows below them, never beside;
 * the recipient's top margin spans from the page's top margin down to
 * the window, so that no line of the letter lands in the window.
 */
static void put_graphic_styles(struct buf *out)
{
	static const char frame[] =
	    "<style:style style:name=\"%s\" style:display-name=\"%s\""
	    " style:family=\"graphic\">"
	    "<style:graphic-properties svg:x=\"%.1fmm\" svg:y=\"%.1fmm\""
	    " fo:margin-top=\"%.1fmm\" fo:margin-bottom=\"%.1fmm\""
	    " style:vertical-pos=\"from-top\" style:vertical-rel=\"page\""
	    " style:horizontal-pos=\"from-left\""
	    " style:horizontal-rel=\"page\" style:wrap=\"none\""
	    " style:number-wrapped-paragraphs=\"no-limit\""
	    " fo:padding=\"0mm\" fo:border=\"none\" draw:fill=\"none\""
	    " style:shadow=\"none\"/></style:style>";
	buf_printf(out, frame, "Lettre_EnTete",
		   "Lettre – En-tête de la société", ODT_MARGIN_LEFT,
		   ODT_MARGIN_TOP, 0.0, 4.0);
	buf_printf(out, frame, "Lettre_Fenetre",
		   "Lettre – Fenêtre d&apos;enveloppe", ODT_WINDOW_X,
		   ODT_WINDOW_Y, ODT_WINDOW_Y - ODT_MARGIN_TOP, 3.0);
}

static void put_page_layout(struct buf *out)
{
	buf_printf(out,
		   "<style:page-layout style:name=\"pm1\">"
		   "<style:page-layout-properties fo:page-width=\"%.0fmm\""
		   " fo:page-height=\"%.0fmm\" style:print-orientation="
		   "\"portrait\" fo:margin-top=\"%.0fmm\""
		   " fo:margin-bottom=\"%.0fmm\" fo:margin-left=\"%.0fmm\""
		   " fo:margin-right=\"%.0fmm\"/>"
		   "<style:footer-style><style:header-footer-properties"
		   " fo:min-height=\"0mm\" fo:margin-top=\"4mm\"/>"
		   "</style:footer-style></style:page-layout>",
		   ODT_PAGE_W, ODT_PAGE_H, ODT_MARGIN_TOP, ODT_MARGIN_BOTTOM,
		   ODT_MARGIN_LEFT, ODT_MARGIN_RIGHT);
}

/* Document k's page style: its footer names it and counts its pages. */
static void put_master_page(struct buf *out, const struct doc *d, size_t k,
			    bool merged)
{
	const char *title = d->meta.title != NULL ? d->meta.title : "";
	const char *parts[3];
	bool at_space = true;

	buf_printf(out, "<style:master-page style:name=\"MP%zu\"", k);
	if (merged)
		buf_printf(out, " style:display-name=\"Page %zu – ", k);
	else
		buf_puts(out, " style:display-name=\"Page – ");
	buf_put_xml(out, title);
	buf_puts(out, "\" style:page-layout-name=\"pm1\"><style:footer>"
		      "<text:p text:style-name=\"Footer\">");
	doc_footer_parts(&d->meta, parts);
	for (int i = 0; i < 3; i++)
		odt_xml_text(out, parts[i], &at_space);
	buf_puts(out, "<text:tab/>" DOC_PAGE_BEFORE);
	buf_puts(out, "<text:page-number text:select-page=\"current\">1"
		      "</text:page-number>" DOC_PAGE_BETWEEN);
	if (merged) {
		/* text:page-count would count every letter of the merge;
		 * the page of the letter's own end, numbered from 1, is
		 * its page count. */
		char mark[32];
		odt_end_bookmark(mark, k);
		buf_printf(out,
			   "<text:bookmark-ref text:reference-format=\"page\""
			   " text:ref-name=\"%s\">1</text:bookmark-ref>",
			   mark);
	} else {
		buf_puts(out, "<text:page-count>1</text:page-count>");
	}
	buf_puts(out, "</text:p></style:footer></style:master-page>");
}

void odt_styles_head(struct buf *out, const char *font)
{
	odt_xml_part_head(out, "document-styles", font);
	buf_puts(out, "<office:styles>");
	put_default_style(out, font);
	for (size_t i = 0; i < sizeof(pstyles) / sizeof(pstyles[0]); i++)
		put_pstyle(out, &pstyles[i]);
	put_list_styles(out);
	put_graphic_styles(out);
	buf_puts(out, "</office:styles><office:automatic-styles>");
	put_page_layout(out);
	buf_puts(out, "</office:automatic-styles><office:master-styles>");
}

void odt_styles_master(struct buf *out, const struct doc *d, size_t k,
		       bool merged)
{
	put_master_page(out, d, k, merged);
}

void odt_styles_tail(struct buf *out)
{
	buf_puts(out, "</office:master-styles></office:document-styles>\n");
}

void odt_styles_write(struct buf *out, const char *font,
		      const struct doc *const *docs, size_t n, bool merged)
{
	odt_styles_head(out, font);
	for (size_t k = 1; k <= n; k++)
		put_master_page(out, docs[k - 1], k, merged);
	odt_styles_tail(out);
}
