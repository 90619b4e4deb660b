/*
 * Diagnostics printer (see diag.h).  The only writer to standard error
 * besides the progress line.
 */
#include <stdarg.h>

#include "diag.h"

static FILE *diag_stream;
static enum diag_level worst = DIAG_OK;
static unsigned long nerrors;

static void emit(const char *level, const char *file, long line,
		 const char *fmt, va_list ap)
{
	FILE *out = diag_stream != NULL ? diag_stream : stderr;
	fputs("parcours: ", out);
	if (file != NULL && line > 0)
		fprintf(out, "%s:%ld: ", file, line);
	else if (file != NULL)
		fprintf(out, "%s: ", file);
	fprintf(out, "%s: ", level);
	vfprintf(out, fmt, ap);
	fputc('\n', out);
}

static void raise_to(enum diag_level level)
{
	if (level > worst)
		worst = level;
}

static diag_hook_fn *hook;
static void *hook_ctx;

void diag_set_hook(diag_hook_fn *fn, void *ctx)
{
	hook = fn;
	hook_ctx = ctx;
}

/* Hands an error just printed to the hook, if one is set. */
static void notify(enum diag_level level, const char *file, long line,
		   const char *fmt, va_list ap)
{
	char message[512];
	if (hook == NULL)
		return;
	vsnprintf(message, sizeof(message), fmt, ap);
	hook(hook_ctx, level, file, line, message);
}

void diag_note(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("note", file, line, fmt, ap);
	va_end(ap);
}

void diag_raise(enum diag_level level)
{
	raise_to(level);
}

void diag_error(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("error", file, line, fmt, ap);
	va_end(ap);
	nerrors++;
	raise_to(DIAG_ERROR);
	va_start(ap, fmt);
	notify(DIAG_ERROR, file, line, fmt, ap);
	va_end(ap);
}

void diag_warning(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("warning", file, line, fmt, ap);
	va_end(ap);
}

void diag_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("usage", NULL, 0, fmt, ap);
	va_end(ap);
	raise_to(DIAG_USAGE);
}

static void system_error(const char *file, long line, const char *fmt,
			 va_list ap)
{
	va_list again;
	va_copy(again, ap);
	emit("error", file, line, fmt, ap);
	nerrors++;
	raise_to(DIAG_SYSTEM);
	notify(DIAG_SYSTEM, file, line, fmt, again);
	va_end(again);
}

void diag_system(const char *file, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	system_error(file, 0, fmt, ap);
	va_end(ap);
}

void diag_system_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	system_error(file, line, fmt, ap);
	va_end(ap);
}

enum diag_level diag_worst(void)
{
	return worst;
}

unsigned long diag_errors(void)
{
	return nerrors;
}

void diag_reset(FILE *stream)
{
	diag_stream = stream;
	worst = DIAG_OK;
	nerrors = 0;
}
