# Hostile case: 200 MB of standard input ("-").  Its size cannot be known
# before reading, so the reader stops one byte past the 64 MiB limit and
# refuses it, instead of holding it all in memory.
. tests/hostile/lib.sh
hostile_setup
(cd "$H/run" && head -c 200000000 /dev/zero 2>/dev/null |
	"$PARCOURS" "$@" -o out -) >"$H/out" 2>&1
status=$?
hostile_show "$H/out"
hostile_checks
exit "$status"
