/*
 * --map FILE of `parcours import`: renames an HRIS's headers to the
 * columns of doc/import.md, one "their header,our column" row per line
 * (libcsv; UTF-8 or Windows-1252, "," or ";").  For cmd_import.c and
 * import_csv.c.
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "grow.h"
#include "import_internal.h"

struct map_reader {
	struct import_map *m;
	const char *name;
	char *cells[2];
	size_t ncells;
	long line;
	bool bad, oom;
};

static void map_field(void *s, size_t len, void *data)
{
	struct map_reader *r = data;
	if (r->ncells < 2) {
		char *c = malloc(len + 1);
		if (c == NULL) {
			r->oom = true;
			return;
		}
		memcpy(c, s != NULL ? s : "", len);
		c[len] = '\0';
		r->cells[r->ncells] = c;
	}
	r->ncells++;
}

static bool map_add(struct import_map *m, const char *from, const char *to)
{
	if (!grow_to(&m->from, m->n + 1, sizeof(*m->from)) ||
	    !grow_to(&m->to, m->n + 1, sizeof(*m->to)))
		return false;
	char a[128], b[128];
	import_normalize(from, a, sizeof(a));
	import_normalize(to, b, sizeof(b));
	m->from[m->n] = strdup(a);
	m->to[m->n] = strdup(b);
	m->n++;
	return m->from[m->n - 1] != NULL && m->to[m->n - 1] != NULL;
}

/* Whether a normalised name is a column of some file of doc/import.md. */
static bool known_column(const char *to)
{
	char norm[128];
	import_normalize(to, norm, sizeof(norm));
	for (int k = 0; k < IMPORT_NKINDS; k++)
		if (import_column_find((enum import_kind)k, norm) >= 0)
			return true;
	return false;
}

static void map_record(int c, void *data)
{
	(void)c;
	struct map_reader *r = data;
	if (r->ncells != 2) {
		import_error(MSG_IMPORT_MAP_ROW_FIELDS, r->name, r->line, 0,
			     r->ncells);
		r->bad = true;
	} else if (r->line > 1 || (strcmp(r->cells[0], "from") != 0)) {
		if (!known_column(r->cells[1])) {
			import_error(MSG_IMPORT_NO_COLUMN_DOC_MD, r->name,
				     r->line, 2, r->cells[1]);
			r->bad = true;
		} else if (!map_add(r->m, r->cells[0], r->cells[1])) {
			r->oom = true;
		}
	}
	for (size_t i = 0; i < 2 && i < r->ncells; i++)
		free(r->cells[i]);
	r->ncells = 0;
}

struct import_map *import_map_read(const char *name, const char *data,
				   size_t len)
{
	struct import_map *m = calloc(1, sizeof(*m));
	struct csv_parser p;
	size_t tlen;
	char *text = import_text_utf8(name, data, len, &tlen);
	if (m == NULL || text == NULL ||
	    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		free(text);
		import_map_free(m);
		return NULL;
	}
	csv_set_delim(&p, (unsigned char)import_text_separator(text, tlen));
	struct map_reader r = {.m = m, .name = name, .line = 1};
	for (size_t off = 0; off < tlen && !r.bad && !r.oom;) {
		const char *nl = memchr(text + off, '\n', tlen - off);
		size_t n =
		    nl != NULL ? (size_t)(nl - text - off) + 1 : tlen - off;
		if (csv_parse(&p, text + off, n, map_field, map_record, &r) <
		    n) {
			import_error(MSG_IMPORT_MAP_CSV, name, r.line, 0,
				     csv_strerror(csv_error(&p)));
			r.bad = true;
		}
		off += n;
		r.line += nl != NULL;
	}
	if (!r.bad && !r.oom && csv_fini(&p, map_field, map_record, &r) != 0) {
		import_error(MSG_IMPORT_MAP_CSV, name, r.line, 0,
			     csv_strerror(csv_error(&p)));
		r.bad = true;
	}
	for (size_t i = 0; i < 2 && i < r.ncells; i++)
		free(r.cells[i]);
	csv_free(&p);
	free(text);
	if (r.oom)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	if (r.bad || r.oom) {
		import_map_free(m);
		return NULL;
	}
	return m;
}

void import_map_free(struct import_map *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->from[i]);
		free(m->to[i]);
	}
	free(m->from);
	free(m->to);
	free(m);
}
