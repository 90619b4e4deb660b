/*
 * A growable byte buffer: what backends render into before a file is
 * written (outfile.h).  For every part of parcours.
 */
#ifndef PARCOURS_BUF_H
#define PARCOURS_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	unsigned char *data; /* owned; not NUL-terminated unless asked */
	size_t len, cap;
	bool oom; /* a write failed for lack of memory */
};

/* Appends; on OOM sets b->oom and keeps what it had. */
void buf_put(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * Appends s escaped for XML attribute values and text (& < > " ').  What
 * XML cannot carry or a reader would not print is dropped: control
 * characters, tab and newline included (an attribute would turn them
 * into spaces; a writer that means them writes its own markup), DEL, C1
 * controls, U+FFFE and U+FFFF.  Bytes that are not UTF-8 become U+FFFD.
 */
void buf_put_xml(struct buf *b, const char *s);
/* The same for the n bytes at s as element content: quotes stay as is. */
void buf_put_xml_text(struct buf *b, const char *s, size_t n);
/* Empties the buffer, keeping its memory. */
void buf_reset(struct buf *b);
/* Frees the data; the struct itself is the caller's. NULL is a no-op. */
void buf_free(struct buf *b);

#endif
