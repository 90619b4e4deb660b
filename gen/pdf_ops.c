/*
 * The page operators drawn most often, as libharu writes them (see
 * pdf_ops.h).
 */
#include <stdbool.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_gstate.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include "pdf_ops.h"

/* Room for the most numbers an operator here takes, and its name. */
#define OPS_NUMBERS 6
#define OPS_BUF	    (OPS_NUMBERS * (HPDF_REAL_LEN + 2) + 16)

/*
 * Writes prefix, the n numbers (space-separated, by HPDF_FToA()), then
 * " op" and a line feed, as libharu's operators do; false after
 * libharu's error.
 */
static bool put_op(HPDF_Page page, const char *prefix, const HPDF_REAL *v,
		   size_t n, const char *op)
{
	char buf[OPS_BUF];
	char *end = buf + sizeof(buf) - 1;
	char *at = buf;
	size_t len = strlen(prefix);
	memcpy(at, prefix, len);
	at += len;
	for (size_t i = 0; i < n && i < OPS_NUMBERS; i++) {
		if (i > 0)
			*at++ = ' ';
		at = HPDF_FToA(at, v[i], end);
	}
	*at++ = ' ';
	len = strlen(op);
	memcpy(at, op, len);
	at += len;
	*at++ = '\012';
	HPDF_PageAttr attr = page->attr;
	if (HPDF_Stream_Write(attr->stream, (HPDF_BYTE *)buf,
			      (HPDF_UINT)(at - buf)) != HPDF_OK) {
		HPDF_CheckError(page->error);
		return false;
	}
	return true;
}

/* Whether the page is in one of the graphics modes of mask. */
static bool in_mode(HPDF_Page page, HPDF_UINT16 mask)
{
	return page != NULL &&
	       page->header.obj_class ==
		   (HPDF_OSUBCLASS_PAGE | HPDF_OCLASS_DICT) &&
	       (((HPDF_PageAttr)page->attr)->gmode & mask);
}

static bool unit(HPDF_REAL v)
{
	return v >= 0 && v <= 1;
}

void pdf_ops_text_at(HPDF_Page page, HPDF_REAL x, HPDF_REAL y)
{
	if (!in_mode(page, HPDF_GMODE_TEXT_OBJECT)) {
		HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, x, y);
		return;
	}
	const HPDF_REAL v[] = {x, y};
	if (!put_op(page, "1 0 0 1 ", v, 2, "Tm"))
		return;
	HPDF_PageAttr attr = page->attr;
	attr->text_matrix = (HPDF_TransMatrix){1, 0, 0, 1, x, y};
	attr->text_pos.x = x;
	attr->text_pos.y = y;
}

void pdf_ops_fill_rgb(HPDF_Page page, HPDF_REAL r, HPDF_REAL g, HPDF_REAL b)
{
	if (!in_mode(page,
		     HPDF_GMODE_TEXT_OBJECT | HPDF_GMODE_PAGE_DESCRIPTION) ||
	    !unit(r) || !unit(g) || !unit(b)) {
		HPDF_Page_SetRGBFill(page, r, g, b);
		return;
	}
	const HPDF_REAL v[] = {r, g, b};
	if (!put_op(page, "", v, 3, "rg"))
		return;
	HPDF_GState gs = ((HPDF_PageAttr)page->attr)->gstate;
	gs->rgb_fill = (HPDF_RGBColor){r, g, b};
	gs->cs_fill = HPDF_CS_DEVICE_RGB;
}

void pdf_ops_rect(HPDF_Page page, HPDF_REAL x, HPDF_REAL y, HPDF_REAL w,
		  HPDF_REAL h)
{
	if (!in_mode(page,
		     HPDF_GMODE_PAGE_DESCRIPTION | HPDF_GMODE_PATH_OBJECT)) {
		HPDF_Page_Rectangle(page, x, y, w, h);
		return;
	}
	const HPDF_REAL v[] = {x, y, w, h};
	if (!put_op(page, "", v, 4, "re"))
		return;
	HPDF_PageAttr attr = page->attr;
	attr->cur_pos = (HPDF_Point){x, y};
	attr->str_pos = attr->cur_pos;
	attr->gmode = HPDF_GMODE_PATH_OBJECT;
}

HPDF_STATUS pdf_ops_font(HPDF_Page page, HPDF_Font font, HPDF_REAL size)
{
	if (!in_mode(page,
		     HPDF_GMODE_PAGE_DESCRIPTION | HPDF_GMODE_TEXT_OBJECT) ||
	    !HPDF_Font_Validate(font) || size <= 0 ||
	    size > HPDF_MAX_FONTSIZE || page->mmgr != font->mmgr)
		return HPDF_Page_SetFontAndSize(page, font, size);
	/* The font's name in the page's resources, added if new. */
	const char *name = HPDF_Page_GetLocalFontName(page, font);
	if (name == NULL)
		return HPDF_Page_SetFontAndSize(page, font, size);
	HPDF_PageAttr attr = page->attr;
	if (HPDF_Stream_WriteEscapeName(attr->stream, name) != HPDF_OK)
		return HPDF_CheckError(page->error);
	const HPDF_REAL v[] = {size};
	if (!put_op(page, " ", v, 1, "Tf"))
		return HPDF_CheckError(page->error);
	attr->gstate->font = font;
	attr->gstate->font_size = size;
	attr->gstate->writing_mode = ((HPDF_FontAttr)font->attr)->writing_mode;
	return HPDF_OK;
}

/*
 * HPDF_Page_TextWidth() of text with the single-byte TrueType font fa,
 * computed as libharu's TextWidth() and CharWidth() do: a width is
 * looked up in the font definition the first time the document uses its
 * code, which marks the glyph for the subset.
 */
static HPDF_REAL text_width(HPDF_PageAttr attr, HPDF_FontAttr fa,
			    const char *text, size_t len)
{
	HPDF_UINT width = 0, numchars = 0, numspace = 0;
	for (size_t i = 0; i < len; i++) {
		HPDF_BYTE b = (HPDF_BYTE)text[i];
		if (fa->used[b] == 0) {
			fa->used[b] = 1;
			fa->widths[b] = HPDF_TTFontDef_GetCharWidth(
			    fa->fontdef,
			    HPDF_Encoder_ToUnicode(fa->encoder, b));
		}
		numchars++;
		width += (HPDF_UINT)fa->widths[b];
		if (HPDF_IS_WHITE_SPACE(b))
			numspace++;
	}
	HPDF_GState gs = attr->gstate;
	HPDF_REAL ret = 0;
	ret += gs->word_space * numspace;
	ret += width * gs->font_size / 1000;
	ret += gs->char_space * numchars;
	return ret;
}

HPDF_STATUS pdf_ops_show(HPDF_Page page, const char *text)
{
	if (!in_mode(page, HPDF_GMODE_TEXT_OBJECT))
		return HPDF_Page_ShowText(page, text);
	HPDF_PageAttr attr = page->attr;
	HPDF_Font font = attr->gstate->font;
	HPDF_FontAttr fa = HPDF_Font_Validate(font) ? font->attr : NULL;
	size_t len = strlen(text);
	if (fa == NULL || fa->type != HPDF_FONT_TRUETYPE ||
	    fa->writing_mode != HPDF_WMODE_HORIZONTAL || fa->widths == NULL ||
	    fa->used == NULL || len == 0 || len > HPDF_LIMIT_MAX_STRING_LEN)
		return HPDF_Page_ShowText(page, text);
	/* Nothing to show: libharu writes nothing either. */
	HPDF_REAL tw = text_width(attr, fa, text, len);
	if (tw == 0)
		return HPDF_OK;
	if (HPDF_Stream_WriteEscapeText2(attr->stream, text, (HPDF_UINT)len) !=
		HPDF_OK ||
	    HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)" Tj\012", 4) !=
		HPDF_OK)
		return HPDF_CheckError(page->error);
	attr->text_pos.x += tw * attr->text_matrix.a;
	attr->text_pos.y += tw * attr->text_matrix.b;
	return HPDF_OK;
}
