#!/bin/sh
# --pdfa: every PDF of `parcours all` declares PDF/A-1b in its XMP
# metadata, carries an sRGB OutputIntent with its ICC profile, embeds
# every font and passes qpdf --check; twice the same bytes.
#
# usage: tests/batch/pdfa.sh PARCOURS
parcours=$1
. "$(dirname "$0")/lib.sh"
for r in a b; do
	"$parcours" all -q --pdfa --as-of $asof -o "$tmp/$r" \
		samples/01-transports-martin.xml || fail "all --pdfa exited $?"
done
cmp -s "$tmp/a/manifest.csv" "$tmp/b/manifest.csv" ||
	fail "two --pdfa runs differ"
ok "two runs with --pdfa write the same bytes"

find "$tmp/a" -name '*.pdf' | sort >"$tmp/pdfs"
[ -s "$tmp/pdfs" ] || fail "no PDF written"
while read -r f; do
	n=${f#"$tmp/a/"}
	qpdf --check "$f" >"$tmp/q" 2>&1 || fail "$n: qpdf --check: $(tail -3 "$tmp/q")"
	pdffonts "$f" 2>/dev/null |
		awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 } NR > 2 { n++ }
		     END { exit bad || n == 0 }' || fail "$n: a font is not embedded"
	qpdf --qdf --object-streams=disable "$f" "$tmp/qdf.pdf" ||
		fail "$n: qpdf cannot rewrite it"
	grep -aq "pdfaid:part='1'" "$tmp/qdf.pdf" &&
		grep -aq "pdfaid:conformance='B'" "$tmp/qdf.pdf" ||
		fail "$n: no PDF/A-1b identification in the XMP metadata"
	awk '/\/OutputIntents/ { oi = 1 } /\/S \/GTS_PDFA1/ { s = 1 }
	     /\/DestOutputProfile [0-9]+ 0 R/ { d = 1 }
	     /\/N 3/ { n3 = 1 } /\/Subtype \/XML/ { x = 1 }
	     END { exit !(oi && s && d && n3 && x) }' "$tmp/qdf.pdf" ||
		fail "$n: no sRGB OutputIntent with its ICC profile"
done <"$tmp/pdfs"
ok "every PDF: qpdf --check, fonts embedded, PDF/A-1b XMP identification, sRGB OutputIntent"

# Without --pdfa, none of it: the option is what makes the difference.
"$parcours" all -q --as-of $asof -o "$tmp/plain" samples/01-transports-martin.xml ||
	fail "all exited $?"
f=$(find "$tmp/plain" -name '*.pdf' | head -n 1)
qpdf --qdf --object-streams=disable "$f" "$tmp/qdf.pdf"
grep -aq "OutputIntents" "$tmp/qdf.pdf" && fail "an OutputIntent without --pdfa"
ok "without --pdfa, no OutputIntent"
