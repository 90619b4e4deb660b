#!/bin/sh
# The PDFs of every sample, as HR gets them: `notice`, `report`,
# `report --blank`, `recap` and `letters --format pdf` on samples/, then
# for every file the reader checks of tests/pdf/readers.sh (qpdf, every
# font embedded, poppler quiet, every word inside the margins); the names,
# dates in words, amounts and verdict sentences given back exactly by
# pdftotext; a long report flowing onto further pages and a long table
# repeating its header; a second run byte-identical.  Leaves the PDFs and
# page images (PNG) of a notice, a filled report, a blank form, a final
# and a provisional recap, propositions with their slip and a repeated
# refusal under REVIEW_DIR for people to look at.
#
# usage: tests/documents/check.sh PARCOURS REVIEW_DIR
set -u
parcours=${1:?usage: check.sh PARCOURS REVIEW_DIR}
review=${2:?usage: check.sh PARCOURS REVIEW_DIR}
asof=2026-11-26
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
fail() {
	echo "FAIL: $*"
	status=1
}
. "$(dirname "$0")/../pdf/readers.sh"

# write OUT: every PDF document of the samples into OUT (--within all:
# the forms of every due date, not only this year's).
write() {
	for cmd in notice report "report --blank" recap "letters --format pdf"; do
		# shellcheck disable=SC2086 # cmd holds a command and its options
		$parcours $cmd -q --within all --as-of $asof -o "$1" samples/ ||
			fail "parcours $cmd samples/ exited $?"
	done
}

rm -rf "$review"
mkdir -p "$review"
write "$review/pdf"
write "$dir/again"
n=$(find "$review/pdf" -name '*.pdf' | wc -l)
[ "$n" -ge 100 ] || fail "only $n PDFs written for the samples"
if diff -r "$review/pdf" "$dir/again" >/dev/null; then
	echo "ok $n PDFs, byte-identical when written again"
else
	fail "a second run differs: $(diff -rq "$review/pdf" "$dir/again" | head -3)"
fi

# Reader checks of every file; each file's text joins all.txt.
bad=0
for pdf in $(find "$review/pdf" -name '*.pdf' | sort); do
	name=$(basename "$pdf" .pdf)
	pdf_readers "$name" "$pdf" || bad=$((bad + 1))
	cat "$dir/$name.txt" >>"$dir/all.txt"
done
[ "$bad" -eq 0 ] && echo "ok $n PDFs: qpdf, fonts embedded, poppler quiet, words inside the margins"

# What pdftotext must give back, exactly.  Spaces in amounts may come
# back as plain or no-break spaces: both are matched.
# Names appear as documents.md writes them: given name, FAMILY NAME.
for want in 'Łukasz ŻÓŁĆ' 'Aïcha BENALI' 'Thị Ánh NGUYỄN' 'Şükrü YILMAZ' \
	'Søren' 'Ștefan POPESCU' 'Tomáš DVOŘÁK' "Siobhán O'BRIEN" \
	'Transports Martin & Fils SAS' \
	'4 septembre 2017' '1er janvier 2022' '8 janvier 2024' \
	'lundi 10 janvier 2022 à 14 h 00' 'Orléans, le 6 décembre 2021' \
	'Abondement correctif de 3.000.€ à verser à la Caisse des dépôts' 'plus tard le 30 septembre 2021' \
	'21 janvier 2026' 'entretien de parcours professionnel' \
	'entretien professionnel'; do
	if grep -q -- "$(printf '%s' "$want" | sed 's/ /[[:space:] \xc2\xa0\xe2\x80\xaf]/g')" "$dir/all.txt"; then
		echo "ok pdftotext gives back: $want"
	else
		fail "pdftotext never gives back: $want"
	fi
done

# A long report flows onto further pages, and a long table (28 trainings)
# repeats its header row on the next page.
long=$(ls "$review"/pdf/ACG-1002/ACG-1002_*_report_2026-01-19.pdf 2>/dev/null)
pages=$(pdfinfo "$long" 2>/dev/null | awk '/^Pages:/ { print $2 }')
if [ "${pages:-0}" -ge 3 ]; then
	echo "ok the long report of ACG-1002 runs over $pages pages"
else
	fail "the long report of ACG-1002 has ${pages:-no} pages, expected 3 or more"
fi
recap=$(ls "$review"/pdf/ACG-1003/ACG-1003_*_recap_*.pdf | head -1)
heads=0
np=$(pdfinfo "$recap" | awk '/^Pages:/ { print $2 }')
p=1
while [ "$p" -le "$np" ]; do
	pdftotext -f $p -l $p -layout "$recap" - 2>/dev/null |
		grep -q 'Formation .*Durée' && heads=$((heads + 1))
	p=$((p + 1))
done
if [ "$heads" -ge 2 ]; then
	echo "ok the 28-training table of ACG-1003 repeats its header on $heads pages"
else
	fail "the training table of ACG-1003 shows its header on $heads page(s)"
fi

# Page images for review.
png() {
	src=$(ls $1 2>/dev/null | head -1)
	if [ -z "$src" ]; then
		fail "no file for the $2 page images ($1)"
		return
	fi
	pdftoppm -png -r 70 "$src" "$review/$2" 2>/dev/null ||
		fail "pdftoppm $src"
}
png "$review/pdf/E0042/E0042_*_notice_*.pdf" notice
png "$review/pdf/E0042/E0042_*_report_2024-01-08.pdf" report
png "$review/pdf/E0042/E0042_*_report-blank_2027-02-28.pdf" report-blank
png "$review/pdf/E0107/E0107_*_recap_2020-03-07.pdf" recap
png "$review/pdf/E0042/E0042_*_letter-proposal_*.pdf" letter-proposal
png "$review/pdf/E0175/E0175_*_recap_2030-01-11.pdf" recap-provisional
png "$review/pdf/LH-01/LH-01_*_recap_2022-09-05.pdf" recap-refused-paid
png "$review/pdf/ACG-1001/ACG-1001_*_letter-proposal_*.pdf" letter-proposal-long
png "$review/pdf/MR-004/MR-004_*_letter-refusal-record_2025-04-14.pdf" letter-refusal-repeated
png "$review/pdf/LH-01/LH-01_*_report_2024-03-04.pdf" report-2025
echo "ok page images for review: $(ls "$review"/*.png | wc -l) PNG files"
exit $status
