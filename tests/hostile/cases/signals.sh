# Hostile case: SIGTERM and SIGINT in the middle of a run, as a service
# stop or a Ctrl-C sends them to the whole process group (workers too).
# Documents are written to a temporary name and renamed into place, so
# whatever the moment: every file under a final name is complete (qpdf
# --check, unzip -t), and `all` says it was interrupted (exit status 3)
# and leaves no temporary file.  `notice`, which keeps the default
# action, dies of the signal (128 + its number).  The number of documents
# written before the signal varies, so it is not printed.
. tests/hostile/lib.sh
hostile_setup
python3 - "$H/run/many.xml" <<'PY'
import sys
b = open("tests/hostile/base.xml", encoding="utf-8").read()
i, j = b.index('  <dossier id="H-1">'), b.index("</dossiers>")
one = b[i:j]
b = (b[:i] + "".join(one.replace('id="H-1"', 'id="H-%d"' % k)
                     for k in range(400)) + "</dossiers>\n")
open(sys.argv[1], "w", encoding="utf-8").write(b)
PY

# interrupt SIGNAL ARGS...: runs parcours ARGS in $H/run in a process
# group of its own, sends SIGNAL to the group once 5 documents exist,
# and prints the exit status; parcours' messages with numbers blanked.
# A run that ends before it could be interrupted fails the case.
interrupt() {
	sig=$1
	shift
	rm -rf "$H/run/out"
	python3 - "$sig" "$PARCOURS" "$@" <<'PY' >"$H/out" 2>&1 || result=1
import os, signal, subprocess, sys, time
sig = getattr(signal, "SIG" + sys.argv[1])
p = subprocess.Popen(sys.argv[2:], cwd=os.environ["H"] + "/run",
                     start_new_session=True)
def documents():
    n = 0
    for _, _, files in os.walk(os.environ["H"] + "/run/out"):
        n += sum(f.endswith((".pdf", ".odt")) and not f.startswith(".")
                 for f in files)
    return n
deadline = time.time() + 300
while p.poll() is None and documents() < 5 and time.time() < deadline:
    time.sleep(0.02)
if p.poll() is not None:
    print("parcours ended before the signal: nothing was tested")
    sys.exit(1)
os.killpg(p.pid, sig)
p.wait()
print("exit status %d" % (p.returncode if p.returncode >= 0
                          else 128 - p.returncode))
PY
	sed '/^exit status /!s/[0-9][0-9]*/N/g' "$H/out"
	[ -d "$H/run/out" ] || return 0
	(cd "$H/run/out" && find . -type f ! -name '.*') | while read -r f; do
		case $f in
		*.pdf) qpdf --check "$H/run/out/$f" >/dev/null 2>&1 ||
			echo "PARTIAL FILE $f" ;;
		*.odt | *.zip) unzip -tqq "$H/run/out/$f" >/dev/null 2>&1 ||
			echo "PARTIAL FILE $f" ;;
		esac
	done
	echo "every file under a final name is complete"
}
export H
result=0
for sig in TERM INT; do
	echo "== all, SIG$sig"
	interrupt $sig all "$@" -o out many.xml
	hostile_no_temp
done
echo "== notice, SIGTERM"
interrupt TERM notice "$@" -o out many.xml
hostile_confined -e ./many.xml
exit $result
