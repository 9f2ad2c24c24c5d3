#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# speech-test.sh - read-aloud with a stand-in espeak-ng on PATH that notes
# how it was started (its argv and its environment, as the kernel has them
# in /proc/PID), what came on its standard input, and which descriptors it
# got: the text comes on stdin (--stdin), never on the command line, a
# page of 1.6 MB included, without blocking the keys; the child's
# environment is PATH, LANG, HOME=/nonexistent and the sound server's
# variables, nothing else (a real espeak-ng with a PulseAudio client.conf
# in the kiosk user's HOME that would start a program: not started); the
# visitor's voice, phone numbers digit by digit, e-mails letter by letter;
# a second press, leaving the page and changing the language end the
# child (the idle reset, the "reading" line and skipping:
# speech-follow-test.sh); a language espeak-ng cannot speak says so and
# has no s on the key bar; an espeak-ng that fails at once, or no sound
# output, gives one line on the page; without espeak-ng the key is not
# shown. No sleep asserts an absence: a child is started and stopped
# before the frame of its key is shown (the settled probe).
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
mkdir -p "$tmp/bin" "$tmp/empty" "$tmp/log" "$tmp/run/pulse" "$tmp/home"
# A sound server's socket, as the program looks for one (the test machine
# has no sound card).
: >"$tmp/run/pulse/native"
export XDG_RUNTIME_DIR="$tmp/run"
# A variable the child must not get.
export ACCUEIL_SECRET_VARIABLE=visitor
# The stand-in: notes its argv, its environment and its descriptors, reads
# stdin to the end (while the file hold exists, only once the file go
# exists, at most 60 s: the pipe fills meanwhile), then stays like a
# reading.
cat >"$tmp/bin/espeak-ng" <<STANDIN
#!/bin/sh
tr '\\0' '\\n' </proc/\$\$/cmdline >"$tmp/log/cmdline.\$\$"
tr '\\0' '\\n' </proc/\$\$/environ >"$tmp/log/environ.\$\$"
if [ -e "$tmp/hold" ]; then
	for i in \$(seq 600); do [ -e "$tmp/go" ] && break; sleep 0.1; done
fi
cat >"$tmp/log/stdin.\$\$"
exec sleep 30
STANDIN
chmod +x "$tmp/bin/espeak-ng"
realpath=$PATH
export PATH="$tmp/bin:$PATH"
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# last NAME: the newest file log/NAME.* of the stand-in.
last() { ls -t "$tmp"/log/"$1".* 2>/dev/null | head -1; }
# called PATTERN: the text the last stand-in read on stdin matches PATTERN
# (waits for it, at most 10 s).
called() {
	local f i
	for i in $(seq 100); do
		f=$(last stdin)
		[ -n "$f" ] && grep -q -- "$1" "$f" && return 0
		sleep 0.1
	done
	return 1
}
# child: the process id of the running accueil's child, if any (a child is
# started, or stopped and reaped, before the frame of its key is shown).
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
# Its environment: built by the program, nothing inherited but PATH and
# the sound server's variables.
f=$(last environ)
envs=$(sort "$f" 2>/dev/null | tr '\n' ' ')
want=$(printf '%s\n' "PATH=$PATH" "LANG=C.UTF-8" "HOME=/nonexistent" \
	"XDG_RUNTIME_DIR=$tmp/run" | sort | tr '\n' ' ')
if [ "$envs" = "$want" ]; then
	ok "the child's environment: PATH, LANG, HOME=/nonexistent, XDG_RUNTIME_DIR"
else
	fail "the child's environment: '$envs'"
fi
keys s
if [ -n "$(child)" ]; then fail "a second press did not stop the reading"; else ok "a second press stops the reading"; fi

# Leaving the page, changing the language, the idle reset: no reading left.
keys s
[ -n "$(child)" ] || fail "no reading to stop"
keys 0
if [ -n "$(child)" ]; then fail "leaving the page did not stop the reading"; else ok "leaving the page stops the reading"; fi
keys 3 s
[ -n "$(child)" ] || fail "no reading to stop"
keys '*' 2
if [ -n "$(child)" ]; then fail "changing the language did not stop the reading"; else ok "changing the language stops the reading"; fi
# The idle reset: in speech-follow-test.sh (a reading holds the idle
# timer back, so the reset ends only a paragraph that outlasts its time).

# A page of 1.6 MB (more than a pipe holds, more than a command line
# takes): all of it comes on stdin, and the keys work while it is written.
# Sami's text is the test's own (its third paragraph was one of 233 bytes,
# which the stand-in read before the long one waited 30 s).
big="$tmp/big.db"
cp "$db" "$big"
"$PYTHON" - "$big" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE field SET value = ? WHERE node = 'sami' AND "
           "name = 'body' AND lang = 'fr'",
           ("Un paragraphe court.\n\n" + "mot " * 400000,))
db.commit()
PY
rm -f "$tmp"/log/*
db=$big
: >"$tmp/hold"
start 80 24 --lang fr
# One child a paragraph: p twice skips to the long one, the third.
keys 5 3 s p p
before=$(settle)
keys NPage
if [ "$(settle)" != "$before" ] && [ -z "$(last stdin)" ] && [ -n "$(child)" ]; then
	ok "keys work while the text waits for room in the pipe"
else
	fail "no key while the text waits (or the stand-in read already)"
fi
: >"$tmp/go"
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
rm -f "$tmp/hold" "$tmp/go"

# cmdline_of PID: the argv the stand-in PID noted (waits, at most 10 s).
cmdline_of() {
	local i
	for i in $(seq 100); do
		[ -s "$tmp/log/cmdline.$1" ] && break
		sleep 0.1
	done
	cat "$tmp/log/cmdline.$1" 2>/dev/null
}

rm -f "$tmp"/log/*
start 80 24 --lang ar
keys 5 3 s
pid=$(child)
if [ -n "$pid" ] && cmdline_of "$pid" | grep -qx "ar"; then ok "Arabic voice ar"; else fail "Arabic voice"; fi

rm -f "$tmp"/log/*
start 80 24 --lang ps
keys 5 3
if settle | tail -1 | grep -qE "(^| )s( |$)"; then fail "Pashto: s on the key bar"; else ok "Pashto: no s on the key bar"; fi
keys s
if [ -n "$(child)" ]; then
	fail "Pashto was read with a wrong voice"
else
	ok "Pashto: no wrong voice"
fi
# The sentence, in Pashto, as the screen shows it (reordered, joined).
msg=$(LC_ALL=C.UTF-8 LANGUAGE=ps TEXTDOMAINDIR="$(dirname "$bin")/../po" \
	gettext -d accueil "La lecture à voix haute n'existe pas encore dans cette langue.")
vis=$(printf '%s' "$msg" | fribidi --nopad --nobreak --rtl | sed 's/\xef\xbb\xbf//g')
expect_text "Pashto says so in Pashto" "${vis:0:12}"

# In Tigrinya and Somali, no s on the key bar, and the help says why, in
# the language.
for l in ti so; do
	start 80 24 --lang "$l"
	keys 5 3
	bar=$(settle | tail -1)
	if printf '%s\n' "$bar" | grep -qE "(^| )s( |$)"; then
		fail "$l: s on the key bar: $bar"
	else
		ok "$l: no s on the key bar"
	fi
	msg=$(LC_ALL=C.UTF-8 LANGUAGE=$l TEXTDOMAINDIR="$(dirname "$bin")/../po" \
		gettext -d accueil "La lecture à voix haute n'existe pas encore dans cette langue.")
	# The help is longer than the screen: its line is further down.
	keys '?' End
	expect_text "$l: the help says why there is no s" "${msg:0:16}"
done

# An espeak-ng that fails at once: one line on the page says so, in the
# visitor's language; the same without any sound output.
mkdir -p "$tmp/failing"
printf '#!/bin/sh\nexit 1\n' >"$tmp/failing/espeak-ng"
chmod +x "$tmp/failing/espeak-ng"
APP_ENV="PATH=$tmp/failing:$realpath" start 80 24 --lang fr
keys 5 3 s
expect_text "a failing espeak-ng: the page says so" "La lecture à voix haute n'est pas disponible ici"
APP_ENV="XDG_RUNTIME_DIR=$tmp/empty" start 80 24 --lang fr
keys 5 3 s
expect_text "no sound output: the page says so" "La lecture à voix haute n'est pas disponible ici"
if [ -n "$(child)" ]; then fail "no sound output: a child started"; else ok "no sound output: no child"; fi
keys s
msg=$(LC_ALL=C.UTF-8 LANGUAGE=en TEXTDOMAINDIR="$(dirname "$bin")/../po" \
	gettext -d accueil "La lecture à voix haute n'est pas disponible ici.")
APP_ENV="PATH=$tmp/failing:$realpath" start 80 24 --lang en
keys 5 3 s
expect_text "a failing espeak-ng: said in English" "$msg"

# The PulseAudio trap: the kiosk user's HOME holds a client.conf that
# would start a program of its choosing when a client finds no server; the
# real espeak-ng (no server here) never reads it. libpulse starts nothing
# for root: as root, the kiosk runs as nobody.
if [ -x /usr/bin/espeak-ng ]; then
	chmod 755 "$tmp"
	mkdir -p "$tmp/home/.config/pulse" "$tmp/trap" "$tmp/run2/pulse"
	chmod 777 "$tmp/trap"
	printf '#!/bin/sh\ntouch %s/trap/started\nexit 1\n' "$tmp" >"$tmp/trap/pulse"
	chmod 755 "$tmp/trap/pulse"
	printf 'autospawn = yes\ndaemon-binary = %s/trap/pulse\n' "$tmp" \
		>"$tmp/home/.config/pulse/client.conf"
	chmod -R a+rX "$tmp/home" "$tmp/run2"
	: >"$tmp/run2/pulse/native"
	runbin=$bin
	if [ "$(id -u)" -eq 0 ]; then
		printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups %s "$@"\n' \
			"$bin" >"$tmp/trap/as-nobody"
		chmod 755 "$tmp/trap/as-nobody"
		runbin=$tmp/trap/as-nobody
	fi
	bin=$runbin APP_ENV="HOME=$tmp/home XDG_RUNTIME_DIR=$tmp/run2 PATH=$realpath" \
		start 80 24 --kiosk --lang fr --idle 0
	keys 5 3 s
	# The reading ends (espeak-ng finds no server and no sound card),
	# and the trap's program, had it been started, has ended.
	for i in $(seq 100); do [ -z "$(child)" ] && break; sleep 0.1; done
	if [ "$(app_pid)" = 0 ]; then
		fail "pulseaudio-trap: the kiosk did not run"
	elif [ -e "$tmp/trap/started" ]; then
		fail "pulseaudio-trap: the program of the HOME's client.conf ran"
	else
		ok "pulseaudio-trap: the program of the HOME's client.conf never ran"
	fi
fi

# Without espeak-ng, no read-aloud key.
APP_ENV="PATH=$tmp/empty" start 80 24 --lang fr
keys 5 3
if settle | grep -q "Écouter"; then fail "the key is shown without espeak-ng"; else ok "no key without espeak-ng"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
