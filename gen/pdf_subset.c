/*
 * The TrueType font program of a subset, as libharu embeds it (see
 * pdf_subset.h).
 *
 * What HPDF_TTFontDef_SaveFontData() writes, step by step, and so what
 * this file writes: an offset table with the font's own search fields
 * and 13 tables; a directory entry for each (tag, checksum, offset,
 * length), the tables following one another unpadded; "head" rewritten
 * from the parsed header with checkSumAdjustment set last; "glyf" with
 * only the flagged glyphs, "loca" pointing into it; "name" with the
 * subset tag before the family and full names; every other table
 * copied.  checkSumAdjustment is 0xB1B0AFBA less the sum of the whole
 * 32-bit words of the tables alone, not of the offset table and
 * directory: that is libharu's sum, and the bytes must be its bytes.
 * The golden tests compare the PDFs byte for byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include "pdf_subset.h"

/* libharu's REQUIRED_TAGS, in its order. */
static const char tags[][5] = {"OS/2", "cmap", "cvt ", "fpgm", "glyf",
			       "head", "hhea", "hmtx", "loca", "maxp",
			       "name", "post", "prep"};
#define NTAGS	 (sizeof(tags) / sizeof(tags[0]))
#define DIR_SIZE (12 + 16 * NTAGS) /* offset table and directory */

/* The font file, as libharu holds it in memory. */
struct file {
	const uint8_t *data;
	size_t len;
};

static void put16(struct buf *b, unsigned v)
{
	const uint8_t x[2] = {(uint8_t)(v >> 8), (uint8_t)v};
	buf_put(b, x, 2);
}

static void put32(struct buf *b, uint32_t v)
{
	const uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16),
			      (uint8_t)(v >> 8), (uint8_t)v};
	buf_put(b, x, 4);
}

static void set32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Copies len bytes at off of the file; false past its end. */
static bool copy(struct buf *b, const struct file *f, uint64_t off,
		 uint64_t len)
{
	if (off > f->len || len > f->len - off)
		return false;
	buf_put(b, f->data + off, (size_t)len);
	return true;
}

/* The first entry of the font's directory with tag, as FindTable(). */
static const HPDF_TTFTable *find_table(HPDF_TTFontDefAttr tt, const char *tag)
{
	for (unsigned i = 0; i < tt->offset_tbl.num_tables; i++)
		if (memcmp(tt->offset_tbl.table[i].tag, tag, 4) == 0)
			return &tt->offset_tbl.table[i];
	return NULL;
}

/* "head" from the parsed header; *adj: where checkSumAdjustment goes. */
static void write_head(HPDF_TTFontDefAttr tt, struct buf *b, size_t *adj)
{
	const HPDF_TTF_FontHeader *h = &tt->header;
	buf_put(b, h->version_number, 4);
	put32(b, h->font_revision);
	*adj = b->len;
	put32(b, 0);
	put32(b, h->magic_number);
	put16(b, h->flags);
	put16(b, h->units_per_em);
	buf_put(b, h->created, 8);
	buf_put(b, h->modified, 8);
	put16(b, (uint16_t)h->x_min);
	put16(b, (uint16_t)h->y_min);
	put16(b, (uint16_t)h->x_max);
	put16(b, (uint16_t)h->y_max);
	put16(b, h->mac_style);
	put16(b, h->lowest_rec_ppem);
	put16(b, (uint16_t)h->font_direction_hint);
	put16(b, (uint16_t)h->index_to_loc_format);
	put16(b, (uint16_t)h->glyph_data_format);
}

/*
 * "glyf" with the flagged glyphs only, as RecreateGLYF(): an unused
 * glyph is empty, at the offset where the last used one ended.
 * new_offsets gets loca's values, in loca's units.
 */
static bool write_glyf(HPDF_TTFontDefAttr tt, const struct file *f,
		       struct buf *b, uint32_t *new_offsets)
{
	bool short_loca = tt->header.index_to_loc_format == 0;
	size_t start = b->len;
	uint32_t save = 0;
	for (unsigned i = 0; i < tt->num_glyphs; i++) {
		if (tt->glyph_tbl.flgs[i] != 1) {
			new_offsets[i] = save;
			continue;
		}
		uint64_t off = tt->glyph_tbl.offsets[i];
		uint64_t next = tt->glyph_tbl.offsets[i + 1];
		if (next < off)
			return false;
		uint64_t len = next - off;
		new_offsets[i] = (uint32_t)(b->len - start);
		if (short_loca) {
			new_offsets[i] /= 2;
			len *= 2;
			off *= 2;
		}
		if (!copy(b, f, tt->glyph_tbl.base_offset + off, len))
			return false;
		save = (uint32_t)(b->len - start);
		if (short_loca)
			save /= 2;
	}
	new_offsets[tt->num_glyphs] = save;
	return true;
}

static void write_loca(HPDF_TTFontDefAttr tt, struct buf *b,
		       const uint32_t *new_offsets)
{
	for (unsigned j = 0; j <= tt->num_glyphs; j++) {
		if (tt->header.index_to_loc_format == 0)
			put16(b, (uint16_t)new_offsets[j]);
		else
			put32(b, new_offsets[j]);
	}
}

/*
 * "name" as RecreateName(): the records with their strings in a block
 * after them, the family (1) and full (4) names prefixed with the subset
 * tag, in UTF-16 for the Unicode and Windows platforms; the header keeps
 * the font's string offset, as libharu writes it.
 */
static bool write_name(HPDF_TTFontDefAttr tt, const struct file *f,
		       const HPDF_TTFTable *tbl, struct buf *b)
{
	const HPDF_TTF_NamingTable *nt = &tt->name_tbl;
	struct buf strings = {0};
	bool ok = true;
	put16(b, nt->format);
	put16(b, nt->count);
	put16(b, nt->string_offset);
	for (unsigned i = 0; ok && i < nt->count; i++) {
		const HPDF_TTF_NameRecord *r = &nt->name_records[i];
		unsigned len = r->length;
		size_t at = strings.len;
		if (r->name_id == 1 || r->name_id == 4) {
			if (r->platform_id == 0 || r->platform_id == 3) {
				buf_put(&strings, tt->tag_name2,
					sizeof(tt->tag_name2));
				len += sizeof(tt->tag_name2);
			} else {
				buf_put(&strings, tt->tag_name,
					sizeof(tt->tag_name));
				len += sizeof(tt->tag_name);
			}
		}
		put16(b, r->platform_id);
		put16(b, r->encoding_id);
		put16(b, r->language_id);
		put16(b, r->name_id);
		put16(b, (uint16_t)len);
		put16(b, (uint16_t)at);
		ok = copy(&strings, f,
			  (uint64_t)tbl->offset + nt->string_offset + r->offset,
			  r->length);
	}
	if (ok)
		buf_put(b, strings.data, strings.len);
	ok = ok && !strings.oom;
	buf_free(&strings);
	return ok;
}

/* The sum of a table's big-endian words, the last one padded with 0. */
static uint32_t table_sum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;
	for (; len >= 4; p += 4, len -= 4)
		sum += get32(p);
	if (len > 0) {
		uint8_t last[4] = {0};
		memcpy(last, p, len);
		sum += get32(last);
	}
	return sum;
}

/* The tables after the directory; offsets[i], lengths[i] relative to it. */
static bool write_tables(HPDF_TTFontDefAttr tt, const struct file *f,
			 struct buf *b, size_t base, size_t offsets[NTAGS],
			 size_t lengths[NTAGS], size_t *adj)
{
	uint32_t *new_offsets =
	    malloc(sizeof(*new_offsets) * ((size_t)tt->num_glyphs + 1));
	bool ok = new_offsets != NULL;
	*adj = 0;
	for (size_t i = 0; ok && i < NTAGS; i++) {
		const HPDF_TTFTable *tbl = find_table(tt, tags[i]);
		size_t at = b->len;
		if (tbl == NULL)
			ok = false;
		else if (strcmp(tags[i], "head") == 0)
			write_head(tt, b, adj);
		else if (strcmp(tags[i], "glyf") == 0)
			ok = write_glyf(tt, f, b, new_offsets);
		else if (strcmp(tags[i], "loca") == 0)
			write_loca(tt, b, new_offsets); /* glyf came first */
		else if (strcmp(tags[i], "name") == 0)
			ok = write_name(tt, f, tbl, b);
		else
			ok = copy(b, f, tbl->offset, tbl->length);
		offsets[i] = at - base;
		lengths[i] = b->len - at;
	}
	free(new_offsets);
	return ok && *adj != 0 && !b->oom;
}

bool pdf_subset_write(HPDF_FontDef def, struct buf *out)
{
	HPDF_TTFontDefAttr tt = def->attr;
	HPDF_UINT n = 0;
	if (def->type != HPDF_FONTDEF_TYPE_TRUETYPE || tt->stream == NULL ||
	    tt->stream->type != HPDF_STREAM_MEMORY ||
	    HPDF_MemStream_GetBufCount(tt->stream) != 1)
		return false;
	struct file f = {HPDF_MemStream_GetBufPtr(tt->stream, 0, &n), n};
	if (f.data == NULL)
		return false;

	size_t start = out->len, base = start + DIR_SIZE, adj;
	size_t offsets[NTAGS], lengths[NTAGS];
	static const uint8_t zero[DIR_SIZE];
	buf_put(out, zero, sizeof(zero)); /* filled in below */
	if (!write_tables(tt, &f, out, base, offsets, lengths, &adj)) {
		out->len = start;
		return false;
	}
	uint8_t *tables = out->data + base, *d = out->data + start;
	size_t size = out->len - base;
	set32(d, tt->offset_tbl.sfnt_version);
	const uint16_t head[] = {NTAGS, tt->offset_tbl.search_range,
				 tt->offset_tbl.entry_selector,
				 tt->offset_tbl.range_shift};
	for (size_t i = 0; i < 4; i++) {
		d[4 + 2 * i] = (uint8_t)(head[i] >> 8);
		d[5 + 2 * i] = (uint8_t)head[i];
	}
	for (size_t i = 0; i < NTAGS; i++) {
		uint8_t *e = d + 12 + 16 * i;
		memcpy(e, tags[i], 4);
		set32(e + 4, table_sum(tables + offsets[i], lengths[i]));
		set32(e + 8, (uint32_t)(offsets[i] + DIR_SIZE));
		set32(e + 12, (uint32_t)lengths[i]);
	}
	/* Last, as libharu: the sums above see checkSumAdjustment 0. */
	uint32_t whole = 0xB1B0AFBAu;
	for (size_t i = 0; i + 4 <= size; i += 4)
		whole -= get32(tables + i);
	set32(out->data + adj, whole);
	tt->length1 = (HPDF_UINT)(size + DIR_SIZE);
	return true;
}
