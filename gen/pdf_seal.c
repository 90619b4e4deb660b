/*
 * The incremental update that seals a PDF (see pdf_seal.h).  It reads
 * only what pdf.c's libharu writes: a classic cross-reference table, a
 * trailer with /Root, a catalog and pages that are plain dictionaries.
 * Anything else is refused rather than guessed at.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "diag.h"
#include "pdf_seal.h"

/* "0 0000000000 0000000000 0000000000]": room for any file offset. */
#define BYTE_RANGE_WIDTH 35
#define PAGE_TREE_DEPTH	 16

/* A region of the file. */
struct span {
	const char *s;
	size_t n;
};

/* What the update needs from the file. */
struct pdf_parsed {
	size_t xref_at;	    /* the startxref offset: /Prev */
	unsigned long size; /* the trailer's /Size: first new object */
	unsigned long root, info, page; /* info 0: none */
	struct span catalog, page_dict; /* "<< … >>" of each */
	struct span id;			/* "[<…><…>]", n 0 if none */
	size_t *offsets;		/* of objects 0 .. size - 1 */
};

static const char *find(struct span in, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; k <= in.n && i <= in.n - k; i++)
		if (memcmp(in.s + i, needle, k) == 0)
			return in.s + i;
	return NULL;
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p;
}

/* A non-negative integer at *p, then spaces; false if none. */
static bool take_number(const char **p, const char *end, unsigned long *v)
{
	const char *q = *p;
	*v = 0;
	if (q == end || !isdigit((unsigned char)*q))
		return false;
	for (; q < end && isdigit((unsigned char)*q); q++) {
		if (*v > 0xffffffffffUL)
			return false; /* no PDF of ours is a terabyte */
		*v = *v * 10 + (unsigned long)(*q - '0');
	}
	*p = skip_space(q, end);
	return true;
}

/* "N 0 R" after key in dict (each occurrence tried); 0 if none. */
static unsigned long find_ref(struct span dict, const char *key)
{
	const char *end = dict.s + dict.n;
	for (struct span rest = dict;;) {
		const char *k = find(rest, key);
		if (k == NULL)
			return 0;
		const char *p = skip_space(k + strlen(key), end);
		unsigned long obj, gen;
		if (p > k + strlen(key) && take_number(&p, end, &obj) &&
		    take_number(&p, end, &gen) && p < end && *p == 'R' &&
		    gen == 0)
			return obj;
		rest.s = k + 1;
		rest.n = (size_t)(end - rest.s);
	}
}

/* The xref table at p->xref_at: every object's offset. */
static bool parse_xref(struct span f, struct pdf_parsed *p, const char **after)
{
	const char *end = f.s + f.n, *q = f.s + p->xref_at;
	unsigned long first, count;
	if (p->xref_at + 4 > f.n || memcmp(q, "xref", 4) != 0)
		return false;
	q = skip_space(q + 4, end);
	if (!take_number(&q, end, &first) || !take_number(&q, end, &count) ||
	    first != 0 || count == 0 || count > 10000000)
		return false;
	p->offsets = calloc(count, sizeof(*p->offsets));
	if (p->offsets == NULL)
		return false;
	for (unsigned long i = 0; i < count; i++) {
		unsigned long off, gen;
		if (!take_number(&q, end, &off) ||
		    !take_number(&q, end, &gen) || q == end ||
		    (*q != 'n' && *q != 'f'))
			return false;
		p->offsets[i] = *q == 'n' ? off : 0;
		q = skip_space(q + 1, end);
	}
	p->size = count;
	*after = q;
	return true;
}

/* The dictionary of object obj: "<< … >>", no stream. */
static bool object_dict(struct span f, const struct pdf_parsed *p,
			unsigned long obj, struct span *dict)
{
	if (obj == 0 || obj >= p->size || p->offsets[obj] == 0 ||
	    p->offsets[obj] >= f.n)
		return false;
	const char *end = f.s + f.n, *q = f.s + p->offsets[obj];
	unsigned long num, gen;
	if (!take_number(&q, end, &num) || !take_number(&q, end, &gen) ||
	    num != obj || (size_t)(end - q) < 3 || memcmp(q, "obj", 3) != 0)
		return false;
	q = skip_space(q + 3, end);
	const char *stop = find((struct span){q, (size_t)(end - q)}, "endobj");
	if (stop == NULL)
		return false;
	while (stop > q && isspace((unsigned char)stop[-1]))
		stop--;
	dict->s = q;
	dict->n = (size_t)(stop - q);
	return dict->n >= 4 && memcmp(q, "<<", 2) == 0 &&
	       memcmp(stop - 2, ">>", 2) == 0 && find(*dict, "stream") == NULL;
}

/* The first page: the first kid of each /Pages node down the tree. */
static bool first_page(struct span f, struct pdf_parsed *p)
{
	unsigned long node = find_ref(p->catalog, "/Pages");
	for (int depth = 0; node != 0 && depth < PAGE_TREE_DEPTH; depth++) {
		struct span dict;
		if (!object_dict(f, p, node, &dict))
			return false;
		const char *kids = find(dict, "/Kids");
		if (kids == NULL) {
			p->page = node;
			p->page_dict = dict;
			return find(dict, "/Annots") == NULL;
		}
		const char *end = dict.s + dict.n;
		const char *q = skip_space(kids + 5, end);
		unsigned long obj, gen;
		if (q == end || *q != '[')
			return false;
		q = skip_space(q + 1, end);
		if (!take_number(&q, end, &obj) ||
		    !take_number(&q, end, &gen) || q == end || *q != 'R')
			return false;
		node = obj;
	}
	return false;
}

/* The trailer's /ID array, copied as it is. */
static void trailer_id(struct span trailer, struct span *id)
{
	const char *k = find(trailer, "/ID");
	const char *end = trailer.s + trailer.n;
	id->n = 0;
	if (k == NULL)
		return;
	const char *open = skip_space(k + 3, end), *close = open;
	while (close < end && *close != ']')
		close++;
	if (open < end && *open == '[' && close < end) {
		id->s = open;
		id->n = (size_t)(close - open) + 1;
	}
}

static bool parse(struct span f, struct pdf_parsed *p)
{
	/* startxref is in the last kilobyte; the last one is ours. */
	size_t from = f.n > 1024 ? f.n - 1024 : 0;
	const char *sx = NULL, *end = f.s + f.n;
	for (struct span tail = {f.s + from, f.n - from};;) {
		const char *k = find(tail, "startxref");
		if (k == NULL)
			break;
		sx = k;
		tail.s = k + 1;
		tail.n = (size_t)(end - tail.s);
	}
	if (sx == NULL)
		return false;
	const char *q = skip_space(sx + 9, end), *after;
	unsigned long at;
	if (!take_number(&q, end, &at) || at >= f.n)
		return false;
	p->xref_at = at;
	if (!parse_xref(f, p, &after) || (size_t)(end - after) < 7 ||
	    memcmp(after, "trailer", 7) != 0 || sx < after)
		return false;
	struct span trailer = {after, (size_t)(sx - after)};
	p->root = find_ref(trailer, "/Root");
	p->info = find_ref(trailer, "/Info");
	trailer_id(trailer, &p->id);
	return object_dict(f, p, p->root, &p->catalog) && first_page(f, p);
}

/* Object obj again: its dictionary with one more entry. */
static void put_extended(struct buf *out, unsigned long obj, struct span dict,
			 const char *entry)
{
	buf_printf(out, "%lu 0 obj\n%.*s%s\n>>\nendobj\n", obj,
		   (int)(dict.n - 2), dict.s, entry);
}

struct xref_entry {
	unsigned long obj;
	size_t at;
};

static int compare_entry(const void *a, const void *b)
{
	const struct xref_entry *x = a, *y = b;
	return x->obj < y->obj ? -1 : x->obj > y->obj;
}

/* The update's cross-reference section: one subsection per run. */
static void put_xref(struct buf *out, struct xref_entry *e, size_t n)
{
	qsort(e, n, sizeof(*e), compare_entry);
	buf_puts(out, "xref\n0 1\n0000000000 65535 f\r\n");
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && e[j].obj == e[j - 1].obj + 1)
			j++;
		buf_printf(out, "%lu %zu\n", e[i].obj, j - i);
		for (; i < j; i++)
			buf_printf(out, "%010zu 00000 n\r\n", e[i].at);
	}
}

/*
 * Writes the update into out, which goes at offset base of the file
 * (after its line end), /ByteRange and /Contents left to fill; *range_at
 * and *hole_at are where they are in the file, hole the hex digits.  The
 * spans of p point into the file, so out is another buffer.
 */
static void put_update(struct buf *out, size_t base, const struct pdf_parsed *p,
		       const struct seal *s, size_t hole, size_t *range_at,
		       size_t *hole_at)
{
	unsigned long field = p->size, sig = p->size + 1, ap = p->size + 2;
	struct xref_entry e[5] = {
	    {field, 0}, {sig, 0}, {ap, 0}, {p->root, 0}, {p->page, 0}};
	e[0].at = base + out->len;
	buf_printf(out,
		   "%lu 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig "
		   "/T (Cachet) /F 132 /Rect [ 0 0 0 0 ] /P %lu 0 R "
		   "/V %lu 0 R /AP << /N %lu 0 R >> >>\nendobj\n",
		   field, p->page, sig, ap);
	e[1].at = base + out->len;
	buf_printf(out,
		   "%lu 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite "
		   "/SubFilter /ETSI.CAdES.detached /M (%s) /ByteRange [",
		   sig, seal_pdf_date(s));
	*range_at = base + out->len;
	buf_printf(out, "%*s /Contents <", BYTE_RANGE_WIDTH, "");
	*hole_at = base + out->len - 1;
	static const char zeros[] = "0000000000000000000000000000000000000000"
				    "000000000000000000000000";
	for (size_t i = 0; i < hole; i += sizeof(zeros) - 1)
		buf_put(out, zeros,
			hole - i < sizeof(zeros) - 1 ? hole - i
						     : sizeof(zeros) - 1);
	buf_puts(out, "> >>\nendobj\n");
	e[2].at = base + out->len;
	buf_printf(out,
		   "%lu 0 obj\n<< /Type /XObject /Subtype /Form "
		   "/BBox [ 0 0 0 0 ] /Length 0 >>\nstream\n\nendstream\n"
		   "endobj\n",
		   ap);
	char entry[96];
	e[3].at = base + out->len;
	snprintf(entry, sizeof(entry),
		 "\n/AcroForm << /Fields [ %lu 0 R ] /SigFlags 3 >>", field);
	put_extended(out, p->root, p->catalog, entry);
	e[4].at = base + out->len;
	snprintf(entry, sizeof(entry), "\n/Annots [ %lu 0 R ]", field);
	put_extended(out, p->page, p->page_dict, entry);
	size_t xref_at = base + out->len;
	put_xref(out, e, 5);
	buf_printf(out, "trailer\n<< /Size %lu /Root %lu 0 R", ap + 1, p->root);
	if (p->info != 0)
		buf_printf(out, " /Info %lu 0 R", p->info);
	if (p->id.n > 0)
		buf_printf(out, " /ID %.*s", (int)p->id.n, p->id.s);
	buf_printf(out, " /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n", p->xref_at,
		   xref_at);
}

/* SHA-256 of the file but the hole [b, c). */
static bool digest_ranges(const struct buf *f, size_t b, size_t c,
			  unsigned char digest[SEAL_DIGEST_LEN])
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	bool ok = ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) &&
		  EVP_DigestUpdate(ctx, f->data, b) &&
		  EVP_DigestUpdate(ctx, f->data + c, f->len - c) &&
		  EVP_DigestFinal_ex(ctx, digest, NULL);
	EVP_MD_CTX_free(ctx);
	return ok;
}

/* Fills /ByteRange and /Contents of the update just appended. */
static bool sign_update(const struct seal *s, struct buf *pdf, size_t hole,
			size_t range_at, size_t hole_at, const char *what)
{
	size_t b = hole_at, c = hole_at + hole + 2, d = pdf->len - c;
	char range[BYTE_RANGE_WIDTH + 1];
	int n = snprintf(range, sizeof(range), "0 %zu %zu %zu]", b, c, d);
	if (n < 0 || n >= (int)sizeof(range)) {
		diag(MSG_SEAL_CANNOT_FILE_TOO_LARGE, what, 0);
		return false;
	}
	memset(range + n, ' ', BYTE_RANGE_WIDTH - (size_t)n);
	memcpy(pdf->data + range_at, range, BYTE_RANGE_WIDTH);

	unsigned char digest[SEAL_DIGEST_LEN];
	struct buf der = {0};
	bool ok = digest_ranges(pdf, b, c, digest) &&
		  seal_sign(s, digest, what, &der);
	if (ok && 2 * der.len > hole) {
		diag(MSG_SEAL_SIGNATURE_TOO_LARGE, what, 0, der.len, hole / 2);
		ok = false;
	}
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; ok && i < der.len; i++) {
		pdf->data[hole_at + 1 + 2 * i] =
		    (unsigned char)hex[der.data[i] >> 4];
		pdf->data[hole_at + 2 + 2 * i] =
		    (unsigned char)hex[der.data[i] & 15];
	}
	buf_free(&der);
	return ok;
}

bool pdf_seal(const struct seal *s, struct buf *pdf, const char *what)
{
	struct pdf_parsed p = {0};
	struct span f = {(const char *)pdf->data, pdf->len};
	if (!parse(f, &p)) {
		free(p.offsets);
		diag(MSG_SEAL_CANNOT_NOT_PDF_PARCOURS, what, 0);
		return false;
	}
	size_t len0 = pdf->len, hole = 2 * seal_max_len(s);
	size_t range_at = 0, hole_at = 0;
	bool newline = pdf->len > 0 && pdf->data[pdf->len - 1] != '\n';
	struct buf update = {0};
	put_update(&update, pdf->len + newline, &p, s, hole, &range_at,
		   &hole_at);
	free(p.offsets);
	if (newline)
		buf_puts(pdf, "\n");
	buf_put(pdf, update.data, update.len);
	bool oom = update.oom || pdf->oom;
	buf_free(&update);
	if (oom) {
		pdf->len = len0;
		diag(MSG_OUT_OF_MEMORY, what, 0);
		return false;
	}
	if (!sign_update(s, pdf, hole, range_at, hole_at, what)) {
		pdf->len = len0;
		return false;
	}
	return true;
}
