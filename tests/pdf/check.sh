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

# A4 in points and the layout's margins (layout.c): 22 mm at the sides,
# 20 mm at the top; the footer baseline is 13 mm from the bottom edge.
mm() { awk -v v="$1" 'BEGIN { printf "%.3f", v * 72 / 25.4 }'; }
left=$(mm 22)
right=$(mm 188)
top=$(mm 20)
bottom=$(mm 287)

for f in specimen names charset specimen-pdfa; do
	pdf=$dir/$f.pdf
	if qpdf --check "$pdf" >"$dir/qpdf" 2>&1; then
		echo "ok $f.pdf: qpdf --check"
	else
		fail "$f.pdf: qpdf --check: $(grep -v '^checking' "$dir/qpdf" | head -3)"
	fi

	pdffonts "$pdf" >"$dir/fonts" 2>"$dir/err"
	if [ -s "$dir/err" ]; then
		fail "$f.pdf: pdffonts says: $(head -3 "$dir/err")"
	elif awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 } END { exit !bad }' \
		"$dir/fonts"; then
		fail "$f.pdf: a font is not embedded: $(cat "$dir/fonts")"
	elif [ "$(awk 'NR > 2' "$dir/fonts" | wc -l)" -eq 0 ]; then
		fail "$f.pdf: pdffonts lists no font"
	else
		echo "ok $f.pdf: every font embedded, pdffonts quiet"
	fi

	pdftotext "$pdf" "$dir/$f.txt" 2>"$dir/err"
	if [ -s "$dir/err" ]; then
		fail "$f.pdf: pdftotext says: $(head -3 "$dir/err")"
	else
		echo "ok $f.pdf: pdftotext quiet"
	fi

	# Every word of every page inside the margins and above the footer.
	pdftotext -bbox "$pdf" - 2>/dev/null | awk -v l="$left" -v r="$right" \
		-v t="$top" -v b="$bottom" -v f="$f" '
		function num(s) { sub(/^[a-zA-Z]+="/, "", s); sub(/".*/, "", s); return s + 0 }
		/<page / { page++ }
		/<word / {
			x0 = num($2); y0 = num($3); x1 = num($4); y1 = num($5)
			words++
			if (x0 < l - 0.5 || x1 > r + 0.5 || y0 < t - 4 || y1 > b) {
				printf "%s page %d: word at x %.1f-%.1f y %.1f-%.1f\n", f, page, x0, x1, y0, y1
				bad++
			}
		}
		END { if (words == 0) print f ": no words"; exit (bad > 0 || words == 0) }
	' >"$dir/bbox"
	if [ $? -eq 0 ]; then
		echo "ok $f.pdf: every word inside the margins"
	else
		fail "$f.pdf: $(head -5 "$dir/bbox")"
	fi
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
