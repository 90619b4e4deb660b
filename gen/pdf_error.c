/*
 * libharu's error codes in words (see pdf_error.h).
 */
#include <stdio.h>
#include <string.h>

#include <zlib.h>

#include "pdf_error.h"

/* The codes a run can meet, in words; the others are ours to fix. */
static const struct {
	HPDF_STATUS code;
	const char *words;
} known[] = {
    {HPDF_FAILD_TO_ALLOC_MEM, "out of memory"},
    {HPDF_FILE_IO_ERROR, "cannot write the file"},
    {HPDF_FILE_OPEN_ERROR, "cannot open the file"},
    {HPDF_INVALID_FONTDEF_DATA, "the font file is broken"},
    {HPDF_INVALID_TTC_FILE, "the font file is broken"},
    {HPDF_TTF_CANNOT_EMBEDDING_FONT, "the font's licence forbids embedding"},
    {HPDF_TTF_INVALID_CMAP, "the font file has no usable character map"},
    {HPDF_TTF_INVALID_FOMAT, "the font file is not a TrueType font"},
    {HPDF_TTF_MISSING_TABLE, "the font file is broken (a table is missing)"},
    {HPDF_UNSUPPORTED_FONT_TYPE, "the font type is not supported"},
    {HPDF_INVALID_ICC_COMPONENT_NUM, "the colour profile is broken"},
    {HPDF_PAGE_INVALID_FONT_SIZE, "a font size out of range"},
    {HPDF_PAGE_OUT_OF_RANGE, "too many pages"},
    {HPDF_REAL_OUT_OF_RANGE, "a coordinate out of range"},
    {HPDF_STRING_OUT_OF_RANGE, "a text too long for one PDF string"},
    {HPDF_XREF_COUNT_ERR, "too many objects in one PDF"},
    /* We only ever ask for the "UTF-8" encoder, which libharu has: it
     * answers this when it could not allocate it (seen under ulimit -v). */
    {HPDF_INVALID_ENCODING_NAME,
     "out of memory (the UTF-8 encoder could not be set up)"},
};

bool pdf_error_is_memory(HPDF_STATUS error, HPDF_STATUS detail)
{
	return error == HPDF_FAILD_TO_ALLOC_MEM ||
	       (error == HPDF_ZLIB_ERROR && (long)detail == Z_MEM_ERROR);
}

const char *pdf_error_words(HPDF_STATUS error, HPDF_STATUS detail, char *out,
			    size_t size)
{
	if (pdf_error_is_memory(error, detail)) {
		snprintf(out, size, "out of memory");
		return out;
	}
	if (error == HPDF_ZLIB_ERROR) {
		snprintf(out, size, "compression failed (zlib status %ld)",
			 (long)detail);
		return out;
	}
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++) {
		if (known[i].code != error)
			continue;
		/* libharu passes errno as the detail of its I/O errors. */
		if ((error == HPDF_FILE_IO_ERROR ||
		     error == HPDF_FILE_OPEN_ERROR) &&
		    detail != 0 && (long)detail > 0 && (long)detail < 4096)
			snprintf(out, size, "%s: %s", known[i].words,
				 strerror((int)detail));
		else
			snprintf(out, size, "%s", known[i].words);
		return out;
	}
	snprintf(out, size,
		 "the PDF library failed (libharu error 0x%04lX, detail %ld): "
		 "a bug, please report it",
		 (unsigned long)error, (long)detail);
	return out;
}
