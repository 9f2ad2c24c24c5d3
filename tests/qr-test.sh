#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# qr-test.sh - the QR code of a contact, drawn in a real terminal, is read
# back from the captured screen by zbarimg (zbar-tools) and compared with
# the contact card the test builds itself from the database: a short card
# and a long one. A terminal too small for the code says so. The code is
# made by libqrencode in the program: with nothing on PATH, it is drawn and
# read back all the same (no child process).
# Usage: qr-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
here=$(dirname "$0")
. "$here/tmux-lib.sh"
tmp=$(mktemp -d)
trap 'tmx kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

# The MECARD of node $1, built from its French fields, escaped as MECARD says.
mecard() {
	python3 - "$db" "$1" <<'PY'
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
f = dict(db.execute("SELECT name, value FROM field WHERE node = ? AND lang = 'fr'",
                    (sys.argv[2],)))
esc = lambda s: re.sub(r'([\\;,:"])', r'\\\1', s)
out = "MECARD:N:" + esc(f["title"]) + ";"
if "phone" in f:
    m = re.match(r"[+0-9 ./-]*", f["phone"]).group(0).rstrip(" ./-")
    out += "TEL:" + esc(m) + ";"
if "email" in f:
    out += "EMAIL:" + esc(re.search(r"[^ ()]+@[^ ()]+", f["email"]).group(0)) + ";"
for key, tag in (("address", "ADR"), ("website", "URL")):
    if key in f:
        out += tag + ":" + esc(f[key]) + ";"
print(out + ";")
PY
}

# decode NAME ID KEYS...: opens the contact with KEYS, shows its code, reads it.
decode() {
	local name=$1 id=$2 got want
	shift 2
	start 100 50 --lang fr
	keys "$@" c
	settle >"$tmp/$name.txt"
	want=$(mecard "$id")
	if python3 "$here/qr-decode.py" "$tmp/$name.txt" "$tmp/$name.pbm" &&
	   got=$(zbarimg --raw -q "$tmp/$name.pbm" 2>/dev/null) && [ "$got" = "$want" ]; then
		echo "ok   $name: the code reads back as the card ($((${#want})) bytes)"
		passed=$((passed + 1))
	else
		echo "FAIL $name: read '${got:-nothing}', expected '$want'"
		failed=$((failed + 1))
	fi
}

decode qr-short sami 5 3
decode qr-long mrax 7 3
start 60 20 --lang fr
keys 7 3 c
expect_text qr-too-small "trop petite"

# No program is run to make a code: with an empty PATH it is drawn all the
# same, and the key bar offers it.
mkdir -p "$tmp/empty"
APP_ENV="PATH=$tmp/empty" decode qr-empty-path sami 5 3
APP_ENV="PATH=$tmp/empty" start 100 50 --lang fr
keys 5 3
expect_text qr-key-without-path "Code QR"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
