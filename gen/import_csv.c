/*
 * One CSV file of an export read with libcsv into an import_table: the
 * header matched against the kind's columns (and --map), each cell
 * checked, every problem reported at file:line:column.  The text is fed
 * to libcsv a physical line at a time, so that each record knows its
 * line.  For import.c.
 */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "grow.h"
#include "import_internal.h"

struct cell {
	char *s; /* malloc'd, freed with the record; NULL: too long */
	size_t len;
	long newlines; /* inside the cell */
};

struct reader {
	struct import_table *t;
	const struct import_kind_spec *k;
	const struct import_map *map;
	long line;     /* physical line being fed */
	long last_end; /* line where the last record ended */
	struct cell *cells;
	size_t ncells, cap;
	bool too_many; /* more fields than IMPORT_MAX_COLUMNS */
	bool header_done;
	bool stop;	/* the header is unusable: rows are skipped */
	char **headers; /* as the file writes them */
	int *colmap;	/* file column -> kind column, or -1 */
	size_t nheaders;
	bool oom;
};

void import_report(enum msg id, const char *text, const char *file, long line,
		   long col, ...)
{
	char where[1100];
	va_list ap;
	(void)text; /* msg_text(id), for the format check */
	if (col > 0)
		snprintf(where, sizeof(where), "%s:%ld:%ld", file, line, col);
	else
		snprintf(where, sizeof(where), "%s:%ld", file, line);
	va_start(ap, col);
	diag_vmsg(id, where, 0, ap);
	va_end(ap);
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (r->ncells >= IMPORT_MAX_COLUMNS) {
		r->too_many = true;
		r->ncells++;
		return;
	}
	if (!grow_array(&r->cells, &r->cap, r->ncells, 32, sizeof(*r->cells))) {
		r->oom = true;
		return;
	}
	struct cell *c = &r->cells[r->ncells++];
	c->len = len;
	c->newlines = 0;
	for (size_t i = 0; i < len; i++)
		if (((const char *)s)[i] == '\n')
			c->newlines++;
	c->s = NULL;
	if (len > IMPORT_MAX_FIELD_BYTES)
		return;
	/* Raw cells live until the record is checked: only the checked
	 * values stay, in the table's arena. */
	c->s = malloc(len + 1);
	if (c->s == NULL) {
		r->oom = true;
		return;
	}
	memcpy(c->s, s != NULL ? s : "", len);
	c->s[len] = '\0';
}

static void cells_reset(struct reader *r)
{
	for (size_t i = 0; i < r->ncells && i < r->cap; i++)
		free(r->cells[i].s);
	r->ncells = 0;
	r->too_many = false;
}

/* The first line of the record being ended. */
static long record_start(const struct reader *r)
{
	long nl = 0;
	for (size_t i = 0; i < r->ncells && i < r->cap; i++)
		nl += r->cells[i].newlines;
	return r->line - nl;
}

static long cell_line(const struct reader *r, size_t i)
{
	long line = record_start(r);
	for (size_t j = 0; j < i; j++)
		line += r->cells[j].newlines;
	return line;
}

/* The header: which kind column each file column is. */
static void header_row(struct reader *r)
{
	const char *file = r->t->name;
	long line = record_start(r);
	r->header_done = true;
	if (r->too_many) {
		import_error(MSG_IMPORT_TOO_MANY_COLUMNS, file, line,
			     IMPORT_MAX_COLUMNS + 1, r->ncells,
			     IMPORT_MAX_COLUMNS);
		r->stop = true;
		return;
	}
	r->nheaders = r->ncells;
	r->headers = arena_alloc(r->t->arena, r->ncells * sizeof(char *) + 1);
	r->colmap = arena_alloc(r->t->arena, r->ncells * sizeof(int) + 1);
	bool *seen = calloc(r->k->ncols + 1, sizeof(bool));
	r->t->colpos = arena_alloc(r->t->arena, r->k->ncols * sizeof(long));
	if (r->headers == NULL || r->colmap == NULL || seen == NULL ||
	    r->t->colpos == NULL) {
		free(seen);
		r->oom = true;
		return;
	}
	memset(r->t->colpos, 0, r->k->ncols * sizeof(long));
	for (size_t i = 0; i < r->ncells; i++) {
		char norm[128];
		const char *h = arena_strdup(
		    r->t->arena, r->cells[i].s != NULL ? r->cells[i].s : "");
		if (h == NULL) {
			r->oom = true;
			break;
		}
		r->headers[i] = (char *)h;
		import_normalize(h, norm, sizeof(norm));
		const char *target = norm;
		for (size_t m = 0; r->map != NULL && m < r->map->n; m++)
			if (strcmp(r->map->from[m], norm) == 0)
				target = r->map->to[m];
		int col = norm[0] == '\0'
			      ? -1
			      : import_column_find(r->t->kind, target);
		r->colmap[i] = col;
		if (col >= 0 && seen[col]) {
			import_error(MSG_IMPORT_COLUMN_SECOND_TIME, file, line,
				     (long)i + 1, h, r->k->cols[col].name);
			r->stop = true;
		} else if (col >= 0) {
			seen[col] = true;
			r->t->colpos[col] = (long)i + 1;
		} else if (norm[0] != '\0') {
			import_warning(MSG_IMPORT_COLUMN_NOT_USED_SEE, file,
				       line, (long)i + 1, h);
		}
	}
	for (size_t c = 0; c < r->k->ncols; c++)
		if (r->k->cols[c].required && !seen[c]) {
			import_error(MSG_IMPORT_NO_COLUMN_FILE_NEEDS, file,
				     line, 0, r->k->cols[c].name, r->k->name);
			r->stop = true;
		}
	free(seen);
}

static bool blank_record(const struct reader *r)
{
	for (size_t i = 0; i < r->ncells && i < r->cap; i++)
		if (r->cells[i].s == NULL ||
		    r->cells[i].s[strspn(r->cells[i].s, " \t\r\n")] != '\0')
			return false;
	return true;
}

static struct import_row *new_row(struct reader *r, long line)
{
	struct import_table *t = r->t;
	if (!grow_array(&t->rows, &t->cap, t->nrows, 64, sizeof(*t->rows))) {
		r->oom = true;
		return NULL;
	}
	struct import_row *row = &t->rows[t->nrows];
	*row = (struct import_row){.line = line};
	row->v = arena_alloc(t->arena, r->k->ncols * sizeof(char *));
	if (row->v == NULL) {
		r->oom = true;
		return NULL;
	}
	memset(row->v, 0, r->k->ncols * sizeof(char *));
	t->nrows++;
	return row;
}

/* A row past the header: each cell checked into a new import_row. */
static void data_row(struct reader *r, bool broken)
{
	const char *file = r->t->name;
	long line = record_start(r);
	if (!broken && blank_record(r))
		return;
	struct import_row *row = new_row(r, line);
	if (row == NULL)
		return;
	row->bad = broken;
	if (!broken && r->ncells != r->nheaders) {
		import_error(MSG_IMPORT_FIELDS_WHERE_HEADER, file, line,
			     (long)(r->ncells > r->nheaders ? r->nheaders + 1
							    : r->ncells),
			     r->ncells, r->nheaders);
		row->bad = true;
	}
	size_t n = r->ncells < r->nheaders ? r->ncells : r->nheaders;
	if (n > r->cap)
		n = r->cap;
	for (size_t i = 0; i < n; i++) {
		int col = r->colmap[i];
		if (col < 0)
			continue;
		const struct import_col *c = &r->k->cols[col];
		long cl = cell_line(r, i);
		if (r->cells[i].s == NULL) {
			import_error(MSG_IMPORT_CELL_TOO_LARGE, file, cl,
				     (long)i + 1, r->headers[i],
				     r->cells[i].len, IMPORT_MAX_FIELD_BYTES);
			row->bad = true;
			continue;
		}
		bool bad = false;
		row->v[col] = import_value_check(r->t->arena, c, r->headers[i],
						 r->cells[i].s, file, cl,
						 (long)i + 1, &bad);
		row->bad = row->bad || bad;
		if (c->required && row->v[col] == NULL && !bad && !broken) {
			import_error(MSG_IMPORT_EMPTY, file, cl, (long)i + 1,
				     r->headers[i]);
			row->bad = true;
		}
	}
}

static void on_record(int c, void *data)
{
	(void)c;
	struct reader *r = data;
	if (r->oom) {
		cells_reset(r);
		return;
	}
	if (!r->header_done)
		header_row(r);
	else if (!r->stop)
		data_row(r, false);
	r->last_end = r->line;
	cells_reset(r);
}

/* After a parse error, reported: the cells so far become a broken row,
 * so that the join can still refuse the employee whose row it was. */
static void broken_record(struct reader *r)
{
	r->last_end = r->line;
	if (r->header_done && !r->stop)
		data_row(r, true);
	else if (!r->header_done)
		r->stop = true, r->header_done = true;
	cells_reset(r);
}

static bool parser_init(struct csv_parser *p, char sep)
{
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return false;
	csv_set_delim(p, (unsigned char)sep);
	/* libcsv grows a field's buffer by this much at a time (128 bytes
	 * by default): a 10 MB cell would be 80 000 reallocs. */
	csv_set_blk_size(p, 64 * 1024);
	return true;
}

static void free_reader(struct reader *r)
{
	cells_reset(r);
	free(r->cells);
}

bool import_csv_read(struct import_table *t, const char *data, size_t len,
		     const struct import_map *map)
{
	struct reader r = {
	    .t = t, .k = &import_kinds[t->kind], .map = map, .line = 1};
	struct csv_parser p;
	char sep = import_text_separator(data, len);
	if (!parser_init(&p, sep)) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	size_t off = 0;
	while (off < len && !r.oom) {
		const char *nl = memchr(data + off, '\n', len - off);
		size_t n =
		    nl != NULL ? (size_t)(nl - (data + off)) + 1 : len - off;
		size_t done =
		    csv_parse(&p, data + off, n, on_field, on_record, &r);
		if (done < n && csv_error(&p) == CSV_EPARSE) {
			import_error(MSG_IMPORT_CSV_STRAY_QUOTE, t->name,
				     r.line, (long)r.ncells + 1);
			broken_record(&r);
			csv_free(&p);
			if (!parser_init(&p, sep)) {
				r.oom = true;
				break;
			}
		} else if (done < n) {
			r.oom = true;
			break;
		}
		off += n;
		if (nl != NULL)
			r.line++;
	}
	if (!r.oom && csv_fini(&p, on_field, on_record, &r) != 0) {
		if (csv_error(&p) == CSV_EPARSE) {
			import_error(MSG_IMPORT_CSV_UNCLOSED_QUOTE, t->name,
				     r.last_end + 1, (long)r.ncells + 1);
			broken_record(&r);
		} else
			r.oom = true;
	}
	csv_free(&p);
	if (!r.header_done && !r.oom) {
		import_error(MSG_IMPORT_FILE_EMPTY_NO_HEADER, t->name, 1, 0);
		r.stop = true;
	}
	free_reader(&r);
	if (r.oom) {
		diag(MSG_OUT_OF_MEMORY, t->name, 0);
		return false;
	}
	t->bad = r.stop;
	return true;
}
