/*
 * Fonts of the PDF backend (see pdf_font.h).
 *
 * Most text is drawn with simple TrueType fonts in libharu's single-byte
 * encodings (CP1252, CP1250, CP1257, …), chosen run by run: they are
 * cheap to set up and readers extract their text through standard glyph
 * names.  An encoding only counts for a character whose glyph name maps
 * back to it (libharu names U+021A Ț "Tcommaaccent", which readers take
 * for U+0162 Ţ, so Ț goes to the fallback).
 *
 * The fallback is libharu's UTF-8 CID font, only made when a document
 * needs it: libharu's own the first time, then made again from it
 * (pdf_cidfont.h), since libharu takes milliseconds to set one up.
 * libharu 2.3 gives it a ToUnicode CMap written with cidrange operators,
 * which readers reject ("Invalid 'begincidrange' operator in ToUnicode
 * CMap"); we replace it with a bfchar CMap of the characters actually
 * drawn, through libharu's object API.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include "diag.h"
#include "grow.h"
#include "pdf_cidfont.h"
#include "pdf_embed.h"
#include "pdf_error.h"
#include "pdf_flate.h"
#include "pdf_font.h"
#include "pdf_ops.h"
#include "utf8.h"

const char *const pdf_font_files[LAYOUT_NFACES] = {
    "OpenSans-Regular.ttf",
    "OpenSans-Bold.ttf",
    "OpenSans-Italic.ttf",
    "OpenSans-BoldItalic.ttf",
};

/* By preference: Western, Central European, Baltic, Turkish, others. */
static const char *const encodings[] = {
    "CP1252",	  "CP1250",    "CP1257",     "CP1254",	   "ISO8859-16",
    "ISO8859-3",  "ISO8859-4", "ISO8859-10", "ISO8859-13", "ISO8859-14",
    "ISO8859-15", "CP1258",    "CP1251",     "CP1253",
};
#define NENC	 (sizeof(encodings) / sizeof(encodings[0]))
#define FALLBACK NENC /* index of the UTF-8 font in a face's fonts */

/* One way to draw a character: code `code` of encoding `enc`. */
struct slot {
	uint16_t cp;
	uint8_t enc, code;
};

/* Width cache values: 0 unknown, MISSING no glyph, else width + 1. */
#define MISSING 0xFFFFu
#define BMP	0x10000

struct pdf_fonts {
	HPDF_Doc hpdf;
	char *names[LAYOUT_NFACES]; /* libharu's names of the faces */
	HPDF_FontDef defs[LAYOUT_NFACES];
	uint16_t *widths[LAYOUT_NFACES]; /* BMP width cache, 1/1000 em */
	uint8_t *drawable;  /* BMP cache of how_drawn(), 0 unknown */
	struct slot *slots; /* sorted by cp, then preference */
	size_t nslots;
	struct pdf_embed *embed; /* font programs written before */
	struct pdf_cidfont *cid[LAYOUT_NFACES]; /* the faces' Unicode fonts */
	struct buf enc_cmap[NENC]; /* their ToUnicode CMaps, deflated */

	/* Per document. */
	HPDF_Font fonts[LAYOUT_NFACES][NENC + 1];
	HPDF_Dict tounicode; /* shared by the fallback fonts */
	/* Each single-byte encoding's ToUnicode, shared by its faces. */
	HPDF_Dict enc_tounicode[NENC];
	uint16_t *fallback; /* characters drawn with them, sorted */
	size_t nfallback, fallback_cap;
	bool failed;

	/* Per page. */
	HPDF_Font cur_font;
	double cur_size;
};

static int slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	if (x->cp != y->cp)
		return x->cp < y->cp ? -1 : 1;
	return x->enc < y->enc ? -1 : x->enc > y->enc;
}

/*
 * Glyph names that readers map to another character than libharu does:
 * poppler reads "Delta" as U+2206 INCREMENT, "Omega" as U+2126 OHM SIGN.
 */
static const char *const ambiguous_names[] = {"Delta", "Omega"};

/* Can a reader get u back from its glyph name in a simple font? */
static bool extractable(HPDF_UNICODE u)
{
	const char *name = HPDF_UnicodeToGryphName(u);
	if (u < 0xA1 || strcmp(name, ".notdef") == 0 ||
	    HPDF_GryphNameToUnicode(name) != u)
		return false;
	for (size_t i = 0;
	     i < sizeof(ambiguous_names) / sizeof(*ambiguous_names); i++)
		if (strcmp(name, ambiguous_names[i]) == 0)
			return false;
	return true;
}

/* Which encodings can draw which characters, extractably. */
static bool build_slots(struct pdf_fonts *f)
{
	f->slots = calloc(NENC * 128, sizeof(*f->slots));
	if (f->slots == NULL)
		return false;
	for (size_t e = 0; e < NENC; e++) {
		HPDF_Encoder enc = HPDF_GetEncoder(f->hpdf, encodings[e]);
		if (enc == NULL)
			return false;
		/* 0x80-0x9F hold the CP125x punctuation (’ … € –). */
		for (unsigned code = 0x80; code <= 0xFF; code++) {
			HPDF_UNICODE u = HPDF_Encoder_GetUnicode(enc, code);
			if (!extractable(u))
				continue;
			f->slots[f->nslots++] = (struct slot){
			    .cp = u,
			    .enc = (uint8_t)e,
			    .code = (uint8_t)code,
			};
		}
	}
	qsort(f->slots, f->nslots, sizeof(*f->slots), slot_cmp);
	return true;
}

/* The first slot for cp, or NULL. */
static const struct slot *find_slot(const struct pdf_fonts *f, uint32_t cp)
{
	size_t lo = 0, hi = f->nslots;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (f->slots[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->nslots && f->slots[lo].cp == cp ? &f->slots[lo] : NULL;
}

/* Spaces that do not break lines are drawn as the space glyph. */
static uint32_t drawn_as(uint32_t cp)
{
	if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	    cp == 0x205F)
		return ' ';
	return cp;
}

static bool invisible(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || cp == 0xAD || cp == 0x200B ||
	       cp == 0xFEFF;
}

/* Width of cp in face in 1/1000 em, or MISSING; cached. */
static unsigned width_of(struct pdf_fonts *f, enum layout_face face,
			 uint32_t cp)
{
	cp = drawn_as(cp);
	if (cp >= BMP)
		return MISSING;
	uint16_t *w = &f->widths[face][cp];
	if (*w == 0) {
		/* GetGlyphid and GetGidWidth do not mark glyphs as used. */
		HPDF_UINT16 gid =
		    HPDF_TTFontDef_GetGlyphid(f->defs[face], (HPDF_UINT16)cp);
		if (gid == 0 && cp != 0) {
			*w = MISSING;
		} else {
			HPDF_INT16 adv =
			    HPDF_TTFontDef_GetGidWidth(f->defs[face], gid);
			*w = (uint16_t)((adv < 0 ? 0 : adv) + 1);
		}
	}
	return *w == MISSING ? MISSING : (unsigned)(*w - 1);
}

double pdf_fonts_advance(void *ctx, enum layout_face face, uint32_t cp)
{
	unsigned w = width_of(ctx, face, cp);
	return w == MISSING ? 0 : w / 1000.0;
}

/*
 * Loads one face as HPDF_LoadTTFontFromFile() does, but from a copy of
 * the file in memory.  libharu reads the font again for every document
 * it embeds it in, glyph by glyph: from the file that is an lseek() and
 * a 4 KiB read() per glyph, 600 system calls a document; from memory,
 * none.  The font definition, and so the PDF, are the same, and so is
 * the subset tag, which follows libharu's sequence (HPDFAA, HPDFAB, …).
 * Returns libharu's name of the face, NULL on failure (libharu's error).
 */
static const char *load_face(HPDF_Doc hpdf, const char *path)
{
	FILE *in = fopen(path, "rb");
	if (in == NULL)
		return NULL;
	/* One block: the whole file (Open Sans is about 220 KB). */
	HPDF_Stream mem = HPDF_MemStream_New(hpdf->mmgr, 1 << 18);
	unsigned char chunk[65536];
	size_t n;
	HPDF_STATUS st = mem != NULL ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
	while (st == HPDF_OK && (n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		st = HPDF_Stream_Write(mem, chunk, (HPDF_UINT)n);
	bool bad = ferror(in);
	fclose(in);
	if (mem == NULL)
		return NULL;
	if (bad || st != HPDF_OK ||
	    HPDF_Stream_Seek(mem, 0, HPDF_SEEK_SET) != HPDF_OK) {
		HPDF_Stream_Free(mem);
		return NULL;
	}
	/* Takes the stream, and frees it on failure. */
	HPDF_FontDef def = HPDF_TTFontDef_Load(hpdf->mmgr, mem, HPDF_TRUE);
	if (def == NULL || HPDF_Doc_RegisterFontDef(hpdf, def) != HPDF_OK)
		return NULL;
	HPDF_BYTE *tag = hpdf->ttfont_tag;
	if (tag[0] == 0) {
		memcpy(tag, "HPDFAA", HPDF_TTF_FONT_TAG_LEN);
	} else {
		for (int i = HPDF_TTF_FONT_TAG_LEN - 1; i >= 0; i--) {
			if (++tag[i] <= 'Z')
				break;
			tag[i] = 'A';
		}
	}
	char name[HPDF_TTF_FONT_TAG_LEN + 1];
	memcpy(name, tag, HPDF_TTF_FONT_TAG_LEN);
	name[HPDF_TTF_FONT_TAG_LEN] = '\0';
	HPDF_TTFontDef_SetTagName(def, name);
	return def->base_font;
}

/* Why loading failed: libharu's error in words, or, with none, one of
 * our own allocations. */
static const char *failure_words(HPDF_Doc hpdf, char *why, size_t size)
{
	if (HPDF_GetError(hpdf) == HPDF_OK) {
		snprintf(why, size, "out of memory");
		return why;
	}
	return pdf_error_words(HPDF_GetError(hpdf), HPDF_GetErrorDetail(hpdf),
			       why, size);
}

struct pdf_fonts *pdf_fonts_new(HPDF_Doc hpdf, const char *dir)
{
	struct pdf_fonts *f = calloc(1, sizeof(*f));
	if (f == NULL || (f->embed = pdf_embed_new()) == NULL ||
	    (f->drawable = calloc(BMP, 1)) == NULL) {
		if (f != NULL)
			pdf_embed_free(f->embed);
		free(f);
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	f->hpdf = hpdf;
	for (int i = 0; i < LAYOUT_NFACES; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, pdf_font_files[i]);
		/* libharu's own message would not name the file. */
		FILE *probe = fopen(path, "rb");
		if (probe == NULL) {
			diag(MSG_FONT_CANNOT_READ, path, 0, strerror(errno));
			pdf_fonts_free(f);
			return NULL;
		}
		fclose(probe);
		const char *name = load_face(hpdf, path);
		f->names[i] = name != NULL ? strdup(name) : NULL;
		f->defs[i] =
		    name != NULL ? HPDF_Doc_FindFontDef(hpdf, name) : NULL;
		f->widths[i] = calloc(BMP, sizeof(*f->widths[i]));
		f->cid[i] = pdf_cidfont_new();
		if (f->names[i] == NULL || f->defs[i] == NULL ||
		    f->widths[i] == NULL || f->cid[i] == NULL) {
			char why[160];
			diag(MSG_FONT_CANNOT_LOAD, path, 0,
			     failure_words(hpdf, why, sizeof(why)));
			pdf_fonts_free(f);
			return NULL;
		}
	}
	if (HPDF_UseUTFEncodings(hpdf) != HPDF_OK || !build_slots(f)) {
		char why[160];
		diag(MSG_FONT_CANNOT_SET_UP_ENCODINGS, NULL, 0,
		     failure_words(hpdf, why, sizeof(why)));
		pdf_fonts_free(f);
		return NULL;
	}
	return f;
}

void pdf_fonts_free(struct pdf_fonts *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < LAYOUT_NFACES; i++) {
		free(f->names[i]);
		free(f->widths[i]);
		pdf_cidfont_free(f->cid[i]);
	}
	for (size_t e = 0; e < NENC; e++)
		buf_free(&f->enc_cmap[e]);
	free(f->slots);
	free(f->fallback);
	free(f->drawable);
	pdf_embed_free(f->embed);
	free(f);
}

/* ---- checking ------------------------------------------------------ */

struct check {
	struct pdf_fonts *f;
	const char *origin;
	long line;
	bool fallback; /* some character needs the Unicode font */
	uint32_t reported[16];
	size_t nreported;
	bool ok;
};

/* How a character of the text is drawn, as pdf_fonts_check() sees it. */
enum drawn {
	DRAWN_UNKNOWN, /* not yet looked up (the cache's zero) */
	DRAWN_NOTHING, /* invisible, or white space */
	DRAWN_SIMPLE,  /* from a single-byte encoding of every face */
	DRAWN_UNICODE, /* by every face, but only in the Unicode font */
	DRAWN_MISSING, /* some face has no glyph for it */
};

static enum drawn look_up(struct pdf_fonts *f, uint32_t cp)
{
	if (invisible(cp) || cp == ' ' || cp == '\t' || cp == '\n' ||
	    cp == '\r')
		return DRAWN_NOTHING;
	for (int face = 0; face < LAYOUT_NFACES; face++)
		if (width_of(f, face, cp) == MISSING)
			return DRAWN_MISSING;
	return drawn_as(cp) >= 0x80 && find_slot(f, cp) == NULL ? DRAWN_UNICODE
								: DRAWN_SIMPLE;
}

/* look_up(), kept for the BMP: every document asks about the same few
 * hundred characters, each in four faces. */
static enum drawn how_drawn(struct pdf_fonts *f, uint32_t cp)
{
	if (cp >= BMP)
		return look_up(f, cp);
	if (f->drawable[cp] == DRAWN_UNKNOWN)
		f->drawable[cp] = (uint8_t)look_up(f, cp);
	return (enum drawn)f->drawable[cp];
}

/* The origin is the dossier; node lines are template lines: none. */
static void check_text(struct check *c, const char *s)
{
	size_t len = strlen(s);
	while (len > 0) {
		uint32_t cp;
		size_t k = utf8_decode(s, len, &cp);
		s += k;
		len -= k;
		enum drawn how = how_drawn(c->f, cp);
		if (how == DRAWN_UNICODE)
			c->fallback = true;
		if (how != DRAWN_MISSING)
			continue;
		bool seen = false;
		for (size_t i = 0; i < c->nreported; i++)
			if (c->reported[i] == cp)
				seen = true;
		if (seen)
			continue;
		if (c->nreported < sizeof(c->reported) / sizeof(c->reported[0]))
			c->reported[c->nreported++] = cp;
		diag(MSG_FONT_NO_GLYPH, c->origin, c->line, (unsigned long)cp,
		     pdf_font_files[0]);
		c->ok = false;
	}
}

static void check_node(struct check *c, const struct doc_node *n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == DOC_TEXT && n->text != NULL)
			check_text(c, n->text);
		check_node(c, n->first);
	}
}

bool pdf_fonts_check(struct pdf_fonts *f, const struct doc *doc, bool *fallback)
{
	struct check c = {.f = f,
			  .origin = doc->meta.origin,
			  .line = doc->meta.origin_line,
			  .ok = true};
	/* The footer prints these. */
	if (doc->meta.title != NULL)
		check_text(&c, doc->meta.title);
	if (doc->meta.footer_name != NULL)
		check_text(&c, doc->meta.footer_name);
	check_node(&c, doc->root->first);
	*fallback = c.fallback;
	return c.ok;
}

/* ---- drawing ------------------------------------------------------- */

void pdf_fonts_begin(struct pdf_fonts *f)
{
	memset(f->fonts, 0, sizeof(f->fonts));
	memset(f->enc_tounicode, 0, sizeof(f->enc_tounicode));
	f->tounicode = NULL;
	f->nfallback = 0;
	f->failed = false;
	pdf_embed_begin(f->embed);
	pdf_fonts_page(f);
}

void pdf_fonts_page(struct pdf_fonts *f)
{
	f->cur_font = NULL;
	f->cur_size = 0;
}

/* Replaces the fallback font's ToUnicode (see the top of this file). */
static bool fix_tounicode(struct pdf_fonts *f, HPDF_Font font)
{
	if (f->tounicode == NULL) {
		f->tounicode =
		    HPDF_DictStream_New(f->hpdf->mmgr, f->hpdf->xref);
		if (f->tounicode == NULL)
			return false;
	}
	return HPDF_Dict_Add(font, "ToUnicode", f->tounicode) == HPDF_OK;
}

/* The ToUnicode CMap of a single-byte encoding: the encoding's mapping,
 * code by code. */
static void enc_cmap_text(HPDF_Encoder e, struct buf *b)
{
	buf_puts(b, "/CIDInit /ProcSet findresource begin\n"
		    "12 dict begin\nbegincmap\n"
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering "
		    "(UCS) /Supplement 0 >> def\n"
		    "/CMapName /Adobe-Identity-UCS def\n"
		    "/CMapType 2 def\n1 begincodespacerange\n"
		    "<00> <FF>\nendcodespacerange\n");
	for (int lo = 0x20; lo < 0x100; lo += 100) {
		int hi = lo + 100 < 0x100 ? lo + 100 : 0x100, n = 0;
		for (int c = lo; c < hi; c++)
			n += HPDF_Encoder_GetUnicode(e, (HPDF_UINT16)c) != 0;
		buf_printf(b, "%d beginbfchar\n", n);
		for (int c = lo; c < hi; c++) {
			HPDF_UNICODE u =
			    HPDF_Encoder_GetUnicode(e, (HPDF_UINT16)c);
			if (u != 0)
				buf_printf(b, "<%02X> <%04X>\n", c, u);
		}
		buf_puts(b, "endbfchar\n");
	}
	buf_puts(b, "endcmap\nCMapName currentdict /CMap "
		    "defineresource pop\nend\nend\n");
}

/*
 * A ToUnicode CMap for a single-byte font too: glyph names alone leave
 * text extraction to each viewer's guess (pdffonts says "uni no"), and
 * PDF/A and PDF/UA want one for every font.  It is the same in every
 * document, and deflating it cost more than a page's contents: it is
 * deflated once per encoding (pdf_flate.h).
 */
static bool enc_tounicode(struct pdf_fonts *f, HPDF_Font font, size_t enc)
{
	struct buf *cmap = &f->enc_cmap[enc];
	if (cmap->len == 0) {
		HPDF_Encoder e = HPDF_GetEncoder(f->hpdf, encodings[enc]);
		struct buf text = {0};
		if (e == NULL)
			return false;
		enc_cmap_text(e, &text);
		bool ok =
		    !text.oom && pdf_flate_deflate(text.data, text.len, cmap);
		buf_free(&text);
		if (!ok)
			return false;
	}
	if (f->enc_tounicode[enc] == NULL) {
		HPDF_Dict d = HPDF_DictStream_New(f->hpdf->mmgr, f->hpdf->xref);
		if (d == NULL ||
		    !pdf_flate_serve(d, cmap->data, cmap->len, true))
			return false;
		f->enc_tounicode[enc] = d;
	}
	return HPDF_Dict_Add(font, "ToUnicode", f->enc_tounicode[enc]) ==
	       HPDF_OK;
}

static HPDF_Font font_for(struct pdf_fonts *f, enum layout_face face,
			  size_t enc)
{
	HPDF_Font *slot = &f->fonts[face][enc];
	if (*slot != NULL)
		return *slot;
	*slot = enc == FALLBACK
		    ? pdf_cidfont_get(f->cid[face], f->hpdf, f->names[face])
		    : HPDF_GetFont(f->hpdf, f->names[face], encodings[enc]);
	if (*slot != NULL && enc == FALLBACK && !fix_tounicode(f, *slot))
		*slot = NULL;
	else if (*slot != NULL && enc != FALLBACK &&
		 !enc_tounicode(f, *slot, enc))
		*slot = NULL;
	else if (*slot != NULL && enc != FALLBACK)
		pdf_embed_use(f->embed, *slot);
	return *slot;
}

static bool note_fallback(struct pdf_fonts *f, uint32_t cp)
{
	size_t lo = 0, hi = f->nfallback;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (f->fallback[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < f->nfallback && f->fallback[lo] == cp)
		return true;
	if (!grow_array(&f->fallback, &f->fallback_cap, f->nfallback, 32,
			sizeof(*f->fallback)))
		return false;
	memmove(&f->fallback[lo + 1], &f->fallback[lo],
		(f->nfallback - lo) * sizeof(*f->fallback));
	f->fallback[lo] = (uint16_t)cp;
	f->nfallback++;
	return true;
}

struct run {
	char buf[256];
	size_t len;
	size_t enc; /* NENC + 1: none yet */
};

static bool flush(struct pdf_fonts *f, HPDF_Page page, enum layout_face face,
		  double size, struct run *r)
{
	if (r->len == 0)
		return true;
	HPDF_Font font = font_for(f, face, r->enc);
	if (font == NULL)
		return false;
	if (font != f->cur_font || size != f->cur_size) {
		if (pdf_ops_font(page, font, (HPDF_REAL)size) != HPDF_OK)
			return false;
		f->cur_font = font;
		f->cur_size = size;
	}
	r->buf[r->len] = '\0';
	r->len = 0;
	return pdf_ops_show(page, r->buf) == HPDF_OK;
}

bool pdf_fonts_show(struct pdf_fonts *f, HPDF_Page page, enum layout_face face,
		    double size, const char *s, size_t len)
{
	struct run r = {.enc = NENC + 1};
	while (len > 0) {
		uint32_t cp;
		size_t k = utf8_decode(s, len, &cp);
		s += k;
		len -= k;
		if (invisible(cp))
			continue;
		cp = drawn_as(cp);

		size_t enc;
		uint8_t code = 0;
		if (cp < 0x80) {
			/* ASCII is the same in every encoding: stay. */
			enc = r.enc < NENC ? r.enc : 0;
			code = (uint8_t)cp;
		} else {
			const struct slot *sl = find_slot(f, cp);
			enc = FALLBACK;
			for (; sl != NULL && sl < f->slots + f->nslots &&
			       sl->cp == cp;
			     sl++) {
				if (enc == FALLBACK || sl->enc == r.enc) {
					enc = sl->enc;
					code = sl->code;
				}
				if (sl->enc == r.enc)
					break;
			}
		}
		if (enc != r.enc && !flush(f, page, face, size, &r))
			return false;
		r.enc = enc;
		if (enc == FALLBACK) {
			if (!note_fallback(f, cp))
				return false;
			memcpy(r.buf + r.len, s - k, k);
			r.len += k;
		} else {
			r.buf[r.len++] = (char)code;
		}
		if (r.len + 8 > sizeof(r.buf) &&
		    !flush(f, page, face, size, &r))
			return false;
	}
	return flush(f, page, face, size, &r);
}

bool pdf_fonts_end(struct pdf_fonts *f, bool compress)
{
	if (f->tounicode == NULL)
		return true;
	HPDF_Stream st = f->tounicode->stream;
	char line[32];
	HPDF_STATUS ret = HPDF_Stream_WriteStr(
	    st, "/CIDInit /ProcSet findresource begin\n"
		"12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
		"/Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\n"
		"endcodespacerange\n");
	/* At most 100 mappings per block. */
	for (size_t i = 0; i < f->nfallback && ret == HPDF_OK; i += 100) {
		size_t n = f->nfallback - i < 100 ? f->nfallback - i : 100;
		snprintf(line, sizeof(line), "%zu beginbfchar\n", n);
		ret = HPDF_Stream_WriteStr(st, line);
		for (size_t j = i; j < i + n && ret == HPDF_OK; j++) {
			snprintf(line, sizeof(line), "<%04X> <%04X>\n",
				 f->fallback[j], f->fallback[j]);
			ret = HPDF_Stream_WriteStr(st, line);
		}
		if (ret == HPDF_OK)
			ret = HPDF_Stream_WriteStr(st, "endbfchar\n");
	}
	if (ret == HPDF_OK)
		ret = HPDF_Stream_WriteStr(
		    st, "endcmap\nCMapName currentdict /CMap "
			"defineresource pop\nend\nend\n");
	if (compress)
		f->tounicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	return ret == HPDF_OK;
}
