# Speed-ups that must not show in the output (bench/README.md): the
# documents are the same bytes whatever the process rendered before.
# The timed benchmark itself is `make bench`, never part of make check.
case_run bench-reuse tests/bench/reuse.out 0 sh tests/bench/reuse.sh $PARCOURS
