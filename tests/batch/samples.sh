#!/bin/sh
# `parcours all` on samples/: verify passes; the manifest lists every
# file, in input order, run-wide files last; the CSVs are those of
# status, recap and stats; every document is byte for byte the one the
# single commands write; the same manifest twice and whatever -j; the
# merged letters read in LibreOffice as `letters --merge`; a rerun over a
# killed run's leftovers cleans them and verifies.
#
# usage: tests/batch/samples.sh PARCOURS
parcours=$1
. "$(dirname "$0")/lib.sh"
run() {
	"$parcours" all -q --as-of $asof "$@"
}

run -o "$tmp/a" samples/ 2>"$tmp/err" || fail "all exited $?: $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "all wrote to stderr: $(head -3 "$tmp/err")"
ok "all samples/: exit 0, nothing on stderr"

"$parcours" verify "$tmp/a" >"$tmp/out" 2>&1 || fail "verify: $(cat "$tmp/out")"
ok "verify: every listed file matches"

m=$tmp/a/manifest.csv
[ "$(head -n 1 "$m")" = "path,sha256,bytes,dossier,document,reference_date" ] ||
	fail "manifest header: $(head -n 1 "$m")"
rows=$(($(wc -l <"$m") - 1))
files=$(find "$tmp/a" -type f ! -name manifest.csv | wc -l)
[ "$rows" -eq "$files" ] || fail "manifest has $rows rows for $files files"
ok "manifest: one row per file"

# Dossiers in input order; run-wide files last.
ids samples/*.xml >"$tmp/want-ids"
awk -F, 'NR > 1 && $4 != "" && !seen[$4]++ { print $4 }' "$m" >"$tmp/got-ids"
cmp -s "$tmp/want-ids" "$tmp/got-ids" ||
	fail "dossiers not in input order: $(diff "$tmp/want-ids" "$tmp/got-ids" | head -4)"
awk -F, 'NR > 1 && $4 == "" { print $1 "," $5 }' "$m" >"$tmp/tail"
printf '%s\n' letters-merged.odt,letters-merged status.csv,status \
	recap.csv,recap stats.csv,stats index.html,dashboard | cmp -s - "$tmp/tail" ||
	fail "run-wide rows: $(cat "$tmp/tail")"
tail -n 5 "$m" | awk -F, '$4 != "" { exit 1 }' ||
	fail "run-wide files are not the last rows"
ok "manifest: dossiers in input order, then letters-merged, status, recap, stats, index.html"

# Within a dossier: notice, reports, blank forms, recaps, letters.
awk -F, 'NR > 1 && $4 != "" {
	r = 9
	if ($5 == "notice") r = 1
	else if ($5 == "report") r = 2
	else if ($5 == "report-blank") r = 3
	else if ($5 == "recap") r = 4
	else if ($5 ~ /^letter-/ || $5 == "calendar-convocation") r = 5
	if (r == 9 || ($4 == d && r < last)) { print; exit 1 }
	d = $4; last = r
	if (substr($1, 1, length($4) + 1) != $4 "/") { print; exit 1 }
}' "$m" >"$tmp/bad" || fail "document order or path: $(cat "$tmp/bad")"
ok "manifest: each dossier's documents in order, under {dossier}/"

"$parcours" status --as-of $asof --format csv samples/ | cmp -s - "$tmp/a/status.csv" ||
	fail "status.csv differs from parcours status"
"$parcours" recap --as-of $asof --format csv samples/ | cmp -s - "$tmp/a/recap.csv" ||
	fail "recap.csv differs from parcours recap --format csv"
"$parcours" stats --as-of $asof --year 2026 --format csv samples/ |
	cmp -s - "$tmp/a/stats.csv" || fail "stats.csv differs from parcours stats"
ok "status.csv, recap.csv, stats.csv: those of status, recap and stats"

# The single commands write the same documents, byte for byte.
o=$tmp/single
for cmd in notice report "report --blank" recap letters; do
	"$parcours" $cmd -q --as-of $asof -o "$o" samples/ ||
		fail "parcours $cmd exited $?"
done
(cd "$o" && find . -type f | sort) >"$tmp/single-files"
(cd "$tmp/a" && find . -mindepth 2 -type f | sort) | cmp -s - "$tmp/single-files" ||
	fail "all and the single commands write other files"
while read -r f; do
	cmp -s "$o/$f" "$tmp/a/$f" || fail "$f differs from the single command's"
done <"$tmp/single-files"
ok "every document is byte for byte the one notice, report, recap, letters write"

# Reproducible, whatever the number of workers.
for j in 1 3; do
	run -j $j -o "$tmp/j$j" samples/ || fail "all -j $j exited $?"
	cmp -s "$m" "$tmp/j$j/manifest.csv" || fail "-j $j gives another manifest"
	diff -r "$tmp/a" "$tmp/j$j" >/dev/null || fail "-j $j writes other bytes"
done
run -o "$tmp/a" samples/ || fail "second run exited $?"
cmp -s "$m" "$tmp/j1/manifest.csv" || fail "a second run gives another manifest"
ok "same manifest and bytes twice, and with -j 1, -j 3"

# The merged letters, as LibreOffice reads them: the letters of
# `letters --merge`, page for page and word for word.
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	"$parcours" letters -q --as-of $asof -o "$tmp/l" --merge "$tmp/l/merged.odt" samples/ ||
		fail "letters --merge exited $?"
	mkdir -p "$tmp/lo"
	timeout 300 soffice --headless "-env:UserInstallation=file://$tmp/lo/profile" \
		--convert-to pdf --outdir "$tmp/lo" "$tmp/a/letters-merged.odt" \
		"$tmp/l/merged.odt" >/dev/null 2>&1 || fail "LibreOffice could not convert"
	pdftotext "$tmp/lo/letters-merged.pdf" "$tmp/lo/all.txt" &&
		pdftotext "$tmp/lo/merged.pdf" "$tmp/lo/merge.txt" || fail "pdftotext"
	[ -s "$tmp/lo/all.txt" ] || fail "the merged letters are empty"
	cmp -s "$tmp/lo/all.txt" "$tmp/lo/merge.txt" ||
		fail "letters-merged.odt does not read as letters --merge"
	ok "letters-merged.odt: LibreOffice reads the letters of letters --merge, page for page"
else
	fail "soffice or pdftotext is not installed (run make deps)"
fi

# A killed run's leftovers, a dossier no longer in the inputs and a
# document no longer due: a rerun removes them and verifies.
a=$tmp/a
: >"$a/E0042/.E0042_BENALI_notice_2017-09-04.pdf.Zx81Qa"
: >"$a/.manifest.csv.Ab12Cd"
: >"$a/letters-merged.odt.Qq9Ww8"
mkdir -p "$a/GONE-1" && : >"$a/GONE-1/GONE-1_X_notice_2020-01-01.pdf"
: >"$a/E0042/E0042_BENALI_report_1999-01-01.pdf"
"$parcours" verify "$a" >/dev/null 2>&1 && fail "verify passes with leftovers"
run -o "$a" samples/ || fail "rerun exited $?"
"$parcours" verify "$a" >"$tmp/out" 2>&1 || fail "verify after rerun: $(cat "$tmp/out")"
[ -z "$(temps "$a")" ] || fail "temporary files left: $(temps "$a")"
[ -e "$a/GONE-1" ] && fail "the gone dossier's directory is still there"
ok "rerun over leftovers: temporary and obsolete files removed, verify passes"

# What parcours did not name is never removed, and verify names it.
: >"$a/E0042/notes.txt"
run -o "$a" samples/ || fail "run with notes.txt exited $?"
[ -e "$a/E0042/notes.txt" ] || fail "notes.txt was removed"
"$parcours" verify "$a" >"$tmp/out" 2>&1 && fail "verify passes with notes.txt"
grep -q "E0042/notes.txt: error: not listed in the manifest" "$tmp/out" ||
	fail "verify does not name notes.txt: $(cat "$tmp/out")"
ok "a file parcours did not write stays, and verify names it"
