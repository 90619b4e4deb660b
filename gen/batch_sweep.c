/*
 * What earlier runs left in the output directory (see batch_internal.h):
 * temporary files of a killed run, and documents that this run does not
 * write again (a dossier that failed, or left the inputs), so that the
 * directory holds exactly what the manifest lists.  Only files with the
 * names parcours gives are ever removed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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

/*
 * Everything below works on directory descriptors, never on paths, and
 * opens nothing through a symbolic link (O_NOFOLLOW, AT_SYMLINK_NOFOLLOW):
 * a link planted where a dossier directory should be is never followed,
 * so nothing outside the output directory is ever removed.  Only regular
 * files are removed.
 */

/* A document of dossier id, as outfile_path() names them. */
static bool is_document(const char *name, const char *id)
{
	size_t n = strlen(name), idlen = strlen(id);
	return n > idlen + 5 && strncmp(name, id, idlen) == 0 &&
	       name[idlen] == '_' &&
	       (strcmp(name + n - 4, ".pdf") == 0 ||
		strcmp(name + n - 4, ".odt") == 0);
}

/* Whether "id/name" is in keep (NULL: nothing is kept). */
static bool kept(const struct batch_ids *keep, const char *id, const char *name)
{
	char rel[PATH_MAX];
	if (keep == NULL ||
	    snprintf(rel, sizeof(rel), "%s/%s", id, name) >= (int)sizeof(rel))
		return false;
	return batch_ids_has(keep, rel);
}

static bool is_regular_at(int dirfd, const char *name)
{
	struct stat st;
	return fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	       S_ISREG(st.st_mode);
}

static bool remove_at(int dirfd, const char *dir, const char *name)
{
	if (unlinkat(dirfd, name, 0) == 0 || errno == ENOENT)
		return true;
	diag(MSG_SWEEP_CANNOT_REMOVE, dir, 0, name, strerror(errno));
	return false;
}

/* The output directory, for the sweeps; -1 after a diagnostic. */
static int open_root(const char *root)
{
	int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		diag(MSG_SWEEP_CANNOT_LIST, root, 0, strerror(errno));
	return fd;
}

/* The output directory listed, its descriptor in *fd; NULL after a
 * diagnostic. */
static DIR *list_root(const char *root, int *fd)
{
	*fd = open_root(root);
	DIR *d = *fd >= 0 ? fdopendir(*fd) : NULL;
	if (d == NULL && *fd >= 0) {
		diag(MSG_SWEEP_CANNOT_LIST, root, 0, strerror(errno));
		close(*fd);
	}
	return d;
}

/* As batch_sweep_dossier(), in the directory rootfd (named root). */
static bool sweep_dossier_at(int rootfd, const char *root, const char *id,
			     const struct batch_ids *keep)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s/%s", root, id);
	int fd =
	    openat(rootfd, id, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		/* Missing, or a link or a file where the directory should be:
		 * not ours to sweep (the worker reported it). */
		return errno == ENOENT || errno == ELOOP || errno == ENOTDIR
			   ? true
			   : (diag(MSG_SWEEP_CANNOT_LIST, dir, 0,
				   strerror(errno)),
			      false);
	DIR *d = fdopendir(fd);
	if (d == NULL) {
		diag(MSG_SWEEP_CANNOT_LIST, dir, 0, strerror(errno));
		close(fd);
		return false;
	}
	bool ok = true, empty = true;
	for (struct dirent *e; ok && (e = readdir(d)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		bool ours =
		    outfile_is_temp(e->d_name, NULL) ||
		    (is_document(e->d_name, id) && !kept(keep, id, e->d_name));
		if (ours && is_regular_at(fd, e->d_name))
			ok = remove_at(fd, dir, e->d_name);
		else
			empty = false;
	}
	closedir(d);
	/* Another process may have added a file meanwhile: then it stays. */
	if (ok && empty)
		unlinkat(rootfd, id, AT_REMOVEDIR);
	return ok;
}

bool batch_sweep_dossier(const char *root, const char *id,
			 const struct batch_ids *keep)
{
	int rootfd = open_root(root);
	if (rootfd < 0)
		return false;
	bool ok = sweep_dossier_at(rootfd, root, id, keep);
	close(rootfd);
	return ok;
}

bool batch_sweep_top(const char *root, const char *const *names)
{
	int fd;
	DIR *d = list_root(root, &fd);
	if (d == NULL)
		return false;
	bool ok = true;
	for (struct dirent *e; ok && (e = readdir(d)) != NULL;) {
		for (const char *const *n = names; *n != NULL; n++)
			if (outfile_is_temp(e->d_name, *n)) {
				if (is_regular_at(fd, e->d_name))
					ok = remove_at(fd, root, e->d_name);
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

bool batch_sweep_gone(const char *root, const struct batch_ids *good, int k,
		      int n)
{
	int fd;
	DIR *d = list_root(root, &fd);
	if (d == NULL)
		return false;
	bool ok = true;
	for (struct dirent *e; ok && (e = readdir(d)) != NULL;)
		if (is_id(e->d_name) && shard_mine(e->d_name, k, n) &&
		    !batch_ids_has(good, e->d_name))
			ok = sweep_dossier_at(fd, root, e->d_name, NULL);
	closedir(d);
	return ok;
}
