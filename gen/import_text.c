/*
 * The bytes of an exported CSV file as text: UTF-8 with or without BOM
 * kept, anything else read as Windows-1252 (what a French Excel saves
 * as "CSV (séparateur: point-virgule)") and converted with iconv; and
 * the separator the file uses.  For import_csv.c.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import_internal.h"
#include "utf8.h"

/* The line of byte offset off (1-based), for messages. */
static long line_at(const char *data, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n')
			line++;
	return line;
}

/* Offset of the first byte that is not well-formed UTF-8, or len. */
static size_t utf8_invalid_at(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT &&
		    !(n == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			return i;
		i += n;
	}
	return len;
}

static char *copy(const char *s, size_t len, size_t *outlen)
{
	char *out = malloc(len + 1);
	if (out == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	memcpy(out, s, len);
	out[len] = '\0';
	*outlen = len;
	return out;
}

static char *from_cp1252(const char *name, const char *data, size_t len,
			 size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1) {
		diag(MSG_IMPORT_CANNOT_CONVERT_WINDOWS_1252, name, 0,
		     strerror(errno));
		return NULL;
	}
	/* Every Windows-1252 character is at most 3 bytes of UTF-8. */
	size_t cap = len * 3 + 1;
	char *out = malloc(cap);
	if (out == NULL) {
		iconv_close(cd);
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	char *in = (char *)data, *w = out;
	size_t inleft = len, outleft = cap - 1;
	if (iconv(cd, &in, &inleft, &w, &outleft) == (size_t)-1) {
		size_t off = (size_t)(in - data);
		import_error(MSG_IMPORT_UNDEFINED_BYTE, name,
			     line_at(data, off), 0, (unsigned char)data[off]);
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*w = '\0';
	*outlen = (size_t)(w - out);
	return out;
}

char *import_text_utf8(const char *name, const char *data, size_t len,
		       size_t *outlen)
{
	if (len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
			 (data[0] == '\xFE' && data[1] == '\xFF'))) {
		import_error(MSG_IMPORT_UTF16, name, 1, 0);
		return NULL;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul != NULL) {
		import_error(MSG_IMPORT_NUL_BYTE, name,
			     line_at(data, (size_t)(nul - data)), 0);
		return NULL;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		size_t bad = utf8_invalid_at(data + 3, len - 3);
		if (bad < len - 3) {
			import_error(MSG_IMPORT_FALSE_BOM, name,
				     line_at(data, bad + 3), 0);
			return NULL;
		}
		return copy(data + 3, len - 3, outlen);
	}
	if (utf8_invalid_at(data, len) == len)
		return copy(data, len, outlen);
	return from_cp1252(name, data, len, outlen);
}

char import_text_separator(const char *data, size_t len)
{
	size_t semi = 0, comma = 0, tab = 0;
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		char c = data[i];
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == '\n')
			break;
		else if (c == ';')
			semi++;
		else if (c == ',')
			comma++;
		else if (c == '\t')
			tab++;
	}
	if (semi >= comma && semi >= tab && semi > 0)
		return ';';
	if (tab > comma)
		return '\t';
	return ',';
}
