# Hostile case: a full disk, for real: the output directory is a 16 KiB
# tmpfs (needs the right to mount; tests/golden.d/hostile.sh runs this
# case only where it has it).  The write fails with ENOSPC, naming the
# file, exit status 3; no partial file has a final name.
. tests/hostile/lib.sh
hostile_setup
cp tests/hostile/base.xml "$H/run/base.xml"
mkdir "$H/run/out"
mount -t tmpfs -o size=16k tmpfs "$H/run/out" || exit 99
trap 'umount "$H/run/out"; rm -rf "$H"' EXIT
hostile_parcours "$@" -o out base.xml
hostile_checks -e ./base.xml
exit "$status"
