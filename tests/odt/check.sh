#!/bin/sh
# The letters as real readers see them: runs `parcours letters` twice
# with --merge on the inputs, then checks that
#   - the two runs wrote byte-identical files;
#   - each package has `mimetype` first and stored, and well-formed
#     content.xml, styles.xml, meta.xml and META-INF/manifest.xml;
#   - LibreOffice converts every letter and the merged document to PDF
#     (one soffice run, a private profile);
#   - the letters are those rules.md §9 calls for, and no other, and each
#     says what documents.md §4 asks (letters_oracle.py reads the dossiers
#     itself and checks pdftotext's text);
#   - the merged PDF has as many pages as the single letters together.
# Prints the expected letters and one line per check; exits 1 on the
# first failure.  A missing tool is a failure, never a skip.
#
# usage: tests/odt/check.sh PARCOURS AS_OF [--company FILE] INPUT...
set -u
parcours=$1 as_of=$2
shift 2
here=$(dirname "$0")

for tool in soffice unzip xmllint pdftotext pdfinfo python3 cmp; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "FAIL $tool is not installed (run make deps)"
		exit 1
	fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "FAIL $*"
	exit 1
}

for run in a b; do
	"$parcours" letters -q --as-of "$as_of" -o "$tmp/$run" \
		--merge "$tmp/$run/merged.odt" "$@" ||
		fail "parcours letters exited $?"
done
(cd "$tmp/a" && find . -name '*.odt' | sort) >"$tmp/files"
[ -s "$tmp/files" ] || fail "no letter written"
(cd "$tmp/b" && find . -name '*.odt' | sort) | cmp -s - "$tmp/files" ||
	fail "the second run wrote other files"
while read -r f; do
	cmp -s "$tmp/a/$f" "$tmp/b/$f" || fail "$f differs between runs"
done <"$tmp/files"
echo "reproducible: same bytes twice"

while read -r f; do
	odt=$tmp/a/$f
	[ "$(unzip -Z1 "$odt" | head -n 1)" = mimetype ] ||
		fail "$f: mimetype is not the first entry"
	unzip -Z "$odt" mimetype | grep -q ' stor ' ||
		fail "$f: mimetype is compressed"
	[ "$(unzip -p "$odt" mimetype)" = \
		application/vnd.oasis.opendocument.text ] ||
		fail "$f: wrong mimetype"
	for part in content.xml styles.xml meta.xml META-INF/manifest.xml; do
		unzip -p "$odt" "$part" | xmllint --noout - 2>"$tmp/err" ||
			fail "$f: $part: $(head -n 1 "$tmp/err")"
	done
done <"$tmp/files"
echo "packages: mimetype first and stored, 4 parts well formed"

# One LibreOffice start for every file; names are unique across dossiers.
mkdir "$tmp/pdf"
(cd "$tmp/a" && HOME=$tmp soffice --headless --norestore \
	-env:UserInstallation="file://$tmp/profile" \
	--convert-to pdf --outdir "$tmp/pdf" $(cat "$tmp/files")) \
	>"$tmp/soffice.log" 2>&1
pages=0
while read -r f; do
	pdf=$tmp/pdf/$(basename "$f" .odt).pdf
	[ -s "$pdf" ] || fail "$f: LibreOffice did not convert it"
	pdftotext -enc UTF-8 "$pdf" "$tmp/a/${f%.odt}.txt" ||
		fail "$f: pdftotext failed"
	n=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	[ "$f" = ./merged.odt ] && merged=$n || pages=$((pages + n))
done <"$tmp/files"
echo "LibreOffice: every letter and the merged document convert to PDF"

python3 "$here/letters_oracle.py" --as-of "$as_of" --out "$tmp/a" "$@" ||
	fail "letters differ from rules.md §9 / documents.md §4 (above)"
echo "letters: those rules.md §9 calls for, saying what documents.md §4 asks"

[ "$merged" = "$pages" ] ||
	fail "merged document has $merged pages, the letters $pages"
echo "merged: as many pages as the letters, each starting a page"
