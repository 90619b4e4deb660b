/*
 * libharu's error codes in words, for every message that reports one:
 * "libharu error 0x1066, detail 18446744073709551612" tells HR nothing,
 * "out of memory (compressing)" does.  For pdf*.c.
 */
#ifndef PARCOURS_PDF_ERROR_H
#define PARCOURS_PDF_ERROR_H

#include <stdbool.h>
#include <stddef.h>

#include <hpdf.h>

/*
 * What error (with its detail: an errno, or zlib's status for
 * HPDF_ZLIB_ERROR) means, into out: "out of memory", "cannot write the
 * file: No space left on device", or for the codes that only a bug of
 * ours or a broken font can cause, a sentence with the code.
 */
const char *pdf_error_words(HPDF_STATUS error, HPDF_STATUS detail, char *out,
			    size_t size);

/* Whether error (and detail) is a lack of memory. */
bool pdf_error_is_memory(HPDF_STATUS error, HPDF_STATUS detail);

#endif
