#!/bin/sh
# What a run claims about its output directory, with another run around:
#   - a rerun with another --as-of, killed mid-way over a complete run,
#     leaves no manifest behind (the earlier one goes before anything
#     changes), so the directory is never taken as complete; a rerun
#     completes and verifies;
#   - two runs into one directory: the second refuses at once, naming the
#     directory, exit 3; the first completes and verifies; a run without
#     --shard and a shard exclude each other too.
#
# usage: tests/batch/archive.sh PARCOURS
parcours=$1
. "$(dirname "$0")/lib.sh"
python3 bench/gen-dossiers.py --seed 5 --per-file 10 120 "$tmp/in" ||
	fail "gen-dossiers.py exited $?"
o=$tmp/o
"$parcours" all -q -j 2 --as-of $asof -o "$o" "$tmp/in" || fail "all exited $?"

setsid "$parcours" all -q -j 2 --as-of 2027-03-01 -o "$o" "$tmp/in" 2>/dev/null &
pid=$!
workers 1 $pid
kill -KILL -$pid
{ wait $pid; } 2>/dev/null
# The workers hold the lock until they are gone too.
while pgrep -g $pid >/dev/null; do sleep 0.02; done
[ -e "$o/manifest.csv" ] && fail "the earlier manifest is still there after a killed rerun"
"$parcours" verify "$o" >/dev/null 2>&1 && fail "verify passes after a killed rerun"
ok "a rerun with another --as-of killed mid-way: no manifest left, verify fails"
"$parcours" all -q -j 2 --as-of 2027-03-01 -o "$o" "$tmp/in" 2>"$tmp/err" ||
	fail "the rerun exited $?: $(head -3 "$tmp/err")"
"$parcours" verify "$o" >"$tmp/out" 2>&1 || fail "verify: $(head -3 "$tmp/out")"
ok "the next rerun completes: verify passes"

# Two runs at once.
"$parcours" all -q -j 1 --as-of $asof -o "$o" "$tmp/in" 2>"$tmp/err1" &
pid=$!
workers 1 $pid
for second in "" "--shard 1/2"; do
	timeout 10 "$parcours" all -q -j 1 --as-of $asof $second -o "$o" \
		"$tmp/in" >"$tmp/out" 2>&1
	st=$?
	[ $st -eq 3 ] || fail "a second run ${second:+($second) }exits $st, expected 3"
	grep -q "^parcours: $o: system error: another parcours all is writing into this directory" \
		"$tmp/out" || fail "the second run does not say why: $(cat "$tmp/out")"
done
wait $pid || fail "the first run exited $?: $(cat "$tmp/err1")"
"$parcours" verify "$o" >"$tmp/out" 2>&1 || fail "verify: $(head -3 "$tmp/out")"
ok "two runs into one directory: the second exits 3 at once naming it; the first completes and verifies"
