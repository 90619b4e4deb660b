/*
 * XML text for the ODT parts: ODF white space rules over buf.h's XML
 * escaping (see odt_internal.h).  For the ODT backend only.
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

void odt_put_count(struct buf *out, size_t n)
{
	char digits[24];
	size_t i = sizeof(digits);
	do
		digits[--i] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	buf_put(out, digits + i, sizeof(digits) - i);
}

static void put_spaces(struct buf *out, size_t n)
{
	if (n == 1) {
		buf_puts(out, "<text:s/>");
		return;
	}
	buf_puts(out, "<text:s text:c=\"");
	odt_put_count(out, n);
	buf_puts(out, "\"/>");
}

/* A byte buf_put_xml_text() copies as it is: printable ASCII but & < >. */
static bool is_plain(char c)
{
	unsigned char u = (unsigned char)c;
	return u >= 0x20 && u < 0x7F && u != '&' && u != '<' && u != '>';
}

/*
 * The n bytes at s as element content: most of a letter is plain runs,
 * copied at once; the rest goes through buf_put_xml_text().  Split
 * where plain bytes start or end, the text decodes as it would whole:
 * no UTF-8 sequence holds an ASCII byte.
 */
static void put_run(struct buf *out, const char *s, size_t n)
{
	while (n > 0) {
		size_t k = 0;
		while (k < n && is_plain(s[k]))
			k++;
		buf_put(out, s, k);
		s += k;
		n -= k;
		for (k = 0; k < n && !is_plain(s[k]); k++)
			;
		if (k > 0)
			buf_put_xml_text(out, s, k);
		s += k;
		n -= k;
	}
}

void odt_xml_text(struct buf *out, const char *s, bool *at_space)
{
	while (*s != '\0') {
		size_t n = strcspn(s, " \t\n");
		if (n > 0) {
			/* A run dropped whole leaves the white space as it
			 * was. */
			size_t before = out->len;
			put_run(out, s, n);
			if (out->len != before)
				*at_space = false;
			s += n;
		} else if (*s == ' ') {
			n = strspn(s, " ");
			s += n;
			if (!*at_space) {
				buf_puts(out, " ");
				n--;
			}
			if (n > 0)
				put_spaces(out, n);
			*at_space = true;
		} else {
			buf_puts(out, *s == '\t' ? "<text:tab/>"
						 : "<text:line-break/>");
			*at_space = true;
			s++;
		}
	}
}

static void font_decls(struct buf *out, const char *font)
{
	buf_puts(out, "<office:font-face-decls><style:font-face style:name=\"");
	buf_put_xml(out, font);
	/* The family by name, and the generic kind a reader falls back to
	 * on a machine without it. */
	buf_puts(out, "\" svg:font-family=\"&apos;");
	buf_put_xml(out, font);
	buf_puts(out, "&apos;\" style:font-family-generic=\"swiss\""
		      " style:font-pitch=\"variable\"/>"
		      "</office:font-face-decls>");
}

void odt_xml_part_head(struct buf *out, const char *root, const char *font)
{
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:");
	buf_puts(out, root);
	buf_puts(out, " ");
	buf_puts(out, odt_namespaces);
	buf_puts(out, " office:version=\"1.3\">");
	font_decls(out, font);
}
