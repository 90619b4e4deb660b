# Hostile case: a dossier id that starts with "-" (and one with "=" and
# "+" after a letter: ids may hold "-" anywhere).  The CSV formula guard
# is for the CSVs a spreadsheet opens (status.csv shows "'-H-1"), not for
# manifest.csv, which is machine data: verify passes on the fresh run,
# and the manifest's path column is the file's path, byte for byte.
. tests/hostile/lib.sh
hostile_setup
sed 's/<dossier id="H-1">/<dossier id="-H-1">/' tests/hostile/base.xml \
	>"$H/run/dash.xml"
hostile_parcours "$@" -o out dash.xml
[ "$status" -eq 0 ] || exit "$status"
hostile_parcours verify out
cut -d, -f1 "$H/run/out/manifest.csv" | grep -e '^-H-1/' -e "^'" | sed 's/^/manifest path: /'
hostile_checks -e ./dash.xml
exit "$status"
