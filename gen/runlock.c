/*
 * The output directory's lock (see runlock.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "diag.h"
#include "runlock.h"

/* A dot name: never a dossier id (ids do not start with "."). */
#define RUNLOCK_STEM ".parcours-lock"

struct runlock {
	int dirfd, filefd;
};

void runlock_free(struct runlock *l)
{
	if (l == NULL)
		return;
	if (l->filefd >= 0)
		close(l->filefd);
	if (l->dirfd >= 0)
		close(l->dirfd);
	free(l);
}

static void busy(const char *dir)
{
	diag(MSG_LOCK_BUSY, dir, 0);
}

struct runlock *runlock_take(const char *dir, int k, int n)
{
	struct runlock *l = malloc(sizeof(*l));
	if (l == NULL) {
		diag(MSG_OUT_OF_MEMORY, dir, 0);
		return NULL;
	}
	l->filefd = -1;
	l->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (l->dirfd < 0) {
		diag(MSG_VERIFY_CANNOT_OPEN, dir, 0, strerror(errno));
		runlock_free(l);
		return NULL;
	}
	if (flock(l->dirfd, (n > 0 ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
		if (errno == EWOULDBLOCK)
			busy(dir);
		else
			diag(MSG_LOCK_FAILED, dir, 0, strerror(errno));
		runlock_free(l);
		return NULL;
	}
	if (n == 0)
		return l;
	char name[64];
	snprintf(name, sizeof(name), RUNLOCK_STEM "-%d-of-%d", k, n);
	l->filefd = openat(l->dirfd, name,
			   O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (l->filefd < 0 || flock(l->filefd, LOCK_EX | LOCK_NB) != 0) {
		if (l->filefd >= 0 && errno == EWOULDBLOCK)
			busy(dir);
		else
			diag(MSG_LOCK_FAILED_AT, dir, 0, name, strerror(errno));
		runlock_free(l);
		return NULL;
	}
	return l;
}

bool runlock_is_name(const char *name)
{
	size_t n = strlen(RUNLOCK_STEM);
	return strncmp(name, RUNLOCK_STEM, n) == 0 &&
	       (name[n] == '\0' || name[n] == '-');
}
