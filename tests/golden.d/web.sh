# The campaign dashboard (index.html): in Chromium, against the CSVs of
# the same run, alone and capped on generated dossiers
# (tests/dashboard/check.sh; its npm packages come from make deps).  Its
# screenshot goes to BUILD/review/ beside the documents' page images:
# this file runs after samples-pdf.sh, which empties that directory.
case_run dashboard tests/dashboard/check.out 0 \
	sh tests/dashboard/check.sh $PARCOURS "$(dirname "$PARCOURS")/review"
