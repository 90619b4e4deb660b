#!/bin/sh
# A hostile export: each problem gives one message with file:line:column,
# the import exits 1, and only the employees without a problem get a
# dossier.  Made here rather than kept: one of its cells is 10 MB.
set -u
P=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
d=$tmp/export
mkdir -p "$d"
head -1 samples/export/societes.csv >"$d/societes.csv"
grep '^MRO;' samples/export/societes.csv >>"$d/societes.csv"
{
	head -1 samples/export/salaries.csv
	grep '^MR-00[1234];' samples/export/salaries.csv
	# a duplicate matricule
	grep '^MR-004;' samples/export/salaries.csv | sed 's/;Núñez;/;Nunez;/'
	# a formula cell, and an impossible date
	echo 'MR-005;MRO;M.;Paul;Lemoine;02/03/1990;1 rue A;;;35000;Rennes;;CDI;31/02/2019;;;"=HYPERLINK(""http://x.example/"",""clic"")";Atelier;;;'
	# a 10 MB field
	printf 'MR-006;MRO;M.;Marc;Ollivier;02/03/1991;1 rue B;;;35000;Rennes;;CDI;04/09/2017;;;Menuisier;'
	head -c 10485760 /dev/zero | tr '\0' 'x'
	echo ';;;'
	# a good one, to show the others go on
	echo 'MR-007;MRO;Mme;Léa;Guérin;02/03/1992;1 rue C;;;35000;Rennes;;CDI;04/09/2017;;;Menuisière;Atelier;;04/09/2017;hand'
} >"$d/salaries.csv"
{
	head -1 samples/export/absences.csv
	grep '^MR-00' samples/export/absences.csv
	# an id no employee has
	echo 'MR-999;sick;02/02/2026;06/02/2026'
	# a stray quote in an unquoted field
	echo 'MR-002;si"ck;02/02/2026;06/02/2026'
	# a quote opened and never closed
	echo 'MR-001;"sick;02/02/2026;06/02/2026'
} >"$d/absences.csv"
# 1 000 columns
python3 -c 'print(";".join("c%d" % i for i in range(1000)))' >"$d/formations.csv"
run() {
	rm -rf "$tmp/out"
	$P import "$@" -o "$tmp/out" >"$tmp/log" 2>&1
	echo "exit $?"
	sed "s|$tmp/||g" "$tmp/log"
	ls "$tmp/out" 2>/dev/null || true
}
echo "== the whole export: a file cannot be used, nothing is written"
run "$d"/*.csv
echo "== without the file of 1 000 columns: the others go on"
rm "$d/formations.csv"
run "$d"/*.csv
grep -o '<dossier id="[^"]*"' "$tmp/out/MRO.xml"
echo "== what the dossier reader would refuse, found in the CSV rows"
e=$tmp/export2
mkdir -p "$e"
cp "$d/societes.csv" "$e/"
{ head -1 samples/export/salaries.csv
  grep '^MR-00[34];' samples/export/salaries.csv; } >"$e/salaries.csv"
{ head -1 samples/export/absences.csv
  echo 'MR-003;sick;10/02/2026;06/02/2026'; } >"$e/absences.csv"
{ head -1 samples/export/convocations.csv
  grep '^MR-004;' samples/export/convocations.csv |
	sed "s/;17\/03\/2025/;/"; } >"$e/convocations.csv"
run "$e"/*.csv
