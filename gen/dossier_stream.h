/*
 * Streamed reading of one dossier file: libxml2's push parser with the
 * safe set-up of dossier_parse.h, fed a chunk at a time, so that a file
 * of any size (up to DOSSIER_LIMITS_FILE_BYTES) costs the memory of one
 * dossier.  There is never a tree of the whole file: each <dossier> is
 * cut from the parser's tree as soon as its end tag is read and handed
 * over as a document of its own.
 *
 * A file is read twice.  The check pass builds no dossier at all: it
 * proves the file well-formed and safe from end to end (a truncated
 * export is refused whole, as before, rather than half-read), measures
 * every dossier against DOSSIER_LIMITS_DOSSIER_BYTES and keeps the
 * envelope (the root and what it holds besides its dossiers).  The read
 * pass then yields the dossiers one by one.  Standard input that cannot
 * be read twice is kept in an unlinked temporary file on the way.
 *
 * For dossier_read.c (and its tests and fuzzer) only: it exposes
 * libxml2 types.
 */
#ifndef PARCOURS_DOSSIER_STREAM_H
#define PARCOURS_DOSSIER_STREAM_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "dossier_parse.h"

struct dossier_stream;

/* What the check pass saw besides the envelope. */
struct dossier_stream_info {
	bool root_is_dossier;	    /* the root is a <dossier>: one dossier */
	bool company_after_dossier; /* the first <company> follows a dossier */
};

/*
 * Opens path ("-": standard input).  NULL with
 * *err filled (line 0) if it cannot be opened or is known to be larger
 * than the file limit.
 */
struct dossier_stream *dossier_stream_open(const char *path,
					   struct dossier_parse_error *err);

/*
 * The check pass, once, first.  Returns the envelope: a document whose
 * root is the file's root element with its attributes and every child
 * but the <dossier>s, of which an empty one (attributes kept) stands for
 * each run between other children (no root element when the root is a
 * <dossier>, which the pass skips as well), owned by the caller.  NULL with
 * *err filled if the file is not well-formed, not safe (DOCTYPE, XInclude),
 * unreadable or past a size limit.
 */
xmlDocPtr dossier_stream_check(struct dossier_stream *,
			       struct dossier_stream_info *info,
			       struct dossier_parse_error *err);

/*
 * The read pass: the next <dossier> (a child of a <dossiers> root, or
 * the root itself) as a document of its own, owned by the caller, with
 * its true line numbers (dossier_parse_line()).  NULL at the end, with
 * err->message empty, or after an error (the file changed since the
 * check pass, a read error).  Holds at most the dossiers of one chunk
 * of input between calls.
 */
xmlDocPtr dossier_stream_next(struct dossier_stream *,
			      struct dossier_parse_error *err);

/*
 * For tests and fuzzers: reads n bytes at a time (1 to 64 KiB) instead of
 * 64 KiB, so that chunk boundaries fall everywhere.
 */
void dossier_stream_chunk_for_tests(size_t n);

/* NULL is a no-op. */
void dossier_stream_free(struct dossier_stream *);

#endif
