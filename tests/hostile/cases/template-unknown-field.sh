# Hostile case: a template set whose report uses a field that does not
# exist.  Every template is checked when loaded: the run stops before
# anything is written, naming the template and its line (exit status 3,
# as for a missing template).
. tests/hostile/lib.sh
hostile_setup
cp tests/hostile/base.xml "$H/run/base.xml"
cp -r templates "$H/run/tpl"
sed -i 's|<field name="employee.name"/>|<field name="employee.salary"/>|' \
	"$H/run/tpl/report.xml"
hostile_parcours "$@" --templates tpl -o out base.xml
hostile_checks -e ./base.xml -e ./tpl
exit "$status"
