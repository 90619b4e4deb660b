/*
 * The employer's electronic seal (eIDAS art. 35-36): the key and
 * certificate chain of a PKCS#12 file, and the CMS signatures made with
 * them — detached, SHA-256, the chain included, the ESS
 * signing-certificate-v2 attribute, no signing-time attribute (CAdES as
 * PAdES baseline B-B asks), and with --tsa an RFC 3161 timestamp on the
 * signature (B-T).  Cryptography and ASN.1 are OpenSSL's.  For the
 * commands that write PDFs (pdf_seal.h puts the signature in them) and
 * the batch runner (manifest.csv.p7s).
 *
 * Without --tsa, a signature depends only on the key and the signed
 * bytes: RSA PKCS#1 v1.5 is deterministic, so sealed runs are
 * byte-identical.  (ECDSA keys sign with a random nonce.)
 */
#ifndef PARCOURS_SEAL_H
#define PARCOURS_SEAL_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "cli.h"

#define SEAL_DIGEST_LEN 32     /* SHA-256 */
#define SEAL_P7S_EXT	".p7s" /* manifest.csv.p7s beside manifest.csv */

struct seal;

/*
 * The seal of o->seal_file, opened with the password of
 * o->seal_password_file or else o->seal_password (else none).  *out is
 * NULL when there is no --seal.  false after a system diagnostic (file
 * unreadable, wrong password, key and certificate that do not match);
 * a certificate not valid on o->as_of is only warned about.  Free with
 * seal_free().
 */
bool seal_open(const struct options *o, struct seal **out);
/* NULL is a no-op. */
void seal_free(struct seal *);

/* The seal's date, from --as-of, as a PDF date: "D:20250301000000Z". */
const char *seal_pdf_date(const struct seal *);

/*
 * The largest signature seal_sign() can make, in bytes: what a PDF must
 * reserve for it.  It depends only on the certificates and key (and on
 * --tsa), so the reservation, hence the file, is reproducible.
 */
size_t seal_max_len(const struct seal *);

/*
 * Appends to der the DER of a detached CMS SignedData over content whose
 * SHA-256 is digest, timestamped by the TSA if there is one.  what names
 * the content in diagnostics.  false after a system diagnostic (the TSA
 * failed, out of memory).
 */
bool seal_sign(const struct seal *, const unsigned char digest[SEAL_DIGEST_LEN],
	       const char *what, struct buf *der);

/*
 * The SHA-256 of the whole file open on fd (read from offset 0 with
 * pread, so the stream's position does not move).  false with errno set.
 */
bool seal_digest_fd(int fd, unsigned char digest[SEAL_DIGEST_LEN]);

#endif
