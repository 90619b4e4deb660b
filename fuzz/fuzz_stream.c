/*
 * libFuzzer harness: the streamed reader (dossier_stream.c) against
 * libxml2's whole-buffer parse of the same bytes (dossier_parse.c), read
 * a few bytes at a time so that chunk boundaries fall anywhere.  For
 * `make fuzz`; never linked into parcours.
 *
 * Besides crashes, leaks and hangs, it checks what the stream promises:
 * it accepts exactly the files the whole parse accepts (less those with
 * XInclude, an encoding other than UTF-8 or a start tag past the limit), it
 * yields exactly the <dossier>s of the tree, in order, each with the same
 * serialisation and line, and its envelope has the root.
 */
#define _GNU_SOURCE /* memmem */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "dossier_bytes.h"
#include "dossier_limits.h"
#include "dossier_parse.h"
#include "dossier_stream.h"
#include "fuzz_common.h"

#define XINCLUDE_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_2003 "http://www.w3.org/2003/XInclude"

static bool plain(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	       xmlStrEqual(n->name, BAD_CAST name);
}

/* What the stream refuses besides what the whole parse does. */
static bool refused(xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		int attrs = 0, nss = 0;
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next)
			attrs++;
		for (xmlNsPtr ns = n->nsDef; ns != NULL; ns = ns->next)
			nss++;
		/* dossier_bytes.c counts them together, on the raw tag. */
		if (attrs + nss > DOSSIER_BYTES_ATTRIBUTES ||
		    (n->ns != NULL &&
		     (xmlStrEqual(n->ns->href, BAD_CAST XINCLUDE_2001) ||
		      xmlStrEqual(n->ns->href, BAD_CAST XINCLUDE_2003))) ||
		    refused(n->children))
			return true;
	}
	return false;
}

static bool utf8(const xmlChar *enc)
{
	return enc == NULL || xmlStrcasecmp(enc, BAD_CAST "UTF-8") == 0 ||
	       xmlStrcasecmp(enc, BAD_CAST "UTF8") == 0;
}

/* The next <dossier> the stream must yield after prev (NULL: first). */
static xmlNodePtr next_unit(xmlNodePtr root, xmlNodePtr prev)
{
	if (plain(root, "dossier"))
		return prev == NULL ? root : NULL;
	if (!plain(root, "dossiers"))
		return NULL;
	xmlNodePtr n = prev == NULL ? root->children : prev->next;
	while (n != NULL && !plain(n, "dossier"))
		n = n->next;
	return n;
}

static char *dump(xmlDocPtr doc, xmlNodePtr n)
{
	xmlBufferPtr b = xmlBufferCreate();
	if (b == NULL)
		abort();
	xmlNodeDump(b, doc, n, 0, 0);
	char *s = strdup((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	if (s == NULL)
		abort();
	return s;
}

static void compare_units(struct dossier_stream *st, xmlDocPtr whole)
{
	xmlNodePtr root = xmlDocGetRootElement(whole);
	/* Declarations copied onto a unit print otherwise: names only. */
	bool same_text = root->nsDef == NULL;
	xmlNodePtr want = NULL;
	for (;;) {
		struct dossier_parse_error err;
		xmlDocPtr unit = dossier_stream_next(st, &err);
		want = next_unit(root, want);
		if (unit == NULL) {
			if (want != NULL || err.message[0] != '\0')
				abort();
			return;
		}
		xmlNodePtr got = xmlDocGetRootElement(unit);
		if (want == NULL || got == NULL ||
		    dossier_parse_line(got) != dossier_parse_line(want))
			abort();
		if (same_text) {
			/* Characters are escaped by the document's encoding. */
			if (whole->encoding != NULL)
				unit->encoding = xmlStrdup(whole->encoding);
			char *a = dump(unit, got), *b = dump(whole, want);
			if (strcmp(a, b) != 0)
				abort();
			free(a);
			free(b);
		}
		xmlFreeDoc(unit);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	struct dossier_parse_guard guard;
	dossier_parse_guard_begin(&guard);
	struct dossier_parse_error err;
	xmlDocPtr whole = dossier_parse((const char *)data, size, &err);
	bool whole_ok = whole != NULL && !refused(whole->children) &&
			utf8(whole->encoding) &&
			xmlDocGetRootElement(whole) != NULL;

	dossier_stream_chunk_for_tests(1 + size % 97);
	struct dossier_stream *st =
	    dossier_stream_open(fuzz_memfile(data, size), &err);
	if (st == NULL)
		abort();
	struct dossier_stream_info info;
	xmlDocPtr envelope = dossier_stream_check(st, &info, &err);
	/*
	 * libxml2's whole-buffer parser takes a NUL after the root element
	 * for the end of the text; the stream refuses it, rightly.
	 */
	if (whole_ok && envelope == NULL && memchr(data, 0, size) != NULL)
		whole_ok = false;
	/*
	 * libxml2 2.9's push parser looks for a comment's "-->" from its
	 * "<!--", so a comment opened "<!-->" is cut where a chunk ends
	 * and refused ("Comment not terminated"): stricter, never looser.
	 */
	if (whole_ok && envelope == NULL &&
	    memmem(data, size, "<!-->", 5) != NULL)
		whole_ok = false;
	if ((envelope != NULL) != whole_ok)
		abort();
	if (envelope != NULL) {
		xmlNodePtr root = xmlDocGetRootElement(whole);
		xmlNodePtr eroot = xmlDocGetRootElement(envelope);
		if (info.root_is_dossier != plain(root, "dossier") ||
		    (!info.root_is_dossier &&
		     (eroot == NULL || !xmlStrEqual(eroot->name, root->name))))
			abort();
		xmlFreeDoc(envelope);
		compare_units(st, whole);
	}
	dossier_stream_free(st);
	xmlFreeDoc(whole);
	dossier_parse_guard_end(&guard);
	return 0;
}
