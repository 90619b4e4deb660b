/*
 * RFC 3161 timestamps for the seal (seal.c): a request over HTTP with
 * libcurl, the answer checked against the request (status granted,
 * the imprint and nonce sent) before its token is used.  A TSA that
 * fails, refuses or times out is a system error naming its URL: a seal
 * asked to be timestamped is never written without its timestamp.
 */
#ifndef PARCOURS_SEAL_TSA_H
#define PARCOURS_SEAL_TSA_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Once, before any worker process is forked; false after a diagnostic. */
bool seal_tsa_init(void);

/*
 * Appends to token the DER of the TimeStampToken that url gives for the
 * SHA-256 of the signature value sig.  what names the sealed file in
 * diagnostics.  false after a system diagnostic.
 */
bool seal_tsa_stamp(const char *url, const unsigned char *sig, size_t len,
		    const char *what, struct buf *token);

#endif
