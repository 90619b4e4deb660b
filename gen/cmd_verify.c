/*
 * parcours verify DIR|MANIFEST: re-hashes every file a manifest lists and
 * reports missing, changed and unlisted files (cli.md).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "diag.h"
#include "manifest.h"
#include "runlock.h"

struct verify {
	const char *dir;	   /* the output directory */
	const char *manifest_path; /* DIR/manifest.csv or as given */
	const char *manifest_name; /* its path relative to dir */
	char **listed;		   /* sorted relative paths */
	size_t nlisted;
	unsigned long problems;
};

static int compare_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A listed path must stay inside the directory: no "..", no "/" first. */
static bool path_is_safe(const char *p)
{
	if (p[0] == '/' || p[0] == '\0')
		return false;
	for (const char *s = p; s != NULL; s = strchr(s, '/')) {
		if (*s == '/')
			s++;
		if (strncmp(s, "..", 2) == 0 && (s[2] == '/' || s[2] == '\0'))
			return false;
	}
	return true;
}

static void check_row(struct verify *v, const struct manifest_row *row)
{
	char path[PATH_MAX], hex[SHA256_HEX_LEN];
	unsigned long long bytes;
	if (!path_is_safe(row->path)) {
		diag_error(v->manifest_path, row->line,
			   "path \"%s\" leaves the output directory",
			   row->path);
		v->problems++;
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", v->dir, row->path);
	if (!manifest_sha256_file(path, hex, &bytes)) {
		diag_error(v->manifest_path, row->line, "%s: %s", row->path,
			   errno == ENOENT ? "missing" : strerror(errno));
		v->problems++;
	} else if (bytes != row->bytes || strcmp(hex, row->sha256) != 0) {
		diag_error(v->manifest_path, row->line,
			   "%s: changed (%llu bytes, sha256 %.12s…; the "
			   "manifest says %llu bytes, %.12s…)",
			   row->path, bytes, hex, row->bytes, row->sha256);
		v->problems++;
	}
}

static void walk(struct verify *v, const char *rel)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s%s%s", v->dir, *rel ? "/" : "", rel);
	DIR *d = opendir(path);
	if (d == NULL) {
		diag_system(path, "cannot list: %s", strerror(errno));
		return;
	}
	/* Sorted, so that the report's order does not depend on the disk. */
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			char **p = realloc(names, cap * sizeof(*names));
			if (p == NULL)
				break;
			names = p;
		}
		if ((names[n] = strdup(e->d_name)) != NULL)
			n++;
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), compare_str);
	for (size_t i = 0; i < n; i++) {
		char sub[PATH_MAX], full[2 * PATH_MAX];
		struct stat st;
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "",
			 names[i]);
		snprintf(full, sizeof(full), "%s/%s", v->dir, sub);
		if (lstat(full, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			walk(v, sub);
		} else if (strcmp(sub, v->manifest_name) != 0 &&
			   !runlock_is_name(sub)) {
			char *key = sub;
			if (bsearch(&key, v->listed, v->nlisted,
				    sizeof(*v->listed), compare_str) == NULL) {
				diag_error(full, 0,
					   "not listed in the manifest");
				v->problems++;
			}
		}
		free(names[i]);
	}
	free(names);
}

void cmd_verify(const struct options *o)
{
	struct verify v = {0};
	char dir[PATH_MAX], manifest_path[PATH_MAX];
	struct stat st;

	if (o->ninputs != 1) {
		diag_usage("verify: give one output directory or manifest");
		return;
	}
	const char *arg = o->inputs[0];
	if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(dir, sizeof(dir), "%s", arg);
		snprintf(manifest_path, sizeof(manifest_path),
			 "%s/manifest.csv", arg);
	} else {
		const char *slash = strrchr(arg, '/');
		snprintf(dir, sizeof(dir), "%.*s",
			 slash ? (int)(slash - arg) : 1, slash ? arg : ".");
		snprintf(manifest_path, sizeof(manifest_path), "%s", arg);
	}
	const char *slash = strrchr(manifest_path, '/');
	v.dir = dir;
	v.manifest_path = manifest_path;
	v.manifest_name = slash ? slash + 1 : manifest_path;

	struct manifest *m = manifest_read(manifest_path);
	if (m == NULL)
		return;
	v.listed = calloc(m->nrows ? m->nrows : 1, sizeof(*v.listed));
	if (v.listed == NULL) {
		diag_system(manifest_path, "out of memory");
		manifest_free(m);
		return;
	}
	for (size_t i = 0; i < m->nrows; i++) {
		check_row(&v, &m->rows[i]);
		v.listed[v.nlisted++] = m->rows[i].path;
	}
	qsort(v.listed, v.nlisted, sizeof(*v.listed), compare_str);
	walk(&v, "");

	if (v.problems == 0)
		printf("verify: %zu files match %s\n", m->nrows,
		       manifest_path);
	else
		printf("verify: %lu problem%s in %s (%zu files listed)\n",
		       v.problems, v.problems > 1 ? "s" : "", manifest_path,
		       m->nrows);
	free(v.listed);
	manifest_free(m);
}
