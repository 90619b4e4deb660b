# The campaign dashboard (index.html): in Chromium, against the CSVs of
# the same run, alone and capped on generated dossiers
# (tests/dashboard/check.sh; its npm packages come from make deps).  Its
# screenshot goes to BUILD/review/ beside the documents' page images:
# this file runs after samples-pdf.sh, which empties that directory.
case_run dashboard tests/dashboard/check.out 0 \
	sh tests/dashboard/check.sh $PARCOURS "$(dirname "$PARCOURS")/review"

# Usage and system errors of `parcours dashboard`, before anything is
# written; an invalid dossier is reported and the page has the others.
case_run dashboard-format tests/dashboard/format.out 2 \
	$PARCOURS dashboard --as-of 2026-11-26 --format csv samples/
case_run dashboard-unwritable tests/dashboard/unwritable.out 3 \
	$PARCOURS dashboard -q --as-of 2026-11-26 -o /dev/null/out samples/
case_run dashboard-invalid tests/dashboard/invalid.out 1 \
	sh -c '$0 dashboard -q --as-of 2026-11-26 -o "$1" \
		samples/invalid/bad-action-status.xml samples/01-transports-martin.xml;
		s=$?; grep -c "<tr data-dossier=" "$1/index.html"; exit $s' \
	"$PARCOURS" "${tmp:-/tmp}/dashboard-invalid-out"
