/*
 * Safe XML parsing (see dossier_parse.h).  Safety comes from libxml2's
 * own mechanisms, not from looking at the text: the parse runs on a
 * memory buffer with XML_PARSE_NONET and without NOENT, DTDLOAD, DTDATTR,
 * XINCLUDE or HUGE; the SAX internalSubset callback stops the parser at
 * any DOCTYPE; and the external entity loader refuses every request.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parserInternals.h>

#include "dossier_parse.h"

static const int parse_options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;

static xmlParserInputPtr refuse_entity(const char *url, const char *id,
				       xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	/* Only reachable if a DOCTYPE slipped through: note it and refuse. */
	if (ctxt != NULL && ctxt->_private != NULL)
		((struct dossier_parse_state *)ctxt->_private)->entity = true;
	return NULL;
}

static void swallow_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static void swallow_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

void dossier_parse_guard_begin(struct dossier_parse_guard *g)
{
	static bool initialised;
	if (!initialised) {
		xmlInitParser();
		initialised = true;
	}
	g->loader = xmlGetExternalEntityLoader();
	g->serror = xmlStructuredError;
	g->serror_ctx = xmlStructuredErrorContext;
	g->generic = xmlGenericError;
	g->generic_ctx = xmlGenericErrorContext;
	xmlSetExternalEntityLoader(refuse_entity);
	xmlSetStructuredErrorFunc(NULL, swallow_structured);
	xmlSetGenericErrorFunc(NULL, swallow_generic);
}

void dossier_parse_guard_end(const struct dossier_parse_guard *g)
{
	xmlSetExternalEntityLoader(g->loader);
	xmlSetStructuredErrorFunc(g->serror_ctx, g->serror);
	xmlSetGenericErrorFunc(g->generic_ctx, g->generic);
}

/* libxml2's messages end with a newline. */
static void trim_end(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
}

/*
 * libxml2 reports a character that XML forbids and bytes that are not
 * UTF-8 under one code; its message tells them apart and names the
 * character ("PCDATA invalid Char value 27", "Char 0x0 out of allowed
 * range").  The bytes around it are never quoted: they may be a name.
 */
static void set_char_message(struct dossier_parse_error *err, const char *m)
{
	const char *p;
	long c = -1;
	if (m != NULL && (p = strstr(m, "value ")) != NULL)
		c = strtol(p + 6, NULL, 10);
	else if (m != NULL && (p = strstr(m, "Char 0x")) != NULL)
		c = strtol(p + 7, NULL, 16);
	if (c >= 0)
		dossier_parse_set(err, MSG_DOSSIER_CHARACTER_U_NOT_ALLOWED, c,
				  c < 0x20
				      ? " (of the control characters, only tab "
					"and line ends are)"
				      : "");
	else if (m != NULL && strstr(m, "attribute value") != NULL)
		dossier_parse_set(err,
				  MSG_DOSSIER_ATTRIBUTE_VALUE_HOLDS_CHARACTER);
	else
		dossier_parse_set(err, MSG_DOSSIER_TEXT_NOT_VALID_UTF);
}

/*
 * libxml2's safety limits (depth 256, 10 MB of text in one node, 50 000
 * characters in a name...) advise an option the reader never sets.
 */
static void set_limit_message(struct dossier_parse_error *err, const char *m)
{
	if (strstr(m, "Excessive depth") != NULL) {
		dossier_parse_set(err, MSG_DOSSIER_ELEMENTS_NESTED_MORE_THAN,
				  xmlParserMaxDepth);
		return;
	}
	const char *advice = strstr(m, " use XML_PARSE_HUGE");
	int n = advice != NULL ? (int)(advice - m) : (int)strlen(m);
	dossier_parse_set(err, MSG_DOSSIER_PAST_PARSER_LIMITS, n, m);
	trim_end(err->message);
}

/* Keeps the first error; the ones after it are mostly its echoes. */
static void on_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct dossier_parse_state *st = ctxt->_private;
	if (st->have_error || st->doctype || e->level < XML_ERR_ERROR)
		return;
	st->have_error = true;
	st->err->line = e->line;
	switch (e->code) {
	case XML_ERR_INVALID_CHAR:
		set_char_message(st->err, e->message);
		break;
	case XML_ERR_INVALID_ENCODING:
	case XML_ERR_UNKNOWN_ENCODING:
	case XML_ERR_UNSUPPORTED_ENCODING:
		/* libxml2 would quote the bytes, which may be a name. */
		dossier_parse_set(st->err, MSG_DOSSIER_TEXT_NOT_VALID_UTF);
		break;
	default:
		if (e->message != NULL &&
		    (strstr(e->message, "XML_PARSE_HUGE") != NULL ||
		     strstr(e->message, "too long") != NULL ||
		     strstr(e->message, "too big") != NULL ||
		     strstr(e->message, "huge") != NULL)) {
			set_limit_message(st->err, e->message);
			break;
		}
		dossier_parse_set(st->err, MSG_DOSSIER_XML_ERROR,
				  e->message != NULL ? e->message : "?");
		trim_end(st->err->message);
		break;
	}
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *public_id,
		       const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct dossier_parse_state *st = ctxt->_private;
	(void)name;
	(void)public_id;
	(void)system_id;
	st->doctype = true;
	st->err->line = ctxt->input != NULL ? ctxt->input->line : 0;
	/* Before the internal subset is read: no entity is ever declared. */
	xmlStopParser(ctxt);
}

void dossier_parse_hook(xmlParserCtxtPtr ctxt, struct dossier_parse_state *st,
			struct dossier_parse_error *err)
{
	*st = (struct dossier_parse_state){.err = err};
	err->line = 0;
	err->msg = MSG_DOSSIER_NOT_WELL_FORMED; /* until one is set */
	err->message[0] = '\0';
	xmlCtxtUseOptions(ctxt, parse_options);
	ctxt->_private = st;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->serror = on_error;
}

bool dossier_parse_ok(xmlParserCtxtPtr ctxt,
		      const struct dossier_parse_state *st)
{
	if (ctxt->wellFormed && !st->doctype && !st->entity)
		return true;
	if (st->doctype || st->entity)
		dossier_parse_set(st->err, MSG_DOSSIER_DOCTYPE);
	else if (!st->have_error)
		dossier_parse_set(st->err, MSG_DOSSIER_NOT_WELL_FORMED);
	return false;
}

long dossier_parse_line(xmlNodePtr n)
{
	/* See dossier_parse_note_line(). */
	if (n->type == XML_ELEMENT_NODE && n->line == 65535 &&
	    n->_private != NULL)
		return (long)(intptr_t)n->_private;
	return xmlGetLineNo(n);
}

void dossier_parse_note_line(xmlParserCtxtPtr ctxt, xmlNodePtr n)
{
	if (n != NULL && n->type == XML_ELEMENT_NODE && n->line == 65535 &&
	    ctxt->input != NULL)
		n->_private = (void *)(intptr_t)ctxt->input->line;
}

xmlDocPtr dossier_parse(const char *buf, size_t size,
			struct dossier_parse_error *err)
{
	struct dossier_parse_state st;
	err->line = 0;
	err->msg = MSG_DOSSIER_NOT_WELL_FORMED; /* until one is set */
	err->message[0] = '\0';
	if (size > INT_MAX) {
		dossier_parse_set(err, MSG_DOSSIER_FILE_TOO_LARGE);
		return NULL;
	}
	if (size == 0) {
		/* libxml2 would not even make a parser for it. */
		dossier_parse_set(err, MSG_DOSSIER_FILE_EMPTY);
		return NULL;
	}
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buf, (int)size);
	if (ctxt == NULL) {
		dossier_parse_set(err, MSG_DOSSIER_OUT_OF_MEMORY);
		return NULL;
	}
	dossier_parse_hook(ctxt, &st, err);
	xmlParseDocument(ctxt);
	xmlDocPtr doc = ctxt->myDoc;
	bool ok = dossier_parse_ok(ctxt, &st);
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	if (ok && doc != NULL)
		return doc;
	xmlFreeDoc(doc);
	if (ok)
		dossier_parse_set(err, MSG_DOSSIER_NOT_WELL_FORMED);
	return NULL;
}
