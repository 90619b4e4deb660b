#!/bin/sh
# One hostile case (tests/hostile/README.md): prints what parcours said and
# what the checks of lib.sh found, and exits with parcours' status, for
# tests/golden.d/hostile.sh to compare with tests/hostile/expected/NAME.out.
#
# usage: tests/hostile/case.sh NAME [PARCOURS-ARGS...]
#
# NAME.sh in tests/hostile/cases/ is a case of its own: it is run as it
# is.  Otherwise the input is cases/NAME.xml, or the file cases/NAME.gen
# writes (its argument: the file to write; for inputs too big to keep),
# and parcours runs as `parcours ARGS... -o out NAME.xml` in the scratch
# folder.
set -u
cd "$(dirname "$0")/../.."
name=${1:?usage: case.sh NAME [PARCOURS-ARGS...]}
shift
cases=tests/hostile/cases
if [ -f "$cases/$name.sh" ]; then
	exec sh "$cases/$name.sh" "$@"
fi
. tests/hostile/lib.sh
hostile_setup
if [ -f "$cases/$name.gen" ]; then
	sh "$cases/$name.gen" "$H/run/$name.xml" || exit 99
else
	cp "$cases/$name.xml" "$H/run/$name.xml" || exit 99
fi
hostile_parcours "$@" -o out "$name.xml"
hostile_checks -e "./$name.xml"
exit "$status"
