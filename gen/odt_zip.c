/*
 * The OpenDocument package with libzip (see odt_zip.h).  For odt.c only.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include "grow.h"
#include "odt_zip.h"

/* Level 1: a letter's XML deflates to within a few hundred bytes of
 * level 9 at a third of the CPU, and deflate was 70 % of the cost of a
 * letter (bench/README.md). */
#define ODT_ZIP_LEVEL 1

/*
 * A DOS date and time for stamp at 12:00.  Noon, not midnight: libzip
 * goes through the local time zone on the way, and a zone whose clocks
 * change at midnight would shift a midnight stamp by a day.
 */
static void dos_stamp(date_t stamp, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	int y = 1980, m = 1, d = 1;
	if (stamp != DATE_NONE)
		date_to_ymd(stamp, &y, &m, &d);
	if (y < 1980) /* the first year DOS dates can hold */
		y = 1980, m = 1, d = 1;
	if (y > 2107)
		y = 2107, m = 12, d = 31;
	*ddate = (zip_uint16_t)(((y - 1980) << 9) | (m << 5) | d);
	*dtime = (zip_uint16_t)(12 << 11);
}

/* libzip's words, but "out of memory" for its "Malloc failure". */
static void set_err(char err[ODT_ZIP_ERR_LEN], const char *what,
		    zip_error_t *ze)
{
	bool memory = ze == NULL || zip_error_code_zip(ze) == ZIP_ER_MEMORY;
	snprintf(err, ODT_ZIP_ERR_LEN, "%s: %s", what,
		 memory ? "out of memory" : zip_error_strerror(ze));
}

/* Adds one member read from src; false with err set. */
static bool add_source(zip_t *za, const char *name, zip_source_t *src,
		       bool store, zip_uint16_t dtime, zip_uint16_t ddate,
		       char err[ODT_ZIP_ERR_LEN])
{
	zip_int64_t idx = zip_file_add(za, name, src, 0);
	if (idx < 0) {
		zip_source_free(src); /* still ours when the add failed */
		set_err(err, name, zip_get_error(za));
		return false;
	}
	zip_uint64_t i = (zip_uint64_t)idx;
	/* A source already deflated (read_packed()) is copied as it is:
	 * its stat says deflated, as the entry is to be. */
	if (zip_set_file_compression(za, i,
				     store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
				     store ? 0 : ODT_ZIP_LEVEL) != 0 ||
	    zip_file_set_dostime(za, i, dtime, ddate, 0) != 0) {
		set_err(err, name, zip_get_error(za));
		return false;
	}
	return true;
}

/* Adds one member; false with err set. */
static bool add_member(zip_t *za, const char *name, const void *data,
		       size_t len, bool store, zip_uint16_t dtime,
		       zip_uint16_t ddate, char err[ODT_ZIP_ERR_LEN])
{
	zip_source_t *src = zip_source_buffer(za, data, len, 0);
	if (src == NULL) {
		set_err(err, name, zip_get_error(za));
		return false;
	}
	return add_source(za, name, src, store, dtime, ddate, err);
}

/* Appends the bytes written into src (open for reading) to out. */
static bool read_back(zip_source_t *src, struct buf *out,
		      char err[ODT_ZIP_ERR_LEN])
{
	zip_stat_t st;
	if (zip_source_open(src) != 0) {
		set_err(err, "reading the package", zip_source_error(src));
		return false;
	}
	bool ok =
	    zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0;
	size_t before = out->len;
	unsigned char chunk[8192];
	zip_uint64_t left = ok ? st.size : 0;
	while (ok && left > 0) {
		zip_uint64_t want = left < sizeof(chunk) ? left : sizeof(chunk);
		zip_int64_t n = zip_source_read(src, chunk, want);
		if (n <= 0) {
			ok = false;
			break;
		}
		buf_put(out, chunk, (size_t)n);
		left -= (zip_uint64_t)n;
	}
	if (!ok)
		set_err(err, "reading the package", zip_source_error(src));
	else if (out->oom)
		set_err(err, "reading the package", NULL);
	zip_source_close(src);
	if (!ok || out->oom) {
		out->len = before;
		return false;
	}
	return true;
}

/*
 * A member read from a part's file, from its start: libzip closes what
 * it is given, so it gets a stream of its own on the same file.
 */
static bool add_file_member(zip_t *za, const struct odt_zip_part *part,
			    zip_uint16_t dtime, zip_uint16_t ddate,
			    char err[ODT_ZIP_ERR_LEN])
{
	int fd = -1;
	FILE *f = NULL;
	if (fflush(part->file) != 0 || (fd = dup(fileno(part->file))) < 0 ||
	    (f = fdopen(fd, "rb")) == NULL || fseek(f, 0, SEEK_SET) != 0) {
		snprintf(err, ODT_ZIP_ERR_LEN, "%s: %s", part->name,
			 strerror(errno));
		if (f != NULL)
			fclose(f);
		else if (fd >= 0)
			close(fd);
		return false;
	}
	zip_source_t *src = zip_source_filep(za, f, 0, -1);
	if (src == NULL) {
		set_err(err, part->name, zip_get_error(za));
		fclose(f);
		return false;
	}
	return add_source(za, part->name, src, false, dtime, ddate, err);
}

/* ---- members deflated here (see odt_zip.h) ------------------------ */

/*
 * What libzip 1.7.3 would do with a member at ODT_ZIP_LEVEL, done here
 * with one zlib stream: its settings (zip_algorithm_deflate.c), its
 * feed (a read of BUFSIZE, 8192 bytes, deflated with Z_NO_FLUSH, then
 * Z_FINISH without input, zip_source_compress.c), and what it writes
 * in the entry: version 2.0 needed and the level in bits 1-2 of the
 * flags, under the mask zipint.h calls
 * ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS_ALLOWED_MASK (not in
 * 1.7.3's zip.h).
 */
#define PACK_CHUNK	    8192
#define PACK_VERSION_NEEDED 20
#define PACK_FLAGS_MASK	    0x0836

/* libzip's level bits: "fast" below 3, "maximum" above 7. */
static zip_uint16_t level_flags(int level)
{
	return level < 3 ? 2 << 1 : level > 7 ? 1 << 1 : 0;
}

/* A member's bytes deflated raw, as libzip would store them. */
struct packed {
	unsigned char *data;
	size_t len, cap;
	zip_uint64_t size; /* before deflate */
	zip_uint32_t crc;
};

/* A member of the package being written, as libzip reads it. */
struct member {
	struct packed fresh;	/* deflated for this package */
	const struct packed *p; /* fresh, or a kept one */
	zip_uint64_t at;
	zip_error_t error;
	bool keep; /* fresh is to be kept once the package is written */
};

/* A member deflated for an earlier package, with its bytes before. */
struct kept {
	char *name; /* NULL: the slot is free */
	unsigned char *plain;
	size_t len;
	struct packed packed;
	unsigned long used; /* the cache's clock when last added or found */
};

/* Room for the styles of every kind of letter of a dossier. */
#define KEPT_MAX 8

struct odt_zip_cache {
	z_stream z;
	bool z_ready; /* z set up: deflateInit2() once, then deflateReset() */
	struct member *members; /* one per part of the package written */
	size_t nmembers;
	struct kept kept[KEPT_MAX];
	unsigned long clock; /* ticks at each add or find of a kept member */
};

struct odt_zip_cache *odt_zip_cache_new(void)
{
	return calloc(1, sizeof(struct odt_zip_cache));
}

static void kept_clear(struct kept *k)
{
	free(k->name);
	free(k->plain);
	free(k->packed.data);
	*k = (struct kept){0};
}

void odt_zip_cache_free(struct odt_zip_cache *c)
{
	if (c == NULL)
		return;
	if (c->z_ready)
		deflateEnd(&c->z);
	for (size_t i = 0; i < c->nmembers; i++)
		free(c->members[i].fresh.data);
	free(c->members);
	for (size_t i = 0; i < KEPT_MAX; i++)
		kept_clear(&c->kept[i]);
	free(c);
}

/* The kept member of part's name and bytes, or NULL. */
static const struct kept *kept_find(struct odt_zip_cache *c,
				    const struct odt_zip_part *part)
{
	for (size_t i = 0; i < KEPT_MAX; i++) {
		struct kept *k = &c->kept[i];
		if (k->name != NULL && k->len == part->len &&
		    strcmp(k->name, part->name) == 0 &&
		    memcmp(k->plain, part->data, part->len) == 0) {
			k->used = ++c->clock;
			return k;
		}
	}
	return NULL;
}

/*
 * Keeps part, deflated in *fresh, in the slot used least recently (not
 * the oldest: the manifest, found in every package, would go every few
 * dossiers and be deflated again): the slot takes fresh's bytes and
 * fresh the slot's old buffer.  Only a saving: short of memory, part is
 * not kept.
 */
static void kept_add(struct odt_zip_cache *c, const struct odt_zip_part *part,
		     struct packed *fresh)
{
	struct kept *k = &c->kept[0];
	for (size_t i = 1; i < KEPT_MAX; i++)
		if (c->kept[i].used < k->used)
			k = &c->kept[i];
	struct packed old = k->packed;
	k->packed = (struct packed){0};
	kept_clear(k);
	k->name = strdup(part->name);
	k->plain = malloc(part->len > 0 ? part->len : 1);
	if (k->name == NULL || k->plain == NULL) {
		kept_clear(k);
		free(old.data);
		return;
	}
	memcpy(k->plain, part->data, part->len);
	k->len = part->len;
	k->packed = *fresh;
	k->used = ++c->clock;
	*fresh = old;
}

/* Room for n members, none to keep yet; false when out of memory. */
static bool members_ready(struct odt_zip_cache *c, size_t n)
{
	if (n > c->nmembers) {
		if (!grow_to(&c->members, n, sizeof(*c->members)))
			return false;
		for (size_t i = c->nmembers; i < n; i++)
			c->members[i] = (struct member){0};
		c->nmembers = n;
	}
	for (size_t i = 0; i < n; i++)
		c->members[i].keep = false;
	return true;
}

/* The cache's stream, ready for a new member; a zlib code. */
static int stream_ready(struct odt_zip_cache *c)
{
	if (c->z_ready)
		return deflateReset(&c->z);
	c->z = (z_stream){0}; /* zlib's own allocator */
	int rc = deflateInit2(&c->z, ODT_ZIP_LEVEL, Z_DEFLATED, -MAX_WBITS,
			      MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY);
	c->z_ready = rc == Z_OK;
	return rc;
}

/* Makes room in p for more output; false when out of memory. */
static bool packed_room(struct packed *p, size_t need)
{
	if (p->cap - p->len >= need)
		return true;
	size_t cap = p->cap;
	while (cap - p->len < need)
		if (!grow_cap(cap, 256, 1, &cap))
			return false;
	if (!grow_to(&p->data, cap, 1))
		return false;
	p->cap = cap;
	return true;
}

/* Deflates the len bytes at data into p, as libzip would; a zlib code. */
static int pack(struct odt_zip_cache *c, const unsigned char *data, size_t len,
		struct packed *p)
{
	int rc = stream_ready(c);
	if (rc != Z_OK)
		return rc;
	z_stream *z = &c->z;
	p->len = 0;
	p->size = len;
	p->crc = (zip_uint32_t)crc32_z(crc32(0, Z_NULL, 0), data, len);
	/* deflateBound() is enough for Z_NO_FLUSH then Z_FINISH. */
	if (!packed_room(p, deflateBound(z, (uLong)len)))
		return Z_MEM_ERROR;
	size_t left = len;
	for (;;) {
		if (z->avail_in == 0 && left > 0) {
			uInt n = left < PACK_CHUNK ? (uInt)left : PACK_CHUNK;
			z->next_in = (Bytef *)data + (len - left);
			z->avail_in = n;
			left -= n;
		}
		int flush =
		    left == 0 && z->avail_in == 0 ? Z_FINISH : Z_NO_FLUSH;
		if (!packed_room(p, 1))
			return Z_MEM_ERROR;
		size_t room = p->cap - p->len;
		uInt out = room < UINT_MAX ? (uInt)room : UINT_MAX;
		z->next_out = p->data + p->len;
		z->avail_out = out;
		rc = deflate(z, flush);
		p->len += out - z->avail_out;
		if (rc == Z_STREAM_END)
			return Z_OK;
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			return rc;
	}
}

/*
 * libzip's side of a packed member (zip_source_function()): its bytes,
 * and a stat and attributes that say they are deflated, so that
 * zip_close() copies them as they are.  The member is the cache's:
 * freeing the source leaves it.
 */
static zip_int64_t read_packed(void *ud, void *data, zip_uint64_t len,
			       zip_source_cmd_t cmd)
{
	struct member *m = ud;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		m->at = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		zip_uint64_t left = m->p->len - m->at;
		zip_uint64_t n = len < left ? len : left;
		memcpy(data, m->p->data + m->at, n);
		m->at += n;
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st =
		    ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &m->error);
		if (st == NULL)
			return -1;
		st->size = m->p->size;
		st->comp_size = m->p->len;
		st->comp_method = ZIP_CM_DEFLATE;
		st->crc = m->p->crc;
		st->encryption_method = ZIP_EM_NONE;
		st->valid |= ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE |
			     ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
			     ZIP_STAT_ENCRYPTION_METHOD;
		return 0;
	}
	case ZIP_SOURCE_GET_FILE_ATTRIBUTES: {
		zip_file_attributes_t *a = ZIP_SOURCE_GET_ARGS(
		    zip_file_attributes_t, data, len, &m->error);
		if (a == NULL)
			return -1;
		a->valid |= ZIP_FILE_ATTRIBUTES_VERSION_NEEDED |
			    ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS;
		a->version_needed = PACK_VERSION_NEEDED;
		a->general_purpose_bit_flags = level_flags(ODT_ZIP_LEVEL);
		a->general_purpose_bit_mask = PACK_FLAGS_MASK;
		return sizeof(*a);
	}
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&m->error, data, len);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(
		    ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
		    ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
		    ZIP_SOURCE_GET_FILE_ATTRIBUTES, -1);
	default:
		zip_error_set(&m->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* A zlib failure in libzip's words, "out of memory" for Z_MEM_ERROR. */
static void set_zlib_err(char err[ODT_ZIP_ERR_LEN], int rc)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_error_set(&ze, ZIP_ER_ZLIB, rc);
	set_err(err, "writing the package", rc == Z_MEM_ERROR ? NULL : &ze);
	zip_error_fini(&ze);
}

/*
 * Adds part as member m: the kept bytes when part repeats one kept,
 * else deflated here; false with err set.
 */
static bool add_packed(zip_t *za, struct odt_zip_cache *c, struct member *m,
		       const struct odt_zip_part *part, zip_uint16_t dtime,
		       zip_uint16_t ddate, char err[ODT_ZIP_ERR_LEN])
{
	const struct kept *k = part->repeats ? kept_find(c, part) : NULL;
	m->keep = false;
	if (k != NULL) {
		m->p = &k->packed;
	} else {
		int rc = pack(c, part->data, part->len, &m->fresh);
		if (rc != Z_OK) {
			set_zlib_err(err, rc);
			return false;
		}
		m->p = &m->fresh;
		m->keep = part->repeats;
	}
	zip_error_init(&m->error);
	zip_source_t *src = zip_source_function(za, read_packed, m);
	if (src == NULL) {
		set_err(err, part->name, zip_get_error(za));
		return false;
	}
	return add_source(za, part->name, src, false, dtime, ddate, err);
}

/* Adds parts[i], deflated here with a cache; false with err set. */
static bool add_part(zip_t *za, struct odt_zip_cache *cache,
		     const struct odt_zip_part *parts, size_t i,
		     zip_uint16_t dtime, zip_uint16_t ddate,
		     char err[ODT_ZIP_ERR_LEN])
{
	const struct odt_zip_part *part = &parts[i];
	if (part->file != NULL)
		return add_file_member(za, part, dtime, ddate, err);
	if (cache != NULL)
		return add_packed(za, cache, &cache->members[i], part, dtime,
				  ddate, err);
	return add_member(za, part->name, part->data, part->len, false, dtime,
			  ddate, err);
}

/*
 * Adds the members of a package to za, mimetype first, and closes it
 * (writing it); on failure discards it, with err set.
 */
static bool fill(zip_t *za, struct odt_zip_cache *cache, const char *mimetype,
		 const struct odt_zip_part *parts, size_t nparts, date_t stamp,
		 char err[ODT_ZIP_ERR_LEN])
{
	zip_uint16_t dtime, ddate;
	dos_stamp(stamp, &dtime, &ddate);
	bool ok = add_member(za, "mimetype", mimetype, strlen(mimetype), true,
			     dtime, ddate, err);
	for (size_t i = 0; ok && i < nparts; i++)
		ok = add_part(za, cache, parts, i, dtime, ddate, err);
	if (ok && zip_close(za) != 0) {
		set_err(err, "writing the package", zip_get_error(za));
		ok = false;
	}
	if (!ok)
		zip_discard(za);
	return ok;
}

bool odt_zip_write(struct odt_zip_cache *cache, const char *mimetype,
		   const struct odt_zip_part *parts, size_t nparts,
		   date_t stamp, struct buf *out, char err[ODT_ZIP_ERR_LEN])
{
	err[0] = '\0';
	if (cache != NULL && !members_ready(cache, nparts)) {
		set_err(err, "creating the package", NULL);
		return false;
	}
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (src == NULL) {
		set_err(err, "creating the package", &ze);
		zip_error_fini(&ze);
		return false;
	}
	/* Kept past zip_close(), which would otherwise free it with the
	 * archive before we read the bytes back. */
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (za == NULL) {
		set_err(err, "creating the package", &ze);
		zip_error_fini(&ze);
		zip_source_free(src);
		zip_source_free(src);
		return false;
	}
	bool ok = fill(za, cache, mimetype, parts, nparts, stamp, err) &&
		  read_back(src, out, err);
	zip_source_free(src);
	for (size_t i = 0; ok && cache != NULL && i < nparts; i++)
		if (parts[i].file == NULL && cache->members[i].keep)
			kept_add(cache, &parts[i], &cache->members[i].fresh);
	zip_error_fini(&ze);
	return ok;
}

bool odt_zip_write_path(const char *mimetype, const struct odt_zip_part *parts,
			size_t nparts, date_t stamp, const char *path,
			char err[ODT_ZIP_ERR_LEN])
{
	int code;
	err[0] = '\0';
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
	if (za == NULL) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, code);
		set_err(err, "creating the package", &ze);
		zip_error_fini(&ze);
		return false;
	}
	/* zip_close() writes a temporary file beside path and renames it:
	 * path never holds a partial package. */
	return fill(za, NULL, mimetype, parts, nparts, stamp, err);
}
