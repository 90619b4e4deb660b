/*
 * Safe XML parsing for the dossier reader: from memory, with no DTD, no
 * entities, no XInclude and no network, so that reading a dossier never
 * touches another file.  For dossier_read.c and dossier_schema.c (and
 * their tests) only: it exposes libxml2 types.
 */
#ifndef PARCOURS_DOSSIER_PARSE_H
#define PARCOURS_DOSSIER_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/parser.h>

/*
 * What libxml2's process-wide hooks were before dossier_parse_guard_begin()
 * replaced them, so that dossier_parse_guard_end() can put them back and
 * other libxml2 users (the template reader) are not affected.
 */
struct dossier_parse_guard {
	xmlExternalEntityLoader loader;
	xmlStructuredErrorFunc serror;
	void *serror_ctx;
	xmlGenericErrorFunc generic;
	void *generic_ctx;
};

/*
 * Initialises libxml2 (once), installs an external entity loader that
 * refuses everything and error handlers that print nothing: every
 * message libxml2 has for us is caught per parse or per validation and
 * reported through diag.h instead.  Pair each call with _end().
 */
void dossier_parse_guard_begin(struct dossier_parse_guard *);
void dossier_parse_guard_end(const struct dossier_parse_guard *);

/* Why a parse failed, for one diagnostic. */
struct dossier_parse_error {
	long line;
	char message[240];
};

/*
 * Parses size bytes of buf.  A DOCTYPE stops the parser as soon as it is
 * seen, before any entity declaration is read (so that no entity
 * expansion, internal or external, can happen).  Returns the document,
 * owned by the caller (xmlFreeDoc()), or NULL with *err filled: not
 * well-formed, DOCTYPE present, or out of memory.
 */
xmlDocPtr dossier_parse(const char *buf, size_t size,
			struct dossier_parse_error *err);

#endif
