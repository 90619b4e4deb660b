# Hostile case: a template that nests three loops over lists a dossier
# holds up to 1 000 entries of (10^9 turns), with a dossier at those
# limits.  Expansion is bounded: the run stops at once, naming the
# template line, instead of building a document without end.  timeout
# turns a hang into a failure (exit status 124).
. tests/hostile/lib.sh
hostile_setup
cp -r templates "$H/run/tpl"
cat >"$H/run/tpl/report.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document>
  <title>Boucles imbriquées</title>
  <for each="trainings-since-previous">
    <for each="certifications-since-previous">
      <for each="actions">
        <p><field name="action.text"/></p>
      </for>
    </for>
  </for>
</document>
XML
python3 - "$H/run/lists.xml" <<'PY'
import sys
b = open("tests/hostile/base.xml", encoding="utf-8").read()
tr = '<training start="2021-03-01" hours="1" mandatory="true">T</training>\n'
ce = '<certification date="2021-04-01" kind="other">C</certification>\n'
ac = '<action kind="training">A</action>\n'
b = b.replace("<trainings>\n", "<trainings>\n" + tr * 999)
b = b.replace("</trainings>", "</trainings>\n<certifications>"
              + ce * 1000 + "</certifications>")
b = b.replace("<employee-comments>", "<actions>" + ac * 1000 + "</actions>"
              "<employee-comments>")
open(sys.argv[1], "w", encoding="utf-8").write(b)
PY
(cd "$H/run" && timeout 120 "$PARCOURS" "$@" --templates tpl -o out \
	lists.xml) >"$H/out" 2>&1
status=$?
hostile_show "$H/out"
hostile_checks -e ./lists.xml -e ./tpl
exit "$status"
