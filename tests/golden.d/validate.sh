# Golden cases for the dossier reader and "parcours validate", sourced by
# tests/golden.sh (which provides case_run and PARCOURS).  Every run pins
# --as-of so that no result depends on the day the tests run.

validate_as_of=2026-11-26

# One file per kind of problem the reader reports; each prints exactly
# its .err and fails.
for validate_input in samples/invalid/*.xml; do
	case_run "validate $validate_input" "${validate_input%.xml}.err" 1 \
		"$PARCOURS" validate --as-of "$validate_as_of" "$validate_input"
done

# The specification's own example is valid, and so is a lone <dossier>
# root with a company of its own and names from several languages.
case_run "validate spec example" tests/reader/dossier-example.out 0 \
	"$PARCOURS" validate --as-of "$validate_as_of" \
	tests/reader/dossier-example.xml
case_run "validate single dossier root" tests/reader/single-dossier.out 0 \
	"$PARCOURS" validate --as-of "$validate_as_of" \
	tests/reader/single-dossier.xml

# Counting events after the reference date are warned about (rules.md
# §4), without failing the run.
case_run "validate warns about future events" \
	tests/reader/dossier-example-2024.out 0 \
	"$PARCOURS" validate --as-of 2024-01-01 tests/reader/dossier-example.xml

# A payment matching no recap period end, and one after the reference
# date, are warned about (dossier.md <abondements>, rules.md §4).
case_run "validate warns about payments" tests/reader/payment-warnings.out 0 \
	"$PARCOURS" validate --as-of 2021-09-01 tests/reader/payment-warnings.xml

# --company supplies the company of dossiers that have none; a broken one
# stops the run before any dossier is read.
case_run "validate --company" tests/reader/company.out 0 \
	"$PARCOURS" validate --as-of "$validate_as_of" \
	--company tests/reader/company.xml samples/invalid/no-company.xml
case_run "validate --company invalid" tests/reader/company-invalid.out 1 \
	"$PARCOURS" validate --as-of "$validate_as_of" \
	--company tests/reader/company-invalid.xml \
	tests/reader/dossier-example.xml

# A directory gives its *.xml files in name order: no subdirectories, no
# dot files, nothing else.
case_run "validate directory" tests/reader/dir.out 1 \
	"$PARCOURS" validate --as-of "$validate_as_of" tests/reader/dir

# "-" reads standard input, reported as <stdin>.
case_run "validate stdin" tests/reader/stdin.out 1 \
	sh -c '"$PARCOURS" validate --as-of 2026-11-26 - \
		<samples/invalid/unknown-element.xml'

# An input that does not exist is an error for that input only.
case_run "validate missing input" tests/reader/missing.out 1 \
	"$PARCOURS" validate --as-of "$validate_as_of" \
	tests/reader/no-such-file.xml tests/reader/dossier-example.xml

# The schema is plain RELAX NG: a standard validator accepts the example.
case_run "xmllint accepts the spec example" tests/reader/xmllint.out 0 \
	xmllint --noout --relaxng schema/dossier.rng \
	tests/reader/dossier-example.xml

# Hostile input touches nothing but the schema and itself.
case_run "validate opens no other file" tests/reader/opened-files.out 0 \
	sh tests/reader/opened-files.sh samples/invalid/doctype-xxe.xml \
	samples/invalid/billion-laughs.xml samples/invalid/external-dtd.xml \
	samples/invalid/xinclude.xml
