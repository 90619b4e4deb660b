#!/bin/sh
# The calendar invitations beside convocation letters: every .ics that
# `all` writes on samples/ (with and without --organizer) parses with
# Python's icalendar and passes libical's restriction check; each is in
# the manifest; the bytes are the same at a second run; and the times
# are right on both sides of the daylight-saving changes.
set -u
P=$1
CHECK=$2
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for org in "" "--organizer rh@example.org"; do
	echo "== all samples/ ${org:-(no organizer)}"
	$P all -q -j 2 --as-of 2026-11-26 $org samples/ -o "$tmp/a" || exit 1
	find "$tmp/a" -name '*.ics' | sort >"$tmp/list"
	echo "$(wc -l <"$tmp/list") invitations," \
		"$(grep -c ',calendar-convocation,' "$tmp/a/manifest.csv")" \
		"in the manifest as calendar-convocation"
	$CHECK $(cat "$tmp/list") >"$tmp/check" || { cat "$tmp/check"; exit 1; }
	echo "libical: $(grep -c '^ok ' "$tmp/check") pass the restriction check"
	$PY tests/ics/check.py --summary $(cat "$tmp/list") || exit 1
	grep -h '^METHOD' $(cat "$tmp/list") | sort | uniq -c
	$P verify -q "$tmp/a" | sed "s|$tmp/||"
	$P all -q -j 1 --as-of 2026-11-26 $org samples/ -o "$tmp/b" || exit 1
	for f in $(cat "$tmp/list"); do
		cmp -s "$f" "$tmp/b/${f#"$tmp/a/"}" || echo "differs: $f"
	done
	rm -rf "$tmp/a" "$tmp/b"
done
echo "== daylight saving (tests/ics/dst.xml)"
$P letters -q --as-of 2027-04-01 --organizer rh@example.org \
	tests/ics/dst.xml -o "$tmp/d" || exit 1
$PY tests/ics/check.py "$tmp"/d/*/*.ics
$CHECK -t "$tmp"/d/*/*.ics | sed "s|$tmp/d/DST-01/||"
