/*
 * The TrueType font program of a subset, as libharu embeds it.  For
 * pdf_embed.c only: part of the PDF backend, the one place that includes
 * libharu.
 *
 * libharu 2.3's HPDF_TTFontDef_SaveFontData() makes it by reading and
 * writing its memory streams four bytes at a time (HPDF_MemCpy is a byte
 * loop), then reading the result twice more for the checksums: the
 * commonest cost of a PDF whose glyph set is new.  This file makes the
 * same bytes from the font file in memory with plain copies.
 */
#ifndef PARCOURS_PDF_SUBSET_H
#define PARCOURS_PDF_SUBSET_H

#include <stdbool.h>

#include <hpdf.h>

#include "buf.h"

/*
 * Appends to out the program HPDF_TTFontDef_SaveFontData() would write
 * for def and the glyphs flagged in it, and sets def's length1 as it
 * does.  false, out and def unchanged, when def is not a font this file
 * knows how to copy (a table missing, the file not in one block of
 * libharu memory, an offset past its end): libharu then makes it.
 */
bool pdf_subset_write(HPDF_FontDef def, struct buf *out);

#endif
