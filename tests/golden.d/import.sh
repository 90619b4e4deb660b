# parcours import (doc/import.md): the sample export round trip, the same
# export saved three ways, a hostile export.
case_run import-samples tests/import/samples.out 0 \
	sh tests/import/samples.sh $PARCOURS
