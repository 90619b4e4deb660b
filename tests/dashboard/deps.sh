#!/bin/sh
# What the dashboard's browser test needs beyond DEPS_TEST (which holds
# Debian's chromium): Node.js and npm if no node is on the PATH (one from
# elsewhere is kept), then the npm packages of tests/dashboard/package.json
# into build/dashboard/node_modules, again only when that file changed.
# The npm registry is the only network the tests use, and only here.
#
# usage: tests/dashboard/deps.sh   (from the top of the tree)
set -e
need=
command -v node >/dev/null 2>&1 || need="$need nodejs"
command -v npm >/dev/null 2>&1 || need="$need npm"
[ -z "$need" ] || sh tests/deps.sh $need
dir=build/dashboard
mkdir -p "$dir"
if [ -f "$dir/node_modules/.installed" ] &&
	cmp -s tests/dashboard/package.json "$dir/package.json"; then
	exit 0
fi
echo "installing: the npm packages of tests/dashboard/package.json into $dir"
cp tests/dashboard/package.json "$dir/package.json"
npm install --no-audit --no-fund --no-save --prefix "$dir" >&2
: >"$dir/node_modules/.installed"
