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
#ifdef __linux__
#include <sys/xattr.h>
#endif

#include "diag.h"
#include "grow.h"
#include "outfile.h"
#include "outfile_group.h"

/* A directory of pending files, opened once for all of them. */
struct dir {
	char *rel;  /* under the root, "" for the root itself */
	int fd;	    /* opened without following links */
	bool chmod; /* its files need an fchmod() to get the group's mode */
};

/* A file written under its temporary name, in its directory. */
struct pending {
	size_t dir; /* in the group's dirs */
	char *tmp;  /* names in that directory */
	char *final;
	char *shown; /* root/relpath, for messages */
	size_t len;
	int fd; /* held for the commit (let_go()), or -1 */
};

struct outfile_group {
	char *root;
	struct pending *files;
	size_t n, cap;
	size_t bytes; /* of the pending files */
	/* The directories of the pending files, each once, in the order
	 * of their first file (of a failed add too); closed by the commit. */
	struct dir *dirs;
	size_t ndirs, capdirs;
	/* files[0..complete) are of complete wholes, and their directories
	 * among dirs[0..complete_dirs). */
	size_t complete, complete_dirs;
	mode_t mode; /* of the files: 0644 less the umask */
	int rootfd;  /* the root while dirs has any, else -1 */
	size_t held; /* pending files' descriptors open */
};

struct outfile_group *outfile_group_new(const char *root)
{
	struct outfile_group *g = calloc(1, sizeof(*g));
	if (g == NULL || (g->root = strdup(root)) == NULL) {
		free(g);
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	g->mode = outfile_mode(); /* read once: the umask is the process's */
	g->rootfd = -1;
	return g;
}

/* Why a directory of ours could not be opened, errno's. */
static void report_dir(const char *shown)
{
	if (errno == ELOOP || errno == ENOTDIR)
		diag(MSG_OUT_CANNOT_WRITE_SYMBOLIC_LINK, shown, 0);
	else
		diag(MSG_OUT_CANNOT_CREATE, shown, 0, strerror(errno));
}

/*
 * The root, made if missing and opened once for the directories of the
 * pending files (closed with the last of them): a dossier's directory
 * then costs no mkdir() of every level of the root.  -1 after a system
 * diagnostic naming shown.
 */
static int root_fd(struct outfile_group *g, const char *shown)
{
	if (g->rootfd >= 0)
		return g->rootfd;
	if (!outfile_mkdirs(g->root))
		return -1;
	g->rootfd = open(g->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (g->rootfd < 0)
		report_dir(shown);
	return g->rootfd;
}

/*
 * Opens the directory reldir under the root (rootfd), made if missing,
 * each level opened with O_NOFOLLOW: a symbolic link (or a file) planted
 * where a directory of ours goes is never written through.  A descriptor
 * of its own, or -1 after a system diagnostic naming shown.
 */
static int walk_dir(int rootfd, const char *reldir, const char *shown)
{
	int fd = rootfd;
	char part[PATH_MAX];
	snprintf(part, sizeof(part), "%s", reldir);
	if (*part == '\0')
		fd = fcntl(rootfd, F_DUPFD_CLOEXEC, 0);
	for (char *name = part, *next; fd >= 0 && *name != '\0'; name = next) {
		next = strchr(name, '/');
		if (next != NULL)
			*next++ = '\0';
		else
			next = name + strlen(name);
		if (mkdirat(fd, name, 0755) != 0 && errno != EEXIST) {
			if (fd != rootfd)
				close(fd);
			fd = -1;
			break;
		}
		int sub = openat(
		    fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd != rootfd)
			close(fd);
		fd = sub;
	}
	if (fd < 0)
		report_dir(shown);
	return fd;
}

/*
 * Whether a file created in the directory fd with the group's mode needs
 * an fchmod() to have it.  Without a default ACL the kernel takes the
 * mode less the umask, which the group's mode already is: the fchmod()
 * would be a system call per file for nothing.  A default ACL (or an
 * answer we cannot read) overrides the umask, and the fchmod() stays.
 */
static bool dir_needs_chmod(int fd)
{
#ifdef __linux__
	if (fgetxattr(fd, "system.posix_acl_default", NULL, 0) < 0 &&
	    (errno == ENODATA || errno == ENOTSUP))
		return false;
#else
	(void)fd;
#endif
	return true;
}

/*
 * The index in g->dirs of the directory reldir, opened by walk_dir() if
 * no pending file has opened it yet; false after a system diagnostic
 * naming shown.  The last one opened first: a dossier's files are
 * added one after the other.
 */
static bool find_dir(struct outfile_group *g, const char *reldir,
		     const char *shown, size_t *at)
{
	for (size_t i = g->ndirs; i-- > 0;)
		if (strcmp(g->dirs[i].rel, reldir) == 0) {
			*at = i;
			return true;
		}
	if (!grow_array(&g->dirs, &g->capdirs, g->ndirs, 16,
			sizeof(*g->dirs))) {
		diag(MSG_OUT_OF_MEMORY, shown, 0);
		return false;
	}
	struct dir d = {strdup(reldir), -1, true};
	if (d.rel == NULL) {
		diag(MSG_OUT_OF_MEMORY, shown, 0);
		return false;
	}
	int rootfd = root_fd(g, shown);
	if (rootfd < 0 || (d.fd = walk_dir(rootfd, reldir, shown)) < 0) {
		free(d.rel);
		return false;
	}
	d.chmod = dir_needs_chmod(d.fd);
	*at = g->ndirs;
	g->dirs[g->ndirs++] = d;
	return true;
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
	size_t dir;
	if (!find_dir(g, reldir, shown, &dir))
		return false;
	if (!grow_array(&g->files, &g->cap, g->n, 16, sizeof(*g->files))) {
		diag(MSG_OUT_OF_MEMORY, shown, 0);
		return false;
	}
	int dirfd = g->dirs[dir].fd;
	int fd = outfile_temp(dirfd, name, g->mode, tmp, sizeof(tmp));
	if (fd < 0) {
		diag(MSG_OUT_CANNOT_CREATE, shown, 0, strerror(errno));
		return false;
	}
	int saved = 0;
	if ((g->dirs[dir].chmod && fchmod(fd, g->mode) != 0) ||
	    !outfile_write_all(fd, data, len))
		saved = errno ? errno : EIO;
#ifndef __linux__
	if (saved == 0 && fsync(fd) != 0) /* no syncfs() to do it later */
		saved = errno;
#endif
	struct pending p = {dir,	   strdup(tmp), strdup(name),
			    strdup(shown), len,		-1};
	if (saved == 0 && (p.tmp == NULL || p.final == NULL || p.shown == NULL))
		saved = ENOMEM;
	if (saved == 0 && g->held < OUTFILE_GROUP_HELD_FILES) {
		p.fd = fd;
		g->held++;
	} else if (close(fd) != 0 && saved == 0) {
		saved = errno;
	}
	if (saved != 0) {
		unlinkat(dirfd, tmp, 0);
		free(p.tmp);
		free(p.final);
		free(p.shown);
		diag(MSG_OUT_CANNOT_WRITE, shown, 0, strerror(saved));
		return false;
	}
	g->files[g->n++] = p;
	g->bytes += len;
	return true;
}

void outfile_group_complete(struct outfile_group *g)
{
	g->complete = g->n;
	g->complete_dirs = g->ndirs;
}

bool outfile_group_due(const struct outfile_group *g)
{
	return g->n >= OUTFILE_GROUP_DUE_FILES ||
	       g->bytes >= OUTFILE_GROUP_DUE_BYTES;
}

/* Removes files[from..n): their temporary files, their names. */
static void drop_from(struct outfile_group *g, size_t from)
{
	for (size_t i = from; i < g->n; i++) {
		struct pending *p = &g->files[i];
		if (p->fd >= 0) {
			close(p->fd);
			g->held--;
		}
		if (p->tmp != NULL) /* NULL: renamed into place */
			unlinkat(g->dirs[p->dir].fd, p->tmp, 0);
		free(p->tmp);
		free(p->final);
		free(p->shown);
		g->bytes -= p->len;
	}
	g->n = from;
	if (g->complete > from)
		g->complete = from;
}

/* Closes dirs[from..ndirs). */
static void close_dirs_from(struct outfile_group *g, size_t from)
{
	for (size_t i = from; i < g->ndirs; i++) {
		close(g->dirs[i].fd);
		free(g->dirs[i].rel);
	}
	g->ndirs = from;
	if (g->complete_dirs > from)
		g->complete_dirs = from;
	if (from == 0 && g->rootfd >= 0) {
		close(g->rootfd);
		g->rootfd = -1;
	}
}

void outfile_group_discard_incomplete(struct outfile_group *g)
{
	drop_from(g, g->complete);
	close_dirs_from(g, g->complete_dirs);
}

/* Every pending file on disk: one syncfs() of their file system. */
static bool sync_all(struct outfile_group *g)
{
#ifdef __linux__
	/* Through a directory opened before any pending file was written:
	 * a write-back error since then is reported here. */
	if (syncfs(g->dirs[g->files[0].dir].fd) != 0) {
		diag(MSG_OUT_CANNOT_WRITE, g->files[0].shown, 0,
		     strerror(errno));
		return false;
	}
#else
	(void)g;
#endif
	return true;
}

/*
 * A synced file's pages let go, and its descriptor closed; false after
 * a diagnostic if the close reports an error, the file then not put in
 * place.  A campaign writes gigabytes that nobody reads back soon: kept,
 * their pages grew the page cache with the campaign, and the kernel's
 * cost of a file with it (0.10 ms at 1 000 dossiers, 0.15 at 10 000),
 * evicting what other programs had cached.
 */
static bool let_go(struct outfile_group *g, struct pending *p)
{
	if (p->fd < 0)
		return true;
	(void)posix_fadvise(p->fd, 0, 0, POSIX_FADV_DONTNEED); /* advice */
	int closed = close(p->fd);
	p->fd = -1;
	g->held--;
	if (closed != 0) {
		diag(MSG_OUT_CANNOT_WRITE, p->shown, 0, strerror(errno));
		return false;
	}
	return true;
}

bool outfile_group_commit(struct outfile_group *g)
{
	bool synced = g->n == 0 || sync_all(g), ok = synced;
	for (size_t i = 0; synced && i < g->n; i++) {
		struct pending *p = &g->files[i];
		int dirfd = g->dirs[p->dir].fd;
		if (!let_go(g, p)) {
			ok = false;
			continue;
		}
		if (renameat(dirfd, p->tmp, dirfd, p->final) == 0) {
			free(p->tmp);
			p->tmp = NULL;
			continue;
		}
		/* This file's failure is not the other files': their
		 * wholes go into place. */
		diag(MSG_OUT_CANNOT_WRITE, p->shown, 0, strerror(errno));
		ok = false;
	}
	/* What was not renamed goes. */
	drop_from(g, 0);
	close_dirs_from(g, 0);
	return ok;
}

void outfile_group_free(struct outfile_group *g)
{
	if (g == NULL)
		return;
	drop_from(g, 0);
	close_dirs_from(g, 0);
	free(g->files);
	free(g->dirs);
	free(g->root);
	free(g);
}
