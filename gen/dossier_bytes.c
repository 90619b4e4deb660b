/*
 * Raw-byte checks of a dossier file (see dossier_bytes.h).
 */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dossier_bytes.h"

/* ---- the encoding ----------------------------------------------------- */

/* An encoding the first bytes give away without a declaration. */
static const char *by_signature(const unsigned char *b, size_t n)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *name;
	} sig[] = {
	    {"\x00\x00\xFE\xFF", 4, "UTF-32 (a byte order mark)"},
	    {"\xFF\xFE\x00\x00", 4, "UTF-32 (a byte order mark)"},
	    {"\xFE\xFF", 2, "UTF-16 (a byte order mark)"},
	    {"\xFF\xFE", 2, "UTF-16 (a byte order mark)"},
	    {"\x00\x00\x00\x3C", 4, "UTF-32"},
	    {"\x3C\x00\x00\x00", 4, "UTF-32"},
	    {"\x00\x3C\x00\x3F", 4, "UTF-16"},
	    {"\x3C\x00\x3F\x00", 4, "UTF-16"},
	    {"\x4C\x6F\xA7\x94", 4, "EBCDIC"},
	};
	for (size_t i = 0; i < sizeof(sig) / sizeof(*sig); i++)
		if (n >= sig[i].len && memcmp(b, sig[i].bytes, sig[i].len) == 0)
			return sig[i].name;
	return NULL;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * The value of the encoding pseudo-attribute of the XML declaration at
 * s (n bytes) into out; false if there is none.
 */
static bool declared(const char *s, size_t n, char *out, size_t size)
{
	if (n < 5 || memcmp(s, "<?xml", 5) != 0 || (n > 5 && !is_space(s[5])))
		return false;
	const char *end = memmem(s, n, "?>", 2);
	size_t len = end != NULL ? (size_t)(end - s) : n;
	const char *p = memmem(s, len, "encoding", 8);
	if (p == NULL)
		return false;
	const char *lim = s + len;
	p += 8;
	while (p < lim && is_space(*p))
		p++;
	if (p == lim || *p++ != '=')
		return false;
	while (p < lim && is_space(*p))
		p++;
	if (p == lim || (*p != '"' && *p != '\''))
		return false;
	char q = *p++;
	size_t k = 0;
	while (p < lim && *p != q && k + 1 < size) {
		/* Shown in the message: printable ASCII only. */
		out[k++] = *p >= 0x20 && *p < 0x7F ? *p : '?';
		p++;
	}
	out[k] = '\0';
	return true;
}

bool dossier_bytes_encoding(const char *head, size_t len,
			    struct dossier_parse_error *err)
{
	const unsigned char *b = (const unsigned char *)head;
	const char *what = by_signature(b, len);
	char name[40];
	if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) {
		head += 3; /* UTF-8's own mark */
		len -= 3;
	}
	if (what == NULL && declared(head, len, name, sizeof(name)) &&
	    strcasecmp(name, "UTF-8") != 0)
		what = name;
	if (what == NULL)
		return true;
	err->line = 1;
	if (what == name)
		dossier_parse_set(err, MSG_DOSSIER_DECLARED_ENCODING, name);
	else
		dossier_parse_set(err, MSG_DOSSIER_NOT_UTF8, what);
	return false;
}

/* ---- attributes per start tag ---------------------------------------- */

enum {
	TEXT,	 /* character data */
	LT,	 /* just after "<" */
	BANG,	 /* "<!" */
	BANG_D,	 /* "<!-" */
	NAME,	 /* a start tag's name */
	STAG,	 /* inside a start tag, after its name */
	QUOTED,	 /* in one of its attribute values */
	COMMENT, /* "<!--" ... "-->" */
	PI,	 /* "<?" ... "?>" */
	CDATA,	 /* "<![" ... "]]>" */
	OTHER,	 /* an end tag or a declaration, to ">" */
};

static bool too_many(struct dossier_bytes *s, struct dossier_parse_error *err)
{
	err->line = s->tag_line;
	dossier_parse_set(err, MSG_DOSSIER_TOO_MANY_ATTRIBUTES,
			  (int)s->name_len, s->name, DOSSIER_BYTES_ATTRIBUTES);
	return false;
}

/* One byte of markup; false when the limit is passed. */
static bool step(struct dossier_bytes *s, char c,
		 struct dossier_parse_error *err)
{
	switch (s->state) {
	case TEXT:
		if (c == '<') {
			s->state = LT;
			s->tag_line = s->line;
		}
		break;
	case LT:
		s->state = c == '!'   ? BANG
			   : c == '?' ? PI
			   : c == '/' ? OTHER
				      : NAME;
		s->attrs = 0;
		s->name_len = 0;
		if (s->state == NAME)
			s->name[s->name_len++] = c;
		break;
	case BANG:
		s->state = c == '-' ? BANG_D : c == '[' ? CDATA : OTHER;
		break;
	case BANG_D:
		s->state = c == '-' ? COMMENT : OTHER;
		s->dashes = 0; /* the opening "--" do not close it: "<!-->" */
		break;
	case NAME:
		if (c == '>' || c == '/' || is_space(c))
			s->state = c == '>' ? TEXT : STAG;
		else if (s->name_len < sizeof(s->name))
			s->name[s->name_len++] = c;
		break;
	case STAG:
		if (c == '"' || c == '\'') {
			s->quote = c;
			s->state = QUOTED;
		} else if (c == '=' && ++s->attrs > DOSSIER_BYTES_ATTRIBUTES) {
			return too_many(s, err);
		} else if (c == '>') {
			s->state = TEXT;
		}
		break;
	case QUOTED:
		if (c == s->quote)
			s->state = STAG;
		break;
	case COMMENT:
		if (c == '>' && s->dashes >= 2)
			s->state = TEXT;
		s->dashes = c == '-' ? s->dashes + 1 : 0;
		break;
	case PI:
		if (c == '>' && s->last[1] == '?')
			s->state = TEXT;
		break;
	case CDATA:
		if (c == '>' && s->last[0] == ']' && s->last[1] == ']')
			s->state = TEXT;
		break;
	default: /* OTHER */
		if (c == '>')
			s->state = TEXT;
		break;
	}
	return true;
}

bool dossier_bytes_scan(struct dossier_bytes *s, const char *buf, size_t len,
			struct dossier_parse_error *err)
{
	if (s->line == 0)
		s->line = 1;
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (c == '\n')
			s->line++;
		if (!step(s, c, err))
			return false;
		s->last[0] = s->last[1];
		s->last[1] = c;
	}
	return true;
}
