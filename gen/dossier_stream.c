/*
 * Streamed reading of a dossier file (see dossier_stream.h).
 *
 * The SAX2 tree builder of libxml2 does the work; the handlers here stand
 * in front of it and decide what it may build.  A "unit" is a child of a
 * <dossiers> root, or the root itself when it is anything else.  The
 * check pass builds every unit but the <dossier>s (the envelope), the
 * read pass only the <dossier>s, each cut off into a document of its own
 * at its end tag.  Text, comments and processing instructions between
 * units are never kept, except text in the check pass (the schema
 * refuses text in <dossiers>, and the envelope must show it).
 *
 * Hostile input is handled by libxml2's own means, set up by
 * dossier_parse_hook(): no network, no DTD (a DOCTYPE stops the parser
 * before any entity is declared), its depth and length limits.  On top
 * of them: XInclude elements are refused, and the per-file and
 * per-dossier byte limits are counted here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include "dossier_bytes.h"
#include "dossier_limits.h"
#include "dossier_stream.h"
#include "grow.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"

/* Bytes given to the parser at a time (at most). */
#define CHUNK (64 * 1024)
static size_t chunk_bytes = CHUNK;

void dossier_stream_chunk_for_tests(size_t n)
{
	chunk_bytes = n >= 1 && n <= CHUNK ? n : CHUNK;
}

/* Enough for libxml2's own depth limit (dossier_limits.h). */
#define DEPTH_LINES (DOSSIER_LIMITS_DEPTH + 2)

enum pass { PASS_NONE, PASS_CHECK, PASS_READ };

struct dossier_stream {
	/* First: the parser's _private points to the whole struct. */
	struct dossier_parse_state ps;
	xmlParserCtxtPtr ctxt;
	enum pass pass;
	struct dossier_parse_error *err;

	int fd;		/* the input */
	bool own_fd;	/* opened here, closed here */
	off_t start;	/* where the input starts in fd */
	int copy_fd;	/* standard input kept for the read pass, or -1 */
	bool from_copy; /* the read pass reads copy_fd */
	unsigned long long total; /* bytes read in this pass */
	bool at_end;		  /* the pass has ended (end or error) */
	bool failed;		  /* ... and err says why */

	/* The raw-byte checks of the check pass (dossier_bytes.h). */
	struct dossier_bytes scan;
	char head[1024]; /* the file's first bytes, for its encoding */
	size_t head_len;
	bool head_checked;

	/* Where the parser is. */
	unsigned depth;		      /* open elements */
	long open_lines[DEPTH_LINES]; /* their lines, the first ones */
	bool root_seen, root_is_dossiers;
	bool in_unit;		       /* between a unit's start and end tags */
	unsigned long long unit_start; /* its first byte, roughly */
	long unit_line;
	char unit_name[32];
	bool skipping; /* building nothing until skip_depth ends */
	unsigned skip_depth;
	bool skip_built; /* the element at skip_depth was built */

	/* What the check pass notes. */
	struct dossier_stream_info info;
	bool seen_dossier, seen_company;
	unsigned long long envelope_bytes;
	bool xinclude;
	struct dossier_parse_error xinclude_err;

	/* Dossiers cut off and not yet handed out. */
	xmlDocPtr *queue;
	size_t qhead, qn, qcap;
};

/* set_error(err, MSG_X, line, args...): the reason the pass stops. */
#define set_error(err, id, ...) stream_error(err, id, MSG_TEXT(id), __VA_ARGS__)

static void stream_error(struct dossier_parse_error *err, enum msg id,
			 const char *text, long line, ...)
    __attribute__((format(printf, 3, 5)));

static void stream_error(struct dossier_parse_error *err, enum msg id,
			 const char *text, long line, ...)
{
	va_list ap;
	va_start(ap, line);
	err->line = line;
	err->msg = id;
	vsnprintf(err->message, sizeof(err->message), text, ap);
	va_end(ap);
}

/* Ends the pass with err set (the first reason only). */
static void fail(struct dossier_stream *s)
{
	s->failed = true;
	s->at_end = true;
	if (s->ctxt != NULL)
		xmlStopParser(s->ctxt);
}

static bool plain(const xmlChar *name, const xmlChar *uri, const char *want)
{
	return uri == NULL && xmlStrEqual(name, BAD_CAST want);
}

static bool is_unit(const struct dossier_stream *s, unsigned depth)
{
	return depth == 0 ? !s->root_is_dossiers
			  : depth == 1 && s->root_is_dossiers;
}

static unsigned long long consumed(xmlParserCtxtPtr ctxt)
{
	long n = xmlByteConsumed(ctxt);
	return n > 0 ? (unsigned long long)n : 0;
}

/* The unit being read is past the limit: the file is refused. */
static void unit_too_big(struct dossier_stream *s)
{
	set_error(s->err, MSG_DOSSIER_LARGER_THAN_MIB_LIMIT, s->unit_line,
		  s->unit_name, DOSSIER_LIMITS_DOSSIER_BYTES / (1024 * 1024));
	fail(s);
}

static bool unit_within_limit(struct dossier_stream *s)
{
	if (s->in_unit &&
	    consumed(s->ctxt) - s->unit_start >
		(unsigned long long)DOSSIER_LIMITS_DOSSIER_BYTES) {
		unit_too_big(s);
		return false;
	}
	return true;
}

/* The first XInclude element, reported if the file is otherwise sound. */
static void note_xinclude(struct dossier_stream *s, const xmlChar *prefix,
			  const xmlChar *name)
{
	if (s->xinclude || s->pass != PASS_CHECK)
		return;
	s->xinclude = true;
	set_error(&s->xinclude_err, MSG_DOSSIER_XINCLUDE, s->ctxt->input->line,
		  prefix != NULL ? (const char *)prefix : "",
		  prefix != NULL ? ":" : "", (const char *)name);
}

static void unit_begin(struct dossier_stream *s, const xmlChar *name)
{
	s->in_unit = true;
	s->unit_start = consumed(s->ctxt);
	s->unit_line = s->ctxt->input->line;
	snprintf(s->unit_name, sizeof(s->unit_name), "%s", (const char *)name);
}

static void skip_from(struct dossier_stream *s, unsigned depth, bool built)
{
	s->skipping = true;
	s->skip_depth = depth;
	s->skip_built = built;
}

/*
 * Dossier files are UTF-8 (dossier.md); libxml2 would convert others
 * through iconv, whose stateful encodings (UTF-7, ISO-2022) decode
 * differently depending on where the chunks of a stream fall.
 */
static void on_start_document(void *ctx)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct dossier_stream *s = ctxt->_private;
	const xmlChar *enc = ctxt->input != NULL ? ctxt->input->encoding : NULL;
	if (enc == NULL)
		enc = ctxt->encoding;
	if (enc != NULL && xmlStrcasecmp(enc, BAD_CAST "UTF-8") != 0 &&
	    xmlStrcasecmp(enc, BAD_CAST "UTF8") != 0) {
		/* Reached when the first chunk is shorter than the head
		 * dossier_bytes_encoding() reads: the same message. */
		set_error(s->err, MSG_DOSSIER_DECLARED_ENCODING,
			  ctxt->input->line, (const char *)enc);
		fail(s);
		return;
	}
	xmlSAX2StartDocument(ctx);
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
		     const xmlChar *uri, int nb_namespaces,
		     const xmlChar **namespaces, int nb_attributes,
		     int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct dossier_stream *s = ctxt->_private;
	if (s->failed)
		return;
	unsigned depth = s->depth++;
	if (depth < DEPTH_LINES)
		s->open_lines[depth] = ctxt->input->line;
	if (uri != NULL && (xmlStrEqual(uri, BAD_CAST XINCLUDE_NS_2001) ||
			    xmlStrEqual(uri, BAD_CAST XINCLUDE_NS_2003)))
		note_xinclude(s, prefix, name);
	if (depth == 0) {
		s->root_seen = true;
		s->root_is_dossiers = plain(name, uri, "dossiers");
	}
	if (s->skipping)
		return;
	bool dossier = plain(name, uri, "dossier");
	bool build = true;
	if (is_unit(s, depth)) {
		unit_begin(s, name);
		if (dossier) {
			s->seen_dossier = true;
		} else if (plain(name, uri, "company") && !s->seen_company) {
			s->seen_company = true;
			s->info.company_after_dossier = s->seen_dossier;
		}
		build = s->pass == PASS_CHECK ? !dossier : dossier;
		if (dossier && depth == 0)
			s->info.root_is_dossier = true;
	}
	/*
	 * In the check pass, a <dossier> child stays in the envelope as an
	 * empty element, which the schema's explanations need to say that
	 * something is out of place; consecutive ones are one (on_end).
	 */
	bool placeholder = depth == 1 && dossier && s->pass == PASS_CHECK;
	if (!build && !placeholder) {
		skip_from(s, depth, false);
		return;
	}
	xmlSAX2StartElementNs(ctx, name, prefix, uri, nb_namespaces, namespaces,
			      nb_attributes, nb_defaulted, attributes);
	dossier_parse_note_line(ctxt, ctxt->node);
	/*
	 * A root that is neither <dossiers> nor <dossier> is refused by its
	 * name alone: what it holds is never built.
	 */
	if (placeholder || (depth == 0 && !s->root_is_dossiers && !dossier))
		skip_from(s, depth, true);
}

/* A <dossier> placeholder (on_start) right after another replaces it. */
static void merge_placeholder(xmlNodePtr n)
{
	xmlNodePtr prev = n != NULL ? n->prev : NULL;
	while (prev != NULL && prev->type != XML_ELEMENT_NODE)
		prev = prev->prev;
	if (prev != NULL && prev->ns == NULL &&
	    xmlStrEqual(prev->name, BAD_CAST "dossier")) {
		xmlUnlinkNode(prev);
		xmlFreeNode(prev);
	}
}

/* Cuts the unit just ended off the parser's tree into a document. */
static void hand_over(struct dossier_stream *s, xmlNodePtr n)
{
	if (n == NULL)
		return;
	xmlUnlinkNode(n);
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	if (doc != NULL &&
	    !grow_array(&s->queue, &s->qcap, s->qn, 16, sizeof(*s->queue))) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL) {
		/* Freed as part of a document that shares the names. */
		xmlAddChild((xmlNodePtr)s->ctxt->myDoc, n);
		set_error(s->err, MSG_DOSSIER_OUT_OF_MEMORY, s->unit_line);
		fail(s);
		return;
	}
	/* The names and short texts live in the parser's dictionary. */
	doc->dict = s->ctxt->dict;
	xmlDictReference(doc->dict);
	xmlDocSetRootElement(doc, n);
	/* Namespaces declared on the root: copied, the root stays behind. */
	if (xmlDocGetRootElement(s->ctxt->myDoc) != NULL &&
	    xmlDocGetRootElement(s->ctxt->myDoc)->nsDef != NULL)
		xmlReconciliateNs(doc, n);
	s->queue[s->qn++] = doc;
}

static void on_end(void *ctx, const xmlChar *name, const xmlChar *prefix,
		   const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct dossier_stream *s = ctxt->_private;
	if (s->failed)
		return;
	unsigned depth = --s->depth;
	if (s->skipping) {
		if (depth != s->skip_depth)
			return;
		s->skipping = false;
		if (s->skip_built) {
			xmlSAX2EndElementNs(ctx, name, prefix, uri);
			if (depth == 1 && ctxt->node != NULL)
				merge_placeholder(ctxt->node->last);
		}
		if (is_unit(s, depth) && unit_within_limit(s))
			s->in_unit = false;
		return;
	}
	xmlSAX2EndElementNs(ctx, name, prefix, uri);
	if (!is_unit(s, depth) || !unit_within_limit(s))
		return;
	s->in_unit = false;
	if (s->pass == PASS_CHECK) {
		s->envelope_bytes += consumed(ctxt) - s->unit_start;
		if (s->envelope_bytes >
		    (unsigned long long)DOSSIER_LIMITS_DOSSIER_BYTES)
			unit_too_big(s);
		return;
	}
	hand_over(s, depth == 0		  ? xmlDocGetRootElement(ctxt->myDoc)
		     : ctxt->node != NULL ? ctxt->node->last
					  : NULL);
}

static bool blank(const xmlChar *ch, int len)
{
	for (int i = 0; i < len; i++)
		if (ch[i] != ' ' && ch[i] != '\t' && ch[i] != '\n' &&
		    ch[i] != '\r')
			return false;
	return true;
}

/*
 * Whether text goes into the tree: inside a unit being built, and in the
 * check pass the text of the <dossiers> root that is not white space.
 */
static bool keep_text(struct dossier_stream *s, const xmlChar *ch, int len)
{
	if (s->skipping)
		return false;
	if (s->in_unit)
		return true;
	if (s->pass != PASS_CHECK || s->depth == 0 || blank(ch, len))
		return false;
	s->envelope_bytes += (unsigned long long)len;
	return true;
}

static void on_characters(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	if (keep_text(ctxt->_private, ch, len))
		xmlSAX2Characters(ctx, ch, len);
}

static void on_cdata(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	if (keep_text(ctxt->_private, ch, len))
		xmlSAX2CDataBlock(ctx, ch, len);
}

static void on_comment(void *ctx, const xmlChar *value)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct dossier_stream *s = ctxt->_private;
	if (s->in_unit && !s->skipping)
		xmlSAX2Comment(ctx, value);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct dossier_stream *s = ctxt->_private;
	if (s->in_unit && !s->skipping)
		xmlSAX2ProcessingInstruction(ctx, target, data);
}

/* A new parser for a pass, from the start of the input. */
static bool begin_pass(struct dossier_stream *s, enum pass pass,
		       struct dossier_parse_error *err)
{
	xmlDocPtr envelope = s->ctxt != NULL ? s->ctxt->myDoc : NULL;
	if (s->ctxt != NULL) {
		s->ctxt->myDoc = NULL;
		xmlFreeParserCtxt(s->ctxt);
	}
	xmlFreeDoc(envelope);
	struct dossier_stream_info none = {0};
	s->info = none;
	s->pass = pass;
	s->err = err;
	s->total = 0;
	s->at_end = s->failed = false;
	s->depth = 0;
	s->root_seen = false;
	s->in_unit = s->skipping = false;
	s->seen_dossier = s->seen_company = false;
	s->envelope_bytes = 0;
	s->ctxt = xmlCreatePushParserCtxt(NULL, NULL, NULL, 0, NULL);
	if (s->ctxt == NULL) {
		set_error(err, MSG_DOSSIER_OUT_OF_MEMORY, 0);
		return false;
	}
	dossier_parse_hook(s->ctxt, &s->ps, err);
	/* dossier_parse_hook() pointed _private at s->ps, s's first member. */
	xmlSAXHandlerPtr sax = s->ctxt->sax;
	sax->startDocument = on_start_document;
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_characters;
	sax->ignorableWhitespace = on_characters;
	sax->cdataBlock = on_cdata;
	sax->comment = on_comment;
	sax->processingInstruction = on_pi;
	int fd = s->from_copy ? s->copy_fd : s->fd;
	if (pass == PASS_READ &&
	    lseek(fd, s->from_copy ? 0 : s->start, SEEK_SET) == (off_t)-1) {
		set_error(err, MSG_DOSSIER_CANNOT_READ_AGAIN, 0,
			  strerror(errno));
		return false;
	}
	return true;
}

/* Keeps what standard input gave for the read pass. */
static bool keep_copy(struct dossier_stream *s, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(s->copy_fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			set_error(s->err,
				  MSG_DOSSIER_CANNOT_KEEP_STANDARD_INPUT, 0,
				  strerror(errno));
			return false;
		}
		buf += w;
		n -= (size_t)w;
	}
	return true;
}

/*
 * At the end of the input libxml2's push parser says "Extra content at
 * the end of the document" where its whole-buffer parser, which the
 * messages were written for, names what is missing: say that instead.
 */
static void explain_end(struct dossier_stream *s)
{
	if (s->ctxt->errNo != XML_ERR_DOCUMENT_END)
		return;
	if (s->depth > 0 && s->ctxt->name != NULL)
		set_error(
		    s->err, MSG_DOSSIER_PREMATURE_END, s->err->line,
		    (const char *)s->ctxt->name,
		    s->open_lines[s->depth <= DEPTH_LINES ? s->depth - 1
							  : DEPTH_LINES - 1]);
	else if (!s->root_seen)
		set_error(s->err, MSG_DOSSIER_NO_START_TAG, s->err->line);
}

/*
 * The check pass sees every byte before the parser does: the encoding
 * from the file's first KiB, and the attributes of each start tag,
 * counted before libxml2's quadratic duplicate check can start on them.
 * The read pass parses the same bytes again (or their copy).
 */
static bool check_bytes(struct dossier_stream *s, const char *buf, size_t n)
{
	if (!s->head_checked) {
		size_t take = sizeof(s->head) - s->head_len;
		if (take > n)
			take = n;
		memcpy(s->head + s->head_len, buf, take);
		s->head_len += take;
		if (s->head_len == sizeof(s->head) || n == 0) {
			s->head_checked = true;
			if (!dossier_bytes_encoding(s->head, s->head_len,
						    s->err))
				return false;
		}
	}
	return dossier_bytes_scan(&s->scan, buf, n, s->err);
}

/* Gives the parser one more chunk (or the end); false once at the end. */
static bool feed(struct dossier_stream *s)
{
	if (s->at_end)
		return false;
	static char buf[CHUNK];
	int fd = s->pass == PASS_READ && s->from_copy ? s->copy_fd : s->fd;
	ssize_t n;
	do
		n = read(fd, buf, chunk_bytes);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		set_error(s->err, MSG_IMPORT_CANNOT_READ, 0, strerror(errno));
		fail(s);
		return false;
	}
	s->total += (unsigned long long)n;
	if (s->total > (unsigned long long)DOSSIER_LIMITS_FILE_BYTES) {
		set_error(s->err, MSG_DOSSIER_FILE_LARGER_THAN_GIB, 0,
			  DOSSIER_LIMITS_FILE_BYTES / (1024L * 1024 * 1024));
		fail(s);
		return false;
	}
	if (n > 0 && s->pass == PASS_CHECK && s->copy_fd >= 0 &&
	    !keep_copy(s, buf, (size_t)n)) {
		fail(s);
		return false;
	}
	if (n == 0 && s->total == 0) {
		/* libxml2 would not even start on it. */
		set_error(s->err, MSG_DOSSIER_FILE_EMPTY, 0);
		fail(s);
		return false;
	}
	if (s->pass == PASS_CHECK && !check_bytes(s, buf, (size_t)n)) {
		fail(s);
		return false;
	}
	xmlParseChunk(s->ctxt, buf, (int)n, n == 0);
	if (s->failed)
		return false;
	/* As dossier_parse(): namespace errors leave it well-formed. */
	if (s->ps.doctype || s->ps.entity || !s->ctxt->wellFormed) {
		dossier_parse_ok(s->ctxt, &s->ps);
		if (n == 0)
			explain_end(s);
		fail(s);
		return false;
	}
	if (!unit_within_limit(s))
		return false;
	if (n == 0) {
		s->at_end = true;
		if (!dossier_parse_ok(s->ctxt, &s->ps))
			fail(s);
		return false;
	}
	return true;
}

struct dossier_stream *dossier_stream_open(const char *path,
					   struct dossier_parse_error *err)
{
	err->line = 0;
	err->msg = MSG_DOSSIER_NOT_WELL_FORMED; /* until one is set */
	err->message[0] = '\0';
	struct dossier_stream *s = calloc(1, sizeof(*s));
	if (s == NULL) {
		set_error(err, MSG_DOSSIER_OUT_OF_MEMORY, 0);
		return NULL;
	}
	s->copy_fd = -1;
	bool std = strcmp(path, "-") == 0;
	s->fd = std ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	s->own_fd = !std;
	if (s->fd < 0) {
		set_error(err, MSG_IMPORT_CANNOT_READ, 0, strerror(errno));
		free(s);
		return NULL;
	}
	struct stat st;
	if (fstat(s->fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > DOSSIER_LIMITS_FILE_BYTES) {
		/* Known to be too big: refused before a byte is read. */
		set_error(err, MSG_DOSSIER_FILE_LARGER_THAN_GIB, 0,
			  DOSSIER_LIMITS_FILE_BYTES / (1024L * 1024 * 1024));
		dossier_stream_free(s);
		return NULL;
	}
	s->start = lseek(s->fd, 0, SEEK_CUR);
	if (s->start == (off_t)-1) {
		/* A pipe: what the check pass reads is kept for the other. */
		FILE *tmp = tmpfile();
		s->copy_fd = tmp != NULL ? dup(fileno(tmp)) : -1;
		if (tmp != NULL)
			fclose(tmp);
		if (s->copy_fd < 0) {
			set_error(err, MSG_DOSSIER_CANNOT_MAKE_TEMPORARY_FILE,
				  0, strerror(errno));
			dossier_stream_free(s);
			return NULL;
		}
		s->from_copy = true;
	}
	return s;
}

xmlDocPtr dossier_stream_check(struct dossier_stream *s,
			       struct dossier_stream_info *info,
			       struct dossier_parse_error *err)
{
	s->xinclude = false;
	if (!begin_pass(s, PASS_CHECK, err))
		return NULL;
	while (feed(s))
		;
	if (!s->failed && s->xinclude) {
		*err = s->xinclude_err;
		s->failed = true;
	}
	if (s->failed)
		return NULL;
	*info = s->info;
	xmlDocPtr envelope = s->ctxt->myDoc;
	s->ctxt->myDoc = NULL;
	if (envelope == NULL)
		set_error(err, MSG_DOSSIER_NOT_WELL_FORMED, 0);
	return envelope;
}

xmlDocPtr dossier_stream_next(struct dossier_stream *s,
			      struct dossier_parse_error *err)
{
	if (s->pass != PASS_READ && !begin_pass(s, PASS_READ, err)) {
		s->at_end = s->failed = true;
		return NULL;
	}
	s->err = err;
	while (s->qhead == s->qn) {
		s->qhead = s->qn = 0;
		if (!feed(s) && s->qn == 0) {
			/* Errors that leave it well-formed (namespaces) too. */
			if (!s->failed)
				err->message[0] = '\0';
			return NULL;
		}
	}
	return s->queue[s->qhead++];
}

void dossier_stream_free(struct dossier_stream *s)
{
	if (s == NULL)
		return;
	for (size_t i = s->qhead; i < s->qn; i++)
		xmlFreeDoc(s->queue[i]);
	free(s->queue);
	if (s->ctxt != NULL) {
		xmlFreeDoc(s->ctxt->myDoc);
		s->ctxt->myDoc = NULL;
		xmlFreeParserCtxt(s->ctxt);
	}
	if (s->own_fd && s->fd >= 0)
		close(s->fd);
	if (s->copy_fd >= 0)
		close(s->copy_fd);
	free(s);
}
