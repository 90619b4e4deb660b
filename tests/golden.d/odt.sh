# Letters (ODT): `parcours letters` on the spec's example, the samples and
# the edge cases, each checked by tests/odt/check.sh with real readers
# (unzip, xmllint, LibreOffice, pdftotext) against an oracle that reads
# the dossiers itself; the golden holds the letters expected.
d=tests/odt
case_run odt-letters-example $d/example.out 0 \
	sh $d/check.sh $PARCOURS 2026-11-26 tests/cases/rules/dossier-example.xml
case_run odt-letters-samples $d/samples.out 0 \
	sh $d/check.sh $PARCOURS 2026-11-26 samples/
case_run odt-letters-edge $d/edge.out 0 \
	sh $d/check.sh $PARCOURS 2026-11-26 $d/edge.xml
# Nothing may be written: an output directory that cannot exist says so.
case_run odt-letters-no-address $d/no-address.out 1 \
	$PARCOURS letters -q --as-of 2026-11-26 -o /dev/null/x $d/no-address.xml
case_run odt-letters-bad-format $d/bad-format.out 2 \
	$PARCOURS letters --format csv $d/edge.xml
