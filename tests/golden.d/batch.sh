# Batch runs (parcours all, verify, --shard, --pdfa): each script in
# tests/batch prints one "ok" line per property it checked, or FAIL and
# exits 1; the goldens hold the ok lines (and broken.sh's summary).
# tests/batch/rss.sh, the peak-memory measurement, is not run here.
b=tests/batch
asof="--as-of 2026-11-26"
case_run batch-samples $b/samples.out 0 sh $b/samples.sh $PARCOURS
case_run batch-verify $b/verify.out 0 sh $b/verify.sh $PARCOURS
case_run batch-broken $b/broken.out 0 sh $b/broken.sh $PARCOURS
case_run batch-interrupt $b/interrupt.out 0 sh $b/interrupt.sh $PARCOURS
case_run batch-archive $b/archive.out 0 sh $b/archive.sh $PARCOURS
case_run batch-shard $b/shard.out 0 sh $b/shard.sh $PARCOURS
case_run batch-pdfa $b/pdfa.out 0 sh $b/pdfa.sh $PARCOURS
case_run batch-within $b/within.out 0 sh $b/within.sh $PARCOURS

# Usage and system errors come before anything is written.
case_run batch-format $b/format.out 2 $PARCOURS all $asof --format csv samples/
case_run batch-merge $b/merge.out 2 $PARCOURS all $asof --merge x.odt samples/
case_run batch-unwritable $b/unwritable.out 3 \
	$PARCOURS all -q $asof -o /dev/null/out samples/
case_run batch-no-fonts $b/no-fonts.out 3 \
	$PARCOURS all -q $asof --fonts /nonexistent -o /dev/null/out samples/
