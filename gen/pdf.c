/*
 * The PDF backend (see pdf.h): metadata, pages, and the drawing of the
 * layout's items with libharu.  libharu's error handler only records the
 * first error; every step checks it and reports once through diag.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include "diag.h"
#include "hyphen.h"
#include "layout.h"
#include "pdf.h"
#include "pdf_error.h"
#include "pdf_flate.h"
#include "pdf_font.h"
#include "pdf_ops.h"

/*
 * Page contents are deflated; embedded font files are not: deflating
 * them doubles the CPU time of a typical two-page report (3.8 ms instead
 * of 1.8 ms) to make it 40 % smaller (48 KB instead of 83 KB).  Add
 * HPDF_COMP_METADATA to trade the other way.  Documents that need the
 * Unicode fallback font are slow anyway and its 128 KB glyph map must be
 * deflated: they get everything compressed.
 */
#define PDF_COMPRESSION		 (HPDF_COMP_TEXT | HPDF_COMP_IMAGE)
#define PDF_COMPRESSION_FALLBACK HPDF_COMP_ALL

/*
 * PDF/A's OutputIntent: the sRGB profile of Debian's icc-profiles-free
 * (zlib licence), an ICC version 2 profile as PDF/A-1 asks.  Another
 * path can be built in with -DPDF_SRGB_PROFILE='"…"'.
 */
#ifndef PDF_SRGB_PROFILE
#define PDF_SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"
#endif

struct pdf {
	HPDF_Doc hpdf;
	struct pdf_fonts *fonts;
	struct pdf_flate *flate; /* the page contents */
	bool pdfa;
	struct buf icc; /* PDF/A: the sRGB profile, read once */
	struct layout_style style;
	struct hyphen *hyphen;	   /* style.hyphen; NULL without hyphen-fr */
	HPDF_STATUS error, detail; /* the first libharu error, 0 if none */
};

/* libharu calls this on every error; it must return (no longjmp). */
static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf *p = data;
	if (p->error == 0) {
		p->error = error;
		p->detail = detail;
	}
}

const char *pdf_font_family(void)
{
	return "Open Sans";
}

/* The sRGB profile for PDF/A, up front: a missing one stops the run. */
static bool load_icc(struct pdf *p)
{
	FILE *f = fopen(PDF_SRGB_PROFILE, "rb");
	char chunk[8192];
	size_t n;
	if (f != NULL) {
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_put(&p->icc, chunk, n);
		if (ferror(f))
			p->icc.len = 0;
		fclose(f);
	}
	if (f == NULL || p->icc.len == 0 || p->icc.oom) {
		diag(MSG_PDF_CANNOT_READ_SRGB_COLOUR, PDF_SRGB_PROFILE, 0,
		     f == NULL ? strerror(errno) : "read error");
		return false;
	}
	return true;
}

struct pdf *pdf_new(const char *fonts_dir, bool pdfa)
{
	struct pdf *p = calloc(1, sizeof(*p));
	if (p == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	p->pdfa = pdfa;
	layout_style_a4(&p->style);
	p->hpdf = HPDF_New(on_error, p);
	if (p->hpdf == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		free(p);
		return NULL;
	}
	/* Without hyphen-fr, lines break between words only. */
	p->hyphen = hyphen_new(HYPHEN_FR_DICT);
	p->style.hyphen = p->hyphen;
	if ((p->flate = pdf_flate_new()) == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		pdf_free(p);
		return NULL;
	}
	p->fonts = pdf_fonts_new(p->hpdf, fonts_dir);
	if (p->fonts == NULL || (pdfa && !load_icc(p))) {
		pdf_free(p);
		return NULL;
	}
	return p;
}

void pdf_free(struct pdf *p)
{
	if (p == NULL)
		return;
	pdf_fonts_free(p->fonts);
	pdf_flate_free(p->flate);
	hyphen_free(p->hyphen);
	HPDF_Free(p->hpdf);
	buf_free(&p->icc);
	free(p);
}

/* ---- drawing ------------------------------------------------------- */

struct rgb {
	float r, g, b;
};

static struct rgb rgb_of(enum layout_color c)
{
	switch (c) {
	case LAYOUT_NONE:
	case LAYOUT_INK:
		return (struct rgb){0.13f, 0.14f, 0.16f};
	case LAYOUT_MUTED:
		return (struct rgb){0.40f, 0.42f, 0.45f};
	case LAYOUT_RULE:
		return (struct rgb){0.55f, 0.58f, 0.62f};
	case LAYOUT_LIGHT:
		return (struct rgb){0.76f, 0.78f, 0.81f};
	case LAYOUT_SHADE:
		return (struct rgb){0.90f, 0.92f, 0.95f};
	case LAYOUT_ACCENT:
		return (struct rgb){0.11f, 0.24f, 0.40f};
	case LAYOUT_TINT:
		return (struct rgb){0.965f, 0.97f, 0.98f};
	case LAYOUT_GREEN:
		return (struct rgb){0.20f, 0.56f, 0.33f};
	case LAYOUT_ORANGE:
		return (struct rgb){0.90f, 0.55f, 0.13f};
	case LAYOUT_RED:
		return (struct rgb){0.80f, 0.20f, 0.18f};
	case LAYOUT_BLUE:
		return (struct rgb){0.16f, 0.38f, 0.68f};
	case LAYOUT_TEAL:
		return (struct rgb){0.10f, 0.52f, 0.55f};
	case LAYOUT_SAND:
		return (struct rgb){0.99f, 0.89f, 0.70f};
	case LAYOUT_WHITE:
		return (struct rgb){1.0f, 1.0f, 1.0f};
	}
	return (struct rgb){0, 0, 0};
}

/* The graphics state already set on the page, to skip repeats. */
struct pen {
	HPDF_Page page;
	double page_h;
	int stroke, fill; /* enum layout_color + 1; 0 unknown */
	double width;
	bool dashed;
	bool in_text;
};

static void set_stroke(struct pen *pen, enum layout_color c, double width,
		       bool dashed)
{
	if (pen->stroke != (int)c + 1) {
		struct rgb k = rgb_of(c);
		HPDF_Page_SetRGBStroke(pen->page, k.r, k.g, k.b);
		pen->stroke = (int)c + 1;
	}
	if (pen->width != width) {
		HPDF_Page_SetLineWidth(pen->page, (HPDF_REAL)width);
		pen->width = width;
	}
	if (pen->dashed != dashed) {
		static const HPDF_UINT16 dash[] = {3, 2};
		HPDF_Page_SetDash(pen->page, dashed ? dash : NULL,
				  dashed ? 2 : 0, 0);
		pen->dashed = dashed;
	}
}

static void set_fill(struct pen *pen, enum layout_color c)
{
	if (pen->fill != (int)c + 1) {
		struct rgb k = rgb_of(c);
		pdf_ops_fill_rgb(pen->page, k.r, k.g, k.b);
		pen->fill = (int)c + 1;
	}
}

/* Colours go before the path: libharu refuses them inside one. */
static void prepare(struct pen *pen, const struct layout_item *it)
{
	if (it->fill != LAYOUT_NONE)
		set_fill(pen, it->fill);
	if (it->color != LAYOUT_NONE)
		set_stroke(pen, it->color, it->width, false);
}

/* Ends the path with the operator for its stroke and fill. */
static void paint(struct pen *pen, const struct layout_item *it)
{
	bool stroke = it->color != LAYOUT_NONE, fill = it->fill != LAYOUT_NONE;
	if (stroke && fill)
		HPDF_Page_FillStroke(pen->page);
	else if (fill)
		HPDF_Page_Fill(pen->page);
	else
		HPDF_Page_Stroke(pen->page);
}

static void draw_line(struct pen *pen, const struct layout_item *it)
{
	set_stroke(pen, it->color, it->width, it->dashed);
	HPDF_Page_MoveTo(pen->page, (HPDF_REAL)it->x,
			 (HPDF_REAL)(pen->page_h - it->y));
	HPDF_Page_LineTo(pen->page, (HPDF_REAL)(it->x + it->w),
			 (HPDF_REAL)(pen->page_h - it->y - it->h));
	HPDF_Page_Stroke(pen->page);
}

static void draw_rect(struct pen *pen, const struct layout_item *it)
{
	if (it->color == LAYOUT_NONE && it->fill == LAYOUT_NONE)
		return;
	prepare(pen, it);
	pdf_ops_rect(pen->page, (HPDF_REAL)it->x,
		     (HPDF_REAL)(pen->page_h - it->y - it->h), (HPDF_REAL)it->w,
		     (HPDF_REAL)it->h);
	paint(pen, it);
}

/* ☐ or ☒: a square, crossed when checked. */
static void draw_checkbox(struct pen *pen, const struct layout_item *it)
{
	HPDF_Page page = pen->page;
	double x = it->x, y = pen->page_h - it->y - it->h, s = it->w;
	set_fill(pen, LAYOUT_WHITE);
	set_stroke(pen, it->color, it->width, false);
	pdf_ops_rect(page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)s,
		     (HPDF_REAL)s);
	HPDF_Page_FillStroke(page);
	if (!it->checked)
		return;
	double m = s * 0.2;
	set_stroke(pen, it->color, it->width * 1.6, false);
	HPDF_Page_MoveTo(page, (HPDF_REAL)(x + m), (HPDF_REAL)(y + m));
	HPDF_Page_LineTo(page, (HPDF_REAL)(x + s - m), (HPDF_REAL)(y + s - m));
	HPDF_Page_MoveTo(page, (HPDF_REAL)(x + m), (HPDF_REAL)(y + s - m));
	HPDF_Page_LineTo(page, (HPDF_REAL)(x + s - m), (HPDF_REAL)(y + m));
	HPDF_Page_Stroke(page);
}

static void draw_mark(struct pen *pen, const struct layout_item *it)
{
	HPDF_Page page = pen->page;
	HPDF_REAL cx = (HPDF_REAL)it->x, cy = (HPDF_REAL)(pen->page_h - it->y);
	HPDF_REAL r = (HPDF_REAL)(it->w / 2);

	prepare(pen, it);
	switch (it->shape) {
	case LAYOUT_CIRCLE:
		HPDF_Page_Circle(page, cx, cy, r);
		break;
	case LAYOUT_DIAMOND:
		r *= 1.15f;
		HPDF_Page_MoveTo(page, cx, cy + r);
		HPDF_Page_LineTo(page, cx + r, cy);
		HPDF_Page_LineTo(page, cx, cy - r);
		HPDF_Page_LineTo(page, cx - r, cy);
		HPDF_Page_ClosePath(page);
		break;
	case LAYOUT_SQUARE:
		r *= 0.9f;
		pdf_ops_rect(page, cx - r, cy - r, 2 * r, 2 * r);
		break;
	case LAYOUT_TRIANGLE:
		HPDF_Page_MoveTo(page, cx, cy + r);
		HPDF_Page_LineTo(page, cx + r, cy - r);
		HPDF_Page_LineTo(page, cx - r, cy - r);
		HPDF_Page_ClosePath(page);
		break;
	case LAYOUT_CROSS:
		r *= 0.85f;
		HPDF_Page_MoveTo(page, cx - r, cy - r);
		HPDF_Page_LineTo(page, cx + r, cy + r);
		HPDF_Page_MoveTo(page, cx - r, cy + r);
		HPDF_Page_LineTo(page, cx + r, cy - r);
		HPDF_Page_Stroke(page);
		return;
	}
	paint(pen, it);
}

static bool draw_text(struct pdf *p, struct pen *pen,
		      const struct layout_item *it)
{
	if (it->len == 0)
		return true;
	if (!pen->in_text) {
		HPDF_Page_BeginText(pen->page);
		pen->in_text = true;
	}
	set_fill(pen, it->color);
	pdf_ops_text_at(pen->page, (HPDF_REAL)it->x,
			(HPDF_REAL)(pen->page_h - it->y));
	return pdf_fonts_show(p->fonts, pen->page, it->face, it->size, it->text,
			      it->len);
}

static bool draw_page(struct pdf *p, const struct layout_page *lp)
{
	HPDF_Page page = HPDF_AddPage(p->hpdf);
	if (page == NULL)
		return false;
	HPDF_Page_SetWidth(page, (HPDF_REAL)p->style.page_w);
	HPDF_Page_SetHeight(page, (HPDF_REAL)p->style.page_h);
	pdf_fonts_page(p->fonts);
	struct pen pen = {.page = page, .page_h = p->style.page_h};

	for (size_t i = 0; i < lp->nitems && p->error == 0; i++) {
		const struct layout_item *it = &lp->items[i];
		if (it->kind != LAYOUT_TEXT && pen.in_text) {
			HPDF_Page_EndText(page);
			pen.in_text = false;
		}
		switch (it->kind) {
		case LAYOUT_TEXT:
			if (!draw_text(p, &pen, it))
				return false;
			break;
		case LAYOUT_LINE:
			draw_line(&pen, it);
			break;
		case LAYOUT_RECT:
			draw_rect(&pen, it);
			break;
		case LAYOUT_CHECKBOX:
			draw_checkbox(&pen, it);
			break;
		case LAYOUT_MARK:
			draw_mark(&pen, it);
			break;
		}
	}
	if (pen.in_text)
		HPDF_Page_EndText(page);
	return p->error == 0;
}

/* ---- document ------------------------------------------------------ */

static void set_info(struct pdf *p, HPDF_InfoType type, const char *value)
{
	if (value != NULL && *value != '\0')
		HPDF_SetInfoAttr(p->hpdf, type, value);
}

static void hash_tree(EVP_MD_CTX *h, const struct doc_node *n)
{
	for (; n != NULL; n = n->next) {
		if (n->text != NULL)
			EVP_DigestUpdate(h, n->text, strlen(n->text) + 1);
		hash_tree(h, n->first);
	}
}

/*
 * PDF/A wants a file identifier; libharu would make one from the clock.
 * Ours is a digest of the document's text, so it is reproducible.
 */
static bool set_file_id(struct pdf *p, const struct doc *doc)
{
	uint8_t digest[SHA256_DIGEST_LENGTH];
	EVP_MD_CTX *h = EVP_MD_CTX_new();
	if (h == NULL || !EVP_DigestInit_ex(h, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(h);
		return false;
	}
	const char *meta[] = {doc->meta.title, doc->meta.subject,
			      doc->meta.author, doc->meta.footer_name};
	for (size_t i = 0; i < sizeof(meta) / sizeof(meta[0]); i++)
		if (meta[i] != NULL)
			EVP_DigestUpdate(h, meta[i], strlen(meta[i]) + 1);
	EVP_DigestUpdate(h, &doc->meta.reference_date,
			 sizeof(doc->meta.reference_date));
	hash_tree(h, doc->root->first);
	EVP_DigestFinal_ex(h, digest, NULL);
	EVP_MD_CTX_free(h);

	HPDF_Array id = HPDF_Array_New(p->hpdf->mmgr);
	if (id == NULL || HPDF_Dict_Add(p->hpdf->trailer, "ID", id) != HPDF_OK)
		return false;
	for (int i = 0; i < 2; i++)
		if (HPDF_Array_Add(id, HPDF_Binary_New(p->hpdf->mmgr, digest,
						       16)) != HPDF_OK)
			return false;
	return true;
}

/* The documents are French: screen readers and text extraction (and
 * PDF/UA checkers) read the catalog's /Lang. */
static bool set_lang(struct pdf *p)
{
	HPDF_String lang = HPDF_String_New(p->hpdf->mmgr, "fr-FR", NULL);
	return lang != NULL &&
	       HPDF_Dict_Add(p->hpdf->catalog, "Lang", lang) == HPDF_OK;
}

static void set_metadata(struct pdf *p, const struct doc *doc)
{
	/* Info strings go out as UTF-16 when the encoder is UTF-8. */
	HPDF_SetCurrentEncoder(p->hpdf, "UTF-8");
	set_info(p, HPDF_INFO_TITLE, doc->meta.title);
	set_info(p, HPDF_INFO_AUTHOR, doc->meta.author);
	set_info(p, HPDF_INFO_SUBJECT, doc->meta.subject);
	set_info(p, HPDF_INFO_KEYWORDS, doc->meta.keywords);
	set_info(p, HPDF_INFO_CREATOR, "parcours");
	if (doc->meta.reference_date != DATE_NONE) {
		int y, m, d;
		date_to_ymd(doc->meta.reference_date, &y, &m, &d);
		/* "+00'00'": libharu's XMP writer cannot read 'Z'. */
		HPDF_Date date = {.year = y, .month = m, .day = d, .ind = '+'};
		HPDF_SetInfoDateAttr(p->hpdf, HPDF_INFO_CREATION_DATE, date);
		HPDF_SetInfoDateAttr(p->hpdf, HPDF_INFO_MOD_DATE, date);
	}
}

/*
 * PDF/A-1b: the device RGB colours we draw with are sRGB, said with an
 * OutputIntent holding the ICC profile.  libharu 2.3's helper
 * (HPDF_PDFA_AppendOutputIntents) writes the key as "DestOutputProfile "
 * with a space, which readers do not know: the dictionaries are built
 * here with libharu's objects.
 */
static bool add_output_intent(struct pdf *p)
{
	HPDF_Doc h = p->hpdf;
	HPDF_Dict icc = HPDF_DictStream_New(h->mmgr, h->xref);
	HPDF_Dict intent = HPDF_Dict_New(h->mmgr);
	HPDF_Array intents = HPDF_Array_New(h->mmgr);
	if (icc == NULL || intent == NULL || intents == NULL ||
	    HPDF_Xref_Add(h->xref, intent) != HPDF_OK)
		return false;
	icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	const char *id = "sRGB IEC61966-2.1";
	HPDF_STATUS st = HPDF_OK;
	st |= HPDF_Dict_AddNumber(icc, "N", 3);
	st |= HPDF_Dict_AddName(icc, "Alternate", "DeviceRGB");
	st |=
	    HPDF_Stream_Write(icc->stream, p->icc.data, (HPDF_UINT)p->icc.len);
	st |= HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	st |= HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	st |= HPDF_Dict_Add(intent, "OutputConditionIdentifier",
			    HPDF_String_New(h->mmgr, id, NULL));
	st |= HPDF_Dict_Add(intent, "Info", HPDF_String_New(h->mmgr, id, NULL));
	st |= HPDF_Dict_Add(
	    intent, "RegistryName",
	    HPDF_String_New(h->mmgr, "http://www.color.org", NULL));
	st |= HPDF_Dict_Add(intent, "DestOutputProfile", icc);
	st |= HPDF_Dict_Add(h->catalog, "OutputIntents", intents);
	st |= HPDF_Array_Add(intents, intent);
	return st == HPDF_OK;
}

/*
 * PDF/A-1b: XMP metadata and a file identifier.  libharu copies the Info
 * strings into the XMP packet as they are, so they go in XML-escaped for
 * that moment and plain again afterwards.
 */
static bool set_pdfa(struct pdf *p, const struct doc *doc)
{
	static const HPDF_InfoType types[] = {HPDF_INFO_TITLE, HPDF_INFO_AUTHOR,
					      HPDF_INFO_SUBJECT,
					      HPDF_INFO_KEYWORDS};
	const char *values[] = {doc->meta.title, doc->meta.author,
				doc->meta.subject, doc->meta.keywords};
	struct buf esc = {0};
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (values[i] == NULL || *values[i] == '\0')
			continue;
		buf_reset(&esc);
		buf_put_xml(&esc, values[i]);
		buf_put(&esc, "", 1);
		if (!esc.oom)
			HPDF_SetInfoAttr(p->hpdf, types[i], (char *)esc.data);
	}
	bool ok =
	    !esc.oom && set_file_id(p, doc) &&
	    HPDF_PDFA_SetPDFAConformance(p->hpdf, HPDF_PDFA_1B) == HPDF_OK &&
	    add_output_intent(p);
	buf_free(&esc);
	/* libharu spells the key "SubType"; readers look for "Subtype". */
	HPDF_Dict xmp = ok ? HPDF_Dict_GetItem(p->hpdf->catalog, "Metadata",
					       HPDF_OCLASS_DICT)
			   : NULL;
	if (xmp != NULL) {
		HPDF_Dict_RemoveElement(xmp, "SubType");
		ok = HPDF_Dict_AddName(xmp, "Subtype", "XML") == HPDF_OK;
	}
	for (size_t i = 0; ok && i < sizeof(types) / sizeof(types[0]); i++)
		set_info(p, types[i], values[i]);
	return ok;
}

/* libharu's writer callback: the file's bytes go straight into out. */
static HPDF_STATUS put_output(HPDF_Stream stream, const HPDF_BYTE *ptr,
			      HPDF_UINT size)
{
	struct buf *out = stream->attr;
	buf_put(out, ptr, size);
	/* Set where libharu looks, so the failure is not a bare code. */
	return out->oom
		   ? HPDF_SetError(stream->error, HPDF_FAILD_TO_ALLOC_MEM, 0)
		   : HPDF_OK;
}

/*
 * Saves the document into out.  libharu would save into its memory
 * stream and hand the bytes back through HPDF_ReadFromStream(), copying
 * the whole file twice a byte at a time (HPDF_MemCpy is a plain loop):
 * given a writer stream of its own public kind (HPDF_CallbackWriter_New)
 * as the document's stream, HPDF_SaveToStream() writes through it, the
 * same bytes in the same order.  The document frees it.
 */
static bool take_output(struct pdf *p, struct buf *out)
{
	HPDF_Stream_Free(p->hpdf->stream); /* none yet: NULL */
	p->hpdf->stream =
	    HPDF_CallbackWriter_New(p->hpdf->mmgr, put_output, out);
	return p->hpdf->stream != NULL && HPDF_SaveToStream(p->hpdf) == HPDF_OK;
}

static bool render(struct pdf *p, const struct doc *doc, const struct layout *L,
		   bool fallback, struct buf *out)
{
	HPDF_SetCompressionMode(p->hpdf, fallback ? PDF_COMPRESSION_FALLBACK
						  : PDF_COMPRESSION);
	pdf_fonts_begin(p->fonts);
	for (size_t i = 0; i < layout_npages(L); i++)
		if (!draw_page(p, layout_page(L, i)))
			return false;
	set_metadata(p, doc);
	if (!set_lang(p))
		return false;
	if (p->pdfa && !set_pdfa(p, doc))
		return false;
	return p->error == 0 && pdf_fonts_end(p->fonts, true) &&
	       pdf_flate_pages(p->flate, p->hpdf) && take_output(p, out);
}

enum backend_code pdf_check(struct pdf *p, const struct doc *doc)
{
	bool fallback;
	return pdf_fonts_check(p->fonts, doc, &fallback) ? BACKEND_OK
							 : BACKEND_DOSSIER;
}

enum backend_code pdf_render(struct pdf *p, const struct doc *doc,
			     struct buf *out)
{
	bool fallback;
	if (!pdf_fonts_check(p->fonts, doc, &fallback))
		return BACKEND_DOSSIER;
	struct layout_metrics m = {.advance = pdf_fonts_advance,
				   .ctx = p->fonts};
	struct layout *L = layout_doc(doc, &p->style, &m);
	if (L == NULL) {
		diag(MSG_OUT_OF_MEMORY, doc->meta.origin, 0);
		return BACKEND_SYSTEM;
	}
	/* A fresh document; the fonts' definitions stay loaded. */
	HPDF_ResetError(p->hpdf);
	p->error = 0;
	size_t len0 = out->len;
	bool ok =
	    HPDF_NewDoc(p->hpdf) == HPDF_OK && render(p, doc, L, fallback, out);
	layout_free(L);
	if (!ok && p->error == 0) {
		/* Set by a call that returns without calling on_error()
		 * (HPDF_CallbackWriter_New() out of memory, say). */
		p->error = HPDF_GetError(p->hpdf);
		p->detail = HPDF_GetErrorDetail(p->hpdf);
	}
	if (!ok || p->error != 0 || out->oom) {
		char why[160];
		/* No libharu error at all: one of our own steps failed
		 * (the fallback font's code list, a kept font program),
		 * and each fails only for want of memory. */
		if (out->oom || p->error == 0)
			diag(MSG_OUT_OF_MEMORY, doc->meta.origin, 0);
		else
			diag(MSG_PDF_CANNOT_WRITE, doc->meta.origin, 0,
			     pdf_error_words(p->error, p->detail, why,
					     sizeof(why)));
		out->len = len0;
		return BACKEND_SYSTEM;
	}
	return BACKEND_OK;
}
