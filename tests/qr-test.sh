#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# qr-test.sh - the QR code of a contact, drawn in a real terminal, is read
# back from the captured screen by zbarimg (zbar-tools) and compared with
# the contact card the test builds itself from the database, at 80x24: two
# contacts, each with a +32 phone and an e-mail. Only white counts as light
# in the image, so the code reads only with the quiet zone the program
# draws. A terminal too small for the code says so; a card with neither
# phone nor e-mail has no QR key. The code is
# made by libqrencode in the program: with nothing on PATH, it is drawn and
# read back all the same (no child process).
# Usage: qr-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
here=$(dirname "$0")
. "$here/tmux-lib.sh"
tmp=$(mktemp -d)
trap 'lib_cleanup; rm -rf "$tmp"' EXIT

# The MECARD of node $1, built from its French fields (title, phone, e-mail,
# nothing else), escaped as MECARD says; the phone in international form by
# the rule written again here: digits only, a leading 0 of a national
# number becomes +32, 00 becomes +, a + or a short number stays.
mecard() {
	"$PYTHON" - "$db" "$1" <<'PY'
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
f = dict(db.execute("SELECT name, value FROM field WHERE node = ? AND lang = 'fr'",
                    (sys.argv[2],)))
esc = lambda s: re.sub(r'([\\;,:"])', r'\\\1', s)
out = "MECARD:N:" + esc(f["title"]) + ";"
if "phone" in f:
    m = re.match(r"\+?[0-9]+(?:[ \u00a0\u202f./-][0-9]+)*", f["phone"]).group(0)
    d = re.sub(r"[^0-9]", "", m)
    if m.startswith("+"):
        d = "+" + d
    elif d.startswith("00"):
        d = "+" + d[2:]
    elif d.startswith("0") and len(d) in (9, 10):
        d = "+32" + d[1:]
    out += "TEL:" + esc(d) + ";"
if "email" in f:
    out += "EMAIL:" + esc(re.search(r"[^ ()]+@[^ ()]+", f["email"]).group(0)) + ";"
print(out + ";")
PY
}

# decode NAME ID KEYS...: opens the contact with KEYS at 80x24, shows its
# code, reads it from the screen's characters and colours, and finds in it
# the card, its +32 phone and its e-mail.
decode() {
	local name=$1 id=$2 got want
	shift 2
	start 80 24 --lang "${LANG_ARG:-fr}"
	keys "$@" c
	settle >/dev/null
	tmx capture-pane -p -e -t t >"$tmp/$name.txt"
	want=$(mecard "$id")
	if "$PYTHON" "$here/qr-decode.py" "$tmp/$name.txt" "$tmp/$name.pbm" &&
	   got=$(zbarimg --raw -q "$tmp/$name.pbm" 2>/dev/null) &&
	   [ "$got" = "$want" ] && [[ $got == *"TEL:+32"* ]] &&
	   [[ $got == *"EMAIL:"*@* ]]; then
		echo "ok   $name: the code reads back as the card, +32 phone and e-mail ($((${#want})) bytes)"
		passed=$((passed + 1))
	else
		echo "FAIL $name: read '${got:-nothing}', expected '$want' (with TEL:+32 and EMAIL:)"
		failed=$((failed + 1))
	fi
}

decode qr-sami sami 5 3
decode qr-mrax mrax 7 6
# The code does not depend on the visitor's language (the card in French).
LANG_ARG=ar decode qr-mrax-ar mrax 7 6
# 60x20: 19 rows over the key bar, Sami's code needs 21.
start 60 20 --lang fr
keys 5 3 c
expect_text qr-too-small "trop petite"

# A contact with neither phone nor e-mail: no QR key, and c does nothing.
start 80 24 --lang fr
keys 5 6
before=$(settle)
if grep -q "Code QR" <<<"$before"; then
	echo "FAIL qr-no-key: the key bar offers a code for a card without phone or e-mail"
	failed=$((failed + 1))
else
	echo "ok   qr-no-key: no QR key on a card without phone or e-mail"
	passed=$((passed + 1))
fi
keys c
if [ "$(settle)" = "$before" ]; then
	echo "ok   qr-no-key-c: c there leaves the card as it was"
	passed=$((passed + 1))
else
	echo "FAIL qr-no-key-c: c changed the screen of a card without a code"
	failed=$((failed + 1))
fi

# No program is run to make a code: with an empty PATH it is drawn all the
# same, and the key bar offers it.
mkdir -p "$tmp/empty"
APP_ENV="PATH=$tmp/empty" decode qr-empty-path sami 5 3
APP_ENV="PATH=$tmp/empty" start 80 24 --lang fr
keys 5 3
expect_text qr-key-without-path "Code QR"

summary
