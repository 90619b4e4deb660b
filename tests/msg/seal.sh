#!/bin/sh
# --seal refusals that tests/seal/run.sh does not show, with its
# throw-away PKI (pki.sh): a password file and a seal that cannot be
# read, a file that is no PKCS#12, one that holds no key, a certificate
# not valid on the date of the seals.  Each run's messages and exit
# status, the temporary directory shown as T (tests/golden.d/messages.sh).
#
# usage: sh tests/msg/seal.sh PARCOURS
set -u
P=$1
case $P in /*) ;; *) P=$PWD/$P ;; esac
one=$PWD/samples/01-transports-martin.xml
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
sh tests/seal/pki.sh "$t/pki" >"$t/pki.log" 2>&1 || {
	cat "$t/pki.log"
	exit 1
}
k=$t/pki
# run WHAT SEAL PASSWORD_FILE [AS_OF]: a sealed notice of one sample.
run() {
	echo "== $1"
	"$P" notice -q --as-of "${4:-2025-03-01}" -o "$t/out" --seal "$2" \
		--seal-password-file "$3" "$one" >"$t/log" 2>&1
	echo "exit $?"
	# OpenSSL's own reason varies with its version.
	sed "s|$t|T|g; s|\(PKCS#12 (.p12) file\): .*|\1: (OpenSSL's reason)|" \
		"$t/log"
}
run "a password file that cannot be read" "$k/seal.p12" "$t/none"
run "a seal that cannot be read" "$t/none.p12" "$k/password"
run "a file that is no PKCS#12" "$k/password" "$k/password"
openssl pkcs12 -export -nokeys -in "$k/seal.pem" -passout file:"$k/password" \
	-out "$t/nokey.p12" 2>/dev/null
run "a PKCS#12 without a key" "$t/nokey.p12" "$k/password"
run "a certificate not valid on --as-of" "$k/seal.p12" "$k/password" 2051-03-01
