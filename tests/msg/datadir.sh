#!/bin/sh
# A broken installation, as PARCOURS_DATADIR names it (paths.c): no data
# directory beside a copy of the program, then a schema that is no XML,
# has no <start>, does not compile.  Each run's messages and exit
# status, the temporary directory shown as T (tests/golden.d/messages.sh).
#
# usage: sh tests/msg/datadir.sh PARCOURS
set -u
P=$1
case $P in /*) ;; *) P=$PWD/$P ;; esac
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp tests/cases/messages/not-allowed-here.xml "$t/d.xml"
# run WHAT: validate d.xml with the data directory T/data.
run() {
	echo "== $1"
	(cd "$t" && PARCOURS_DATADIR=$t/data "$P" validate --as-of 2026-11-26 \
		d.xml) >"$t/out" 2>&1
	st=$?
	sed "s|$t|T|g" "$t/out"
	echo "exit $st"
}
mkdir -p "$t/bin" "$t/data/schema"
cp "$P" "$t/bin/parcours"
echo "== no data directory beside the program"
(cd "$t" && PARCOURS_DATADIR= bin/parcours validate d.xml) >"$t/out" 2>&1
echo "exit $? $(sed "s|$t|T|g; s|in /.*|in PARCOURS_DATADIR|" "$t/out")"
echo "<grammar" >"$t/data/schema/dossier.rng"
run "a schema that is no XML"
echo '<grammar xmlns="http://relaxng.org/ns/structure/1.0"/>' \
	>"$t/data/schema/dossier.rng"
run "a schema without <start>"
cat >"$t/data/schema/dossier.rng" <<'RNG'
<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><ref name="nowhere"/></start>
</grammar>
RNG
run "a schema that does not compile"
