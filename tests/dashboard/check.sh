#!/bin/sh
# The campaign dashboard (index.html), as `all` and `dashboard` write it:
#   - all on samples/: the page opens in Debian's Chromium with no
#     console error and no request outside the file system, a screenshot
#     lands in REVIEW_DIR (dashboard.png, the print as dashboard.pdf),
#     every link is a file of the manifest, axe-core finds no WCAG A/AA
#     violation, it prints inside A4 landscape (browser.js); its
#     figures are those of status.csv, recap.csv and stats.csv of the
#     same run (figures.py);
#   - dashboard alone on 3 000 generated dossiers: the same figures as
#     the status, recap and stats commands, the overdue list capped, the
#     same bytes twice, far under 2 MB;
#   - all --no-dashboard removes an earlier page and verify still passes.
# Prints one "ok" line per property, or FAIL and exits 1.
#
# usage: tests/dashboard/check.sh PARCOURS REVIEW_DIR
parcours=$1
review=${2:?usage: check.sh PARCOURS REVIEW_DIR}
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
asof=2026-11-26
here=$(dirname "$0")
modules=build/dashboard/node_modules

fail() {
	echo "FAIL $*"
	exit 1
}

ok() {
	echo "ok $*"
}

[ -x /usr/bin/chromium ] || fail "chromium is not installed (run make deps)"
[ -f "$modules/.installed" ] ||
	fail "no $modules: run make deps (tests/dashboard/deps.sh)"

"$parcours" all -q --as-of $asof -o "$tmp/a" samples/ ||
	fail "all samples/ exited $?"
node "$here/browser.js" "$tmp/a" "$review" "$modules" || exit 1
python3 "$here/figures.py" "$tmp/a" $asof || exit 1

g=$tmp/gen
python3 bench/gen-dossiers.py 3000 "$g" >/dev/null || fail "gen-dossiers"
d=$tmp/d
"$parcours" dashboard -q --as-of $asof -o "$d" "$g" ||
	fail "dashboard exited $?"
"$parcours" status --format csv --as-of $asof "$g" >"$d/status.csv" &&
	"$parcours" recap --format csv --as-of $asof "$g" >"$d/recap.csv" &&
	"$parcours" stats --format csv --year 2026 --as-of $asof "$g" \
		>"$d/stats.csv" || fail "status, recap or stats exited $?"
[ "$(ls "$d")" = "index.html
recap.csv
stats.csv
status.csv" ] || fail "dashboard wrote more than index.html: $(ls "$d")"
python3 "$here/figures.py" "$d" $asof >"$tmp/figures" ||
	{ cat "$tmp/figures"; exit 1; }
sed 's/^ok /ok 3 000 dossiers: /' "$tmp/figures"
[ "$(grep -c '<tr data-dossier=' "$d/index.html")" -eq 200 ] ||
	fail "the overdue list is not capped at 200 rows"
grep -q '<a href=' "$d/index.html" &&
	fail "dashboard alone links documents it did not write"
"$parcours" dashboard -q --as-of $asof -o "$tmp/d2" "$g" &&
	cmp -s "$d/index.html" "$tmp/d2/index.html" ||
	fail "dashboard twice gives other bytes"
size=$(wc -c <"$d/index.html")
[ "$size" -lt 2000000 ] || fail "the page is $size bytes"
late=$(grep -c ',overdue,' "$d/status.csv")
[ "$late" -gt 200 ] || fail "only $late overdue: the cap is not exercised"
ok "3 000 dossiers: only index.html, 200 overdue listed of more, same bytes twice, under 2 MB"

"$parcours" all -q --no-dashboard --as-of $asof -o "$tmp/a" samples/ ||
	fail "all --no-dashboard exited $?"
[ -e "$tmp/a/index.html" ] && fail "--no-dashboard left the earlier page"
grep -q 'index.html' "$tmp/a/manifest.csv" && fail "the manifest lists index.html"
"$parcours" verify "$tmp/a" >/dev/null 2>&1 || fail "verify after --no-dashboard"
ok "all --no-dashboard: no index.html, none listed, verify passes"
