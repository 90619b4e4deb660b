/*
 * Streams deflated once and written into many PDFs.  For the PDF
 * backend only (pdf_font.c), the one place that includes libharu.
 *
 * libharu deflates a stream every time it writes it, with a fresh zlib
 * stream at zlib's default level.  A stream whose bytes are the same in
 * every document (a single-byte encoding's ToUnicode CMap: 3 KB of
 * "<80> <20AC>" lines, whose deflate costs more than a page's) can be
 * deflated once, the same way, and its deflated bytes given to each
 * document: the file is the same, byte for byte.
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
 * A new stream object of the document being made holding deflated (as
 * made by pdf_flate_deflate()) and written as libharu writes a stream
 * it deflated: the same objects in the same order, "/Filter
 * [ /FlateDecode ]" after "/Length".  NULL on failure (libharu's error).
 */
HPDF_Dict pdf_flate_stream(HPDF_Doc hpdf, const struct buf *deflated);

#endif
