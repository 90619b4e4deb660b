/*
 * parcours import: an HR export of CSV files (doc/import.md) turned into
 * dossiers, one "{company-id}.xml" per company under -o, each written
 * atomically.  For main.c, through cli.h.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "grow.h"
#include "import.h"
#include "inputs.h"
#include "outfile.h"

struct files {
	struct import_file *f;
	char **paths; /* owned */
	size_t n, cap;
};

static bool files_add(struct files *fs, const char *path)
{
	if (fs->n == fs->cap) {
		/* Two arrays of one capacity. */
		size_t cap;
		if (!grow_cap(fs->cap, 16, sizeof(*fs->f), &cap) ||
		    !grow_to(&fs->f, cap, sizeof(*fs->f)) ||
		    !grow_to(&fs->paths, cap, sizeof(*fs->paths)))
			return false;
		fs->cap = cap;
	}
	char *copy = strdup(path);
	if (copy == NULL)
		return false;
	fs->paths[fs->n] = copy;
	fs->f[fs->n] = (struct import_file){.name = copy};
	fs->n++;
	return true;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_csv(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && name[0] != '.' && strcasecmp(name + n - 4, ".csv") == 0;
}

/* The *.csv files of dir, in name order. */
static bool add_dir(struct files *fs, const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		diag(MSG_IMPORT_CANNOT_LIST, dir, 0, strerror(errno));
		return true;
	}
	char **names = NULL;
	size_t n = 0;
	bool ok = true;
	struct dirent *de;
	while (ok && (de = readdir(d)) != NULL) {
		if (!ends_csv(de->d_name))
			continue;
		size_t len = strlen(dir) + strlen(de->d_name) + 2;
		char *p = malloc(len);
		if (p == NULL || !grow_to(&names, n + 1, sizeof(*names))) {
			free(p);
			ok = false;
			break;
		}
		snprintf(p, len, "%s/%s", dir, de->d_name);
		names[n++] = p;
	}
	closedir(d);
	if (ok)
		qsort(names, n, sizeof(*names), name_cmp);
	for (size_t i = 0; i < n; i++) {
		ok = ok && files_add(fs, names[i]);
		free(names[i]);
	}
	free(names);
	return ok;
}

static void files_free(struct files *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->paths[i]);
		free((void *)fs->f[i].data);
	}
	free(fs->paths);
	free(fs->f);
}

/* Reads every file; false after a diagnostic if one cannot be read. */
static bool read_all(struct files *fs)
{
	bool ok = true;
	for (size_t i = 0; i < fs->n; i++) {
		/* A file known to be too large is refused by import_run()
		 * from its size, without reading it first. */
		struct stat st;
		if (stat(fs->paths[i], &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_size > IMPORT_MAX_FILE_BYTES) {
			fs->f[i].len = (size_t)st.st_size;
			continue;
		}
		size_t len;
		char *data =
		    inputs_slurp_max(fs->paths[i], 1024UL * 1024 * 1024, &len);
		if (data == NULL) {
			diag(MSG_IMPORT_CANNOT_READ, fs->paths[i], 0,
			     strerror(errno));
			ok = false;
			continue;
		}
		fs->f[i].data = data;
		fs->f[i].len = len;
	}
	return ok;
}

static struct import_map *read_map(const char *path)
{
	size_t len;
	char *data = inputs_slurp_max(path, 1024 * 1024, &len);
	if (data == NULL) {
		diag(MSG_IMPORT_MAP_CANNOT_READ, NULL, 0, path,
		     strerror(errno));
		return NULL;
	}
	struct import_map *m = import_map_read(path, data, len);
	free(data);
	return m;
}

static bool write_one(void *ctx, const struct import_output *out)
{
	const struct options *o = ctx;
	char name[96];
	snprintf(name, sizeof(name), "%s.xml", out->company_id);
	return outfile_write(o->output_dir, name, out->xml, out->len);
}

static void summary(const struct options *o, const struct import_result *res)
{
	if (!o->quiet)
		fprintf(stderr,
			"import: %zu dossier%s written in %zu file%s under "
			"%s/",
			res->ndossiers, res->ndossiers == 1 ? "" : "s",
			res->nfiles, res->nfiles == 1 ? "" : "s",
			o->output_dir);
	if (!o->quiet && res->nrejected > 0)
		fprintf(stderr,
			"; %zu employee%s left out for the errors above",
			res->nrejected, res->nrejected == 1 ? "" : "s");
	if (!o->quiet)
		fputc('\n', stderr);
}

void cmd_import(const struct options *o)
{
	struct files fs = {0};
	struct import_map *map = NULL;
	bool ok = true;
	if (o->map_file != NULL && (map = read_map(o->map_file)) == NULL) {
		diag_raise(DIAG_USAGE);
		return;
	}
	for (int i = 0; ok && i < o->ninputs; i++) {
		struct stat st;
		if (stat(o->inputs[i], &st) == 0 && S_ISDIR(st.st_mode))
			ok = add_dir(&fs, o->inputs[i]);
		else
			ok = files_add(&fs, o->inputs[i]);
	}
	if (!ok)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	else if (read_all(&fs)) {
		struct import_result res;
		if (import_run(fs.f, fs.n, map, write_one, (void *)o, &res) &&
		    !res.stopped)
			summary(o, &res);
	}
	files_free(&fs);
	import_map_free(map);
}
