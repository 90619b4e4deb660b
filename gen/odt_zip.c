/*
 * The OpenDocument package with libzip (see odt_zip.h).  For odt.c only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "odt_zip.h"

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
	/* Level 1: a letter's XML deflates to within a few hundred bytes of
	 * level 9 at a third of the CPU, and deflate was 70 % of the cost
	 * of a letter (bench/README.md). */
	if (zip_set_file_compression(za, i,
				     store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
				     store ? 0 : 1) != 0 ||
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

/* ---- members kept deflated (see odt_zip.h) ------------------------ */

/* A member as deflated into an earlier package, open for reading. */
struct kept {
	char *name;
	unsigned char *plain; /* its bytes before deflate */
	size_t len;
	zip_t *from; /* the earlier package; NULL: the slot is free */
	zip_uint64_t idx;
};

/* Room for the styles of every kind of letter of a dossier. */
#define KEPT_MAX 8

struct odt_zip_cache {
	struct kept kept[KEPT_MAX];
	size_t next; /* the slot taken next: the oldest */
};

struct odt_zip_cache *odt_zip_cache_new(void)
{
	return calloc(1, sizeof(struct odt_zip_cache));
}

static void kept_clear(struct kept *k)
{
	free(k->name);
	free(k->plain);
	if (k->from != NULL)
		zip_discard(k->from);
	*k = (struct kept){0};
}

void odt_zip_cache_free(struct odt_zip_cache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < KEPT_MAX; i++)
		kept_clear(&c->kept[i]);
	free(c);
}

/* The kept member of part's name and bytes, or NULL. */
static const struct kept *kept_find(const struct odt_zip_cache *c,
				    const struct odt_zip_part *part)
{
	for (size_t i = 0; i < KEPT_MAX; i++) {
		const struct kept *k = &c->kept[i];
		if (k->from != NULL && k->len == part->len &&
		    strcmp(k->name, part->name) == 0 &&
		    memcmp(k->plain, part->data, part->len) == 0)
			return k;
	}
	return NULL;
}

/*
 * Keeps part, just deflated into the package of len bytes at pkg, in
 * the oldest slot.  Only a saving: short of memory, part is not kept.
 */
static void kept_add(struct odt_zip_cache *c, const struct odt_zip_part *part,
		     const void *pkg, size_t len)
{
	struct kept *k = &c->kept[c->next];
	c->next = (c->next + 1) % KEPT_MAX;
	kept_clear(k);
	zip_error_t ze;
	zip_error_init(&ze);
	void *copy = malloc(len);
	zip_source_t *src =
	    copy != NULL ? zip_source_buffer_create(copy, len, 1, &ze) : NULL;
	if (copy != NULL)
		memcpy(copy, pkg, len);
	if (src == NULL)
		free(copy);
	else if ((k->from = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL)
		zip_source_free(src); /* and copy with it */
	zip_error_fini(&ze);
	zip_int64_t idx =
	    k->from != NULL ? zip_name_locate(k->from, part->name, 0) : -1;
	k->name = strdup(part->name);
	k->plain = malloc(part->len > 0 ? part->len : 1);
	if (idx < 0 || k->name == NULL || k->plain == NULL) {
		kept_clear(k);
		return;
	}
	memcpy(k->plain, part->data, part->len);
	k->len = part->len;
	k->idx = (zip_uint64_t)idx;
}

/* Adds a kept member, copied as it was deflated; false with err set. */
static bool add_kept(zip_t *za, const char *name, const struct kept *k,
		     zip_uint16_t dtime, zip_uint16_t ddate,
		     char err[ODT_ZIP_ERR_LEN])
{
	/* The whole member (start 0, length -1): its deflated bytes. */
	zip_source_t *src = zip_source_zip(za, k->from, k->idx, 0, 0, -1);
	if (src == NULL) {
		set_err(err, name, zip_get_error(za));
		return false;
	}
	return add_source(za, name, src, false, dtime, ddate, err);
}

/* Adds part, from cache when kept there; false with err set. */
static bool add_part(zip_t *za, const struct odt_zip_cache *cache,
		     const struct odt_zip_part *part, zip_uint16_t dtime,
		     zip_uint16_t ddate, char err[ODT_ZIP_ERR_LEN])
{
	const struct kept *k = NULL;
	if (part->file != NULL)
		return add_file_member(za, part, dtime, ddate, err);
	if (cache != NULL && part->repeats &&
	    (k = kept_find(cache, part)) != NULL)
		return add_kept(za, part->name, k, dtime, ddate, err);
	return add_member(za, part->name, part->data, part->len, false, dtime,
			  ddate, err);
}

/*
 * Adds the members of a package to za, mimetype first, and closes it
 * (writing it); on failure discards it, with err set.
 */
static bool fill(zip_t *za, const struct odt_zip_cache *cache,
		 const char *mimetype, const struct odt_zip_part *parts,
		 size_t nparts, date_t stamp, char err[ODT_ZIP_ERR_LEN])
{
	zip_uint16_t dtime, ddate;
	dos_stamp(stamp, &dtime, &ddate);
	bool ok = add_member(za, "mimetype", mimetype, strlen(mimetype), true,
			     dtime, ddate, err);
	for (size_t i = 0; ok && i < nparts; i++)
		ok = add_part(za, cache, &parts[i], dtime, ddate, err);
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
	zip_error_t ze;
	zip_error_init(&ze);
	err[0] = '\0';
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
	size_t before = out->len;
	bool ok = fill(za, cache, mimetype, parts, nparts, stamp, err) &&
		  read_back(src, out, err);
	zip_source_free(src);
	for (size_t i = 0; ok && cache != NULL && i < nparts; i++)
		if (parts[i].repeats && parts[i].file == NULL &&
		    kept_find(cache, &parts[i]) == NULL)
			kept_add(cache, &parts[i], out->data + before,
				 out->len - before);
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
