/*
 * What earlier runs left in the output directory (see batch_internal.h):
 * temporary files of a killed run, and documents that this run does not
 * write again (a dossier that failed, or left the inputs), so that the
 * directory holds exactly what the manifest lists.  Only files with the
 * names parcours gives are ever removed.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "batch_internal.h"
#include "diag.h"
#include "outfile.h"
#include "shard.h"

/* ---- the set of ids: chained hashing, strings in an arena ----------- */

struct id_entry {
	const char *id;
	struct id_entry *next;
};

struct batch_ids {
	struct arena *arena;
	struct id_entry **slots;
	size_t nslots, n;
};

static size_t hash(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

struct batch_ids *batch_ids_new(void)
{
	struct batch_ids *set = calloc(1, sizeof(*set));
	if (set == NULL)
		return NULL;
	set->nslots = 1024;
	set->arena = arena_new();
	set->slots = calloc(set->nslots, sizeof(*set->slots));
	if (set->arena == NULL || set->slots == NULL) {
		batch_ids_free(set);
		return NULL;
	}
	return set;
}

void batch_ids_free(struct batch_ids *set)
{
	if (set == NULL)
		return;
	free(set->slots);
	arena_free(set->arena);
	free(set);
}

bool batch_ids_has(const struct batch_ids *set, const char *id)
{
	for (const struct id_entry *e = set->slots[hash(id) % set->nslots];
	     e != NULL; e = e->next)
		if (strcmp(e->id, id) == 0)
			return true;
	return false;
}

/* Doubles the table when it gets full, so lookups stay short. */
static bool rehash(struct batch_ids *set)
{
	size_t nslots = set->nslots * 2;
	struct id_entry **slots = calloc(nslots, sizeof(*slots));
	if (slots == NULL)
		return false;
	for (size_t i = 0; i < set->nslots; i++)
		for (struct id_entry *e = set->slots[i], *next; e != NULL;
		     e = next) {
			next = e->next;
			size_t j = hash(e->id) % nslots;
			e->next = slots[j];
			slots[j] = e;
		}
	free(set->slots);
	set->slots = slots;
	set->nslots = nslots;
	return true;
}

bool batch_ids_add(struct batch_ids *set, const char *id)
{
	if (batch_ids_has(set, id))
		return true;
	if (set->n >= set->nslots && !rehash(set))
		return false;
	struct id_entry *e = arena_alloc(set->arena, sizeof(*e));
	if (e == NULL || (e->id = arena_strdup(set->arena, id)) == NULL)
		return false;
	size_t i = hash(id) % set->nslots;
	e->next = set->slots[i];
	set->slots[i] = e;
	set->n++;
	return true;
}

/* ---- sweeping -------------------------------------------------------- */

/* A document of dossier id, as outfile_path() names them. */
static bool is_document(const char *name, const char *id)
{
	size_t n = strlen(name), idlen = strlen(id);
	return n > idlen + 5 && strncmp(name, id, idlen) == 0 &&
	       name[idlen] == '_' &&
	       (strcmp(name + n - 4, ".pdf") == 0 ||
		strcmp(name + n - 4, ".odt") == 0);
}

static bool kept(const char *name, const char *const *keep, size_t nkeep)
{
	for (size_t i = 0; i < nkeep; i++)
		if (strcmp(keep[i], name) == 0)
			return true;
	return false;
}

static bool remove_file(const char *dir, const char *name)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (unlink(path) == 0 || errno == ENOENT)
		return true;
	diag_system(path, "cannot remove: %s", strerror(errno));
	return false;
}

bool batch_sweep_dossier(const char *root, const char *id,
			 const char *const *keep, size_t nkeep)
{
	char dir[PATH_MAX];
	if (snprintf(dir, sizeof(dir), "%s/%s", root, id) >= (int)sizeof(dir)) {
		diag_system(id, "path too long");
		return false;
	}
	DIR *d = opendir(dir);
	if (d == NULL) {
		if (errno == ENOENT)
			return true;
		diag_system(dir, "cannot list: %s", strerror(errno));
		return false;
	}
	bool ok = true, empty = true;
	for (struct dirent *e; ok && (e = readdir(d)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (outfile_is_temp(e->d_name) ||
		    (is_document(e->d_name, id) &&
		     !kept(e->d_name, keep, nkeep)))
			ok = remove_file(dir, e->d_name);
		else
			empty = false;
	}
	closedir(d);
	/* Another process may have added a file meanwhile: then it stays. */
	if (ok && empty)
		rmdir(dir);
	return ok;
}

/*
 * Whether name is a temporary file of the file final: outfile.c's
 * ".status.csv.XXXXXX", or libzip's "letters-merged.odt.XXXXXX" (and
 * ".letters-merged.odt.XXXXXX.YYYYYY" had we both been at it).
 */
static bool temp_of(const char *name, const char *final)
{
	size_t len = strlen(final);
	if (name[0] == '.')
		name++;
	if (strncmp(name, final, len) != 0 || name[len] != '.')
		return false;
	const char *rest = name + len + 1;
	size_t n = strlen(rest);
	return n >= 6 &&
	       strspn(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstu"
			    "vwxyz0123456789.") == n;
}

bool batch_sweep_top(const char *root, const char *const *names)
{
	DIR *d = opendir(root);
	if (d == NULL) {
		diag_system(root, "cannot list: %s", strerror(errno));
		return false;
	}
	bool ok = true;
	for (struct dirent *e; ok && (e = readdir(d)) != NULL;) {
		for (const char *const *n = names; *n != NULL; n++)
			if (temp_of(e->d_name, *n)) {
				ok = remove_file(root, e->d_name);
				break;
			}
	}
	closedir(d);
	return ok;
}

/* What dossier_read.c accepts as an id: 1–64 of [A-Za-z0-9._-], not "."
 * or "..". */
static bool is_id(const char *s)
{
	size_t n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstu"
			     "vwxyz0123456789._-");
	return n > 0 && n <= 64 && s[n] == '\0' && strcmp(s, ".") != 0 &&
	       strcmp(s, "..") != 0;
}

bool batch_sweep_others(const char *root, const struct batch_ids *good, int k,
			int n)
{
	DIR *d = opendir(root);
	if (d == NULL) {
		diag_system(root, "cannot list: %s", strerror(errno));
		return false;
	}
	bool ok = true;
	for (struct dirent *e; ok && (e = readdir(d)) != NULL;) {
		char path[PATH_MAX];
		struct stat st;
		if (!is_id(e->d_name) || batch_ids_has(good, e->d_name) ||
		    !shard_mine(e->d_name, k, n))
			continue;
		snprintf(path, sizeof(path), "%s/%s", root, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			ok = batch_sweep_dossier(root, e->d_name, NULL, 0);
	}
	closedir(d);
	return ok;
}
