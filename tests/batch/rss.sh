#!/bin/sh
# Peak memory of `parcours all` does not grow with the batch: runs it on
# 1 000 and on 10 000 dossiers from bench/gen-dossiers.py (seed 1) and
# compares the peak resident set sizes that GNU time reports (the largest
# of the parent's and its workers').  Fails when the bigger batch needs
# 20 % more or worse.  With --one-file, each batch is a single file, as
# HR systems export a campaign, and the 10 000 must stay under 64 MiB (the
# reader streams them; the ids of the run still grow with it).  verify
# of the 10 000 stays under 64 MiB too.  Not part of `make check`: it
# writes about 8 GB and takes minutes.
#
# usage: tests/batch/rss.sh PARCOURS [WORKDIR] [--one-file]
set -u
parcours=$1
work=${2:-$(mktemp -d)}
one_file=${3:-}
per_file=
[ "$one_file" = --one-file ] && per_file=yes
[ -x /usr/bin/time ] || { echo "FAIL /usr/bin/time is missing (apt-get install time)"; exit 1; }
peak() {
	rm -rf "$work/out"
	/usr/bin/time -v "$parcours" all -q --as-of 2026-11-26 -o "$work/out" \
		"$work/in-$1" 2>"$work/time-$1" ||
		{ echo "FAIL all on $1 dossiers: $(tail -5 "$work/time-$1")"; exit 1; }
	awk '/Maximum resident set size/ { print $NF }' "$work/time-$1"
}
for n in 1000 10000; do
	[ -d "$work/in-$n" ] ||
		python3 "$(dirname "$0")/../../bench/gen-dossiers.py" --seed 1 \
			${per_file:+--per-file $n} $n "$work/in-$n"
done
small=$(peak 1000)
docs_small=$(($(wc -l <"$work/out/manifest.csv") - 1))
big=$(peak 10000)
docs_big=$(($(wc -l <"$work/out/manifest.csv") - 1))
/usr/bin/time -v "$parcours" verify "$work/out" >/dev/null 2>"$work/time-verify" ||
	{ echo "FAIL verify on 10 000: $(tail -5 "$work/time-verify")"; exit 1; }
verify=$(awk '/Maximum resident set size/ { print $NF }' "$work/time-verify")
pct=$(awk -v a="$small" -v b="$big" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
echo "1 000 dossiers ($docs_small files): peak RSS $small kB"
echo "10 000 dossiers ($docs_big files): peak RSS $big kB"
echo "growth: $pct %"
echo "verify of the 10 000: peak RSS $verify kB"
# verify reads the manifest three times rather than holding it.
[ "$verify" -lt 65536 ] || { echo "FAIL verify of 10 000 dossiers: $verify kB, not under 64 MiB"; exit 1; }
if [ -n "$per_file" ]; then
	# One file: what grows is the run's memory of every dossier id (for
	# duplicates across files), some bytes a dossier; the bound is 64 MiB.
	[ "$big" -lt 65536 ] || { echo "FAIL one file of 10 000 dossiers: $big kB, not under 64 MiB"; exit 1; }
	echo "ok one file of 10 000 dossiers under 64 MiB"
	exit 0
fi
awk -v p="$pct" 'BEGIN { exit !(p < 20) }' || { echo "FAIL growth of 20 % or more"; exit 1; }
echo "ok peak memory flat within 20 %"
