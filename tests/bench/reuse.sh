#!/bin/sh
# What the speed-ups of bench/README.md keep: every document is the same
# bytes whatever was rendered before it in the process, so a font
# program served from pdf_embed.c's cache or a styles.xml head made once
# by odt.c is the one that would have been made afresh.
#   - notice, report, report --blank, recap and letters on all the
#     samples in one process (caches warm), then on each sample file
#     alone in reverse order (caches cold): the same files, byte for
#     byte;
#   - all with -j 1 and with -j 2 (workers with caches of their own):
#     the same manifest digests.
# Prints one "ok" line per property, or FAIL and exits 1.
#
# usage: tests/bench/reuse.sh PARCOURS
parcours=$1
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
asof=2026-11-26

fail() {
	echo "FAIL $*"
	exit 1
}

files=$(ls samples/*.xml)
reversed=$(ls samples/*.xml | sort -r)
for cmd in notice report "report --blank" recap letters; do
	name=$(echo "$cmd" | tr -d ' -')
	# shellcheck disable=SC2086
	"$parcours" $cmd -q --as-of $asof -o "$tmp/warm-$name" $files \
		>"$tmp/log" 2>&1 || fail "$cmd on every sample: $(head -3 "$tmp/log")"
	for f in $reversed; do
		# shellcheck disable=SC2086
		"$parcours" $cmd -q --as-of $asof -o "$tmp/cold-$name" "$f" \
			>"$tmp/log" 2>&1 || fail "$cmd on $f: $(head -3 "$tmp/log")"
	done
	n=$(find "$tmp/warm-$name" -type f | wc -l)
	[ "$n" -gt 0 ] || fail "$cmd wrote nothing"
	diff -r "$tmp/warm-$name" "$tmp/cold-$name" >"$tmp/diff" 2>&1 ||
		fail "$cmd: files differ with caches warm and cold: $(head -3 "$tmp/diff")"
	echo "ok $cmd: $n files the same with caches warm and cold"
done

for j in 1 2; do
	"$parcours" all -q -j $j --as-of $asof -o "$tmp/all-$j" samples/ \
		>"$tmp/log" 2>&1 || fail "all -j $j: $(head -3 "$tmp/log")"
	cut -d, -f1,2 "$tmp/all-$j/manifest.csv" | sort >"$tmp/digests-$j"
done
cmp -s "$tmp/digests-1" "$tmp/digests-2" ||
	fail "all -j 1 and -j 2 wrote different files"
echo "ok all -j 1 and -j 2: $(($(wc -l <"$tmp/digests-1") - 1)) files, the same digests"
