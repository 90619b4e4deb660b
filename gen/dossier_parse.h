/*
 * Safe XML parsing for the dossier reader: from memory, with no DTD, no
 * entities, no XInclude and no network, so that reading a dossier never
 * touches another file.  For the dossier_*.c reader and template.c (and
 * their tests) only.
 *
 * It names libxml2's types by their struct tags (xmlDocPtr is a struct
 * _xmlDoc *, and so on) without including libxml2's headers, so that
 * its includers see libxml2 only if they include it themselves.
 */
#ifndef PARCOURS_DOSSIER_PARSE_H
#define PARCOURS_DOSSIER_PARSE_H

#include <stdbool.h>
#include <stddef.h>

struct _xmlDoc;
struct _xmlError;
struct _xmlNode;
struct _xmlParserCtxt;
struct _xmlParserInput;

#include "diag.h"

/*
 * What libxml2's process-wide hooks were before dossier_parse_guard_begin()
 * replaced them, so that dossier_parse_guard_end() can put them back and
 * other libxml2 users (the template reader) are not affected.  The
 * types are libxml2's xmlExternalEntityLoader, xmlStructuredErrorFunc
 * and xmlGenericErrorFunc, spelled out.
 */
struct dossier_parse_guard {
	struct _xmlParserInput *(*loader)(const char *url, const char *id,
					  struct _xmlParserCtxt *ctxt);
	void (*serror)(void *ctx, struct _xmlError *error);
	void *serror_ctx;
	void (*generic)(void *ctx, const char *msg, ...);
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
	enum msg msg; /* what message is (diag_text prints it) */
	char message[240];
};

/* dossier_parse_set(err, MSG_X, args...): err's message is MSG_X. */
#define dossier_parse_set(err, id, ...)                                        \
	((err)->msg = (id),                                                    \
	 (void)msg_format((err)->message, sizeof((err)->message), id,          \
			  ##__VA_ARGS__))

/*
 * Per-parse state, reached from the parser context's _private (so a
 * caller that needs state of its own puts this first in its struct).
 */
struct dossier_parse_state {
	struct dossier_parse_error *err;
	bool have_error;
	bool doctype;
	bool entity;
};

/*
 * Makes ctxt a safe parser: options (no network, big line numbers, no
 * NOENT, DTDLOAD, HUGE...), a DOCTYPE stops it before any entity is
 * declared, and its first error goes to *err as a message for users.
 * *st lives as long as the parse; ctxt->_private points to it.
 */
void dossier_parse_hook(struct _xmlParserCtxt *ctxt,
			struct dossier_parse_state *st,
			struct dossier_parse_error *err);

/* After the parse: true if it was well-formed and safe, else *err set. */
bool dossier_parse_ok(struct _xmlParserCtxt *ctxt,
		      const struct dossier_parse_state *st);

/*
 * An element keeps 16 bits of its line (65535 past that) and libxml2
 * then guesses from its text; the streamed reader notes the true line in
 * its _private as each start tag is parsed (_note_line(), for the node
 * just made) and dossier_parse_line() reads it, or xmlGetLineNo()'s.
 */
long dossier_parse_line(struct _xmlNode *n);
void dossier_parse_note_line(struct _xmlParserCtxt *ctxt, struct _xmlNode *n);

/*
 * Parses size bytes of buf.  A DOCTYPE stops the parser as soon as it is
 * seen, before any entity declaration is read (so that no entity
 * expansion, internal or external, can happen).  Returns the document,
 * owned by the caller (xmlFreeDoc()), or NULL with *err filled: not
 * well-formed, DOCTYPE present, or out of memory.
 */
struct _xmlDoc *dossier_parse(const char *buf, size_t size,
			      struct dossier_parse_error *err);

#endif
