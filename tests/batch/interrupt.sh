#!/bin/sh
# Runs that are cut short never leave a partial file under a final name,
# and the next run completes the job:
#   - SIGKILL to the whole process group mid-way: every PDF ends with
#     %%EOF, every ODT is a whole zip, no manifest; a rerun verifies and
#     leaves no temporary file;
#   - SIGTERM to the parent: the workers finish the document in hand,
#     exit status 3, no temporary file, no manifest; a rerun verifies;
#   - SIGKILL to one worker: its chunk's dossiers are reported failed,
#     the others are written, exit status 1, and verify passes.
# The batch comes from bench/gen-dossiers.py, big enough to be mid-way
# when the signal comes.
#
# usage: tests/batch/interrupt.sh PARCOURS
parcours=$1
. "$(dirname "$0")/lib.sh"
python3 bench/gen-dossiers.py --seed 3 --per-file 10 160 "$tmp/in" ||
	fail "gen-dossiers.py exited $?"
"$parcours" validate -q --as-of $asof "$tmp/in" >/dev/null 2>&1 ||
	fail "the generated dossiers are not valid"

# start DIR: runs all in the background, in a process group of its own.
start() {
	setsid "$parcours" all -q -j 2 --as-of $asof -o "$1" "$tmp/in" \
		2>"$tmp/err" &
	pid=$!
}

# wait_for N DIR: until DIR holds N PDFs (10 s at most).
wait_for() {
	i=0
	while [ "$(find "$2" -name '*.pdf' 2>/dev/null | wc -l)" -lt "$1" ]; do
		i=$((i + 1))
		[ $i -gt 400 ] && fail "no $1 PDFs after 10 s"
		kill -0 $pid 2>/dev/null || fail "the run ended before the signal"
		sleep 0.025
	done
}

# finished DIR: the rerun completes and verifies, nothing temporary left.
finished() {
	"$parcours" all -q -j 2 --as-of $asof -o "$1" "$tmp/in" ||
		fail "rerun exited $?"
	"$parcours" verify "$1" >"$tmp/out" 2>&1 || fail "verify: $(head -5 "$tmp/out")"
	[ -z "$(temps "$1")" ] || fail "temporary files left: $(temps "$1" | head -3)"
}

# 1. SIGKILL to everything.
o=$tmp/killed
start "$o"
wait_for 60 "$o"
kill -KILL -$pid
# The shell would say "Killed": that is what we did.
{ wait $pid; } 2>/dev/null
[ -e "$o/manifest.csv" ] && fail "a manifest after SIGKILL mid-way"
bad=$(partial_files "$o")
[ -z "$bad" ] || fail "partial file under a final name: $bad"
ok "SIGKILL to the process group mid-way: no partial file, no manifest"
finished "$o"
ok "after SIGKILL, a rerun completes: verify passes, no temporary file"

# 2. SIGTERM to the parent alone.
o=$tmp/term
start "$o"
wait_for 60 "$o"
kill -TERM $pid
wait $pid
st=$?
[ $st -eq 3 ] || fail "exit status $st after SIGTERM, expected 3"
grep -q "interrupted by signal 15" "$tmp/err" ||
	fail "no word of the interruption: $(cat "$tmp/err")"
[ -e "$o/manifest.csv" ] && fail "a manifest after SIGTERM"
[ -z "$(temps "$o")" ] || fail "temporary files after SIGTERM: $(temps "$o" | head -3)"
bad=$(partial_files "$o")
[ -z "$bad" ] || fail "partial file under a final name: $bad"
ok "SIGTERM: exit status 3, workers stop cleanly, no temporary file, no manifest"
finished "$o"
ok "after SIGTERM, a rerun completes: verify passes"

# 3. SIGKILL to one worker: the run goes on without its chunk.
o=$tmp/worker
start "$o"
wait_for 20 "$o"
w=$(pgrep -P $pid | head -n 1)
[ -n "$w" ] || fail "no worker to kill"
kill -KILL "$w"
wait $pid
st=$?
[ $st -eq 1 ] || fail "exit status $st after a worker's death, expected 1"
grep -q 'killed by signal 9 before the dossier was done' "$tmp/err" ||
	fail "the summary does not say why: $(grep note "$tmp/err" | head -3)"
"$parcours" verify "$o" >"$tmp/out" 2>&1 || fail "verify: $(head -5 "$tmp/out")"
[ -z "$(temps "$o")" ] || fail "temporary files left: $(temps "$o" | head -3)"
# Against the complete run of part 1: each dossier is written exactly as
# there, or reported failed, never both.
dossiers() {
	awk -F, 'NR > 1 && $4 != "" && !s[$4]++ { print $4 }' "$1" | sort
}
dossiers "$o/manifest.csv" >"$tmp/listed"
dossiers "$tmp/killed/manifest.csv" >"$tmp/all"
sed -n 's/.*note: dossier "\([^"]*\)": its worker process was killed.*/\1/p' \
	"$tmp/err" | sort >"$tmp/failed"
[ -s "$tmp/failed" ] || fail "no dossier reported failed"
[ -z "$(comm -12 "$tmp/listed" "$tmp/failed")" ] ||
	fail "dossiers both written and failed: $(comm -12 "$tmp/listed" "$tmp/failed")"
sort -m "$tmp/listed" "$tmp/failed" | comm -13 - "$tmp/all" >"$tmp/lost"
[ -s "$tmp/lost" ] && fail "dossiers neither written nor failed: $(head -3 "$tmp/lost")"
awk -F, 'NR > 1 && $4 != ""' "$o/manifest.csv" | sort >"$tmp/rows"
awk -F, 'NR > 1 && $4 != ""' "$tmp/killed/manifest.csv" | sort |
	comm -23 "$tmp/rows" - >"$tmp/odd"
[ -s "$tmp/odd" ] && fail "documents unlike the complete run's: $(head -3 "$tmp/odd")"
ok "SIGKILL to one worker: its dossiers reported failed, the others written as in a complete run, exit 1, verify passes"
