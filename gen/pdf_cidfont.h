/*
 * The Unicode fallback font of a face, made again in every document
 * from what libharu computed once.  For pdf_font.c only: part of the PDF
 * backend, the one place that includes libharu.
 *
 * libharu 2.3 makes the UTF-8 font of a TrueType face (a Type0 font and
 * its CIDFontType2) by looking up the glyph of each of the 65 536 code
 * points with HPDF_TTFontDef_GetGlyphid(), a linear search of the
 * font's cmap, then writing a 128 KB CIDToGIDMap and a widths array
 * from them: a third of the CPU of a document that needs the font, and
 * the same result every time.  The first document of a process gets
 * libharu's own font; later ones get the same objects, made in the same
 * order with libharu's object API from what that first font holds, with
 * its own text-width and before-write functions, and the constant
 * streams read from memory (pdf_flate.h).  The PDFs are the same, byte
 * for byte.
 */
#ifndef PARCOURS_PDF_CIDFONT_H
#define PARCOURS_PDF_CIDFONT_H

#include <hpdf.h>

struct pdf_cidfont;

/* An empty one for one face; NULL when out of memory. */
struct pdf_cidfont *pdf_cidfont_new(void);

/*
 * The UTF-8 font of the face libharu names name in the document being
 * made, as HPDF_GetFont(hpdf, name, "UTF-8") returns it; NULL on
 * failure (libharu's error).  Call it once per face and document.
 */
HPDF_Font pdf_cidfont_get(struct pdf_cidfont *c, HPDF_Doc hpdf,
			  const char *name);

/* NULL is a no-op. */
void pdf_cidfont_free(struct pdf_cidfont *c);

#endif
