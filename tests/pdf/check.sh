#!/bin/sh
# Reader checks of the PDF backend on the hand-built specimens that
# test_pdf writes (every node type, long text and tables, names from all
# over Europe, every letter the fonts have): qpdf accepts them, every font
# is embedded, poppler reads them without a word on stderr and gives the
# names back exactly, every word stays inside the margins, and two
# renders are byte-identical.
#
# usage: tests/pdf/check.sh BUILD/tests/test_pdf
# Prints one "ok" line per check, or "FAIL" lines; exit status 1 on any
# failure.
set -u
bin=${1:?usage: check.sh path/to/test_pdf}
if [ ! -x "$bin" ]; then
	echo "FAIL: $bin is missing (make unit builds it)"
	exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if ! "$bin" "$dir"; then
	echo "FAIL: $bin could not write the specimens"
	exit 1
fi

status=0
fail() {
	echo "FAIL: $*"
	status=1
}

. "$(dirname "$0")/readers.sh"
PDF_READERS_VERBOSE=1
for f in specimen names charset specimen-pdfa; do
	pdf_readers "$f" "$dir/$f.pdf"
done

# The names come back exactly, letter for letter, one per line.
tr -d '\f' <"$dir/names.txt" >"$dir/names.got"
missing=0
while IFS= read -r name; do
	grep -qxF "$name" "$dir/names.got" || {
		fail "names.pdf: pdftotext does not give back \"$name\""
		missing=1
	}
	grep -qF "$name" "$dir/specimen.txt" || {
		fail "specimen.pdf: pdftotext does not give back \"$name\""
		missing=1
	}
done <"$dir/names.expected"
[ "$missing" -eq 0 ] && echo "ok names.pdf, specimen.pdf: every name given back exactly"

# Every character, through whichever font draws it.
tr -d '\f' <"$dir/charset.txt" | grep '=' >"$dir/charset.got"
if diff -u "$dir/charset.expected" "$dir/charset.got" >"$dir/diff"; then
	echo "ok charset.pdf: every character given back exactly"
else
	fail "charset.pdf: pdftotext differs: $(grep '^[-+][0-9A-F]' "$dir/diff" | head -6 | tr '\n' ' ')"
fi

# Reproducible: another render, after other documents, is identical.
if cmp -s "$dir/specimen.pdf" "$dir/specimen-again.pdf"; then
	echo "ok specimen.pdf: byte-identical when rendered again"
else
	fail "specimen.pdf: a second render differs"
fi

# PDF/A: XMP metadata and a file identifier.
if qpdf --qdf "$dir/specimen-pdfa.pdf" - 2>/dev/null |
	grep -aq "pdfaid:part='1'" &&
	pdfinfo "$dir/specimen-pdfa.pdf" 2>&1 | grep -q '^Metadata Stream: *yes'; then
	echo "ok specimen-pdfa.pdf: PDF/A-1b metadata"
else
	fail "specimen-pdfa.pdf: no PDF/A metadata"
fi

exit $status
