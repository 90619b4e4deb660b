# Hostile case: the output directory holds, where dossier H-1's
# directory goes, a symbolic link to a folder outside it (with a file
# named like a document of H-1 and one like a temporary name, as
# .bashrc.backup is), and, where H-2's goes, a plain file.  Nothing is
# written or removed through the link or over the file: each is that
# dossier's error with its file and line (exit 1); the other dossier is
# written, and the folder outside is as it was.
. tests/hostile/lib.sh
hostile_setup
hostile_many "$H/run/two.xml" H-1 H-2 H-3
mkdir -p "$H/run/out" "$H/elsewhere"
echo keep >"$H/elsewhere/.bashrc.backup"
echo keep >"$H/elsewhere/H-1_BENALI_notice_1999-01-01.pdf"
ln -s ../../elsewhere "$H/run/out/H-1"
echo keep >"$H/run/out/H-2"
(cd "$H/elsewhere" && ls -A | sort | xargs sha256sum) >"$H/before"
hostile_parcours "$@" -o out two.xml
(cd "$H/elsewhere" && ls -A | sort | xargs sha256sum) | cmp -s - "$H/before" &&
	echo "the folder the link points to is as it was" ||
	echo "THE FOLDER THE LINK POINTS TO CHANGED: $(ls -A "$H/elsewhere")"
[ -L "$H/run/out/H-1" ] && echo "the link is still a link"
[ "$(cat "$H/run/out/H-2")" = keep ] && echo "the file is as it was"
rm "$H/run/out/H-1" "$H/run/out/H-2"
hostile_checks -e ./two.xml
exit "$status"
