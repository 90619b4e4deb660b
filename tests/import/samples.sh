#!/bin/sh
# samples/export/ imports into the dossiers of samples/: valid, the same
# status and recap CSVs, the same dossiers element for element.
set -u
P=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$P import -q samples/export/*.csv -o "$tmp/imported" || exit 1
ls "$tmp/imported"
$P validate -q --as-of 2026-11-26 "$tmp/imported" || exit 1
for c in status recap; do
	$P $c --as-of 2026-11-26 --format csv samples/ >"$tmp/a.csv"
	$P $c --as-of 2026-11-26 --format csv "$tmp/imported" >"$tmp/b.csv"
	# recap rows follow input order, which is file order: compare sorted
	sort "$tmp/a.csv" >"$tmp/a.sorted"
	sort "$tmp/b.csv" >"$tmp/b.sorted"
	if [ $c = status ] && cmp -s "$tmp/a.csv" "$tmp/b.csv"; then
		echo "status --format csv: identical ($(wc -l <"$tmp/a.csv") lines)"
	elif [ $c = recap ] && cmp -s "$tmp/a.sorted" "$tmp/b.sorted"; then
		echo "recap --format csv: the same rows ($(wc -l <"$tmp/a.csv") lines)"
	else
		echo "$c --format csv differs:"
		diff "$tmp/a.csv" "$tmp/b.csv" | head -20
	fi
done
python3 tests/import/same-dossiers.py samples/*.xml -- "$tmp/imported"
# Twice the same export: the same bytes.
$P import -q samples/export/ -o "$tmp/again" || exit 1
diff -r "$tmp/imported" "$tmp/again" && echo "a second import: the same bytes"
# The elements of issue 12 (positions, action status, abondements).
python3 tests/import/xml2csv.py --sep ';' --dates fr -o "$tmp/new" \
	tests/import/new-elements.xml
ls "$tmp/new"
$P import -q "$tmp/new" -o "$tmp/new-imported" &&
	$P validate -q "$tmp/new-imported" &&
	python3 tests/import/same-dossiers.py tests/import/new-elements.xml \
		-- "$tmp/new-imported"
