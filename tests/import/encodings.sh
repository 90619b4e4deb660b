#!/bin/sh
# One export saved three ways, as Excel and HRIS save it: UTF-8 with ",",
# UTF-8 with BOM and ";", Windows-1252 with ";" and DD/MM/YYYY dates and
# decimal commas.  The three imports are the same bytes.  Only the
# dossiers Windows-1252 can spell are exported (not Łukasz Żółć).
set -u
P=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
x="python3 tests/import/xml2csv.py --cp1252-only"
$x --sep , -o "$tmp/utf8" samples/*.xml
$x --sep ';' --bom -o "$tmp/bom" samples/*.xml
$x --sep ';' --encoding cp1252 --dates fr -o "$tmp/cp1252" samples/*.xml
# What each file starts with, to show the three really differ.
for v in utf8 bom cp1252; do
	printf '%s: ' $v
	head -c 3 "$tmp/$v/salaries.csv" | od -An -c | tr -s ' ' | head -1
	if iconv -f UTF-8 -t UTF-8 "$tmp/$v/salaries.csv" >/dev/null 2>&1
	then echo "  salaries.csv is UTF-8"
	else echo "  salaries.csv is not UTF-8"
	fi
	grep -c '/19[0-9][0-9];' "$tmp/$v/salaries.csv" >/dev/null &&
		echo "  dates DD/MM/YYYY"
	$P import -q "$tmp/$v"/*.csv -o "$tmp/out-$v" || exit 1
done
diff -r "$tmp/out-utf8" "$tmp/out-bom" && diff -r "$tmp/out-utf8" "$tmp/out-cp1252" &&
	echo "three imports, the same bytes: $(cat "$tmp/out-utf8"/*.xml | grep -c '<dossier ') dossiers"
python3 tests/import/same-dossiers.py "$tmp/out-cp1252" -- "$tmp/out-utf8" >/dev/null
$P validate -q "$tmp/out-cp1252"
