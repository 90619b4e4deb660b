# Shared by the hostile cases (tests/hostile/case.sh and cases/*.sh):
# a scratch folder to run in, and the checks every case ends with.  Source
# it from the repository root with PARCOURS set.
#
# hostile_setup makes $H (the scratch folder, removed on exit) holding
# $H/run: the case runs there, with its input copied in and -o out, so
# that messages name the input as the user typed it and anything written
# beside out/ is a file outside the output directory.
#
# Every check prints one line per finding and the lines are part of the
# golden file: a case passes only if parcours said exactly what it should
# and the checks found exactly what they should.

PARCOURS=${PARCOURS:-build/parcours}
hostile_root=$(pwd)
case $PARCOURS in /*) ;; *) PARCOURS=$hostile_root/$PARCOURS ;; esac
. "$hostile_root/tests/pdf/readers.sh"

hostile_setup() {
	H=$(mktemp -d)
	trap 'chmod -R u+w "$H" 2>/dev/null; rm -rf "$H"' EXIT
	mkdir -p "$H/run" "$H/pdf"
}

# hostile_many FILE ID...: base.xml with its dossier H-1 followed by a
# copy of it for each ID (H-1 itself if named).
hostile_many() {
	python3 - "$@" <<'PY'
import sys
out, ids = sys.argv[1], sys.argv[2:]
b = open("tests/hostile/base.xml", encoding="utf-8").read()
i, j = b.index('  <dossier id="H-1">'), b.index("</dossiers>")
one = b[i:j]
b = b[:i] + "".join(one.replace('id="H-1"', 'id="%s"' % k) for k in ids) + b[j:]
open(out, "w", encoding="utf-8").write(b)
PY
}

# Runs parcours with ARGS in $H/run; its output goes to standard output
# through hostile_show.  Sets $status.
hostile_parcours() {
	(cd "$H/run" && "$PARCOURS" "$@") >"$H/out" 2>&1
	status=$?
	hostile_show "$H/out"
}

# Shows parcours' output in FILE, with the scratch folder's path written
# $H, and without the notes of the closing summary of `all`, which
# repeat the errors above them and have goldens of their own.
hostile_show() {
	sed -e "s|$H|\$H|g" -e '/^parcours: .*note: /d' "$1"
}

# Nothing in $H/run but the KEEP names (the inputs) and out/.
hostile_confined() {
	bad=$(cd "$H/run" && find . -mindepth 1 -maxdepth 1 | sort |
		grep -v -x -e ./out "$@")
	if [ -n "$bad" ]; then
		echo "written outside the output directory:" $bad
	else
		echo "nothing outside the output directory"
	fi
}

# No temporary file (outfile.c's ".NAME.XXXXXX") left behind under out/.
hostile_no_temp() {
	[ -d "$H/run/out" ] || return 0
	tmp=$(cd "$H/run/out" && find . -name '.*' -type f | sort)
	if [ -n "$tmp" ]; then
		echo "temporary files left:" $tmp
	else
		echo "no temporary file left"
	fi
}

# Every file under out/, and what readers make of it: PDFs pass
# tests/pdf/readers.sh (qpdf, fonts, poppler, every word inside the
# margins), ODT packages test clean and their XML parts are well-formed,
# CSV files are shown.
hostile_outputs() {
	[ -d "$H/run/out" ] || {
		echo "no output directory"
		return 0
	}
	n=$(cd "$H/run/out" && find . -type f ! -name '.*' | wc -l)
	echo "$n files written"
	(cd "$H/run/out" && find . -type f ! -name '.*' | sort) |
		while read -r f; do
			p=$H/run/out/$f
			case $f in
			*.pdf) hostile_pdf "$f" "$p" ;;
			*.odt) hostile_odt "$f" "$p" ;;
			./status.csv) hostile_csv "$f" "$p" ;;
			*.html) hostile_html "$f" "$p" ;;
			*) echo "file $f" ;;
			esac
		done
}

hostile_pdf() {
	dir=$H/pdf
	fail() { echo "UNREADABLE $*"; }
	if pdf_readers "$(basename "$1" .pdf)" "$2"; then
		echo "pdf $1: readable, every word inside the margins"
	fi
}

hostile_odt() {
	if ! unzip -tqq "$2" >/dev/null 2>&1; then
		echo "odt $1: BROKEN PACKAGE"
		return
	fi
	for part in content.xml styles.xml meta.xml; do
		if ! unzip -p "$2" "$part" | xmllint --noout - 2>/dev/null; then
			echo "odt $1: $part IS NOT WELL-FORMED"
			return
		fi
	done
	echo "odt $1: well-formed"
}

# The dossier and employee columns of a CSV file, each row once: how
# names reach a spreadsheet (the other columns are the rules' business).
hostile_csv() {
	echo "csv $1 (dossier, employee):"
	python3 -c '
import csv, sys
seen = []
for row in csv.reader(open(sys.argv[1], newline="", encoding="utf-8")):
    row = [c if len(c) <= 100 else "%s…(%d characters)" % (c[:60], len(c))
           for c in row]
    if row[:2] not in seen:
        seen.append(row[:2])
w = csv.writer(sys.stdout, lineterminator="\n")
for row in seen:
    sys.stdout.write("  | ")
    w.writerow(row)
' "$2"
}

# The dashboard: dossier text never becomes markup.  Only the page's own
# elements, no script, no event attribute, every link relative.
hostile_html() {
	python3 -c '
import html.parser, sys
ALLOWED = set("""html head meta title style body header p h1 h2 strong time
main ul li span div section table caption thead tbody tfoot tr th td small
a br svg desc line text rect footer code""".split())
bad = []
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            bad.append("element <%s>" % tag)
        for k, v in attrs:
            if k.startswith("on"):
                bad.append("attribute %s" % k)
            if k == "href" and (":" in v or v.startswith("/") or ".." in v):
                bad.append("link %s" % v)
P().feed(open(sys.argv[1], encoding="utf-8").read())
print("html %s: %s" % (sys.argv[2], "; ".join(bad[:3]) if bad else
      "only the page\x27s own markup, links inside the output directory"))
' "$2" "$1"
}

# The checks every case ends with; KEEP names as for hostile_confined.
hostile_checks() {
	hostile_confined "$@"
	hostile_no_temp
	hostile_outputs
}
