#!/bin/sh
# `make check-valgrind`: batches under valgrind's memcheck, which sees
# what the sanitizers cannot (uninitialised reads in libxml2, libharu and
# libzip callbacks) on the real, optimised build.  Runs `all` on
# samples/ (every document of every kind, the CSV files, the manifest),
# `all` on the hostile corpus (every refusal path) and `validate` on
# samples/invalid/; each process, forked workers included, must end with
# no error and no leak (definite or possible).
#
# usage: [PARCOURS=build/parcours] tests/hostile/valgrind.sh
set -u
cd "$(dirname "$0")/../.."
PARCOURS=${PARCOURS:-build/parcours}
command -v valgrind >/dev/null || {
	echo "check-valgrind: valgrind is not installed (make deps)" >&2
	exit 2
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A leak of libhyphen's own, not ours (the file says which).
supp=$PWD/tests/hostile/libhyphen.supp
failed=0

# vg NAME EXPECTED-STATUS ARGS...: parcours ARGS under memcheck.
vg() {
	name=$1 want=$2
	shift 2
	mkdir "$tmp/$name"
	valgrind --tool=memcheck --leak-check=full --error-exitcode=99 \
		--suppressions="$supp" \
		--errors-for-leak-kinds=definite,possible --track-origins=yes \
		--log-file="$tmp/$name/vg.%p" \
		"$PARCOURS" "$@" >"$tmp/$name/out" 2>&1
	got=$?
	bad=$(grep -L 'ERROR SUMMARY: 0 errors' "$tmp/$name"/vg.*)
	if [ -n "$bad" ] || [ "$got" -ne "$want" ]; then
		echo "FAIL valgrind $name: exit status $got (expected $want)"
		for f in $bad; do sed -n '/^==[0-9]*== [A-Z]/,$p' "$f" |
			head -60; done
		tail -5 "$tmp/$name/out"
		failed=1
	else
		echo "ok valgrind $name:" \
			"$(ls "$tmp/$name"/vg.* | wc -l) processes clean"
	fi
}

asof="--as-of 2026-11-26"
# shellcheck disable=SC2086 # asof is two words
vg all-samples 0 all -q -j 2 $asof -o "$tmp/out-samples" samples/
# shellcheck disable=SC2086
vg all-hostile 1 all -q -j 2 $asof -o "$tmp/out-hostile" tests/hostile/cases
# shellcheck disable=SC2086
vg validate-invalid 1 validate $asof samples/invalid/
[ "$failed" -eq 0 ] && echo "check-valgrind: every process clean"
exit "$failed"
