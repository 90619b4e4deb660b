/*
 * The input limits of the dossier reader (README.md, "Limits") and the
 * characters no dossier text may hold.  Exports come from HR systems
 * that are sometimes broken and occasionally malicious: past these
 * limits an input is absurd, and it is refused with a message naming
 * the file, the line and the limit instead of being half-read.  For
 * dossier_read.c (and its tests) only: it exposes libxml2 types.
 */
#ifndef PARCOURS_DOSSIER_LIMITS_H
#define PARCOURS_DOSSIER_LIMITS_H

#include <libxml/tree.h>

/*
 * Largest dossier file read: 2 GiB, some 400 000 dossiers, checked
 * before a byte is parsed when the size is known, else while reading.
 * Files are streamed (dossier_stream.c), so the limit is not one of
 * memory: it keeps every line number and byte offset within libxml2's
 * int, and an endless input (a device, a pipe that never closes) ends.
 */
#define DOSSIER_LIMITS_FILE_BYTES (2048L * 1024 * 1024)

/*
 * Largest single <dossier> (or, all together, the rest of a file: its
 * root and <company>): 64 MiB, a thousand times a real one.  Only one
 * dossier at a time is held in memory, and this bounds it.  Also the
 * limit of a --company file.
 */
#define DOSSIER_LIMITS_DOSSIER_BYTES (64L * 1024 * 1024)

/* Characters in one text: an element's text or an attribute's value. */
#define DOSSIER_LIMITS_TEXT_CHARS 20000

/* Entries of one list of a dossier (<trainings>, <interviews>, ...). */
#define DOSSIER_LIMITS_LIST_ITEMS 1000

/*
 * Nesting depth of elements: libxml2's own limit without
 * XML_PARSE_HUGE, which the reader never sets (dossier_parse.c).
 */
#define DOSSIER_LIMITS_DEPTH 256

/*
 * Reports, with file and line, every text of elem's subtree (elem
 * included) that is longer than the limit or holds a control character
 * (C0 other than tab and line ends, DEL, C1) or a bidirectional
 * override (which makes a printed name read otherwise than it is
 * stored), and every list longer than the limit.  Values are never
 * quoted: they may be personal data.  Returns the number of problems.
 */
unsigned dossier_limits_check(xmlNodePtr elem, const char *file);

#endif
