# Hostile case: on standard input ("-"), a dossier that never ends (a
# start tag, then empty elements for ever).  Its size cannot be known
# before reading: the streamed reader refuses it once the dossier passes
# the 64 MiB limit for one dossier, instead of holding it or reading for
# ever, and keeps no copy of standard input behind.
. tests/hostile/lib.sh
hostile_setup
(cd "$H/run" && { printf '<dossiers version="1">\n<dossier id="a">\n'; yes '<x/>'; } 2>/dev/null |
	"$PARCOURS" "$@" -o out -) >"$H/out" 2>&1
status=$?
hostile_show "$H/out"
hostile_checks
exit "$status"
