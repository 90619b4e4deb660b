/*
 * The seal on a PDF (PAdES baseline B-B, or B-T with --tsa): an
 * incremental update (ISO 32000-1 §7.5.6) appended to the file that
 * pdf.c wrote, holding an invisible signature field on the first page
 * and its signature dictionary (§12.8: /SubFilter /ETSI.CAdES.detached,
 * /M the seal's date, /ByteRange the whole file but the /Contents hole),
 * the catalog with its /AcroForm and the page with its /Annots.  The
 * widget is printable and locked, with an empty appearance, as PDF/A-1
 * asks of annotations, so a PDF/A-1b file stays one.  For the commands
 * that write PDFs, between pdf_render() and the file's rename.
 */
#ifndef PARCOURS_PDF_SEAL_H
#define PARCOURS_PDF_SEAL_H

#include <stdbool.h>

#include "buf.h"
#include "seal.h"

/*
 * Seals the PDF in pdf (as pdf_render() wrote it) in place.  what names
 * it in diagnostics.  false after a system diagnostic (the TSA failed,
 * out of memory, a file pdf.c did not write); pdf is then unchanged.
 */
bool pdf_seal(const struct seal *, struct buf *pdf, const char *what);

#endif
