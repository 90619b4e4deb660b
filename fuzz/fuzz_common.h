/*
 * What the libFuzzer harnesses of fuzz/ share: quiet diagnostics, the
 * source tree's data folders, and inputs handed to the real readers as
 * memory files.  For the fuzz/ harnesses only; never linked into parcours.
 */
#ifndef PARCOURS_FUZZ_COMMON_H
#define PARCOURS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "dossier.h"

/* Where the harness finds schema/, templates/ and fonts/. */
#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR "."
#endif

/* The reference date of every run: the spec's worked example. */
#define FUZZ_AS_OF_ISO "2026-11-26"

/*
 * Sends diagnostics to /dev/null (they are expected: most inputs are
 * broken) unless FUZZ_VERBOSE is set.  Idempotent.
 */
void fuzz_quiet(void);

/*
 * Copies size bytes of data into a memory file (memfd, never on disk)
 * and returns a path the readers can fopen(): "/proc/self/fd/N".  The
 * same memory file is reused by every call; the string is static.
 * Aborts if the memory file cannot be made (a harness bug, not a
 * finding).
 */
const char *fuzz_memfile(const uint8_t *data, size_t size);

/*
 * Reads every valid dossier of path (the dossier reader, schema from
 * FUZZ_SRCDIR/schema) and calls fn on each; the dossier is freed after
 * fn returns.  Returns how many dossiers were read.
 */
size_t fuzz_each_dossier(const char *path,
			 void (*fn)(const struct dossier *, void *ctx),
			 void *ctx);

#endif
