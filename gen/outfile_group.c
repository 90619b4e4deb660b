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
#include "grow.h"
#include "outfile.h"
#include "outfile_group.h"

/* A file written under its temporary name, in its directory. */
struct pending {
	int dirfd; /* its directory, opened without following links */
	char *tmp; /* names in that directory */
	char *final;
	char *shown; /* root/relpath, for messages */
};

struct outfile_group {
	char *root;
	struct pending *files;
	size_t n, cap;
	mode_t mode;	     /* of the files: 0644 less the umask */
	char made[PATH_MAX]; /* the directory last opened, relative */
	int madefd;	     /* and its descriptor, -1 if none */
};

struct outfile_group *outfile_group_new(const char *root)
{
	struct outfile_group *g = calloc(1, sizeof(*g));
	if (g == NULL || (g->root = strdup(root)) == NULL) {
		free(g);
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	g->madefd = -1;
	g->mode = outfile_mode(); /* read once: the umask is the process's */
	return g;
}

/*
 * The directory reldir under the root, made if missing, each level
 * opened with O_NOFOLLOW: a symbolic link (or a file) planted where a
 * directory of ours goes is never written through.  The descriptor is
 * the group's (cached); -1 after a system diagnostic naming shown.
 */
static int open_dir(struct outfile_group *g, const char *reldir,
		    const char *shown)
{
	if (g->madefd >= 0 && strcmp(reldir, g->made) == 0)
		return g->madefd;
	if (g->madefd >= 0)
		close(g->madefd);
	g->madefd = -1;
	g->made[0] = '\0';
	if (!outfile_mkdirs(g->root))
		return -1;
	int fd = open(g->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	char part[PATH_MAX];
	snprintf(part, sizeof(part), "%s", reldir);
	for (char *name = part, *next; fd >= 0 && *name != '\0'; name = next) {
		next = strchr(name, '/');
		if (next != NULL)
			*next++ = '\0';
		else
			next = name + strlen(name);
		if (mkdirat(fd, name, 0755) != 0 && errno != EEXIST) {
			close(fd);
			fd = -1;
			break;
		}
		int sub = openat(
		    fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		fd = sub;
	}
	if (fd < 0) {
		if (errno == ELOOP || errno == ENOTDIR)
			diag(MSG_OUT_CANNOT_WRITE_SYMBOLIC_LINK, shown, 0);
		else
			diag(MSG_OUT_CANNOT_CREATE, shown, 0, strerror(errno));
		return -1;
	}
	snprintf(g->made, sizeof(g->made), "%s", reldir);
	g->madefd = fd;
	return fd;
}

bool outfile_group_add(struct outfile_group *g, const char *relpath,
		       const void *data, size_t len)
{
	char shown[PATH_MAX], reldir[PATH_MAX], tmp[NAME_MAX + 1];
	if (snprintf(shown, sizeof(shown), "%s/%s", g->root, relpath) >=
	    (int)sizeof(shown)) {
		diag(MSG_OUT_PATH_TOO_LONG, relpath, 0);
		return false;
	}
	const char *slash = strrchr(relpath, '/');
	const char *name = slash != NULL ? slash + 1 : relpath;
	snprintf(reldir, sizeof(reldir), "%.*s",
		 slash != NULL ? (int)(slash - relpath) : 0, relpath);
	int dirfd = open_dir(g, reldir, shown);
	if (dirfd < 0)
		return false;
	if (!grow_array(&g->files, &g->cap, g->n, 16, sizeof(*g->files))) {
		diag(MSG_OUT_OF_MEMORY, shown, 0);
		return false;
	}
	int fd = outfile_temp(dirfd, name, g->mode, tmp, sizeof(tmp));
	if (fd < 0) {
		diag(MSG_OUT_CANNOT_CREATE, shown, 0, strerror(errno));
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
	struct pending p = {dup(dirfd), strdup(tmp), strdup(name),
			    strdup(shown)};
	if (saved == 0 && (p.dirfd < 0 || p.tmp == NULL || p.final == NULL ||
			   p.shown == NULL))
		saved = p.dirfd < 0 ? errno : ENOMEM;
	if (saved != 0) {
		unlinkat(dirfd, tmp, 0);
		if (p.dirfd >= 0)
			close(p.dirfd);
		free(p.tmp);
		free(p.final);
		free(p.shown);
		diag(MSG_OUT_CANNOT_WRITE, shown, 0, strerror(saved));
		return false;
	}
	g->files[g->n++] = p;
	return true;
}

static void pending_free(struct pending *p)
{
	close(p->dirfd);
	free(p->tmp);
	free(p->final);
	free(p->shown);
}

void outfile_group_discard(struct outfile_group *g)
{
	for (size_t i = 0; i < g->n; i++) {
		unlinkat(g->files[i].dirfd, g->files[i].tmp, 0);
		pending_free(&g->files[i]);
	}
	g->n = 0;
}

/* Every pending file on disk: one syncfs() of their file system. */
static bool sync_all(struct outfile_group *g)
{
#ifdef __linux__
	if (syncfs(g->files[0].dirfd) != 0) {
		diag(MSG_OUT_CANNOT_WRITE, g->files[0].shown, 0,
		     strerror(errno));
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
		struct pending *p = &g->files[i];
		if (renameat(p->dirfd, p->tmp, p->dirfd, p->final) == 0) {
			pending_free(p);
			continue;
		}
		diag(MSG_OUT_CANNOT_WRITE, p->shown, 0, strerror(errno));
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
	if (g->madefd >= 0)
		close(g->madefd);
	free(g->files);
	free(g->root);
	free(g);
}
