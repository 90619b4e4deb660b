/*
 * RFC 4180 writer with formula protection (see csv.h).
 */
#include <string.h>

#include "csv.h"

/* Spreadsheets evaluate a cell starting with one of these. */
static bool formula_lead(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@';
}

/* One field, with the formula guard if guard is true. */
static void put_field(struct buf *b, const char *s, bool guard)
{
	if (s == NULL)
		s = "";
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		buf_put(b, "\"", 1);
	if (guard && formula_lead(s[0]))
		buf_put(b, "'", 1);
	if (!quote) {
		buf_puts(b, s);
		return;
	}
	for (const char *run = s;; s++) {
		if (*s == '"' || *s == '\0') {
			/* A quote inside a quoted field is doubled. */
			buf_put(b, run, (size_t)(s - run) + (*s == '"'));
			if (*s == '\0')
				break;
			run = s;
		}
	}
	buf_put(b, "\"", 1);
}

void csv_put_field(struct buf *b, const char *s)
{
	put_field(b, s, true);
}

static void put_row(struct buf *b, const char *const *fields, size_t n,
		    bool guard)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_put(b, ",", 1);
		put_field(b, fields[i], guard);
	}
	buf_put(b, "\n", 1);
}

void csv_put_row(struct buf *b, const char *const *fields, size_t n)
{
	put_row(b, fields, n, true);
}

void csv_put_data_row(struct buf *b, const char *const *fields, size_t n)
{
	put_row(b, fields, n, false);
}

static bool write_row(FILE *out, const char *const *fields, size_t n,
		      bool guard)
{
	struct buf b = {0};
	put_row(&b, fields, n, guard);
	bool ok = !b.oom && fwrite(b.data, 1, b.len, out) == b.len;
	buf_free(&b);
	return ok && !ferror(out);
}

bool csv_write_row(FILE *out, const char *const *fields, size_t n)
{
	return write_row(out, fields, n, true);
}

bool csv_write_data_row(FILE *out, const char *const *fields, size_t n)
{
	return write_row(out, fields, n, false);
}
