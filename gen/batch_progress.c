/*
 * The batch progress line (see batch_internal.h): rewritten in place
 * with "\r" on standard error, the one writer there besides diag.c.
 * Rates and the time left come from the monotonic clock main.c hands
 * over; nothing written to a file depends on them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "batch_internal.h"

/* Redraws per second, at most. */
#define PROGRESS_HZ 5

struct batch_progress {
	double (*seconds)(void);
	double start, last;
	bool tty;   /* erase to the end of the line with ANSI codes */
	int width;  /* of the line drawn last, to blank it out otherwise */
	bool drawn; /* a line is on the screen */
};

struct batch_progress *batch_progress_new(const struct options *o)
{
	bool tty = isatty(STDERR_FILENO);
	if (o->quiet || !(o->progress || tty) || o->seconds == NULL)
		return NULL;
	struct batch_progress *p = calloc(1, sizeof(*p));
	if (p == NULL)
		return NULL;
	p->seconds = o->seconds;
	p->start = p->last = p->seconds();
	p->tty = tty;
	return p;
}

/* "1 h 02 min", "3 min 05 s", "12 s". */
static void fmt_duration(char *out, size_t size, double seconds)
{
	long s = (long)(seconds + 0.5);
	if (s >= 3600)
		snprintf(out, size, "%ld h %02ld min", s / 3600, s / 60 % 60);
	else if (s >= 60)
		snprintf(out, size, "%ld min %02ld s", s / 60, s % 60);
	else
		snprintf(out, size, "%ld s", s);
}

void batch_progress_show(struct batch_progress *p, size_t done, size_t read,
			 size_t docs, size_t files_opened, size_t files_total,
			 bool read_all, bool last)
{
	if (p == NULL)
		return;
	double now = p->seconds(), elapsed = now - p->start;
	if (!last && now - p->last < 1.0 / PROGRESS_HZ)
		return;
	p->last = now;

	/* The total is known once every file is read; until then it is
	 * estimated from the share of input files read so far. */
	double total = (double)read;
	if (!read_all && files_opened > 1 && files_total > 0)
		total = (double)read * (double)files_total /
			(double)(files_opened - 1);
	char count[64], left[64] = "", rate[32] = "";
	if (read_all)
		snprintf(count, sizeof(count), "%zu/%zu dossiers", done, read);
	else
		snprintf(count, sizeof(count), "%zu dossiers (file %zu/%zu)",
			 done, files_opened, files_total);
	if (elapsed > 0.5)
		snprintf(rate, sizeof(rate), ", %.0f documents/s",
			 (double)docs / elapsed);
	double rest =
	    done > 0 ? elapsed * (total - (double)done) / (double)done : 0;
	if (!last && elapsed > 1 && rest >= 1) {
		char d[40];
		fmt_duration(d, sizeof(d), rest);
		snprintf(left, sizeof(left), ", about %s left", d);
	}
	int width = fprintf(stderr, "\rparcours all: %s, %zu documents%s%s",
			    count, docs, rate, left);
	if (p->tty)
		fputs("\033[K", stderr);
	else
		for (int i = width; i < p->width; i++)
			fputc(' ', stderr);
	p->width = width;
	p->drawn = true;
	if (last) {
		fputc('\n', stderr);
		p->drawn = false;
	}
	fflush(stderr);
}

void batch_progress_free(struct batch_progress *p)
{
	if (p == NULL)
		return;
	if (p->drawn)
		fputc('\n', stderr);
	free(p);
}
