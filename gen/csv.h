/*
 * CSV output as cli.md fixes it: RFC 4180, UTF-8 without BOM, comma
 * separator, "\n" line ends, and a "'" before a field starting with
 * = + - or @ so that a spreadsheet never runs it as a formula.  For the
 * commands that write CSV (status, recap, stats), and, without the
 * formula guard, for all's manifest: machine data, read back by verify,
 * that must round-trip exactly (an id may start with "-").
 */
#ifndef PARCOURS_CSV_H
#define PARCOURS_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* Appends one field; NULL is the empty field. */
void csv_put_field(struct buf *, const char *s);
/* Appends n fields separated by commas, then "\n". */
void csv_put_row(struct buf *, const char *const *fields, size_t n);
/* Writes one row to out; false if the stream reports an error. */
bool csv_write_row(FILE *out, const char *const *fields, size_t n);

/* As csv_put_row() and csv_write_row(), without the formula guard: for
 * data that no spreadsheet is meant to open (manifest.csv). */
void csv_put_data_row(struct buf *, const char *const *fields, size_t n);
bool csv_write_data_row(FILE *out, const char *const *fields, size_t n);

#endif
