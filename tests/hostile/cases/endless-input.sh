# Hostile case: an input that never ends (/dev/zero named as a dossier
# file).  It has no size to check beforehand: the reader stops one byte
# past the 64 MiB limit and refuses it, instead of reading forever.
. tests/hostile/lib.sh
hostile_setup
hostile_parcours "$@" -o out /dev/zero
hostile_checks
exit "$status"
