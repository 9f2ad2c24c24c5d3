#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# speech-test.sh - read-aloud with a stand-in espeak-ng on PATH that notes
# how it was started (its argv, as the kernel has it in /proc/PID/cmdline),
# what came on its standard input, and which descriptors it got: the text
# comes on stdin (--stdin), never on the command line, a page of 1.6 MB
# included, without blocking the keys; the visitor's voice, phone numbers
# digit by digit, e-mails letter by letter; a second press, leaving the
# page and changing the language end the child (the idle reset, the
# "reading" line and skipping: speech-follow-test.sh); a language
# espeak-ng cannot speak says so; without espeak-ng the key is not shown.
# Usage: speech-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
# The stand-ins still running are ended by their process ids.
cleanup() {
	local f
	tmx kill-server 2>/dev/null
	for f in "$tmp"/log/cmdline.*; do
		[ -e "$f" ] && kill "${f##*.}" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/bin" "$tmp/empty" "$tmp/log"
# The stand-in: notes its argv and its descriptors, reads stdin to the end
# (with HOLD set, only once the file log/go exists, at most 60 s: the pipe
# fills meanwhile), then stays like a reading.
cat >"$tmp/bin/espeak-ng" <<STANDIN
#!/bin/sh
tr '\\0' '\\n' </proc/\$\$/cmdline >"$tmp/log/cmdline.\$\$"
if [ -n "\${HOLD:-}" ]; then
	for i in \$(seq 600); do [ -e "$tmp/log/go" ] && break; sleep 0.1; done
fi
cat >"$tmp/log/stdin.\$\$"
exec sleep 30
STANDIN
chmod +x "$tmp/bin/espeak-ng"
export PATH="$tmp/bin:$PATH"
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# last NAME: the newest file log/NAME.* of the stand-in.
last() { ls -t "$tmp"/log/"$1".* 2>/dev/null | head -1; }
# called PATTERN: the text the last stand-in read on stdin matches PATTERN.
called() {
	local f
	sleep 0.3
	f=$(last stdin)
	[ -n "$f" ] && grep -q -- "$1" "$f"
}
# child: the process id of the running accueil's child, if any.
child() { app_child; }

start 80 24 --lang fr
keys 5 3
expect_text speech-key-shown "s Écouter"
keys s
if called "0 8 1 7 1 3 5 2 8"; then ok "phone read digit by digit"; else fail "phone digits: $(tail -3 "$(last stdin)")"; fi
if called "s a m i @ c a i n a m u r \. b e"; then ok "e-mail read letter by letter"; else fail "e-mail letters"; fi
f=$(last cmdline)
if [ -n "$f" ] && [ "$(tail -n +3 "$f" | tr '\n' ' ')" = "-v fr-be --stdin " ]; then
	ok "argv is espeak-ng -v fr-be --stdin, nothing else"
else
	fail "argv: $(cat "$f" 2>/dev/null | tr '\n' ' ')"
fi
pid=$(child)
fds=$(ls /proc/"$pid"/fd 2>/dev/null | sort -n | tr '\n' ' ')
if [ "$fds" = "0 1 2 " ]; then ok "the child has stdin, stdout, stderr only"; else fail "the child's descriptors: '$fds'"; fi
keys s
sleep 0.3
if [ -n "$(child)" ]; then fail "a second press did not stop the reading"; else ok "a second press stops the reading"; fi

# Leaving the page, changing the language, the idle reset: no reading left.
keys s
sleep 0.3
[ -n "$(child)" ] || fail "no reading to stop"
keys 0
sleep 0.3
if [ -n "$(child)" ]; then fail "leaving the page did not stop the reading"; else ok "leaving the page stops the reading"; fi
keys 3 s
sleep 0.3
keys '*' 2
sleep 0.3
if [ -n "$(child)" ]; then fail "changing the language did not stop the reading"; else ok "changing the language stops the reading"; fi
# The idle reset: in speech-follow-test.sh (a reading holds the idle
# timer back, so the reset ends only a paragraph that outlasts its time).

# A page of 1.6 MB (more than a pipe holds, more than a command line
# takes): all of it comes on stdin, and the keys work while it is written.
big="$tmp/big.db"
cp "$db" "$big"
python3 - "$big" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE field SET value = value || ? WHERE node = 'sami' AND "
           "name = 'body' AND lang = 'fr'", ("\n\n" + "mot " * 400000,))
db.commit()
PY
rm -f "$tmp"/log/*
db=$big
APP_ENV="HOLD=1" start 80 24 --lang fr
# One child a paragraph: p twice skips to the long one, the third.
keys 5 3 s p p
before=$(settle)
keys NPage
if [ "$(settle)" != "$before" ] && [ -z "$(last stdin)" ] && [ -n "$(child)" ]; then
	ok "keys work while the text waits for room in the pipe"
else
	fail "no key while the text waits (or the stand-in read already)"
fi
: >"$tmp/log/go"
for i in $(seq 300); do
	[ "$(wc -c <"$(last stdin)" 2>/dev/null || echo 0)" -gt 1600000 ] && break
	sleep 0.1
done
f=$(last stdin)
size=$(wc -c <"$f" 2>/dev/null || echo 0)
if [ "$size" -gt 1600000 ]; then ok "a 1.6 MB page arrives whole on stdin ($size bytes)"; else fail "the long page: $size bytes on stdin"; fi
f=$(last cmdline)
if [ -z "$f" ] || grep -q "mot" "$f"; then fail "the long page: not started, or its text on the command line"; else ok "the long page is not on the command line"; fi
db=$2

rm -f "$tmp"/log/*
start 80 24 --lang ar
keys 5 3 s
f=$(last cmdline)
sleep 0.3
if [ -n "$f" ] && grep -qx "ar" "$f"; then ok "Arabic voice ar"; else fail "Arabic voice"; fi

rm -f "$tmp"/log/*
start 80 24 --lang ps
keys 5 3 s
sleep 0.3
if ls "$tmp"/log/cmdline.* >/dev/null 2>&1; then
	fail "Pashto was read with a wrong voice"
else
	ok "Pashto: no wrong voice"
fi
# The sentence, in Pashto, as the screen shows it (reordered, joined).
msg=$(LC_ALL=C.UTF-8 LANGUAGE=ps TEXTDOMAINDIR="$(dirname "$bin")/../po" \
	gettext -d accueil "La lecture à voix haute n'existe pas encore dans cette langue.")
vis=$(printf '%s' "$msg" | fribidi --nopad --nobreak --rtl | sed 's/\xef\xbb\xbf//g')
expect_text "Pashto says so in Pashto" "${vis:0:12}"

# Without espeak-ng, no read-aloud key.
APP_ENV="PATH=$tmp/empty" start 80 24 --lang fr
keys 5 3
if settle | grep -q "Écouter"; then fail "the key is shown without espeak-ng"; else ok "no key without espeak-ng"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
