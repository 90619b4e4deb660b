/*
 * Files written as a group, synced once (see outfile_group.h).
 */
#define _GNU_SOURCE /* syncfs() */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "outfile.h"
#include "outfile_group.h"

struct pending {
	char *tmp, *final;
};

struct outfile_group {
	char *root;
	struct pending *files;
	size_t n, cap;
	mode_t mode;	     /* of the files: 0644 less the umask */
	char made[PATH_MAX]; /* the last directory made, "" if none */
};

struct outfile_group *outfile_group_new(const char *root)
{
	struct outfile_group *g = calloc(1, sizeof(*g));
	if (g == NULL || (g->root = strdup(root)) == NULL) {
		free(g);
		diag_system(NULL, "out of memory");
		return NULL;
	}
	/* The umask is the process's: read once (reading it sets it). */
	mode_t mask = umask(0);
	umask(mask);
	g->mode = 0644 & ~mask;
	return g;
}

/* The directory of final (cut at slash), made unless it was just made. */
static bool make_dir(struct outfile_group *g, char *final, char *slash)
{
	*slash = '\0';
	bool ok = strcmp(final, g->made) == 0 || outfile_mkdirs(final);
	if (ok)
		snprintf(g->made, sizeof(g->made), "%s", final);
	*slash = '/';
	return ok;
}

bool outfile_group_add(struct outfile_group *g, const char *relpath,
		       const void *data, size_t len)
{
	char final[PATH_MAX], tmp[PATH_MAX];
	if (snprintf(final, sizeof(final), "%s/%s", g->root, relpath) >=
	    (int)sizeof(final)) {
		diag_system(relpath, "path too long");
		return false;
	}
	char *slash = strrchr(final, '/');
	if (!make_dir(g, final, slash))
		return false;
	if (g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 16;
		struct pending *p = realloc(g->files, cap * sizeof(*p));
		if (p == NULL) {
			diag_system(final, "out of memory");
			return false;
		}
		g->files = p;
		g->cap = cap;
	}
	/* outfile_write()'s temporary name: a dot name beside the final
	 * one, on the same file system, that the sweeps recognise. */
	snprintf(tmp, sizeof(tmp), "%.*s/.%s.XXXXXX", (int)(slash - final),
		 final, slash + 1);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_system(final, "cannot create: %s", strerror(errno));
		return false;
	}
	int saved = 0;
	if (fchmod(fd, g->mode) != 0 || !outfile_write_all(fd, data, len))
		saved = errno ? errno : EIO;
#ifndef __linux__
	if (saved == 0 && fsync(fd) != 0) /* no syncfs() to do it later */
		saved = errno;
#endif
	if (close(fd) != 0 && saved == 0)
		saved = errno;
	struct pending p = {strdup(tmp), strdup(final)};
	if (saved == 0 && (p.tmp == NULL || p.final == NULL))
		saved = ENOMEM;
	if (saved != 0) {
		unlink(tmp);
		free(p.tmp);
		free(p.final);
		diag_system(final, "cannot write: %s", strerror(saved));
		return false;
	}
	g->files[g->n++] = p;
	return true;
}

void outfile_group_discard(struct outfile_group *g)
{
	for (size_t i = 0; i < g->n; i++) {
		unlink(g->files[i].tmp);
		free(g->files[i].tmp);
		free(g->files[i].final);
	}
	g->n = 0;
}

/* Every pending file on disk: one syncfs() of their file system. */
static bool sync_all(struct outfile_group *g)
{
#ifdef __linux__
	char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s", g->files[0].tmp);
	*strrchr(dir, '/') = '\0';
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	int saved = fd < 0 || syncfs(fd) != 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
	if (saved != 0) {
		diag_system(g->files[0].final, "cannot write: %s",
			    strerror(saved));
		return false;
	}
#else
	(void)g;
#endif
	return true;
}

bool outfile_group_commit(struct outfile_group *g)
{
	if (g->n == 0)
		return true;
	bool ok = sync_all(g);
	size_t i = 0;
	for (; ok && i < g->n; i++) {
		if (rename(g->files[i].tmp, g->files[i].final) == 0) {
			free(g->files[i].tmp);
			free(g->files[i].final);
			continue;
		}
		diag_system(g->files[i].final, "cannot write: %s",
			    strerror(errno));
		ok = false;
		break;
	}
	/* What was not renamed goes. */
	memmove(g->files, g->files + i, (g->n - i) * sizeof(*g->files));
	g->n -= i;
	outfile_group_discard(g);
	return ok;
}

void outfile_group_free(struct outfile_group *g)
{
	if (g == NULL)
		return;
	outfile_group_discard(g);
	free(g->files);
	free(g->root);
	free(g);
}
