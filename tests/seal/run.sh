#!/bin/sh
# The seal end to end (issue 15), with a throw-away PKI made here
# (pki.sh) and a local TSA (tsa.py): every sealed PDF of the samples is
# valid and trusted for poppler's pdfsig, passes qpdf --check and reads
# as the unsealed one; verify --trust accepts the run and reports each
# tampering; the TSA stamps, and a TSA that refuses, fails or answers
# what is no timestamp of the request stops the run with exit 3 and no
# file; two sealed runs are byte-identical.
#
# usage: PARCOURS=build/parcours P12_MISMATCH=build/tests/p12-mismatch \
#        sh tests/seal/run.sh
# One "ok" line per check, "FAIL" lines otherwise; exit status 1 on any
# failure.
set -u
P=${PARCOURS:-build/parcours}
case $P in /*) ;; *) P=$PWD/$P ;; esac
here=$(cd "$(dirname "$0")" && pwd)
samples=$here/../../samples
t=$(mktemp -d)
tsa_pid=
trap '[ -n "$tsa_pid" ] && kill $tsa_pid; rm -rf "$t"' EXIT
status=0
fail() {
	echo "FAIL: $*"
	status=1
}
ok() { echo "ok: $*"; }

sh "$here/pki.sh" "$t/pki" >"$t/pki.log" 2>&1 || {
	cat "$t/pki.log"
	fail "pki.sh could not make the test PKI"
	exit 1
}
pki=$t/pki
asof=2025-03-01
seal="--seal $pki/seal.p12 --seal-password-file $pki/password"
nss=sql:$pki/nss

# ---- sealed and unsealed runs of every sample -----------------------
"$P" all -q --as-of $asof --within all -o "$t/plain" "$samples" || fail "all (unsealed)"
for run in s1 s2; do
	"$P" all -q --as-of $asof --within all -o "$t/$run" $seal "$samples" ||
		fail "all --seal ($run)"
done
[ -s "$t/s1/manifest.csv.p7s" ] || fail "no manifest.csv.p7s"

n=0 bad=0
for f in $(cd "$t/s1" && find . -name '*.pdf' | sort); do
	n=$((n + 1))
	s=$t/s1/$f
	out=$(pdfsig -nssdir "$nss" "$s" 2>&1)
	if ! printf '%s\n' "$out" | grep -q 'Signature Validation: Signature is Valid' ||
	   ! printf '%s\n' "$out" | grep -q 'Certificate Validation: Certificate is Trusted' ||
	   ! printf '%s\n' "$out" | grep -q 'Total document signed' ||
	   ! printf '%s\n' "$out" | grep -q 'Signature Type: ETSI.CAdES.detached'; then
		bad=$((bad + 1))
		fail "pdfsig: $f: $out"
		continue
	fi
	if ! qpdf --check "$s" >/dev/null 2>&1; then
		bad=$((bad + 1))
		fail "qpdf --check: $f"
		continue
	fi
	pdftotext "$s" "$t/sealed.txt" 2>/dev/null
	pdftotext "$t/plain/$f" "$t/plain.txt" 2>/dev/null
	if ! cmp -s "$t/sealed.txt" "$t/plain.txt"; then
		bad=$((bad + 1))
		fail "pdftotext: $f reads differently sealed"
	fi
done
# every form of the samples (--within all), not only this year's
[ $n -gt 100 ] || fail "only $n sealed PDFs"
[ $bad = 0 ] && ok "$n sealed PDFs: pdfsig valid and trusted, qpdf --check, same text"

# Sealed files are the unsealed ones plus an update.
f=$(cd "$t/s1" && find . -name '*notice*.pdf' | sort | head -1)
len=$(wc -c <"$t/plain/$f")
if head -c "$len" "$t/s1/$f" | cmp -s - "$t/plain/$f"; then
	ok "a sealed PDF begins with the unsealed file, unchanged"
else
	fail "$f: the seal rewrote the rendered file"
fi

if diff -r "$t/s1" "$t/s2" >/dev/null; then
	ok "two sealed runs are byte-identical ($(find "$t/s1" -type f | wc -l) files)"
else
	fail "two sealed runs differ: $(diff -rq "$t/s1" "$t/s2" | head -3)"
fi

if openssl cms -verify -binary -inform DER -in "$t/s1/manifest.csv.p7s" \
	-content "$t/s1/manifest.csv" -CAfile "$pki/ca.pem" -purpose any \
	-out /dev/null 2>/dev/null; then
	ok "openssl cms -verify accepts manifest.csv.p7s"
else
	fail "openssl cms -verify rejects manifest.csv.p7s"
fi
# No signing-time, ESS signing-certificate-v2 present (PAdES B-B).
openssl cms -cmsout -print -inform DER -in "$t/s1/manifest.csv.p7s" \
	>"$t/cms.txt" 2>&1
if grep -q 'id-smime-aa-signingCertificateV2' "$t/cms.txt" &&
   ! grep -q 'signingTime' "$t/cms.txt"; then
	ok "CMS: signing-certificate-v2, no signing-time"
else
	fail "CMS attributes: $(grep object: "$t/cms.txt")"
fi

# ---- verify -------------------------------------------------------------
"$P" verify "$t/s1" --trust "$pki/ca.pem" >"$t/v.out" 2>&1 &&
	grep -q "seal and $n PDF seals" "$t/v.out" &&
	ok "verify --trust: $(tail -1 "$t/v.out")" ||
	fail "verify --trust on a good run: $(cat "$t/v.out")"
"$P" verify "$t/s1" >"$t/v.out" 2>&1 &&
	grep -q 'trust was not checked' "$t/v.out" &&
	ok "verify without --trust says trust was not checked" ||
	fail "verify without --trust: $(cat "$t/v.out")"
"$P" verify "$t/s1" --trust "$pki/other-ca.pem" >"$t/v.out" 2>&1
[ $? = 1 ] && grep -q 'does not chain to the trusted' "$t/v.out" &&
	ok "verify --trust another CA: every seal reported" ||
	fail "verify --trust other-ca: $(tail -3 "$t/v.out")"
"$P" verify "$t/plain" --trust "$pki/ca.pem" >"$t/v.out" 2>&1
[ $? = 1 ] && grep -q 'manifest is not sealed' "$t/v.out" &&
	grep -q 'seal: not sealed' "$t/v.out" &&
	ok "verify --trust on an unsealed run: manifest and PDFs reported" ||
	fail "verify --trust unsealed: $(tail -3 "$t/v.out")"

# One byte changed inside the signed range.
cp -r "$t/s1" "$t/tamper"
python3 -c 'import sys
p = sys.argv[1]; d = bytearray(open(p, "rb").read()); d[4000] ^= 1
open(p, "wb").write(d)' "$t/tamper/$f"
pdfsig -nssdir "$nss" "$t/tamper/$f" 2>&1 | grep -q 'Signature is Valid' &&
	fail "pdfsig accepts a changed byte" ||
	ok "pdfsig reports a changed byte"
"$P" verify "$t/tamper" --trust "$pki/ca.pem" >"$t/v.out" 2>&1
[ $? = 1 ] && grep -q "${f#./}: error: seal: the signature does not match" "$t/v.out" &&
	ok "verify --trust reports the changed byte, by file" ||
	fail "verify after a changed byte: $(cat "$t/v.out")"

# The same change, with manifest.csv re-hashed to match.
hash=$(sha256sum "$t/tamper/$f" | cut -d' ' -f1)
rel=${f#./}
awk -F, -v OFS=, -v p="$rel" -v h="$hash" '$1 == p { $2 = h } { print }' \
	"$t/tamper/manifest.csv" >"$t/m.csv" && mv "$t/m.csv" "$t/tamper/manifest.csv"
"$P" verify "$t/tamper" --trust "$pki/ca.pem" >"$t/v.out" 2>&1
[ $? = 1 ] && grep -q "manifest.csv.p7s: error: the manifest's seal does not verify" "$t/v.out" &&
	grep -q "$rel: error: seal:" "$t/v.out" &&
	! grep -q "$rel: changed" "$t/v.out" &&
	ok "verify --trust reports a re-hashed manifest and the PDF" ||
	fail "verify after re-hashing: $(cat "$t/v.out")"

# Something appended after the seal (another incremental update), and
# the manifest re-hashed to match: only the seal can tell.
cp -r "$t/s1" "$t/append"
printf '\n%% added later\n' >>"$t/append/$f"
hash=$(sha256sum "$t/append/$f" | cut -d' ' -f1)
size=$(wc -c <"$t/append/$f")
awk -F, -v OFS=, -v p="$rel" -v h="$hash" -v n="$size" \
	'$1 == p { $2 = h; $3 = n } { print }' \
	"$t/append/manifest.csv" >"$t/m.csv" && mv "$t/m.csv" "$t/append/manifest.csv"
"$P" verify "$t/append" --trust "$pki/ca.pem" >"$t/v.out" 2>&1
grep -q 'does not cover the whole file' "$t/v.out" &&
	ok "verify reports bytes added after the seal" ||
	fail "verify after an append: $(cat "$t/v.out")"

# ---- the other commands, PDF/A, the password ----------------------------
one=$samples/01-transports-martin.xml
for cmd in "notice" "report" "recap" "report --blank" "letters --format pdf"; do
	rm -rf "$t/cmd"
	"$P" $cmd -q --as-of $asof -o "$t/cmd" $seal "$one" ||
		fail "$cmd --seal failed"
	m=0 k=0
	for g in $(find "$t/cmd" -name '*.pdf'); do
		m=$((m + 1))
		pdfsig -nssdir "$nss" "$g" 2>&1 | grep -q 'Certificate is Trusted' &&
			k=$((k + 1))
	done
	[ $m -gt 0 ] && [ $m = $k ] && ok "$cmd --seal: $m PDFs trusted" ||
		fail "$cmd --seal: $k of $m PDFs trusted"
done

rm -rf "$t/pdfa"
"$P" notice -q --pdfa --as-of $asof -o "$t/pdfa" $seal "$one"
g=$(find "$t/pdfa" -name '*.pdf' | head -1)
if pdfsig -nssdir "$nss" "$g" 2>&1 | grep -q 'Certificate is Trusted' &&
   qpdf --check "$g" >/dev/null 2>&1 && grep -aq 'pdfaid:part' "$g" &&
   grep -aq '/F 132 ' "$g"; then
	ok "--pdfa --seal: trusted, qpdf --check, PDF/A metadata, widget printable"
else
	fail "--pdfa --seal: $g"
fi

rm -rf "$t/env"
PARCOURS_SEAL_PASSWORD='mot de passe du cachet' "$P" notice -q --as-of $asof \
	-o "$t/env" --seal "$pki/seal.p12" "$one" &&
	ok "the password from PARCOURS_SEAL_PASSWORD" ||
	fail "PARCOURS_SEAL_PASSWORD"
# A .p12 in the old RC2/3DES encryption of older tools.
openssl pkcs12 -in "$pki/seal.p12" -passin file:"$pki/password" -nodes \
	-out "$t/seal-keys.pem" 2>/dev/null &&
	openssl pkcs12 -export -legacy -in "$t/seal-keys.pem" \
		-passout file:"$pki/password" -out "$t/legacy.p12" 2>/dev/null
rm -f "$t/seal-keys.pem"
rm -rf "$t/legacy"
"$P" notice -q --as-of $asof -o "$t/legacy" --seal "$t/legacy.p12" \
	--seal-password-file "$pki/password" "$one" 2>"$t/err" &&
	pdfsig -nssdir "$nss" "$(find "$t/legacy" -name '*.pdf' | head -1)" |
	grep -q 'Certificate is Trusted' &&
	ok "a legacy (RC2) .p12 opens" || fail "legacy .p12: $(cat "$t/err")"
printf 'wrong\n' >"$t/wrong"
rm -rf "$t/wrong-out"
"$P" notice -q --as-of $asof -o "$t/wrong-out" --seal "$pki/seal.p12" \
	--seal-password-file "$t/wrong" "$one" 2>"$t/err"
[ $? = 3 ] && [ -z "$(find "$t/wrong-out" -type f 2>/dev/null)" ] &&
	ok "a wrong password: exit 3, nothing written" ||
	fail "wrong password: $(cat "$t/err")"
# The seal's certificate with another key (the TSA's), which openssl
# pkcs12 -export refuses to assemble: p12_mismatch.c does.
if [ -n "${P12_MISMATCH:-}" ]; then
	rm -rf "$t/mismatch"
	"$P12_MISMATCH" "$pki/seal.pem" "$pki/tsa.key" "$(cat "$pki/password")" \
		"$t/mismatch.p12" &&
		"$P" notice -q --as-of $asof -o "$t/mismatch" \
		--seal "$t/mismatch.p12" --seal-password-file "$pki/password" \
		"$one" 2>"$t/err"
	[ $? = 3 ] && [ -z "$(find "$t/mismatch" -type f 2>/dev/null)" ] &&
		grep -q "mismatch.p12: system error: the seal's key is not its certificate's" "$t/err" &&
		ok "a key that is not the certificate's: exit 3, nothing written" ||
		fail "key not the certificate's: $(cat "$t/err")"
else
	fail "P12_MISMATCH is not set (make seal sets it)"
fi
"$P" status --seal "$pki/seal.p12" "$one" >/dev/null 2>&1
[ $? = 2 ] && ok "--seal on status: usage error" || fail "--seal on status"
"$P" notice --tsa http://127.0.0.1:1/ "$one" -o "$t/x" >/dev/null 2>&1
[ $? = 2 ] && ok "--tsa without --seal: usage error" || fail "--tsa alone"

# ---- the timestamp authority --------------------------------------------
start_tsa() { # MODE: sets $url
	[ -n "$tsa_pid" ] && kill $tsa_pid && wait $tsa_pid 2>/dev/null
	rm -f "$t/port"
	python3 "$here/tsa.py" "$pki" "$1" >"$t/port" 2>"$t/tsa.err" &
	tsa_pid=$!
	i=0
	while [ ! -s "$t/port" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	url=http://127.0.0.1:$(cat "$t/port")/tsa
}

start_tsa grant
rm -rf "$t/ts"
"$P" all -q --as-of $asof -o "$t/ts" $seal --tsa "$url" "$samples/01-transports-martin.xml" ||
	fail "all --tsa: $(cat "$t/tsa.err")"
"$P" verify "$t/ts" --trust "$pki/ca.pem" >"$t/v.out" 2>&1
stamped=$(find "$t/ts" -name '*.pdf' | wc -l)
grep -q "($((stamped + 1)) timestamped)" "$t/v.out" &&
	ok "--tsa: verify finds the manifest and $stamped PDFs timestamped over their signature" ||
	fail "--tsa verify: $(cat "$t/v.out")"
g=$(find "$t/ts" -name '*.pdf' | sort | head -1)
pdfsig -nssdir "$nss" "$g" 2>&1 | grep -q 'Certificate is Trusted' &&
	ok "--tsa: pdfsig trusts the stamped PDF" || fail "--tsa: pdfsig"
# The token itself, for openssl ts (poppler 22 does not show it).
python3 - "$t/ts/manifest.csv.p7s" "$t/token.der" <<'EOF'
import sys
d = open(sys.argv[1], "rb").read()
oid = bytes.fromhex("060b2a864886f70d010910020e")  # id-aa-timeStampToken
i = d.index(oid) + len(oid)
assert d[i] == 0x31  # SET OF AttributeValue
def length(at):
    n = d[at]
    if n < 0x80:
        return at + 1, n
    k = n & 0x7f
    return at + 1 + k, int.from_bytes(d[at + 1:at + 1 + k], "big")
body, _ = length(i + 1)
start, n = length(body + 1)
open(sys.argv[2], "wb").write(d[body:start + n])
EOF
openssl ts -reply -token_in -in "$t/token.der" -text >"$t/token.txt" 2>/dev/null
imprint=$(sed -n '/^Message data:/,/^Serial/p' "$t/token.txt" | grep '^ *0' |
	sed 's/^ *[0-9a-f]* - //; s/  .*//' | tr -d '\n -')
if grep -q '^Time stamp:' "$t/token.txt" && [ ${#imprint} = 64 ] &&
   openssl ts -verify -token_in -in "$t/token.der" -CAfile "$pki/ca.pem" \
	-untrusted "$pki/tsa.pem" -digest "$imprint" >/dev/null 2>&1; then
	ok "--tsa: openssl ts -verify accepts the manifest's token ($(grep '^Time stamp:' "$t/token.txt"))"
else
	fail "--tsa: openssl ts cannot verify the manifest's token"
fi

# A token from a TSA that --trust does not cover is reported; a bundle
# of both CAs accepts it.
start_tsa grant-other
rm -rf "$t/ts2"
"$P" all -q --as-of $asof -o "$t/ts2" $seal --tsa "$url" "$one" ||
	fail "all --tsa (other TSA): $(cat "$t/tsa.err")"
"$P" verify "$t/ts2" --trust "$pki/ca.pem" >"$t/v.out" 2>&1
[ $? = 1 ] && grep -q "seal: its timestamp is not the TSA's token" "$t/v.out" &&
	ok "--tsa: a TSA outside --trust is reported" ||
	fail "--tsa other TSA, --trust ca.pem: $(tail -3 "$t/v.out")"
cat "$pki/ca.pem" "$pki/other-ca.pem" >"$t/bundle.pem"
"$P" verify "$t/ts2" --trust "$t/bundle.pem" >"$t/v.out" 2>&1 &&
	ok "--tsa: --trust with both CAs accepts it" ||
	fail "--tsa other TSA, bundle: $(tail -3 "$t/v.out")"

# A TSA whose token carries a long chain (64 certificates besides its
# CA): the signature outgrows the room reserved for it in the PDF, and
# the run stops with exit 3 and no file rather than a broken seal.
cp "$pki/ca.pem" "$pki/long-chain.pem"
for i in $(seq 64); do
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
		-keyout /dev/null -subj "/CN=chain $i" -days 1 2>/dev/null
done >>"$pki/long-chain.pem"
start_tsa grant-long-chain
rm -rf "$t/ts3"
"$P" notice -q --as-of $asof -o "$t/ts3" $seal --tsa "$url" "$one" \
	>"$t/v.out" 2>&1
[ $? = 3 ] && grep -q "system error: the seal's signature ([0-9]* bytes) is larger than the [0-9]* bytes reserved" "$t/v.out" &&
	[ -z "$(find "$t/ts3" -type f 2>/dev/null)" ] &&
	ok "--tsa with a long chain: the signature does not fit, exit 3, no file" ||
	fail "--tsa long chain: $(tail -3 "$t/v.out")"

for mode in reject fail garbage mismatch; do
	start_tsa $mode
	for cmd in notice all; do
		rm -rf "$t/refused"
		"$P" $cmd -q --as-of $asof -o "$t/refused" $seal --tsa "$url" "$one" \
			2>"$t/err"
		rc=$?
		left=$(find "$t/refused" -type f 2>/dev/null | grep -v '\.csv$' | wc -l)
		if [ $rc = 3 ] && [ "$left" = 0 ] && grep -q "$url" "$t/err" &&
		   [ ! -e "$t/refused/manifest.csv" ]; then
			ok "TSA $mode, $cmd: exit 3 naming the URL, no document, no manifest"
		else
			fail "TSA $mode, $cmd: rc $rc, $left files: $(head -3 "$t/err")"
		fi
	done
done
kill $tsa_pid
wait $tsa_pid 2>/dev/null
tsa_pid=
rm -rf "$t/refused"
down=$(echo "$url" | sed 's|://|://hr:s3cret@|')
"$P" notice -q --as-of $asof -o "$t/refused" $seal --tsa "$down" "$one" 2>"$t/err"
[ $? = 3 ] && [ -z "$(find "$t/refused" -type f 2>/dev/null)" ] &&
	grep -q "$url" "$t/err" && ! grep -q s3cret "$t/err" &&
	ok "TSA down: exit 3, nothing written, no password shown ($(head -1 "$t/err" | cut -c1-90))" ||
	fail "TSA down: $(cat "$t/err")"

exit $status
