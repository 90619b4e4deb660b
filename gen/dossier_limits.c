/*
 * Input limits and forbidden characters (see dossier_limits.h).  The
 * parser has already refused what XML itself forbids (NUL, most C0
 * controls, malformed UTF-8); this walk catches what XML allows but no
 * printed document should carry, and texts and lists past the limits.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "dossier_limits.h"
#include "dossier_parse.h"

/* What one text holds, for the checks. */
struct scan {
	unsigned long chars;
	unsigned long lines;	 /* line ends so far */
	unsigned long bad;	 /* first forbidden code point, or 0 */
	unsigned long bad_lines; /* line ends before it */
	bool found;
};

/*
 * Characters that would vanish or garble a printed name: C0 controls
 * but tab, LF and CR; DEL; C1 controls; and the bidirectional embedding,
 * override and isolate controls (U+202A..U+202E, U+2066..U+2069) and
 * marks (U+200E, U+200F).
 */
static bool forbidden(unsigned long c)
{
	if (c < 0x20)
		return c != '\t' && c != '\n' && c != '\r';
	return (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/*
 * Decodes s (UTF-8, which libxml2 has checked) into sc.  The decoding
 * needs no error handling: a malformed sequence would have stopped the
 * parser, and at worst a character is miscounted.
 */
static void scan_add(struct scan *sc, const unsigned char *s)
{
	while (*s != '\0') {
		unsigned long c = *s;
		int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
		if (more > 0)
			c &= 0x3F >> more;
		s++;
		for (; more > 0 && (*s & 0xC0) == 0x80; more--, s++)
			c = c << 6 | (*s & 0x3F);
		sc->chars++;
		if (!sc->found && forbidden(c)) {
			sc->found = true;
			sc->bad = c;
			sc->bad_lines = sc->lines;
		}
		if (c == '\n')
			sc->lines++;
	}
}

/*
 * Reports sc's problems for the text of elem (what names the attribute,
 * "" for the element's own text) that starts at line: the element's own
 * line, since the schema gives text only to elements without children.
 */
static unsigned report(const struct scan *sc, xmlNodePtr elem, const char *what,
		       long line, const char *file)
{
	unsigned problems = 0;
	if (sc->found) {
		bool bidi = sc->bad >= 0x200E;
		diag(MSG_DOSSIER_FORBIDDEN_CHARACTER, file,
		     line + (long)sc->bad_lines, (const char *)elem->name, what,
		     bidi ? "bidirectional control" : "control character",
		     sc->bad,
		     bidi ? "would print the text in another order "
			    "than it is stored"
			  : "cannot be printed");
		problems++;
	}
	if (sc->chars > DOSSIER_LIMITS_TEXT_CHARS) {
		diag(MSG_DOSSIER_TEXT_TOO_LONG, file, line,
		     (const char *)elem->name, what, sc->chars,
		     DOSSIER_LIMITS_TEXT_CHARS);
		problems++;
	}
	return problems;
}

static unsigned check_attributes(xmlNodePtr elem, const char *file)
{
	unsigned problems = 0;
	for (xmlAttrPtr a = elem->properties; a != NULL; a = a->next) {
		struct scan sc = {0};
		for (xmlNodePtr t = a->children; t != NULL; t = t->next)
			if (t->content != NULL)
				scan_add(&sc, t->content);
		char what[96];
		snprintf(what, sizeof(what),
			 "attribute \"%s\": ", (const char *)a->name);
		problems +=
		    report(&sc, elem, what, dossier_parse_line(elem), file);
	}
	return problems;
}

static unsigned check_element(xmlNodePtr elem, const char *file)
{
	unsigned problems = check_attributes(elem, file);
	struct scan sc = {0};
	unsigned long items = 0;
	for (xmlNodePtr c = elem->children; c != NULL; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (c->content != NULL)
				scan_add(&sc, c->content);
			break;
		case XML_ELEMENT_NODE:
			items++;
			problems += check_element(c, file);
			break;
		default:
			break;
		}
	}
	problems += report(&sc, elem, "", dossier_parse_line(elem), file);
	if (items > DOSSIER_LIMITS_LIST_ITEMS) {
		diag(MSG_DOSSIER_LIST_TOO_LONG, file, dossier_parse_line(elem),
		     (const char *)elem->name, items,
		     DOSSIER_LIMITS_LIST_ITEMS);
		problems++;
	}
	return problems;
}

unsigned dossier_limits_check(xmlNodePtr elem, const char *file)
{
	return check_element(elem, file);
}
