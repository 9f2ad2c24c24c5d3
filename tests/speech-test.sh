#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# speech-test.sh - read-aloud with a stand-in espeak-ng on PATH that notes
# how it was called: the visitor's voice, phone numbers digit by digit,
# e-mails letter by letter, a second press stops it, a language espeak-ng
# cannot speak says so, and without espeak-ng the key is not shown.
# Usage: speech-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
trap 'tmx kill-server 2>/dev/null; pkill -f "$tmp/bin/espeak-ng" 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/empty" "$tmp/log"
cat >"$tmp/bin/espeak-ng" <<STANDIN
#!/bin/sh
printf '%s\n' "\$@" >"$tmp/log/call.\$\$"
exec sleep 30
STANDIN
chmod +x "$tmp/bin/espeak-ng"
export PATH="$tmp/bin:$PATH"
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# called PATTERN: the last call of the stand-in matches PATTERN.
called() {
	local f
	sleep 0.3
	f=$(ls -t "$tmp"/log/call.* 2>/dev/null | head -1)
	[ -n "$f" ] && grep -q -- "$1" "$f"
}

start 80 24 --lang fr
keys 5 3
expect_text speech-key-shown "s Écouter"
keys s
if called "^fr-be$"; then ok "French voice fr-be"; else fail "French voice"; fi
if called "0 8 1 7 1 3 5 2 8"; then ok "phone read digit by digit"; else fail "phone digits: $(cat "$tmp"/log/call.* | tail -3)"; fi
if called "s a m i @ c a i n a m u r \. b e"; then ok "e-mail read letter by letter"; else fail "e-mail letters"; fi
keys s
sleep 0.3
# The reader is a child of this test's own accueil (found by the pane's pid),
# never any "sleep 30" of the machine.
if [ "$(app_pid)" -gt 0 ] && [ -n "$(ps -o pid= --ppid "$(app_pid)")" ]; then
	fail "a second press did not stop the reading"
else
	ok "a second press stops the reading"
fi

rm -f "$tmp"/log/call.*
start 80 24 --lang ar
keys 5 3 s
if called "^ar$"; then ok "Arabic voice ar"; else fail "Arabic voice"; fi

rm -f "$tmp"/log/call.*
start 80 24 --lang ps
keys 5 3 s
sleep 0.3
if ls "$tmp"/log/call.* >/dev/null 2>&1; then
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
