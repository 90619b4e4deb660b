#!/bin/sh
# verify's refusals that no run of `all` leaves behind, each from a
# directory made here: an empty manifest, another CSV, a malformed row,
# listed paths that are no file of the directory, a sealed manifest whose
# seal cannot be read, bad arguments.  Prints each run's messages and exit
# status, the temporary directory shown as T (tests/golden.d/messages.sh).
#
# usage: sh tests/msg/verify.sh PARCOURS
set -u
P=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
# run WHAT ARGS...: parcours verify ARGS, its output and status.
run() {
	echo "== $1"
	shift
	"$P" verify "$@" >"$t/out" 2>&1
	st=$?
	sed "s|$t|T|g" "$t/out"
	echo "exit $st"
}
header=path,sha256,bytes,dossier,document,reference_date
# dir NAME LINES...: T/NAME holding a.pdf ("x") and a manifest of LINES.
dir() {
	d=$t/$1
	shift
	mkdir -p "$d"
	printf x >"$d/a.pdf"
	: >"$d/manifest.csv"
	for l in "$@"; do printf '%s\n' "$l" >>"$d/manifest.csv"; done
}
sum=$(printf x | sha256sum | cut -c1-64)
row() { echo "$1,$sum,1,E1,notice,2026-01-01"; }

dir empty
run "an empty manifest" "$t/empty"
dir other "name,age"
run "a CSV that is no manifest" "$t/other"
dir malformed $header "$(row a.pdf)" "a.pdf,not-a-sum"
run "a malformed row" "$t/malformed"
dir nul $header
printf '%s\0\n' "$(row a.pdf)" >>"$t/nul/manifest.csv"
run "a NUL byte in a row" "$t/nul"

long=$(printf '%0300d' 0)
deep=$(printf 'd/%.0s' $(seq 1 2100))x.pdf
dir paths $header "$(row a.pdf)" "$(row ../a.pdf)" "$(row sub)" \
	"$(row link/a.pdf)" "$(row "$long.pdf")" "$(row "$deep")"
mkdir "$t/paths/sub"
ln -s . "$t/paths/link"
run "listed paths that are no file of the directory" "$t/paths"

# What verify says comes in one order: the manifest against --expect,
# then its rows (one malformed: no file is checked), or else each listed
# file in the manifest's order, then the files it does not list.
dir order $header "$(row b.pdf)" "$(row a.pdf)" "a.pdf,not-a-sum"
run "--expect and a malformed row" --expect "$sum" "$t/order"
dir order $header "$(row b.pdf)" "$(row a.pdf)" "$(row c/a.pdf)"
printf y >"$t/order/a.pdf"
mkdir "$t/order/c" "$t/order/d"
printf x >"$t/order/d/z.pdf"
printf x >"$t/order/0.pdf"
run "missing, changed and unlisted files" "$t/order"

dir sealed $header "$(row a.pdf)"
mkdir "$t/sealed/manifest.csv.p7s"
run "a seal that cannot be read" "$t/sealed"

dir big
truncate -s 300M "$t/big/manifest.csv"
run "a manifest larger than a run writes" "$t/big"

# The walk holds a descriptor per level: with 64 of them, 40 levels
# are too deep to check.
dir nested $header "$(row a.pdf)"
mkdir -p "$t/nested/$(printf 'n/%.0s' $(seq 1 40))"
echo "== directories nested deeper than the descriptors"
(ulimit -n 64 && exec "$P" verify "$t/nested") >"$t/out" 2>&1
st=$?
sed "s|$t|T|g" "$t/out"
echo "exit $st"

run "no directory" "$t/none"
run "a manifest's name longer than a file name" "$t/$long$long"
run "two arguments" "$t/empty" "$t/other"
