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
	"$parcours" all -q -j 2 --as-of $asof -o "$1" "$tmp/in" >/dev/null ||
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
# The workers hold the directory's lock until they are gone too.
while pgrep -g $pid >/dev/null; do sleep 0.02; done
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

# 3. SIGKILL to one worker (the OOM killer does it), over a directory
# holding a complete earlier run: a system error, the run stops; nothing
# of the earlier run is lost or changed, no manifest claims the
# directory complete; a rerun completes, as the earlier run did.
o=$tmp/worker
cp -a "$tmp/killed" "$o"
(cd "$o" && find . -type f ! -name manifest.csv | sort | xargs sha256sum) \
	>"$tmp/before"
start "$o"
# Its files exist already: wait for the second worker instead.
workers 2 $pid
w=$(pgrep -P $pid | tail -n 1)
kill -KILL "$w"
wait $pid
st=$?
[ $st -eq 3 ] || fail "exit status $st after a worker's death, expected 3"
grep -q 'a worker process was killed by signal 9' "$tmp/err" ||
	fail "no word of the worker's death: $(cat "$tmp/err")"
[ -e "$o/manifest.csv" ] && fail "a manifest after a worker's death"
"$parcours" verify "$o" >"$tmp/out" 2>&1 && fail "verify passes without a manifest"
(cd "$o" && sha256sum --quiet -c "$tmp/before") >"$tmp/out" 2>&1 ||
	fail "earlier files lost or changed: $(head -3 "$tmp/out")"
# (The killed worker's temporary files stay until the rerun sweeps them.)
ok "SIGKILL to one worker: exit 3, no manifest, every earlier file still there, byte for byte"
finished "$o"
cmp -s "$o/manifest.csv" "$tmp/killed/manifest.csv" ||
	fail "the rerun's manifest differs from the complete run's"
ok "after a worker's death, a rerun completes: verify passes, the manifest is the complete run's"

# 4. SIGXFSZ at its default action (ulimit -f): the same system error
# for the worker that meets the limit, not the death of the run.
o=$tmp/xfsz
(ulimit -f 200 && exec "$parcours" all -q -j 2 --as-of $asof -o "$o" \
	"$tmp/in") >"$tmp/out" 2>&1
st=$?
[ $st -eq 3 ] || fail "exit status $st past ulimit -f, expected 3: $(head -3 "$tmp/out")"
grep -q ' error: .*\(File too large\|room\)' "$tmp/out" ||
	fail "no word of the file-size limit: $(head -3 "$tmp/out")"
[ -e "$o/manifest.csv" ] && fail "a manifest past ulimit -f"
bad=$(partial_files "$o")
[ -z "$bad" ] || fail "partial file under a final name: $bad"
ok "past ulimit -f with SIGXFSZ at its default: exit 3 naming the error, no manifest, no partial file"
