/*
 * Aligned terminal tables (see table.h).  Display widths follow the
 * usual wcwidth() rules for the characters that occur in names and
 * French text, without depending on the locale.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "grow.h"
#include "table.h"
#include "utf8.h"

/* Longest rule drawn under the last (unpadded) column. */
#define TABLE_LAST_RULE 40

struct table {
	size_t ncols;
	size_t max_last;   /* display width allowed to the last column, 0 */
	size_t nrows, cap; /* rows, the header included */
	char **cells;	   /* nrows * ncols strings */
	size_t *widths;	   /* widest cell of each column */
};

/* Zero-width code points: combining marks and invisible formatting. */
static bool zero_width(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) ||
	       (cp >= 0x0483 && cp <= 0x0489) ||
	       (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) ||
	       (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0xFEFF;
}

/* East Asian wide and fullwidth code points: two columns. */
static bool wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) ||
	       (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	       (cp >= 0x1F300 && cp <= 0x1F64F) ||
	       (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* Columns a terminal gives cp: 0, 1 or 2. */
static size_t char_width(uint32_t cp)
{
	if (cp < 0x20 || zero_width(cp))
		return 0;
	return wide(cp) ? 2 : 1;
}

size_t table_width(const char *s)
{
	size_t width = 0, left = strlen(s);
	while (left > 0) {
		uint32_t cp;
		/* A byte that is not UTF-8 takes one column (U+FFFD), as
		 * terminals show it. */
		size_t len = utf8_decode(s, left, &cp);
		s += len;
		left -= len;
		width += char_width(cp);
	}
	return width;
}

struct table *table_new(size_t ncols, const char *const *headers)
{
	struct table *t = calloc(1, sizeof(*t));
	if (t == NULL)
		return NULL;
	t->ncols = ncols;
	t->widths = calloc(ncols, sizeof(*t->widths));
	if (t->widths == NULL || !table_add_row(t, headers)) {
		table_free(t);
		return NULL;
	}
	return t;
}

void table_free(struct table *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->widths);
	free(t);
}

bool table_add_row(struct table *t, const char *const *cells)
{
	/* A row is ncols cells. */
	if (!grow_array(&t->cells, &t->cap, t->nrows, 16,
			t->ncols * sizeof(*t->cells)))
		return false;
	char **row = t->cells + t->nrows * t->ncols;
	for (size_t c = 0; c < t->ncols; c++) {
		row[c] = strdup(cells[c] != NULL ? cells[c] : "");
		if (row[c] == NULL) {
			while (c-- > 0)
				free(row[c]);
			return false;
		}
		size_t w = table_width(row[c]);
		if (w > t->widths[c])
			t->widths[c] = w;
	}
	t->nrows++;
	return true;
}

size_t table_rows(const struct table *t)
{
	return t->nrows - 1;
}

/* Bytes of s that fit in width columns, whole characters only. */
static size_t fit_bytes(const char *s, size_t width)
{
	size_t len = 0, used = 0, left = strlen(s);
	while (len < left) {
		uint32_t cp;
		size_t n = utf8_decode(s + len, left - len, &cp);
		size_t w = char_width(cp);
		if (used + w > width)
			break;
		used += w;
		len += n;
	}
	return len;
}

void table_fit(struct table *t, size_t columns)
{
	size_t before = 0;
	for (size_t c = 0; c + 1 < t->ncols; c++)
		before += t->widths[c] + 2;
	/* Never below a few columns, even on a narrow terminal. */
	t->max_last = columns == 0	      ? 0
		      : columns > before + 10 ? columns - before
					      : 10;
}

/* The last cell, cut to max_last with an ellipsis if it is longer. */
static void put_last(const struct table *t, const char *s, FILE *out)
{
	if (t->max_last == 0 || table_width(s) <= t->max_last) {
		fputs(s, out);
		return;
	}
	fwrite(s, 1, fit_bytes(s, t->max_last - 1), out);
	fputs("…", out);
}

static void write_row(const struct table *t, char *const *row, FILE *out)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c + 1 == t->ncols) {
			put_last(t, row[c], out);
			break;
		}
		fputs(row[c], out);
		for (size_t w = table_width(row[c]); w < t->widths[c] + 2; w++)
			fputc(' ', out);
	}
	fputc('\n', out);
}

bool table_write(const struct table *t, FILE *out)
{
	write_row(t, t->cells, out);
	for (size_t c = 0; c < t->ncols; c++) {
		size_t width = t->widths[c];
		/* The last column is ragged: its rule only marks where it
		 * starts, it need not reach the longest cell. */
		if (c + 1 == t->ncols && width > TABLE_LAST_RULE)
			width = TABLE_LAST_RULE;
		if (c + 1 == t->ncols && t->max_last != 0 &&
		    width > t->max_last)
			width = t->max_last;
		for (size_t w = 0; w < width; w++)
			fputc('-', out);
		fputs(c + 1 < t->ncols ? "  " : "\n", out);
	}
	for (size_t r = 1; r < t->nrows; r++)
		write_row(t, t->cells + r * t->ncols, out);
	return !ferror(out);
}

bool table_or_csv(const struct options *o, const char *command,
		  enum out_format *format)
{
	*format = o->format;
	if (*format == FORMAT_DEFAULT)
		*format = isatty(STDOUT_FILENO) ? FORMAT_TABLE : FORMAT_CSV;
	if (*format == FORMAT_CSV || *format == FORMAT_TABLE)
		return true;
	diag(MSG_FORMAT_MUST_CSV_TABLE, NULL, 0, command);
	return false;
}
