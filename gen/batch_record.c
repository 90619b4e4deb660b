/*
 * The records a batch worker writes to its pipe (see batch_internal.h):
 * a 13-byte head (type, item, documents, payload length) and the
 * payload.  Both ends are the same program on the same machine, so the
 * numbers go in host byte order.
 */
#include <string.h>

#include "batch_internal.h"

#define HEAD_LEN 13

void batch_record_put(struct buf *b, const struct batch_record *r)
{
	unsigned char head[HEAD_LEN];
	head[0] = (unsigned char)r->type;
	memcpy(head + 1, &r->item, 4);
	memcpy(head + 5, &r->ndocs, 4);
	memcpy(head + 9, &r->len, 4);
	buf_put(b, head, sizeof(head));
	buf_put(b, r->payload, r->len);
}

bool batch_record_get(const unsigned char *data, size_t len, size_t *at,
		      struct batch_record *r)
{
	if (len - *at < HEAD_LEN)
		return false;
	const unsigned char *p = data + *at;
	uint32_t plen;
	memcpy(&plen, p + 9, 4);
	if (len - *at - HEAD_LEN < plen)
		return false;
	r->type = (enum batch_record_type)p[0];
	memcpy(&r->item, p + 1, 4);
	memcpy(&r->ndocs, p + 5, 4);
	r->len = plen;
	r->payload = p + HEAD_LEN;
	*at += HEAD_LEN + plen;
	return true;
}
