# Documents through their trees (--format tree, doc.h's dump): the notice,
# the reports, the blank forms and the état des lieux of the worked
# example (rules.md §11) and of every sample, at the reference date of
# samples/README.md; another template set; a broken one.  The example's
# trees were read line by line against documents.md and rules.md §11.
d=tests/cases/templates
asof="--as-of 2026-11-26"

# --within all: every form and provisional recap, whatever its due date
# (tests/batch/within.sh checks the default).
for doc in notice report report-blank recap; do
	cmd="$doc --within all"
	[ $doc = report-blank ] && cmd="report --blank --within all"
	case_run "documents-example-$doc" "$d/example-$doc.tree" 0 \
		$PARCOURS $cmd $asof --format tree $d/example.xml
	for f in samples/*.xml; do
		n=$(basename "$f" .xml)
		case_run "documents-$n-$doc" "$d/$n-$doc.tree" 0 \
			$PARCOURS $cmd $asof --format tree "$f"
	done
done

# Free text in paragraphs, a union mandate in a company of 2 500, no
# civility, a senior under the 2014 regime.
case_run documents-paragraphs-report $d/paragraphs-report.tree 0 \
	$PARCOURS report $asof --format tree $d/paragraphs.xml

# --templates: another set changes the wording, not the facts.
case_run documents-custom-notice $d/custom-notice.tree 0 \
	$PARCOURS notice $asof --format tree --templates $d/custom $d/example.xml

# A broken template: every mistake with its line, exit status 3, and
# nothing written (the output directory is never created).
case_run documents-broken-template $d/broken-report.err 3 \
	sh -c '$0 report --as-of 2026-11-26 --templates $1/broken -o "$2" \
		$1/example.xml; s=$?; [ -e "$2" ] && echo "output written"; \
		exit $s' "$PARCOURS" $d "${tmp:-/tmp}/documents-broken-out"
case_run documents-missing-template $d/missing-template.err 3 \
	$PARCOURS recap $asof --templates $d/custom $d/example.xml
