/*
 * Fonts of the PDF backend: the four faces of one family, loaded once per
 * process; which single-byte encoding draws each character; advance
 * widths for the layout; and a Unicode fallback for the characters no
 * single-byte encoding has (Vietnamese tones, Romanian Ț).  For pdf.c
 * only: with pdf.c, the one place that includes libharu.
 */
#ifndef PARCOURS_PDF_FONT_H
#define PARCOURS_PDF_FONT_H

#include <stdbool.h>
#include <stdint.h>

#include <hpdf.h>

#include "doc.h"
#include "layout.h"

/* The files pdf_fonts_new() loads from the fonts folder, by face. */
extern const char *const pdf_font_files[LAYOUT_NFACES];

struct pdf_fonts;

/*
 * Loads the faces from dir into hpdf, whose font definitions outlive
 * HPDF_NewDoc() so that each document reuses them.  NULL after a system
 * diagnostic naming the missing or unreadable file; the caller frees the
 * result with pdf_fonts_free() before freeing hpdf.
 */
struct pdf_fonts *pdf_fonts_new(HPDF_Doc hpdf, const char *dir);
/* NULL is a no-op. */
void pdf_fonts_free(struct pdf_fonts *);

/* Advance of cp in ems, for struct layout_metrics (ctx: the fonts). */
double pdf_fonts_advance(void *fonts, enum layout_face, uint32_t cp);

/*
 * Checks that every character the document draws has a glyph.  false
 * after one error per missing character, naming it as U+XXXX.  Sets
 * *fallback when some character needs the Unicode fallback font.
 */
bool pdf_fonts_check(struct pdf_fonts *, const struct doc *, bool *fallback);

/* Starts a document, after HPDF_NewDoc(); forgets the previous one's. */
void pdf_fonts_begin(struct pdf_fonts *);
/* Starts a page: its text state is new. */
void pdf_fonts_page(struct pdf_fonts *);
/*
 * Shows UTF-8 text at the current text position, inside BT/ET, choosing
 * the font object run by run.  false if libharu failed (its error
 * handler has the code).
 */
bool pdf_fonts_show(struct pdf_fonts *, HPDF_Page, enum layout_face,
		    double size, const char *s, size_t len);
/* Completes the document's font objects; call before saving. */
bool pdf_fonts_end(struct pdf_fonts *, bool compress);

#endif
