/*
 * Stream contents made once and written into many PDFs (see
 * pdf_flate.h).
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include <hpdf_objects.h>
#include <hpdf_streams.h>

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

/* ---- a reader stream over bytes in memory -------------------------- */

struct source {
	const HPDF_BYTE *data;
	HPDF_UINT len, pos;
};

/* As libharu's memory stream reads: short at the end, with EOF. */
static HPDF_STATUS source_read(HPDF_Stream s, HPDF_BYTE *ptr, HPDF_UINT *size)
{
	struct source *src = s->attr;
	HPDF_UINT left = src->len - src->pos, n = *size < left ? *size : left;
	memcpy(ptr, src->data + src->pos, n);
	src->pos += n;
	bool full = n == *size;
	*size = n;
	return full ? HPDF_OK : HPDF_STREAM_EOF;
}

static HPDF_STATUS source_seek(HPDF_Stream s, HPDF_INT pos,
			       HPDF_WhenceMode mode)
{
	struct source *src = s->attr;
	if (mode == HPDF_SEEK_CUR)
		pos += (HPDF_INT)src->pos;
	else if (mode == HPDF_SEEK_END)
		pos = (HPDF_INT)src->len - pos;
	if (pos < 0 || (HPDF_UINT)pos > src->len)
		return HPDF_SetError(s->error, HPDF_STREAM_EOF, 0);
	src->pos = (HPDF_UINT)pos;
	return HPDF_OK;
}

static HPDF_INT32 source_tell(HPDF_Stream s)
{
	return (HPDF_INT32)((struct source *)s->attr)->pos;
}

static HPDF_UINT32 source_size(HPDF_Stream s)
{
	return ((struct source *)s->attr)->len;
}

static void source_free(HPDF_Stream s)
{
	HPDF_FreeMem(s->mmgr, s->attr);
	s->attr = NULL;
}

/* The dictionary's last entry, as HPDF_Dict_Write() adds it for a
 * deflated stream: the contents themselves are read as they are. */
static HPDF_STATUS write_filter(HPDF_Dict d, HPDF_Stream out)
{
	(void)d;
	return HPDF_Stream_WriteStr(out, "/Filter [ /FlateDecode ]\012");
}

bool pdf_flate_serve(HPDF_Dict d, const void *data, size_t len, bool deflated)
{
	if (len > UINT_MAX)
		return false;
	struct source *src = HPDF_GetMem(d->mmgr, sizeof(*src));
	if (src == NULL)
		return false;
	*src = (struct source){data, (HPDF_UINT)len, 0};
	HPDF_Stream s = HPDF_CallbackReader_New(
	    d->mmgr, source_read, source_seek, source_tell, source_size, src);
	if (s == NULL) {
		HPDF_FreeMem(d->mmgr, src);
		return false;
	}
	s->free_fn = source_free;
	HPDF_Stream_Free(d->stream); /* the empty memory stream */
	d->stream = s;
	if (deflated) {
		d->filter = HPDF_STREAM_FILTER_NONE;
		d->write_fn = write_filter;
	}
	return true;
}
