/*
 * Stream contents made once and written into many PDFs (see
 * pdf_flate.h).
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "grow.h"
#include "pdf_flate.h"

/*
 * Deflates z's input into out: all of it (Z_NO_FLUSH), or to the end of
 * the stream (Z_FINISH).  zlib's output does not depend on how the input
 * is cut (libharu gives it 4 KiB at a time), nor on the size of the
 * output buffer; the golden tests hold it to that.  Z_OK, or zlib's
 * error (Z_MEM_ERROR when out ran out of memory).
 */
static int pump(z_stream *z, int flush, struct buf *out)
{
	for (;;) {
		unsigned char chunk[16384];
		z->next_out = chunk;
		z->avail_out = sizeof(chunk);
		int ret = deflate(z, flush);
		buf_put(out, chunk, sizeof(chunk) - z->avail_out);
		if (out->oom)
			return Z_MEM_ERROR;
		if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR)
			return ret;
		if (flush == Z_FINISH ? ret == Z_STREAM_END
				      : z->avail_in == 0 && z->avail_out != 0)
			return Z_OK;
	}
}

bool pdf_flate_deflate(const void *data, size_t len, struct buf *out)
{
	z_stream z = {0};
	if (len > UINT_MAX || deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK)
		return false;
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	size_t before = out->len;
	bool ok = pump(&z, Z_FINISH, out) == Z_OK;
	deflateEnd(&z);
	if (!ok)
		out->len = before;
	return ok;
}

/* ---- the page contents of a document ------------------------------- */

struct pdf_flate {
	z_stream z;
	bool ready;	/* z set up */
	struct buf out; /* the deflated contents of the pages */
	size_t *ends;	/* where each page ends in out; SIZE_MAX: not there */
	size_t cap;
};

struct pdf_flate *pdf_flate_new(void)
{
	return calloc(1, sizeof(struct pdf_flate));
}

void pdf_flate_free(struct pdf_flate *f)
{
	if (f == NULL)
		return;
	if (f->ready)
		deflateEnd(&f->z);
	buf_free(&f->out);
	free(f->ends);
	free(f);
}

/* The memory stream s, read from its blocks, deflated onto f->out: Z_OK
 * or zlib's error. */
static int deflate_memory(struct pdf_flate *f, HPDF_Stream s)
{
	int ret;
	if (!f->ready) {
		if ((ret = deflateInit(&f->z, Z_DEFAULT_COMPRESSION)) != Z_OK)
			return ret;
		f->ready = true;
	}
	if ((ret = deflateReset(&f->z)) != Z_OK)
		return ret;
	HPDF_MemStreamAttr m = s->attr;
	HPDF_UINT32 left = s->size;
	for (HPDF_UINT i = 0; ret == Z_OK && left > 0 && i < m->buf->count;
	     i++) {
		HPDF_UINT n = left < m->buf_siz ? left : m->buf_siz;
		f->z.next_in = HPDF_List_ItemAt(m->buf, i);
		f->z.avail_in = n;
		ret = pump(&f->z, Z_NO_FLUSH, &f->out);
		left -= n;
	}
	if (ret == Z_OK && left != 0) /* not the memory stream it was */
		ret = Z_STREAM_ERROR;
	return ret != Z_OK ? ret : pump(&f->z, Z_FINISH, &f->out);
}

/* The page's contents, when they are libharu's to deflate at the save
 * and nothing more will be written into them; NULL otherwise. */
static HPDF_Dict contents_of(HPDF_Page page)
{
	HPDF_PageAttr a = page->attr;
	HPDF_Dict d = a->contents;
	if (d == NULL || d->stream == NULL ||
	    d->stream->type != HPDF_STREAM_MEMORY ||
	    (d->filter & HPDF_STREAM_FILTER_FLATE_DECODE) == 0 ||
	    a->gmode != HPDF_GMODE_PAGE_DESCRIPTION ||
	    (a->gstate != NULL && a->gstate->prev != NULL))
		return NULL;
	return d;
}

bool pdf_flate_pages(struct pdf_flate *f, HPDF_Doc doc)
{
	HPDF_List pages = doc->page_list;
	buf_reset(&f->out);
	/* Every page deflated first: out moves as it grows. */
	for (HPDF_UINT i = 0; i < pages->count; i++) {
		if (!grow_array(&f->ends, &f->cap, i, 4, sizeof(*f->ends))) {
			HPDF_SetError(&doc->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
			return false;
		}
		HPDF_Dict d = contents_of(HPDF_List_ItemAt(pages, i));
		int ret = d != NULL ? deflate_memory(f, d->stream) : Z_OK;
		if (ret != Z_OK) {
			/* As libharu's own deflate would have failed. */
			HPDF_SetError(&doc->error, HPDF_ZLIB_ERROR,
				      (HPDF_STATUS)ret);
			return false;
		}
		f->ends[i] = d != NULL ? f->out.len : SIZE_MAX;
	}
	size_t start = 0;
	for (HPDF_UINT i = 0; i < pages->count; i++) {
		if (f->ends[i] == SIZE_MAX)
			continue;
		HPDF_Page page = HPDF_List_ItemAt(pages, i);
		HPDF_PageAttr a = page->attr;
		if (!pdf_flate_serve(a->contents, f->out.data + start,
				     f->ends[i] - start, true))
			return false;
		/* A write now fails instead of landing in the freed stream. */
		a->stream = a->contents->stream;
		start = f->ends[i];
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
