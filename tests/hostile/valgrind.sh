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
vg import-export 0 import -q -o "$tmp/out-import" samples/export/
vg letters-invitations 0 letters -q $asof --organizer rh@example.org \
	-o "$tmp/out-letters" samples/
# The generated inputs of the reader's byte checks and of the glyph
# check (encodings, attributes, namespaces, a script without glyphs).
mkdir "$tmp/gen"
for g in encoding-utf16 encoding-latin1 encoding-ebcdic many-attributes \
	many-namespaces reserved-ids validate-glyph; do
	sh "tests/hostile/cases/$g.gen" "$tmp/gen/$g.xml" || failed=1
done
cp tests/hostile/base.xml "$tmp/gen/base.xml"
# shellcheck disable=SC2086
vg validate-generated 1 validate $asof "$tmp/gen"
# verify over a tampered directory: a link out of it, a FIFO, a sparse
# file, a deep tree, a control character in a listed path.
o=$tmp/out-samples
pdf=$(awk -F, 'NR == 2 { print $1 }' "$o/manifest.csv")
rm "$o/$pdf" && ln -s /etc/passwd "$o/$pdf"
pdf=$(awk -F, 'NR == 3 { print $1 }' "$o/manifest.csv")
rm "$o/$pdf" && mkfifo "$o/$pdf"
pdf=$(awk -F, 'NR == 4 { print $1 }' "$o/manifest.csv")
rm "$o/$pdf" && truncate -s 1T "$o/$pdf"
mkdir -p "$o/x/x/x/x/x/x/x/x/x/x/x/x" && : >"$o/x/x/x/x/x/x/x/x/x/x/x/x/f"
printf 'a\033[2J.pdf,%064d,1,,report,2026-11-26\n' 0 >>"$o/manifest.csv"
vg verify-tampered 1 verify "$o"
[ "$failed" -eq 0 ] && echo "check-valgrind: every process clean"
exit "$failed"
