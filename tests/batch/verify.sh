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
"$parcours" verify "$o" >/dev/null 2>&1 && fail "verify passes with status.csv changed"
"$parcours" all -q --as-of $asof -o "$o" samples/01-transports-martin.xml ||
	fail "all exited $?"

# A tampered directory: verify stays inside it, reads regular files
# only, never blocks, never reads what the size already condemns, walks
# any depth, and shows names with their control characters escaped.
# Each case: within 10 seconds, non-zero, nothing said about what lies
# outside the directory.
# hostile WHAT PATTERN: as expect_problem, under a time limit, and never
# naming the size or the hash of /etc/passwd (a link's target).
outside_size=$(wc -c </etc/passwd)
outside_hash=$(sha256sum /etc/passwd | cut -c1-12)
hostile() {
	timeout 10 "$parcours" verify "$o" >"$tmp/out" 2>&1
	st=$?
	[ $st -eq 124 ] && fail "verify hangs with $1"
	[ $st -ne 0 ] || fail "verify exits 0 with $1"
	[ $st -lt 128 ] || fail "verify dies of signal $((st - 128)) with $1"
	grep -q "$2" "$tmp/out" || fail "verify does not say \"$2\" with $1: $(cat "$tmp/out")"
	grep -q -e "$outside_hash" -e " $outside_size bytes" "$tmp/out" &&
		fail "verify tells about a file outside the directory: $(cat "$tmp/out")"
	ok "$1: verify exits $st and says \"$2\""
}
cp "$o/$pdf" "$tmp/saved"
put_back() {
	rm -rf "$o/$pdf"
	cp "$tmp/saved" "$o/$pdf"
}

ln -sf /etc/passwd "$o/$pdf.tmp" && mv -f "$o/$pdf.tmp" "$o/$pdf"
hostile "a listed file replaced by a link out of the directory" "$pdf: a symbolic link"
put_back

# The manifest rewritten for the link's target: still refused.
cp "$o/manifest.csv" "$tmp/manifest.saved"
python3 - "$o/manifest.csv" "$pdf" /etc/passwd <<'PY'
import hashlib, sys
m, path, target = sys.argv[1:]
data = open(target, "rb").read()
rows = open(m).read().splitlines(True)
out = []
for r in rows:
    f = r.split(",")
    if f[0] == path:
        f[1], f[2] = hashlib.sha256(data).hexdigest(), str(len(data))
    out.append(",".join(f))
open(m, "w").writelines(out)
PY
ln -sf /etc/passwd "$o/$pdf.tmp" && mv -f "$o/$pdf.tmp" "$o/$pdf"
hostile "a link out of the directory, listed with its target's hash" "$pdf: a symbolic link"
put_back
cp "$tmp/manifest.saved" "$o/manifest.csv"

cp "$tmp/saved" "$tmp/copy.pdf"
ln -sf "$tmp/copy.pdf" "$o/$pdf.tmp" && mv -f "$o/$pdf.tmp" "$o/$pdf"
hostile "a listed file replaced by a link to an identical copy" "$pdf: a symbolic link"
put_back

rm "$o/$pdf" && mkfifo "$o/$pdf"
hostile "a listed file replaced by a FIFO" "$pdf: not a regular file"
put_back

ln -sf /dev/zero "$o/$pdf.tmp" && mv -f "$o/$pdf.tmp" "$o/$pdf"
hostile "a listed file replaced by a link to /dev/zero" "$pdf: a symbolic link"
put_back

rm "$o/$pdf" && truncate -s 1T "$o/$pdf"
hostile "a listed file replaced by a 1 TiB sparse file" "$pdf: changed (1099511627776 bytes"
put_back

mkfifo "$o/E0042/fifo.pdf"
ln -s /etc/passwd "$o/E0042/passwd.pdf"
hostile "an unlisted FIFO and link" "E0042/fifo.pdf: error: not listed in the manifest (not a regular file)"
grep -q "E0042/passwd.pdf: error: not listed in the manifest (a symbolic link" "$tmp/out" ||
	fail "the unlisted link is not named: $(cat "$tmp/out")"
rm "$o/E0042/fifo.pdf" "$o/E0042/passwd.pdf"

python3 -c '
import os, sys
p = sys.argv[1]
for i in range(700):
    p = os.path.join(p, "d")
    os.mkdir(p)
open(os.path.join(p, "deep.pdf"), "w").close()
' "$o/E0042"
hostile "a directory 700 levels deep" "/deep.pdf: error: not listed in the manifest"
rm -rf "$o/E0042/d"

printf 'E0042/\033[2J\033]0;owned\007.pdf,%s,1,E0042,report,%s\n' \
	"$(printf '%064d' 0)" $asof >>"$o/manifest.csv"
hostile "escape sequences in a manifest path" 'E0042/\\x1B\[2J\\x1B\]0;owned\\x07.pdf: missing'
grep -q "$(printf '\033')" "$tmp/out" && fail "verify wrote a raw escape character"
cp "$tmp/manifest.saved" "$o/manifest.csv"
"$parcours" verify "$o" >/dev/null 2>&1 || fail "verify fails once everything is back"
ok "everything put back: verify passes"

# --expect: a manifest edited to match a tampered file is caught when
# the hash all printed was kept elsewhere.
out=$("$parcours" all --as-of $asof -o "$o" samples/01-transports-martin.xml 2>/dev/null)
hash=${out%% *}
[ "$out" = "$hash  $o/manifest.csv" ] || fail "all does not print the manifest's hash: $out"
(cd / && echo "$out" | sha256sum --quiet -c -) || fail "the hash all printed is not the manifest's"
"$parcours" verify --expect "$hash" "$o" >/dev/null 2>&1 || fail "verify --expect fails on a fresh run"
printf 'X' | dd of="$o/$pdf" bs=1 seek=200 conv=notrunc 2>/dev/null
python3 - "$o/manifest.csv" "$pdf" "$o/$pdf" <<'PY'
import hashlib, sys
m, path, f = sys.argv[1:]
data = open(f, "rb").read()
out = []
for r in open(m).read().splitlines(True):
    x = r.split(",")
    if x[0] == path:
        x[1] = hashlib.sha256(data).hexdigest()
    out.append(",".join(x))
open(m, "w").writelines(out)
PY
"$parcours" verify "$o" >/dev/null 2>&1 || fail "the edited manifest does not match the tampered file"
"$parcours" verify --expect "$hash" "$o" >"$tmp/out" 2>&1 && fail "verify --expect passes an edited manifest"
grep -q "manifest.csv: error: the manifest itself changed" "$tmp/out" ||
	fail "verify --expect does not say the manifest changed: $(cat "$tmp/out")"
ok "a manifest edited to match a tampered file: verify --expect exits 1 and says the manifest changed"
"$parcours" verify --expect nothex "$o" >/dev/null 2>&1
[ $? -eq 2 ] || fail "verify --expect with no hash is not a usage error"
ok "verify --expect with something not a SHA-256: usage error"
