# What a French HR manager and a typographer check on every sample
# document (issue 13): tests/documents/typography.sh reads the PDFs and
# the LibreOffice-converted letters page by page.
case_run samples-typography tests/documents/typography.expected 0 \
	sh tests/documents/typography.sh $PARCOURS
