/*
 * The ODT backend: writes a document tree (doc.h) as an OpenDocument
 * text package that LibreOffice opens and HR can restyle.  For the
 * commands; the package itself is odt_zip.c's.
 *
 * Same calls as every backend: odt_new(), odt_render(), odt_free().
 * Output depends only on the trees and the font name, so the same
 * inputs give byte-identical files.
 */
#ifndef PARCOURS_ODT_H
#define PARCOURS_ODT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "doc.h"

struct odt;

/*
 * A renderer whose styles use the font family named (the PDFs' family,
 * declared by name with a sans-serif fallback); NULL means "DejaVu Sans".
 * The name is copied.  NULL when out of memory; the caller frees it with
 * odt_free().
 */
struct odt *odt_new(const char *font_family);

/*
 * Appends the package of one document to out.  false when out of memory
 * or libzip fails; odt_error() then says why (no personal data).
 */
bool odt_render(struct odt *, const struct doc *, struct buf *out);

/*
 * Appends one package holding the n documents in order, each starting on
 * a new page with its own footer and page numbers, and no empty page at
 * the end.  Metadata (title, dates) come from the first document.  n must
 * be at least 1.  false as for odt_render().
 */
bool odt_render_merged(struct odt *, const struct doc *const *docs, size_t n,
		       struct buf *out);

/* Why the last render failed: a static or odt-owned string. */
const char *odt_error(const struct odt *);

/* NULL is a no-op. */
void odt_free(struct odt *);

#endif
