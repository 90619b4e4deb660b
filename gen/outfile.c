/*
 * Output file names and atomic writes (see outfile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ascii_fold.h"
#include "diag.h"
#include "outfile.h"

void outfile_path(char path[OUTFILE_PATH_MAX], const char *dossier_id,
		  const char *family, const char *document, date_t date,
		  const char *ext)
{
	char folded[64], iso[DATE_ISO_LEN];
	if (ascii_fold_name(family, folded, sizeof(folded)) == 0)
		strcpy(folded, "X"); /* a name of no Latin letters */
	snprintf(path, OUTFILE_PATH_MAX, "%s/%s_%s_%s_%s.%s", dossier_id,
		 dossier_id, folded, document, date_fmt_iso(date, iso), ext);
}

bool outfile_mkdirs(const char *dir)
{
	char path[PATH_MAX];
	if (snprintf(path, sizeof(path), "%s", dir) >= (int)sizeof(path)) {
		diag(MSG_OUT_PATH_TOO_LONG, dir, 0);
		return false;
	}
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST) {
			diag(MSG_OUT_CANNOT_CREATE_DIRECTORY, path, 0,
			     strerror(errno));
			return false;
		}
		*p = c;
		if (c == '\0')
			return true;
	}
}

bool outfile_write_all(int fd, const void *data, size_t len)
{
	const unsigned char *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

bool outfile_write(const char *root, const char *relpath, const void *data,
		   size_t len)
{
	char final[PATH_MAX], tmp[PATH_MAX];
	if (snprintf(final, sizeof(final), "%s/%s", root, relpath) >=
	    (int)sizeof(final)) {
		diag(MSG_OUT_PATH_TOO_LONG, relpath, 0);
		return false;
	}
	char *slash = strrchr(final, '/');
	*slash = '\0';
	bool made = outfile_mkdirs(final);
	*slash = '/';
	if (!made)
		return false;
	/* A dot name in the same directory: same file system, so rename is
	 * atomic, and hidden from a reader listing the final names. */
	snprintf(tmp, sizeof(tmp), "%.*s/.%s.XXXXXX", (int)(slash - final),
		 final, slash + 1);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag(MSG_OUT_CANNOT_CREATE, final, 0, strerror(errno));
		return false;
	}
	mode_t mask = umask(0);
	umask(mask);
	int saved = 0;
	if (fchmod(fd, 0644 & ~mask) != 0 ||
	    !outfile_write_all(fd, data, len) || fsync(fd) != 0)
		saved = errno ? errno : EIO;
	if (close(fd) != 0 && saved == 0)
		saved = errno;
	if (saved == 0 && rename(tmp, final) != 0)
		saved = errno;
	if (saved != 0) {
		unlink(tmp);
		diag(MSG_OUT_CANNOT_WRITE, final, 0, strerror(saved));
		return false;
	}
	return true;
}

struct outfile {
	FILE *stream;
	char final[PATH_MAX], tmp[PATH_MAX];
};

struct outfile *outfile_open(const char *root, const char *relpath)
{
	struct outfile *f = calloc(1, sizeof(*f));
	if (f == NULL) {
		diag(MSG_OUT_OF_MEMORY, relpath, 0);
		return NULL;
	}
	if (snprintf(f->final, sizeof(f->final), "%s/%s", root, relpath) >=
	    (int)sizeof(f->final)) {
		diag(MSG_OUT_PATH_TOO_LONG, relpath, 0);
		free(f);
		return NULL;
	}
	char *slash = strrchr(f->final, '/');
	*slash = '\0';
	bool made = outfile_mkdirs(f->final);
	*slash = '/';
	if (!made) {
		free(f);
		return NULL;
	}
	snprintf(f->tmp, sizeof(f->tmp), "%.*s/.%s.XXXXXX",
		 (int)(slash - f->final), f->final, slash + 1);
	int fd = mkstemp(f->tmp);
	mode_t mask = umask(0);
	umask(mask);
	if (fd < 0 || fchmod(fd, 0644 & ~mask) != 0 ||
	    (f->stream = fdopen(fd, "w")) == NULL) {
		diag(MSG_OUT_CANNOT_CREATE, f->final, 0, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(f->tmp);
		}
		free(f);
		return NULL;
	}
	return f;
}

const char *outfile_temp_path(const struct outfile *f)
{
	return f->tmp;
}

FILE *outfile_stream(struct outfile *f)
{
	return f->stream;
}

bool outfile_commit(struct outfile *f)
{
	int saved = 0;
	errno = 0;
	if (fflush(f->stream) != 0 || ferror(f->stream) ||
	    fsync(fileno(f->stream)) != 0)
		saved = errno ? errno : EIO;
	if (fclose(f->stream) != 0 && saved == 0)
		saved = errno;
	if (saved == 0 && rename(f->tmp, f->final) != 0)
		saved = errno;
	if (saved != 0) {
		unlink(f->tmp);
		diag(MSG_OUT_CANNOT_WRITE, f->final, 0, strerror(saved));
	}
	free(f);
	return saved == 0;
}

void outfile_discard(struct outfile *f)
{
	if (f == NULL)
		return;
	fclose(f->stream);
	unlink(f->tmp);
	free(f);
}

void outfile_abandon(struct outfile *f)
{
	if (f == NULL)
		return;
	fclose(f->stream); /* empty: the parent flushed before the fork */
	free(f);
}

bool outfile_is_temp(const char *name)
{
	/* ".", the final name (not empty), ".", six mkstemp characters. */
	size_t n = strlen(name);
	if (n < 9 || name[0] != '.' || name[n - 7] != '.')
		return false;
	for (size_t i = n - 6; i < n; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9')))
			return false;
	}
	return true;
}
