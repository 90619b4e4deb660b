# Hostile case: templates asking for huge repeats (a million blank table
# rows, ruled lines, blank lines under a text field, vertical space).
# Every count has a bound checked when the template is loaded: refused
# with the line and the bound, nothing written.
. tests/hostile/lib.sh
hostile_setup
cp tests/hostile/base.xml "$H/run/base.xml"
cp -r templates "$H/run/tpl"
cat >"$H/run/tpl/report.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document>
  <title>Répétitions</title>
  <table widths="50 50"><blank-rows count="1000000"/></table>
  <ruled lines="1000000"/>
  <text field="report.wishes" blank-lines="1000000"/>
  <space lines="1000000"/>
</document>
XML
hostile_parcours "$@" --templates tpl -o out base.xml
hostile_checks -e ./base.xml -e ./tpl
exit "$status"
