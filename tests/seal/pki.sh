#!/bin/sh
# A throw-away PKI for the seal tests, made at test time (no key is ever
# committed): sh tests/seal/pki.sh DIR
#   DIR/ca.pem, ca.key       the employer's own root CA
#   DIR/seal.p12             the seal: key, certificate and CA, password
#                            in DIR/password
#   DIR/other-ca.pem         a CA that trusts nothing of ours
#   DIR/tsa.pem, tsa.key     a timestamp authority (EKU timeStamping)
#   DIR/other-tsa.pem, .key  one certified by other-ca.pem
#   DIR/nss/                 an NSS database trusting ca.pem (pdfsig)
set -eu
d=$1
mkdir -p "$d"
cd "$d"
cat > ext.cnf <<'CNF'
[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[seal]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF

# Issued by `openssl ca` so that the certificates are valid from 2000:
# the tests seal with --as-of dates of the samples' past.
cat > ca.cnf <<'CNF'
[ca]
default_ca = parcours
[parcours]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
unique_subject = no
email_in_dn = no
[any]
organizationName = optional
commonName = supplied
CNF
: > index.txt
od -An -N8 -tx1 /dev/urandom | tr -d ' \n' > serial
echo >> serial
issue() { # NAME SUBJECT EXTENSIONS ISSUER (self for a root)
	openssl req -new -newkey rsa:2048 -nodes -keyout $1.key -out $1.csr \
		-subj "$2" -config ext.cnf 2>/dev/null
	if [ "$4" = self ]; then
		openssl ca -batch -config ca.cnf -extfile ext.cnf \
			-extensions $3 -startdate 20000101000000Z \
			-enddate 20491231235959Z -notext -in $1.csr \
			-out $1.pem -selfsign -keyfile $1.key
	else
		openssl ca -batch -config ca.cnf -extfile ext.cnf \
			-extensions $3 -startdate 20000101000000Z \
			-enddate 20491231235959Z -notext -in $1.csr \
			-out $1.pem -keyfile $4.key -cert $4.pem
	fi 2>/dev/null
	rm -f $1.csr
}
issue ca "/O=Transports Martin/CN=Transports Martin Root CA" ca self
issue other-ca "/CN=Someone Else CA" ca self
issue seal "/O=Transports Martin/CN=Transports Martin - cachet RH" seal ca
issue tsa "/O=Transports Martin/CN=Test TSA" tsa ca
issue other-tsa "/CN=Someone Else TSA" tsa other-ca
printf 'mot de passe du cachet\n' > password
openssl pkcs12 -export -inkey seal.key -in seal.pem -certfile ca.pem \
	-name "cachet RH" -passout file:password -out seal.p12
rm -f seal.key ./*.pem.pem ./[0-9A-F]*.pem index.txt* serial*
# pdfsig reads trust from an NSS database.
rm -rf nss
mkdir nss
certutil -N -d sql:nss --empty-password
certutil -A -d sql:nss -n parcours-test-ca -t "CT,C,C" -i ca.pem
