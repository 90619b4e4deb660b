/*
 * The dossier source (see dossier_read.h): walks the inputs, streams each
 * file safely (dossier_stream.c: one dossier in memory at a time),
 * validates its envelope and then each dossier as it comes
 * (dossier_schema.c), works out each dossier's company and builds the
 * dossiers (dossier_build.c).
 *
 * Each <dossier> is validated as a document of its own, so that one
 * broken dossier neither hides the problems of the others (libxml2 stops
 * looking after a misfit in <dossiers>) nor takes them down with it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "diag.h"
#include "dossier_build.h"
#include "dossier_bytes.h"
#include "dossier_id.h"
#include "dossier_limits.h"
#include "dossier_parse.h"
#include "dossier_read.h"
#include "dossier_schema.h"
#include "dossier_stream.h"
#include "inputs.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"

enum file_company { COMPANY_NONE, COMPANY_OK, COMPANY_BROKEN };

struct dossier_source {
	struct inputs *inputs;
	size_t next_input;
	struct dossier_schema *schema;
	/* Companies and file names that dossiers point to. */
	struct arena *arena;
	const struct company *cli_company; /* --company, NULL if none */
	xmlHashTablePtr ids; /* dossier id -> "file:line" where first seen */
	unsigned long failed, failed_files;
	dossier_source_fail_fn *on_failure; /* NULL if none */
	void *on_failure_ctx;

	/* The file being read; stream is NULL between files. */
	struct dossier_stream *stream;
	const char *file;
	enum file_company company_state;
	const struct company *file_company;
};

static bool is_element(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	       xmlStrEqual(n->name, BAD_CAST name);
}

static xmlNodePtr next_named(xmlNodePtr n, const char *name)
{
	while (n != NULL && !is_element(n, name))
		n = n->next;
	return n;
}

/* Reports an <xi:include> anywhere in the tree; true if there was one. */
static bool refuse_xinclude(xmlNodePtr n, const char *file)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns != NULL &&
		    (xmlStrEqual(n->ns->href, BAD_CAST XINCLUDE_NS_2001) ||
		     xmlStrEqual(n->ns->href, BAD_CAST XINCLUDE_NS_2003))) {
			diag(MSG_DOSSIER_XINCLUDE, file, dossier_parse_line(n),
			     n->ns->prefix != NULL ? (const char *)n->ns->prefix
						   : "",
			     n->ns->prefix != NULL ? ":" : "", n->name);
			return true;
		}
		if (refuse_xinclude(n->children, file))
			return true;
	}
	return false;
}

/*
 * Reports a root element other than one of the names given (NULL
 * terminated); true if it is one of them.
 */
static bool check_root(xmlNodePtr root, const char *file,
		       const char *const names[], const char *expected)
{
	for (size_t i = 0; names[i] != NULL; i++)
		if (is_element(root, names[i]))
			return true;
	if (root->ns != NULL)
		diag(MSG_DOSSIER_ROOT_NAMESPACE, file, dossier_parse_line(root),
		     root->name, root->ns->href);
	else
		diag(MSG_DOSSIER_ROOT_ELEMENT, file, dossier_parse_line(root),
		     root->name, expected);
	return false;
}

/*
 * Reads and parses the --company file path (reported as name); NULL after
 * a diagnostic.  The caller frees the document.
 */
static xmlDocPtr load(const char *path, const char *name)
{
	size_t size;
	char *buf = inputs_slurp_max(path, DOSSIER_LIMITS_DOSSIER_BYTES, &size);
	if (buf == NULL && errno == EFBIG) {
		diag(MSG_DOSSIER_FILE_LARGER_THAN_MIB, name, 0,
		     DOSSIER_LIMITS_DOSSIER_BYTES / (1024 * 1024));
		return NULL;
	}
	if (buf == NULL) {
		diag(MSG_IMPORT_CANNOT_READ, name, 0, strerror(errno));
		return NULL;
	}
	/* What the parser would accept, or take hours over. */
	struct dossier_bytes scan = {0};
	struct dossier_parse_error err;
	if (!dossier_bytes_encoding(buf, size < 1024 ? size : 1024, &err) ||
	    !dossier_bytes_scan(&scan, buf, size, &err)) {
		diag_text(err.msg, name, err.line, err.message);
		free(buf);
		return NULL;
	}
	xmlDocPtr doc = dossier_parse(buf, size, &err);
	free(buf);
	if (doc == NULL) {
		diag_text(err.msg, name, err.line, err.message);
		return NULL;
	}
	if (refuse_xinclude(doc->children, name)) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* The --company file: its root must be a valid <company>. */
static bool load_cli_company(struct dossier_source *s, const char *path)
{
	const char *name = strcmp(path, "-") == 0 ? INPUTS_STDIN_NAME : path;
	xmlDocPtr doc = load(path, name);
	if (doc == NULL)
		return false;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	static const char *const names[] = {"company", NULL};
	bool ok = false;
	if (check_root(root, name, names,
		       "a --company file holds one "
		       "<company>")) {
		int rc = dossier_schema_validate(s->schema, doc);
		if (rc == 0)
			dossier_schema_explain(s->schema, root, NULL, name);
		else if (rc == 1 && dossier_limits_check(root, name) == 0)
			s->cli_company =
			    dossier_build_company(s->arena, root, name);
		ok = s->cli_company != NULL;
	}
	xmlFreeDoc(doc);
	return ok;
}

struct dossier_source *dossier_source_new(char *const *inputs, int ninputs,
					  const char *company_file,
					  const char *schema_dir)
{
	struct dossier_parse_guard guard;
	dossier_parse_guard_begin(&guard);
	struct dossier_source *s = calloc(1, sizeof(*s));
	bool ok = s != NULL && (s->arena = arena_new()) != NULL &&
		  (s->ids = xmlHashCreate(0)) != NULL;
	if (!ok)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	ok = ok && (s->schema = dossier_schema_new(schema_dir)) != NULL;
	ok = ok && (s->inputs = inputs_new(inputs, ninputs)) != NULL;
	ok = ok && (company_file == NULL || load_cli_company(s, company_file));
	dossier_parse_guard_end(&guard);
	if (!ok) {
		dossier_source_free(s);
		return NULL;
	}
	return s;
}

/*
 * The envelope of a <dossiers> file (its root with its attributes, its
 * <company> and anything that is not a <dossier>, as the check pass of
 * the stream kept it).  Sets the file's company state.
 */
static void read_envelope(struct dossier_source *s, xmlDocPtr envelope,
			  bool company_after_dossier)
{
	xmlNodePtr root = xmlDocGetRootElement(envelope);
	xmlNodePtr company = next_named(root->children, "company");
	/* Without the placeholders of its dossiers (dossier_stream.c). */
	int rc = dossier_schema_validate_part(s->schema, root, "dossier");
	bool ok = rc == 1 && !(company != NULL && company_after_dossier);
	/* rc < 0: out of memory, reported; no mismatch to explain. */
	if (!ok && rc >= 0)
		dossier_schema_explain(s->schema, root, "dossier", s->file);
	if (company == NULL) {
		s->company_state = COMPANY_NONE;
		return;
	}
	if ((!ok &&
	     dossier_schema_validate_part(s->schema, company, NULL) != 1) ||
	    dossier_limits_check(company, s->file) > 0) {
		s->company_state = COMPANY_BROKEN;
		return;
	}
	s->file_company = dossier_build_company(s->arena, company, s->file);
	s->company_state =
	    s->file_company != NULL ? COMPANY_OK : COMPANY_BROKEN;
}

/*
 * A file in another version of the format may mean other things by the
 * same elements: none of its dossiers is read.
 */
static bool known_version(xmlNodePtr root)
{
	xmlChar *v = xmlGetNoNsProp(root, BAD_CAST "version");
	/* As xsd:token compares it: surrounding white space does not count. */
	size_t n = v != NULL ? strspn((const char *)v, " \t\r\n") : 0;
	bool ok = v != NULL && v[n] == '1' &&
		  v[n + 1 + strspn((const char *)v + n + 1, " \t\r\n")] == '\0';
	xmlFree(v);
	return ok;
}

/* Counts a file skipped whole and tells the failure callback. */
static void file_failed(struct dossier_source *s)
{
	s->failed_files++;
	if (s->on_failure != NULL)
		s->on_failure(s->on_failure_ctx, s->file, 0, NULL);
}

/*
 * Reads the envelope of the file just checked; false if none of its
 * dossiers can be read (reported).
 */
static bool start_file(struct dossier_source *s, xmlDocPtr envelope,
		       const struct dossier_stream_info *info)
{
	s->company_state = COMPANY_NONE;
	s->file_company = NULL;
	if (info->root_is_dossier)
		return true;
	xmlNodePtr root = xmlDocGetRootElement(envelope);
	static const char *const names[] = {"dossiers", "dossier", NULL};
	if (!check_root(root, s->file, names,
			"a dossier file holds <dossiers> or one <dossier>"))
		return false;
	read_envelope(s, envelope, info->company_after_dossier);
	/* Its problems were reported with the envelope. */
	return known_version(root);
}

/*
 * Opens the next input and reads its envelope; false at the end of the
 * inputs.
 */
static bool open_next(struct dossier_source *s)
{
	while (s->next_input < inputs_count(s->inputs)) {
		const char *path = inputs_path(s->inputs, s->next_input++);
		const char *name =
		    strcmp(path, "-") == 0 ? INPUTS_STDIN_NAME : path;
		s->file = arena_strdup(s->arena, name);
		if (s->file == NULL) {
			diag(MSG_OUT_OF_MEMORY, NULL, 0);
			return false;
		}
		struct dossier_parse_error err;
		struct dossier_stream_info info;
		s->stream = dossier_stream_open(path, &err);
		xmlDocPtr envelope =
		    s->stream != NULL
			? dossier_stream_check(s->stream, &info, &err)
			: NULL;
		if (envelope == NULL)
			diag_text(err.msg, s->file, err.line, err.message);
		bool ok = envelope != NULL && start_file(s, envelope, &info);
		xmlFreeDoc(envelope);
		if (ok)
			return true;
		dossier_stream_free(s->stream);
		s->stream = NULL;
		file_failed(s);
	}
	return false;
}

/*
 * Notes the dossier's id for the run; if it was seen before, returns
 * where (owned by the source), else NULL.
 */
static const char *seen_before(struct dossier_source *s, xmlNodePtr elem)
{
	xmlChar *raw = xmlGetNoNsProp(elem, BAD_CAST "id");
	if (raw == NULL)
		return NULL;
	/* Trimmed as the builder trims it. */
	char *id = (char *)raw;
	while (*id == ' ' || *id == '\t' || *id == '\n' || *id == '\r')
		id++;
	size_t n = strlen(id);
	while (n > 0 && (id[n - 1] == ' ' || id[n - 1] == '\t' ||
			 id[n - 1] == '\n' || id[n - 1] == '\r'))
		id[--n] = '\0';
	const char *where = xmlHashLookup(s->ids, BAD_CAST id);
	if (where == NULL) {
		char buf[64];
		snprintf(buf, sizeof(buf), ":%ld", dossier_parse_line(elem));
		size_t len = strlen(s->file) + strlen(buf) + 1;
		char *here = arena_alloc(s->arena, len);
		if (here != NULL) {
			snprintf(here, len, "%s%s", s->file, buf);
			xmlHashAddEntry(s->ids, BAD_CAST id, here);
		}
	}
	xmlFree(raw);
	return where;
}

/*
 * The dossier of unit (a <dossier> as a document of its own), or NULL
 * after its problems were reported.
 */
static struct dossier *read_dossier(struct dossier_source *s, xmlDocPtr unit)
{
	xmlNodePtr elem = xmlDocGetRootElement(unit);
	const char *first = seen_before(s, elem);
	int rc = dossier_schema_validate(s->schema, unit);
	if (rc == 0)
		dossier_schema_explain(s->schema, elem, NULL, s->file);
	if (rc != 1)
		return NULL;

	bool bad = dossier_limits_check(elem, s->file) > 0;
	long line = dossier_parse_line(elem);
	xmlChar *raw = xmlGetNoNsProp(elem, BAD_CAST "id");
	const char *id = raw != NULL ? (const char *)raw : "?";
	if (first != NULL) {
		diag(MSG_DOSSIER_ID_ALREADY_USED, s->file, line, id, first);
		bad = true;
	}
	if (raw != NULL && !dossier_id_check(id, s->file, line))
		bad = true;
	const struct company *inherited =
	    s->company_state == COMPANY_OK     ? s->file_company
	    : s->company_state == COMPANY_NONE ? s->cli_company
					       : NULL;
	if (next_named(elem->children, "company") == NULL &&
	    inherited == NULL) {
		if (s->company_state == COMPANY_BROKEN)
			diag(MSG_DOSSIER_NO_USABLE_COMPANY_FILE, s->file, line,
			     id);
		else
			diag(MSG_DOSSIER_NO_COMPANY_GIVE_COMPANY, s->file, line,
			     id);
		bad = true;
	}
	xmlFree(raw);
	struct dossier *d = dossier_build(elem, s->file, inherited);
	if (bad) {
		dossier_free(d);
		return NULL;
	}
	return d;
}

/* Counts a dossier skipped and tells the failure callback. */
static void dossier_failed(struct dossier_source *s, xmlNodePtr elem)
{
	s->failed++;
	if (s->on_failure == NULL)
		return;
	xmlChar *id = xmlGetNoNsProp(elem, BAD_CAST "id");
	s->on_failure(s->on_failure_ctx, s->file, dossier_parse_line(elem),
		      (const char *)id);
	xmlFree(id);
}

struct dossier *dossier_source_next(struct dossier_source *s)
{
	struct dossier_parse_guard guard;
	struct dossier *d = NULL;
	dossier_parse_guard_begin(&guard);
	while (d == NULL) {
		if (s->stream == NULL && !open_next(s))
			break;
		struct dossier_parse_error err;
		xmlDocPtr unit = dossier_stream_next(s->stream, &err);
		if (unit == NULL) {
			if (err.message[0] != '\0') {
				diag_text(err.msg, s->file, err.line,
					  err.message);
				file_failed(s);
			}
			dossier_stream_free(s->stream);
			s->stream = NULL;
			continue;
		}
		d = read_dossier(s, unit);
		if (d == NULL)
			dossier_failed(s, xmlDocGetRootElement(unit));
		xmlFreeDoc(unit);
	}
	dossier_parse_guard_end(&guard);
	return d;
}

unsigned long dossier_source_failed(const struct dossier_source *s)
{
	return s->failed;
}

unsigned long dossier_source_failed_files(const struct dossier_source *s)
{
	return s->failed_files;
}

void dossier_source_on_failure(struct dossier_source *s,
			       dossier_source_fail_fn *fn, void *ctx)
{
	s->on_failure = fn;
	s->on_failure_ctx = ctx;
}

void dossier_source_files(const struct dossier_source *s, size_t *opened,
			  size_t *total)
{
	*opened = s->next_input;
	*total = inputs_count(s->inputs);
}

void dossier_source_free(struct dossier_source *s)
{
	if (s == NULL)
		return;
	dossier_stream_free(s->stream);
	xmlHashFree(s->ids, NULL);
	dossier_schema_free(s->schema);
	inputs_free(s->inputs);
	arena_free(s->arena);
	free(s);
}
