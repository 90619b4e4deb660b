# Command-line contract (cli.md): usage errors exit 2 with a clear message.
d=tests/cases/cli
case_run cli-no-args $d/no-args.out 2 $PARCOURS
case_run cli-unknown-command $d/unknown-command.out 2 $PARCOURS frobnicate
case_run cli-bad-as-of $d/bad-as-of.out 2 $PARCOURS status --as-of 2023-02-30 samples/
case_run cli-bad-option $d/bad-option.out 2 $PARCOURS status --colour samples/
case_run cli-missing-argument $d/missing-argument.out 2 $PARCOURS status samples/ --within
case_run cli-no-input $d/no-input.out 2 $PARCOURS status
case_run cli-bad-jobs $d/bad-jobs.out 2 $PARCOURS all -j 0 samples/
case_run cli-bad-shard $d/bad-shard.out 2 $PARCOURS all --shard 3/2 samples/
case_run cli-bad-sde $d/bad-sde.out 2 env SOURCE_DATE_EPOCH=yesterday $PARCOURS status samples/
case_run cli-version $d/version.out 0 $PARCOURS --version
