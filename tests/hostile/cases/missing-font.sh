# Hostile case: a font folder that lacks the bold face.  Fonts are loaded
# before any dossier is read: the run stops naming the missing file (exit
# status 3) and writes nothing.
. tests/hostile/lib.sh
hostile_setup
cp tests/hostile/base.xml "$H/run/base.xml"
mkdir "$H/run/fonts"
cp fonts/*.ttf "$H/run/fonts/"
rm "$H/run/fonts/OpenSans-Bold.ttf"
hostile_parcours "$@" --fonts fonts -o out base.xml
hostile_checks -e ./base.xml -e ./fonts
exit "$status"
