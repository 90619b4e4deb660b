#!/bin/sh
# --within (cli.md): all writes by default only the blank forms and
# provisional recaps of obligations overdue or due within 365 days, and
# with --within all every one; its CSVs are the same either way, and
# every document it writes is the one --within all writes.  A default run
# into the directory of a --within all run removes the other forms, and
# verify accepts the result.  --within 0 keeps only what is overdue or
# due today.
#
# usage: tests/batch/within.sh PARCOURS
parcours=$1
. "$(dirname "$0")/lib.sh"
run() {
	"$parcours" all -q -j 2 --as-of $asof "$@" samples/
}
run -o "$tmp/default" || fail "the default run exited $?"
run --within all -o "$tmp/all" || fail "--within all exited $?"
run --within 0 -o "$tmp/zero" || fail "--within 0 exited $?"

for f in status recap stats; do
	cmp -s "$tmp/default/$f.csv" "$tmp/all/$f.csv" ||
		fail "$f.csv differs with --within all"
	cmp -s "$tmp/zero/$f.csv" "$tmp/all/$f.csv" ||
		fail "$f.csv differs with --within 0"
done
ok "status.csv, recap.csv and stats.csv: the same with --within 365, all and 0"

# Documents (path, digest) of a run, from its manifest.
docs() {
	awk -F, 'NR > 1 && $4 != "" { print $1 "," $2 }' "$1/manifest.csv" | sort
}
docs "$tmp/default" >"$tmp/d"
docs "$tmp/all" >"$tmp/a"
docs "$tmp/zero" >"$tmp/z"
[ -n "$(comm -23 "$tmp/d" "$tmp/a")" ] &&
	fail "the default run wrote what --within all does not: $(comm -23 "$tmp/d" "$tmp/a" | head -2)"
[ -n "$(comm -23 "$tmp/z" "$tmp/d")" ] &&
	fail "--within 0 wrote what the default does not"
ok "every document of the default run is byte for byte one of --within all's ($(wc -l <"$tmp/d") of $(wc -l <"$tmp/a"))"

# The date in a file name: ..._KIND_YYYY-MM-DD.ext.
limit=$(date -u -d "$asof + 365 days" +%Y-%m-%d)
comm -13 "$tmp/d" "$tmp/a" | python3 -c '
import re, sys
limit, asof = sys.argv[1], sys.argv[2]
n = 0
for line in sys.stdin:
    m = re.search(r"_(report-blank|recap)_(\d{4}-\d{2}-\d{2})\.pdf,", line)
    if m is None or m.group(2) <= limit:
        print("FAIL left out but not a form due after %s: %s" % (limit, line.strip()))
        sys.exit(1)
    n += 1
print("ok %d documents left out, each a blank form or provisional recap due after %s" % (n, limit))
' "$limit" "$asof" || exit 1
python3 - "$tmp/d" "$limit" <<'PY' || exit 1
import re, sys
for line in open(sys.argv[1]):
    m = re.search(r"_(report-blank|recap)_(\d{4}-\d{2}-\d{2})\.pdf,", line)
    if m and m.group(2) > sys.argv[2]:
        print("FAIL written by default though due after %s: %s" % (sys.argv[2], line.strip()))
        sys.exit(1)
print("ok no form or provisional recap of the default run is due after %s" % sys.argv[2])
PY
grep -q '_report-blank_' "$tmp/d" || fail "the default run wrote no blank form at all"
python3 - "$tmp/z" "$asof" <<'PY' || exit 1
import re, sys
for line in open(sys.argv[1]):
    m = re.search(r"_report-blank_(\d{4}-\d{2}-\d{2})\.pdf,", line)
    if m and m.group(1) > sys.argv[2]:
        print("FAIL --within 0 wrote a form due after as-of: " + line.strip())
        sys.exit(1)
print("ok --within 0: no blank form due after as-of")
PY

# The default run over the --within all one: the other forms go.
run -o "$tmp/all" || fail "the default run over --within all's exited $?"
docs "$tmp/all" >"$tmp/again"
cmp -s "$tmp/again" "$tmp/d" || fail "the second run's manifest is not the default run's"
find "$tmp/all" -name '*.pdf' ! -name '.*' | sed "s|$tmp/all/||" | sort >"$tmp/files"
awk -F, 'NR > 1 && $1 ~ /\.pdf$/ { print $1 }' "$tmp/all/manifest.csv" | sort >"$tmp/listed"
cmp -s "$tmp/files" "$tmp/listed" || fail "PDFs on disk are not the manifest's: $(diff "$tmp/listed" "$tmp/files" | head -3)"
"$parcours" verify "$tmp/all" >/dev/null 2>&1 || fail "verify refused the directory"
ok "a default run over a --within all one removes the other forms; verify accepts it"
