# Hostile case: a write that fails half-way, by the file-size limit
# (ulimit -f, SIGXFSZ ignored so that write() returns EFBIG): works for
# any user.  The write fails with the file's name and exit status 3; the
# temporary file is removed and no partial file has a final name.
# full-disk-tmpfs.sh does the same with a real full file system.
. tests/hostile/lib.sh
hostile_setup
cp tests/hostile/base.xml "$H/run/base.xml"
(cd "$H/run" && trap '' XFSZ && ulimit -f 100 &&
	exec "$PARCOURS" "$@" -o out base.xml) >"$H/out" 2>&1
status=$?
hostile_show "$H/out"
hostile_checks -e ./base.xml
exit "$status"
