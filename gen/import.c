/*
 * The CSV importer (import.h): reads each file of the export, joins the
 * record files to employees.csv on the employee id, gathers companies,
 * and writes one document per company.  An employee with a problem in
 * any of its rows is left out, and said so; the others go on.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "grow.h"
#include "import_internal.h"

struct run {
	struct import_table *tables[IMPORT_NKINDS];
	struct import_company *companies;
	size_t ncompanies;
	struct import_employee *emps; /* one per row of employees.csv */
	size_t nemps;
	size_t *by_id;	       /* emps sorted by id */
	bool company_reported; /* "no column company_id", said once */
	bool oom;
};

static const char *emp_id(const struct import_employee *e)
{
	return e->row->v[IC_EMPLOYEE_ID];
}

/* ---- companies ---------------------------------------------------- */

static struct import_company *company_find(struct run *r, const char *id)
{
	for (size_t i = 0; i < r->ncompanies; i++)
		if (strcmp(r->companies[i].id, id) == 0)
			return &r->companies[i];
	return NULL;
}

/*
 * Adds what row says of its company; a value that contradicts another
 * row's is an error of this row.  Returns the company's index, or
 * (size_t)-1.
 */
static size_t company_merge(struct run *r, const struct import_table *t,
			    struct import_row *row)
{
	const char *id = row->v[IC_COMPANY_ID];
	if (id == NULL)
		return (size_t)-1;
	struct import_company *c = company_find(r, id);
	if (c == NULL) {
		char **v = calloc(IC_COMPANY_NCOLS, sizeof(char *));
		if (v == NULL || !grow_to(&r->companies, r->ncompanies + 1,
					  sizeof(*r->companies))) {
			free(v);
			r->oom = true;
			return (size_t)-1;
		}
		c = &r->companies[r->ncompanies++];
		*c = (struct import_company){
		    .id = id, .row = row, .file = t->name, .v = v};
	}
	const struct import_col *cols = import_kinds[t->kind].cols;
	for (size_t k = IC_COMPANY_ID + 1; k < IC_COMPANY_NCOLS; k++) {
		const char *val = row->v[k];
		if (val == NULL)
			continue;
		if (c->v[k] == NULL) {
			c->v[k] = (char *)val;
		} else if (strcmp(c->v[k], val) != 0) {
			import_error(MSG_IMPORT_COMPANY_DIFFERS_WHAT_SAYS,
				     t->name, row->line, t->colpos[k],
				     cols[k].name, id, c->file, c->row->line);
			row->bad = true;
		}
	}
	return (size_t)(c - r->companies);
}

/* A company must say what dossier.md requires of it. */
static void company_check(struct import_company *c)
{
	static const int required[] = {
	    IC_COMPANY_NAME,	 IC_COMPANY_HEADCOUNT, IC_COMPANY_LINE1,
	    IC_COMPANY_POSTCODE, IC_COMPANY_CITY,      IC_SIGNATORY_NAME,
	    IC_SIGNATORY_TITLE,
	};
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (c->v[required[i]] == NULL) {
			import_error(MSG_IMPORT_COMPANY_NO_GIVE_COMPANIES,
				     c->file, c->row->line, 0, c->id,
				     import_kinds[IMPORT_COMPANIES]
					 .cols[required[i]]
					 .name);
			c->bad = true;
		}
}

/* ---- employees ---------------------------------------------------- */

static struct run *sort_run; /* qsort has no context argument */

static int by_id_cmp(const void *a, const void *b)
{
	const struct import_employee *x = &sort_run->emps[*(const size_t *)a];
	const struct import_employee *y = &sort_run->emps[*(const size_t *)b];
	int c = strcmp(emp_id(x), emp_id(y));
	if (c != 0)
		return c;
	return x->row->line < y->row->line ? -1 : x->row->line > y->row->line;
}

/* Whether both or neither of a pair of cells are given. */
static void need_together(const struct import_table *t, struct import_row *row,
			  int a, int b, const char *what)
{
	if ((row->v[a] == NULL) == (row->v[b] == NULL))
		return;
	const struct import_col *cols = import_kinds[t->kind].cols;
	int missing = row->v[a] == NULL ? a : b;
	import_error(MSG_IMPORT_EMPTY_NEEDS_BOTH, t->name, row->line,
		     t->colpos[missing], cols[missing].name, what, cols[a].name,
		     cols[b].name);
	row->bad = true;
}

static void employee_checks(const struct import_table *t,
			    struct import_row *row)
{
	need_together(t, row, IC_NOTICE_DELIVERED, IC_NOTICE_METHOD,
		      "the hiring notice");
	bool any = row->v[IC_LINE1] || row->v[IC_LINE2] || row->v[IC_LINE3] ||
		   row->v[IC_POSTCODE] || row->v[IC_CITY];
	if (any) {
		need_together(t, row, IC_LINE1, IC_POSTCODE, "an address");
		need_together(t, row, IC_LINE1, IC_CITY, "an address");
	}
}

/*
 * The company of an employee's row: its company_id cell; without that
 * column, the one company of the companies file.  (size_t)-1 after an
 * error.
 */
static size_t employee_company(struct run *r, struct import_table *t,
			       struct import_row *row)
{
	if (t->colpos[IC_COMPANY_ID] == 0) {
		if (r->ncompanies == 1)
			return 0;
		if (!r->company_reported)
			import_error(MSG_IMPORT_NO_COLUMN_COMPANY_ID, t->name,
				     1, 0, r->ncompanies);
		r->company_reported = true;
		return (size_t)-1;
	}
	if (row->v[IC_COMPANY_ID] == NULL) {
		/* A bad id was reported when read. */
		if (!row->bad)
			import_error(MSG_IMPORT_COMPANY_ID_EMPTY, t->name,
				     row->line, t->colpos[IC_COMPANY_ID]);
		return (size_t)-1;
	}
	return company_merge(r, t, row);
}

static bool employees_index(struct run *r)
{
	struct import_table *t = r->tables[IMPORT_EMPLOYEES];
	r->emps = calloc(t->nrows + 1, sizeof(*r->emps));
	r->by_id = calloc(t->nrows + 1, sizeof(size_t));
	if (r->emps == NULL || r->by_id == NULL)
		return false;
	for (size_t i = 0; i < t->nrows; i++) {
		struct import_row *row = &t->rows[i];
		if (row->v[IC_EMPLOYEE_ID] == NULL)
			continue; /* reported when read */
		employee_checks(t, row);
		struct import_employee *e = &r->emps[r->nemps];
		*e = (struct import_employee){.row = row, .bad = row->bad};
		e->company = employee_company(r, t, row);
		e->bad = e->bad || row->bad || e->company == (size_t)-1;
		r->by_id[r->nemps] = r->nemps;
		r->nemps++;
	}
	sort_run = r;
	qsort(r->by_id, r->nemps, sizeof(size_t), by_id_cmp);
	/* A matricule twice: neither row can be trusted to be the one. */
	for (size_t i = 1; i < r->nemps; i++) {
		struct import_employee *a = &r->emps[r->by_id[i - 1]];
		struct import_employee *b = &r->emps[r->by_id[i]];
		if (strcmp(emp_id(a), emp_id(b)) != 0)
			continue;
		import_error(MSG_IMPORT_EMPLOYEE_ID_ALSO_LINE, t->name,
			     b->row->line, t->colpos[IC_EMPLOYEE_ID], emp_id(b),
			     a->row->line);
		a->bad = b->bad = true;
	}
	return !r->oom;
}

static struct import_employee *employee_find(struct run *r, const char *id)
{
	size_t lo = 0, hi = r->nemps;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(emp_id(&r->emps[r->by_id[mid]]), id);
		if (c == 0)
			return &r->emps[r->by_id[mid]];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- records ------------------------------------------------------ */

static bool employee_add(struct import_employee *e, enum import_kind k,
			 size_t row)
{
	size_t n = e->nrows[k];
	/* Powers of two: grow when n is one (its capacity). */
	size_t cap = n;
	if ((n & (n - 1)) == 0 && (!grow_cap(cap, 1, sizeof(size_t), &cap) ||
				   !grow_to(&e->rows[k], cap, sizeof(size_t))))
		return false;
	e->rows[k][e->nrows[k]++] = row;
	return true;
}

/*
 * A second row of e with the same value in column 1: the id of a
 * convocation or an interview, the period of an abondement payment.
 */
static void unique_ids(struct run *r, struct import_employee *e,
		       enum import_kind k)
{
	struct import_table *t = r->tables[k];
	for (size_t i = 1; i < e->nrows[k]; i++) {
		struct import_row *b = &t->rows[e->rows[k][i]];
		for (size_t j = 0; j < i; j++) {
			struct import_row *a = &t->rows[e->rows[k][j]];
			if (strcmp(a->v[1], b->v[1]) != 0)
				continue;
			import_error(MSG_IMPORT_EMPLOYEE_ALSO_LINE, t->name,
				     b->line, t->colpos[1],
				     import_kinds[k].cols[1].name, b->v[1],
				     emp_id(e), a->line);
			e->bad = true;
			break;
		}
	}
}

/* An action names an interview of its employee in interviews.csv. */
static void action_check(struct run *r, struct import_employee *e,
			 struct import_row *row)
{
	struct import_table *iv = r->tables[IMPORT_INTERVIEWS];
	struct import_table *t = r->tables[IMPORT_ACTIONS];
	for (size_t i = 0; iv != NULL && i < e->nrows[IMPORT_INTERVIEWS]; i++)
		if (strcmp(iv->rows[e->rows[IMPORT_INTERVIEWS][i]]
			       .v[IC_RECORD_INTERVIEW],
			   row->v[IC_RECORD_INTERVIEW]) == 0)
			return;
	import_error(MSG_IMPORT_INTERVIEW_ID_NO_INTERVIEW, t->name, row->line,
		     t->colpos[IC_RECORD_INTERVIEW],
		     row->v[IC_RECORD_INTERVIEW], emp_id(e));
	row->bad = true;
	e->bad = true;
}

static bool records_join(struct run *r, enum import_kind k)
{
	struct import_table *t = r->tables[k];
	const char *employees = r->tables[IMPORT_EMPLOYEES]->name;
	for (size_t i = 0; t != NULL && i < t->nrows; i++) {
		struct import_row *row = &t->rows[i];
		const char *id = row->v[IC_RECORD_EMPLOYEE];
		if (id == NULL)
			continue; /* reported when read */
		struct import_employee *e = employee_find(r, id);
		if (e == NULL) {
			import_error(MSG_IMPORT_EMPLOYEE_ID_NOT, t->name,
				     row->line, t->colpos[IC_RECORD_EMPLOYEE],
				     id, employees);
			continue;
		}
		if (row->bad) {
			e->bad = true;
			continue;
		}
		if (k == IMPORT_ACTIONS)
			action_check(r, e, row);
		if (!employee_add(e, k, i))
			return false;
	}
	return true;
}

/* ---- the run ------------------------------------------------------ */

static void run_free(struct run *r)
{
	for (int k = 0; k < IMPORT_NKINDS; k++) {
		struct import_table *t = r->tables[k];
		if (t != NULL) {
			free(t->rows);
			arena_free(t->arena);
			free(t);
		}
	}
	for (size_t i = 0; i < r->nemps; i++)
		for (int k = 0; k < IMPORT_NKINDS; k++)
			free(r->emps[i].rows[k]);
	for (size_t i = 0; i < r->ncompanies; i++)
		free(r->companies[i].v);
	free(r->companies);
	free(r->emps);
	free(r->by_id);
}

/* Reads files into r->tables; false if nothing can be done. */
static bool read_files(struct run *r, const struct import_file *files, size_t n,
		       const struct import_map *map)
{
	for (size_t i = 0; i < n; i++) {
		enum import_kind k = import_kind_of(files[i].name);
		if (k == IMPORT_NKINDS) {
			import_error(MSG_IMPORT_CANNOT_TELL_WHAT_FILE,
				     files[i].name, 0, 0);
			continue;
		}
		if (r->tables[k] != NULL) {
			import_error(MSG_IMPORT_SECOND_FILE_FIRST,
				     files[i].name, 0, 0, import_kinds[k].name,
				     r->tables[k]->name);
			continue;
		}
		if (files[i].len > IMPORT_MAX_FILE_BYTES) {
			import_error(MSG_IMPORT_FILE_TOO_LARGE, files[i].name,
				     0, 0, files[i].len, IMPORT_MAX_FILE_BYTES);
			continue;
		}
		size_t len;
		char *text = import_text_utf8(files[i].name, files[i].data,
					      files[i].len, &len);
		if (text == NULL)
			continue;
		struct import_table *t = calloc(1, sizeof(*t));
		if (t == NULL || (t->arena = arena_new()) == NULL) {
			free(t);
			free(text);
			return false;
		}
		t->name = files[i].name;
		t->kind = k;
		r->tables[k] = t;
		bool ok = import_csv_read(t, text, len, map);
		free(text);
		if (!ok)
			return false;
		for (size_t j = 0; j < t->nrows; j++)
			if (!t->rows[j].bad)
				import_check_row(t, &t->rows[j]);
	}
	return true;
}

/* A file that cannot be read makes every employee uncertain: a dossier
 * without its absences would be silently wrong. */
static bool usable(struct run *r)
{
	bool ok = true;
	for (int k = 0; k < IMPORT_NKINDS; k++)
		if (r->tables[k] != NULL && r->tables[k]->bad)
			ok = false;
	if (!ok)
		diag(MSG_IMPORT_FILE_CANNOT_USED_NO, NULL, 0);
	return ok;
}

static bool write_outputs(struct run *r, import_emit_fn *emit, void *ctx,
			  struct import_result *res)
{
	size_t *idx = malloc((r->nemps + 1) * sizeof(size_t));
	if (idx == NULL)
		return false;
	for (size_t c = 0; c < r->ncompanies; c++) {
		size_t n = 0;
		for (size_t i = 0; i < r->nemps; i++) {
			struct import_employee *e = &r->emps[i];
			if (e->company != c)
				continue;
			if (e->bad || r->companies[c].bad)
				res->nrejected++;
			else
				idx[n++] = i;
		}
		if (n == 0 || res->stopped)
			continue;
		struct buf b = {0};
		if (!import_xml_company(&b, &r->companies[c], r->emps, idx, n,
					r->tables)) {
			buf_free(&b);
			free(idx);
			return false;
		}
		struct import_output o = {.company_id = r->companies[c].id,
					  .xml = (const char *)b.data,
					  .len = b.len,
					  .ndossiers = n};
		if (emit(ctx, &o)) {
			res->nfiles++;
			res->ndossiers += n;
		} else {
			res->stopped = true;
		}
		buf_free(&b);
	}
	for (size_t i = 0; i < r->nemps; i++)
		if (r->emps[i].company == (size_t)-1)
			res->nrejected++;
	free(idx);
	return true;
}

bool import_run(const struct import_file *files, size_t n,
		const struct import_map *map, import_emit_fn *emit, void *ctx,
		struct import_result *res)
{
	struct run r = {0};
	*res = (struct import_result){0};
	bool ok = read_files(&r, files, n, map);
	if (ok && r.tables[IMPORT_EMPLOYEES] == NULL) {
		diag(MSG_IMPORT_NO_EMPLOYEES_FILE_AMONG, NULL, 0);
		run_free(&r);
		return true;
	}
	struct import_table *ct = r.tables[IMPORT_COMPANIES];
	for (size_t i = 0; ok && ct != NULL && i < ct->nrows; i++) {
		size_t c = company_merge(&r, ct, &ct->rows[i]);
		if (c != (size_t)-1 && ct->rows[i].bad)
			r.companies[c].bad = true;
	}
	ok = ok && !r.oom && employees_index(&r);
	/* Without a usable employees file every record would be "not in
	 * employees.csv": one message says it all. */
	bool join = !r.tables[IMPORT_EMPLOYEES]->bad;
	for (int k = IMPORT_POSITIONS; ok && join && k < IMPORT_NKINDS; k++)
		ok = records_join(&r, (enum import_kind)k);
	for (size_t i = 0; ok && i < r.nemps; i++) {
		unique_ids(&r, &r.emps[i], IMPORT_CONVOCATIONS);
		unique_ids(&r, &r.emps[i], IMPORT_INTERVIEWS);
		unique_ids(&r, &r.emps[i], IMPORT_ABONDEMENTS);
	}
	for (size_t c = 0; ok && c < r.ncompanies; c++)
		company_check(&r.companies[c]);
	/* Every problem is reported before this point, so that one run
	 * lists them all. */
	ok = ok && !r.oom && (!usable(&r) || write_outputs(&r, emit, ctx, res));
	run_free(&r);
	if (!ok)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	return ok;
}
