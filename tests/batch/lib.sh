# Shared by the batch tests (tests/batch/*.sh), sourced after
# `parcours=$1`: a temporary directory, failing loudly, and the checks
# that a file under its final name is complete.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
asof=2026-11-26

fail() {
	echo "FAIL $*"
	exit 1
}

ok() {
	echo "ok $*"
}

for tool in qpdf pdffonts unzip cmp python3; do
	command -v "$tool" >/dev/null 2>&1 ||
		fail "$tool is not installed (run make deps)"
done

# partial_files DIR: every PDF ends with %%EOF and every ODT is a whole zip;
# prints the first file that is not.
partial_files() {
	find "$1" -name '*.pdf' ! -name '.*' | while read -r f; do
		tail -c 16 "$f" | grep -q '%%EOF' || { echo "$f"; break; }
	done
	find "$1" -name '*.odt' ! -name '.*' | while read -r f; do
		unzip -tqq "$f" >/dev/null 2>&1 || { echo "$f"; break; }
	done
}

# temps DIR: the temporary files a killed run may leave.
temps() {
	find "$1" -name '.*.??????*' -o -name '*.odt.??????'
}

# ids FILES...: the dossier ids in input order.
ids() {
	grep -ho '<dossier id="[^"]*"' "$@" | sed 's/.*id="//; s/"$//'
}

# workers N PID: until the run PID has N worker processes (10 s at most).
workers() {
	i=0
	while [ "$(pgrep -P "$2" | wc -l)" -lt "$1" ]; do
		i=$((i + 1))
		[ $i -gt 400 ] && fail "no $1 workers after 10 s"
		kill -0 "$2" 2>/dev/null || fail "the run ended before the signal"
		sleep 0.025
	done
}
