/*
 * UTF-8 decoding, the one decoder of parcours: for everyone who reads
 * text one code point at a time (layout, PDF fonts, XML escaping, case
 * mapping, file-name folding, terminal widths).  Strings from the
 * readers are UTF-8 already checked; decoding stays total anyway.
 */
#ifndef PARCOURS_UTF8_H
#define PARCOURS_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* utf8_decode() of a lead byte 0x80 or above. */
size_t utf8_decode_wide(const char *s, size_t len, uint32_t *cp);

/*
 * Decodes the code point at s (len > 0 bytes available) into *cp and
 * returns the number of bytes it took (1 to 4).  A malformed or truncated
 * sequence, an overlong form or a surrogate gives UTF8_REPLACEMENT and
 * consumes one byte, so a caller always makes progress.  Inline for
 * ASCII, most of every document, which its callers decode byte by byte.
 */
static inline size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	return utf8_decode_wide(s, len, cp);
}

/* Number of code points in s[0..len), counted as utf8_decode() does. */
size_t utf8_count(const char *s, size_t len);

#endif
