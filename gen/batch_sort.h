/*
 * status.csv's rows in cli.md's order (due, then dossier, then input
 * order), sorted in bounded memory however many there are: for the batch
 * (batch.c) and for `status --format csv` (cmd_status.c).
 */
#ifndef PARCOURS_BATCH_SORT_H
#define PARCOURS_BATCH_SORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "dossier.h"
#include "rules.h"

struct batch_sort;

/* What the rows are sorted on. */
struct batch_sort_key {
	date_t due;
	uint64_t seq; /* the order the rows came in */
	const char *dossier;
};

/* cli.md's order: due, then dossier id, then seq (< 0, 0, > 0).  Also
 * for status's table, which sorts its rows in memory. */
int batch_sort_key_cmp(const struct batch_sort_key *,
		       const struct batch_sort_key *);

/* NULL when out of memory; free with batch_sort_free(). */
struct batch_sort *batch_sort_new(void);
/*
 * Adds one CSV row (len bytes, "\n" included) with its sort key: due,
 * then dossier id, then seq (the order rows came in).  Rows beyond a
 * bound go to sorted runs in temporary files.  false on OOM or I/O
 * error (errno set).
 */
bool batch_sort_add(struct batch_sort *, date_t due, const char *dossier,
		    uint64_t seq, const void *row, size_t len);
/*
 * Adds the status rows of one dossier with its facts: the obligations
 * overdue or due within within_days of as_of (< 0: all), numbered from
 * *seq on.  false on OOM or I/O error.
 */
bool batch_sort_add_dossier(struct batch_sort *, const struct dossier *,
			    const struct rules_facts *, date_t as_of,
			    int within_days, uint64_t *seq);
/* Writes every row in order to out; false on error (errno set). */
bool batch_sort_write(struct batch_sort *, FILE *out);
/* NULL is a no-op. */
void batch_sort_free(struct batch_sort *);

#endif
