/*
 * Internals of the ODT backend shared by odt.c, odt_content.c,
 * odt_styles.c, odt_xml.c and their unit tests; no other file may
 * include it.
 */
#ifndef PARCOURS_ODT_INTERNAL_H
#define PARCOURS_ODT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "doc.h"

/*
 * Page geometry, in millimetres.  A4 with the left margin of French
 * business letters.  The letterhead sits top left; the recipient frame
 * where the window of a DL or C5 window envelope is, 45 mm from the top
 * and 105 mm from the left edge; the delivery mention on its left.  The
 * letter's text starts below them.
 */
#define ODT_PAGE_W	  210.0
#define ODT_PAGE_H	  297.0
#define ODT_MARGIN_TOP	  15.0
#define ODT_MARGIN_BOTTOM 12.0
#define ODT_MARGIN_LEFT	  25.0
#define ODT_MARGIN_RIGHT  20.0
#define ODT_TEXT_W	  (ODT_PAGE_W - ODT_MARGIN_LEFT - ODT_MARGIN_RIGHT)
#define ODT_WINDOW_X	  105.0
#define ODT_WINDOW_Y	  45.0
#define ODT_WINDOW_W	  85.0
#define ODT_WINDOW_H	  30.0
#define ODT_SIDE_W	  75.0

/* The namespace declarations every part's root element carries. */
extern const char odt_namespaces[];

/*
 * Writes s as the text of a paragraph: XML-escaped, runs of spaces as
 * <text:s/>, tabs as <text:tab/>, newlines as <text:line-break/>,
 * control characters dropped and invalid UTF-8 replaced by U+FFFD.
 * *at_space says whether the text written just before ended in white
 * space (or the paragraph starts): ODF would swallow a space there.
 * Attribute values need no ODF rule: buf_put_xml() escapes them.
 */
void odt_xml_text(struct buf *out, const char *s, bool *at_space);

/* Appends n in decimal: what "%zu" prints, without printf. */
void odt_put_count(struct buf *out, size_t n);

/*
 * The start of content.xml or styles.xml (root "document-content" or
 * "document-styles"): the XML declaration, the root element with its
 * namespaces, and <office:font-face-decls> declaring font, with a
 * sans-serif fallback.
 */
void odt_xml_part_head(struct buf *out, const char *root, const char *font);

/*
 * content.xml for the n documents, one after the other, the first
 * starting on master page MP1, document k on MP<k> with its page
 * numbers restarting at 1.  With bookmarks, the last paragraph of
 * document k carries the bookmark odt_end_bookmark(k) that the footers
 * of a merged package use to say "page N / M".  false when out of
 * memory.
 */
bool odt_content_write(struct buf *out, const char *font,
		       const struct doc *const *docs, size_t n, bool bookmarks);
/* The name of document k's end bookmark, written into name. */
void odt_end_bookmark(char name[32], size_t k);

/*
 * content.xml of a merged package, a document at a time (odt_stream in
 * odt.h): each document's body and automatic styles go to temporary
 * files as soon as it is written, so that memory does not grow with
 * the number of documents.  add() takes documents k = 1, 2, ... in
 * order, as odt_content_write() with bookmarks numbers them; false when
 * out of memory or a temporary file fails.  finish() writes the whole
 * content.xml to out.
 */
struct odt_content_stream;
struct odt_content_stream *odt_content_stream_new(void);
bool odt_content_stream_add(struct odt_content_stream *, const struct doc *,
			    size_t k);
bool odt_content_stream_finish(struct odt_content_stream *, const char *font,
			       FILE *out);
/* NULL is a no-op. */
void odt_content_stream_free(struct odt_content_stream *);

/*
 * styles.xml: the named styles HR can restyle, the A4 page layout and
 * one master page per document with its footer (title, name, page N /
 * M; M from the end bookmark when merged).
 */
void odt_styles_write(struct buf *out, const char *font,
		      const struct doc *const *docs, size_t n, bool merged);
/* odt_styles_write() in parts, for a merged package written a document
 * at a time: the head, each document's master page, the tail. */
void odt_styles_head(struct buf *out, const char *font);
void odt_styles_master(struct buf *out, const struct doc *d, size_t k,
		       bool merged);
void odt_styles_tail(struct buf *out);

#endif
