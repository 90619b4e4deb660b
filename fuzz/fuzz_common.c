/*
 * Shared harness code (see fuzz_common.h).  For the fuzz/ harnesses only.
 */
#define _GNU_SOURCE /* memfd_create */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "diag.h"
#include "dossier_read.h"
#include "fuzz_common.h"

void fuzz_quiet(void)
{
	static FILE *sink;
	if (sink != NULL || getenv("FUZZ_VERBOSE") != NULL)
		return;
	sink = fopen("/dev/null", "w");
	if (sink == NULL)
		abort();
	diag_reset(sink);
}

const char *fuzz_memfile(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	if (fd < 0) {
		fd = memfd_create("fuzz-input", 0);
		if (fd < 0)
			abort();
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	return path;
}

size_t fuzz_each_dossier(const char *path,
			 void (*fn)(const struct dossier *, void *ctx),
			 void *ctx)
{
	char *inputs[] = {(char *)path};
	struct dossier_source *src =
	    dossier_source_new(inputs, 1, NULL, FUZZ_SRCDIR "/schema");
	size_t n = 0;
	struct dossier *d;
	while (src != NULL && (d = dossier_source_next(src)) != NULL) {
		fn(d, ctx);
		dossier_free(d);
		n++;
	}
	dossier_source_free(src);
	return n;
}
