#!/bin/sh
# Peer of the letters as PDF: LibreOffice headless converting our ODT
# letters to PDF, the usual mail-merge route.  One soffice process
# converts the whole batch.  It runs three times: once untimed (the
# profile is created, the program's files come into the page cache),
# once with the first letter alone and once with all of them; the
# difference of the last two is the cost of the letters themselves,
# start-up left out: the rate of a warm soffice.
#
# usage: bench/peers/libreoffice.sh WORK_DIR LETTER.odt...
# Prints one JSON line: {"docs","wall_s","cpu_s","bytes","docs_out",
# "rss_kib"}: docs letters timed (all but the first), bytes of the
# docs_out PDFs written.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 WORK_DIR LETTER.odt..." >&2; exit 2; }
work=$1
shift
mkdir -p "$work"
work=$(cd "$work" && pwd)
profile="file://$work/profile"
first=$1

# convert OUT FILE...: seconds of wall and CPU, and peak RSS in KiB.
convert() {
	out=$1
	shift
	rm -rf "$out"
	mkdir -p "$out"
	/usr/bin/time -f '%e %U %S %M' -o "$work/time" \
		soffice --headless --norestore --nologo \
		"-env:UserInstallation=$profile" --convert-to pdf \
		--outdir "$out" "$@" >"$work/soffice.log" 2>&1 || {
		echo "libreoffice.sh: soffice failed, see $work/soffice.log" >&2
		exit 1
	}
	cat "$work/time"
}

convert "$work/warm" "$first" >/dev/null
one=$(convert "$work/one" "$first")
n=$#
all=$(convert "$work/all" "$@")
made=$(find "$work/all" -name '*.pdf' | wc -l)
if [ "$made" -ne "$n" ]; then
	echo "libreoffice.sh: $made PDFs for $n letters" >&2
	exit 1
fi
bytes=$(find "$work/all" -name '*.pdf' -exec cat {} + | wc -c)
echo "$one $all $n $bytes" | awk '{
	printf "{\"docs\":%d,\"wall_s\":%.3f,\"cpu_s\":%.3f,\"bytes\":%d,", \
		$9 - 1, $5 - $1, ($6 + $7) - ($2 + $3), $10
	printf "\"docs_out\":%d,\"rss_kib\":%d}\n", $9, $8
}'
