/*
 * Diagnostics: the one place that prints problems, as
 * "parcours: FILE:LINE: error: message".  Remembers the worst level seen,
 * which main() turns into the exit status (cli.md).  Messages carry the
 * dossier id at most, never personal data.
 */
#ifndef PARCOURS_DIAG_H
#define PARCOURS_DIAG_H

#include <stdio.h>

/* Ordered by severity; the values are the exit statuses of cli.md. */
enum diag_level {
	DIAG_OK = 0,
	DIAG_ERROR = 1,	 /* a dossier or an input had an error */
	DIAG_USAGE = 2,	 /* bad command line */
	DIAG_SYSTEM = 3, /* cannot write, out of memory, missing resource */
};

/* line <= 0 prints "FILE: " alone; file NULL prints no location. */
void diag_error(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_warning(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_system(const char *file, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A system error at a line of a resource file (a broken template). */
void diag_system_at(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "parcours: FILE:LINE: note: message": a remark that is no problem. */
void diag_note(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Raises the worst level without a message: for a problem already
 * reported by another process (a batch worker).
 */
void diag_raise(enum diag_level);

/*
 * Called after each error (DIAG_ERROR or DIAG_SYSTEM) is printed, with
 * its location and its message formatted (cut at 511 bytes); the batch
 * runner keeps them for its summary.  NULL removes the hook.
 */
typedef void diag_hook_fn(void *ctx, enum diag_level, const char *file,
			  long line, const char *message);
void diag_set_hook(diag_hook_fn *, void *ctx);

/* Worst level reported so far; its value is the exit status. */
enum diag_level diag_worst(void);
/* Number of errors (not warnings) reported so far. */
unsigned long diag_errors(void);
/* Where messages go (default stderr); for tests.  Resets the counters. */
void diag_reset(FILE *stream);

#endif
