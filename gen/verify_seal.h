/*
 * verify's check of the seals (seal.h, pdf_seal.h): the manifest's
 * detached signature (manifest.csv.p7s) and each listed PDF's — that
 * its /ByteRange covers the whole file but the /Contents hole, that the
 * CMS signature over it is valid, that a timestamp token, if any, is
 * over that signature, and with --trust CA.pem that the signer's
 * certificate chains to that CA.  Cryptography is OpenSSL's.  For
 * cmd_verify.c.
 */
#ifndef PARCOURS_VERIFY_SEAL_H
#define PARCOURS_VERIFY_SEAL_H

#include <stdbool.h>
#include <stdio.h>

struct verify_seal;

/*
 * With trust_file NULL, signatures are checked for integrity only.  NULL
 * after a system diagnostic (the CA file cannot be read).  Free with
 * verify_seal_free().
 */
struct verify_seal *verify_seal_new(const char *trust_file);
/* NULL is a no-op. */
void verify_seal_free(struct verify_seal *);

/*
 * The signature beside the manifest at manifest_path.  A manifest
 * without one is a problem only with --trust (the run was not sealed).
 * false after an error diagnostic naming the file.
 */
bool verify_seal_manifest(struct verify_seal *, const char *manifest_path);

/* true if name (relative) is the signature of the manifest manifest_name. */
bool verify_seal_is_signature(const char *name, const char *manifest_name);

/*
 * The seal of the PDF at path.  A PDF without a seal is a problem when
 * the manifest was sealed or with --trust.  false after an error
 * diagnostic naming path.
 */
bool verify_seal_pdf(struct verify_seal *, const char *path);

/* One line on what the seals proved, for verify's report; none if
 * nothing was sealed. */
void verify_seal_report(const struct verify_seal *, FILE *out);

#endif
