/*
 * parcours verify DIR|MANIFEST: re-hashes every file a manifest lists and
 * reports missing, changed and unlisted files (cli.md); with --expect,
 * checks the manifest itself against the hash `all` printed.
 *
 * The directory and the manifest may have been tampered with, so verify
 * trusts neither: it stays inside the directory (every file is opened
 * relative to a directory descriptor, no symbolic link is ever followed),
 * accepts regular files only (opened without blocking, so that a FIFO or
 * a device cannot hang it), compares sizes before hashing (a huge sparse
 * file listed as 10 bytes is not read), walks the tree without recursion
 * and shows every name with its control characters escaped.  Each check
 * is a function of its own, so that more (the seal) can join them.
 *
 * A manifest of 50 000 dossiers has some 650 000 rows: it is read three
 * times rather than held (its hash; its rows, checked, and the keys of
 * the paths they list; the files), and each later reading must give the
 * bytes of the first, so that what is checked is what was hashed.
 */
#define _GNU_SOURCE /* fopencookie; fdopendir, openat with O_NOFOLLOW */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "grow.h"
#include "manifest.h"
#include "runlock.h"
#include "utf8.h"
#include "verify_seal.h"

/* Largest manifest read: some 2 million rows. */
#define VERIFY_MANIFEST_MAX (256L * 1024 * 1024)

struct verify {
	const struct options *o;
	int dirfd;		/* the output directory */
	char dir[4 * PATH_MAX]; /* its name, as given, escaped */
	char root[PATH_MAX];	/* its name, as given, for the seals */
	char manifest_name[NAME_MAX + 1];  /* in dir */
	char shown_manifest[4 * PATH_MAX]; /* for messages, escaped */
	int manifest_fd;
	unsigned long long manifest_bytes; /* as first read */
	char manifest_sha[SHA256_HEX_LEN]; /* as first read */
	/* The keys of the listed paths, one per row, sorted. */
	unsigned char (*listed)[MANIFEST_KEY_LEN];
	size_t nlisted, listed_cap;
	struct verify_seal *seal; /* the seals' checks (verify_seal.h) */
	unsigned long problems;
};

/* ---- names in messages ----------------------------------------------- */

/*
 * s for a terminal: control characters (C0, DEL, C1) and bytes that are
 * not UTF-8 as \xHH, a backslash doubled, so that a name in a tampered
 * manifest or directory can neither move the cursor nor rewrite what
 * the terminal shows.  Cut to size.
 */
static const char *shown(const char *s, char *out, size_t size)
{
	size_t o = 0, len = strlen(s);
	while (len > 0 && o + 9 < size) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		bool bad = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
			   (n == 1 && (unsigned char)*s >= 0x80);
		if (bad) {
			for (size_t i = 0; i < n; i++)
				o += (size_t)snprintf(out + o, size - o,
						      "\\x%02X",
						      (unsigned char)s[i]);
		} else if (*s == '\\') {
			out[o++] = '\\';
			out[o++] = '\\';
		} else {
			memcpy(out + o, s, n);
			o += n;
		}
		s += n;
		len -= n;
	}
	out[o] = '\0';
	return out;
}

/*
 * problem(v, MSG_X, line, rel, args...): file rel (relative to the
 * directory) has problem MSG_X.  At a line of the manifest the file is
 * named before the message; a file found by the walk is its location.
 */
#define problem(v, id, line, ...)                                              \
	verify_problem(v, id, MSG_TEXT(id), line, __VA_ARGS__)

static void verify_problem(struct verify *v, enum msg id, const char *text,
			   long line, const char *rel, ...)
    __attribute__((format(printf, 3, 6)));

/* text is msg_text(id), or "%s" for a message chosen at run time. */
static void verify_problem(struct verify *v, enum msg id, const char *text,
			   long line, const char *rel, ...)
{
	char name[4 * PATH_MAX], full[8 * PATH_MAX], what[1024];
	va_list ap;
	va_start(ap, rel);
	vsnprintf(what, sizeof(what), text, ap);
	va_end(ap);
	shown(rel, name, sizeof(name));
	if (line > 0) {
		snprintf(full, sizeof(full), "%s: %s", name, what);
		diag_text(id, v->shown_manifest, line, full);
	} else {
		/* Found by the walk: named as the user would open it. */
		snprintf(full, sizeof(full), "%s/%s", v->dir, name);
		diag_text(id, full, 0, what);
	}
	v->problems++;
}

/* What open_listed() found, as text: for MSG_VERIFY_UNREADABLE, errno's. */
static const char *why_text(enum msg why, int err)
{
	return why == MSG_VERIFY_UNREADABLE ? strerror(err) : msg_text(why);
}

/* A problem chosen at run time (by open_listed() or unlisted()). */
static void problem_found(struct verify *v, enum msg why, int err, long line,
			  const char *rel)
{
	verify_problem(v, why, "%s", line, rel, why_text(why, err));
}

/* ---- opening without leaving the directory --------------------------- */

/* A listed path must stay inside the directory: no "..", no "/" first. */
static bool path_is_safe(const char *p)
{
	if (p[0] == '/' || p[0] == '\0')
		return false;
	for (const char *s = p; s != NULL; s = strchr(s, '/')) {
		if (*s == '/')
			s++;
		if (strncmp(s, "..", 2) == 0 && (s[2] == '/' || s[2] == '\0'))
			return false;
	}
	return true;
}

/*
 * Opens rel under the directory one component at a time, never through
 * a symbolic link, and only if it is a regular file: its descriptor and
 * *st, or -1 with *why saying what is there instead (and *err the errno
 * of MSG_VERIFY_UNREADABLE).
 */
static int open_listed(const struct verify *v, const char *rel, struct stat *st,
		       enum msg *why, int *err)
{
	char part[PATH_MAX];
	if (snprintf(part, sizeof(part), "%s", rel) >= (int)sizeof(part)) {
		*why = MSG_VERIFY_PATH_TOO_LONG;
		return -1;
	}
	int at = v->dirfd;
	char *name = part;
	for (char *slash; (slash = strchr(name, '/')) != NULL;
	     name = slash + 1) {
		*slash = '\0';
		int fd = openat(
		    at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (at != v->dirfd)
			close(at);
		if (fd < 0) {
			*err = errno;
			*why = errno == ENOENT ? MSG_VERIFY_MISSING
			       : errno == ELOOP || errno == ENOTDIR
				   ? MSG_VERIFY_MISSING_ON_PATH
				   : MSG_VERIFY_UNREADABLE;
			return -1;
		}
		at = fd;
	}
	int fd = -1;
	*err = 0;
	if (fstatat(at, name, st, AT_SYMLINK_NOFOLLOW) != 0)
		*err = errno, *why = errno == ENOENT ? MSG_VERIFY_MISSING
						     : MSG_VERIFY_UNREADABLE;
	else if (S_ISLNK(st->st_mode))
		*why = MSG_VERIFY_SYMLINK;
	else if (!S_ISREG(st->st_mode))
		*why = S_ISDIR(st->st_mode) ? MSG_VERIFY_DIRECTORY
					    : MSG_VERIFY_SPECIAL_FILE;
	else if ((fd = openat(at, name,
			      O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY |
				  O_CLOEXEC)) < 0)
		*err = errno, *why = MSG_VERIFY_UNREADABLE;
	else if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
		/* Swapped between the two looks. */
		*why = MSG_VERIFY_NOT_REGULAR;
		close(fd);
		fd = -1;
	}
	if (at != v->dirfd)
		close(at);
	return fd;
}

/* ---- the checks -------------------------------------------------------- */

/* The manifest itself against --expect, the hash `all` printed. */
static void check_expect(struct verify *v)
{
	if (v->o->expect == NULL || strcmp(v->manifest_sha, v->o->expect) == 0)
		return;
	diag(MSG_VERIFY_MANIFEST_ITSELF_CHANGED_SHA, v->shown_manifest, 0,
	     v->manifest_sha, v->o->expect);
	v->problems++;
}

static bool is_pdf(const char *rel)
{
	size_t n = strlen(rel);
	return n > 4 && strcmp(rel + n - 4, ".pdf") == 0;
}

/*
 * The seal of a listed PDF, once it is known to be a regular file inside
 * the directory, reached without a link, of the size listed (so that
 * what is read is bounded by the manifest).
 */
static void check_seal(struct verify *v, const char *rel)
{
	char path[2 * PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", v->root, rel);
	if (!verify_seal_pdf(v->seal, path))
		v->problems++;
}

/* One listed file: inside the directory, a regular file, same bytes. */
static void check_row(struct verify *v, const struct manifest_row *row)
{
	char hex[SHA256_HEX_LEN];
	unsigned long long bytes;
	struct stat st;
	enum msg why;
	int err;
	if (!path_is_safe(row->path)) {
		problem(v, MSG_VERIFY_LEAVES_DIRECTORY, row->line, row->path);
		return;
	}
	int fd = open_listed(v, row->path, &st, &why, &err);
	if (fd < 0) {
		problem_found(v, why, err, row->line, row->path);
		return;
	}
	/* The size first: what is not the size listed is not hashed. */
	if ((unsigned long long)st.st_size != row->bytes) {
		problem(v, MSG_VERIFY_CHANGED_SIZE, row->line, row->path,
			(unsigned long long)st.st_size, row->bytes);
	} else if (!manifest_sha256_fd(fd, hex, &bytes, row->bytes)) {
		problem(v, MSG_VERIFY_UNREADABLE, row->line, row->path,
			strerror(errno));
	} else {
		if (bytes != row->bytes || strcmp(hex, row->sha256) != 0)
			problem(v, MSG_VERIFY_CHANGED_BYTES, row->line,
				row->path, bytes, hex, row->bytes, row->sha256);
		/* The seal proves by itself what changed, manifest or not:
		 * checked on any regular file of the listed size. */
		if (is_pdf(row->path))
			check_seal(v, row->path);
	}
	close(fd);
}

static int compare_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int compare_key(const void *a, const void *b)
{
	return memcmp(a, b, MANIFEST_KEY_LEN);
}

static bool is_listed(const struct verify *v, const char *rel)
{
	unsigned char key[MANIFEST_KEY_LEN];
	manifest_key(rel, key);
	return bsearch(key, v->listed, v->nlisted, sizeof(*v->listed),
		       compare_key) != NULL;
}

/* A directory being walked: its entries, sorted, and where we are. */
struct frame {
	int fd;
	char *rel; /* "" for the top, else "a/b/" */
	char **names;
	size_t n, next;
};

static void frame_free(struct frame *f)
{
	for (size_t i = f->next; i < f->n; i++)
		free(f->names[i]);
	free(f->names);
	free(f->rel);
	if (f->fd >= 0)
		close(f->fd);
}

/* Lists fd (taken) into f, sorted; false when out of memory. */
static bool frame_open(struct frame *f, int fd, char *rel)
{
	*f = (struct frame){.fd = -1, .rel = rel};
	DIR *d = fdopendir(fd);
	if (d == NULL) {
		close(fd);
		return false;
	}
	f->fd = dup(fd);
	size_t cap = 0;
	bool ok = f->fd >= 0;
	for (struct dirent *e; ok && (e = readdir(d)) != NULL;) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (!grow_array(&f->names, &cap, f->n, 32, sizeof(*f->names))) {
			ok = false;
			break;
		}
		if ((f->names[f->n] = strdup(e->d_name)) == NULL)
			ok = false;
		else
			f->n++;
	}
	closedir(d);
	/* Sorted, so that the report's order does not depend on the disk. */
	if (f->n > 0)
		qsort(f->names, f->n, sizeof(*f->names), compare_str);
	return ok;
}

/* What an entry that is not listed is, for the message. */
static enum msg unlisted(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return MSG_VERIFY_UNLISTED;
	if (S_ISLNK(st->st_mode))
		return MSG_VERIFY_UNLISTED_SYMLINK;
	return MSG_VERIFY_UNLISTED_SPECIAL;
}

/* One entry of the directory on top of the walk; may push another. */
static bool visit(struct verify *v, struct frame *stack, size_t *depth,
		  size_t cap)
{
	struct frame *f = &stack[*depth - 1];
	char *name = f->names[f->next++];
	char *rel = NULL;
	struct stat st;
	bool ok = true;
	if (asprintf(&rel, "%s%s", f->rel, name) < 0) {
		free(name);
		return false;
	}
	if (fstatat(f->fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		/* Gone meanwhile: nothing to say about it. */
	} else if (S_ISDIR(st.st_mode)) {
		int fd =
		    openat(f->fd, name,
			   O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		char *sub = NULL;
		if (fd < 0 || *depth == cap || asprintf(&sub, "%s/", rel) < 0) {
			if (fd < 0)
				problem(v, MSG_VERIFY_UNREADABLE_DIRECTORY, 0,
					rel);
			else
				problem(v, MSG_VERIFY_NESTED_TOO_DEEP, 0, rel);
			if (fd >= 0)
				close(fd);
		} else if (!frame_open(&stack[*depth], fd, sub)) {
			frame_free(&stack[*depth]);
			ok = false;
		} else {
			++*depth;
		}
	} else if (*depth == 1 &&
		   (strcmp(name, v->manifest_name) == 0 ||
		    verify_seal_is_signature(name, v->manifest_name) ||
		    runlock_is_name(name))) {
		/* The manifest, its seal and the shards' lock files. */
	} else if (!S_ISREG(st.st_mode) || !is_listed(v, rel)) {
		problem_found(v, unlisted(&st), 0, 0, rel);
	}
	free(rel);
	free(name);
	return ok;
}

/*
 * Every file under the directory is listed: a depth-first walk with a
 * stack of its own, as deep as there are descriptors to hold it.
 */
static void check_unlisted(struct verify *v)
{
	long max = sysconf(_SC_OPEN_MAX);
	size_t cap = max > 64 ? (size_t)max - 32 : 32;
	if (cap > 100000)
		cap = 100000;
	struct frame *stack = calloc(cap, sizeof(*stack));
	char *top = strdup("");
	int fd = dup(v->dirfd);
	size_t depth = 0;
	bool ok = stack != NULL && top != NULL && fd >= 0;
	if (ok) {
		/* frame_open() takes fd and top, even when it fails. */
		ok = frame_open(&stack[0], fd, top);
		depth = 1;
	} else {
		free(top);
		if (fd >= 0)
			close(fd);
	}
	while (ok && depth > 0) {
		struct frame *f = &stack[depth - 1];
		if (f->next == f->n) {
			frame_free(f);
			depth--;
			continue;
		}
		ok = visit(v, stack, &depth, cap);
	}
	if (!ok)
		diag(MSG_SWEEP_CANNOT_LIST, v->dir, 0,
		     errno ? strerror(errno) : "out of memory");
	while (depth > 0)
		frame_free(&stack[--depth]);
	free(stack);
}

/* ---- setting up -------------------------------------------------------- */

/*
 * The directory and the manifest's name in it, from the argument: a
 * directory (its manifest.csv) or a manifest file.  false after usage.
 */
static bool locate(struct verify *v, const char *arg)
{
	struct stat st;
	char dir[PATH_MAX], path[2 * PATH_MAX];
	const char *slash = strrchr(arg, '/');
	const char *name = slash ? slash + 1 : arg;
	if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(dir, sizeof(dir), "%s", arg);
		name = "manifest.csv";
		snprintf(path, sizeof(path), "%s/%s", arg, name);
	} else {
		snprintf(dir, sizeof(dir), "%.*s",
			 slash ? (int)(slash - arg) : 1, slash ? arg : ".");
		if (dir[0] == '\0')
			snprintf(dir, sizeof(dir), "/");
		snprintf(path, sizeof(path), "%s", arg);
	}
	if (snprintf(v->manifest_name, sizeof(v->manifest_name), "%s", name) >=
	    (int)sizeof(v->manifest_name)) {
		diag(MSG_VERIFY_MANIFEST_NAME_TOO_LONG, NULL, 0);
		return false;
	}
	shown(path, v->shown_manifest, sizeof(v->shown_manifest));
	shown(dir, v->dir, sizeof(v->dir));
	snprintf(v->root, sizeof(v->root), "%s", dir);
	v->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (v->dirfd < 0) {
		diag(MSG_VERIFY_CANNOT_OPEN, v->dir, 0, strerror(errno));
		return false;
	}
	return true;
}

/*
 * Opens the manifest as the listed files are (a regular file, no link
 * followed) and reads it a first time, bounded, for its length and its
 * hash; false after a diagnostic.
 */
static bool open_manifest(struct verify *v)
{
	struct stat st;
	enum msg why;
	int err;
	v->manifest_fd = open_listed(v, v->manifest_name, &st, &why, &err);
	if (v->manifest_fd < 0) {
		diag(MSG_VERIFY_CANNOT_READ_MANIFEST, v->shown_manifest, 0,
		     why_text(why, err));
		return false;
	}
	if (st.st_size > VERIFY_MANIFEST_MAX) {
		diag(MSG_VERIFY_MANIFEST_TOO_LARGE, v->shown_manifest, 0,
		     VERIFY_MANIFEST_MAX / (1024 * 1024));
		return false;
	}
	if (!manifest_sha256_fd(v->manifest_fd, v->manifest_sha,
				&v->manifest_bytes, VERIFY_MANIFEST_MAX)) {
		diag(MSG_VERIFY_CANNOT_READ_MANIFEST, v->shown_manifest, 0,
		     strerror(errno));
		return false;
	}
	if (v->manifest_bytes > VERIFY_MANIFEST_MAX) {
		diag(MSG_VERIFY_CANNOT_READ_MANIFEST, v->shown_manifest, 0,
		     "it grows");
		return false;
	}
	return true; /* an empty one is refused once --expect is checked */
}

/*
 * A later reading of the manifest, as a stream for manifest_each(): the
 * bytes of the first reading's length, hashed as they are read, so that
 * reread_manifest() can tell whether they are the bytes first read.
 */
struct reread {
	int fd;
	unsigned long long off, len;
	struct manifest_hash *hash;
};

static ssize_t reread_read(void *cookie, char *data, size_t size)
{
	struct reread *r = cookie;
	if (size > r->len - r->off)
		size = (size_t)(r->len - r->off);
	ssize_t n;
	do
		n = pread(r->fd, data, size, (off_t)r->off);
	while (n < 0 && errno == EINTR);
	if (n > 0) {
		manifest_hash_add(r->hash, data, (size_t)n);
		r->off += (unsigned long long)n;
	}
	return n;
}

/* One more reading of the manifest: each row to fn; false after diagnostics. */
static bool reread_manifest(struct verify *v, manifest_row_fn *fn)
{
	static const cookie_io_functions_t io = {.read = reread_read};
	struct reread r = {v->manifest_fd, 0, v->manifest_bytes,
			   manifest_hash_new()};
	FILE *in = r.hash != NULL ? fopencookie(&r, "r", io) : NULL;
	if (in == NULL) {
		if (r.hash != NULL) {
			char ignored[SHA256_HEX_LEN];
			manifest_hash_end(r.hash, ignored);
		}
		diag(MSG_OUT_OF_MEMORY, v->shown_manifest, 0);
		return false;
	}
	bool ok = manifest_each(in, v->shown_manifest, fn, v);
	fclose(in);
	char hex[SHA256_HEX_LEN];
	manifest_hash_end(r.hash, hex);
	if (ok && (r.off != r.len || strcmp(hex, v->manifest_sha) != 0)) {
		diag(MSG_VERIFY_CANNOT_READ_MANIFEST, v->shown_manifest, 0,
		     "it changed while it was read");
		ok = false;
	}
	return ok;
}

/* manifest_each()'s callback of the second reading: a listed path's key. */
static bool keep_key(void *ctx, const struct manifest_row *row)
{
	struct verify *v = ctx;
	if (!grow_array(&v->listed, &v->listed_cap, v->nlisted, 1024,
			sizeof(*v->listed))) {
		diag(MSG_OUT_OF_MEMORY, v->shown_manifest, 0);
		return false;
	}
	manifest_key(row->path, v->listed[v->nlisted++]);
	return true;
}

/* The manifest's rows, all well formed, and the keys of their paths. */
static bool list_manifest(struct verify *v)
{
	if (!reread_manifest(v, keep_key))
		return false;
	if (v->nlisted > 0)
		qsort(v->listed, v->nlisted, sizeof(*v->listed), compare_key);
	return true;
}

/* manifest_each()'s callback of the third reading: the file of a row. */
static bool check_listed(void *ctx, const struct manifest_row *row)
{
	check_row(ctx, row);
	return true;
}

/* The manifest's detached signature beside it (manifest.csv.p7s). */
static void check_manifest_seal(struct verify *v)
{
	char path[2 * PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", v->root, v->manifest_name);
	if (!verify_seal_manifest(v->seal, path))
		v->problems++;
}

void cmd_verify(const struct options *o)
{
	struct verify v = {.o = o, .dirfd = -1, .manifest_fd = -1};
	if (o->ninputs != 1) {
		diag(MSG_VERIFY_GIVE_ONE_OUTPUT_DIRECTORY, NULL, 0);
		return;
	}
	if (locate(&v, o->inputs[0]) && open_manifest(&v)) {
		check_expect(&v);
		if (list_manifest(&v) &&
		    (v.seal = verify_seal_new(o->trust_file)) != NULL) {
			check_manifest_seal(&v);
			if (reread_manifest(&v, check_listed))
				check_unlisted(&v);
			else
				v.problems++;
			if (v.problems == 0)
				printf("verify: %zu files match %s\n",
				       v.nlisted, v.shown_manifest);
			else
				printf("verify: %lu problem%s in %s (%zu "
				       "files listed)\n",
				       v.problems, v.problems > 1 ? "s" : "",
				       v.shown_manifest, v.nlisted);
			verify_seal_report(v.seal, stdout);
		}
	}
	verify_seal_free(v.seal);
	free(v.listed);
	if (v.manifest_fd >= 0)
		close(v.manifest_fd);
	if (v.dirfd >= 0)
		close(v.dirfd);
}
