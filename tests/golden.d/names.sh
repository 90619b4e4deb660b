# Documents that would share a file name (two reports held the same day,
# two convocations of one kind issued the same day) each get their own
# file, whichever command writes them: the later one carries its
# interview's or convocation's id (documents_unique_path()).
d=tests/cases/names
case_run names-report $d/same-day-report.out 0 sh -c \
	'$0 report --as-of 2026-11-26 --format tree $1 | grep "^=="' \
	"$PARCOURS" $d/same-day.xml
case_run names-letters $d/same-day-letters.out 0 sh -c \
	'$0 letters --as-of 2026-11-26 --format tree $1 | grep "^=="' \
	"$PARCOURS" $d/same-day.xml
case_run names-all $d/same-day-all.out 0 sh -c \
	'o=$(mktemp -d) && $0 all -q --as-of 2026-11-26 -o $o $1 &&
	cut -d, -f1 $o/manifest.csv | grep "^SAME-DAY/.*_\(report\|letter-convocation\)_" | sort;
	rm -rf $o' "$PARCOURS" $d/same-day.xml
