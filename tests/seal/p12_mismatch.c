/*
 * Writes a PKCS#12 whose private key is not the certificate's, which
 * `openssl pkcs12 -export` refuses to make: the certificate and the key
 * as bags of their own, assembled with OpenSSL's low-level calls (no
 * PKCS12_create(), which checks that they match).  For the seal suite.
 *
 * usage: p12-mismatch CERT.pem KEY.pem PASSWORD OUT.p12
 */
#include <stdio.h>

#include <openssl/pem.h>
#include <openssl/pkcs12.h>

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: p12-mismatch CERT KEY PASSWORD OUT\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "r");
	X509 *cert = f != NULL ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;
	if (f != NULL)
		fclose(f);
	f = fopen(argv[2], "r");
	EVP_PKEY *key =
	    f != NULL ? PEM_read_PrivateKey(f, NULL, NULL, NULL) : NULL;
	if (f != NULL)
		fclose(f);
	if (cert == NULL || key == NULL) {
		fprintf(stderr, "p12-mismatch: cannot read %s or %s\n", argv[1],
			argv[2]);
		return 1;
	}
	const char *pass = argv[3];
	STACK_OF(PKCS12_SAFEBAG) *certs = NULL, *keys = NULL;
	STACK_OF(PKCS7) *safes = NULL;
	int iter = PKCS12_DEFAULT_ITER;
	int nid = NID_aes_256_cbc; /* PBES2, as OpenSSL 3 exports */
	PKCS12 *p12 = NULL;
	if (PKCS12_add_cert(&certs, cert) != NULL &&
	    PKCS12_add_key(&keys, key, 0, iter, nid, pass) != NULL &&
	    PKCS12_add_safe(&safes, certs, nid, iter, pass) &&
	    PKCS12_add_safe(&safes, keys, -1, 0, NULL))
		p12 = PKCS12_add_safes(safes, 0);
	FILE *out = fopen(argv[4], "wb");
	int ok = p12 != NULL && out != NULL &&
		 PKCS12_set_mac(p12, pass, -1, NULL, 0, iter, EVP_sha256()) &&
		 i2d_PKCS12_fp(out, p12);
	if (out != NULL && fclose(out) != 0)
		ok = 0;
	if (!ok) {
		fprintf(stderr, "p12-mismatch: cannot write %s\n", argv[4]);
		return 1;
	}
	PKCS12_free(p12);
	sk_PKCS7_pop_free(safes, PKCS7_free);
	sk_PKCS12_SAFEBAG_pop_free(certs, PKCS12_SAFEBAG_free);
	sk_PKCS12_SAFEBAG_pop_free(keys, PKCS12_SAFEBAG_free);
	X509_free(cert);
	EVP_PKEY_free(key);
	return 0;
}
