/*
 * The messages parcours prints, one row each: its name, its level and
 * its text, a printf format (mandoc's mandocerr table).  For diag.h;
 * msg.c makes the table of names, levels and texts from the rows.
 *
 * To add a message: a row "#define MSG_NAME_ROW MSG_LEVEL, "text"" in
 * its file's group, and X(MSG_NAME) in MSG_LIST below; then a test that
 * produces it (make check-messages fails on a message no test produces).
 */
#ifndef PARCOURS_MSG_H
#define PARCOURS_MSG_H

/* The levels, and the word each prints (diag.c). */
enum msg_level {
	MSG_NOTE,    /* "note": a remark that is no problem */
	MSG_WARNING, /* "warning": a problem the run goes past */
	MSG_ERROR,   /* "error": a dossier or an input is wrong (exit 1) */
	MSG_USAGE,   /* "usage": a bad command line (exit 2) */
	MSG_SYSTEM,  /* "system error": cannot write, no memory, a broken
			resource such as a template (exit 3) */
};

/* template.c */
#define MSG_TEMPLATE_UNKNOWN_ATTRIBUTE_ROW                                     \
	MSG_SYSTEM, "<%s>: unknown attribute \"%s\""
#define MSG_TEMPLATE_ATTRIBUTE_REQUIRED_ROW                                    \
	MSG_SYSTEM, "<%s>: attribute \"%s\" is required"
#define MSG_TEMPLATE_NOT_WHOLE_NUMBER_ROW                                      \
	MSG_SYSTEM, "<%s>: %s \"%s\" is not a whole number from %d to %d"
#define MSG_TEMPLATE_NOT_TRUE_FALSE_ROW                                        \
	MSG_SYSTEM, "<%s>: %s \"%s\" is not true or false"
#define MSG_TEMPLATE_ALIGN_NOT_LEFT_JUSTIFY_ROW                                \
	MSG_SYSTEM, "<%s>: align \"%s\" is not left, justify, center or right"
#define MSG_TEMPLATE_LETTERBOX_ROLE_ROW                                        \
	MSG_SYSTEM, "<letterbox>: role \"%s\" is not sender, recipient, "      \
		    "dateline, delivery, object or signatory"
#define MSG_TEMPLATE_TABLE_WIDTHS_NOT_LIST_ROW                                 \
	MSG_SYSTEM,                                                            \
	    "<table>: widths \"%s\" is not a list of 1 to 16 positive numbers"
#define MSG_TEMPLATE_TABLE_WIDTHS_EMPTY_ROW                                    \
	MSG_SYSTEM, "<table>: widths is empty"
#define MSG_TEMPLATE_SPACE_LINES_NOT_NUMBER_ROW                                \
	MSG_SYSTEM, "<space>: lines \"%s\" is not a number of lines or half "  \
		    "lines from 0.5 to 40"
#define MSG_TEMPLATE_UNKNOWN_FIELD_ROW MSG_SYSTEM, "unknown field \"%s\""
#define MSG_TEMPLATE_FIELD_NOT_AVAILABLE_ROW                                   \
	MSG_SYSTEM, "field \"%s\" is not available in a %s template"
#define MSG_TEMPLATE_FIELD_ONLY_AVAILABLE_INSIDE_ROW                           \
	MSG_SYSTEM, "field \"%s\" is only available inside a <for> over a "    \
		    "list of %s items"
#define MSG_TEMPLATE_UNKNOWN_LIST_ROW MSG_SYSTEM, "unknown list \"%s\""
#define MSG_TEMPLATE_LIST_NOT_AVAILABLE_ROW                                    \
	MSG_SYSTEM, "list \"%s\" is not available in a %s template"
#define MSG_TEMPLATE_UNKNOWN_FIELD_LIST_TEST_ROW                               \
	MSG_SYSTEM, "unknown field or list \"%s\" in test"
#define MSG_TEMPLATE_TEST_TOO_LONG_ROW                                         \
	MSG_SYSTEM, "test \"%.40s...\" is too long"
#define MSG_TEMPLATE_TEST_NOT_TERMS_JOINED_ROW                                 \
	MSG_SYSTEM, "test \"%s\" is not terms joined by \"and\" or \"or\", "   \
		    "each maybe after \"not\""
#define MSG_TEMPLATE_TEXT_NOT_ALLOWED_INSIDE_ROW                               \
	MSG_SYSTEM, "text is not allowed inside <%s>"
#define MSG_TEMPLATE_ELSE_MUST_LAST_CHILD_ROW                                  \
	MSG_SYSTEM, "<else> must be the last child of <if>"
#define MSG_TEMPLATE_EACH_INSIDE_ANOTHER_LOOP_ROW                              \
	MSG_SYSTEM, "<for each=\"%s\"> is inside another loop over %s items"
#define MSG_TEMPLATE_FIELD_FORMAT_DOES_NOT_ROW                                 \
	MSG_SYSTEM, "<field>: format \"%s\" does not apply to field \"%s\""
#define MSG_TEMPLATE_TEXT_FIELD_NOT_TEXT_ROW                                   \
	MSG_SYSTEM, "<text>: field \"%s\" is not a text field"
#define MSG_TEMPLATE_CHECKBOX_GIVE_FIELD_TEST_ROW                              \
	MSG_SYSTEM, "<checkbox>: give \"field\" or \"test\", not both"
#define MSG_TEMPLATE_CHECKBOX_FIELD_NOT_YES_ROW                                \
	MSG_SYSTEM, "<checkbox>: field \"%s\" is not a yes/no field"
#define MSG_TEMPLATE_MUST_BE_EMPTY_ROW MSG_SYSTEM, "<%s> must be empty"
#define MSG_TEMPLATE_ROW_CELLS_BUT_TABLE_ROW                                   \
	MSG_SYSTEM, "<row> has %d cells, but its <table> has %d columns"
#define MSG_TEMPLATE_UNKNOWN_ELEMENT_ROW MSG_SYSTEM, "unknown element <%s>"
#define MSG_TEMPLATE_ELSE_ONLY_ALLOWED_IF_ROW                                  \
	MSG_SYSTEM, "<else> is only allowed in <if>"
#define MSG_TEMPLATE_NOT_ALLOWED_ROW MSG_SYSTEM, "<%s> is not allowed in %s"
#define MSG_TEMPLATE_NOT_AVAILABLE_ROW                                         \
	MSG_SYSTEM, "<%s> is not available in a %s template"
#define MSG_TEMPLATE_ELEMENTS_NESTED_TOO_DEEPLY_ROW                            \
	MSG_SYSTEM, "elements are nested too deeply"
#define MSG_TEMPLATE_MUST_COME_BEFORE_CONTENT_ROW                              \
	MSG_SYSTEM, "<%s> must come before the content of <document>"
#define MSG_TEMPLATE_GIVEN_TWICE_ROW MSG_SYSTEM, "<%s> is given twice"
#define MSG_TEMPLATE_ROOT_NOT_DOCUMENT_ROW                                     \
	MSG_SYSTEM, "the root element must be <document>"
#define MSG_TEMPLATE_DOCUMENT_ATTRIBUTE_ROW                                    \
	MSG_SYSTEM, "<document>: unknown attribute \"%s\" (the title and "     \
		    "subject are elements)"
#define MSG_OUT_OF_MEMORY_ROW	     MSG_SYSTEM, "out of memory"
#define MSG_TEMPLATE_CANNOT_READ_ROW MSG_SYSTEM, "cannot read template: %s"
#define MSG_TEMPLATE_MORE_ERRORS_NOT_SHOWN_ROW                                 \
	MSG_SYSTEM, "%d more errors not shown"
#define MSG_TEMPLATE_NOT_XML_ROW MSG_SYSTEM, "%s"

/* batch_sweep.c */
#define MSG_SWEEP_CANNOT_REMOVE_ROW MSG_SYSTEM, "cannot remove %s: %s"
#define MSG_SWEEP_CANNOT_LIST_ROW   MSG_SYSTEM, "cannot list: %s"

/* cmd_all.c */
#define MSG_ALL_FORMAT_DOES_NOT_APPLY_ROW                                      \
	MSG_USAGE, "all: --format does not apply: documents are PDF, letters " \
		   "ODT, reports CSV"
#define MSG_ALL_MERGE_DOES_NOT_APPLY_ROW                                       \
	MSG_USAGE, "all: --merge does not apply: all writes "                  \
		   "letters-merged.odt in the output directory"

/* cmd_import.c */
#define MSG_IMPORT_CANNOT_LIST_ROW     MSG_ERROR, "cannot list: %s"
#define MSG_IMPORT_CANNOT_READ_ROW     MSG_ERROR, "cannot read: %s"
#define MSG_IMPORT_MAP_CANNOT_READ_ROW MSG_USAGE, "--map: cannot read %s: %s"

/* cmd_verify.c */
#define MSG_VERIFY_MANIFEST_ITSELF_CHANGED_SHA_ROW                              \
	MSG_ERROR, "the manifest itself changed: its SHA-256 is %.12s…, not " \
		   "the %.12s… given with --expect"
#define MSG_VERIFY_MANIFEST_NAME_TOO_LONG_ROW                                  \
	MSG_USAGE, "verify: the manifest's name is too long"
#define MSG_VERIFY_CANNOT_OPEN_ROW MSG_SYSTEM, "cannot open: %s"
#define MSG_VERIFY_CANNOT_READ_MANIFEST_ROW                                    \
	MSG_SYSTEM, "cannot read the manifest: %s"
#define MSG_VERIFY_MANIFEST_TOO_LARGE_ROW                                      \
	MSG_ERROR, "larger than %ld MiB: not a parcours manifest"
#define MSG_VERIFY_MANIFEST_EMPTY_ROW MSG_ERROR, "empty manifest"
#define MSG_VERIFY_GIVE_ONE_OUTPUT_DIRECTORY_ROW                               \
	MSG_USAGE, "verify: give one output directory or manifest"
#define MSG_VERIFY_PATH_TOO_LONG_ROW MSG_ERROR, "path too long"
#define MSG_VERIFY_MISSING_ROW	     MSG_ERROR, "missing"
#define MSG_VERIFY_MISSING_ON_PATH_ROW                                         \
	MSG_ERROR,                                                             \
	    "missing (a directory on its path is a symbolic link or a file)"
#define MSG_VERIFY_UNREADABLE_ROW MSG_ERROR, "%s"
#define MSG_VERIFY_SYMLINK_ROW                                                 \
	MSG_ERROR, "a symbolic link, not the file that was written (verify "   \
		   "follows none)"
#define MSG_VERIFY_DIRECTORY_ROW MSG_ERROR, "a directory, not a file"
#define MSG_VERIFY_SPECIAL_FILE_ROW                                            \
	MSG_ERROR, "not a regular file (a FIFO, a device or a socket)"
#define MSG_VERIFY_NOT_REGULAR_ROW MSG_ERROR, "not a regular file"
#define MSG_VERIFY_LEAVES_DIRECTORY_ROW                                        \
	MSG_ERROR, "leaves the output directory: not checked"
#define MSG_VERIFY_CHANGED_SIZE_ROW                                            \
	MSG_ERROR, "changed (%llu bytes; the manifest says %llu)"
#define MSG_VERIFY_CHANGED_BYTES_ROW                                           \
	MSG_ERROR, "changed (%llu bytes, sha256 %.12s…; the manifest says "  \
		   "%llu bytes, %.12s…)"
#define MSG_VERIFY_UNREADABLE_DIRECTORY_ROW                                    \
	MSG_ERROR, "a directory that cannot be read"
#define MSG_VERIFY_NESTED_TOO_DEEP_ROW                                         \
	MSG_ERROR, "directories nested too deep to check"
#define MSG_VERIFY_UNLISTED_ROW MSG_ERROR, "not listed in the manifest"
#define MSG_VERIFY_UNLISTED_SYMLINK_ROW                                        \
	MSG_ERROR, "not listed in the manifest (a symbolic link, not "         \
		   "followed)"
#define MSG_VERIFY_UNLISTED_SPECIAL_ROW                                        \
	MSG_ERROR, "not listed in the manifest (not a regular file)"

/* documents.c */
#define MSG_DOC_TEMPLATE_NOT_LOADED_ROW                                        \
	MSG_SYSTEM, "documents: the %s template is not loaded"

/* dossier_id.c */
#define MSG_DOSSIER_ID_RESERVED_NO_PART_ROW                                    \
	MSG_ERROR, "<dossier>: id \"%s\" is reserved: no part of an id after " \
		   "a \".\" may be csv, odt, html, p7s or lock, which would "  \
		   "collide with the run's own files (manifest.csv, "          \
		   "letters-merged.odt...) in the output directory"

/* dossier_limits.c */
#define MSG_DOSSIER_FORBIDDEN_CHARACTER_ROW                                    \
	MSG_ERROR, "<%s>: %sthe text holds the %s U+%04lX, which %s: remove "  \
		   "it from the export"
#define MSG_DOSSIER_TEXT_TOO_LONG_ROW                                          \
	MSG_ERROR, "<%s>: %sthe text is %lu characters long; the limit is %d " \
		   "per text"
#define MSG_DOSSIER_LIST_TOO_LONG_ROW                                          \
	MSG_ERROR, "<%s>: %lu entries; the limit is %d per list"

/* dossier_read.c */
#define MSG_DOSSIER_XINCLUDE_ROW                                               \
	MSG_ERROR, "XInclude is not accepted: <%s%s%s> is never followed (a "  \
		   "dossier file must be self-contained)"
#define MSG_DOSSIER_ROOT_NAMESPACE_ROW                                         \
	MSG_ERROR, "the root element <%s> is in the namespace \"%s\"; "        \
		   "dossier files use none"
#define MSG_DOSSIER_ROOT_ELEMENT_ROW MSG_ERROR, "the root element is <%s>; %s"
#define MSG_DOSSIER_FILE_LARGER_THAN_MIB_ROW                                   \
	MSG_ERROR,                                                             \
	    "the file is larger than %ld MiB, the limit for a company file"
#define MSG_DOSSIER_ID_ALREADY_USED_ROW                                        \
	MSG_ERROR, "<dossier>: id \"%s\" is already used by the dossier at %s"
#define MSG_DOSSIER_NO_USABLE_COMPANY_FILE_ROW                                 \
	MSG_ERROR, "<dossier>: dossier %s has no usable company: the file's "  \
		   "<company> has errors"
#define MSG_DOSSIER_NO_COMPANY_GIVE_COMPANY_ROW                                \
	MSG_ERROR,                                                             \
	    "<dossier>: dossier %s has no company: give it a <company>, put "  \
	    "one at the top of the file, or use --company FILE"

/* dossier_schema.c */
#define MSG_DOSSIER_DOES_NOT_MATCH_SCHEMA_ROW                                  \
	MSG_ERROR, "<%s>: does not match the schema (%s)"
#define MSG_DOSSIER_CANNOT_READ_SCHEMA_ROW                                     \
	MSG_SYSTEM, "cannot read the schema: %s"
#define MSG_DOSSIER_SCHEMA_NOT_XML_ROW                                         \
	MSG_SYSTEM, "line %ld: the schema cannot be read: %s"
#define MSG_DOSSIER_SCHEMA_NO_GRAMMAR_START_ROW                                \
	MSG_SYSTEM, "the schema has no <grammar> with <start>"
#define MSG_DOSSIER_SCHEMA_NOT_COMPILED_ROW                                    \
	MSG_SYSTEM, "line %ld: the schema does not compile: %s"
#define MSG_DOSSIER_OUT_MEMORY_SCHEMA_VALIDATION_ROW                           \
	MSG_SYSTEM, "out of memory (schema validation)"

/* import.c */
#define MSG_IMPORT_FILE_CANNOT_USED_NO_ROW                                     \
	MSG_ERROR, "import: a file cannot be used: no dossier written"
#define MSG_IMPORT_NO_EMPLOYEES_FILE_AMONG_ROW                                 \
	MSG_ERROR, "import: no employees file among the inputs "               \
		   "(employees.csv, salaries.csv)"

/* import_text.c */
#define MSG_IMPORT_CANNOT_CONVERT_WINDOWS_1252_ROW                             \
	MSG_SYSTEM, "cannot convert from Windows-1252: %s"

/* inputs.c */
#define MSG_INPUT_CANNOT_READ_DIRECTORY_ROW                                    \
	MSG_ERROR, "cannot read directory: %s"
#define MSG_INPUT_NO_XML_FILE_DIRECTORY_ROW                                    \
	MSG_WARNING, "no *.xml file in this directory"

/* main.c */
#define MSG_CLI_SOURCE_DATE_EPOCH_NOT_ROW                                      \
	MSG_USAGE, "SOURCE_DATE_EPOCH is not a number of seconds: \"%s\""
#define MSG_CLI_EXPECT_NOT_SHA_256_ROW                                         \
	MSG_USAGE, "--expect: not a SHA-256 (64 hexadecimal digits)"
#define MSG_CLI_AS_OF_NOT_DATE_ROW                                             \
	MSG_USAGE, "--as-of: \"%s\" is not a date (YYYY-MM-DD)"
#define MSG_CLI_FORMAT_UNKNOWN_FORMAT_ROW                                      \
	MSG_USAGE, "--format: unknown format \"%s\""
#define MSG_CLI_WITHIN_NOT_NUMBER_DAYS_ROW                                     \
	MSG_USAGE, "--within: \"%s\" is not a number of days or \"all\""
#define MSG_CLI_JOBS_NOT_NUMBER_ROW                                            \
	MSG_USAGE, "-j: \"%s\" is not a number from 1 to 256"
#define MSG_CLI_YEAR_NOT_YEAR_ROW MSG_USAGE, "--year: \"%s\" is not a year"
#define MSG_CLI_ORGANIZER_NOT_EMAIL_ADDRESS_ROW                                \
	MSG_USAGE, "--organizer: \"%s\" is not an email address"
#define MSG_CLI_SHARD_NOT_K_N_ROW                                              \
	MSG_USAGE, "--shard: \"%s\" is not K/N with 1 <= K <= N"
#define MSG_CLI_SEAL_NOT_HERE_ROW                                              \
	MSG_USAGE, "%s: --seal applies to the PDFs of notice, report, recap, " \
		   "letters --format pdf and all"
#define MSG_CLI_NEEDS_SEAL_FILE_P12_ROW                                        \
	MSG_USAGE, "%s: --%s needs --seal FILE.p12"
#define MSG_CLI_TRUST_APPLIES_VERIFY_ROW                                       \
	MSG_USAGE, "%s: --trust applies to verify"
#define MSG_CLI_UNKNOWN_COMMAND_SEE_PARCOURS_ROW                               \
	MSG_USAGE, "unknown command \"%s\" (see parcours --help)"
#define MSG_CLI_BAD_OPTION_ROW MSG_USAGE, "%s: %s option %s"
#define MSG_CLI_NO_INPUT_GIVE_DOSSIER_ROW                                      \
	MSG_USAGE, "%s: no input (give dossier files, directories or -)"

/* manifest.c */
#define MSG_MANIFEST_NUL_BYTE_ROW                                              \
	MSG_ERROR, "malformed manifest row (a NUL byte)"
#define MSG_MANIFEST_NOT_MANIFEST_ROW                                          \
	MSG_ERROR, "not a parcours manifest (expected the header \"%s\")"
#define MSG_MANIFEST_MALFORMED_ROW_ROW MSG_ERROR, "malformed manifest row"

/* outfile.c */
#define MSG_OUT_PATH_TOO_LONG_ROW MSG_SYSTEM, "path too long"
#define MSG_OUT_CANNOT_CREATE_DIRECTORY_ROW                                    \
	MSG_SYSTEM, "cannot create directory: %s"
#define MSG_OUT_CANNOT_CREATE_ROW MSG_SYSTEM, "cannot create: %s"
#define MSG_OUT_CANNOT_WRITE_ROW  MSG_SYSTEM, "cannot write: %s"

/* outfile_group.c */
#define MSG_OUT_CANNOT_WRITE_SYMBOLIC_LINK_ROW                                 \
	MSG_SYSTEM, "cannot write: a symbolic link or a file is where its "    \
		    "directory goes: nothing is written through it"

/* paths.c */
#define MSG_PATH_NO_DATA_DIRECTORY_ROW                                         \
	MSG_SYSTEM, "cannot find the data directory (schema, templates, "      \
		    "fonts) beside the program or in %s"

/* pdf_font.c */
#define MSG_FONT_CANNOT_READ_ROW MSG_SYSTEM, "cannot read font: %s"
#define MSG_FONT_CANNOT_LOAD_ROW MSG_SYSTEM, "cannot load font: %s"
#define MSG_FONT_CANNOT_SET_UP_ENCODINGS_ROW                                   \
	MSG_SYSTEM, "cannot set up font encodings: %s"
#define MSG_FONT_NO_GLYPH_ROW                                                  \
	MSG_ERROR, "character U+%04lX is in none of the embedded fonts (%s): " \
		   "it cannot be printed"

/* pdf_seal.c */
#define MSG_SEAL_CANNOT_FILE_TOO_LARGE_ROW                                     \
	MSG_SYSTEM, "cannot seal: the file is too large"
#define MSG_SEAL_SIGNATURE_TOO_LARGE_ROW                                       \
	MSG_SYSTEM, "the seal's signature (%zu bytes) is larger than the %zu " \
		    "bytes reserved for it"
#define MSG_SEAL_CANNOT_NOT_PDF_PARCOURS_ROW                                   \
	MSG_SYSTEM, "cannot seal: not a PDF as parcours writes them"

/* runlock.c */
#define MSG_LOCK_BUSY_ROW                                                      \
	MSG_SYSTEM, "another parcours all is writing into this directory: "    \
		    "wait for it to finish (or give another -o)"
#define MSG_LOCK_FAILED_ROW    MSG_SYSTEM, "cannot lock: %s"
#define MSG_LOCK_FAILED_AT_ROW MSG_SYSTEM, "cannot lock (%s): %s"

/* seal.c */
#define MSG_SEAL_CANNOT_READ_PASSWORD_ROW                                      \
	MSG_SYSTEM, "cannot read the seal's password: %s"
#define MSG_SEAL_CANNOT_READ_ROW MSG_SYSTEM, "cannot read the seal: %s"
#define MSG_SEAL_NOT_PKCS12_ROW	 MSG_SYSTEM, "not a PKCS#12 (.p12) file: %s"
#define MSG_SEAL_WRONG_PASSWORD_ROW                                            \
	MSG_SYSTEM, "cannot open the seal (wrong password? give it with "      \
		    "--seal-password-file or PARCOURS_SEAL_PASSWORD): %s"
#define MSG_SEAL_HOLDS_NO_ROW MSG_SYSTEM, "the seal holds no %s"
#define MSG_SEAL_KEY_NOT_CERTIFICATE_ROW                                       \
	MSG_SYSTEM, "the seal's key is not its certificate's"
#define MSG_SEAL_CERTIFICATE_NOT_VALID_ROW                                     \
	MSG_WARNING, "the seal's certificate is not valid on %s, the date of " \
		     "the seals (--as-of): readers may reject them"
#define MSG_SEAL_CANNOT_ADD_TIMESTAMP_ROW                                      \
	MSG_SYSTEM, "cannot add the timestamp: %s"
#define MSG_SEAL_CANNOT_ROW MSG_SYSTEM, "cannot seal: %s"

/* seal_tsa.c */
#define MSG_TSA_CANNOT_INITIALISE_LIBCURL_ROW                                  \
	MSG_SYSTEM, "cannot initialise libcurl for --tsa"
#define MSG_TSA_FAILED_ROW MSG_SYSTEM, "timestamp authority %s: %s"
#define MSG_TSA_HTTP_STATUS_ROW                                                \
	MSG_SYSTEM, "timestamp authority %s: HTTP status %ld"
#define MSG_TSA_NOT_TIMESTAMP_ROW                                              \
	MSG_SYSTEM, "timestamp authority %s: not a timestamp response"
#define MSG_TSA_REFUSED_ROW                                                    \
	MSG_SYSTEM, "timestamp authority %s refused the request (PKIStatus "   \
		    "%ld)"
#define MSG_TSA_ANSWER_MISMATCH_ROW                                            \
	MSG_SYSTEM, "timestamp authority %s: the answer does not match the "   \
		    "request: %s"
#define MSG_TSA_CANNOT_BUILD_TIMESTAMP_REQUEST_ROW                             \
	MSG_SYSTEM, "cannot build a timestamp request"

/* template_expand.c */
#define MSG_TEMPLATE_EXPANSION_TOO_LONG_ROW                                    \
	MSG_SYSTEM,                                                            \
	    "the document of dossier %s grows past %d steps of expansion "     \
	    "here (loops nested over long lists?); it is not written"

/* verify_seal.c */
#define MSG_VERIFY_CANNOT_READ_TRUSTED_CERTIFICATE_ROW                         \
	MSG_SYSTEM, "cannot read the trusted certificate: %s"
#define MSG_VERIFY_MANIFEST_SEAL_INVALID_ROW                                   \
	MSG_ERROR, "the manifest's seal does not verify: %s"
#define MSG_VERIFY_MANIFEST_SEAL_ROW MSG_ERROR, "the manifest's seal: %s"
#define MSG_VERIFY_SEAL_ROW	     MSG_ERROR, "seal: %s"
#define MSG_VERIFY_MANIFEST_NOT_SEALED_ROW                                     \
	MSG_ERROR, "missing: the manifest is not sealed"
#define MSG_VERIFY_CANNOT_READ_SEAL_ROW MSG_ERROR, "%s"

/* dossier_build.c */
#define MSG_DOSSIER_ATTRIBUTE_UNEXPECTED_VALUE_ROW                             \
	MSG_ERROR, "<%s>: attribute \"%s\": unexpected value \"%s\""
#define MSG_DOSSIER_ATTRIBUTE_ROW MSG_ERROR, "<%s>: attribute \"%s\": \"%s\" %s"
#define MSG_DOSSIER_DATE_ROW	  MSG_ERROR, "<%s>: the date %s"
#define MSG_DOSSIER_ATTRIBUTE_NOT_VALID_DATE_ROW                               \
	MSG_ERROR, "<%s>: attribute \"%s\": \"%s\" is not a valid date and "   \
		   "time"
#define MSG_DOSSIER_BEFORE_ROW MSG_ERROR, "<%s>: %s %s is before %s %s"
#define MSG_DOSSIER_ATTRIBUTE_REFORM_DATE_NOT_ROW                              \
	MSG_ERROR, "<%s>: attribute \"reform-date\": %s is not between "       \
		   "2025-10-26 (the law's entry into force) and 2026-10-01 "   \
		   "(the deadline for agreements)"
#define MSG_DOSSIER_ATTRIBUTE_PERIODICITY_MONTHS_NOT_ROW                       \
	MSG_ERROR, "<%s>: attribute \"periodicity-months\": %ld is not "       \
		   "between 1 and 48"
#define MSG_DOSSIER_CONTRACT_STAGE_REFUSED_INTERNS_ROW                         \
	MSG_ERROR,                                                             \
	    "<%s>: contract \"stage\" is refused: interns (stagiaires) are "   \
	    "out of scope, the entretien professionnel is for employees"
#define MSG_DOSSIER_ATTRIBUTE_DELEGATION_SHARE_MORE_ROW                        \
	MSG_ERROR, "<%s>: attribute \"delegation-share\": %s is more than 1 "  \
		   "(a share of working time, 0 to 1)"
#define MSG_DOSSIER_PAYMENT_PERIOD_ENDING_ALREADY_ROW                          \
	MSG_ERROR, "<%s>: a payment for the period ending %s is already "      \
		   "recorded at line %ld"
#define MSG_DOSSIER_KIND_RETURN_NEEDS_ATTRIBUTE_ROW                            \
	MSG_ERROR, "<%s>: kind \"return\" needs attribute \"absence\" (the "   \
		   "absence or mandate that ended)"
#define MSG_DOSSIER_ATTRIBUTE_ABSENCE_ONLY_KIND_ROW                            \
	MSG_ERROR, "<%s>: attribute \"absence\" is only for kind \"return\", " \
		   "not \"%s\""
#define MSG_DOSSIER_OUTCOME_NEEDS_ATTRIBUTE_RESPONSE_ROW                       \
	MSG_ERROR, "<%s>: outcome \"%s\" needs attribute \"response-date\" "   \
		   "(when the employee answered)"
#define MSG_DOSSIER_ID_ALREADY_USED_CONVOCATION_ROW                            \
	MSG_ERROR,                                                             \
	    "<%s>: id \"%s\" is already used by the convocation at line %ld"
#define MSG_DOSSIER_ID_ALREADY_USED_INTERVIEW_ROW                              \
	MSG_ERROR,                                                             \
	    "<%s>: id \"%s\" is already used by the interview at line %ld"

/* dossier_schema.c */
#define MSG_DOSSIER_EMPTY_EXPECTED_ROW                                         \
	MSG_ERROR, "<%s>%s%s%s is empty; expected %s"
#define MSG_DOSSIER_SCHEMA_NOT_TYPE_ROW MSG_ERROR, "<%s>:%s%s%s is not %s"
#define MSG_DOSSIER_SCHEMA_VALUE_NOT_TYPE_ROW                                  \
	MSG_ERROR, "<%s>:%s%s%s\"%s\" is not %s"
#define MSG_DOSSIER_UNKNOWN_ATTRIBUTE_ROW                                      \
	MSG_ERROR, "<%s>: unknown attribute \"%s%s%s\""
#define MSG_DOSSIER_MISSING_ATTRIBUTE_ROW                                      \
	MSG_ERROR, "<%s>: missing attribute \"%s\""
#define MSG_DOSSIER_ELEMENT_NAMESPACE_ROW                                      \
	MSG_ERROR, "<%s>: element <%s%s%s> is in the namespace \"%s\"; "       \
		   "dossier files use none"
#define MSG_DOSSIER_NOT_ALLOWED_HERE_ROW                                       \
	MSG_ERROR, "<%s>: <%s> is not allowed here"
#define MSG_DOSSIER_UNKNOWN_ELEMENT_ROW MSG_ERROR, "<%s>: unknown element <%s>"
#define MSG_DOSSIER_UNEXPECTED_TEXT_ROW MSG_ERROR, "<%s>: unexpected text"
#define MSG_DOSSIER_ONLY_ONE_ALLOWED_ROW                                       \
	MSG_ERROR, "<%s>: only one <%s> is allowed"
#define MSG_DOSSIER_MOST_ALLOWED_ROW                                           \
	MSG_ERROR, "<%s>: at most %d <%s> are allowed"
#define MSG_DOSSIER_MUST_COME_BEFORE_ROW                                       \
	MSG_ERROR, "<%s>: <%s> must come before <%s>"
#define MSG_DOSSIER_MISSING_ROW		    MSG_ERROR, "<%s>: missing <%s>"
#define MSG_DOSSIER_SCHEMA_UNKNOWN_ROOT_ROW MSG_ERROR, "unknown element <%s>"

/* dossier_stream.c */
#define MSG_DOSSIER_LARGER_THAN_MIB_LIMIT_ROW                                  \
	MSG_ERROR, "<%s>: it is larger than %ld MiB, the limit for one "       \
		   "dossier (is the export broken?)"
#define MSG_DOSSIER_OUT_OF_MEMORY_ROW	  MSG_SYSTEM, "out of memory"
#define MSG_DOSSIER_CANNOT_READ_AGAIN_ROW MSG_ERROR, "cannot read it again: %s"
#define MSG_DOSSIER_CANNOT_KEEP_STANDARD_INPUT_ROW                             \
	MSG_SYSTEM, "cannot keep standard input in a temporary file: %s"
#define MSG_DOSSIER_PREMATURE_END_ROW                                          \
	MSG_ERROR,                                                             \
	    "not well-formed XML: Premature end of data in tag %s line %ld"
#define MSG_DOSSIER_NO_START_TAG_ROW                                           \
	MSG_ERROR, "not well-formed XML: Start tag expected, '<' not found"
#define MSG_DOSSIER_FILE_LARGER_THAN_GIB_ROW                                   \
	MSG_ERROR, "the file is larger than %ld GiB, the limit for one "       \
		   "dossier file: split the export into several files"
#define MSG_DOSSIER_FILE_EMPTY_ROW MSG_ERROR, "the file is empty"
#define MSG_DOSSIER_CANNOT_MAKE_TEMPORARY_FILE_ROW                             \
	MSG_SYSTEM, "cannot make a temporary file for standard input: %s"
#define MSG_DOSSIER_NOT_WELL_FORMED_ROW MSG_ERROR, "not well-formed XML"

/* import.c */
#define MSG_IMPORT_COMPANY_DIFFERS_WHAT_SAYS_ROW                               \
	MSG_ERROR, "%s of company \"%s\" differs from what %s:%ld says"
#define MSG_IMPORT_COMPANY_NO_GIVE_COMPANIES_ROW                               \
	MSG_ERROR, "company \"%s\" has no %s (give it in companies.csv or "    \
		   "employees.csv)"
#define MSG_IMPORT_EMPTY_NEEDS_BOTH_ROW                                        \
	MSG_ERROR, "%s is empty: %s needs both %s and %s"
#define MSG_IMPORT_NO_COLUMN_COMPANY_ID_ROW                                    \
	MSG_ERROR, "no column company_id: it is needed unless the companies "  \
		   "file has exactly one company (it has %zu)"
#define MSG_IMPORT_COMPANY_ID_EMPTY_ROW MSG_ERROR, "company_id is empty"
#define MSG_IMPORT_EMPLOYEE_ID_ALSO_LINE_ROW                                   \
	MSG_ERROR,                                                             \
	    "employee_id \"%s\" is also on line %ld: no dossier for either"
#define MSG_IMPORT_EMPLOYEE_ALSO_LINE_ROW                                      \
	MSG_ERROR, "%s %s of employee \"%s\" is also on line %ld"
#define MSG_IMPORT_INTERVIEW_ID_NO_INTERVIEW_ROW                               \
	MSG_ERROR, "interview_id \"%s\" is no interview of employee \"%s\" "   \
		   "in the interviews file"
#define MSG_IMPORT_EMPLOYEE_ID_NOT_ROW                                         \
	MSG_ERROR, "employee_id \"%s\" is not in %s"
#define MSG_IMPORT_CANNOT_TELL_WHAT_FILE_ROW                                   \
	MSG_ERROR, "cannot tell what the file holds: its name must say it "    \
		   "(employees, absences, trainings, ...; see doc/import.md)"
#define MSG_IMPORT_SECOND_FILE_FIRST_ROW                                       \
	MSG_ERROR, "a second %s file (the first is %s)"
#define MSG_IMPORT_FILE_TOO_LARGE_ROW                                          \
	MSG_ERROR, "%zu bytes: the importer reads files of at most %ld"

/* import_csv.c */
#define MSG_IMPORT_TOO_MANY_COLUMNS_ROW                                        \
	MSG_ERROR, "%zu columns: a file may have at most %d"
#define MSG_IMPORT_COLUMN_SECOND_TIME_ROW                                      \
	MSG_ERROR, "column \"%s\" is %s a second time"
#define MSG_IMPORT_NO_COLUMN_FILE_NEEDS_ROW                                    \
	MSG_ERROR, "no column %s: the %s file needs it"
#define MSG_IMPORT_FIELDS_WHERE_HEADER_ROW                                     \
	MSG_ERROR, "%zu fields where the header has %zu"
#define MSG_IMPORT_CELL_TOO_LARGE_ROW                                          \
	MSG_ERROR, "%s: a field of %zu bytes; a cell may hold at most %ld"
#define MSG_IMPORT_EMPTY_ROW MSG_ERROR, "%s is empty"
#define MSG_IMPORT_FILE_EMPTY_NO_HEADER_ROW                                    \
	MSG_ERROR, "the file is empty (no header)"
#define MSG_IMPORT_COLUMN_NOT_USED_SEE_ROW                                     \
	MSG_WARNING, "column \"%.60s\" is not used (see doc/import.md; --map " \
		     "renames columns)"
#define MSG_IMPORT_CSV_STRAY_QUOTE_ROW                                         \
	MSG_ERROR, "a quote inside a field that is not quoted, or text after " \
		   "a closing quote (quote the field, double its quotes)"
#define MSG_IMPORT_CSV_UNCLOSED_QUOTE_ROW                                      \
	MSG_ERROR, "a quoted field opened here is never closed (it runs to "   \
		   "the end of the file)"

/* import_map.c */
#define MSG_IMPORT_MAP_ROW_FIELDS_ROW                                          \
	MSG_ERROR, "%zu fields: a map row is \"their header,our column\""
#define MSG_IMPORT_NO_COLUMN_DOC_MD_ROW                                        \
	MSG_ERROR, "\"%.60s\" is no column of doc/import.md"
#define MSG_IMPORT_MAP_CSV_ROW MSG_ERROR, "%s"

/* import_text.c */
#define MSG_IMPORT_UNDEFINED_BYTE_ROW                                          \
	MSG_ERROR, "byte 0x%02X is neither UTF-8 nor Windows-1252; save the "  \
		   "file as CSV UTF-8"
#define MSG_IMPORT_UTF16_ROW                                                   \
	MSG_ERROR, "the file is UTF-16 (\"Unicode text\"); save it as CSV "    \
		   "UTF-8 or CSV"
#define MSG_IMPORT_NUL_BYTE_ROW MSG_ERROR, "a NUL byte: this is not a text file"
#define MSG_IMPORT_FALSE_BOM_ROW                                               \
	MSG_ERROR, "the file says it is UTF-8 (BOM) but is not well-formed "   \
		   "UTF-8 here"

/* import_values.c */
#define MSG_IMPORT_FORMULA_NOT_VALUE_EXPORT_ROW                                \
	MSG_ERROR, "%s \"%s…\" is a formula, not a value; export the values"
#define MSG_IMPORT_VALUE_ROW	 MSG_ERROR, "%s %s"
#define MSG_IMPORT_VALUE_NOT_ROW MSG_ERROR, "%s %s is not %s%s"

/* import_checks.c */
#define MSG_IMPORT_BEFORE_ROW MSG_ERROR, "%s %s is before %s %s"
#define MSG_IMPORT_RETURN_NEEDS_ABSENCE_ROW                                    \
	MSG_ERROR, "kind %s needs absence (the absence or mandate that ended)"
#define MSG_IMPORT_ABSENCE_ONLY_KIND_RETURN_ROW                                \
	MSG_ERROR, "absence %s is only for kind return, not %s"
#define MSG_IMPORT_REFORM_DATE_NOT_BETWEEN_ROW                                 \
	MSG_ERROR, "reform_date %s is not between 2025-10-26 and 2026-10-01"
#define MSG_IMPORT_PERIODICITY_MONTHS_NOT_BETWEEN_ROW                          \
	MSG_ERROR, "periodicity_months %s is not between 1 and 48"
#define MSG_IMPORT_DELEGATION_SHARE_MORE_THAN_ROW                              \
	MSG_ERROR, "delegation_share %s is more than 1 (a share of working "   \
		   "time, 0 to 1)"
#define MSG_IMPORT_OUTCOME_NEEDS_RESPONSE_DATE_ROW                             \
	MSG_ERROR, "outcome %s needs response_date (when the employee "        \
		   "answered)"

/* dossier_parse.c */
#define MSG_DOSSIER_ATTRIBUTE_VALUE_HOLDS_CHARACTER_ROW                        \
	MSG_ERROR, "an attribute value holds a character that XML does not "   \
		   "allow (a control character?)"
#define MSG_DOSSIER_TEXT_NOT_VALID_UTF_ROW                                     \
	MSG_ERROR,                                                             \
	    "the text is not valid UTF-8 (or not in its declared encoding)"
#define MSG_DOSSIER_DOCTYPE_ROW                                                \
	MSG_ERROR, "DOCTYPE declarations are not accepted (entities and DTDs " \
		   "are refused for safety)"
#define MSG_DOSSIER_FILE_TOO_LARGE_ROW MSG_ERROR, "the file is too large"
#define MSG_DOSSIER_CHARACTER_U_NOT_ALLOWED_ROW                                \
	MSG_ERROR, "the character U+%04lX is not allowed in XML%s"
#define MSG_DOSSIER_ELEMENTS_NESTED_MORE_THAN_ROW                              \
	MSG_ERROR, "elements are nested more than %u deep, the XML parser's "  \
		   "safety limit"
#define MSG_DOSSIER_PAST_PARSER_LIMITS_ROW                                     \
	MSG_ERROR, "past the XML parser's safety limits: %.*s"
#define MSG_DOSSIER_XML_ERROR_ROW MSG_ERROR, "not well-formed XML: %s"

/* dossier_bytes.c */
#define MSG_DOSSIER_DECLARED_ENCODING_ROW                                      \
	MSG_ERROR, "the file declares the encoding \"%s\"; dossier files are " \
		   "UTF-8 only: export it again as UTF-8"
#define MSG_DOSSIER_NOT_UTF8_ROW                                               \
	MSG_ERROR, "the file is in %s; dossier files are UTF-8 only: export "  \
		   "it again as UTF-8"
#define MSG_DOSSIER_TOO_MANY_ATTRIBUTES_ROW                                    \
	MSG_ERROR, "<%.*s>: more than %d attributes on one element, the "      \
		   "limit (namespace declarations count)"

/* batch.c */
#define MSG_BATCH_SUMMARY_ROW                                                  \
	MSG_NOTE, "all: %s; no document is written for them:"
#define MSG_BATCH_SUMMARY_DOSSIER_ROW MSG_NOTE, "dossier \"%s\": %s"
#define MSG_BATCH_SUMMARY_AT_ROW      MSG_NOTE, "dossier: %s"
#define MSG_BATCH_SUMMARY_FILE_ROW    MSG_NOTE, "file: %s"
#define MSG_BATCH_OUT_MEMORY_NO_ROOM_ROW                                       \
	MSG_SYSTEM, "out of memory or no room for temporary files"
#define MSG_BATCH_CANNOT_CREATE_PIPE_ROW MSG_SYSTEM, "cannot create a pipe: %s"
#define MSG_BATCH_CANNOT_START_WORKER_PROCESS_ROW                              \
	MSG_SYSTEM, "cannot start a worker process: %s"
#define MSG_BATCH_WORKER_DIED_ROW                                              \
	MSG_SYSTEM,                                                            \
	    "all: a worker process %s%s%s%s; the run stops: nothing is "       \
	    "removed and no manifest is written; run again to complete"
#define MSG_BATCH_CANNOT_READ_BACK_ROW MSG_SYSTEM, "cannot read back: %s"
#define MSG_BATCH_CANNOT_REMOVE_ROW    MSG_SYSTEM, "cannot remove: %s"
#define MSG_BATCH_CANNOT_REMOVE_EARLIER_MANIFEST_ROW                           \
	MSG_SYSTEM, "cannot remove the earlier manifest: %s"
#define MSG_BATCH_INTERRUPTED_ROW                                              \
	MSG_SYSTEM, "all: interrupted by signal %d after %zu of %zu "          \
		    "dossiers: no manifest written; run again to complete"

/* batch_worker.c */
#define MSG_BATCH_CANNOT_READ_ROW MSG_SYSTEM, "cannot read: %s"
#define MSG_BATCH_DOSSIER_NOT_DIRECTORY_NOTHING_ROW                            \
	MSG_ERROR,                                                             \
	    "dossier \"%s\": %s is %s, not a directory: nothing is written "   \
	    "or removed through it (move it away and run again)"
#define MSG_BATCH_DOSSIER_EMPLOYEE_NO_ADDRESS_ROW                              \
	MSG_ERROR, "dossier \"%s\": <employee> has no <address>; its %zu "     \
		   "letter%s cannot be written"

/* cmd_dashboard.c */
#define MSG_DASHBOARD_FORMAT_DOES_NOT_APPLY_ROW                                \
	MSG_USAGE, "dashboard: --format does not apply: the page is HTML"

/* cmd_letters.c */
#define MSG_LETTERS_NOTHING_TO_MERGE_ROW                                       \
	MSG_WARNING, "no letter to merge: nothing written"
#define MSG_LETTERS_FORMAT_MUST_ODT_PDF_ROW                                    \
	MSG_USAGE, "letters: --format must be odt, pdf or tree"
#define MSG_LETTERS_MERGE_WRITES_ODT_DOCUMENT_ROW                              \
	MSG_USAGE, "letters: --merge writes an ODT document; use it without "  \
		   "--format pdf"

/* cmd_recap.c */
#define MSG_RECAP_FORMAT_MUST_CSV_PDF_ROW                                      \
	MSG_USAGE, "recap: --format must be csv or pdf"

/* cmd_stats.c */
#define MSG_STATS_YEAR_Y_REQUIRED_ROW MSG_USAGE, "stats: --year Y is required"

/* cmd_status.c */
#define MSG_STATUS_FAILED_ROW MSG_SYSTEM, "status: %s"

/* table.c */
#define MSG_FORMAT_MUST_CSV_TABLE_ROW                                          \
	MSG_USAGE, "%s: --format must be csv or table"

/* cmd_validate.c */
#define MSG_VALIDATE_AFTER_REFERENCE_DATE_ROW                                  \
	MSG_WARNING,                                                           \
	    "%s %s, after the reference date %s: it does not count until then"
#define MSG_VALIDATE_ABONDEMENT_NO_RECAP_PERIOD_ROW                            \
	MSG_WARNING, "<abondement>: no recap period ends on %s (period ends: " \
		     "%s): the payment matches no period"

/* documents_write.c */
#define MSG_DOC_FORMAT_MUST_PDF_TREE_ROW                                       \
	MSG_USAGE, "%s: --format must be pdf or tree"
#define MSG_DOC_CANNOT_WRITE_ROW MSG_SYSTEM, "cannot write"

/* odt.c */
#define MSG_ODT_CANNOT_BUILD_DOCUMENT_ROW                                      \
	MSG_SYSTEM, "cannot build the document: %s"
#define MSG_ODT_NO_DOCUMENT_MERGE_ROW MSG_SYSTEM, "no document to merge"
#define MSG_ODT_CANNOT_START_MERGED_DOCUMENT_ROW                               \
	MSG_SYSTEM, "cannot start the merged document: out of memory or of "   \
		    "room for temporary files"
#define MSG_ODT_CANNOT_ADD_DOCUMENT_MERGED_ROW                                 \
	MSG_SYSTEM, "cannot add the document to the merged one: out of "       \
		    "memory or of room for temporary files"
#define MSG_ODT_CANNOT_WRITE_DOCUMENT_ROW                                      \
	MSG_SYSTEM, "cannot write the document: %s"

/* pdf.c */
#define MSG_PDF_CANNOT_READ_SRGB_COLOUR_ROW                                    \
	MSG_SYSTEM, "cannot read the sRGB colour profile that PDF/A needs "    \
		    "(Debian package icc-profiles-free): %s"
#define MSG_PDF_CANNOT_WRITE_ROW MSG_SYSTEM, "cannot write PDF: %s"

/*
 * Every row once more, in the order of the enum: a row is a macro of its
 * own so that MSG_TEXT() can hand its text to a call as a literal, and
 * this list makes the enum and msg.c's table.  A name here without its
 * row, or a call of a row missing here, does not compile.
 */
#define MSG_LIST(X)                                                            \
	X(MSG_TEMPLATE_UNKNOWN_ATTRIBUTE)                                      \
	X(MSG_TEMPLATE_ATTRIBUTE_REQUIRED)                                     \
	X(MSG_TEMPLATE_NOT_WHOLE_NUMBER)                                       \
	X(MSG_TEMPLATE_NOT_TRUE_FALSE)                                         \
	X(MSG_TEMPLATE_ALIGN_NOT_LEFT_JUSTIFY)                                 \
	X(MSG_TEMPLATE_LETTERBOX_ROLE)                                         \
	X(MSG_TEMPLATE_TABLE_WIDTHS_NOT_LIST)                                  \
	X(MSG_TEMPLATE_TABLE_WIDTHS_EMPTY)                                     \
	X(MSG_TEMPLATE_SPACE_LINES_NOT_NUMBER)                                 \
	X(MSG_TEMPLATE_UNKNOWN_FIELD)                                          \
	X(MSG_TEMPLATE_FIELD_NOT_AVAILABLE)                                    \
	X(MSG_TEMPLATE_FIELD_ONLY_AVAILABLE_INSIDE)                            \
	X(MSG_TEMPLATE_UNKNOWN_LIST)                                           \
	X(MSG_TEMPLATE_LIST_NOT_AVAILABLE)                                     \
	X(MSG_TEMPLATE_UNKNOWN_FIELD_LIST_TEST)                                \
	X(MSG_TEMPLATE_TEST_TOO_LONG)                                          \
	X(MSG_TEMPLATE_TEST_NOT_TERMS_JOINED)                                  \
	X(MSG_TEMPLATE_TEXT_NOT_ALLOWED_INSIDE)                                \
	X(MSG_TEMPLATE_ELSE_MUST_LAST_CHILD)                                   \
	X(MSG_TEMPLATE_EACH_INSIDE_ANOTHER_LOOP)                               \
	X(MSG_TEMPLATE_FIELD_FORMAT_DOES_NOT)                                  \
	X(MSG_TEMPLATE_TEXT_FIELD_NOT_TEXT)                                    \
	X(MSG_TEMPLATE_CHECKBOX_GIVE_FIELD_TEST)                               \
	X(MSG_TEMPLATE_CHECKBOX_FIELD_NOT_YES)                                 \
	X(MSG_TEMPLATE_MUST_BE_EMPTY)                                          \
	X(MSG_TEMPLATE_ROW_CELLS_BUT_TABLE)                                    \
	X(MSG_TEMPLATE_UNKNOWN_ELEMENT)                                        \
	X(MSG_TEMPLATE_ELSE_ONLY_ALLOWED_IF)                                   \
	X(MSG_TEMPLATE_NOT_ALLOWED)                                            \
	X(MSG_TEMPLATE_NOT_AVAILABLE)                                          \
	X(MSG_TEMPLATE_ELEMENTS_NESTED_TOO_DEEPLY)                             \
	X(MSG_TEMPLATE_MUST_COME_BEFORE_CONTENT)                               \
	X(MSG_TEMPLATE_GIVEN_TWICE)                                            \
	X(MSG_TEMPLATE_ROOT_NOT_DOCUMENT)                                      \
	X(MSG_TEMPLATE_DOCUMENT_ATTRIBUTE)                                     \
	X(MSG_OUT_OF_MEMORY)                                                   \
	X(MSG_TEMPLATE_CANNOT_READ)                                            \
	X(MSG_TEMPLATE_MORE_ERRORS_NOT_SHOWN)                                  \
	X(MSG_TEMPLATE_NOT_XML)                                                \
	X(MSG_SWEEP_CANNOT_REMOVE)                                             \
	X(MSG_SWEEP_CANNOT_LIST)                                               \
	X(MSG_ALL_FORMAT_DOES_NOT_APPLY)                                       \
	X(MSG_ALL_MERGE_DOES_NOT_APPLY)                                        \
	X(MSG_IMPORT_CANNOT_LIST)                                              \
	X(MSG_IMPORT_CANNOT_READ)                                              \
	X(MSG_IMPORT_MAP_CANNOT_READ)                                          \
	X(MSG_VERIFY_MANIFEST_ITSELF_CHANGED_SHA)                              \
	X(MSG_VERIFY_MANIFEST_NAME_TOO_LONG)                                   \
	X(MSG_VERIFY_CANNOT_OPEN)                                              \
	X(MSG_VERIFY_CANNOT_READ_MANIFEST)                                     \
	X(MSG_VERIFY_MANIFEST_TOO_LARGE)                                       \
	X(MSG_VERIFY_MANIFEST_EMPTY)                                           \
	X(MSG_VERIFY_GIVE_ONE_OUTPUT_DIRECTORY)                                \
	X(MSG_VERIFY_PATH_TOO_LONG)                                            \
	X(MSG_VERIFY_MISSING)                                                  \
	X(MSG_VERIFY_MISSING_ON_PATH)                                          \
	X(MSG_VERIFY_UNREADABLE)                                               \
	X(MSG_VERIFY_SYMLINK)                                                  \
	X(MSG_VERIFY_DIRECTORY)                                                \
	X(MSG_VERIFY_SPECIAL_FILE)                                             \
	X(MSG_VERIFY_NOT_REGULAR)                                              \
	X(MSG_VERIFY_LEAVES_DIRECTORY)                                         \
	X(MSG_VERIFY_CHANGED_SIZE)                                             \
	X(MSG_VERIFY_CHANGED_BYTES)                                            \
	X(MSG_VERIFY_UNREADABLE_DIRECTORY)                                     \
	X(MSG_VERIFY_NESTED_TOO_DEEP)                                          \
	X(MSG_VERIFY_UNLISTED)                                                 \
	X(MSG_VERIFY_UNLISTED_SYMLINK)                                         \
	X(MSG_VERIFY_UNLISTED_SPECIAL)                                         \
	X(MSG_DOC_TEMPLATE_NOT_LOADED)                                         \
	X(MSG_DOSSIER_ID_RESERVED_NO_PART)                                     \
	X(MSG_DOSSIER_FORBIDDEN_CHARACTER)                                     \
	X(MSG_DOSSIER_TEXT_TOO_LONG)                                           \
	X(MSG_DOSSIER_LIST_TOO_LONG)                                           \
	X(MSG_DOSSIER_XINCLUDE)                                                \
	X(MSG_DOSSIER_ROOT_NAMESPACE)                                          \
	X(MSG_DOSSIER_ROOT_ELEMENT)                                            \
	X(MSG_DOSSIER_FILE_LARGER_THAN_MIB)                                    \
	X(MSG_DOSSIER_ID_ALREADY_USED)                                         \
	X(MSG_DOSSIER_NO_USABLE_COMPANY_FILE)                                  \
	X(MSG_DOSSIER_NO_COMPANY_GIVE_COMPANY)                                 \
	X(MSG_DOSSIER_DOES_NOT_MATCH_SCHEMA)                                   \
	X(MSG_DOSSIER_CANNOT_READ_SCHEMA)                                      \
	X(MSG_DOSSIER_SCHEMA_NOT_XML)                                          \
	X(MSG_DOSSIER_SCHEMA_NO_GRAMMAR_START)                                 \
	X(MSG_DOSSIER_SCHEMA_NOT_COMPILED)                                     \
	X(MSG_DOSSIER_OUT_MEMORY_SCHEMA_VALIDATION)                            \
	X(MSG_IMPORT_FILE_CANNOT_USED_NO)                                      \
	X(MSG_IMPORT_NO_EMPLOYEES_FILE_AMONG)                                  \
	X(MSG_IMPORT_CANNOT_CONVERT_WINDOWS_1252)                              \
	X(MSG_INPUT_CANNOT_READ_DIRECTORY)                                     \
	X(MSG_INPUT_NO_XML_FILE_DIRECTORY)                                     \
	X(MSG_CLI_SOURCE_DATE_EPOCH_NOT)                                       \
	X(MSG_CLI_EXPECT_NOT_SHA_256)                                          \
	X(MSG_CLI_AS_OF_NOT_DATE)                                              \
	X(MSG_CLI_FORMAT_UNKNOWN_FORMAT)                                       \
	X(MSG_CLI_WITHIN_NOT_NUMBER_DAYS)                                      \
	X(MSG_CLI_JOBS_NOT_NUMBER)                                             \
	X(MSG_CLI_YEAR_NOT_YEAR)                                               \
	X(MSG_CLI_ORGANIZER_NOT_EMAIL_ADDRESS)                                 \
	X(MSG_CLI_SHARD_NOT_K_N)                                               \
	X(MSG_CLI_SEAL_NOT_HERE)                                               \
	X(MSG_CLI_NEEDS_SEAL_FILE_P12)                                         \
	X(MSG_CLI_TRUST_APPLIES_VERIFY)                                        \
	X(MSG_CLI_UNKNOWN_COMMAND_SEE_PARCOURS)                                \
	X(MSG_CLI_BAD_OPTION)                                                  \
	X(MSG_CLI_NO_INPUT_GIVE_DOSSIER)                                       \
	X(MSG_MANIFEST_NUL_BYTE)                                               \
	X(MSG_MANIFEST_NOT_MANIFEST)                                           \
	X(MSG_MANIFEST_MALFORMED_ROW)                                          \
	X(MSG_OUT_PATH_TOO_LONG)                                               \
	X(MSG_OUT_CANNOT_CREATE_DIRECTORY)                                     \
	X(MSG_OUT_CANNOT_CREATE)                                               \
	X(MSG_OUT_CANNOT_WRITE)                                                \
	X(MSG_OUT_CANNOT_WRITE_SYMBOLIC_LINK)                                  \
	X(MSG_PATH_NO_DATA_DIRECTORY)                                          \
	X(MSG_FONT_CANNOT_READ)                                                \
	X(MSG_FONT_CANNOT_LOAD)                                                \
	X(MSG_FONT_CANNOT_SET_UP_ENCODINGS)                                    \
	X(MSG_FONT_NO_GLYPH)                                                   \
	X(MSG_SEAL_CANNOT_FILE_TOO_LARGE)                                      \
	X(MSG_SEAL_SIGNATURE_TOO_LARGE)                                        \
	X(MSG_SEAL_CANNOT_NOT_PDF_PARCOURS)                                    \
	X(MSG_LOCK_BUSY)                                                       \
	X(MSG_LOCK_FAILED)                                                     \
	X(MSG_LOCK_FAILED_AT)                                                  \
	X(MSG_SEAL_CANNOT_READ_PASSWORD)                                       \
	X(MSG_SEAL_CANNOT_READ)                                                \
	X(MSG_SEAL_NOT_PKCS12)                                                 \
	X(MSG_SEAL_WRONG_PASSWORD)                                             \
	X(MSG_SEAL_HOLDS_NO)                                                   \
	X(MSG_SEAL_KEY_NOT_CERTIFICATE)                                        \
	X(MSG_SEAL_CERTIFICATE_NOT_VALID)                                      \
	X(MSG_SEAL_CANNOT_ADD_TIMESTAMP)                                       \
	X(MSG_SEAL_CANNOT)                                                     \
	X(MSG_TSA_CANNOT_INITIALISE_LIBCURL)                                   \
	X(MSG_TSA_FAILED)                                                      \
	X(MSG_TSA_HTTP_STATUS)                                                 \
	X(MSG_TSA_NOT_TIMESTAMP)                                               \
	X(MSG_TSA_REFUSED)                                                     \
	X(MSG_TSA_ANSWER_MISMATCH)                                             \
	X(MSG_TSA_CANNOT_BUILD_TIMESTAMP_REQUEST)                              \
	X(MSG_TEMPLATE_EXPANSION_TOO_LONG)                                     \
	X(MSG_VERIFY_CANNOT_READ_TRUSTED_CERTIFICATE)                          \
	X(MSG_VERIFY_MANIFEST_SEAL_INVALID)                                    \
	X(MSG_VERIFY_MANIFEST_SEAL)                                            \
	X(MSG_VERIFY_SEAL)                                                     \
	X(MSG_VERIFY_MANIFEST_NOT_SEALED)                                      \
	X(MSG_VERIFY_CANNOT_READ_SEAL)                                         \
	X(MSG_DOSSIER_ATTRIBUTE_UNEXPECTED_VALUE)                              \
	X(MSG_DOSSIER_ATTRIBUTE)                                               \
	X(MSG_DOSSIER_DATE)                                                    \
	X(MSG_DOSSIER_ATTRIBUTE_NOT_VALID_DATE)                                \
	X(MSG_DOSSIER_BEFORE)                                                  \
	X(MSG_DOSSIER_ATTRIBUTE_REFORM_DATE_NOT)                               \
	X(MSG_DOSSIER_ATTRIBUTE_PERIODICITY_MONTHS_NOT)                        \
	X(MSG_DOSSIER_CONTRACT_STAGE_REFUSED_INTERNS)                          \
	X(MSG_DOSSIER_ATTRIBUTE_DELEGATION_SHARE_MORE)                         \
	X(MSG_DOSSIER_PAYMENT_PERIOD_ENDING_ALREADY)                           \
	X(MSG_DOSSIER_KIND_RETURN_NEEDS_ATTRIBUTE)                             \
	X(MSG_DOSSIER_ATTRIBUTE_ABSENCE_ONLY_KIND)                             \
	X(MSG_DOSSIER_OUTCOME_NEEDS_ATTRIBUTE_RESPONSE)                        \
	X(MSG_DOSSIER_ID_ALREADY_USED_CONVOCATION)                             \
	X(MSG_DOSSIER_ID_ALREADY_USED_INTERVIEW)                               \
	X(MSG_DOSSIER_EMPTY_EXPECTED)                                          \
	X(MSG_DOSSIER_SCHEMA_NOT_TYPE)                                         \
	X(MSG_DOSSIER_SCHEMA_VALUE_NOT_TYPE)                                   \
	X(MSG_DOSSIER_UNKNOWN_ATTRIBUTE)                                       \
	X(MSG_DOSSIER_MISSING_ATTRIBUTE)                                       \
	X(MSG_DOSSIER_ELEMENT_NAMESPACE)                                       \
	X(MSG_DOSSIER_NOT_ALLOWED_HERE)                                        \
	X(MSG_DOSSIER_UNKNOWN_ELEMENT)                                         \
	X(MSG_DOSSIER_UNEXPECTED_TEXT)                                         \
	X(MSG_DOSSIER_ONLY_ONE_ALLOWED)                                        \
	X(MSG_DOSSIER_MOST_ALLOWED)                                            \
	X(MSG_DOSSIER_MUST_COME_BEFORE)                                        \
	X(MSG_DOSSIER_MISSING)                                                 \
	X(MSG_DOSSIER_SCHEMA_UNKNOWN_ROOT)                                     \
	X(MSG_DOSSIER_LARGER_THAN_MIB_LIMIT)                                   \
	X(MSG_DOSSIER_OUT_OF_MEMORY)                                           \
	X(MSG_DOSSIER_CANNOT_READ_AGAIN)                                       \
	X(MSG_DOSSIER_CANNOT_KEEP_STANDARD_INPUT)                              \
	X(MSG_DOSSIER_PREMATURE_END)                                           \
	X(MSG_DOSSIER_NO_START_TAG)                                            \
	X(MSG_DOSSIER_FILE_LARGER_THAN_GIB)                                    \
	X(MSG_DOSSIER_FILE_EMPTY)                                              \
	X(MSG_DOSSIER_CANNOT_MAKE_TEMPORARY_FILE)                              \
	X(MSG_DOSSIER_NOT_WELL_FORMED)                                         \
	X(MSG_IMPORT_COMPANY_DIFFERS_WHAT_SAYS)                                \
	X(MSG_IMPORT_COMPANY_NO_GIVE_COMPANIES)                                \
	X(MSG_IMPORT_EMPTY_NEEDS_BOTH)                                         \
	X(MSG_IMPORT_NO_COLUMN_COMPANY_ID)                                     \
	X(MSG_IMPORT_COMPANY_ID_EMPTY)                                         \
	X(MSG_IMPORT_EMPLOYEE_ID_ALSO_LINE)                                    \
	X(MSG_IMPORT_EMPLOYEE_ALSO_LINE)                                       \
	X(MSG_IMPORT_INTERVIEW_ID_NO_INTERVIEW)                                \
	X(MSG_IMPORT_EMPLOYEE_ID_NOT)                                          \
	X(MSG_IMPORT_CANNOT_TELL_WHAT_FILE)                                    \
	X(MSG_IMPORT_SECOND_FILE_FIRST)                                        \
	X(MSG_IMPORT_FILE_TOO_LARGE)                                           \
	X(MSG_IMPORT_TOO_MANY_COLUMNS)                                         \
	X(MSG_IMPORT_COLUMN_SECOND_TIME)                                       \
	X(MSG_IMPORT_NO_COLUMN_FILE_NEEDS)                                     \
	X(MSG_IMPORT_FIELDS_WHERE_HEADER)                                      \
	X(MSG_IMPORT_CELL_TOO_LARGE)                                           \
	X(MSG_IMPORT_EMPTY)                                                    \
	X(MSG_IMPORT_FILE_EMPTY_NO_HEADER)                                     \
	X(MSG_IMPORT_COLUMN_NOT_USED_SEE)                                      \
	X(MSG_IMPORT_CSV_STRAY_QUOTE)                                          \
	X(MSG_IMPORT_CSV_UNCLOSED_QUOTE)                                       \
	X(MSG_IMPORT_MAP_ROW_FIELDS)                                           \
	X(MSG_IMPORT_NO_COLUMN_DOC_MD)                                         \
	X(MSG_IMPORT_MAP_CSV)                                                  \
	X(MSG_IMPORT_UNDEFINED_BYTE)                                           \
	X(MSG_IMPORT_UTF16)                                                    \
	X(MSG_IMPORT_NUL_BYTE)                                                 \
	X(MSG_IMPORT_FALSE_BOM)                                                \
	X(MSG_IMPORT_FORMULA_NOT_VALUE_EXPORT)                                 \
	X(MSG_IMPORT_VALUE)                                                    \
	X(MSG_IMPORT_VALUE_NOT)                                                \
	X(MSG_IMPORT_BEFORE)                                                   \
	X(MSG_IMPORT_RETURN_NEEDS_ABSENCE)                                     \
	X(MSG_IMPORT_ABSENCE_ONLY_KIND_RETURN)                                 \
	X(MSG_IMPORT_REFORM_DATE_NOT_BETWEEN)                                  \
	X(MSG_IMPORT_PERIODICITY_MONTHS_NOT_BETWEEN)                           \
	X(MSG_IMPORT_DELEGATION_SHARE_MORE_THAN)                               \
	X(MSG_IMPORT_OUTCOME_NEEDS_RESPONSE_DATE)                              \
	X(MSG_DOSSIER_ATTRIBUTE_VALUE_HOLDS_CHARACTER)                         \
	X(MSG_DOSSIER_TEXT_NOT_VALID_UTF)                                      \
	X(MSG_DOSSIER_DOCTYPE)                                                 \
	X(MSG_DOSSIER_FILE_TOO_LARGE)                                          \
	X(MSG_DOSSIER_CHARACTER_U_NOT_ALLOWED)                                 \
	X(MSG_DOSSIER_ELEMENTS_NESTED_MORE_THAN)                               \
	X(MSG_DOSSIER_PAST_PARSER_LIMITS)                                      \
	X(MSG_DOSSIER_XML_ERROR)                                               \
	X(MSG_DOSSIER_DECLARED_ENCODING)                                       \
	X(MSG_DOSSIER_NOT_UTF8)                                                \
	X(MSG_DOSSIER_TOO_MANY_ATTRIBUTES)                                     \
	X(MSG_BATCH_SUMMARY)                                                   \
	X(MSG_BATCH_SUMMARY_DOSSIER)                                           \
	X(MSG_BATCH_SUMMARY_AT)                                                \
	X(MSG_BATCH_SUMMARY_FILE)                                              \
	X(MSG_BATCH_OUT_MEMORY_NO_ROOM)                                        \
	X(MSG_BATCH_CANNOT_CREATE_PIPE)                                        \
	X(MSG_BATCH_CANNOT_START_WORKER_PROCESS)                               \
	X(MSG_BATCH_WORKER_DIED)                                               \
	X(MSG_BATCH_CANNOT_READ_BACK)                                          \
	X(MSG_BATCH_CANNOT_REMOVE)                                             \
	X(MSG_BATCH_CANNOT_REMOVE_EARLIER_MANIFEST)                            \
	X(MSG_BATCH_INTERRUPTED)                                               \
	X(MSG_BATCH_CANNOT_READ)                                               \
	X(MSG_BATCH_DOSSIER_NOT_DIRECTORY_NOTHING)                             \
	X(MSG_BATCH_DOSSIER_EMPLOYEE_NO_ADDRESS)                               \
	X(MSG_DASHBOARD_FORMAT_DOES_NOT_APPLY)                                 \
	X(MSG_LETTERS_NOTHING_TO_MERGE)                                        \
	X(MSG_LETTERS_FORMAT_MUST_ODT_PDF)                                     \
	X(MSG_LETTERS_MERGE_WRITES_ODT_DOCUMENT)                               \
	X(MSG_RECAP_FORMAT_MUST_CSV_PDF)                                       \
	X(MSG_STATS_YEAR_Y_REQUIRED)                                           \
	X(MSG_STATUS_FAILED)                                                   \
	X(MSG_FORMAT_MUST_CSV_TABLE)                                           \
	X(MSG_VALIDATE_AFTER_REFERENCE_DATE)                                   \
	X(MSG_VALIDATE_ABONDEMENT_NO_RECAP_PERIOD)                             \
	X(MSG_DOC_FORMAT_MUST_PDF_TREE)                                        \
	X(MSG_DOC_CANNOT_WRITE)                                                \
	X(MSG_ODT_CANNOT_BUILD_DOCUMENT)                                       \
	X(MSG_ODT_NO_DOCUMENT_MERGE)                                           \
	X(MSG_ODT_CANNOT_START_MERGED_DOCUMENT)                                \
	X(MSG_ODT_CANNOT_ADD_DOCUMENT_MERGED)                                  \
	X(MSG_ODT_CANNOT_WRITE_DOCUMENT)                                       \
	X(MSG_PDF_CANNOT_READ_SRGB_COLOUR)                                     \
	X(MSG_PDF_CANNOT_WRITE)

#define MSG_ENUM_(id) id,
enum msg { MSG_LIST(MSG_ENUM_) MSG__COUNT };

/* MSG_TEXT(MSG_X): the literal text of row MSG_X, for printf's check. */
#define MSG_TEXT(id)		MSG_TEXT_(id##_ROW)
#define MSG_TEXT_(row)		MSG_TEXT__(row)
#define MSG_TEXT__(level, text) text

/* The row's name ("MSG_X"), level and text; id < MSG__COUNT. */
const char *msg_name(enum msg);
enum msg_level msg_level(enum msg);
const char *msg_text(enum msg);

#endif
