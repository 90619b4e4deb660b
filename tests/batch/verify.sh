#!/bin/sh
# verify after `parcours all`: one changed byte, a deleted file or an
# added one each make it exit non-zero naming the file; put back, it
# passes again.
#
# usage: tests/batch/verify.sh PARCOURS
parcours=$1
. "$(dirname "$0")/lib.sh"
o=$tmp/o
"$parcours" all -q --as-of $asof -o "$o" samples/01-transports-martin.xml ||
	fail "all exited $?"
"$parcours" verify "$o" >/dev/null 2>&1 || fail "verify fails on a fresh run"
ok "verify passes on a fresh run"

# expect_problem WHAT PATTERN: verify must fail and say PATTERN.
expect_problem() {
	"$parcours" verify "$o" >"$tmp/out" 2>&1
	st=$?
	[ $st -ne 0 ] || fail "verify exits 0 with $1"
	grep -q "$2" "$tmp/out" || fail "verify does not say \"$2\": $(cat "$tmp/out")"
	ok "$1: verify exits $st and says \"$2\""
}

pdf=$(awk -F, '$5 == "report" { print $1; exit }' "$o/manifest.csv")
[ -n "$pdf" ] || fail "no report in the manifest"
cp "$o/$pdf" "$tmp/saved"
printf 'X' | dd of="$o/$pdf" bs=1 seek=200 conv=notrunc 2>/dev/null
expect_problem "one byte changed" "$pdf: changed"
cp "$tmp/saved" "$o/$pdf"
"$parcours" verify "$o" >/dev/null 2>&1 || fail "verify fails once the byte is back"

rm "$o/$pdf"
expect_problem "a file deleted" "$pdf: missing"
cp "$tmp/saved" "$o/$pdf"

cp "$tmp/saved" "$o/E0042/extra.pdf"
expect_problem "a file added" "E0042/extra.pdf: error: not listed in the manifest"
rm "$o/E0042/extra.pdf"

: >>"$o/status.csv"
printf '\n' >>"$o/status.csv"
expect_problem "a run-wide file changed" "status.csv: changed"
