/*
 * XML text for the ODT parts: escaping and ODF white space rules (see
 * odt_internal.h).  For the ODT backend only.
 */
#include <string.h>

#include "odt_internal.h"

const char odt_namespaces[] =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:"
    "xsl-fo-compatible:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:"
    "svg-compatible:1.0\""
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/*
 * Length of the valid UTF-8 sequence at s that XML may carry, 0 if the
 * character must be dropped (a control character, U+FFFE, U+FFFF), -1
 * if the bytes are not UTF-8.  ASCII is the caller's.
 */
static int char_len(const unsigned char *s)
{
	int len;
	unsigned cp;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, cp = s[0] & 0x07;
	else
		return -1;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return -1;
	if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
		return 0; /* C1 controls: never meant to be printed */
	return len;
}

/*
 * Writes the non-ASCII character at *s (or its replacement) and moves
 * past it.
 */
static void put_multibyte(struct buf *out, const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	int len = char_len(p);
	if (len > 0) {
		buf_put(out, p, (size_t)len);
		*s += len;
	} else if (len == 0) {
		*s += 2 + (p[0] >= 0xE0); /* the dropped C1 or U+FFFx */
	} else {
		buf_puts(out, replacement);
		*s += 1;
	}
}

static void put_spaces(struct buf *out, size_t n)
{
	if (n == 1)
		buf_puts(out, "<text:s/>");
	else
		buf_printf(out, "<text:s text:c=\"%zu\"/>", n);
}

void odt_xml_text(struct buf *out, const char *s, bool *at_space)
{
	while (*s != '\0') {
		unsigned char c = (unsigned char)*s;
		if (c == ' ') {
			size_t n = strspn(s, " ");
			s += n;
			if (!*at_space) {
				buf_puts(out, " ");
				n--;
			}
			if (n > 0)
				put_spaces(out, n);
			*at_space = true;
			continue;
		}
		if (c >= 0x80) {
			put_multibyte(out, &s);
			*at_space = false;
			continue;
		}
		s++;
		switch (c) {
		case '\t':
			buf_puts(out, "<text:tab/>");
			*at_space = true;
			break;
		case '\n':
			buf_puts(out, "<text:line-break/>");
			*at_space = true;
			break;
		case '&':
			buf_puts(out, "&amp;");
			*at_space = false;
			break;
		case '<':
			buf_puts(out, "&lt;");
			*at_space = false;
			break;
		case '>':
			buf_puts(out, "&gt;");
			*at_space = false;
			break;
		default:
			if (c < 0x20 || c == 0x7F)
				break; /* control characters never print */
			buf_put(out, &c, 1);
			*at_space = false;
			break;
		}
	}
}

void odt_xml_attr(struct buf *out, const char *s)
{
	while (*s != '\0') {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x80) {
			put_multibyte(out, &s);
			continue;
		}
		s++;
		switch (c) {
		case '&':
			buf_puts(out, "&amp;");
			break;
		case '<':
			buf_puts(out, "&lt;");
			break;
		case '>':
			buf_puts(out, "&gt;");
			break;
		case '"':
			buf_puts(out, "&quot;");
			break;
		case '\'':
			buf_puts(out, "&apos;");
			break;
		default:
			if (c < 0x20 || c == 0x7F)
				break;
			buf_put(out, &c, 1);
			break;
		}
	}
}

void odt_xml_font_decls(struct buf *out, const char *font)
{
	buf_puts(out, "<office:font-face-decls><style:font-face style:name=\"");
	odt_xml_attr(out, font);
	/* The family by name, and the generic kind a reader falls back to
	 * on a machine without it. */
	buf_puts(out, "\" svg:font-family=\"&apos;");
	odt_xml_attr(out, font);
	buf_puts(out, "&apos;\" style:font-family-generic=\"swiss\""
		      " style:font-pitch=\"variable\"/>"
		      "</office:font-face-decls>");
}
