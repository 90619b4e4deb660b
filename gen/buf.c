/*
 * Growable byte buffer and its XML escaping (see buf.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "grow.h"
#include "utf8.h"

static bool grow(struct buf *b, size_t need)
{
	if (b->oom)
		return false;
	if (need <= b->cap - b->len)
		return true;
	size_t cap = b->cap;
	while (cap - b->len < need)
		if (!grow_cap(cap, 256, 1, &cap)) {
			b->oom = true;
			return false;
		}
	if (!grow_to(&b->data, cap, 1)) {
		b->oom = true;
		return false;
	}
	b->cap = cap;
	return true;
}

void buf_put(struct buf *b, const void *data, size_t len)
{
	if (len == 0 || !grow(b, len))
		return;
	memcpy(b->data + b->len, data, len);
	b->len += len;
}

void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

/*
 * Formatted straight into the room left, and a second time only when it
 * did not fit: most strings fit, and formatting twice each time was
 * what a letter spent in vsnprintf.
 */
void buf_printf(struct buf *b, const char *fmt, ...)
{
	if (b->oom)
		return;
	size_t room = b->cap - b->len;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(room > 0 ? (char *)b->data + b->len : NULL, room, fmt,
			  ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= room) {
		if (!grow(b, (size_t)n + 1))
			return;
		va_start(ap, fmt);
		vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

/*
 * XML 1.0 cannot carry C0 controls (but tab, newline and carriage
 * return), U+FFFE or U+FFFF; DEL and C1 controls it can, but they are
 * never meant to be printed.
 */
static bool printable(uint32_t cp)
{
	return cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F) && cp != 0xFFFE &&
	       cp != 0xFFFF;
}

/* A byte that stands for itself in XML: printable ASCII but markup. */
static bool plain_byte(unsigned char c, bool quotes)
{
	return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' &&
	       !(quotes && (c == '"' || c == '\''));
}

/* One character at s, escaped, replaced or dropped; its length in s. */
static size_t put_xml_char(struct buf *b, const char *s, size_t n, bool quotes)
{
	static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
	uint32_t cp;
	size_t len = utf8_decode(s, n, &cp);
	if (cp == '&')
		buf_puts(b, "&amp;");
	else if (cp == '<')
		buf_puts(b, "&lt;");
	else if (cp == '>')
		buf_puts(b, "&gt;");
	else if (cp == '"' && quotes)
		buf_puts(b, "&quot;");
	else if (cp == '\'' && quotes)
		buf_puts(b, "&apos;");
	else if (cp == UTF8_REPLACEMENT && len == 1)
		buf_puts(b, replacement); /* not UTF-8 */
	else if (printable(cp))
		buf_put(b, s, len);
	return len;
}

/* Runs of plain bytes go in one copy: most text is nothing else. */
static void put_xml(struct buf *b, const char *s, size_t n, bool quotes)
{
	while (n > 0) {
		size_t span = 0;
		while (span < n && plain_byte((unsigned char)s[span], quotes))
			span++;
		if (span == 0)
			span = put_xml_char(b, s, n, quotes);
		else
			buf_put(b, s, span);
		s += span;
		n -= span;
	}
}

void buf_put_xml(struct buf *b, const char *s)
{
	put_xml(b, s, strlen(s), true);
}

void buf_put_xml_text(struct buf *b, const char *s, size_t n)
{
	put_xml(b, s, n, false);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->oom = false;
}

void buf_free(struct buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}
