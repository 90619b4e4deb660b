# Hostile input and failure (tests/hostile/): each case prints what
# parcours said and what the checks of tests/hostile/lib.sh found (files
# outside the output directory, temporary files left, every PDF readable
# with every word inside the margins, every ODT part well-formed, how
# names reach status.csv), compared with tests/hostile/expected/NAME.out
# along with the exit status.  `make hostile` runs these cases alone.

# hostile NAME STATUS [ARGS...]: case NAME run by tests/hostile/case.sh;
# by default through `all`, which writes every document and CSV file.
hostile() {
	hostile_name=$1 hostile_status=$2
	shift 2
	[ $# -gt 0 ] || set -- all -q -j 2 --as-of 2026-11-26
	case_run "hostile-$hostile_name" \
		"tests/hostile/expected/$hostile_name.out" "$hostile_status" \
		sh tests/hostile/case.sh "$hostile_name" "$@"
}

# The parser never reads another file, never expands an entity.
hostile xxe-local-file 1
hostile external-dtd 1
hostile xinclude 1
hostile billion-laughs 1

# Nothing to read is a warning naming the directory, not a failure.
hostile empty-directory 0

# Limits (README.md): refused with the file, the line and the limit.
hostile deep-nesting 1
hostile big-file 1
hostile big-stdin 1
hostile endless-input 1
hostile long-text 1
hostile long-list 1
hostile many-attributes 1
hostile many-namespaces 1

# Characters: never quoted back, never written raw into a document.
hostile invalid-utf8 1
hostile nul-byte 1
hostile control-char-esc 1
hostile control-chars 1
hostile encoding-utf16 1
hostile encoding-latin1 1
hostile encoding-ebcdic 1

# Data that aims at the outputs.
hostile long-name 0
hostile dotdot-id 1
hostile reserved-ids 1
hostile dash-id 0
hostile symlink-dossier-dir 1
hostile csv-formula 0
hostile xml-metachars 0
hostile validate-glyph 1 validate --as-of 2026-11-26

# Broken resources: the run stops before writing anything (exit 3).
hostile template-unknown-field 3
hostile template-huge-repeat 3
hostile template-nested-loops 3
hostile template-huge-file 3
hostile missing-font 3
hostile missing-template 3

# Failing writes and interruptions: a clear message, exit 3, and never
# a partial file under a final name.
hostile unwritable-output 3
hostile full-disk-ulimit 3
if [ "$(id -u)" -eq 0 ] && hostile_mnt=$(mktemp -d) &&
	mount -t tmpfs -o size=16k tmpfs "$hostile_mnt" 2>/dev/null; then
	umount "$hostile_mnt"
	hostile full-disk-tmpfs 3
else
	echo "skip hostile-full-disk-tmpfs: cannot mount a tmpfs here" \
		"(full-disk-ulimit still runs)"
fi
rmdir "$hostile_mnt" 2>/dev/null
hostile signals 0 -q --as-of 2026-11-26
# ASan reserves terabytes of address space: no ulimit -v under it.
if ldd "$PARCOURS" 2>/dev/null | grep -q libasan; then
	echo "skip hostile-memory-limit: ulimit -v and ASan do not mix"
else
	hostile memory-limit 0 all -q -j 1 --as-of 2026-11-26
fi
