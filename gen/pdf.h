/*
 * The PDF backend: lays out a document tree (layout.h) and draws it with
 * libharu, fonts embedded from the fonts folder.  For the commands.
 *
 * Same calls as every backend (backend.h): pdf_new(), pdf_render(),
 * pdf_free().  One
 * renderer serves any number of documents (the fonts are parsed once);
 * each output depends only on its tree, so the same inputs give
 * byte-identical files whatever was rendered before.
 */
#ifndef PARCOURS_PDF_H
#define PARCOURS_PDF_H

#include <stdbool.h>

#include "backend.h"
#include "buf.h"
#include "doc.h"

struct pdf;

/*
 * A renderer with the fonts of fonts_dir (pdf_font.c names the files),
 * writing PDF/A-1b when pdfa.  NULL after a system diagnostic when a
 * font is missing or unreadable, or memory is short.  The caller frees
 * it with pdf_free().
 */
struct pdf *pdf_new(const char *fonts_dir, bool pdfa);

/*
 * Appends the PDF of doc to out (backend.h's contract): BACKEND_OK;
 * BACKEND_DOSSIER after an error per character no font has (the
 * document cannot be printed); BACKEND_SYSTEM after a diagnostic for
 * libharu failures or lack of memory, out as it was.
 */
enum backend_code pdf_render(struct pdf *, const struct doc *, struct buf *out);

/*
 * The check pdf_render() starts with, alone: every character doc draws
 * has a glyph in the fonts, or BACKEND_DOSSIER after an error per
 * missing character (the dossier's file and line).  For validate, so
 * that it refuses what rendering would.
 */
enum backend_code pdf_check(struct pdf *, const struct doc *);

/* The font family the PDFs use, for backends that name it (ODT). */
const char *pdf_font_family(void);

/* NULL is a no-op. */
void pdf_free(struct pdf *);

#endif
