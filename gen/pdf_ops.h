/*
 * The page operators drawn most often, written into the page's content
 * stream as libharu writes them.  For pdf.c and pdf_font.c, which
 * include libharu.
 *
 * Each of libharu's operators clears a 512-byte buffer a byte at a time
 * (HPDF_MemSet is a loop) before formatting a few numbers into it, for
 * every call: on a report, with a Tm, a Tf and an rg for most runs of
 * text and an re for every cell, that clearing was 4 % of the CPU.
 * These write the same bytes, formatted by libharu's own HPDF_FToA(),
 * and leave the page in the same state.  Whenever the page is not in a
 * state the operator accepts (or an argument is out of libharu's
 * range), they call libharu's operator instead, which reports the
 * error as it always has.  Written against libharu 2.3.0 (Debian 12),
 * whose page attributes they read and set.
 */
#ifndef PARCOURS_PDF_OPS_H
#define PARCOURS_PDF_OPS_H

#include <hpdf.h>

/* "1 0 0 1 x y Tm": HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, x, y). */
void pdf_ops_text_at(HPDF_Page page, HPDF_REAL x, HPDF_REAL y);

/* "r g b rg": HPDF_Page_SetRGBFill(). */
void pdf_ops_fill_rgb(HPDF_Page page, HPDF_REAL r, HPDF_REAL g, HPDF_REAL b);

/* "x y w h re": HPDF_Page_Rectangle(). */
void pdf_ops_rect(HPDF_Page page, HPDF_REAL x, HPDF_REAL y, HPDF_REAL w,
		  HPDF_REAL h);

/* "/Fn size Tf": HPDF_Page_SetFontAndSize(), and its status. */
HPDF_STATUS pdf_ops_font(HPDF_Page page, HPDF_Font font, HPDF_REAL size);

/*
 * "(text) Tj": HPDF_Page_ShowText() with a single-byte TrueType font,
 * and its status.  libharu measures the text to move its record of the
 * text position, a function call per byte; the same sum here, from the
 * same width cache of the font (which also marks the glyphs the subset
 * embeds), costs a table lookup.
 */
HPDF_STATUS pdf_ops_show(HPDF_Page page, const char *text);

#endif
