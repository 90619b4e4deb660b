/*
 * Output file names and atomic writes (see outfile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
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

mode_t outfile_mode(void)
{
	/* Reading the umask sets it: set it back. */
	mode_t mask = umask(0);
	umask(mask);
	return 0644 & ~mask;
}

/*
 * root/relpath into final, its directories made and its temporary file
 * created (outfile_temp(), named in tmp): the descriptor, or -1 after a
 * system diagnostic.
 */
static int create_temp(const char *root, const char *relpath,
		       char final[PATH_MAX], char tmp[PATH_MAX])
{
	if (snprintf(final, PATH_MAX, "%s/%s", root, relpath) >= PATH_MAX) {
		diag(MSG_OUT_PATH_TOO_LONG, relpath, 0);
		return -1;
	}
	char *slash = strrchr(final, '/');
	*slash = '\0';
	bool made = outfile_mkdirs(final);
	*slash = '/';
	if (!made)
		return -1;
	int fd = outfile_temp(AT_FDCWD, final, 0600, tmp, PATH_MAX);
	if (fd < 0)
		diag(MSG_OUT_CANNOT_CREATE, final, 0, strerror(errno));
	return fd;
}

bool outfile_write(const char *root, const char *relpath, const void *data,
		   size_t len)
{
	char final[PATH_MAX], tmp[PATH_MAX];
	int fd = create_temp(root, relpath, final, tmp);
	if (fd < 0)
		return false;
	int saved = 0;
	if (fchmod(fd, outfile_mode()) != 0 ||
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
	int fd = create_temp(root, relpath, f->final, f->tmp);
	if (fd < 0) {
		free(f);
		return NULL;
	}
	if (fchmod(fd, outfile_mode()) != 0 ||
	    (f->stream = fdopen(fd, "w")) == NULL) {
		diag(MSG_OUT_CANNOT_CREATE, f->final, 0, strerror(errno));
		close(fd);
		unlink(f->tmp);
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

/* mkstemp()'s characters: those of the six that end a temporary name. */
static const char temp_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
				 "opqrstuvwxyz0123456789";

int outfile_temp(int dirfd, const char *path, mode_t mode, char *tmp,
		 size_t size)
{
	/* A dot name in the same directory: same file system, so rename is
	 * atomic, and hidden from a reader listing the final names. */
	const char *slash = strrchr(path, '/');
	int dirlen = slash != NULL ? (int)(slash + 1 - path) : 0;
	for (int attempt = 0; attempt < 100; attempt++) {
		unsigned char r[6];
		if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
			return -1;
		char suffix[7];
		for (size_t i = 0; i < 6; i++)
			suffix[i] = temp_chars[r[i] % (sizeof(temp_chars) - 1)];
		suffix[6] = '\0';
		if (snprintf(tmp, size, "%.*s.%s.%s", dirlen, path,
			     path + dirlen, suffix) >= (int)size) {
			errno = ENAMETOOLONG;
			return -1;
		}
		int fd = openat(
		    dirfd, tmp,
		    O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

bool outfile_is_temp(const char *name, const char *final)
{
	size_t n = strlen(name);
	if (final == NULL)
		/* ".", the final name (not empty), ".", six characters. */
		return n >= 9 && name[0] == '.' && name[n - 7] == '.' &&
		       strspn(name + n - 6, temp_chars) == 6;
	/* Ours, or libzip's "final.XXXXXX", or ".final.XXXXXX.YYYYYY" had
	 * we both been at it. */
	if (name[0] == '.')
		name++;
	size_t len = strlen(final);
	if (strncmp(name, final, len) != 0 || name[len] != '.')
		return false;
	const char *rest = name + len + 1;
	size_t k = 0;
	while (rest[k] == '.' ||
	       (rest[k] != '\0' && strchr(temp_chars, rest[k])))
		k++;
	return k >= 6 && rest[k] == '\0';
}
