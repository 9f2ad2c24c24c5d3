#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tmux-lib.sh - drives the real accueil in a real terminal (tmux), as a
# visitor would; sourced by screen-test.sh and kiosk-test.sh, which set
# bin, db and dir first. GENERATE=1 saves screens instead of comparing.
run=0
sock="accueil-test-$$-$run"
failed=0 passed=0
tmx() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tmx kill-server 2>/dev/null' EXIT

# Prints the screen once it has stopped changing: the same for three looks
# in a row, 50 ms apart (at most 5 s).
settle() {
	local prev="" cur same=0 i
	for i in $(seq 100); do
		sleep 0.05
		cur=$(tmx capture-pane -p -t t 2>/dev/null) || break
		if [ "$cur" = "$prev" ] && [ -n "$cur" ]; then
			same=$((same + 1))
			[ "$same" -ge 2 ] && break
		else
			same=0
		fi
		prev=$cur
	done
	printf '%s\n' "$cur"
}

# start W H [ARGS...]: starts accueil in a W x H terminal, in French
# unless ARGS say otherwise (PICKER=1: no --lang, so the picker shows).
# When accueil ends, the pane says "exit=STATUS". APP_ENV adds variables
# for accueil alone (e.g. APP_ENV=PATH=/nowhere).
start() {
	local w=$1 h=$2 args; shift 2
	args=${*:---lang fr}
	[ -n "${PICKER:-}" ] && args=$*
	tmx kill-server 2>/dev/null
	run=$((run + 1))
	sock="accueil-test-$$-$run"
	tmx new-session -d -s t -x "$w" -y "$h" \
		"env LANG=C.UTF-8 TERM=${TERM_TYPE:-screen} NO_COLOR=${NO_COLOR_SET:-} ${APP_ENV:-} $bin --db $db $args 2>/dev/null; echo exit=\$?; sleep 60"
	tmx set-option -t t status off >/dev/null
	settle >/dev/null
}

# keys K...: types the keys one at a time, letting the screen settle.
keys() {
	local k
	for k in "$@"; do
		tmx send-keys -t t "$k"
		settle >/dev/null
	done
}

# click ROW COL: a mouse press and release (X10 encoding, as TERM=screen
# announces).
click() {
	local x y
	x=$(printf "\\$(printf '%03o' $(( $2 + 33 )))")
	y=$(printf "\\$(printf '%03o' $(( $1 + 33 )))")
	tmx send-keys -t t -l $'\e[M '"$x$y"$'\e[M#'"$x$y"
	settle >/dev/null
}

# resize W H
resize() {
	tmx resize-window -t t -x "$1" -y "$2"
	settle >/dev/null
}

# expect_text NAME PATTERN: the screen shows PATTERN (for screens whose other
# parts change with time).
expect_text() {
	if settle | grep -q -- "$2"; then
		echo "ok   $1"
		passed=$((passed + 1))
	else
		echo "FAIL $1: the screen does not show '$2':"
		settle | head -30
		failed=$((failed + 1))
	fi
}

# expect_attr NAME PATTERN: the screen, with its colours and attributes as
# escape sequences (capture-pane -e), matches the extended regular
# expression PATTERN.
expect_attr() {
	settle >/dev/null
	if tmx capture-pane -p -e -t t | grep -qE -- "$2"; then
		echo "ok   $1"
		passed=$((passed + 1))
	else
		echo "FAIL $1: no '$2' in the screen's attributes"
		failed=$((failed + 1))
	fi
}

# check NAME: compares the screen with tests/screens/NAME.txt.
check() {
	local name=$1 file="$dir/$1.txt" got
	got=$(settle)
	if [ "${GENERATE:-}" = 1 ]; then
		printf '%s\n' "$got" >"$file"
		echo "saved $name"
		passed=$((passed + 1))
	elif [ ! -f "$file" ]; then
		echo "FAIL $name: no saved screen $file (run with GENERATE=1)"
		failed=$((failed + 1))
	elif [ "$got" = "$(cat "$file")" ]; then
		echo "ok   $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name: the screen differs from $file:"
		diff <(cat "$file") <(printf '%s\n' "$got") | head -40
		failed=$((failed + 1))
	fi
}


# Prints the pid of the accueil the pane runs (a child of the pane's own
# shell, found by that shell's pid, never by name machine-wide), or 0.
app_pid() {
	local pane
	pane=$(tmx display -p -t t '#{pane_pid}' 2>/dev/null) || { echo 0; return; }
	ps -o pid=,comm= --ppid "$pane" 2>/dev/null |
		awk '$2 == "accueil" || $2 == "accueil-shared" { print $1; f = 1; exit }
		     END { if (!f) print 0 }'
}

# restored NAME: accueil has ended, the pane says so, and the terminal is
# out of the alternate screen, the cursor shown.
restored() {
	local i
	for i in $(seq 40); do
		settle | grep -q "^exit=" && break
		sleep 0.1
	done
	if settle | grep -q "^exit=" &&
	   [ "$(tmx display -p -t t '#{alternate_on}')" = 0 ] &&
	   [ "$(tmx display -p -t t '#{cursor_flag}')" = 1 ]; then
		echo "ok   $1"
		passed=$((passed + 1))
	else
		echo "FAIL $1: not ended with the terminal restored (alternate" \
			"screen $(tmx display -p -t t '#{alternate_on}'), cursor" \
			"$(tmx display -p -t t '#{cursor_flag}')):"
		settle | head -5
		failed=$((failed + 1))
	fi
}

# expect_no_attr NAME PATTERN: no part of the screen, with its colours and
# attributes as escape sequences, matches the extended regular expression
# PATTERN (so a blank line cannot make it pass).
expect_no_attr() {
	settle >/dev/null
	if tmx capture-pane -p -e -t t | grep -qE -- "$2"; then
		echo "FAIL $1: '$2' in the screen's attributes"
		failed=$((failed + 1))
	else
		echo "ok   $1"
		passed=$((passed + 1))
	fi
}
