#!/bin/sh
# Golden tests: runs parcours on each case and compares with the expected
# output kept beside it.  PARCOURS names the binary (default
# build/parcours).  ONLY=GLOB runs only the cases whose name matches
# (ONLY='rules-*').  With UPDATE=1, rewrites the goldens of the cases run
# instead: always with ONLY, so that nobody else's goldens change.  Each tests/golden.d/*.sh adds its cases by
# calling `case_run NAME EXPECTED_FILE EXPECTED_STATUS CMD...`.
set -u
cd "$(dirname "$0")/.."
PARCOURS=${PARCOURS:-build/parcours}
export PARCOURS
if [ "${UPDATE:-0}" = 1 ] && [ -z "${ONLY:-}" ]; then
	echo "golden.sh: UPDATE=1 needs ONLY=GLOB naming the cases to rewrite" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# case_run NAME GOLDEN STATUS CMD...: stdout and stderr together against
# GOLDEN, and the exit status against STATUS.
case_run() {
	name=$1 golden=$2 want=$3
	shift 3
	case $name in ${ONLY:-*}) ;; *) return 0 ;; esac
	"$@" >"$tmp/out" 2>&1
	got=$?
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$tmp/out" "$golden"
	fi
	if [ "$got" != "$want" ]; then
		echo "FAIL $name: exit status $got, expected $want"
		sed 's/^/  | /' "$tmp/out" | head -20
		fail=$((fail + 1))
	elif ! diff -u "$golden" "$tmp/out" >"$tmp/diff" 2>&1; then
		echo "FAIL $name: output differs from $golden"
		head -40 "$tmp/diff"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

for part in tests/golden.d/*.sh; do
	[ -f "$part" ] && . "$part"
done

echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
