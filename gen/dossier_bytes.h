/*
 * Checks on the raw bytes of a dossier file, before the XML parser sees
 * them (README.md, "Limits"): the encoding, which must be UTF-8
 * (dossier.md), and the number of attributes of one start tag, where
 * libxml2 2.9's duplicate check is quadratic (100 000 attributes on one
 * element, 1 MB, take 20 s; a file at the size limit would take hours).
 * Each refusal sets *err (line and message), which the reader reports
 * with the file's name.  Plain C over bytes, fed in chunks, so that any
 * reader (whole-file or streamed) can run them.
 */
#ifndef PARCOURS_DOSSIER_BYTES_H
#define PARCOURS_DOSSIER_BYTES_H

#include <stdbool.h>
#include <stddef.h>

#include "dossier_parse.h"

/* Attributes (namespace declarations included) of one start tag. */
#define DOSSIER_BYTES_ATTRIBUTES 256

/*
 * The encoding the file's first bytes give (a byte order mark, or the
 * encoding of its XML declaration): true if UTF-8 (or none declared,
 * which is UTF-8), false with *err set (line 1) naming it.  head is the
 * start of the file: 1 KiB or all of it if shorter.
 */
bool dossier_bytes_encoding(const char *head, size_t len,
			    struct dossier_parse_error *err);

/* The tag scanner's state between chunks; zero it to start a file. */
struct dossier_bytes {
	int state;
	char quote;	     /* of the attribute value we are in */
	char last[2];	     /* the two bytes before, for "?>" "]]>" */
	unsigned dashes;     /* "-" in a row in a comment, for "-->" */
	unsigned attrs;	     /* of the start tag being read */
	long line, tag_line; /* line ends so far, +1; of the tag's "<" */
	char name[48];	     /* the start tag's name, cut */
	size_t name_len;
};

/*
 * Scans the next len bytes of the file: false with *err set to the line
 * and the element of a start tag with more than
 * DOSSIER_BYTES_ATTRIBUTES attributes (the file is refused there).
 * Linear, whatever the bytes; malformed markup is left to the parser.
 */
bool dossier_bytes_scan(struct dossier_bytes *, const char *buf, size_t len,
			struct dossier_parse_error *err);

#endif
