/*
 * The ODT backend's entry points (see odt.h): the package's parts,
 * meta.xml and the manifest, handed to odt_zip.c.  For the commands.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "odt.h"
#include "odt_internal.h"
#include "odt_zip.h"

#ifndef PARCOURS_VERSION
#define PARCOURS_VERSION "0"
#endif

#define ODT_DEFAULT_FONT "DejaVu Sans"

static const char mimetype[] = "application/vnd.oasis.opendocument.text";

struct odt {
	char *font;
	/* styles.xml up to the master pages, the same in every package:
	 * made once, it saves a tenth of the cost of a letter. */
	struct buf styles_head;
	struct odt_zip_cache *zip_cache; /* deflate stream, kept members */
	/* A package's parts, their buffers kept from one letter to the
	 * next rather than grown from nothing each time; the manifest is
	 * the same in every package, made once. */
	struct buf content, styles, meta, manifest;
	char err[ODT_ZIP_ERR_LEN];
};

static void write_manifest(struct buf *out);

struct odt *odt_new(const char *font_family)
{
	struct odt *o = calloc(1, sizeof(*o));
	if (o == NULL)
		return NULL;
	const char *f = font_family != NULL && font_family[0] != '\0'
			    ? font_family
			    : ODT_DEFAULT_FONT;
	o->font = malloc(strlen(f) + 1);
	if (o->font == NULL) {
		free(o);
		return NULL;
	}
	strcpy(o->font, f);
	odt_styles_head(&o->styles_head, o->font);
	write_manifest(&o->manifest);
	o->zip_cache = odt_zip_cache_new();
	if (o->styles_head.oom || o->manifest.oom || o->zip_cache == NULL) {
		odt_free(o);
		return NULL;
	}
	return o;
}

void odt_free(struct odt *o)
{
	if (o == NULL)
		return;
	free(o->font);
	buf_free(&o->styles_head);
	buf_free(&o->content);
	buf_free(&o->styles);
	buf_free(&o->meta);
	buf_free(&o->manifest);
	odt_zip_cache_free(o->zip_cache);
	free(o);
}

/* Why the last package failed, for its diagnostic (no personal data). */
static const char *why(const struct odt *o)
{
	return o->err[0] != '\0' ? o->err : "out of memory";
}

static void put_element(struct buf *out, const char *tag, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return;
	buf_puts(out, "<");
	buf_puts(out, tag);
	buf_puts(out, ">");
	/* Metadata is plain text: escaped, without ODF space elements. */
	buf_put_xml(out, text);
	buf_puts(out, "</");
	buf_puts(out, tag);
	buf_puts(out, ">");
}

/*
 * meta.xml: title and subject of the document (of the first one, with
 * the count, when merged), the company as author, parcours as creator
 * and generator, every date the reference date.
 */
static void write_meta(struct buf *out, const struct doc *const *docs, size_t n)
{
	const struct doc_meta *m = &docs[0]->meta;
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<office:document-meta ");
	buf_puts(out, odt_namespaces);
	buf_puts(out, " office:version=\"1.3\"><office:meta>"
		      "<meta:generator>parcours/" PARCOURS_VERSION
		      "</meta:generator>");
	if (n > 1) {
		char title[64];
		snprintf(title, sizeof(title), "Publipostage : %zu documents",
			 n);
		put_element(out, "dc:title", title);
	} else {
		put_element(out, "dc:title", m->title);
		put_element(out, "dc:subject", m->subject);
		put_element(out, "meta:keyword", m->keywords);
	}
	put_element(out, "meta:initial-creator", m->author);
	put_element(out, "dc:creator", "parcours");
	if (m->reference_date != DATE_NONE) {
		char iso[DATE_ISO_LEN];
		date_fmt_iso(m->reference_date, iso);
		buf_puts(out, "<meta:creation-date>");
		buf_puts(out, iso);
		buf_puts(out, "T00:00:00</meta:creation-date><dc:date>");
		buf_puts(out, iso);
		buf_puts(out, "T00:00:00</dc:date>");
	}
	buf_puts(out, "<dc:language>fr-FR</dc:language>"
		      "</office:meta></office:document-meta>\n");
}

static void write_manifest(struct buf *out)
{
	static const char *const parts[] = {"content.xml", "styles.xml",
					    "meta.xml"};
	buf_puts(out,
		 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
		 "opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
		 "<manifest:file-entry manifest:full-path=\"/\""
		 " manifest:version=\"1.3\" manifest:media-type=\"");
	buf_puts(out, mimetype);
	buf_puts(out, "\"/>");
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		buf_puts(out, "<manifest:file-entry manifest:full-path=\"");
		buf_puts(out, parts[i]);
		buf_puts(out, "\" manifest:media-type=\"text/xml\"/>");
	}
	buf_puts(out, "</manifest:manifest>\n");
}

/* The package of docs[0..n), or BACKEND_SYSTEM after its diagnostic. */
static enum backend_code package(struct odt *o, const struct doc *const *docs,
				 size_t n, bool merged, struct buf *out)
{
	struct buf *content = &o->content, *styles = &o->styles,
		   *meta = &o->meta;
	buf_reset(content);
	buf_reset(styles);
	buf_reset(meta);
	bool ok = odt_content_write(content, o->font, docs, n, merged);
	buf_put(styles, o->styles_head.data, o->styles_head.len);
	for (size_t k = 1; k <= n; k++)
		odt_styles_master(styles, docs[k - 1], k, merged);
	odt_styles_tail(styles);
	write_meta(meta, docs, n);
	o->err[0] = '\0';
	ok = ok && !content->oom && !styles->oom && !meta->oom;
	if (ok) {
		/* A letter's styles.xml differs from the one before only
		 * with the kind of letter or the person; the manifest
		 * never does. */
		const struct odt_zip_part parts[] = {
		    {"content.xml", content->data, content->len, NULL, false},
		    {"styles.xml", styles->data, styles->len, NULL, true},
		    {"meta.xml", meta->data, meta->len, NULL, false},
		    {"META-INF/manifest.xml", o->manifest.data, o->manifest.len,
		     NULL, true},
		};
		ok = odt_zip_write(o->zip_cache, mimetype, parts,
				   sizeof(parts) / sizeof(parts[0]),
				   docs[0]->meta.reference_date, out, o->err);
	}
	if (merged) {
		/* A merged package's parts are big and made once. */
		buf_free(content);
		buf_free(styles);
		buf_free(meta);
	}
	if (!ok) {
		diag(MSG_ODT_CANNOT_BUILD_DOCUMENT, docs[0]->meta.origin, 0,
		     why(o));
		return BACKEND_SYSTEM;
	}
	return BACKEND_OK;
}

enum backend_code odt_render(struct odt *o, const struct doc *d,
			     struct buf *out)
{
	const struct doc *docs[] = {d};
	return package(o, docs, 1, false, out);
}

enum backend_code odt_render_merged(struct odt *o,
				    const struct doc *const *docs, size_t n,
				    struct buf *out)
{
	if (n == 0) {
		diag(MSG_ODT_NO_DOCUMENT_MERGE, NULL, 0);
		return BACKEND_SYSTEM;
	}
	return package(o, docs, n, true, out);
}

/* ---- a merged package a document at a time (see odt.h) ------------ */

struct odt_stream {
	struct odt *odt;
	struct odt_content_stream *content;
	FILE *masters; /* styles.xml's master pages, one per document */
	size_t n;
	struct doc first; /* the first document's metadata, copied */
	struct arena *arena;
	bool failed;
};

struct odt_stream *odt_stream_new(struct odt *o)
{
	struct odt_stream *s = calloc(1, sizeof(*s));
	if (s == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	s->odt = o;
	s->content = odt_content_stream_new();
	s->masters = tmpfile();
	s->arena = arena_new();
	if (s->content == NULL || s->masters == NULL || s->arena == NULL) {
		diag(MSG_ODT_CANNOT_START_MERGED_DOCUMENT, NULL, 0);
		odt_stream_free(s);
		return NULL;
	}
	return s;
}

void odt_stream_free(struct odt_stream *s)
{
	if (s == NULL)
		return;
	odt_content_stream_free(s->content);
	if (s->masters != NULL)
		fclose(s->masters);
	arena_free(s->arena);
	free(s);
}

size_t odt_stream_count(const struct odt_stream *s)
{
	return s->n;
}

/* A copy of s in the stream's arena; NULL stays NULL. */
static const char *keep(struct odt_stream *s, const char *text)
{
	if (text == NULL)
		return NULL;
	const char *copy = arena_strdup(s->arena, text);
	if (copy == NULL)
		s->failed = true;
	return copy;
}

bool odt_stream_add(struct odt_stream *s, const struct doc *d)
{
	if (s->failed)
		return false;
	size_t k = ++s->n;
	if (k == 1) {
		/* meta.xml names the first document's company and date. */
		s->first.meta = d->meta;
		s->first.meta.title = keep(s, d->meta.title);
		s->first.meta.subject = keep(s, d->meta.subject);
		s->first.meta.author = keep(s, d->meta.author);
		s->first.meta.keywords = keep(s, d->meta.keywords);
		s->first.meta.footer_name = NULL;
		s->first.meta.origin = NULL;
	}
	struct buf master = {0};
	odt_styles_master(&master, d, k, true);
	s->failed |=
	    master.oom ||
	    fwrite(master.data, 1, master.len, s->masters) != master.len ||
	    !odt_content_stream_add(s->content, d, k);
	buf_free(&master);
	if (s->failed)
		diag(MSG_ODT_CANNOT_ADD_DOCUMENT_MERGED, d->meta.origin, 0);
	return !s->failed;
}

/* styles.xml around the master pages gathered so far, into f. */
static bool write_styles(struct odt_stream *s, FILE *f)
{
	const struct buf *head = &s->odt->styles_head;
	struct buf b = {0};
	char chunk[65536];
	size_t n;
	bool ok = fwrite(head->data, 1, head->len, f) == head->len &&
		  fflush(s->masters) == 0 &&
		  fseek(s->masters, 0, SEEK_SET) == 0;
	while (ok && (n = fread(chunk, 1, sizeof(chunk), s->masters)) > 0)
		ok = fwrite(chunk, 1, n, f) == n;
	odt_styles_tail(&b);
	ok = ok && !ferror(s->masters) && !b.oom &&
	     fwrite(b.data, 1, b.len, f) == b.len && fflush(f) == 0;
	buf_free(&b);
	return ok;
}

bool odt_stream_finish(struct odt_stream *s, const char *path)
{
	struct odt *o = s->odt;
	o->err[0] = '\0';
	if (s->n == 0) {
		diag(MSG_ODT_NO_DOCUMENT_MERGE, path, 0);
		return false;
	}
	FILE *content = tmpfile(), *styles = tmpfile();
	struct buf meta = {0};
	const struct doc *first = &s->first;
	write_meta(&meta, &first, s->n);
	bool ok = !s->failed && content != NULL && styles != NULL &&
		  odt_content_stream_finish(s->content, o->font, content) &&
		  fflush(content) == 0 && write_styles(s, styles) && !meta.oom;
	if (!ok) {
		snprintf(o->err, sizeof(o->err),
			 "cannot write temporary files: %s",
			 errno != 0 ? strerror(errno) : "out of memory");
	} else {
		const struct odt_zip_part parts[] = {
		    {"content.xml", NULL, 0, content, false},
		    {"styles.xml", NULL, 0, styles, false},
		    {"meta.xml", meta.data, meta.len, NULL, false},
		    {"META-INF/manifest.xml", o->manifest.data, o->manifest.len,
		     NULL, false},
		};
		ok = odt_zip_write_path(
		    mimetype, parts, sizeof(parts) / sizeof(parts[0]),
		    first->meta.reference_date, path, o->err);
	}
	if (content != NULL)
		fclose(content);
	if (styles != NULL)
		fclose(styles);
	buf_free(&meta);
	if (!ok)
		diag(MSG_ODT_CANNOT_WRITE_DOCUMENT, path, 0, why(o));
	return ok;
}
