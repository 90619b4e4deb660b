/*
 * The dashboard's figures (dashboard.h), summed one dossier at a time:
 * counters, and lists held to a fixed length (sorted arrays, an
 * insertion each) so that memory does not grow with the campaign.
 */
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "names.h"
#include "report_csv.h"

static int month_number(date_t date)
{
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	return y * 12 + (m - 1);
}

struct dashboard *dashboard_new(date_t as_of, int within_days)
{
	struct dashboard *db = calloc(1, sizeof(*db));
	if (db == NULL)
		return NULL;
	int y, m, d;
	date_to_ymd(as_of, &y, &m, &d);
	db->as_of = as_of;
	db->within_days = within_days;
	db->first_month =
	    date_add_months(date_from_ymd(y, m, 1), -DASHBOARD_MONTHS_BEFORE);
	return db;
}

static void overdue_clear(struct dashboard_overdue *o)
{
	free(o->dossier);
	free(o->employee);
	free(o->basis);
	free(o->department);
	for (size_t i = 0; i < o->nlinks; i++) {
		free(o->links[i].path);
		free(o->links[i].document);
	}
	free(o->links);
}

static void refusal_clear(struct dashboard_refusal *r)
{
	free(r->dossier);
	free(r->employee);
	free(r->department);
}

static void groups_clear(struct dashboard_groups *gs)
{
	for (size_t i = 0; i < gs->n; i++)
		free(gs->g[i].name);
	free(gs->g);
}

void dashboard_free(struct dashboard *db)
{
	if (db == NULL)
		return;
	for (size_t i = 0; i < db->noverdue; i++)
		overdue_clear(&db->overdue[i]);
	free(db->overdue);
	for (size_t i = 0; i < db->nrefusals; i++)
		refusal_clear(&db->refusals[i]);
	free(db->refusals);
	groups_clear(&db->departments);
	groups_clear(&db->managers);
	free(db->company);
	free(db);
}

static char *dup_or_null(const char *s, bool *oom)
{
	if (s == NULL)
		return NULL;
	char *p = strdup(s);
	if (p == NULL)
		*oom = true;
	return p;
}

/* ---- the overdue list: status.csv's order, the first ones kept ------- */

static int overdue_cmp(date_t due, const char *dossier, unsigned long seq,
		       const struct dashboard_overdue *b)
{
	if (due != b->due)
		return due < b->due ? -1 : 1;
	int c = strcmp(dossier, b->dossier);
	if (c != 0)
		return c;
	return seq < b->seq ? -1 : seq > b->seq;
}

/*
 * Inserts entry (of size bytes) at index at of the *n kept ones, which
 * have room for one more: the bounded lists below keep the first ones
 * in order, dropping the last when full.
 */
static void keep_at(void *kept, size_t *n, size_t at, const void *entry,
		    size_t size)
{
	unsigned char *p = kept;
	memmove(p + (at + 1) * size, p + at * size, (*n - at) * size);
	memcpy(p + at * size, entry, size);
	(*n)++;
}

/* Where a new entry goes among the kept ones (binary search). */
static size_t overdue_place(const struct dashboard *db, date_t due,
			    const char *dossier, unsigned long seq)
{
	size_t lo = 0, hi = db->noverdue;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (overdue_cmp(due, dossier, seq, &db->overdue[mid]) < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static bool overdue_add(struct dashboard *db, const struct dossier *d,
			const char *employee, const struct rules_obligation *ob)
{
	unsigned long seq = db->seq++;
	size_t at = overdue_place(db, ob->due, d->id, seq);
	if (at == DASHBOARD_OVERDUE_MAX)
		return true; /* newer than every kept one: counted only */
	if (db->overdue == NULL &&
	    (db->overdue =
		 calloc(DASHBOARD_OVERDUE_MAX, sizeof(*db->overdue))) == NULL)
		return false;
	bool oom = false;
	struct dashboard_overdue o = {
	    .due = ob->due,
	    .kind = ob->kind,
	    .regime = ob->regime,
	    .seq = seq,
	    .dossier = dup_or_null(d->id, &oom),
	    .employee = dup_or_null(employee, &oom),
	    .basis = dup_or_null(ob->basis, &oom),
	    .department = dup_or_null(d->employment.department, &oom),
	};
	if (oom) {
		overdue_clear(&o);
		return false;
	}
	if (db->noverdue == DASHBOARD_OVERDUE_MAX)
		overdue_clear(&db->overdue[--db->noverdue]);
	keep_at(db->overdue, &db->noverdue, at, &o, sizeof(o));
	return true;
}

/* ---- refusals of the last 12 months: the latest kept ----------------- */

/* Latest response first, then dossier id, then input order. */
static bool refusal_before(const struct dashboard_refusal *a,
			   const struct dashboard_refusal *b)
{
	if (a->response != b->response)
		return a->response > b->response;
	int c = strcmp(a->dossier, b->dossier);
	if (c != 0)
		return c < 0;
	return a->seq < b->seq;
}

static bool refusal_add(struct dashboard *db, const struct dossier *d,
			const char *employee, const struct convocation *c)
{
	/* Borrows the id to find its place; copies it only if kept. */
	struct dashboard_refusal r = {c->response_date,
				      c->kind,
				      c->outcome == OUTCOME_DECLINED,
				      db->seq++,
				      (char *)d->id,
				      NULL,
				      NULL};
	db->refusals_total++;
	db->declined_total += r.declined;
	db->refusals_kind[r.kind][r.declined]++;
	size_t at = db->nrefusals;
	while (at > 0 && refusal_before(&r, &db->refusals[at - 1]))
		at--;
	if (at == DASHBOARD_REFUSALS_MAX)
		return true;
	if (db->refusals == NULL &&
	    (db->refusals =
		 calloc(DASHBOARD_REFUSALS_MAX, sizeof(*db->refusals))) == NULL)
		return false;
	bool oom = false;
	r.dossier = dup_or_null(d->id, &oom);
	r.employee = dup_or_null(employee, &oom);
	r.department = dup_or_null(d->employment.department, &oom);
	if (oom) {
		refusal_clear(&r);
		return false;
	}
	if (db->nrefusals == DASHBOARD_REFUSALS_MAX)
		refusal_clear(&db->refusals[--db->nrefusals]);
	keep_at(db->refusals, &db->nrefusals, at, &r, sizeof(r));
	return true;
}

/* ---- departments and managers ---------------------------------------- */

/* The group named name, added if there is room, else the others. */
static struct dashboard_group *group_of(struct dashboard_groups *gs,
					const char *name, bool *oom)
{
	size_t lo = 0, hi = gs->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, gs->g[mid].name);
		if (c == 0)
			return &gs->g[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (gs->n == DASHBOARD_GROUPS_MAX)
		return &gs->others;
	if (gs->g == NULL &&
	    (gs->g = calloc(DASHBOARD_GROUPS_MAX, sizeof(*gs->g))) == NULL) {
		*oom = true;
		return NULL;
	}
	char *copy = strdup(name);
	if (copy == NULL) {
		*oom = true;
		return NULL;
	}
	memmove(&gs->g[lo + 1], &gs->g[lo], (gs->n - lo) * sizeof(*gs->g));
	gs->g[lo] = (struct dashboard_group){.name = copy};
	gs->n++;
	return &gs->g[lo];
}

/* What one dossier adds to its department's or manager's line. */
struct dossier_sums {
	unsigned long overdue, upcoming;
	long long owed_eur;
};

static bool group_add(struct dashboard_groups *gs, const char *name,
		      const struct dossier_sums *s)
{
	if (name == NULL)
		return true;
	bool oom = false;
	struct dashboard_group *g = group_of(gs, name, &oom);
	if (g == NULL)
		return !oom;
	gs->named++;
	g->employees++;
	g->employees_overdue += s->overdue > 0;
	g->overdue += s->overdue;
	g->upcoming += s->upcoming;
	g->owed_eur += s->owed_eur;
	return true;
}

/* ---- one dossier ----------------------------------------------------- */

static void add_calendar(struct dashboard *db,
			 const struct rules_obligation *ob)
{
	int i = month_number(ob->due) - month_number(db->first_month);
	if (i < 0)
		db->before++;
	else if (i >= DASHBOARD_MONTHS)
		db->after++;
	else
		db->month[i][ob->state]++;
	if (ob->state == RULES_UPCOMING &&
	    ob->due <= date_add_days(db->as_of, 90))
		db->due_90++;
}

static bool add_company(struct dashboard *db, const struct dossier *d)
{
	const char *name = d->company != NULL ? d->company->name : NULL;
	if (db->companies_differ || name == NULL)
		return true;
	if (db->company == NULL && db->dossiers == 1)
		return (db->company = strdup(name)) != NULL;
	if (db->company == NULL || strcmp(db->company, name) != 0) {
		db->companies_differ = true;
		free(db->company);
		db->company = NULL;
	}
	return true;
}

/* Adds eur to m, and the employee once per dossier (*seen). */
static void money_add(struct dashboard_money *m, long long eur, bool *seen)
{
	m->eur += eur;
	m->periods++;
	m->employees += !*seen;
	*seen = true;
}

static void add_money(struct dashboard *db, const struct rules_facts *f,
		      struct dossier_sums *s)
{
	bool owed = false, paid = false, unpaid = false, projected = false;
	for (size_t i = 0; i < f->nperiods; i++) {
		const struct rules_period *p = &f->periods[i];
		if (p->abondement_eur <= 0)
			continue;
		if (!p->final) {
			money_add(&db->projected, p->abondement_eur,
				  &projected);
			continue;
		}
		money_add(&db->owed, p->abondement_eur, &owed);
		/* As rules_stats.c: a payment without an amount pays
		 * nothing; what a partial one leaves is still owed. */
		long long amount = 0;
		if (p->paid != NULL) {
			amount =
			    p->paid->amount_eur > 0 ? p->paid->amount_eur : 0;
			money_add(&db->paid, amount, &paid);
		}
		if (amount < p->abondement_eur) {
			money_add(&db->unpaid, p->abondement_eur - amount,
				  &unpaid);
			s->owed_eur += p->abondement_eur - amount;
		}
	}
}

bool dashboard_add(struct dashboard *db, const struct dossier *d,
		   const struct rules_facts *f)
{
	db->dossiers++;
	char *employee = names_family_first(&d->employee);
	bool ok = employee != NULL && add_company(db, d);
	struct dossier_sums s = {0};
	for (size_t i = 0; ok && i < f->nobligations; i++) {
		const struct rules_obligation *ob = &f->obligations[i];
		/* The rows of status.csv, no more. */
		if (!report_csv_status_wanted(ob, db->as_of, db->within_days))
			continue;
		db->open[ob->kind][ob->state]++;
		add_calendar(db, ob);
		if (ob->state == RULES_OVERDUE) {
			s.overdue++;
			db->overdue_total++;
			ok = overdue_add(db, d, employee, ob);
		} else
			s.upcoming++;
	}
	db->employees_overdue += s.overdue > 0;
	add_money(db, f, &s);
	date_t since = date_add_months(db->as_of, -12);
	for (size_t i = 0; ok && i < d->nconvocations; i++) {
		const struct convocation *c = &d->convocations[i];
		if ((c->outcome == OUTCOME_REFUSED ||
		     c->outcome == OUTCOME_DECLINED) &&
		    c->response_date != DATE_NONE && c->response_date > since &&
		    c->response_date <= db->as_of)
			ok = refusal_add(db, d, employee, c);
	}
	ok = ok && group_add(&db->departments, d->employment.department, &s) &&
	     group_add(&db->managers, d->employment.manager, &s);
	free(employee);
	return ok;
}

/* ---- the documents of a dossier, from its manifest rows -------------- */

/* Which documents come first when a dossier has more than the cap. */
static int link_rank(const char *document)
{
	static const char *const order[] = {
	    "recap",	       "letter-convocation", "letter-reconvocation",
	    "letter-proposal", "report-blank",	     "notice"};
	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++)
		if (strcmp(document, order[i]) == 0)
			return (int)i;
	return (int)(sizeof(order) / sizeof(*order));
}

/*
 * The path and document fields of one manifest row (fields 1 and 5).
 * Paths are built from checked ids and ASCII-folded names (outfile.h),
 * so a row with a quoted field is not one of ours: false, not linked.
 */
static bool row_fields(const char *line, size_t len, const char *f[6],
		       size_t flen[6])
{
	if (memchr(line, '"', len) != NULL || memchr(line, '\'', len) != NULL)
		return false;
	size_t n = 0, start = 0;
	for (size_t i = 0; i <= len && n < 6; i++)
		if (i == len || line[i] == ',') {
			f[n] = line + start;
			flen[n++] = i - start;
			start = i + 1;
		}
	return n == 6;
}

/* The date a document's file name ends with ("…_2023-09-04.pdf"). */
static date_t link_date(const char *path, size_t plen)
{
	char iso[DATE_ISO_LEN];
	date_t d;
	size_t dot = plen;
	while (dot > 0 && path[dot - 1] != '.')
		dot--;
	/* The ten characters before the dot. */
	if (dot <= 11)
		return DATE_NONE;
	memcpy(iso, path + dot - 11, 10);
	iso[10] = '\0';
	return date_parse(iso, &d) ? d : DATE_NONE;
}

static bool link_add(struct dashboard_overdue *o, const char *path, size_t plen,
		     const char *doc, size_t dlen)
{
	if (o->links == NULL &&
	    (o->links = calloc(DASHBOARD_LINKS_MAX, sizeof(*o->links))) == NULL)
		return false;
	struct dashboard_link *l = &o->links[o->nlinks];
	l->path = strndup(path, plen);
	l->document = strndup(doc, dlen);
	l->date = link_date(path, plen);
	if (l->path == NULL || l->document == NULL) {
		free(l->path);
		free(l->document);
		return false;
	}
	o->nlinks++;
	return true;
}

/*
 * How close a document is to the obligation: those of its due date
 * first (the blank form and the état des lieux are named after it),
 * then the others by kind.
 */
static int link_score(const struct dashboard_overdue *o, const char *path,
		      size_t plen, const char *doc)
{
	if (link_date(path, plen) == o->due)
		return 0;
	return 1 + link_rank(doc);
}

/* Links the documents to o, the closest first, up to the cap. */
static bool links_fill(struct dashboard_overdue *o, const char *rows,
		       size_t len)
{
	for (int score = 0; score <= 1 + link_rank(""); score++) {
		size_t at = 0;
		while (at < len) {
			const char *nl = memchr(rows + at, '\n', len - at);
			size_t end = nl != NULL ? (size_t)(nl - rows) : len;
			const char *f[6];
			size_t fl[6];
			char doc[32];
			if (row_fields(rows + at, end - at, f, fl) &&
			    fl[4] < sizeof(doc)) {
				memcpy(doc, f[4], fl[4]);
				doc[fl[4]] = '\0';
				o->ndocs += score == 0;
				if (link_score(o, f[0], fl[0], doc) == score &&
				    o->nlinks < DASHBOARD_LINKS_MAX &&
				    !link_add(o, f[0], fl[0], f[4], fl[4]))
					return false;
			}
			at = end + 1;
		}
	}
	return true;
}

bool dashboard_add_documents(struct dashboard *db, const char *id,
			     const void *rows, size_t len)
{
	for (size_t i = 0; i < db->noverdue; i++) {
		struct dashboard_overdue *o = &db->overdue[i];
		if (o->nlinks == 0 && strcmp(o->dossier, id) == 0 &&
		    !links_fill(o, rows, len))
			return false;
	}
	return true;
}
