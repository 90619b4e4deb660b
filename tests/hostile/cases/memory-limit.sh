# Hostile case: the address space limited (ulimit -v), as a container's
# memory limit or the OOM policy of a shared server does, at a range of
# sizes from too small to start to just enough (58 to 72 MB for the
# libraries this build links: OpenSSL, libcurl, libical, ICU), 200 KB
# apart, as each allocation that fails does so in a window of a few
# hundred KB.  Whatever the size: exit 0, or 3 with a message in words
# ("out of memory"), never a crash
# and never a bare libharu code ("libharu error 0x1066, detail
# 18446744073709551612" is what zlib's Z_MEM_ERROR used to print).
. tests/hostile/lib.sh
hostile_setup
cp tests/hostile/base.xml "$H/run/base.xml"
codes=0 crashes=0 failed=0
for kb in $(seq 58000 200 72000); do
	rm -rf "$H/run/out"
	(cd "$H/run" && ulimit -v $kb &&
		exec "$PARCOURS" "$@" -o out base.xml) >"$H/out" 2>&1
	st=$?
	case $st in
	0) ;;
	3) failed=$((failed + 1)) ;;
	127) ;; # the dynamic loader could not map a library: not ours
	*) crashes=$((crashes + 1)); echo "exit status $st at $kb KiB" ;;
	esac
	grep -q -i -e 'libharu error' -e 'detail [0-9]' "$H/out" && {
		codes=$((codes + 1))
		echo "a bare code at $kb KiB: $(grep -i -m1 -e 'libharu error' -e 'detail [0-9]' "$H/out")"
	}
	[ $st -eq 3 ] && ! grep -q -i ' error: .*memory' "$H/out" &&
		echo "exit 3 at $kb KiB without a word of memory: $(head -1 "$H/out")"
done
[ $failed -gt 0 ] && echo "some limits ran out of memory, each said so in words"
echo "$codes messages with a bare libharu code, $crashes crashes"
hostile_confined -e ./base.xml
hostile_no_temp
