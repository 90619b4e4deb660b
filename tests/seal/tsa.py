#!/usr/bin/env python3
"""A local RFC 3161 timestamp authority for the seal tests: `openssl ts
-reply` behind an HTTP responder on 127.0.0.1.

    python3 tests/seal/tsa.py PKI_DIR MODE

PKI_DIR is what tests/seal/pki.sh made (tsa.pem, tsa.key, ca.pem).  MODE:
grant (a real token), grant-other (a token of other-tsa.pem, certified by
other-ca.pem), grant-long-chain (a real token that carries every
certificate of PKI_DIR/long-chain.pem besides), reject (a TimeStampResp with PKIStatus rejection), fail
(HTTP 503), garbage (bytes that are no TimeStampResp) or mismatch (a real
token, for another query).  Prints the port it listens on, then serves until
killed.  Each query is logged to PKI_DIR/tsa-MODE.log.
"""
import http.server
import os
import subprocess
import sys
import tempfile

PKI, MODE = sys.argv[1], sys.argv[2]

CONFIG = """
[tsa]
default_tsa = test_tsa
[test_tsa]
serial = {pki}/tsa-serial
crypto_device = builtin
signer_cert = {pki}/{tsa}.pem
certs = {pki}/{ca}.pem
signer_key = {pki}/{tsa}.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
""".format(pki=PKI, tsa="other-tsa" if MODE == "grant-other" else "tsa",
           ca={"grant-other": "other-ca",
               "grant-long-chain": "long-chain"}.get(MODE, "ca"))

# TimeStampResp ::= SEQUENCE { status PKIStatusInfo { status 2 } }
REJECTION = bytes.fromhex("3005300302 0102".replace(" ", ""))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        query = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(os.path.join(PKI, "tsa-%s.log" % MODE), "a") as log:
            log.write("%s %d bytes\n" % (self.headers.get("Content-Type"),
                                         len(query)))
        if MODE == "fail":
            self.send_error(503, "down for maintenance")
            return
        if MODE == "reject":
            body = REJECTION
        elif MODE == "garbage":
            body = b"no timestamp here"
        else:
            with tempfile.TemporaryDirectory() as tmp:
                q, r = os.path.join(tmp, "q.tsq"), os.path.join(tmp, "r.tsr")
                cnf = os.path.join(tmp, "tsa.cnf")
                if MODE == "mismatch":
                    # A query of other bytes: the token stamps them.
                    data = os.path.join(tmp, "other")
                    with open(data, "wb") as f:
                        f.write(b"other bytes")
                    subprocess.run(["openssl", "ts", "-query", "-data", data,
                                    "-sha256", "-cert", "-out", q],
                                   check=True, stderr=subprocess.DEVNULL)
                else:
                    with open(q, "wb") as f:
                        f.write(query)
                with open(cnf, "w") as f:
                    f.write(CONFIG)
                subprocess.run(["openssl", "ts", "-reply", "-config", cnf,
                                "-queryfile", q, "-out", r], check=True,
                               stderr=subprocess.DEVNULL)
                with open(r, "rb") as f:
                    body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


serial = os.path.join(PKI, "tsa-serial")
if not os.path.exists(serial):
    with open(serial, "w") as f:
        f.write("01\n")
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
