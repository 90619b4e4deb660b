/*
 * status.csv's rows in cli.md's order (due, then dossier) for a batch of
 * any size (see batch_sort.h): rows gather in memory up to a bound,
 * then go sorted to a run in an anonymous temporary file; writing merges
 * the runs.  Memory stays at the bound however many rows there are.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "batch_sort.h"
#include "buf.h"
#include "names.h"
#include "report_csv.h"

/* Bytes of rows held before they are sorted out to a run. */
/*
 * Bytes of rows held before they are sorted out to a run: 1 MiB, so that
 * even the 2 GiB input limit makes a few hundred runs (each an open
 * temporary file while merging), while the memory stays near flat.
 */
#define SORT_MEMORY (1u << 20)

struct row {
	struct batch_sort_key key;
	const char *text; /* the CSV row, "\n" included */
	uint32_t len;
};

struct batch_sort {
	struct arena *arena; /* the held rows' strings */
	size_t held_bytes;
	struct row *rows;
	size_t n, cap;
	FILE **runs;
	size_t nruns;
};

struct batch_sort *batch_sort_new(void)
{
	struct batch_sort *s = calloc(1, sizeof(*s));
	if (s == NULL || (s->arena = arena_new()) == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

void batch_sort_free(struct batch_sort *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nruns; i++)
		fclose(s->runs[i]);
	free(s->runs);
	free(s->rows);
	arena_free(s->arena);
	free(s);
}

int batch_sort_key_cmp(const struct batch_sort_key *a,
		       const struct batch_sort_key *b)
{
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	int c = strcmp(a->dossier, b->dossier);
	if (c != 0)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int row_cmp(const struct row *a, const struct row *b)
{
	return batch_sort_key_cmp(&a->key, &b->key);
}

static int row_qsort_cmp(const void *a, const void *b)
{
	return row_cmp(a, b);
}

/* A run record: due, seq, the two lengths, then the strings, no NULs. */
static bool put_row(FILE *f, const struct row *r)
{
	uint32_t idlen = (uint32_t)strlen(r->key.dossier);
	return fwrite(&r->key.due, sizeof(r->key.due), 1, f) == 1 &&
	       fwrite(&r->key.seq, sizeof(r->key.seq), 1, f) == 1 &&
	       fwrite(&idlen, sizeof(idlen), 1, f) == 1 &&
	       fwrite(&r->len, sizeof(r->len), 1, f) == 1 &&
	       fwrite(r->key.dossier, 1, idlen, f) == idlen &&
	       fwrite(r->text, 1, r->len, f) == r->len;
}

/* The rows held, sorted, to a new run; the memory is reused. */
static bool spill(struct batch_sort *s)
{
	FILE **runs = realloc(s->runs, (s->nruns + 1) * sizeof(*runs));
	if (runs == NULL)
		return false;
	s->runs = runs;
	FILE *f = tmpfile();
	if (f == NULL)
		return false;
	s->runs[s->nruns++] = f;
	qsort(s->rows, s->n, sizeof(*s->rows), row_qsort_cmp);
	for (size_t i = 0; i < s->n; i++)
		if (!put_row(f, &s->rows[i]))
			return false;
	if (fflush(f) != 0)
		return false;
	rewind(f);
	arena_free(s->arena);
	s->arena = arena_new();
	s->n = 0;
	s->held_bytes = 0;
	return s->arena != NULL;
}

bool batch_sort_add(struct batch_sort *s, date_t due, const char *dossier,
		    uint64_t seq, const void *row, size_t len)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 256;
		struct row *p = realloc(s->rows, cap * sizeof(*p));
		if (p == NULL)
			return false;
		s->rows = p;
		s->cap = cap;
	}
	struct row r = {{due, seq, arena_strdup(s->arena, dossier)},
			arena_strndup(s->arena, row, len),
			(uint32_t)len};
	if (r.key.dossier == NULL || r.text == NULL) {
		errno = ENOMEM;
		return false;
	}
	s->rows[s->n++] = r;
	s->held_bytes += len + strlen(dossier) + sizeof(r);
	return s->held_bytes < SORT_MEMORY || spill(s);
}

bool batch_sort_add_dossier(struct batch_sort *s, const struct dossier *d,
			    const struct rules_facts *f, date_t as_of,
			    int within_days, uint64_t *seq)
{
	char *employee = NULL;
	struct buf row = {0};
	bool ok = true;
	for (size_t i = 0; ok && i < f->nobligations; i++) {
		const struct rules_obligation *ob = &f->obligations[i];
		if (!report_csv_status_wanted(ob, as_of, within_days))
			continue;
		if (employee == NULL &&
		    (employee = names_family_first(&d->employee)) == NULL) {
			ok = false;
			break;
		}
		struct report_csv_status rs = {d->id,	 employee,  ob->kind,
					       ob->due,	 ob->state, ob->regime,
					       ob->basis};
		buf_reset(&row);
		report_csv_status_row(&row, &rs);
		ok = !row.oom && batch_sort_add(s, ob->due, d->id, (*seq)++,
						row.data, row.len);
	}
	free(employee);
	buf_free(&row);
	return ok;
}

/* The head of one run while merging; strings owned here. */
struct cursor {
	struct row row;
	char *dossier, *text;
	size_t dossier_cap, text_cap;
	bool live;
};

static bool grow(char **p, size_t *cap, size_t need)
{
	if (need <= *cap)
		return true;
	char *q = realloc(*p, need);
	if (q == NULL)
		return false;
	*p = q;
	*cap = need;
	return true;
}

/* Reads the next record of f into c; false on error (c->live false at
 * the end is not an error). */
static bool next_row(FILE *f, struct cursor *c)
{
	uint32_t idlen, len;
	c->live = false;
	if (fread(&c->row.key.due, sizeof(c->row.key.due), 1, f) != 1)
		return !ferror(f);
	if (fread(&c->row.key.seq, sizeof(c->row.key.seq), 1, f) != 1 ||
	    fread(&idlen, sizeof(idlen), 1, f) != 1 ||
	    fread(&len, sizeof(len), 1, f) != 1 ||
	    !grow(&c->dossier, &c->dossier_cap, (size_t)idlen + 1) ||
	    !grow(&c->text, &c->text_cap, len) ||
	    fread(c->dossier, 1, idlen, f) != idlen ||
	    fread(c->text, 1, len, f) != len) {
		if (errno == 0)
			errno = EIO;
		return false;
	}
	c->dossier[idlen] = '\0';
	c->row.key.dossier = c->dossier;
	c->row.text = c->text;
	c->row.len = len;
	c->live = true;
	return true;
}

/* A k-way merge of the runs; a linear scan for the least head is
 * plenty for the few runs even a large campaign makes. */
static bool merge(struct batch_sort *s, FILE *out)
{
	struct cursor *c = calloc(s->nruns, sizeof(*c));
	bool ok = c != NULL;
	for (size_t i = 0; ok && i < s->nruns; i++)
		ok = next_row(s->runs[i], &c[i]);
	while (ok) {
		struct cursor *least = NULL;
		for (size_t i = 0; i < s->nruns; i++)
			if (c[i].live && (least == NULL ||
					  row_cmp(&c[i].row, &least->row) < 0))
				least = &c[i];
		if (least == NULL)
			break;
		ok = fwrite(least->text, 1, least->row.len, out) ==
			 least->row.len &&
		     next_row(s->runs[least - c], least);
	}
	for (size_t i = 0; c != NULL && i < s->nruns; i++) {
		free(c[i].dossier);
		free(c[i].text);
	}
	free(c);
	return ok;
}

bool batch_sort_write(struct batch_sort *s, FILE *out)
{
	errno = 0;
	if (s->nruns == 0) {
		/* No rows is a NULL array, which qsort must not see. */
		if (s->n > 1)
			qsort(s->rows, s->n, sizeof(*s->rows), row_qsort_cmp);
		for (size_t i = 0; i < s->n; i++)
			if (fwrite(s->rows[i].text, 1, s->rows[i].len, out) !=
			    s->rows[i].len)
				return false;
		return true;
	}
	return (s->n == 0 || spill(s)) && merge(s, out);
}
