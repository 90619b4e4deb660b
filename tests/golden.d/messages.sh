# Messages of gen/msg.h that no other case produces (make check-messages):
# verify's refusals of a directory that is no run of `all`.
case_run messages-verify tests/msg/verify.out 0 \
	sh tests/msg/verify.sh $PARCOURS
case_run messages-datadir tests/msg/datadir.out 0 \
	sh tests/msg/datadir.sh $PARCOURS

# Options refused (main.c, and the commands' own).
d=tests/cases/messages
case_run messages-bad-format $d/bad-format.out 2 \
	$PARCOURS status --format bogus samples/
case_run messages-bad-within $d/bad-within.out 2 \
	$PARCOURS status --within soon samples/
case_run messages-bad-year $d/bad-year.out 2 \
	$PARCOURS stats --year 20x6 samples/
case_run messages-bad-organizer $d/bad-organizer.out 2 \
	$PARCOURS all --organizer nobody samples/
case_run messages-trust-not-verify $d/trust-not-verify.out 2 \
	$PARCOURS status --trust ca.pem samples/
case_run messages-notice-format $d/notice-format.out 2 \
	$PARCOURS notice --format csv samples/
case_run messages-merge-format $d/merge-format.out 2 \
	$PARCOURS letters --merge m.odt --format pdf samples/
case_run messages-stats-format $d/stats-format.out 2 \
	$PARCOURS stats --year 2025 --format pdf samples/

# Dossiers the schema refuses in ways samples/invalid/ does not show.
for f in $d/*.xml; do
	case_run "messages-validate-$(basename "$f" .xml)" "${f%.xml}.err" 1 \
		$PARCOURS validate --as-of 2026-11-26 "$f"
done
# A --company file past the size of one dossier (sparse: no disk used).
case_run messages-company-too-large $d/company-too-large.err 1 \
	sh -c 'p=$0; case $p in /*) ;; *) p=$2/$p ;; esac; cd "$1" && \
		truncate -s 65M big.xml && \
		cp "$2/samples/invalid/no-company.xml" . && \
		"$p" validate --as-of 2026-11-26 --company big.xml \
		no-company.xml' "$PARCOURS" "$tmp" "$PWD"
# import's refusals of whole files and of --map files.
case_run messages-import tests/msg/import.out 0 \
	sh tests/msg/import.sh $PARCOURS
# --seal files that cannot be used.
case_run messages-seal tests/msg/seal.out 0 sh tests/msg/seal.sh $PARCOURS
# letters --merge for a dossier that has no letter due: nothing written.
case_run messages-nothing-to-merge $d/nothing-to-merge.out 0 \
	sh -c 'cd "$1" && "$0" letters --as-of 2026-11-26 -o out \
		--merge merged.odt "$2/tests/reader/single-dossier.xml"; \
		s=$?; [ -e merged.odt ] && echo "merged.odt written"; exit $s' \
	"$(cd "$(dirname "$PARCOURS")" && pwd)/$(basename "$PARCOURS")" \
	"$tmp" "$PWD"
# import's checks of values, row by row.
case_run messages-import-values tests/msg/import-values.out 0 \
	sh tests/msg/import-values.sh $PARCOURS
# An output directory whose path is longer than the system allows.
case_run messages-output-too-long $d/output-too-long.out 3 \
	$PARCOURS notice -q --as-of 2026-11-26 \
	-o "${tmp:-/tmp}/$(printf 'o%.0s' $(seq 1 4100))" \
	samples/01-transports-martin.xml
# all's summary of a dossier it cannot name.
case_run messages-all-no-dossier-id $d/no-dossier-id.out 1 \
	$PARCOURS all -q --as-of 2026-11-26 -o "${tmp:-/tmp}/no-id-out" \
	$d/no-dossier-id.xml
# An element name past libxml2's safety limit (50 000 characters).
case_run messages-long-name $d/long-name.err 1 \
	sh -c 'python3 -c "print(\"<dossiers version=\\\"1\\\">\\n<\" + \
		\"a\" * 60000 + \"/>\\n</dossiers>\")" >"$1/long-name.xml" && \
		cd "$1" && "$0" validate --as-of 2026-11-26 long-name.xml' \
	"$(cd "$(dirname "$PARCOURS")" && pwd)/$(basename "$PARCOURS")" \
	"${tmp:-/tmp}"
