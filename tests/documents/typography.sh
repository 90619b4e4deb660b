#!/bin/sh
# What an HR manager and a typographer check on every sample document
# (issue 13, documents.md): the real PDFs read back page by page with
# pdftotext, pdffonts and qpdf, the letters' ODT unzipped and converted by
# LibreOffice.  Each check names what it found wrong.
#
# usage: tests/documents/typography.sh PARCOURS
set -u
parcours=${1:?usage: typography.sh PARCOURS}
asof=2026-11-26
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
fail() {
	echo "FAIL: $*"
	status=1
}
ok() { echo "ok $*"; }

for cmd in notice report "report --blank" recap "letters --format pdf"; do
	# shellcheck disable=SC2086 # cmd holds a command and its options
	$parcours $cmd -q --as-of $asof --within all -o "$dir/pdf" samples/ ||
		fail "parcours $cmd exited $?"
done
$parcours letters -q --as-of $asof -o "$dir/odt" --merge "$dir/odt/merged.odt" samples/ ||
	fail "parcours letters exited $?"

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
# page FILE N: the text of page N, one line per line as laid out.
page() { pdftotext -f "$2" -l "$2" -layout "$1" - 2>/dev/null; }

# The date of a document is in its file name: ID_NAME_KIND_DATE[_X].pdf.
file_date() {
	basename "$1" .pdf | sed -n 's/.*_\([0-9]\{4\}-[0-9][0-9]-[0-9][0-9]\).*/\1/p'
}
iso_words() { # "3 juin 2021" and "1er juin 2021" lines -> ISO dates
	awk 'BEGIN { split("janvier février mars avril mai juin juillet août septembre octobre novembre décembre", m, " "); for (i = 1; i <= 12; i++) n[m[i]] = i }
	{ gsub(/\xc2\xa0|\xe2\x80\xaf/, " ")
	  while (match($0, /(1er|[0-9][0-9]?) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) [0-9][0-9][0-9][0-9]/)) {
		s = substr($0, RSTART, RLENGTH); $0 = substr($0, RSTART + RLENGTH)
		split(s, p, " "); d = p[1]; sub(/er$/, "", d)
		printf "%04d-%02d-%02d\n", p[3], n[p[2]], d } }'
}

# 1. No notice announces a date before its own: every due date it gives
#    (« au plus tard le … ») is on or after it.
for pdf in "$dir"/pdf/*/*_notice_*.pdf; do
	own=$(file_date "$pdf")
	pdftotext "$pdf" - | tr '\n' ' ' | sed 's/\xc2\xa0\|\xe2\x80\xaf/ /g' |
		grep -o 'plus tard le [0-9er]* [a-zéû]* [0-9]*' | iso_words |
		while read -r d; do
			[ "$d" \< "$own" ] && echo "$(basename "$pdf"): $d"
		done >>"$dir/past"
done
if [ -s "$dir/past" ]; then
	fail "notices announce dates before their own: $(head -3 "$dir/past")"
else
	ok "no notice announces a date before its own date ($(ls "$dir"/pdf/*/*_notice_*.pdf | wc -l) notices)"
fi
e161=$(ls "$dir"/pdf/E0161/*_notice_*.pdf)
if pdftotext "$e161" - | tr '\n' ' ' | grep -q 'organiser sans attendre' &&
	pdftotext "$e161" - | tr '\n' ' ' | grep -q 'se poursuit'; then
	ok "E0161 (taken over, seniority 2019): interview à organiser sans attendre, the cycle goes on"
else
	fail "E0161's notice does not say the interview is to organise now and the cycle continues"
fi
tj=$(ls "$dir"/pdf/TJ-02/*_notice_*.pdf)
if pdftotext "$tj" - | tr '\n' ' ' | grep -q 'tous les quatre ans' &&
	! pdftotext "$tj" - | grep -q 'deux ans'; then
	ok "TJ-02: the cadence of the 2030 due date, tous les quatre ans"
else
	fail "TJ-02's notice does not say tous les quatre ans"
fi

# 2. Provisional recaps: the projection mark on every page, no signature
#    block, each interview still to hold with its deadline, the risk.
nprov=0
for pdf in "$dir"/pdf/*/*_recap_*.pdf; do
	own=$(file_date "$pdf")
	[ "$own" \> "$asof" ] || continue
	nprov=$((nprov + 1))
	n=$(pages "$pdf")
	p=1
	while [ "$p" -le "$n" ]; do
		t=$(page "$pdf" $p)
		echo "$t" | grep -q 'Projection au 26 novembre 2026' ||
			fail "$(basename "$pdf") page $p: no projection mark"
		echo "$t" | grep -q 'Signature' &&
			fail "$(basename "$pdf") page $p: a signature block"
		p=$((p + 1))
	done
done
[ "$nprov" -gt 0 ] && ok "$nprov provisional recaps: projection mark on every page, no signature block"
e175=$(ls "$dir"/pdf/E0175/*_recap_2030-01-11.pdf)
t=$(pdftotext "$e175" - | tr '\n' ' ' | sed 's/\xc2\xa0\|\xe2\x80\xaf/ /g')
if echo "$t" | grep -q 'À réaliser au plus tard le 11 décembre 2027' &&
	echo "$t" | grep -q 'Risque' &&
	echo "$t" | grep -q 'abondement correctif de 3 000 € sera dû' &&
	! echo "$t" | grep -q 'les entretiens prévus ont été réalisés\.'; then
	ok "E0175 2030: the interview of 11 décembre 2027 to hold, and the 3 000 € risk"
else
	fail "E0175's provisional recap misses the interview to hold or the risk"
fi

# 3. The page holding « découper » holds « j’accepte » and the sentence
#    announcing the slip, in the PDF letters and the ODT ones (converted).
# slip_pages PDF...: counts the pages with a cut line in $slips; each must
# hold the slip (« j’accepte »), its announcement and its return date.
slip_pages() {
	for pdf in "$@"; do
		n=$(pages "$pdf")
		p=1
		while [ "$p" -le "${n:-0}" ]; do
			t=$(page "$pdf" $p)
			if echo "$t" | grep -q 'découper'; then
				slips=$((slips + 1))
				echo "$t" | grep -q 'j’accepte' &&
					echo "$t" | grep -q 'ci-dessous' &&
					echo "$t" | grep -q 'avant le' ||
					fail "$(basename "$pdf") page $p: the cut line without its slip, announcement or return date"
			fi
			p=$((p + 1))
		done
	done
}
slips=0
slip_pages "$dir"/pdf/*/*_letter-proposal_*.pdf
ok "$slips PDF reply slips on the page of their cut line, announcement and return date"
# The same in the ODT letters, as LibreOffice lays them out, and in the
# merged document; the long letterhead of samples/09 clear of the
# delivery mention.
mkdir -p "$dir/lo"
cp "$dir"/odt/*/*_letter-proposal_*.odt "$dir"/odt/LH-0*/*.odt "$dir/lo/"
cp "$dir"/odt/merged.odt "$dir/lo/" 2>/dev/null
(cd "$dir/lo" && HOME="$dir" timeout 600 soffice --headless --convert-to pdf \
	--outdir "$dir/lo" ./*.odt >/dev/null 2>&1)
slips=0
slip_pages "$dir"/lo/*.pdf
oslips=$slips
[ "$oslips" -gt 7 ] && ok "$oslips ODT reply slips (letters and merged document) on the page of their cut line and announcement" ||
	fail "only $oslips ODT reply slips found"
for pdf in "$dir"/lo/LH-0*.pdf; do
	t=$(page "$pdf" 1)
	echo "$t" | grep -E 'Lettre remise|Lettre recommandée|Envoyée par' |
		grep -q -v -E '^\s*(Lettre remise en main propre contre décharge|Lettre recommandée.*|Envoyée par courriel)\s*$' &&
		fail "$(basename "$pdf" .pdf).odt: the delivery mention shares its line"
	last=$(echo "$t" | grep -n '2450 avenue du Maréchal-Juin' | cut -d: -f1)
	deliv=$(echo "$t" | grep -n -E 'Lettre remise|Lettre recommandée|Envoyée par' | head -1 | cut -d: -f1)
	[ -n "$last" ] && [ -n "$deliv" ] && [ "$deliv" -gt $((last + 1)) ] ||
		fail "$(basename "$pdf" .pdf).odt: the long letterhead meets the delivery mention (lines $last, $deliv)"
done
ok "the long letterhead of samples/09 stays clear of the delivery mention (ODT through LibreOffice)"

# 4. No label says « salarié » for a Mme.
for pdf in "$dir"/pdf/*/*.pdf; do
	pdftotext -l 1 "$pdf" - | grep -q 'Mme ' || continue
	pdftotext "$pdf" - | grep -n -E '(Le|le|du|au) salarié\b|Salarié\b' |
		grep -v 'salariés' | sed "s|^|$(basename "$pdf"): |"
done >"$dir/masc"
if [ -s "$dir/masc" ]; then
	fail "masculine labels for a Mme: $(head -3 "$dir/masc")"
else
	ok "no label says « salarié » for a Mme"
fi

# 5. Dates in words everywhere: no dd/mm/yyyy, no __/__/____.
if grep -l . /dev/null; then :; fi
for pdf in "$dir"/pdf/*/*.pdf; do
	pdftotext "$pdf" - | grep -E '[0-9]{2}/[0-9]{2}/[0-9]{4}|__/__' |
		sed "s|^|$(basename "$pdf"): |"
done >"$dir/numeric"
if [ -s "$dir/numeric" ]; then
	fail "numeric dates: $(head -3 "$dir/numeric")"
else
	ok "every date in words, signature blocks included"
fi

# 6. Legal content.
pop=$(ls "$dir"/pdf/ACG-1001/*_letter-proposal_*.pdf | head -1)
pdftotext "$pop" - | tr '\n' ' ' | grep -q 'L2141-5' &&
	pdftotext "$pop" - | tr '\n' ' ' | grep -q 'recensement des compétences' &&
	ok "POPESCU's end-of-mandate offer: the recensement des compétences (L2141-5)" ||
	fail "POPESCU's end-of-mandate offer has no recensement (L2141-5)"
e42=$(ls "$dir"/pdf/E0042/*_letter-proposal_*.pdf | head -1)
pdftotext "$e42" - | tr '\n' ' ' | grep -q 'L1225-57' &&
	ok "the parental-leave offer cites L1225-57's topics" ||
	fail "the parental-leave offer has no L1225-57 topics"
rep=0
for pdf in "$dir"/pdf/*/*_letter-refusal-record_*.pdf; do
	t=$(pdftotext "$pdf" - | tr '\n' ' ')
	echo "$t" | grep -q 'refus précédent' || continue
	rep=$((rep + 1))
	echo "$t" | grep -q -E 'exprimés? le [0-9]' ||
		fail "$(basename "$pdf"): a repeated refusal without the earlier dates"
done
[ "$rep" -gt 0 ] && ok "$rep repeated-refusal letters give the date of each earlier refusal"
reports=$(ls "$dir"/pdf/*/*_report_*.pdf | wc -l)
att=$(for pdf in "$dir"/pdf/*/*_report_*.pdf; do pdftotext "$pdf" - | tr '\n' ' ' |
	grep -q 'ne vaut pas accord sur son contenu' && echo x; done | wc -l)
[ "$att" -eq "$reports" ] && ok "$reports reports: the attestation sentence under the signatures" ||
	fail "$att of $reports reports carry the attestation sentence"

# 7. A signature block never alone on its page; earlier pages of signed
#    documents carry the initials box.
alone=0 signed=0
for pdf in "$dir"/pdf/*/*.pdf; do
	n=$(pages "$pdf")
	t=$(page "$pdf" "$n")
	echo "$t" | grep -q 'Signature' || continue
	echo "$t" | grep -q 'Pour l’employeur' || continue
	signed=$((signed + 1))
	lines=$(echo "$t" | grep -v -E 'Signature|Pour l’employeur|Date|Copie remise|page [0-9]+ / [0-9]+|^\s*$' | wc -l)
	if [ "$lines" -lt 4 ]; then
		alone=$((alone + 1))
		fail "$(basename "$pdf") page $n: the signature block almost alone ($lines other lines)"
	fi
	p=1
	while [ "$p" -lt "$n" ]; do
		page "$pdf" $p | grep -q 'Paraphes' ||
			fail "$(basename "$pdf") page $p: no initials box"
		p=$((p + 1))
	done
done
[ "$alone" -eq 0 ] && ok "$signed signed PDFs: the signatures never alone, initials on earlier pages"

# 8. A refused recap interview: stated, and the employer's prise d'acte
#    instead of the employee's signature; a payment date passed says so;
#    a recorded payment is shown.
lh1=$(ls "$dir"/pdf/LH-01/*_recap_2022-09-05.pdf)
t=$(pdftotext "$lh1" - | tr '\n' ' ')
echo "$t" | grep -q 'a refusé l’entretien d’état des lieux' &&
	echo "$t" | grep -q 'prise d’acte du refus' &&
	! echo "$t" | grep -q 'La salariée Mme' &&
	echo "$t" | grep -q 'Versé le 15 décembre 2022' &&
	echo "$t" | grep -q 'CDC 2022-12-0457' &&
	ok "LH-01: the refused recap is stated, the employer takes note, the recorded payment shown" ||
	fail "LH-01's recap: refusal, prise d'acte or recorded payment missing"
lh2=$(ls "$dir"/pdf/LH-02/*_recap_2021-10-12.pdf)
pdftotext "$lh2" - | tr '\n' ' ' | grep -q 'Échéance dépassée.*Versement effectué le' &&
	ok "LH-02: « échéance dépassée » and room to record the payment" ||
	fail "LH-02's recap does not say échéance dépassée"
# The 2025 report: topic 2° from <positions>, the previous plan's follow-up.
r=$(ls "$dir"/pdf/LH-01/*_report_2024-03-04.pdf)
t=$(pdftotext "$r" - | tr '\n' ' ')
echo "$t" | grep -q 'Suivi du plan d’action' && echo "$t" | grep -q 'Abandonnée' &&
	echo "$t" | grep -q 'Réalisée' && echo "$t" | grep -q 'Agente d.exploitation' &&
	ok "LH-01's report: the previous plan's follow-up and the posts held" ||
	fail "LH-01's report misses the plan's follow-up or the posts held"

# §7b: the verdict of a period under the droit d'option names its test.
e107=$(ls "$dir"/pdf/E0107/*_recap_2020-03-07.pdf)
pdftotext "$e107" - | tr '\n' ' ' | grep -q 'Test retenu' &&
	ok "E0107's 2020 recap names the test used (droit d’option examined)" ||
	fail "E0107's 2020 recap does not name its test"

# 10. Timeline: the period's bounds and absence spans labelled, today.
t=$(pdftotext "$e175" - | tr '\n' ' ')
echo "$t" | grep -q 'début : 11 janvier 2022' && echo "$t" | grep -q 'fin : 11 janvier 2030' &&
	echo "$t" | grep -q 'aujourd’hui' &&
	ok "timeline: start, end and today labelled" || fail "timeline labels missing"
abs=$(ls "$dir"/pdf/E0042/*_recap_2023-09-04.pdf)
pdftotext "$abs" - | tr '\n' ' ' | grep -q 'congé parental d’éducation' &&
	ok "timeline: the absence span says what it is" || fail "absence span not labelled"
grep -q 'tenue en retard' gen/layout_timeline.c gen/odt_content.c &&
	fail "« échéance tenue en retard » is still a legend"

# 9. Sizes: body text 10 pt, nothing below 8 pt but the superscript of
#    « 1er » (Open Sans: a word's box is 1.36 em high).
for pdf in "$dir"/pdf/E0042/*.pdf "$dir"/pdf/LH-01/*.pdf; do
	pdftotext -bbox "$pdf" - 2>/dev/null
done | awk -F'"' '/<word / { h = $8 - $4; w = $0; sub(/.*">/, "", w); sub(/<.*/, "", w)
	n[sprintf("%.1f", h)]++
	if (h < 8 * 1.36 - 0.2 && w != "er") { small++; ex = w " " h } }
	END { best = 0; for (k in n) if (n[k] > best) { best = n[k]; mode = k }
	printf "%s %d %s\n", mode, small, ex }' >"$dir/sizes"
read -r mode small ex <"$dir/sizes"
awk -v m="$mode" 'BEGIN { exit !(m >= 10 * 1.36 - 0.2) }' &&
	ok "body text at 10 pt (word height $mode)" || fail "body text below 10 pt (word height $mode)"
[ "$small" -eq 0 ] && ok "no text under 8 pt but superscripts" ||
	fail "$small words under 8 pt (e.g. $ex)"
sup=$(for pdf in "$dir"/pdf/*/*.pdf; do pdftotext -bbox "$pdf" - 2>/dev/null; done |
	grep -c '>er<\|>1er<')
[ "$sup" -gt 0 ] && ok "« 1er » set with a superscript ($sup)" || fail "no superscript « er »"

# 9. French spacing: no line ends with « n° », « « » or a weekday; no
#    straight apostrophe in template text.
for pdf in "$dir"/pdf/*/*.pdf; do
	pdftotext -layout "$pdf" - | sed 's/[[:space:]]*$//' |
		grep -E '(n°|«|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$' |
		sed "s|^|$(basename "$pdf"): |"
done >"$dir/ends"
if [ -s "$dir/ends" ]; then
	fail "lines end with n°, « or a weekday: $(head -3 "$dir/ends")"
else
	ok "no line ends with « n° », « « » or a weekday"
fi
if grep -v '^\s*<!--' templates/*.xml | grep -q "'"; then
	fail "straight apostrophes in templates: $(grep -c "'" templates/*.xml | grep -v ':0' | head -3)"
else
	ok "no straight apostrophe in template text"
fi
n=$(for pdf in "$dir"/pdf/*/*.pdf; do pdftotext "$pdf" -; done | grep -c "’")
[ "$n" -gt 1000 ] && ok "typographic apostrophes in the text we write" ||
	fail "only $n typographic apostrophes"

# 9. Justified French text is hyphenated (libhyphen, hyphen-fr), at
#    points the patterns allow: two letters at least before the hyphen.
pdftotext -layout "$dir"/pdf/E0042/*_notice_*.pdf - | grep -o '[[:alpha:]’]*-$' >"$dir/hyph"
if [ "$(wc -l <"$dir/hyph")" -ge 2 ] && grep -q 'profes-' "$dir/hyph"; then
	ok "justified text hyphenated ($(tr '\n' ' ' <"$dir/hyph"))"
else
	fail "no hyphenation in E0042's notice: $(tr '\n' ' ' <"$dir/hyph")"
fi
for pdf in "$dir"/pdf/*/*.pdf; do
	pdftotext -layout "$pdf" - | grep -E '(^|[[:space:]’])[[:alpha:]]-$'
done >"$dir/short"
[ -s "$dir/short" ] && fail "a hyphen after a single letter: $(head -3 "$dir/short")"
unzip -p "$(ls "$dir"/odt/*/*.odt | head -1)" styles.xml >"$dir/odt_styles.xml"
grep -q 'fo:hyphenate="true"' "$dir/odt_styles.xml" &&
	ok "ODT letters ask for French hyphenation" || fail "ODT letters not hyphenated"

# 11. /Lang (fr-FR) in every catalog, a ToUnicode map for every font.
nolang=0 nouni=0
for pdf in "$dir"/pdf/*/*.pdf; do
	qpdf --qdf --object-streams=disable "$pdf" - 2>/dev/null |
		grep -a -q '/Lang (fr-FR)' || nolang=$((nolang + 1))
	pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 && $(NF - 2) != "yes" { bad = 1 } END { exit !bad }' &&
		nouni=$((nouni + 1))
done
[ "$nolang" -eq 0 ] && ok "every PDF says /Lang (fr-FR)" || fail "$nolang PDFs without /Lang (fr-FR)"
[ "$nouni" -eq 0 ] && ok "every font of every PDF has a ToUnicode map" || fail "$nouni PDFs with a font without ToUnicode"

exit $status
