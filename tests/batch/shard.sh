#!/bin/sh
# --shard K/N: three shards run at once into one directory (as machines
# sharing a volume would) each write their dossiers and their own
# run-wide files; together they write exactly what one run writes; the
# README's recipe combines their manifests into one that verify accepts.
# A shard alone in its own directory verifies too.
#
# usage: tests/batch/shard.sh PARCOURS
parcours=$1
. "$(dirname "$0")/lib.sh"
run() {
	"$parcours" all -q -j 1 --as-of $asof "$@" samples/
}
run -o "$tmp/one" || fail "the unsharded run exited $?"

s=$tmp/shared
pids=
for k in 1 2 3; do
	run --shard $k/3 -o "$s" &
	pids="$pids $!"
done
for p in $pids; do
	wait $p || fail "a shard exited $?"
done
for k in 1 2 3; do
	for f in manifest status recap stats; do
		[ -f "$s/$f-$k-of-3.csv" ] || fail "no $f-$k-of-3.csv"
	done
done
[ -e "$s/manifest.csv" ] && fail "a shard wrote manifest.csv"
ok "three shards at once in one directory: each its own manifest and CSVs"

# Every dossier in exactly one shard, written as the single run writes it.
for k in 1 2 3; do
	awk -F, 'NR > 1 && $4 != ""' "$s/manifest-$k-of-3.csv"
done | sort >"$tmp/sharded"
awk -F, 'NR > 1 && $4 != ""' "$tmp/one/manifest.csv" | sort >"$tmp/single"
cmp -s "$tmp/sharded" "$tmp/single" ||
	fail "the shards' documents differ from one run's: $(diff "$tmp/single" "$tmp/sharded" | head -4)"
for k in 1 2 3; do
	n=$(awk -F, 'NR > 1 && $4 != ""' "$s/manifest-$k-of-3.csv" | wc -l)
	[ "$n" -gt 0 ] || fail "shard $k of 3 has no document"
done
ok "together the shards write each dossier once, as one run does"

# The README's recipe: one header, then every shard's rows.
{
	head -n 1 "$s/manifest-1-of-3.csv"
	tail -n +2 -q "$s"/manifest-*-of-3.csv
} >"$s/manifest.csv.new" && rm "$s"/manifest-*-of-3.csv &&
	mv "$s/manifest.csv.new" "$s/manifest.csv"
"$parcours" verify "$s" >"$tmp/out" 2>&1 || fail "verify: $(head -5 "$tmp/out")"
ok "the combined manifest verifies"

# stats: the shards' figures add up to one run's (the README's awk).
awk -F, 'FNR == 1 { next } !($1 in sum) { order[++n] = $1 }
	{ sum[$1] += $2 } END { print "metric,value"
	for (i = 1; i <= n; i++) print order[i] "," sum[order[i]] }' \
	"$s"/stats-*-of-3.csv | cmp -s - "$tmp/one/stats.csv" ||
	fail "the shards' stats do not add up to one run's"
ok "the shards' stats.csv add up to one run's"

run --shard 2/3 -o "$tmp/alone" || fail "shard 2 alone exited $?"
"$parcours" verify "$tmp/alone/manifest-2-of-3.csv" >"$tmp/out" 2>&1 ||
	fail "verify of a lone shard: $(head -5 "$tmp/out")"
ok "a shard in its own directory verifies"
