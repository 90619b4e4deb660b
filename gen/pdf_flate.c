/*
 * Streams deflated once and written into many PDFs (see pdf_flate.h).
 */
#include <limits.h>
#include <stdint.h>
#include <zlib.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "pdf_flate.h"

bool pdf_flate_deflate(const void *data, size_t len, struct buf *out)
{
	z_stream z = {0};
	if (len > UINT_MAX || deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK)
		return false;
	/* All the input at once: zlib's output does not depend on how the
	 * input is cut (libharu gives it 4 KiB at a time), nor on the size
	 * of the output buffer; the golden tests hold it to that. */
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	size_t before = out->len;
	int ret;
	do {
		unsigned char chunk[16384];
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		ret = deflate(&z, Z_FINISH);
		buf_put(out, chunk, sizeof(chunk) - z.avail_out);
	} while (ret == Z_OK && !out->oom);
	deflateEnd(&z);
	if (ret != Z_STREAM_END || out->oom) {
		out->len = before;
		return false;
	}
	return true;
}

/* The dictionary's last entry, as HPDF_Dict_Write() adds it for a
 * deflated stream: the stream itself is given as it is (no filter). */
static HPDF_STATUS write_filter(HPDF_Dict d, HPDF_Stream out)
{
	(void)d;
	return HPDF_Stream_WriteStr(out, "/Filter [ /FlateDecode ]\012");
}

HPDF_Dict pdf_flate_stream(HPDF_Doc hpdf, const struct buf *deflated)
{
	HPDF_Dict d = HPDF_DictStream_New(hpdf->mmgr, hpdf->xref);
	if (d == NULL || HPDF_Stream_Write(d->stream, deflated->data,
					   (HPDF_UINT)deflated->len) != HPDF_OK)
		return NULL;
	d->filter = HPDF_STREAM_FILTER_NONE;
	d->write_fn = write_filter;
	return d;
}
