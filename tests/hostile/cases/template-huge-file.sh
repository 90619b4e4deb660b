# Hostile case: a 200 MB notice template (sparse: it takes no disk).  A
# template is pages of markup: past 1 MiB it is refused before a byte is
# read, naming the file (exit status 3, nothing written).
. tests/hostile/lib.sh
hostile_setup
cp tests/hostile/base.xml "$H/run/base.xml"
cp -r templates "$H/run/tpl"
truncate -s 200M "$H/run/tpl/notice.xml"
hostile_parcours "$@" --templates tpl -o out base.xml
hostile_checks -e ./base.xml -e ./tpl
exit "$status"
