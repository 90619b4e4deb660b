# Hostile case: an input directory with no *.xml in it (an export that
# wrote nothing).  A warning names the directory; the run writes its
# empty reports and succeeds: there was nothing to process.
. tests/hostile/lib.sh
hostile_setup
mkdir "$H/run/export"
touch "$H/run/export/readme.txt"
hostile_parcours "$@" -o out export
hostile_checks -e ./export
exit "$status"
