# parcours import (doc/import.md): the sample export round trip, the same
# export saved three ways, a hostile export.
case_run import-samples tests/import/samples.out 0 \
	sh tests/import/samples.sh $PARCOURS
case_run import-encodings tests/import/encodings.out 0 \
	sh tests/import/encodings.sh $PARCOURS
case_run import-hostile tests/import/hostile.out 0 \
	sh tests/import/hostile.sh $PARCOURS
# Calendar invitations (issue 17): tests/ics/.
case_run ics-check tests/ics/check.out 0 \
	sh tests/ics/check.sh $PARCOURS "$(dirname "$PARCOURS")/tests/ics-check"
case_run import-map tests/import/map.out 0 sh tests/import/map.sh $PARCOURS
