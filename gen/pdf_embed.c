/*
 * Embedded font programs kept by face and glyph set (see pdf_embed.h).
 *
 * libharu makes a TrueType font's descriptor and its program when the
 * font object is written (its before-write hook, CreateDescriptor() in
 * hpdf_font_tt.c).  The hook is wrapped: when the program of this glyph
 * set was written before, the descriptor is made here with the same
 * libharu calls in the same order, so that the objects keep their
 * numbers, and the program's bytes are copied in; otherwise libharu
 * makes it and the bytes are kept.  The golden tests compare the PDFs
 * byte for byte, with and without the cache.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include "buf.h"
#include "pdf_embed.h"
#include "pdf_flate.h"
#include "pdf_subset.h"

/*
 * Programs kept, all faces together: about 25 KB each for Open Sans, so
 * at most 5 MB; when full, the oldest goes.
 */
#define EMBED_MAX 192

struct program {
	HPDF_FontDef def;
	uint64_t hash;	  /* of the glyph flags */
	HPDF_BYTE *flags; /* libharu's: 1 for each glyph used */
	HPDF_BYTE *data;  /* the FontFile2 stream, unfiltered */
	HPDF_UINT32 len, length1;
	struct buf deflated; /* the same deflated, once a document asks */
	unsigned long doc;   /* the last document it was served to */
};

struct pdf_embed {
	struct program kept[EMBED_MAX];
	size_t n, next;	   /* next: the one to replace when full */
	unsigned long doc; /* the document being made, counted from 1 */
	HPDF_Dict_BeforeWriteFunc libharu; /* the TrueType fonts' own hook */
};

/* The cache of the document being saved: libharu's hook has no context. */
static struct pdf_embed *active;

struct pdf_embed *pdf_embed_new(void)
{
	return calloc(1, sizeof(struct pdf_embed));
}

static void forget(struct program *p)
{
	free(p->flags);
	free(p->data);
	buf_free(&p->deflated);
	*p = (struct program){0};
}

void pdf_embed_free(struct pdf_embed *e)
{
	if (e == NULL)
		return;
	for (size_t i = 0; i < e->n; i++)
		forget(&e->kept[i]);
	if (active == e)
		active = NULL;
	free(e);
}

/* FNV-1a. */
static uint64_t hash(const HPDF_BYTE *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3u;
	return h;
}

static struct program *find(struct pdf_embed *e, HPDF_FontDef def, uint64_t h)
{
	HPDF_TTFontDefAttr tt = def->attr;
	for (size_t i = 0; i < e->n; i++) {
		struct program *p = &e->kept[i];
		if (p->def == def && p->hash == h &&
		    memcmp(p->flags, tt->glyph_tbl.flgs, tt->num_glyphs) == 0)
			return p;
	}
	return NULL;
}

/*
 * Keeps p, which e then owns.  When e is full the oldest goes, but not
 * one served to the document being made: libharu reads it when it saves.
 */
static struct program *store(struct pdf_embed *e, struct program p)
{
	if (e->n < EMBED_MAX) {
		e->kept[e->n] = p;
		return &e->kept[e->n++];
	}
	while (e->kept[e->next].doc == e->doc)
		e->next = (e->next + 1) % EMBED_MAX;
	struct program *slot = &e->kept[e->next];
	forget(slot);
	*slot = p;
	e->next = (e->next + 1) % EMBED_MAX;
	return slot;
}

/* A new program with the glyph flags of def; data is filled by the caller. */
static bool program_new(struct program *p, HPDF_FontDef def, uint64_t h,
			size_t len)
{
	HPDF_TTFontDefAttr tt = def->attr;
	*p = (struct program){.def = def,
			      .hash = h,
			      .flags = malloc(tt->num_glyphs),
			      .data = malloc(len + 1),
			      .len = (HPDF_UINT32)len};
	if (p->flags == NULL || p->data == NULL) {
		forget(p);
		return false;
	}
	memcpy(p->flags, tt->glyph_tbl.flgs, tt->num_glyphs);
	return true;
}

/* Keeps the program libharu just wrote; out of memory, it is not kept. */
static void keep(struct pdf_embed *e, HPDF_FontDef def, uint64_t h,
		 HPDF_Stream program)
{
	HPDF_TTFontDefAttr tt = def->attr;
	struct program p;
	if (!program_new(&p, def, h, HPDF_Stream_Size(program)))
		return;
	p.length1 = tt->length1;
	HPDF_UINT32 at = 0;
	for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(program); i++) {
		HPDF_UINT n = 0;
		HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(program, i, &n);
		if (b == NULL || at + n > p.len) {
			forget(&p);
			return;
		}
		memcpy(p.data + at, b, n);
		at += n;
	}
	if (at != p.len) {
		forget(&p);
		return;
	}
	store(e, p);
}

/*
 * The program of def's glyph set made by pdf_subset.c and kept; NULL
 * when it cannot make it, or out of memory: libharu then makes it.
 */
static struct program *make(struct pdf_embed *e, HPDF_FontDef def, uint64_t h)
{
	HPDF_TTFontDefAttr tt = def->attr;
	struct buf b = {0};
	struct program p;
	bool ok = pdf_subset_write(def, &b) && !b.oom &&
		  program_new(&p, def, h, b.len);
	if (ok) {
		memcpy(p.data, b.data, b.len);
		p.length1 = tt->length1;
	}
	buf_free(&b);
	return ok ? store(e, p) : NULL;
}

/*
 * libharu's CreateDescriptor() with the program from p: the same
 * objects, added to the cross-reference table in the same order.
 */
static HPDF_STATUS from_cache(struct pdf_embed *e, HPDF_Dict font,
			      struct program *p)
{
	HPDF_FontAttr attr = font->attr;
	HPDF_FontDef def = attr->fontdef;
	HPDF_TTFontDefAttr tt = def->attr;
	HPDF_Dict d = HPDF_Dict_New(font->mmgr);
	if (d == NULL)
		return HPDF_Error_GetCode(font->error);
	HPDF_STATUS ret = 0;
	ret += HPDF_Xref_Add(attr->xref, d);
	ret += HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	ret += HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
	ret += HPDF_Dict_AddNumber(d, "Descent", def->descent);
	ret += HPDF_Dict_AddNumber(d, "CapHeight", def->cap_height);
	ret += HPDF_Dict_AddNumber(d, "Flags", def->flags);
	ret += HPDF_Dict_Add(d, "FontBBox",
			     HPDF_Box_Array_New(font->mmgr, def->font_bbox));
	ret += HPDF_Dict_AddName(d, "FontName", tt->base_font);
	ret += HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
	ret += HPDF_Dict_AddNumber(d, "StemV", def->stemv);
	ret += HPDF_Dict_AddNumber(d, "XHeight", def->x_height);
	if (tt->char_set != NULL)
		ret += HPDF_Dict_AddName(d, "CharSet", tt->char_set);
	if (ret != HPDF_OK)
		return HPDF_Error_GetCode(font->error);
	/* libharu deflates the program when the font is to be deflated:
	 * that is done once, and the program read from here. */
	bool deflate = (font->filter & HPDF_STREAM_FILTER_FLATE_DECODE) != 0;
	if (deflate && p->deflated.len == 0 &&
	    !pdf_flate_deflate(p->data, p->len, &p->deflated))
		return HPDF_SetError(font->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
	HPDF_Dict data = HPDF_DictStream_New(font->mmgr, attr->xref);
	if (data == NULL ||
	    !pdf_flate_serve(data, deflate ? p->deflated.data : p->data,
			     deflate ? p->deflated.len : p->len, deflate))
		return HPDF_Error_GetCode(font->error);
	p->doc = e->doc;
	tt->length1 = p->length1;
	ret += HPDF_Dict_Add(d, "FontFile2", data);
	ret += HPDF_Dict_AddNumber(data, "Length1", tt->length1);
	ret += HPDF_Dict_AddNumber(data, "Length2", 0);
	ret += HPDF_Dict_AddNumber(data, "Length3", 0);
	if (!deflate)
		data->filter = font->filter;
	if (ret != HPDF_OK)
		return HPDF_Error_GetCode(font->error);
	def->descriptor = d;
	return HPDF_Dict_Add(font, "FontDescriptor", d);
}

/* The wrapped hook of the TrueType fonts (see the top of this file). */
static HPDF_STATUS before_write(HPDF_Dict font)
{
	struct pdf_embed *e = active;
	HPDF_FontAttr attr = font->attr;
	HPDF_FontDef def = attr->fontdef;
	HPDF_TTFontDefAttr tt = def->attr;
	/* A descriptor made already (by another font of the face, in
	 * another encoding): libharu refers to it. */
	if (def->descriptor != NULL || !tt->embedding)
		return e->libharu(font);
	uint64_t h = hash(tt->glyph_tbl.flgs, tt->num_glyphs);
	struct program *p = find(e, def, h);
	if (p == NULL)
		p = make(e, def, h);
	if (p != NULL)
		return from_cache(e, font, p);
	HPDF_STATUS ret = e->libharu(font);
	HPDF_Dict data = ret == HPDF_OK && def->descriptor != NULL
			     ? HPDF_Dict_GetItem(def->descriptor, "FontFile2",
						 HPDF_OCLASS_DICT)
			     : NULL;
	if (data != NULL)
		keep(e, def, h, data->stream);
	return ret;
}

void pdf_embed_begin(struct pdf_embed *e)
{
	e->doc++;
}

void pdf_embed_use(struct pdf_embed *e, HPDF_Font font)
{
	HPDF_FontAttr attr = font->attr;
	if (attr->type != HPDF_FONT_TRUETYPE)
		return;
	if (e->libharu == NULL)
		e->libharu = font->before_write_fn;
	if (font->before_write_fn != e->libharu)
		return; /* not the hook this file knows */
	font->before_write_fn = before_write;
	active = e;
}
