# Hostile case: an input that never ends (/dev/zero named as a dossier
# file).  It has no size to check beforehand: the streamed reader stops
# at its first byte, which XML does not allow, instead of reading for
# ever (past the 2 GiB limit a file that goes on is refused too).
. tests/hostile/lib.sh
hostile_setup
hostile_parcours "$@" -o out /dev/zero
hostile_checks
exit "$status"
