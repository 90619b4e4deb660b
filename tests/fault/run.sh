#!/bin/sh
# System faults no input can cause, made at will: each case runs a
# command with the shim of fault.c preloaded (FAULT=FUNC:ERRNO[:PATH
# SUBSTRING[:NTH]]; FAULT_SWAP, FAULT_READ_MAX), or writes to /dev/full,
# and checks what cli.md asks: the message (by its name in gen/msg.h, as PARCOURS_MSG_TRACE
# records it, and its text on stderr with the file it names), the exit
# status (3 for a system error), no file left under a temporary or a
# final name it should not have, and an earlier run's files untouched.
# The faults are made by the shim rather than by a non-root run so that
# the suite means the same as root (CI) and as a user.
#
# usage: PARCOURS=build/parcours FAULT_SO=build/tests/fault.so \
#        sh tests/fault/run.sh
# One "ok" line per case, "FAIL" lines otherwise; exit status 1 on any
# failure.  Not for ASan builds: their runtime must be loaded first.
set -u
P=${PARCOURS:-build/parcours}
SO=${FAULT_SO:-build/tests/fault.so}
case $P in /*) ;; *) P=$PWD/$P ;; esac
case $SO in /*) ;; *) SO=$PWD/$SO ;; esac
S=$PWD/samples
one=$S/01-transports-martin.xml
asof=2026-06-01
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
# The case's own trace, where no fault's path substring points.
mkdir "$t/trace"
status=0 n=0
fail() {
	echo "FAIL: $*"
	status=1
}

# expect NAME STATUS MSG_X TEXT FAULT CMD...: runs CMD (a shell command)
# under FAULT ("-": none); checks its exit status, that it produced
# MSG_X and that stderr holds TEXT.
expect() {
	name=$1 want=$2 msg=$3 text=$4 spec=$5
	shift 5
	rm -f "$t/trace/m"
	if [ "$spec" = - ]; then
		PARCOURS_MSG_TRACE=$t/trace/m sh -c "$*" >"$t/out" 2>"$t/err"
	else
		FAULT=$spec LD_PRELOAD=$SO PARCOURS_MSG_TRACE=$t/trace/m \
			sh -c "$*" >"$t/out" 2>"$t/err"
	fi
	got=$?
	n=$((n + 1))
	if [ -n "${PARCOURS_MSG_TRACE:-}" ] && [ -f "$t/trace/m" ]; then
		cat "$t/trace/m" >>"$PARCOURS_MSG_TRACE"
	fi
	if [ $got != "$want" ]; then
		fail "$name: exit $got, not $want: $(head -3 "$t/err")"
	elif ! grep -qx "$msg" "$t/trace/m" 2>/dev/null; then
		fail "$name: no $msg: $(head -3 "$t/err")"
	elif ! grep -qF -- "$text" "$t/err"; then
		fail "$name: stderr lacks \"$text\": $(head -3 "$t/err")"
	else
		return 0
	fi
	return 1
}
ok() { echo "ok: $*"; }
# No temporary file (outfile.c's ".NAME.XXXXXX", libzip's NAME.XXXXXX)
# anywhere under DIR.
no_temp() {
	left=$(find "$1" -name '.*.??????' -o -name '*.odt.??????' 2>/dev/null |
		head -3)
	[ -z "$left" ] || { fail "$2: temporary files left: $left"; return 1; }
}
# DIR holds no manifest: a failed run never says it is complete.
no_manifest() {
	[ ! -e "$1/manifest.csv" ] || { fail "$2: manifest.csv written"; return 1; }
}
run_all="$P all -q --as-of $asof"

# ---- the batch: workers, run-wide files, sweeps, locks --------------
o=$t/pipe
expect "pipe(2) fails" 3 MSG_BATCH_CANNOT_CREATE_PIPE \
	"system error: cannot create a pipe: Too many open files" \
	pipe:EMFILE "$run_all -o $o $S" && no_manifest "$o" pipe &&
	no_temp "$o" pipe && ok "pipe(2) fails: exit 3, no manifest"
o=$t/fork
expect "fork(2) fails" 3 MSG_BATCH_CANNOT_START_WORKER_PROCESS \
	"cannot start a worker process" fork:EAGAIN "$run_all -o $o $S" &&
	no_manifest "$o" fork && no_temp "$o" fork &&
	ok "fork(2) fails: exit 3, no manifest"
o=$t/lstat
expect "lstat(2) of a dossier's directory" 3 MSG_BATCH_CANNOT_READ \
	"$o/AB-01: system error: cannot read: Input/output error" \
	lstat:EIO:"$o/AB-01" "$run_all -o $o $S" && no_manifest "$o" lstat &&
	[ ! -e "$o/AB-01" ] && [ -d "$o/E0042" ] && no_temp "$o" lstat &&
	ok "lstat(2) fails for one dossier: its directory not made, the others written"
o=$t/readback
expect "a run-wide file cannot be read back" 3 MSG_BATCH_CANNOT_READ_BACK \
	"$o/status.csv: system error: cannot read back" \
	open:EIO:"$o/status.csv" "$run_all -o $o $S" &&
	no_manifest "$o" readback && no_temp "$o" readback &&
	ok "status.csv cannot be hashed: exit 3, no manifest"

# An earlier good run, kept aside to compare with.
e=$t/earlier
$run_all -o "$e" "$S" || fail "the earlier run failed"
cp -a "$e" "$t/earlier.copy"
expect "unlink(2) of the earlier manifest" 3 \
	MSG_BATCH_CANNOT_REMOVE_EARLIER_MANIFEST \
	"$e/manifest.csv: system error: cannot remove the earlier manifest" \
	unlink:EACCES:"$e/manifest.csv" "$run_all -o $e $S" &&
	diff -r "$e" "$t/earlier.copy" >/dev/null &&
	ok "the earlier manifest cannot go: the earlier run untouched" ||
	fail "the earlier run changed: $(diff -rq "$e" "$t/earlier.copy" | head -3)"
expect "unlink(2) of an earlier index.html" 3 MSG_BATCH_CANNOT_REMOVE \
	"$e/index.html: system error: cannot remove: Permission denied" \
	unlink:EACCES:"$e/index.html" "$run_all --no-dashboard -o $e $S" &&
	cmp -s "$e/index.html" "$t/earlier.copy/index.html" &&
	no_manifest "$e" remove && no_temp "$e" remove &&
	[ "$(find "$e" -name '*.pdf' | wc -l)" = \
	  "$(find "$t/earlier.copy" -name '*.pdf' | wc -l)" ] &&
	ok "index.html cannot go: exit 3, no manifest, every PDF kept"
rm -rf "$e" && cp -a "$t/earlier.copy" "$e"
: >"$e/AB-01/.AB-01_x.pdf.ABCDEF"
expect "unlinkat(2) in a sweep" 3 MSG_SWEEP_CANNOT_REMOVE \
	"$e/AB-01: system error: cannot remove .AB-01_x.pdf.ABCDEF" \
	unlinkat:EACCES:.AB-01_x.pdf "$run_all -o $e $S" &&
	no_manifest "$e" sweep && ok "a stale temporary file cannot go: exit 3, no manifest"
rm -rf "$e" && cp -a "$t/earlier.copy" "$e"
expect "fdopendir(3) of the output directory" 3 MSG_SWEEP_CANNOT_LIST \
	"$e: system error: cannot list" fdopendir:EMFILE:"$e" \
	"$run_all -o $e $S" && no_manifest "$e" list &&
	ok "the output directory cannot be listed: exit 3, no manifest"
rm -rf "$e" && cp -a "$t/earlier.copy" "$e"
expect "flock(2) fails" 3 MSG_LOCK_FAILED \
	"$e: system error: cannot lock: No locks available" flock:ENOLCK \
	"$run_all -o $e $S" && diff -r "$e" "$t/earlier.copy" >/dev/null &&
	ok "the run's lock fails: exit 3, the earlier run untouched"
expect "flock(2) of a shard's lock" 3 MSG_LOCK_FAILED_AT \
	"cannot lock (.parcours-lock-1-of-2)" flock:ENOLCK::2 \
	"$run_all --shard 1/2 -o $e $S" &&
	ok "a shard's lock fails: exit 3"

# ---- documents ----------------------------------------------------------
o=$t/create
expect "a document's temporary file" 3 MSG_OUT_CANNOT_CREATE \
	"_notice_2017-09-04.pdf: system error: cannot create: No space left on device" \
	openat:ENOSPC:_notice_ "$run_all -o $o $S" && no_temp "$o" create &&
	[ -z "$(find "$o" -name '*_notice_*')" ] && no_manifest "$o" create &&
	ok "no notice can be created: exit 3, no partial file, no manifest"

# Syncs and renames: the files of several dossiers are synced at once
# (outfile_group.h), and a failure there is reported naming a file and
# leaves no temporary file, no partial dossier and no partial file.  30
# generated dossiers make 4 commits of letters (the first of 79 files,
# then the run stops), 3 per worker in `all -j2`.
python3 bench/gen-dossiers.py --seed 1 --per-file 30 30 "$t/g30" \
	>/dev/null || fail "gen-dossiers.py failed"
$P letters -q --as-of $asof -o "$t/g30-letters" "$t/g30" &&
	$P all -q -j2 --as-of $asof -o "$t/g30-all" "$t/g30" ||
	fail "the runs without a fault failed"
# whole_or_none DIR WHOLE NAME: each dossier directory under DIR is
# empty or holds what it holds under WHOLE, byte for byte.
whole_or_none() {
	for d in "$1"/*/; do
		[ -z "$(ls -A "$d")" ] && continue
		w=$2/$(basename "$d")
		diff -r "$d" "$w" >/dev/null ||
			{ fail "$3: $d: $(diff -rq "$d" "$w" | head -2)"; return 1; }
	done
}
o=$t/syncfs
expect "syncfs(2) of the documents" 3 MSG_OUT_CANNOT_WRITE \
	"$o/E0042/E0042_BENALI_report_2022-01-10.pdf: system error: cannot write: Input/output error" \
	syncfs:EIO "$P report -q --as-of $asof -o $o $S" &&
	no_temp "$o" syncfs && [ -z "$(find "$o" -type f)" ] &&
	ok "the reports cannot be synced: exit 3, the first named, no file at all"
o=$t/syncfs2
expect "the second syncfs(2) of the letters" 3 MSG_OUT_CANNOT_WRITE \
	"_letter-convocation_2020-04-18.odt: system error: cannot write: Input/output error" \
	syncfs:EIO::2 "$P letters -q --as-of $asof -o $o $t/g30" &&
	no_temp "$o" syncfs2 && whole_or_none "$o" "$t/g30-letters" syncfs2 &&
	[ "$(find "$o" -type f | wc -l)" = 79 ] &&
	ok "the second commit of letters fails: exit 3, the first one's 79 files whole, nothing else"
o=$t/rename
cp -a "$t/g30-letters" "$o"
f=G1-0000003/G1-0000003_LAMBERT_convocation_2016-08-27.ics
expect "renameat(2) of one letter's invitation" 3 MSG_OUT_CANNOT_WRITE \
	"$o/$f: system error: cannot write: Input/output error" \
	renameat:EIO:"${f#*/}" "$P letters -q --as-of $asof -o $o $t/g30" &&
	no_temp "$o" rename && diff -r "$o" "$t/g30-letters" >/dev/null &&
	ok "a rename fails: exit 3, that file named, the earlier run's kept, no temporary file" ||
	fail "rename: $(diff -rq "$o" "$t/g30-letters" | head -3)"
o=$t/close
cp -a "$t/g30-letters" "$o"
expect "close(2) of one letter's invitation, after the sync" 3 \
	MSG_OUT_CANNOT_WRITE \
	"$o/$f: system error: cannot write: Input/output error" \
	close:EIO:"${f#*/}" "$P letters -q --as-of $asof -o $o $t/g30" &&
	no_temp "$o" close && diff -r "$o" "$t/g30-letters" >/dev/null &&
	ok "a close fails: exit 3, that file named and not put in place, the earlier run's kept" ||
	fail "close: $(diff -rq "$o" "$t/g30-letters" | head -3)"
o=$t/syncfs-all
expect "a worker's second syncfs(2)" 3 MSG_OUT_CANNOT_WRITE \
	"_notice_2025-06-29.pdf: system error: cannot write: Input/output error" \
	syncfs:EIO::2 "$run_all -j2 -o $o $t/g30" && no_manifest "$o" syncfs-all &&
	no_temp "$o" syncfs-all && whole_or_none "$o" "$t/g30-all" syncfs-all &&
	grep -q 'dossier "G1-0000006": cannot write: Input/output error' "$t/err" &&
	ok "all: a worker's second commit fails: exit 3, its dossiers failed, no manifest, no partial dossier"
rm -rf "$t/g30"*

o=$t/merged
expect "libzip cannot write the merged letters" 3 \
	MSG_ODT_CANNOT_WRITE_DOCUMENT \
	"$o/letters-merged.odt: system error: cannot write the document" \
	open:ENOSPC:letters-merged.odt. "$run_all -o $o $S" &&
	[ ! -e "$o/letters-merged.odt" ] && no_temp "$o" merged &&
	no_manifest "$o" merged &&
	ok "letters-merged.odt cannot be written: exit 3, no file, no manifest"
o=$t/merge
expect "tmpfile(3) for the merged letters" 3 \
	MSG_ODT_CANNOT_START_MERGED_DOCUMENT \
	"cannot start the merged document" tmpfile:EMFILE \
	"$P letters -q --as-of $asof -o $o --merge $t/merged.odt $S" &&
	[ ! -e "$t/merged.odt" ] && ok "letters --merge without tmpfile(3): exit 3, no file"
expect "--format tree to a full disk" 3 MSG_DOC_CANNOT_WRITE \
	"standard output: system error: cannot write" - \
	"$P notice --format tree --as-of $asof $one >/dev/full" &&
	ok "--format tree >/dev/full: exit 3"
o=$t/srgb
expect "the sRGB profile cannot be read" 3 MSG_PDF_CANNOT_READ_SRGB_COLOUR \
	"sRGB.icc: system error: cannot read the sRGB colour profile" \
	fopen:EIO:sRGB.icc "$P notice --pdfa -q --as-of $asof -o $o $one" &&
	[ -z "$(find "$o" -type f 2>/dev/null)" ] &&
	ok "--pdfa without its sRGB profile: exit 3, no file"

# ---- inputs -------------------------------------------------------------
expect "tmpfile(3) for standard input" 3 \
	MSG_DOSSIER_CANNOT_MAKE_TEMPORARY_FILE \
	"<stdin>: system error: cannot make a temporary file for standard input" \
	tmpfile:EMFILE "cat $one | $P validate -" &&
	ok "standard input cannot be kept: exit 3"
expect "write(2) of standard input's copy" 3 \
	MSG_DOSSIER_CANNOT_KEEP_STANDARD_INPUT \
	"<stdin>: system error: cannot keep standard input in a temporary file: No space left on device" \
	"write:ENOSPC:(deleted)" "cat $one | $P validate -" &&
	ok "standard input's copy cannot be written: exit 3"
expect "lseek(2) back to a file's start" 1 MSG_DOSSIER_CANNOT_READ_AGAIN \
	"$one: error: cannot read it again: Input/output error" \
	lseek:EIO::2 "$P validate $one" &&
	ok "a dossier cannot be read again: it fails"
expect "the schema cannot be read" 3 MSG_DOSSIER_CANNOT_READ_SCHEMA \
	"dossier.rng: system error: cannot read the schema: Permission denied" \
	fopen:EACCES:dossier.rng "$P validate $one" &&
	ok "the schema cannot be read: exit 3"
expect "opendir(3) of an input directory" 1 MSG_INPUT_CANNOT_READ_DIRECTORY \
	"$S: error: cannot read directory: Permission denied" \
	opendir:EACCES:"$S" "$P validate $S" &&
	ok "an input directory cannot be read: exit 1"

# A first chunk shorter than the head whose declaration is checked
# (reads of 100 bytes, as a slow pipe gives them): libxml2 sees the
# declaration first, and says the same as for the whole file.
sed 's/encoding="UTF-8"/encoding="ISO-8859-1"/' "$one" >"$t/latin.xml"
"$P" validate "$t/latin.xml" >/dev/null 2>"$t/whole.err"
expect "a declared encoding in a short first read" 1 \
	MSG_DOSSIER_DECLARED_ENCODING \
	"$t/latin.xml:1: error: the file declares the encoding \"ISO-8859-1\"" \
	- "FAULT_READ_MAX=100 LD_PRELOAD=$SO $P validate $t/latin.xml" &&
	cmp -s "$t/err" "$t/whole.err" &&
	ok "a declared encoding read in short chunks: the same message" ||
	fail "short reads: $(cat "$t/err") / $(cat "$t/whole.err")"

# Out of memory where a library says so: its call made to fail.
expect "libxml2 cannot make a parser" 3 MSG_DOSSIER_OUT_OF_MEMORY \
	"$one: system error: out of memory" xmlCreatePushParserCtxt:ENOMEM \
	"$P validate $one" && ok "no memory for a parser: exit 3"
expect "libxml2 cannot validate" 3 MSG_DOSSIER_OUT_MEMORY_SCHEMA_VALIDATION \
	"system error: out of memory (schema validation)" \
	xmlRelaxNGValidateDoc:ENOMEM "$P validate $one" &&
	{ ! grep -q "does not match" "$t/err" ||
	  fail "out of memory reported as a mismatch: $(head -3 "$t/err")"; } &&
	ok "no memory for the schema's validation: exit 3, no mismatch claimed"
o=$t/hpdf
expect "libharu cannot set up its encodings" 3 \
	MSG_FONT_CANNOT_SET_UP_ENCODINGS \
	"system error: cannot set up font encodings: out of memory" \
	HPDF_UseUTFEncodings:ENOMEM "$P notice -q --as-of $asof -o $o $one" &&
	[ -z "$(find "$o" -type f 2>/dev/null)" ] &&
	ok "libharu without memory: exit 3, no file"

# status sorts in bounded memory: past 1 MiB of rows (1 000 generated
# dossiers) it spills them to tmpfile(3).
python3 bench/gen-dossiers.py --seed 1 --per-file 1000 1000 "$t/gen" \
	>/dev/null || fail "gen-dossiers.py failed"
expect "tmpfile(3) for the sort of status" 3 MSG_STATUS_FAILED \
	"system error: status: Too many open files" tmpfile:EMFILE \
	"$P status --format csv --as-of $asof $t/gen" && [ ! -s "$t/out" ] &&
	ok "status cannot spill its sort: exit 3, no partial table"
# all sorts status.csv the same way; its first three tmpfile(3) calls
# (in the parent; -j2 workers make none) are the merged letters', the
# fourth the first spill: some 8 s of rendering first.
o=$t/spill
expect "tmpfile(3) for the sort of all" 3 MSG_BATCH_OUT_MEMORY_NO_ROOM \
	"system error: out of memory or no room for temporary files" \
	tmpfile:EMFILE::4 "$run_all -j2 -o $o $t/gen" && no_manifest "$o" spill &&
	no_temp "$o" spill && ok "all cannot spill its sort: exit 3, no manifest"
rm -rf "$t/gen"

python3 tests/import/xml2csv.py --cp1252-only --sep ';' --encoding cp1252 \
	--dates fr -o "$t/cp1252" "$S"/*.xml >/dev/null 2>&1 ||
	fail "xml2csv.py could not export the samples"
o=$t/import
expect "opendir(3) of an export directory" 1 MSG_IMPORT_CANNOT_LIST \
	"$t/cp1252: error: cannot list: Permission denied" \
	opendir:EACCES:"$t/cp1252" "$P import -q -o $o $t/cp1252" &&
	[ -z "$(find "$o" -type f 2>/dev/null)" ] &&
	ok "an export directory cannot be listed: exit 1, nothing imported"
expect "iconv_open(3) without WINDOWS-1252" 3 \
	MSG_IMPORT_CANNOT_CONVERT_WINDOWS_1252 \
	"system error: cannot convert from Windows-1252: Invalid argument" \
	iconv_open:EINVAL:WINDOWS-1252 "$P import -q -o $o $t/cp1252" &&
	[ -z "$(find "$o" -type f 2>/dev/null)" ] &&
	ok "no Windows-1252 converter: exit 3, nothing imported"

# A file past the importer's limit is refused from its size, before a
# byte is read: here with less address space than reading it would take.
rm -rf "$t/big" "$o" && cp -r "$t/cp1252" "$t/big" &&
	truncate -s 513M "$t/big/actions.csv"
expect "an export file past 512 MiB" 1 MSG_IMPORT_FILE_TOO_LARGE \
	"$t/big/actions.csv:0: error: 537919488 bytes: the importer reads files of at most 536870912" \
	- "ulimit -v 400000; $P import -q -o $o $t/big" &&
	[ -s "$o/ABC.xml" ] &&
	ok "an export file past 512 MiB: refused unread, the others imported"
rm -rf "$t/big"

# ---- verify, seal -------------------------------------------------------
v=$t/earlier.copy
expect "verify: a dossier's directory cannot be opened" 1 \
	MSG_VERIFY_UNREADABLE_DIRECTORY \
	"$v/AB-01: error: a directory that cannot be read" \
	openat:EACCES:AB-01 "$P verify $v" &&
	ok "verify reports a directory it cannot read"
expect "verify: the run's directory cannot be opened" 3 \
	MSG_VERIFY_CANNOT_OPEN "$v: system error: cannot open: Permission denied" \
	open:EACCES:"$v" "$P verify $v" &&
	ok "verify cannot open the run: exit 3"

# A listed PDF swapped for a FIFO between verify's lstat and its open
# (FAULT_SWAP): caught by the second look, nothing read from the FIFO.
mkfifo "$t/fifo"
f=AB-01/AB-01_DIALLO_notice_2020-03-02.pdf
[ -f "$v/$f" ] || fail "no $f in the earlier run"
rm -f "$t/trace/m"
FAULT_SWAP="${f#*/}:$t/fifo" LD_PRELOAD=$SO PARCOURS_MSG_TRACE=$t/trace/m \
	"$P" verify "$v" >"$t/out" 2>"$t/err"
got=$?
n=$((n + 1))
[ -n "${PARCOURS_MSG_TRACE:-}" ] && cat "$t/trace/m" >>"$PARCOURS_MSG_TRACE"
[ $got = 1 ] && grep -qx MSG_VERIFY_NOT_REGULAR "$t/trace/m" &&
	grep -q "manifest.csv:[0-9]*: error: $f: not a regular file" "$t/err" &&
	ok "verify: a file swapped between two looks is reported, exit 1" ||
	fail "verify after a swap: exit $got: $(head -3 "$t/err")"

sh tests/seal/pki.sh "$t/pki" >"$t/pki.log" 2>&1 || fail "pki.sh failed"
o=$t/tsa
expect "curl_global_init(3) fails" 3 MSG_TSA_CANNOT_INITIALISE_LIBCURL \
	"system error: cannot initialise libcurl for --tsa" curl_global_init:EIO \
	"$P notice -q --as-of 2025-03-01 --seal $t/pki/seal.p12 \
	--seal-password-file $t/pki/password --tsa http://127.0.0.1:1/ -o $o $one" &&
	[ -z "$(find "$o" -type f 2>/dev/null)" ] &&
	ok "libcurl cannot start: exit 3, no file"

# OpenSSL without memory: its encoders made to fail.
o=$t/sign
expect "OpenSSL cannot encode the signature" 3 MSG_SEAL_CANNOT \
	"_notice_2017-09-04.pdf: system error: cannot seal" i2d_CMS_ContentInfo:ENOMEM \
	"$P notice -q --as-of 2025-03-01 --seal $t/pki/seal.p12 \
	--seal-password-file $t/pki/password -o $o $one" &&
	[ -z "$(find "$o" -type f 2>/dev/null)" ] &&
	ok "no memory to sign: exit 3, no file"
python3 tests/seal/tsa.py "$t/pki" grant >"$t/port" 2>"$t/tsa.err" &
tsa_pid=$!
trap 'kill $tsa_pid; rm -rf "$t"' EXIT
i=0
while [ ! -s "$t/port" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
tsa="--tsa http://127.0.0.1:$(cat "$t/port")/tsa"
o=$t/tsreq
expect "OpenSSL cannot encode a timestamp request" 3 \
	MSG_TSA_CANNOT_BUILD_TIMESTAMP_REQUEST \
	"_notice_2017-09-04.pdf: system error: cannot build a timestamp request" \
	i2d_TS_REQ:ENOMEM "$P notice -q --as-of 2025-03-01 --seal $t/pki/seal.p12 \
	--seal-password-file $t/pki/password $tsa -o $o $one" &&
	[ -z "$(find "$o" -type f 2>/dev/null)" ] &&
	ok "no memory for a timestamp request: exit 3, no file"
o=$t/tsattr
expect "OpenSSL cannot add the timestamp" 3 MSG_SEAL_CANNOT_ADD_TIMESTAMP \
	"_notice_2017-09-04.pdf: system error: cannot add the timestamp" \
	CMS_unsigned_add1_attr_by_NID:ENOMEM \
	"$P notice -q --as-of 2025-03-01 --seal $t/pki/seal.p12 \
	--seal-password-file $t/pki/password $tsa -o $o $one" &&
	[ -z "$(find "$o" -type f 2>/dev/null)" ] &&
	ok "no memory to add the timestamp: exit 3, no file"

echo "fault: $n cases"
exit $status
