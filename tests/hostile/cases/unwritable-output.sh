# Hostile case: an output directory nobody may write to.  Root may write
# anywhere, so as root parcours runs as the user nobody (setpriv), from a
# copy of the program and its data that nobody can reach wherever the
# checkout is.  Each write fails with the path and the system's reason,
# exit status 3, and nothing is left anywhere.
. tests/hostile/lib.sh
hostile_setup
cp tests/hostile/base.xml "$H/run/base.xml"
mkdir "$H/run/out"
chmod 555 "$H/run/out"
chmod 755 "$H" "$H/run"
bin=$PARCOURS as=
if [ "$(id -u)" -eq 0 ]; then
	mkdir "$H/bin" "$H/data"
	cp "$PARCOURS" "$H/bin/parcours"
	cp -r schema templates fonts "$H/data/"
	chmod -R a+rX "$H/bin" "$H/data"
	bin=$H/bin/parcours
	as="setpriv --reuid=65534 --regid=65534 --clear-groups \
env PARCOURS_DATADIR=$H/data"
fi
(cd "$H/run" && $as "$bin" "$@" -o out base.xml) >"$H/out" 2>&1
status=$?
hostile_show "$H/out"
hostile_checks -e ./base.xml
exit "$status"
