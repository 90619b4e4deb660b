/*
 * Embedded font programs kept from one document to the next, by face and
 * glyph set.  For pdf_font.c only: part of the PDF backend, the one place
 * that includes libharu.
 *
 * libharu writes a TrueType font program for every font of every
 * document: the font's tables copied four bytes at a time, with the
 * glyphs the document uses, then checksummed; about 4 million
 * instructions for each face of each document, half of the cost of a
 * PDF (callgrind, bench/README.md).  The program depends only on the
 * face and the set of glyphs used, which repeats from one document to
 * the next (headings in bold, the same words in every notice): a
 * program already written is written again from memory, with the same
 * bytes.
 */
#ifndef PARCOURS_PDF_EMBED_H
#define PARCOURS_PDF_EMBED_H

#include <hpdf.h>

struct pdf_embed;

/* An empty cache; NULL when out of memory.  Free with pdf_embed_free(). */
struct pdf_embed *pdf_embed_new(void);

/* A new document is begun: what is served to it stays until the next. */
void pdf_embed_begin(struct pdf_embed *e);

/*
 * Serves font, a TrueType font of a single-byte encoding just made by
 * HPDF_GetFont() in the document being made, from e when the document is
 * saved, and keeps its program in e when e does not have it yet.  The
 * last e named here is the one the document's save uses.
 */
void pdf_embed_use(struct pdf_embed *e, HPDF_Font font);

/* NULL is a no-op. */
void pdf_embed_free(struct pdf_embed *e);

#endif
