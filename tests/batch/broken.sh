#!/bin/sh
# One dossier the reader refuses and two the workers cannot finish, among
# good ones (tests/batch/broken.xml and a sample file): every good
# dossier gets exactly the documents a run without the broken ones
# writes, the summary names each failed dossier with its file and line,
# the exit status is 1, and verify passes.  Prints the summary.
#
# usage: tests/batch/broken.sh PARCOURS
parcours=$1
. "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
"$parcours" all -q -j 2 --as-of $asof -o "$tmp/o" "$here/broken.xml" \
	samples/01-transports-martin.xml 2>"$tmp/err"
st=$?
[ $st -eq 1 ] || fail "exit status $st, expected 1: $(cat "$tmp/err")"
ok "exit status 1"
grep ': note: ' "$tmp/err"

# The same run without the broken dossiers.
mkdir "$tmp/in"
awk '/<dossier id="(BAD-DATE|NO-ADDR|NO-GLYPH)"/ { skip = 1 }
     !skip { print } /<\/dossier>/ { skip = 0 }' "$here/broken.xml" \
	>"$tmp/in/good.xml"
"$parcours" all -q -j 2 --as-of $asof -o "$tmp/good" "$tmp/in/good.xml" \
	samples/01-transports-martin.xml || fail "the good run exited $?"
awk -F, 'NR > 1 && $4 != ""' "$tmp/o/manifest.csv" >"$tmp/got"
awk -F, 'NR > 1 && $4 != ""' "$tmp/good/manifest.csv" >"$tmp/want"
[ -s "$tmp/want" ] || fail "the good run wrote nothing"
cmp -s "$tmp/got" "$tmp/want" ||
	fail "the good dossiers' documents differ: $(diff "$tmp/want" "$tmp/got" | head -5)"
ok "every good dossier has the documents of a run without the broken ones"

for id in BAD-DATE NO-ADDR NO-GLYPH; do
	[ -e "$tmp/o/$id" ] && fail "$id has files: $(ls "$tmp/o/$id")"
done
ok "the failed dossiers have no files"
"$parcours" verify "$tmp/o" >"$tmp/out" 2>&1 || fail "verify: $(cat "$tmp/out")"
ok "verify passes"
