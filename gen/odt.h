/*
 * The ODT backend: writes a document tree (doc.h) as an OpenDocument
 * text package that LibreOffice opens and HR can restyle.  For the
 * commands; the package itself is odt_zip.c's.
 *
 * Same calls as every backend (backend.h): odt_new(), odt_render(),
 * odt_free().
 * Output depends only on the trees and the font name, so the same
 * inputs give byte-identical files.
 */
#ifndef PARCOURS_ODT_H
#define PARCOURS_ODT_H

#include <stdbool.h>
#include <stddef.h>

#include "backend.h"
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
 * Appends the package of one document to out (backend.h's contract):
 * BACKEND_OK, or BACKEND_SYSTEM after a diagnostic when out of memory
 * or libzip fails (no personal data).
 */
enum backend_code odt_render(struct odt *, const struct doc *, struct buf *out);

/*
 * Appends one package holding the n documents in order, each starting on
 * a new page with its own footer and page numbers, and no empty page at
 * the end.  Metadata (title, dates) come from the first document.  n must
 * be at least 1.  Returns as odt_render() does.
 */
enum backend_code odt_render_merged(struct odt *, const struct doc *const *docs,
				    size_t n, struct buf *out);

/*
 * A merged package written a document at a time, for batches whose
 * documents do not fit in memory together: each document's parts go to
 * temporary files as it is added, and the caller may free it at once.
 * The package is odt_render_merged()'s: each document on a new page
 * with its own footer and page numbers, no empty page at the end,
 * metadata from the first one.
 */
struct odt_stream;

/* NULL after a system diagnostic: out of memory or no temporary file. */
struct odt_stream *odt_stream_new(struct odt *);
/* Adds the next document; false after a system diagnostic when out of
 * memory or a temporary file fails (odt_stream_finish() then fails
 * too, and the later calls are silent). */
bool odt_stream_add(struct odt_stream *, const struct doc *);
/* Documents added so far. */
size_t odt_stream_count(const struct odt_stream *);
/*
 * Writes the package to the file path, replacing it atomically (a
 * temporary file beside it, renamed).  false after a system diagnostic
 * naming path if no document was added or on failure.
 */
bool odt_stream_finish(struct odt_stream *, const char *path);
/* NULL is a no-op. */
void odt_stream_free(struct odt_stream *);

/* NULL is a no-op. */
void odt_free(struct odt *);

#endif
