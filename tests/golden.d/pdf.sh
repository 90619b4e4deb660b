# PDF backend: reader checks (qpdf, pdffonts, pdftotext) of the specimens
# that the unit test program test_pdf writes; see tests/pdf/check.sh.
case_run pdf-readers tests/pdf/check.expected 0 \
	sh tests/pdf/check.sh "$(dirname "$PARCOURS")/tests/test_pdf"
