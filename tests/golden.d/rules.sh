# Rules engine through status, recap --format csv and stats (rules.md,
# cli.md's CSV contract), at the reference date of samples/README.md.
# The expected CSVs were checked row by row against samples/README.md's
# hand computations and rules.md §11.
d=tests/cases/rules
asof="--as-of 2026-11-26"

# rules.md §11, the worked example, exactly.
case_run rules-example-status $d/example-status.csv 0 \
	$PARCOURS status $asof --format csv $d/dossier-example.xml
case_run rules-example-recap $d/example-recap.csv 0 \
	$PARCOURS recap $asof --format csv $d/dossier-example.xml

# Every sample, one file at a time, then the whole directory (the sort
# by due date and dossier runs across files).
for f in samples/*.xml; do
	n=$(basename "$f" .xml)
	case_run "rules-$n-status" "$d/$n-status.csv" 0 \
		$PARCOURS status $asof --format csv "$f"
	case_run "rules-$n-recap" "$d/$n-recap.csv" 0 \
		$PARCOURS recap $asof --format csv "$f"
	case_run "rules-$n-stats" "$d/$n-stats-2026.csv" 0 \
		$PARCOURS stats $asof --format csv --year 2026 "$f"
done
case_run rules-samples-status $d/samples-status.csv 0 \
	$PARCOURS status $asof --format csv samples/
case_run rules-samples-recap $d/samples-recap.csv 0 \
	$PARCOURS recap $asof --format csv samples/
for y in 2020 2023 2025 2026; do
	case_run "rules-samples-stats-$y" "$d/samples-stats-$y.csv" 0 \
		$PARCOURS stats $asof --format csv --year $y samples/
done
case_run rules-nocompany-status $d/nocompany-status.csv 0 \
	$PARCOURS status $asof --format csv \
	--company samples/companies/acme.xml samples/companies/nocompany/
case_run rules-nocompany-recap $d/nocompany-recap.csv 0 \
	$PARCOURS recap $asof --format csv \
	--company samples/companies/acme.xml samples/companies/nocompany/

# Options and layouts.
case_run rules-status-within $d/samples-status-within-120.csv 0 \
	$PARCOURS status $asof --format csv --within 120 samples/
case_run rules-status-table $d/example-status-table.txt 0 \
	$PARCOURS status $asof --format table $d/dossier-example.xml
case_run rules-stats-table $d/samples-stats-table-2026.txt 0 \
	$PARCOURS stats $asof --format table --year 2026 samples/
case_run rules-csv-quoting-status $d/csv-quoting-status.csv 0 \
	$PARCOURS status $asof --format csv $d/csv-quoting.xml
case_run rules-csv-quoting-recap $d/csv-quoting-recap.csv 0 \
	$PARCOURS recap $asof --format csv $d/csv-quoting.xml

# Usage errors exit 2.
case_run rules-stats-no-year $d/stats-no-year.out 2 \
	$PARCOURS stats $asof $d/dossier-example.xml
case_run rules-status-bad-format $d/status-bad-format.out 2 \
	$PARCOURS status $asof --format pdf $d/dossier-example.xml
case_run rules-recap-bad-format $d/recap-bad-format.out 2 \
	$PARCOURS recap $asof --format table $d/dossier-example.xml
