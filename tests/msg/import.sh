#!/bin/sh
# import's refusals of a file as a whole, each from a small export made
# here from samples/export/: encodings that are no text, empty and
# misnamed files, a second employees file, a repeated column, a row
# longer than its header, --map files that cannot be used.  Each run's
# messages and exit status, the temporary directory shown as T
# (tests/golden.d/messages.sh).
#
# usage: sh tests/msg/import.sh PARCOURS
set -u
P=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
s=samples/export
# export NAME: T/NAME with the companies and the first two employees.
export_dir() {
	e=$t/$1
	mkdir -p "$e"
	cp $s/societes.csv "$e/"
	head -3 $s/salaries.csv >"$e/salaries.csv"
}
# run WHAT ARGS...: parcours import ARGS -o T/out.
run() {
	echo "== $1"
	shift
	rm -rf "$t/out"
	"$P" import "$@" -o "$t/out" >"$t/log" 2>&1
	echo "exit $?"
	sed "s|$t|T|g" "$t/log"
}
export_dir a
printf '\377\376m\000a\000\n\000' >"$t/a/absences.csv"
run "a UTF-16 file" "$t/a"
export_dir b
printf 'matricule;motif\nE0042;si\000ck\n' >"$t/b/absences.csv"
run "a NUL byte" "$t/b"
export_dir c
printf 'matricule;motif\nE0042;\201\n' >"$t/c/absences.csv"
run "a byte Windows-1252 does not define" "$t/c"
export_dir d
printf '\357\273\277matricule;motif\nE0042;\351t\351\n' >"$t/d/absences.csv"
run "a BOM that says UTF-8 over Windows-1252" "$t/d"
export_dir e
: >"$t/e/absences.csv"
run "an empty file" "$t/e"
export_dir f
head -1 $s/absences.csv >"$t/f/absences.csv"
echo "E0042;sick;02/02/2026;06/02/2026;extra" >>"$t/f/absences.csv"
run "a row longer than its header" "$t/f"
export_dir g
cp "$t/g/salaries.csv" "$t/g/notes.csv"
run "a file whose name says nothing" "$t/g"
export_dir h
cp "$t/h/salaries.csv" "$t/h/employees.csv"
run "two employees files" "$t/h"
mkdir -p "$t/i"
cp $s/absences.csv "$t/i/"
run "no employees file" "$t/i"
export_dir j
{ head -1 $s/salaries.csv | sed 's/;ville;/;ville;ville;/'
  sed -n 2p $s/salaries.csv | sed 's/;Orléans;/;Orléans;Orléans;/'; } \
	>"$t/j/salaries.csv"
run "a column given twice" "$t/j"
export_dir k
run "a --map that cannot be read" --map "$t/none.csv" "$t/k"
printf 'a,b,c\n' >"$t/map3.csv"
run "a --map row of three fields" --map "$t/map3.csv" "$t/k"
printf 'a,b"c\n' >"$t/mapq.csv"
run "a --map row with a stray quote" --map "$t/mapq.csv" "$t/k"
