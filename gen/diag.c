/*
 * Diagnostics printer (see diag.h).  The only writer to standard error
 * besides the progress line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

static FILE *diag_stream;
static enum diag_level worst = DIAG_OK;
static unsigned long nerrors;

static diag_hook_fn *hook;
static void *hook_ctx;

/* The word each level prints after the location. */
static const char *const level_word[] = {
    [MSG_NOTE] = "note",   [MSG_WARNING] = "warning",	  [MSG_ERROR] = "error",
    [MSG_USAGE] = "usage", [MSG_SYSTEM] = "system error",
};

/* The exit status each level raises the run to. */
static const enum diag_level level_status[] = {
    [MSG_NOTE] = DIAG_OK,	[MSG_WARNING] = DIAG_OK,
    [MSG_ERROR] = DIAG_ERROR,	[MSG_USAGE] = DIAG_USAGE,
    [MSG_SYSTEM] = DIAG_SYSTEM,
};

/*
 * With PARCOURS_MSG_TRACE=PATH, appends the message's name (never its
 * arguments) to PATH, one line each: `make check` gathers them from every
 * process its tests start and fails on a message no test produced.  One
 * write(2) on an O_APPEND descriptor keeps the lines of forked batch
 * workers whole.
 */
static void trace(enum msg id)
{
	int saved = errno; /* a caller may read it after the message */
	const char *path = getenv("PARCOURS_MSG_TRACE");
	int fd =
	    path != NULL && *path != '\0'
		? open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644)
		: -1;
	if (fd < 0) {
		errno = saved;
		return;
	}
	char line[128];
	int n = snprintf(line, sizeof(line), "%s\n", msg_name(id));
	if (n > 0 && (size_t)n < sizeof(line)) {
		ssize_t w = write(fd, line, (size_t)n);
		(void)w; /* a lost line shows as a message no test produced */
	}
	close(fd);
	errno = saved;
}

static void emit(enum msg_level level, const char *file, long line,
		 const char *text)
{
	FILE *out = diag_stream != NULL ? diag_stream : stderr;
	fputs("parcours: ", out);
	if (file != NULL && line > 0)
		fprintf(out, "%s:%ld: ", file, line);
	else if (file != NULL)
		fprintf(out, "%s: ", file);
	fprintf(out, "%s: %s\n", level_word[level], text);
}

void diag_text(enum msg id, const char *file, long line, const char *text)
{
	enum msg_level level = msg_level(id);
	trace(id);
	emit(level, file, line, text);
	if (level_status[level] > worst)
		worst = level_status[level];
	if (level != MSG_ERROR && level != MSG_SYSTEM)
		return;
	nerrors++;
	if (hook != NULL) {
		char message[512];
		snprintf(message, sizeof(message), "%.511s", text);
		hook(hook_ctx, level_status[level], file, line, message);
	}
}

void diag_vmsg(enum msg id, const char *file, long line, va_list ap)
{
	char small[1024], *text = small;
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof(small), msg_text(id), ap);
	/* A long path is printed whole, as it was before the table. */
	if (n >= (int)sizeof(small) && (text = malloc((size_t)n + 1)) != NULL)
		vsnprintf(text, (size_t)n + 1, msg_text(id), again);
	va_end(again);
	diag_text(id, file, line, text != NULL ? text : small);
	if (text != small)
		free(text);
}

void diag_msg(enum msg id, const char *text, const char *file, long line, ...)
{
	va_list ap;
	(void)text; /* the same as msg_text(id): only the format check's */
	va_start(ap, line);
	diag_vmsg(id, file, line, ap);
	va_end(ap);
}

void diag_set_hook(diag_hook_fn *fn, void *ctx)
{
	hook = fn;
	hook_ctx = ctx;
}

void diag_raise(enum diag_level level)
{
	if (level > worst)
		worst = level;
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
