#!/bin/sh
# The hostile corpus alone: the hostile-* cases of tests/golden.sh (listed
# in tests/golden.d/hostile.sh).  PARCOURS names the binary; UPDATE=1
# rewrites their golden files after a deliberate change.
# usage: [PARCOURS=build/parcours] [UPDATE=1] tests/hostile/run.sh
cd "$(dirname "$0")/../.." || exit 2
ONLY='hostile-*' exec sh tests/golden.sh
