#!/bin/sh
# --map: an HRIS whose headers parcours does not know ("Code salarié",
# "Entrée le") imports once its columns are renamed; without the map the
# file is refused for its missing columns, and an unknown target in the
# map is reported.
set -u
P=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/e"
cp samples/export/societes.csv samples/export/absences.csv "$tmp/e/"
sed '1s/^\xEF\xBB\xBFmatricule;/Code salarié;/; 1s/;date_embauche;/;Entrée le;/' \
	samples/export/salaries.csv >"$tmp/e/salaries.csv"
printf 'from,to\r\nCode salarié,employee_id\r\nEntrée le,hire_date\r\n' \
	>"$tmp/map.csv"
echo "== without --map"
$P import -q "$tmp/e" -o "$tmp/a" 2>&1 | sed "s|$tmp/||g"
echo "== with --map"
$P import --map "$tmp/map.csv" "$tmp/e" -o "$tmp/b" 2>&1 | sed "s|$tmp/||g"
$P validate -q "$tmp/b"
# The same dossiers as the export with our own headers.
mkdir "$tmp/f"
cp samples/export/societes.csv samples/export/absences.csv \
	samples/export/salaries.csv "$tmp/f/"
$P import -q "$tmp/f" -o "$tmp/c" && diff -r "$tmp/b" "$tmp/c" &&
	echo "renamed columns: the same dossiers"
echo "== a map to a column that does not exist"
printf 'Code salarié,matricule_rh\r\n' >"$tmp/bad-map.csv"
$P import --map "$tmp/bad-map.csv" "$tmp/e" -o "$tmp/d" 2>&1 |
	sed "s|$tmp/||g"
