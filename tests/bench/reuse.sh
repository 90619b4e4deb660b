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

# run CMD OUT FILE...: parcours CMD into OUT, or FAIL with its messages.
run() {
	cmd=$1 out=$2
	shift 2
	# shellcheck disable=SC2086
	"$parcours" $cmd -q --as-of $asof -o "$out" "$@" >"$tmp/log" 2>&1 ||
		fail "$cmd: $(head -3 "$tmp/log")"
}

files=$(ls samples/*.xml)
reversed=$(ls samples/*.xml | sort -r)
for cmd in notice report "report --blank" recap letters; do
	name=$(echo "$cmd" | tr -d ' -')
	# shellcheck disable=SC2086
	run "$cmd" "$tmp/warm-$name" $files
	for f in $reversed; do
		run "$cmd" "$tmp/cold-$name" "$f"
	done
	n=$(find "$tmp/warm-$name" -type f | wc -l)
	[ "$n" -gt 0 ] || fail "$cmd wrote nothing"
	diff -r "$tmp/warm-$name" "$tmp/cold-$name" >"$tmp/diff" 2>&1 ||
		fail "$cmd: not the same with caches warm and cold:" \
			"$(head -3 "$tmp/diff")"
	echo "ok $cmd: $n files the same with caches warm and cold"
done

for j in 1 2; do
	run "all -j $j" "$tmp/all-$j" samples/
	cut -d, -f1,2 "$tmp/all-$j/manifest.csv" | sort >"$tmp/digests-$j"
done
cmp -s "$tmp/digests-1" "$tmp/digests-2" ||
	fail "all -j 1 and -j 2 wrote different files"
n=$(($(wc -l <"$tmp/digests-1") - 1))
echo "ok all -j 1 and -j 2: $n files, the same digests"
