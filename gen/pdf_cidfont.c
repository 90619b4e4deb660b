/*
 * The Unicode fallback font of a face (see pdf_cidfont.h).
 *
 * What HPDF_GetFont() does for a TrueType face and the UTF-8 encoder
 * (HPDF_Type0Font_New(), CreateCMap() and CIDFontType2_New() in
 * hpdf_font_cid.c), and so what make() does, in this order: the Type0
 * font dictionary added to the cross-reference table; the CMap stream
 * (two objects: the stream and its length) as its ToUnicode; the
 * CIDFontType2 dictionary; its widths array, runs of the glyphs whose
 * width is not the face's missing width; the CIDToGIDMap stream (two
 * objects); the font listed in the document and, when metadata is
 * compressed, deflated.  The two streams are written with the font's
 * filter, which libharu sets on them when the font is written.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "buf.h"
#include "pdf_cidfont.h"
#include "pdf_flate.h"

#define UTF8 "UTF-8"

struct pdf_cidfont {
	bool ready; /* taken from libharu's first font */
	/* libharu's own functions for such a font */
	HPDF_Font_TextWidths_Func text_width;
	HPDF_Font_MeasureText_Func measure_text;
	HPDF_Dict_BeforeWriteFunc before_write;
	HPDF_Dict_FreeFunc free_fn;
	struct buf cmap, cmap_z; /* the CMap stream, plain and deflated */
	struct buf map, map_z;	 /* the CIDToGIDMap stream, likewise */
	/* The widths array: runs of [first CID, count, widths...]. */
	HPDF_INT *w;
	size_t nw;
};

struct pdf_cidfont *pdf_cidfont_new(void)
{
	return calloc(1, sizeof(struct pdf_cidfont));
}

void pdf_cidfont_free(struct pdf_cidfont *c)
{
	if (c == NULL)
		return;
	buf_free(&c->cmap);
	buf_free(&c->cmap_z);
	buf_free(&c->map);
	buf_free(&c->map_z);
	free(c->w);
	free(c);
}

/* The bytes written into a libharu memory stream so far. */
static bool copy_stream(HPDF_Stream s, struct buf *out)
{
	if (s == NULL || s->type != HPDF_STREAM_MEMORY)
		return false;
	for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(s); i++) {
		HPDF_UINT n = 0;
		HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(s, i, &n);
		if (b == NULL)
			return false;
		buf_put(out, b, n);
	}
	return !out->oom && out->len == HPDF_Stream_Size(s);
}

/* The widths array as CIDFontType2_New() makes it from the map. */
static bool make_widths(struct pdf_cidfont *c, HPDF_FontDef def)
{
	size_t max = c->map.len / 2;
	c->w = malloc(sizeof(*c->w) * (max * 3 + 1));
	if (c->w == NULL)
		return false;
	size_t run = 0; /* index of the current run's count; 0: none */
	for (size_t i = 0; i < max; i++) {
		HPDF_UINT16 gid = (HPDF_UINT16)(c->map.data[2 * i] << 8 |
						c->map.data[2 * i + 1]);
		HPDF_INT w = HPDF_TTFontDef_GetGidWidth(def, gid);
		if (w == def->missing_width) {
			run = 0;
			continue;
		}
		if (run == 0) {
			c->w[c->nw++] = (HPDF_INT)i;
			run = c->nw++;
			c->w[run] = 0;
		}
		c->w[run]++;
		c->w[c->nw++] = w;
	}
	return true;
}

/* What libharu's first font of the face holds; false leaves c unready. */
static bool take(struct pdf_cidfont *c, HPDF_Font font)
{
	HPDF_FontAttr attr = font->attr;
	if (attr->type != HPDF_FONT_TYPE0_TT || attr->cmap_stream == NULL ||
	    attr->map_stream == NULL || attr->descendant_font == NULL ||
	    !copy_stream(attr->cmap_stream->stream, &c->cmap) ||
	    !copy_stream(attr->map_stream->stream, &c->map) ||
	    !make_widths(c, attr->fontdef))
		return false;
	c->text_width = attr->text_width_fn;
	c->measure_text = attr->measure_text_fn;
	c->before_write = font->before_write_fn;
	c->free_fn = font->free_fn;
	return true;
}

/* Plain, or deflated once, as the font's filter will have it. */
static bool serve(HPDF_Dict d, const struct buf *plain, struct buf *z,
		  bool deflate)
{
	if (!deflate)
		return pdf_flate_serve(d, plain->data, plain->len, false);
	if (z->len == 0 && !pdf_flate_deflate(plain->data, plain->len, z))
		return false;
	return pdf_flate_serve(d, z->data, z->len, true);
}

/* A CIDSystemInfo dictionary of the encoder's. */
static HPDF_Dict system_info(HPDF_MMgr mmgr, HPDF_CMapEncoderAttr ea)
{
	HPDF_Dict d = HPDF_Dict_New(mmgr);
	if (d == NULL)
		return NULL;
	HPDF_STATUS ret = 0;
	ret += HPDF_Dict_Add(d, "Registry",
			     HPDF_String_New(mmgr, ea->registry, NULL));
	ret += HPDF_Dict_Add(d, "Ordering",
			     HPDF_String_New(mmgr, ea->ordering, NULL));
	ret += HPDF_Dict_AddNumber(d, "Supplement", ea->suppliment);
	return ret == HPDF_OK ? d : NULL;
}

/* CreateCMap()'s stream, its bytes from memory. */
static HPDF_Dict make_cmap(struct pdf_cidfont *c, HPDF_Encoder enc,
			   HPDF_Xref xref, bool deflate)
{
	HPDF_CMapEncoderAttr ea = enc->attr;
	HPDF_Dict cmap = HPDF_DictStream_New(enc->mmgr, xref);
	if (cmap == NULL)
		return NULL;
	HPDF_STATUS ret = 0;
	ret += HPDF_Dict_AddName(cmap, "Type", "CMap");
	ret += HPDF_Dict_AddName(cmap, "CMapName", enc->name);
	HPDF_Dict sysinfo = system_info(enc->mmgr, ea);
	if (sysinfo == NULL ||
	    HPDF_Dict_Add(cmap, "CIDSystemInfo", sysinfo) != HPDF_OK)
		return NULL;
	ret +=
	    HPDF_Dict_AddNumber(cmap, "WMode", (HPDF_UINT32)ea->writing_mode);
	if (ret != HPDF_OK || !serve(cmap, &c->cmap, &c->cmap_z, deflate))
		return NULL;
	return cmap;
}

/* The widths array from the runs. */
static HPDF_Array make_w(const struct pdf_cidfont *c, HPDF_MMgr mmgr)
{
	HPDF_Array w = HPDF_Array_New(mmgr);
	if (w == NULL)
		return NULL;
	for (size_t i = 0; i < c->nw;) {
		HPDF_Array run = NULL;
		HPDF_INT n = c->w[i + 1];
		if (HPDF_Array_AddNumber(w, c->w[i]) != HPDF_OK ||
		    (run = HPDF_Array_New(mmgr)) == NULL ||
		    HPDF_Array_Add(w, run) != HPDF_OK)
			return NULL;
		for (HPDF_INT k = 0; k < n; k++)
			if (HPDF_Array_AddNumber(run, c->w[i + 2 + k]) !=
			    HPDF_OK)
				return NULL;
		i += 2 + (size_t)n;
	}
	return w;
}

/* CIDFontType2_New(): the descendant font of parent. */
static HPDF_Dict make_descendant(struct pdf_cidfont *c, HPDF_Font parent,
				 HPDF_Xref xref, bool deflate)
{
	HPDF_FontAttr attr = parent->attr;
	HPDF_FontDef def = attr->fontdef;
	HPDF_TTFontDefAttr tt = def->attr;
	HPDF_Dict font = HPDF_Dict_New(parent->mmgr);
	if (font == NULL || HPDF_Xref_Add(xref, font) != HPDF_OK)
		return NULL;
	parent->before_write_fn = c->before_write;
	HPDF_STATUS ret = 0;
	ret += HPDF_Dict_AddName(font, "Type", "Font");
	ret += HPDF_Dict_AddName(font, "Subtype", "CIDFontType2");
	ret += HPDF_Dict_AddNumber(font, "DW", def->missing_width);
	HPDF_Array dw2 = HPDF_Array_New(font->mmgr);
	if (ret != HPDF_OK || dw2 == NULL ||
	    HPDF_Dict_Add(font, "DW2", dw2) != HPDF_OK)
		return NULL;
	ret += HPDF_Array_AddNumber(dw2, (HPDF_INT32)(def->font_bbox.bottom));
	ret += HPDF_Array_AddNumber(
	    dw2, (HPDF_INT32)(def->font_bbox.bottom - def->font_bbox.top));
	HPDF_Array w = make_w(c, font->mmgr);
	if (ret != HPDF_OK || w == NULL ||
	    HPDF_Dict_Add(font, "W", w) != HPDF_OK)
		return NULL;
	if (tt->embedding) {
		HPDF_Dict map = HPDF_DictStream_New(font->mmgr, xref);
		if (map == NULL ||
		    HPDF_Dict_Add(font, "CIDToGIDMap", map) != HPDF_OK ||
		    !serve(map, &c->map, &c->map_z, deflate))
			return NULL;
	}
	HPDF_Dict info = system_info(parent->mmgr,
				     (HPDF_CMapEncoderAttr)attr->encoder->attr);
	if (info == NULL ||
	    HPDF_Dict_Add(font, "CIDSystemInfo", info) != HPDF_OK)
		return NULL;
	return font;
}

/* HPDF_GetFont() and HPDF_Type0Font_New() from what c holds. */
static HPDF_Font make(struct pdf_cidfont *c, HPDF_Doc hpdf, const char *name)
{
	HPDF_FontDef def = HPDF_GetFontDef(hpdf, name);
	HPDF_Encoder enc = HPDF_GetEncoder(hpdf, UTF8);
	if (def == NULL || enc == NULL)
		return NULL;
	bool deflate = (hpdf->compression_mode & HPDF_COMP_METADATA) != 0;
	HPDF_MMgr mmgr = hpdf->mmgr;
	HPDF_Xref xref = hpdf->xref;
	HPDF_Font font = HPDF_Dict_New(mmgr);
	if (font == NULL)
		return NULL;
	font->header.obj_class |= HPDF_OSUBCLASS_FONT;
	HPDF_FontAttr attr = HPDF_GetMem(mmgr, sizeof(HPDF_FontAttr_Rec));
	if (attr == NULL) {
		HPDF_Dict_Free(font);
		return NULL;
	}
	memset(attr, 0, sizeof(*attr));
	font->write_fn = NULL;
	font->free_fn = c->free_fn;
	font->attr = attr;
	attr->writing_mode = ((HPDF_CMapEncoderAttr)enc->attr)->writing_mode;
	attr->text_width_fn = c->text_width;
	attr->measure_text_fn = c->measure_text;
	attr->fontdef = def;
	attr->encoder = enc;
	attr->xref = xref;
	if (HPDF_Xref_Add(xref, font) != HPDF_OK)
		return NULL;
	HPDF_STATUS ret = 0;
	ret += HPDF_Dict_AddName(font, "Type", "Font");
	ret += HPDF_Dict_AddName(font, "BaseFont", def->base_font);
	ret += HPDF_Dict_AddName(font, "Subtype", "Type0");
	ret += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
	/* Its streams' filters are set here, not when the font is written:
	 * libharu does not know them (attr->cmap_stream, map_stream). */
	HPDF_Dict cmap = make_cmap(c, enc, xref, deflate);
	if (ret != HPDF_OK || cmap == NULL ||
	    HPDF_Dict_Add(font, "ToUnicode", cmap) != HPDF_OK)
		return NULL;
	HPDF_Array descendants = HPDF_Array_New(mmgr);
	if (descendants == NULL ||
	    HPDF_Dict_Add(font, "DescendantFonts", descendants) != HPDF_OK)
		return NULL;
	attr->descendant_font = make_descendant(c, font, xref, deflate);
	attr->type = HPDF_FONT_TYPE0_TT;
	if (attr->descendant_font == NULL ||
	    HPDF_Array_Add(descendants, attr->descendant_font) != HPDF_OK ||
	    HPDF_List_Add(hpdf->font_mgr, font) != HPDF_OK)
		return NULL;
	if (deflate)
		font->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	return font;
}

HPDF_Font pdf_cidfont_get(struct pdf_cidfont *c, HPDF_Doc hpdf,
			  const char *name)
{
	if (c->ready)
		return make(c, hpdf, name);
	HPDF_Font font = HPDF_GetFont(hpdf, name, UTF8);
	if (font != NULL && !take(c, font)) {
		/* Out of memory: libharu makes the next one too. */
		buf_free(&c->cmap);
		buf_free(&c->map);
		free(c->w);
		c->w = NULL;
		c->nw = 0;
		return font;
	}
	c->ready = font != NULL;
	return font;
}
