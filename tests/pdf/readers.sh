# Reader checks of one PDF, shared by tests/pdf/check.sh (specimens) and
# tests/documents/check.sh (the documents of the samples).  Source it,
# define fail() and set $dir (a scratch directory), then call
# pdf_readers NAME FILE: qpdf accepts it, every font is embedded, poppler
# reads it without a word on stderr, every word stays inside the margins.
# Leaves the text in $dir/NAME.txt.  Returns 1 after fail() on a problem;
# prints "ok" lines only when PDF_READERS_VERBOSE=1.

# A4 in points and the layout's margins (layout.c): 22 mm at the sides,
# 20 mm at the top, with a header band from 10 mm for the projection mark
# of a provisional recap; the footer baseline is 13 mm from the bottom edge.
pdf_mm() { awk -v v="$1" 'BEGIN { printf "%.3f", v * 72 / 25.4 }'; }
pdf_left=$(pdf_mm 22)
pdf_right=$(pdf_mm 188)
pdf_top=$(pdf_mm 10)
pdf_bottom=$(pdf_mm 287)

pdf_ok() {
	[ "${PDF_READERS_VERBOSE:-0}" = 1 ] && echo "ok $*"
	return 0
}

pdf_readers() {
	f=$1 pdf=$2 bad=0
	if qpdf --check "$pdf" >"$dir/qpdf" 2>&1; then
		pdf_ok "$f.pdf: qpdf --check"
	else
		fail "$f.pdf: qpdf --check: $(grep -v '^checking' "$dir/qpdf" | head -3)"
		bad=1
	fi

	pdffonts "$pdf" >"$dir/fonts" 2>"$dir/err"
	if [ -s "$dir/err" ]; then
		fail "$f.pdf: pdffonts says: $(head -3 "$dir/err")"
		bad=1
	elif awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 } END { exit !bad }' \
		"$dir/fonts"; then
		fail "$f.pdf: a font is not embedded: $(cat "$dir/fonts")"
		bad=1
	elif [ "$(awk 'NR > 2' "$dir/fonts" | wc -l)" -eq 0 ]; then
		fail "$f.pdf: pdffonts lists no font"
		bad=1
	else
		pdf_ok "$f.pdf: every font embedded, pdffonts quiet"
	fi

	pdftotext "$pdf" "$dir/$f.txt" 2>"$dir/err"
	if [ -s "$dir/err" ]; then
		fail "$f.pdf: pdftotext says: $(head -3 "$dir/err")"
		bad=1
	else
		pdf_ok "$f.pdf: pdftotext quiet"
	fi

	# Every word of every page inside the margins and above the footer.
	pdftotext -bbox "$pdf" - 2>/dev/null | awk -v l="$pdf_left" \
		-v r="$pdf_right" -v t="$pdf_top" -v b="$pdf_bottom" -v f="$f" '
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
		pdf_ok "$f.pdf: every word inside the margins"
	else
		fail "$f.pdf: $(head -5 "$dir/bbox")"
		bad=1
	fi
	return $bad
}
