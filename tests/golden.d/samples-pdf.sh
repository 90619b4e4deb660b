# The PDFs of every sample through real readers (tests/documents/check.sh);
# page images for review land in BUILD/review/.
case_run samples-pdf tests/documents/check.expected 0 \
	sh tests/documents/check.sh $PARCOURS "$(dirname "$PARCOURS")/review"
