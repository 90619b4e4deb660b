/*
 * Stream contents made once and written into many PDFs.  For the PDF
 * backend only (pdf_font.c, pdf_embed.c), the one place that includes
 * libharu.
 *
 * libharu copies a stream's contents into its memory stream and out
 * again a byte at a time, and deflates them every time it writes them,
 * with a fresh zlib stream at zlib's default level.  Contents that are
 * the same in many documents (a single-byte encoding's ToUnicode CMap,
 * whose deflate costs more than a page's; a font program already
 * embedded) are kept by the caller, deflated once the same way when the
 * document deflates them, and read by libharu straight from there: the
 * file is the same, byte for byte.
 */
#ifndef PARCOURS_PDF_FLATE_H
#define PARCOURS_PDF_FLATE_H

#include <stdbool.h>
#include <stddef.h>

#include <hpdf.h>

#include "buf.h"

/*
 * Appends to out the len bytes at data deflated as libharu deflates a
 * stream (zlib format, Z_DEFAULT_COMPRESSION, default window and
 * memory).  false when zlib or memory fails, out unchanged.
 */
bool pdf_flate_deflate(const void *data, size_t len, struct buf *out);

/*
 * One zlib stream for the page contents of every document.  libharu
 * deflates each page's contents with a stream of its own, whose setting
 * up (300 KB allocated, a 64 KB hash table cleared) costs more than
 * deflating a page: 70 us a page instead of 32 (zlib 1.2.13, a 5 KB
 * page).  Reset between pages, one stream gives the same bytes.
 */
struct pdf_flate;

/* NULL when out of memory.  Free with pdf_flate_free(). */
struct pdf_flate *pdf_flate_new(void);
/* NULL is a no-op. */
void pdf_flate_free(struct pdf_flate *);

/*
 * Deflates the contents of each page of doc as libharu would when saving
 * it, and makes the page read them from f (pdf_flate_serve()): call it
 * once the pages are drawn, just before the save.  The bytes stay in f
 * until the next call.  A page left in a text or path object (whose
 * save would write into its contents) is left to libharu.  false when
 * zlib or memory fails, with the document's error set as libharu's own
 * deflate would have set it; the document is then unusable.
 */
bool pdf_flate_pages(struct pdf_flate *f, HPDF_Doc doc);

/*
 * Makes the stream object d (from HPDF_DictStream_New()) read its
 * contents from the len bytes at data instead of what was written into
 * it,
 * which must stay until the document is saved.  deflated: the bytes are
 * from pdf_flate_deflate(), and d is written as libharu writes a stream
 * it deflated ("/Filter [ /FlateDecode ]" after d's other entries);
 * otherwise d's filter is left as it is.  false on failure (libharu's
 * error).
 */
bool pdf_flate_serve(HPDF_Dict d, const void *data, size_t len, bool deflated);

#endif
