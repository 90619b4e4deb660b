#!/bin/sh
# Runs "parcours validate --as-of 2026-11-26 INPUT..." under strace and
# prints every file it opens or tries to open, relative to the source
# tree, and any network call; the C library's own files (shared objects,
# locale, /proc, /sys) are left out.  validate.sh uses it to show that a
# hostile dossier (XXE, external DTD, XInclude) makes parcours read the
# schema and the input, and nothing else.  The file that `make check`
# gathers message names in (PARCOURS_MSG_TRACE, diag.c) is no input.
set -u
PARCOURS=${PARCOURS:-build/parcours}
if ! command -v strace >/dev/null 2>&1; then
	echo "strace is not installed (make deps installs it)"
	exit 77
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
strace -f -qq -e trace=open,openat,creat,socket,connect -o "$log" \
	"$PARCOURS" validate --as-of 2026-11-26 "$@" >/dev/null 2>&1
status=$?
here=$(pwd)
sed -n -e 's/^[0-9]* *\(socket\|connect\)(.*/network: \1/p' \
	-e 's/^[0-9]* *[a-z]*open[a-z]*([^"]*"\([^"]*\)".*/\1/p' "$log" |
	grep -v -E '\.so(\.[0-9]+)*$|^/etc/ld\.so\.|^/(sys|proc)/' |
	grep -v -E '/locale|gconv' |
	grep -v -x -F "${PARCOURS_MSG_TRACE:-/nonexistent}" |
	sed "s|^$here/||"
echo "exit status $status"
