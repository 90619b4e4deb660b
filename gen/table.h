/*
 * Aligned text tables for a terminal: columns padded to the display
 * width of their widest cell (UTF-8 aware: "Żółć" is 4 columns, a
 * combining accent 0, a CJK ideograph 2).  For commands that print a
 * table on standard output (status, stats).
 */
#ifndef PARCOURS_TABLE_H
#define PARCOURS_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"

struct table;

/*
 * The format of a command that prints a table or CSV (status, stats):
 * the one given, or by default a table on a terminal and CSV elsewhere.
 * false after a usage diagnostic naming command for any other format.
 */
bool table_or_csv(const struct options *o, const char *command,
		  enum out_format *format);

/*
 * A table with ncols columns and these header cells (copied).  NULL when
 * out of memory.  Free with table_free().
 */
struct table *table_new(size_t ncols, const char *const *headers);
/* NULL is a no-op. */
void table_free(struct table *);

/* Appends a row of ncols cells (copied; NULL is empty); false on OOM. */
bool table_add_row(struct table *, const char *const *cells);
size_t table_rows(const struct table *);

/*
 * Cuts the last column's cells, ending them with "…", so that every line
 * fits in columns (display width).  0 leaves them whole.  The other
 * columns are never cut: they are short and carry the key facts.
 */
void table_fit(struct table *, size_t columns);

/*
 * Writes the header, a rule, then the rows, columns separated by two
 * spaces; the last column is not padded.  false on a write error.
 */
bool table_write(const struct table *, FILE *out);

/* Display width of a UTF-8 string in terminal columns. */
size_t table_width(const char *s);

#endif
