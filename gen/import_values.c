/*
 * Cell values of the CSV importer: what a French Excel writes (dates
 * 04/09/2017, decimals 0,35, Oui/Non, "Congé parental") checked and
 * rewritten as the dossier format has them.  For import_csv.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "import_internal.h"
#include "utf8.h"

/* Values quoted in messages are cut here: a message is no data dump. */
#define QUOTE_MAX 40

static void quote(char out[QUOTE_MAX + 8], const char *s)
{
	size_t n = strlen(s);
	if (n <= QUOTE_MAX) {
		snprintf(out, QUOTE_MAX + 8, "\"%s\"", s);
		return;
	}
	/* Cut on a character boundary. */
	n = QUOTE_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	snprintf(out, QUOTE_MAX + 8, "\"%.*s…\"", (int)n, s);
}

/* s with white space (ASCII, no-break spaces) trimmed, into the arena. */
static char *trimmed(struct arena *a, const char *s)
{
	for (;;) {
		if (*s != '\0' && strchr(" \t\r\n", *s) != NULL)
			s++;
		else if (strncmp(s, "\xC2\xA0", 2) == 0)
			s += 2;
		else
			break;
	}
	size_t n = strlen(s);
	for (;;) {
		if (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
			n--;
		else if (n >= 2 && memcmp(s + n - 2, "\xC2\xA0", 2) == 0)
			n -= 2;
		else
			break;
	}
	return arena_strndup(a, s, n);
}

/* Drops spaces, no-break and narrow no-break spaces ("3 000"). */
static void drop_spaces(char *s)
{
	char *w = s;
	for (const char *r = s; *r != '\0';) {
		if (*r == ' ') {
			r++;
		} else if (strncmp(r, "\xC2\xA0", 2) == 0) {
			r += 2;
		} else if (strncmp(r, "\xE2\x80\xAF", 3) == 0) {
			r += 3;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

static bool all_digits(const char *s, size_t min, size_t max)
{
	size_t n = strspn(s, "0123456789");
	return s[n] == '\0' && n >= min && n <= max;
}

/* "YYYY-MM-DD" or "D/M/YYYY"; the rest of the string from *end. */
static bool parse_date(const char *s, date_t *out, const char **end)
{
	int y, m, d, n = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 &&
	    s[4] == '-' && s[7] == '-') {
	} else if (sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &n) == 3 && n >= 8 &&
		   (s[n - 5] == '/')) {
	} else {
		return false;
	}
	for (int i = 0; i < n; i++)
		if (s[i] != '-' && s[i] != '/' && (s[i] < '0' || s[i] > '9'))
			return false;
	*out = date_from_ymd(y, m, d);
	*end = s + n;
	return *out != DATE_NONE;
}

static char *check_date(struct arena *a, const char *s)
{
	date_t d;
	const char *end;
	if (!parse_date(s, &d, &end) || *end != '\0')
		return NULL;
	char iso[DATE_ISO_LEN];
	return arena_strdup(a, date_fmt_iso(d, iso));
}

/* Date, then "T", " " or "à"; then "HH:MM", "HHhMM", optional ":00". */
static char *check_datetime(struct arena *a, const char *s)
{
	date_t d;
	const char *p;
	if (!parse_date(s, &d, &p))
		return NULL;
	if (*p == 'T' || *p == ' ')
		p++;
	else
		return NULL;
	while (*p == ' ')
		p++;
	int h, m, n = 0;
	if (sscanf(p, "%2d%*[:h]%2d%n", &h, &m, &n) != 2 || n != 5 ||
	    p[0] < '0' || p[0] > '9' || p[3] < '0' || p[3] > '9' ||
	    p[4] < '0' || p[4] > '9')
		return NULL;
	p += n;
	if (strcmp(p, ":00") == 0)
		p += 3;
	if (*p != '\0' || h > 23 || m > 59)
		return NULL;
	char iso[DATE_ISO_LEN], buf[32];
	snprintf(buf, sizeof(buf), "%sT%02d:%02d", date_fmt_iso(d, iso), h, m);
	return arena_strdup(a, buf);
}

static const char *check_bool(const char *s)
{
	char n[16];
	import_normalize(s, n, sizeof(n));
	static const char *const yes[] = {"true", "vrai", "oui", "yes",
					  "o",	  "y",	  "1",	 "x"};
	static const char *const no[] = {"false", "faux", "non",
					 "no",	  "n",	  "0"};
	if (strlen(s) > 8)
		return NULL;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(n, yes[i]) == 0)
			return "true";
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (strcmp(n, no[i]) == 0)
			return "false";
	return NULL;
}

static char *check_decimal(struct arena *a, const char *s)
{
	char *v = arena_strdup(a, s);
	if (v == NULL)
		return NULL;
	drop_spaces(v);
	char *comma = strchr(v, ',');
	if (comma != NULL)
		*comma = '.';
	char *dot = strchr(v, '.');
	if (dot == NULL)
		return all_digits(v, 1, 9) ? v : NULL;
	*dot = '\0';
	bool ok = all_digits(v, 1, 9) && all_digits(dot + 1, 1, 9);
	*dot = '.';
	return ok ? v : NULL;
}

/* A whole number; "3 000" and "3000,00" are what spreadsheets write. */
static char *check_count(struct arena *a, const char *s)
{
	char *v = arena_strdup(a, s);
	if (v == NULL)
		return NULL;
	drop_spaces(v);
	char *frac = strpbrk(v, ".,");
	if (frac != NULL && strspn(frac + 1, "0") == strlen(frac + 1) &&
	    frac[1] != '\0')
		*frac = '\0';
	return all_digits(v, 1, 9) ? v : NULL;
}

static bool id_char(char c, bool first)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' ||
	       (c == '.' && !first);
}

static bool check_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!id_char(s[i], i == 0))
			return false;
	return true;
}

/* The code of codes ("code=alias,alias|...") that s names, or NULL. */
static char *check_enum(struct arena *a, const char *codes, const char *s)
{
	char want[64], norm[64];
	if (strlen(s) >= 60)
		return NULL;
	import_normalize(s, want, sizeof(want));
	if (want[0] == '\0')
		return NULL;
	for (const char *p = codes; *p != '\0';) {
		size_t len = strcspn(p, "|");
		size_t clen = strcspn(p, "=|");
		char entry[256];
		if (len >= sizeof(entry))
			return NULL;
		memcpy(entry, p, len);
		entry[len] = '\0';
		/* the code itself, then each alias */
		for (char *tok = entry; tok != NULL;) {
			char *next = strpbrk(tok, "=,");
			if (next != NULL)
				*next++ = '\0';
			import_normalize(tok, norm, sizeof(norm));
			if (strcmp(norm, want) == 0)
				return arena_strndup(a, p, clen);
			tok = next;
		}
		p += len;
		if (*p == '|')
			p++;
	}
	return NULL;
}

/* The codes of an enumeration as a message lists them: "a, b or c". */
static void list_codes(const char *codes, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
	for (const char *p = codes; *p != '\0' && n + 1 < size;) {
		size_t len = strcspn(p, "|");
		size_t clen = strcspn(p, "=|");
		const char *sep = p[len] == '\0' ? (n > 0 ? " or " : "")
						 : (n > 0 ? ", " : "");
		int w =
		    snprintf(out + n, size - n, "%s%.*s", sep, (int)clen, p);
		if (w < 0 || (size_t)w >= size - n)
			break;
		n += (size_t)w;
		p += len;
		if (*p == '|')
			p++;
	}
}

/*
 * A text the dossier can hold: no control characters (C0 but tab and
 * line ends, DEL, C1), not too long.  Its problem, or NULL.
 */
static const char *text_problem(const char *s)
{
	size_t chars = 0;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		chars++;
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    (cp >= 0x7F && cp < 0xA0))
			return "holds a control character";
	}
	if (chars > IMPORT_MAX_TEXT_CHARS)
		return "is longer than 20000 characters";
	return NULL;
}

char *import_value_check(struct arena *a, const struct import_col *col,
			 const char *header, const char *cell, const char *file,
			 long line, long column, bool *bad)
{
	char q[QUOTE_MAX + 8], codes[512];
	if (cell[strspn(cell, " \t\r\n")] == '\0')
		return NULL; /* empty: nothing to keep */
	char *s = trimmed(a, cell);
	if (s == NULL || *s == '\0')
		return NULL;
	/* A formula exported as such (=HYPERLINK(...)) is no value: it
	 * would run in the spreadsheet of whoever opens our CSVs. */
	if (s[0] == '=' || s[0] == '+' || s[0] == '@') {
		char head[16];
		snprintf(head, sizeof(head), "%.12s", s);
		import_error(MSG_IMPORT_FORMULA_NOT_VALUE_EXPORT, file, line,
			     column, header, head);
		*bad = true;
		return NULL;
	}
	const char *problem = text_problem(s);
	if (problem != NULL) {
		import_error(MSG_IMPORT_VALUE, file, line, column, header,
			     problem);
		*bad = true;
		return NULL;
	}
	char *v = NULL;
	const char *expect = NULL;
	switch (col->type) {
	case IMPORT_TEXT:
		return s;
	case IMPORT_ID:
		if (check_id(s))
			return s;
		expect = "an id (1 to 64 letters, digits, -, _ or .)";
		break;
	case IMPORT_DATE:
		v = check_date(a, s);
		expect = "a date (YYYY-MM-DD or DD/MM/YYYY)";
		break;
	case IMPORT_DATETIME:
		v = check_datetime(a, s);
		expect = "a date and time (DD/MM/YYYY HH:MM)";
		break;
	case IMPORT_BOOL: {
		const char *b = check_bool(s);
		if (b != NULL)
			return arena_strdup(a, b);
		expect = "oui or non";
		break;
	}
	case IMPORT_DECIMAL:
		v = check_decimal(a, s);
		expect = "a number such as 14 or 0,35";
		break;
	case IMPORT_COUNT:
		v = check_count(a, s);
		expect = "a whole number";
		break;
	case IMPORT_SIRET:
		v = arena_strdup(a, s);
		if (v != NULL)
			drop_spaces(v);
		if (v != NULL && !all_digits(v, 14, 14))
			v = NULL;
		expect = "a SIRET (14 digits)";
		break;
	case IMPORT_ENUM:
		v = check_enum(a, col->codes, s);
		list_codes(col->codes, codes, sizeof(codes));
		expect = codes;
		break;
	}
	if (v != NULL)
		return v;
	quote(q, s);
	import_error(MSG_IMPORT_VALUE_NOT, file, line, column, header, q,
		     col->type == IMPORT_ENUM ? "one of " : "", expect);
	*bad = true;
	return NULL;
}
