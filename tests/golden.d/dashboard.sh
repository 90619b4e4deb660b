# The campaign dashboard (index.html): in Chromium, against the CSVs of
# the same run, alone and capped on generated dossiers
# (tests/dashboard/check.sh; its npm packages come from make deps).
case_run dashboard tests/dashboard/check.out 0 sh tests/dashboard/check.sh $PARCOURS
