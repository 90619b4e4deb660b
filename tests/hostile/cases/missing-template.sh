# Hostile case: a template set without recap.xml.  Templates are loaded
# before any dossier is read: the run stops naming the missing file (exit
# status 3) and writes nothing.
. tests/hostile/lib.sh
hostile_setup
cp tests/hostile/base.xml "$H/run/base.xml"
cp -r templates "$H/run/tpl"
rm "$H/run/tpl/recap.xml"
hostile_parcours "$@" --templates tpl -o out base.xml
hostile_checks -e ./base.xml -e ./tpl
exit "$status"
