/*
 * A fault injector for the tests (tests/fault/run.sh): preloaded with
 * LD_PRELOAD, it makes one libc function fail with a chosen errno, so
 * that the messages of system faults no input can cause are produced
 * and their handling checked.  Never linked into parcours.
 *
 *	FAULT=FUNC:ERRNO[:SUBSTRING[:NTH]]
 *
 * FUNC is one of the functions below, ERRNO a name (EACCES, EIO...).
 * SUBSTRING (empty: any) must occur in the path the call names, or for
 * a call on a descriptor in the path /proc/self/fd shows for it.  NTH
 * fails the NTH matching call only, "NTH+" every one from the NTH on;
 * without it every matching call fails.  Each process counts its own
 * calls (a forked worker starts from its parent's count).  FAULT_SWAP
 * and FAULT_READ_MAX (below) swap a file or shorten reads instead.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static struct {
	bool parsed;
	char func[32];
	int err;
	char sub[PATH_MAX];
	long nth;
	bool onwards;
	long seen;
} fault;

static const struct {
	const char *name;
	int value;
} fault_errnos[] = {
    {"EACCES", EACCES}, {"EIO", EIO},	    {"ENOSPC", ENOSPC},
    {"EMFILE", EMFILE}, {"ENOMEM", ENOMEM}, {"EAGAIN", EAGAIN},
    {"ENOLCK", ENOLCK}, {"EINVAL", EINVAL}, {"EPERM", EPERM},
    {"ENOENT", ENOENT}, {"EBADF", EBADF},   {"EROFS", EROFS},
};

static void fault_parse(void)
{
	fault.parsed = true;
	const char *spec = getenv("FAULT");
	if (spec == NULL)
		return;
	char buf[PATH_MAX + 64], *f[4] = {0};
	snprintf(buf, sizeof(buf), "%s", spec);
	char *p = buf;
	for (int i = 0; i < 4 && p != NULL; i++) {
		f[i] = p;
		p = strchr(p, ':');
		if (p != NULL)
			*p++ = '\0';
	}
	if (f[1] == NULL)
		return;
	for (size_t i = 0; i < sizeof(fault_errnos) / sizeof(*fault_errnos);
	     i++)
		if (strcmp(f[1], fault_errnos[i].name) == 0)
			fault.err = fault_errnos[i].value;
	if (fault.err == 0) {
		fprintf(stderr, "fault.so: unknown errno %s\n", f[1]);
		abort();
	}
	snprintf(fault.func, sizeof(fault.func), "%s", f[0]);
	snprintf(fault.sub, sizeof(fault.sub), "%s", f[2] ? f[2] : "");
	if (f[3] != NULL) {
		fault.nth = strtol(f[3], &p, 10);
		fault.onwards = *p == '+';
	}
}

/* Whether this call of func, on path (NULL: any), is to fail. */
static bool fault_hit(const char *func, const char *path)
{
	if (!fault.parsed)
		fault_parse();
	if (fault.err == 0 || strcmp(func, fault.func) != 0)
		return false;
	if (fault.sub[0] != '\0' &&
	    (path == NULL || strstr(path, fault.sub) == NULL))
		return false;
	fault.seen++;
	if (fault.nth > 0 &&
	    (fault.onwards ? fault.seen < fault.nth : fault.seen != fault.nth))
		return false;
	errno = fault.err;
	return true;
}

/* The path of descriptor fd, for a SUBSTRING; "" when unknown. */
static const char *fault_fd_path(int fd, char *buf, size_t size)
{
	char link[64];
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* The path of descriptor fd when a SUBSTRING needs it. */
#define FD_PATH(fd)                                                            \
	(fault.sub[0] != '\0' ? fault_fd_path(fd, fdbuf, sizeof(fdbuf)) : NULL)

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

int pipe(int fds[2])
{
	if (fault_hit("pipe", NULL))
		return -1;
	return NEXT(pipe)(fds);
}

pid_t fork(void)
{
	if (fault_hit("fork", NULL))
		return -1;
	return NEXT(fork)();
}

/*
 * FAULT_READ_MAX=N: read(2) returns at most N bytes at a time, as a pipe
 * may, so that what a reader makes of the first chunk is seen apart.
 */
static size_t fault_read_max(size_t n)
{
	static long max = -1;
	if (max < 0) {
		const char *v = getenv("FAULT_READ_MAX");
		max = v != NULL ? atol(v) : 0;
	}
	return max > 0 && n > (size_t)max ? (size_t)max : n;
}

ssize_t read(int fd, void *buf, size_t n)
{
	char fdbuf[PATH_MAX];
	n = fault_read_max(n);
	if (fault.parsed && fault.err == 0)
		return NEXT(read)(fd, buf, n);
	if (fault_hit("read", FD_PATH(fd)))
		return -1;
	return NEXT(read)(fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	char fdbuf[PATH_MAX];
	if (fault.parsed && fault.err == 0)
		return NEXT(write)(fd, buf, n);
	if (fault_hit("write", FD_PATH(fd)))
		return -1;
	return NEXT(write)(fd, buf, n);
}

/* A close(2) that fails still releases the descriptor, as Linux's does. */
int close(int fd)
{
	char fdbuf[PATH_MAX];
	if (fault.parsed && fault.err == 0)
		return NEXT(close)(fd);
	bool hit = fault_hit("close", FD_PATH(fd));
	int closed = NEXT(close)(fd);
	if (hit) {
		errno = fault.err;
		return -1;
	}
	return closed;
}

off_t lseek(int fd, off_t off, int whence)
{
	char fdbuf[PATH_MAX];
	if (fault_hit("lseek", FD_PATH(fd)))
		return -1;
	return NEXT(lseek)(fd, off, whence);
}

int flock(int fd, int op)
{
	char fdbuf[PATH_MAX];
	if (fault_hit("flock", FD_PATH(fd)))
		return -1;
	return NEXT(flock)(fd, op);
}

int unlink(const char *path)
{
	if (fault_hit("unlink", path))
		return -1;
	return NEXT(unlink)(path);
}

int unlinkat(int dirfd, const char *name, int flags)
{
	if (fault_hit("unlinkat", name))
		return -1;
	return NEXT(unlinkat)(dirfd, name, flags);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = va_arg(ap, mode_t);
	va_end(ap);
	if (fault_hit("open", path))
		return -1;
	return NEXT(open)(path, flags, mode);
}

/*
 * FAULT_SWAP=SUBSTRING:REPLACEMENT: the first openat(2) of a name
 * holding SUBSTRING is preceded by rename(2) of REPLACEMENT onto it,
 * the swap another process could make between a look at a file and its
 * opening, here at a known moment.
 */
static void fault_swap(int dirfd, const char *path)
{
	static bool done;
	const char *spec = getenv("FAULT_SWAP");
	const char *colon = spec != NULL ? strchr(spec, ':') : NULL;
	if (done || colon == NULL)
		return;
	char sub[PATH_MAX];
	snprintf(sub, sizeof(sub), "%.*s", (int)(colon - spec), spec);
	if (strstr(path, sub) == NULL)
		return;
	done = true;
	if (NEXT(renameat)(AT_FDCWD, colon + 1, dirfd, path) != 0) {
		perror("fault.so: FAULT_SWAP");
		abort();
	}
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = va_arg(ap, mode_t);
	va_end(ap);
	fault_swap(dirfd, path);
	if (fault_hit("openat", path))
		return -1;
	return NEXT(openat)(dirfd, path, flags, mode);
}

int renameat(int olddirfd, const char *old, int newdirfd, const char *new)
{
	if (fault_hit("renameat", new))
		return -1;
	return NEXT(renameat)(olddirfd, old, newdirfd, new);
}

int syncfs(int fd)
{
	char fdbuf[PATH_MAX];
	if (fault_hit("syncfs", FD_PATH(fd)))
		return -1;
	return NEXT(syncfs)(fd);
}

FILE *fopen(const char *path, const char *mode)
{
	if (fault_hit("fopen", path))
		return NULL;
	return NEXT(fopen)(path, mode);
}

FILE *tmpfile(void)
{
	if (fault_hit("tmpfile", NULL))
		return NULL;
	return NEXT(tmpfile)();
}

int mkstemp(char *tmpl)
{
	if (fault_hit("mkstemp", tmpl))
		return -1;
	return NEXT(mkstemp)(tmpl);
}

DIR *opendir(const char *path)
{
	if (fault_hit("opendir", path))
		return NULL;
	return NEXT(opendir)(path);
}

DIR *fdopendir(int fd)
{
	char fdbuf[PATH_MAX];
	if (fault_hit("fdopendir", FD_PATH(fd)))
		return NULL;
	return NEXT(fdopendir)(fd);
}

iconv_t iconv_open(const char *to, const char *from)
{
	if (fault_hit("iconv_open", from))
		return (iconv_t)-1;
	return NEXT(iconv_open)(to, from);
}

/* libcurl's, by its C name: CURLcode is an int, 2 CURLE_FAILED_INIT. */
int curl_global_init(long flags);
int curl_global_init(long flags)
{
	if (fault_hit("curl_global_init", NULL))
		return 2;
	return NEXT(curl_global_init)(flags);
}

int lstat(const char *path, struct stat *st)
{
	if (fault_hit("lstat", path))
		return -1;
	return NEXT(lstat)(path, st);
}

/*
 * Library calls that fail only when memory runs out, made to fail as
 * they then would (NULL, -1 or 0); their types by their C names, so
 * that the shim needs none of the libraries' headers.
 */
typedef void *xml_ptr;

xml_ptr xmlCreatePushParserCtxt(xml_ptr sax, void *user, const char *chunk,
				int size, const char *name);
xml_ptr xmlCreatePushParserCtxt(xml_ptr sax, void *user, const char *chunk,
				int size, const char *name)
{
	if (fault_hit("xmlCreatePushParserCtxt", NULL))
		return NULL;
	return NEXT(xmlCreatePushParserCtxt)(sax, user, chunk, size, name);
}

int xmlRelaxNGValidateDoc(xml_ptr ctxt, xml_ptr doc);
int xmlRelaxNGValidateDoc(xml_ptr ctxt, xml_ptr doc)
{
	if (fault_hit("xmlRelaxNGValidateDoc", NULL))
		return -1;
	return NEXT(xmlRelaxNGValidateDoc)(ctxt, doc);
}

/* libharu's HPDF_STATUS; 0x1015 is HPDF_FAILD_TO_ALLOC_MEM. */
unsigned long HPDF_UseUTFEncodings(xml_ptr doc);
unsigned long HPDF_UseUTFEncodings(xml_ptr doc)
{
	if (fault_hit("HPDF_UseUTFEncodings", NULL))
		return 0x1015;
	return NEXT(HPDF_UseUTFEncodings)(doc);
}

int i2d_TS_REQ(const void *req, unsigned char **out);
int i2d_TS_REQ(const void *req, unsigned char **out)
{
	if (fault_hit("i2d_TS_REQ", NULL))
		return -1;
	return NEXT(i2d_TS_REQ)(req, out);
}

int i2d_CMS_ContentInfo(const void *cms, unsigned char **out);
int i2d_CMS_ContentInfo(const void *cms, unsigned char **out)
{
	if (fault_hit("i2d_CMS_ContentInfo", NULL))
		return -1;
	return NEXT(i2d_CMS_ContentInfo)(cms, out);
}

int CMS_unsigned_add1_attr_by_NID(void *si, int nid, int type,
				  const void *bytes, int len);
int CMS_unsigned_add1_attr_by_NID(void *si, int nid, int type,
				  const void *bytes, int len)
{
	if (fault_hit("CMS_unsigned_add1_attr_by_NID", NULL))
		return 0;
	return NEXT(CMS_unsigned_add1_attr_by_NID)(si, nid, type, bytes, len);
}
