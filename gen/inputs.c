/*
 * INPUT expansion (see inputs.h).  Directory listings are sorted by byte
 * value, not by locale, so that the order (and with it every output) is
 * the same on every machine.
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "grow.h"
#include "inputs.h"

struct inputs {
	char **paths;
	size_t n, cap;
};

static bool push(struct inputs *in, char *path)
{
	if (path == NULL)
		return false;
	if (!grow_array(&in->paths, &in->cap, in->n, 16, sizeof(*in->paths))) {
		free(path);
		return false;
	}
	in->paths[in->n++] = path;
	return true;
}

static char *dup_string(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

/* "dir/name", without doubling a slash the user typed. */
static char *join(const char *dir, const char *name)
{
	size_t ndir = strlen(dir), nname = strlen(name);
	bool slash = ndir > 0 && dir[ndir - 1] == '/';
	char *p = malloc(ndir + !slash + nname + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, dir, ndir);
	if (!slash)
		p[ndir++] = '/';
	memcpy(p + ndir, name, nname + 1);
	return p;
}

/* What a shell's *.xml would match: no dot files. */
static bool is_xml_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends dir's regular *.xml files, sorted; false only on OOM. */
static bool add_directory(struct inputs *in, const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		diag(MSG_INPUT_CANNOT_READ_DIRECTORY, dir, 0, strerror(errno));
		return true;
	}
	size_t first = in->n;
	bool ok = true;
	struct dirent *e;
	errno = 0;
	while (ok && (e = readdir(d)) != NULL) {
		if (!is_xml_name(e->d_name))
			continue;
		char *path = join(dir, e->d_name);
		struct stat st;
		/* stat, not lstat: a symlink to a dossier is a dossier. */
		if (path != NULL &&
		    (stat(path, &st) != 0 || !S_ISREG(st.st_mode))) {
			free(path);
			continue;
		}
		ok = push(in, path);
	}
	if (ok && errno != 0)
		diag(MSG_INPUT_CANNOT_READ_DIRECTORY, dir, 0, strerror(errno));
	closedir(d);
	if (!ok)
		return false;
	if (in->n == first)
		diag(MSG_INPUT_NO_XML_FILE_DIRECTORY, dir, 0);
	if (in->n - first > 1) /* paths is NULL while the list is empty */
		qsort(in->paths + first, in->n - first, sizeof(in->paths[0]),
		      compare_paths);
	return true;
}

struct inputs *inputs_new(char *const *args, int nargs)
{
	struct inputs *in = calloc(1, sizeof(*in));
	bool ok = in != NULL;
	for (int i = 0; ok && i < nargs; i++) {
		struct stat st;
		if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 &&
		    S_ISDIR(st.st_mode))
			ok = add_directory(in, args[i]);
		else
			ok = push(in, dup_string(args[i]));
	}
	if (!ok) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		inputs_free(in);
		return NULL;
	}
	return in;
}

size_t inputs_count(const struct inputs *in)
{
	return in->n;
}

const char *inputs_path(const struct inputs *in, size_t i)
{
	return i < in->n ? in->paths[i] : NULL;
}

void inputs_free(struct inputs *in)
{
	if (in == NULL)
		return;
	for (size_t i = 0; i < in->n; i++)
		free(in->paths[i]);
	free(in->paths);
	free(in);
}

char *inputs_slurp(const char *path, size_t *size)
{
	return inputs_slurp_max(path, SIZE_MAX - 1, size);
}

char *inputs_slurp_max(const char *path, size_t max, size_t *size)
{
	bool std = strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t n = 0, cap = 0;
	char *buf = NULL;
	int saved = 0;
	/* A file known to be too big is refused before a byte is read. */
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > max)
		saved = EFBIG;
	while (saved == 0) {
		if (n > max) {
			/* A pipe, or a file that grew: read one byte past
			 * max to know, and no further. */
			saved = EFBIG;
			break;
		}
		if (cap - n < 4096) {
			/* One byte more, for the NUL. */
			if (!grow_cap(cap, 65536, 1, &cap) ||
			    !grow_to(&buf, cap + 1, 1)) {
				saved = ENOMEM;
				break;
			}
		}
		size_t want = cap - n;
		if (want > max + 1 - n)
			want = max + 1 - n;
		size_t got = fread(buf + n, 1, want, f);
		n += got;
		if (got == 0) {
			if (ferror(f))
				saved = errno != 0 ? errno : EIO;
			break;
		}
	}
	if (!std)
		fclose(f);
	if (saved != 0) {
		free(buf);
		errno = saved;
		return NULL;
	}
	if (buf == NULL && (buf = malloc(1)) == NULL)
		return NULL;
	buf[n] = '\0';
	*size = n;
	return buf;
}
