/*
 * The OpenDocument package: a ZIP archive built in memory with libzip.
 * For odt.c only; the one file of parcours that includes zip.h.
 */
#ifndef PARCOURS_ODT_ZIP_H
#define PARCOURS_ODT_ZIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "date.h"

/* One member of the package; the bytes stay the caller's. */
struct odt_zip_part {
	const char *name; /* "content.xml", "META-INF/manifest.xml" */
	const void *data;
	size_t len;
	FILE *file; /* odt_zip_write_path(): read from here when not NULL */
	/* The same bytes recur in many packages (styles.xml, the
	 * manifest): odt_zip_write() keeps them deflated (see
	 * odt_zip_cache). */
	bool repeats;
};

/*
 * What odt_zip_write() keeps from one package to the next.  libzip
 * deflates every member it is given with a fresh zlib stream, whose
 * setting up cost more than deflating a letter's parts: with a cache,
 * the parts are deflated here instead, with one stream and libzip's
 * settings, and libzip copies the deflated bytes into the package as
 * they are.  A part marked repeats whose name and bytes are those of
 * one deflated before is not deflated again: its deflated bytes are
 * kept.  The package is the same, byte for byte.
 */
struct odt_zip_cache;

/* An empty cache; NULL when out of memory.  Free with odt_zip_cache_free(). */
struct odt_zip_cache *odt_zip_cache_new(void);
/* NULL is a no-op. */
void odt_zip_cache_free(struct odt_zip_cache *);

/* Longest error text odt_zip_write() leaves, NUL included. */
#define ODT_ZIP_ERR_LEN 128

/*
 * Appends to out an OpenDocument package: first the member "mimetype"
 * holding mimetype, stored uncompressed as the ODF specification asks,
 * then the parts in the order given, deflated.  Every member is dated
 * stamp at noon (DOS time, no time zone, no extra fields), so the same
 * parts always give the same bytes.  With a cache (NULL for none: libzip
 * deflates), the parts are deflated with its stream, and those marked
 * repeats are looked up there and kept there.  false on failure, with a
 * reason in err (libzip's or zlib's words, no personal data) and out
 * unchanged.
 */
bool odt_zip_write(struct odt_zip_cache *cache, const char *mimetype,
		   const struct odt_zip_part *parts, size_t nparts,
		   date_t stamp, struct buf *out, char err[ODT_ZIP_ERR_LEN]);

/*
 * The same package written to the file path, for packages too big for
 * memory: a part with a file is read from that file's start (the file
 * stays the caller's).  libzip writes a temporary file beside path and
 * renames it over path, so path never holds a partial package.  false
 * with a reason in err.
 */
bool odt_zip_write_path(const char *mimetype, const struct odt_zip_part *parts,
			size_t nparts, date_t stamp, const char *path,
			char err[ODT_ZIP_ERR_LEN]);

#endif
