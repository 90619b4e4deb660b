/*
 * Diagnostics: the one place that prints problems, as
 * "parcours: FILE:LINE: error: message".  Every message is a row of
 * msg.h; a call names it and gives its arguments:
 *
 *	diag(MSG_TEMPLATE_NESTED, path, line, name);
 *
 * and the compiler checks the arguments against the row's text.
 * Remembers the worst level seen, which main() turns into the exit status
 * (cli.md).  Messages carry the dossier id at most, never personal data.
 */
#ifndef PARCOURS_DIAG_H
#define PARCOURS_DIAG_H

#include <stdarg.h>
#include <stdio.h>

#include "msg.h"

/* Ordered by severity; the values are the exit statuses of cli.md. */
enum diag_level {
	DIAG_OK = 0,
	DIAG_ERROR = 1,	 /* a dossier or an input had an error */
	DIAG_USAGE = 2,	 /* bad command line */
	DIAG_SYSTEM = 3, /* cannot write, out of memory, missing resource */
};

/*
 * diag(MSG_X, file, line, args...): prints message MSG_X at its level.
 * line <= 0 prints "FILE: " alone; file NULL prints no location.  The
 * row's text is handed to diag_msg() as a literal so that printf's
 * format check applies at every call.
 */
#define diag(id, ...) diag_msg(id, MSG_TEXT(id), __VA_ARGS__)
void diag_msg(enum msg, const char *text, const char *file, long line, ...)
    __attribute__((format(printf, 2, 5)));
/* The same with a va_list, for a reporter of its own (template.c). */
void diag_vmsg(enum msg, const char *file, long line, va_list);

/*
 * A message formatted earlier with msg_format() (kept by a parser that
 * reports once it knows the file), printed now at id's level.
 */
void diag_text(enum msg, const char *file, long line, const char *text);

/*
 * msg_format(buf, size, MSG_X, args...): message MSG_X's text into buf,
 * checked as diag() is, for diag_text() later.
 */
#define msg_format(buf, size, id, ...)                                         \
	snprintf(buf, size, MSG_TEXT(id), ##__VA_ARGS__)

/*
 * Raises the worst level without a message: for a problem already
 * reported by another process (a batch worker).
 */
void diag_raise(enum diag_level);

/*
 * Called after each error (an error or a system error) is printed, with
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
