/*
 * Upper-casing names (see names.h).  The case map is Unicode's (version
 * 14, UnicodeData.txt simple upper-case mapping, with SpecialCasing.txt
 * for the letters that become two), limited to the scripts of European
 * and Vietnamese names, so that it needs no locale and no library.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "utf8.h"

/*
 * Lower-case letters first..last, every stride-th code point, whose
 * upper case is code point + delta.  Sorted, not overlapping.
 */
static const struct upper_run {
	uint32_t first, last;
	uint8_t stride;
	int32_t delta;
} upper_runs[] = {
    {0x0061, 0x007A, 1, -32},
    {0x00E0, 0x00F6, 1, -32},
    {0x00F8, 0x00FE, 1, -32},
    {0x00FF, 0x00FF, 1, 121},
    {0x0101, 0x012F, 2, -1},
    {0x0131, 0x0131, 1, -232},
    {0x0133, 0x0137, 2, -1},
    {0x013A, 0x0148, 2, -1},
    {0x014B, 0x0177, 2, -1},
    {0x017A, 0x017E, 2, -1},
    {0x017F, 0x017F, 1, -300},
    {0x0180, 0x0180, 1, 195},
    {0x0183, 0x0185, 2, -1},
    {0x0188, 0x0188, 1, -1},
    {0x018C, 0x018C, 1, -1},
    {0x0192, 0x0192, 1, -1},
    {0x0195, 0x0195, 1, 97},
    {0x0199, 0x0199, 1, -1},
    {0x019A, 0x019A, 1, 163},
    {0x019E, 0x019E, 1, 130},
    {0x01A1, 0x01A5, 2, -1},
    {0x01A8, 0x01A8, 1, -1},
    {0x01AD, 0x01AD, 1, -1},
    {0x01B0, 0x01B0, 1, -1},
    {0x01B4, 0x01B6, 2, -1},
    {0x01B9, 0x01B9, 1, -1},
    {0x01BD, 0x01BD, 1, -1},
    {0x01BF, 0x01BF, 1, 56},
    {0x01C5, 0x01C5, 1, -1},
    {0x01C6, 0x01C6, 1, -2},
    {0x01C8, 0x01C8, 1, -1},
    {0x01C9, 0x01C9, 1, -2},
    {0x01CB, 0x01CB, 1, -1},
    {0x01CC, 0x01CC, 1, -2},
    {0x01CE, 0x01DC, 2, -1},
    {0x01DD, 0x01DD, 1, -79},
    {0x01DF, 0x01EF, 2, -1},
    {0x01F2, 0x01F2, 1, -1},
    {0x01F3, 0x01F3, 1, -2},
    {0x01F5, 0x01F5, 1, -1},
    {0x01F9, 0x021F, 2, -1},
    {0x0223, 0x0233, 2, -1},
    {0x023C, 0x023C, 1, -1},
    {0x0242, 0x0242, 1, -1},
    {0x0247, 0x024F, 2, -1},
    /* African letters of the IPA block (ɓ ɗ ɛ ɔ ɣ ʋ ʒ …) */
    {0x0253, 0x0253, 1, -210},
    {0x0254, 0x0254, 1, -206},
    {0x0256, 0x0257, 1, -205},
    {0x0259, 0x0259, 1, -202},
    {0x025B, 0x025B, 1, -203},
    {0x0260, 0x0260, 1, -205},
    {0x0263, 0x0263, 1, -207},
    {0x0268, 0x0268, 1, -209},
    {0x0269, 0x0269, 1, -211},
    {0x026F, 0x026F, 1, -211},
    {0x0272, 0x0272, 1, -213},
    {0x0275, 0x0275, 1, -214},
    {0x0280, 0x0280, 1, -218},
    {0x0283, 0x0283, 1, -218},
    {0x0288, 0x0288, 1, -218},
    {0x0289, 0x0289, 1, -69},
    {0x028A, 0x028B, 1, -217},
    {0x028C, 0x028C, 1, -71},
    {0x0292, 0x0292, 1, -219},
    /* Greek */
    {0x0371, 0x0373, 2, -1},
    {0x0377, 0x0377, 1, -1},
    {0x037B, 0x037D, 1, 130},
    {0x03AC, 0x03AC, 1, -38},
    {0x03AD, 0x03AF, 1, -37},
    {0x03B1, 0x03C1, 1, -32},
    {0x03C2, 0x03C2, 1, -31},
    {0x03C3, 0x03CB, 1, -32},
    {0x03CC, 0x03CC, 1, -64},
    {0x03CD, 0x03CE, 1, -63},
    {0x03D9, 0x03EF, 2, -1},
    {0x03F8, 0x03F8, 1, -1},
    {0x03FB, 0x03FB, 1, -1},
    /* Cyrillic */
    {0x0430, 0x044F, 1, -32},
    {0x0450, 0x045F, 1, -80},
    {0x0461, 0x0481, 2, -1},
    {0x048B, 0x04BF, 2, -1},
    {0x04C2, 0x04CE, 2, -1},
    {0x04CF, 0x04CF, 1, -15},
    {0x04D1, 0x052F, 2, -1},
    /* Latin Extended Additional (Vietnamese, Welsh …) */
    {0x1E01, 0x1E95, 2, -1},
    {0x1E9B, 0x1E9B, 1, -59},
    {0x1EA1, 0x1EFF, 2, -1},
};

/* Letters whose upper case is more than one code point. */
static const struct upper_special {
	uint32_t cp;
	const char *upper;
} upper_specials[] = {
    {0x00DF, "SS"},
    {0x0149, "\u02bcN"},
    {0x01F0, "J\u030c"},
    {0x0390, "\u0399\u0308\u0301"},
    {0x03B0, "\u03a5\u0308\u0301"},
    {0x1E96, "H\u0331"},
    {0x1E97, "T\u0308"},
    {0x1E98, "W\u030a"},
    {0x1E99, "Y\u030a"},
    {0x1E9A, "A\u02be"},
};

static void encode(struct buf *b, uint32_t cp)
{
	unsigned char out[4];
	size_t n;
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | cp >> 6);
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | cp >> 12);
		out[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		out[0] = (unsigned char)(0xF0 | cp >> 18);
		out[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		out[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_put(b, out, n);
}

/* The simple upper case of cp, or cp itself. */
static uint32_t upper_of(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(upper_runs) / sizeof(upper_runs[0]);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct upper_run *r = &upper_runs[mid];
		if (cp < r->first) {
			hi = mid;
		} else if (cp > r->last) {
			lo = mid + 1;
		} else {
			if ((cp - r->first) % r->stride != 0)
				return cp;
			return (uint32_t)((int32_t)cp + r->delta);
		}
	}
	return cp;
}

void names_put_upper(struct buf *b, const char *s)
{
	size_t left = strlen(s);
	while (left > 0) {
		uint32_t cp;
		size_t len = utf8_decode(s, left, &cp);
		const char *p = s;
		s += len;
		left -= len;
		if (cp == UTF8_REPLACEMENT && len == 1) {
			/* Not UTF-8: copied, never dropped or replaced. */
			buf_put(b, p, 1);
			continue;
		}
		const char *special = NULL;
		for (size_t i = 0;
		     i < sizeof(upper_specials) / sizeof(upper_specials[0]);
		     i++)
			if (upper_specials[i].cp == cp)
				special = upper_specials[i].upper;
		if (special != NULL)
			buf_puts(b, special);
		else
			encode(b, upper_of(cp));
	}
}

/* The buffer's text as a NUL-terminated string it gives away. */
static char *take(struct buf *b)
{
	buf_put(b, "", 1);
	if (b->oom) {
		buf_free(b);
		return NULL;
	}
	return (char *)b->data;
}

char *names_upper(const char *s)
{
	struct buf b = {0};
	names_put_upper(&b, s);
	return take(&b);
}

char *names_family_first(const struct employee *e)
{
	struct buf b = {0};
	names_put_upper(&b, e->family_name);
	buf_puts(&b, " ");
	buf_puts(&b, e->given_name);
	return take(&b);
}

char *names_full(const struct employee *e)
{
	struct buf b = {0};
	if (e->civility == CIV_M)
		buf_puts(&b, "M. ");
	else if (e->civility == CIV_MME)
		buf_puts(&b, "Mme ");
	buf_puts(&b, e->given_name);
	buf_puts(&b, " ");
	names_put_upper(&b, e->family_name);
	return take(&b);
}
