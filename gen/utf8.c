/*
 * UTF-8 decoding (see utf8.h).
 */
#include "utf8.h"

size_t utf8_decode_wide(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[0];
	size_t n;
	uint32_t min;

	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		min = 0x80;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		min = 0x800;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		min = 0x10000;
		c &= 0x07;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	if (len < n) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = UTF8_REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	*cp = c;
	return n;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t count = 0;
	uint32_t cp;
	while (len > 0) {
		size_t n = utf8_decode(s, len, &cp);
		s += n;
		len -= n;
		count++;
	}
	return count;
}
