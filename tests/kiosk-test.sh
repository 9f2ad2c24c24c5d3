#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# kiosk-test.sh - kiosk mode and hostile conditions, in a real terminal:
# every way out a visitor might try, the staff PIN, signals, a broken
# database (the out-of-service screen), terminal sizes from 1x1 to 300x100,
# and terminal types. Usage: kiosk-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
trap 'lib_cleanup; rm -rf "$tmp"' EXIT

# running NAME: accueil is still running and shows its screen.
running() {
	if [ "$(app_pid)" -gt 0 ] && ! settle | grep -q "^exit="; then
		ok "$1"
	else
		fail "$1" "accueil is not running any more:"
		settle | head -5
	fi
}

# Every escape a visitor might try leaves the kiosk running, on its screen.
start 80 24 --kiosk --lang fr
keys q Q C-c C-z 'C-\' C-d Escape Escape F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12
keys C-q C-s C-x C-y C-o BTab Home End IC DC
tmx send-keys -t t -l $'\e[2J\e]0;title\a\e[?1049l\e[?25h\ec'
click 0 0
click 23 79
pid=$(app_pid)
kill -INT "$pid" 2>/dev/null
kill -QUIT "$pid" 2>/dev/null
kill -TSTP "$pid" 2>/dev/null
# Zeros never leave: on home 0 0 is the language picker, and 0 0 there
# is home again.
keys 0 0 0 0 0 0 0 0
running kiosk-escapes
check kiosk-home

# SIGTERM and SIGHUP end it cleanly, the terminal restored.
kill -TERM "$(app_pid)"
expect_text kiosk-sigterm "^exit=0"
start 80 24 --kiosk --lang fr
kill -HUP "$(app_pid)"
expect_text kiosk-sighup "^exit=0"

# Outside kiosk mode too, with no idle timer to wake it.
start 80 24 --lang fr --idle 0
kill -TERM "$(app_pid)"
expect_text plain-sigterm "^exit=0"

# Without a PIN in the configuration, F10 does nothing.
start 80 24 --kiosk --lang fr --config /dev/null
keys F10 1 2 3 4 Enter
running kiosk-no-pin

# With one: a wrong PIN says so and stays; the right one opens the staff
# menu, whose entry 4 leaves. (After the wrong one, the next try waits a
# second: see visit-test.sh.)
printf '123456\n' | "$bin" --hash-pin >"$tmp/accueil.conf"
start 80 24 --kiosk --lang fr --config "$tmp/accueil.conf"
keys F10 9 9 9 9 9 9 Enter
expect_text kiosk-wrong-pin "Code incorrect"
running kiosk-wrong-pin-stays
sleep 1.1
keys F10 1 2 3 4 5 6 Enter
expect_text kiosk-staff-menu "Quitter le kiosque"
keys 4
expect_text kiosk-pin-exit "^exit=10"

# The PIN file (--set-pin's, not the configuration): F10 and its PIN
# open the staff menu, whose 4 leaves, whatever the configuration file says.
printf '424242\n424242\n' | "$bin" --set-pin --pin-file "$tmp/etc/pin" >/dev/null
start 80 24 --kiosk --lang fr --config /dev/null --pin-file "$tmp/etc/pin"
keys F10 4 2 4 2 4 2 Enter 4
expect_text kiosk-pin-file-exit "^exit=10"

# F10 and the PIN on every screen: search (a field), help, the picker,
# a contact's QR code.
for way in "/" "?" "*" "5 1 c"; do
	start 80 24 --kiosk --lang fr --config /dev/null --pin-file "$tmp/etc/pin"
	# shellcheck disable=SC2086
	keys $way
	keys F10 4 2 4 2 4 2 Enter 4
	expect_text "kiosk-pin-from-${way// /}" "^exit=10"
done

# A PIN file that is there but cannot be read, or has a bad line: kiosk
# mode refuses to start, with one sentence on the console (never a kiosk
# without its staff exit), kept ten seconds, then status 2.
if [ "$(id -u)" -eq 0 ]; then
	# root reads any file: one that is not a file (package-test.sh
	# tries a 0600 root one as the user accueil).
	lockfile="$tmp/etc"
else
	cp "$tmp/etc/pin" "$tmp/locked"
	chmod 000 "$tmp/locked"
	lockfile="$tmp/locked"
fi
start 80 24 --kiosk --lang fr --config /dev/null --pin-file "$lockfile"
expect_text kiosk-pin-unreadable "kiosk mode refused: .*cannot be read"
if settle | grep -q "Choisissez\|Le CAI"; then
	echo "FAIL kiosk-pin-unreadable-no-kiosk: a kiosk runs"; failed=$((failed + 1))
else
	echo "ok   kiosk-pin-unreadable-no-kiosk"; passed=$((passed + 1))
fi
expect_text kiosk-pin-unreadable-status "^exit=2"
printf 'pin = 424242\n' >"$tmp/plain"
chmod 600 "$tmp/plain"
start 80 24 --kiosk --lang fr --config /dev/null --pin-file "$tmp/plain"
expect_text kiosk-pin-bad-line "kiosk mode refused: .*plain:1: \"pin =\" takes a hash"
printf 'idle = 2min\n' >"$tmp/bad.conf"
chmod 600 "$tmp/bad.conf"
start 80 24 --kiosk --lang fr --config "$tmp/bad.conf"
expect_text kiosk-conf-bad-line "kiosk mode refused: .*bad.conf:1: idle takes"

# The PIN delay survives a crash: a wrong PIN, SIGKILL, a restart that
# finds its state directory: the right PIN is refused until the delay
# has passed (4 wrong tries: 8 s).
mkdir -p "$tmp/state"
STATE_DIR="$tmp/state" start 80 24 --kiosk --lang fr --idle 0 --config /dev/null --pin-file "$tmp/etc/pin"
for i in 1 2 3 4; do
	keys F10 1 1 1 1 1 1 Enter
	[ "$i" = 4 ] || sleep $((1 << (i - 1))).1
done
pid=$(app_pid)
[ "$pid" != 0 ] && kill -KILL "$pid"
STATE_DIR="$tmp/state" start 80 24 --kiosk --lang fr --idle 0 --config /dev/null --pin-file "$tmp/etc/pin"
keys F10
expect_text kiosk-delay-after-kill "Nouvel essai possible dans [1-8] seconde"
keys 4 2 4 2 4 2 Enter
running kiosk-delay-after-kill-refuses
# ...and the right PIN once it has passed.
for i in $(seq 100); do
	settle | grep -q "Nouvel essai" || break
	sleep 0.1
done
keys Enter 4
expect_text kiosk-delay-then-exit "^exit=10"
if [ ! -e "$tmp/state/pin-delay" ]; then
	echo "ok   kiosk-delay-cleared"; passed=$((passed + 1))
else
	echo "FAIL kiosk-delay-cleared: $(cat "$tmp/state/pin-delay")"; failed=$((failed + 1))
fi

# A broken database: plain mode says so and exits 2; kiosk mode shows "out
# of service" in every language, ignores keys, and starts when the database
# is back.
head -c 8192 /dev/urandom >"$tmp/broken.db"
start 80 24 --kiosk --db "$tmp/broken.db"
expect_text kiosk-out-of-service "Hors service"
# The Arabic line, read with the gettext tools, as fribidi(1) orders and
# joins it.
ar=$(msgattrib --no-fuzzy "$(dirname "$0")/../po/ar.po" |
	msggrep -K -e '^Hors service' |
	msgexec sh -c '[ -z "$MSGEXEC_MSGID" ] || cat')
ar_vis=$(printf '%s' "$ar" | fribidi --nopad --nobreak --rtl | sed 's/\xef\xbb\xbf//g')
expect_text kiosk-out-of-service-ar "$ar_vis"
keys q C-c Escape
running kiosk-out-of-service-stays
cp "$db" "$tmp/broken.db"
keys x
expect_text kiosk-database-back "Choisissez votre langue"
# The staff leave "out of service" too: F10, a wrong PIN stays, the
# right one exits 10 at once (no database: no staff menu).
head -c 8192 /dev/urandom >"$tmp/broken2.db"
start 80 24 --kiosk --db "$tmp/broken2.db" --config /dev/null --pin-file "$tmp/etc/pin"
expect_text kiosk-out-of-service-again "Hors service"
keys F10
expect_text kiosk-out-of-service-pin "Code du personnel"
keys 9 9 9 9 9 9 Enter
expect_text kiosk-out-of-service-wrong "Hors service"
running kiosk-out-of-service-wrong-stays
sleep 1.1
keys F10 4 2 4 2 4 2 Enter
expect_text kiosk-out-of-service-exit "^exit=10"

# Terminal sizes from 1x1 to 300x100, and a burst of resizes: no crash, the
# "bigger window" sentence below the minimum, the place kept.
start 80 24 --lang fr
keys 4 7 Down Down
for size in 1x1 2x2 5x3 10x5 29x9 30x10 40x15 80x24 120x40 200x60 300x100 1x100 300x1; do
	tmx resize-window -t t -x "${size%x*}" -y "${size#*x}"
done
for i in $(seq 40); do
	tmx resize-window -t t -x $((20 + i * 7 % 200)) -y $((5 + i * 3 % 60))
done
resize 20 6
expect_text too-small-sentence "Agrandissez"
resize 80 24
running resize-burst
keys Home
check kiosk-resized-page
# Keys of another terminal type (escape sequences this TERM does not know)
# are read whole and do nothing: the visitor stays on the same page.
tmx send-keys -t t -l $'\e[1;9Z\eOZ\e[200~\e[99;99;99~\e[O'
settle >/dev/null
check kiosk-resized-page

# Terminal types: the common ones work; an unknown or dumb one gets one
# sentence and exit status 2.
for t in linux vt100 screen-256color xterm-256color; do
	TERM_TYPE=$t start 80 24 --lang fr
	expect_text "term-$t" "Le CAI"
done
TERM_TYPE=dumb start 80 24 --lang fr
expect_text term-dumb "^exit=2"
TERM_TYPE=no-such-terminal start 80 24 --lang fr
expect_text term-unknown "^exit=2"

summary
