#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tmux-lib.sh - drives the real accueil in a real terminal (tmux), as a
# visitor would; sourced by screen-test.sh and kiosk-test.sh, which set
# bin, db and dir first. GENERATE=1 saves screens instead of comparing.
run=0
sock="accueil-test-$$-$run"
failed=0 passed=0
# How many probes were sent, and whether input was sent since: in files,
# so that settle works in a pipeline or a $(...) as well.
marks=$(mktemp -d)
tmx() {
	case $1 in
	send-keys|resize-window) : >"$marks/pending" ;;
	kill-server) end_server; return ;;
	esac
	command tmux -L "$sock" -f /dev/null "$@"
}

# Ends the program the tmux server runs, found by its own PID, with
# SIGTERM, and waits until it has ended (at most 30 s, then SIGKILL), then
# the server. Not by the hangup that killing the server gives: in a
# sanitizer build, LeakSanitizer's exit check after a hangup never ended
# here, and the programs a test left so piled up and starved the machine.
end_server() {
	local app i
	app=$(app_pid)
	if [ "$app" != 0 ]; then
		kill -TERM "$app" 2>/dev/null
		for i in $(seq 300); do
			kill -0 "$app" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$app" 2>/dev/null; then
			echo "note: pid $app did not end 30 s after SIGTERM; killed" >&2
			kill -KILL "$app" 2>/dev/null
		fi
	fi
	command tmux -L "$sock" -f /dev/null kill-server 2>/dev/null
	return 0
}

trap 'tmx kill-server 2>/dev/null; rm -rf "$marks"' EXIT

# Waits until the program has handled everything sent to it: accueil, run
# with ACCUEIL_TEST_SETTLED, answers the probe character U+10FFFD, read
# after every key sent before it, by setting the pane's title to
# "accueil-probe-N-WxH" once their frame is shown (ui/term.c), and sets
# "accueil-probe-0-WxH" once its first frame is; the pane says "exited"
# once it has ended. tmux reads the title in order with the
# screen, so the answer means the screen is complete. settle_wait WxH
# also waits for the frame of that size (probing again). At most 30 s.
settle_wait() {
	local n title i size=${1:-}
	[ -e "$marks/pending" ] || return 0
	rm -f "$marks/pending"
	title=$(command tmux -L "$sock" -f /dev/null display-message -p \
		-t t '#{pane_title}' 2>/dev/null)
	if [ "$title" = exited ]; then
		return 0
	elif [ -e "$marks/probes" ]; then
		n=$(( $(cat "$marks/probes") + 1 ))
		command tmux -L "$sock" -f /dev/null send-keys -t t -l $'\U10FFFD'
	else
		n=0     # just started: the first frame, no probe
	fi
	echo "$n" >"$marks/probes"
	for i in $(seq 3000); do
		title=$(command tmux -L "$sock" -f /dev/null display-message -p \
			-t t '#{pane_title}' 2>/dev/null) || break
		case $title in
		exited) break ;;
		accueil-probe-"$n"-*)
			[ -z "$size" ] || [ "${title##*-}" = "$size" ] && break
			# An older frame: probe again.
			n=$((n + 1))
			echo "$n" >"$marks/probes"
			command tmux -L "$sock" -f /dev/null send-keys -t t -l \
				$'\U10FFFD' ;;
		esac
		sleep 0.01
	done
}

# Prints the screen once the program has settled.
settle() {
	settle_wait
	tmx capture-pane -p -t t 2>/dev/null
}

# start W H [ARGS...]: starts accueil in a W x H terminal, in French
# unless ARGS say otherwise (PICKER=1: no --lang, so the picker shows).
# When accueil ends, the pane says "exit=STATUS" on a line of its own
# (echo is turned off first: a probe sent as it ends is not shown). APP_ENV adds variables
# for accueil alone (e.g. APP_ENV=PATH=/nowhere).
start() {
	local w=$1 h=$2 args lsan=""; shift 2
	args=${*:---lang fr}
	# At TERM=linux, the sanitizer build's suppression of ncurses' gpm
	# allocation (lsan.supp) needs the slow unwinder: for that run only.
	[ "${TERM_TYPE:-screen}" = linux ] &&
		lsan="LSAN_OPTIONS=${LSAN_OPTIONS:-}:fast_unwind_on_malloc=0"
	[ -n "${PICKER:-}" ] && args=$*
	tmx kill-server 2>/dev/null
	run=$((run + 1))
	sock="accueil-test-$$-$run"
	rm -f "$marks/probes"
	: >"$marks/pending"
	# The kiosk keeps its PIN delay in its state directory: a fresh one
	# each run, unless STATE_DIR names one (a restart that must find it).
	local state=${STATE_DIR:-$marks/state-$run}
	mkdir -p "$state"
	tmx new-session -d -s t -x "$w" -y "$h" \
		"env LANG=C.UTF-8 TERM=${TERM_TYPE:-screen} NO_COLOR=${NO_COLOR_SET:-} ACCUEIL_TEST_SETTLED=1 STATE_DIRECTORY=$state $lsan ${APP_ENV:-} $bin --db $db $args 2>>${ERR_LOG:-/dev/null}; st=\$?; stty -echo 2>/dev/null; echo; echo exit=\$st; printf '\\033]2;exited\\007'; sleep 60"
	tmx set-option -t t status off >/dev/null
	settle_wait
}

# keys K...: types the keys one at a time, letting the screen settle.
keys() {
	local k
	for k in "$@"; do
		tmx send-keys -t t "$k"
		settle_wait
	done
}

# click ROW COL: a mouse press and release (X10 encoding, as TERM=screen
# announces).
click() {
	local x y
	x=$(printf "\\$(printf '%03o' $(( $2 + 33 )))")
	y=$(printf "\\$(printf '%03o' $(( $1 + 33 )))")
	tmx send-keys -t t -l $'\e[M '"$x$y"$'\e[M#'"$x$y"
	settle_wait
}

# resize W H
resize() {
	tmx resize-window -t t -x "$1" -y "$2"
	settle_wait "$1x$2"
}

# expect_text NAME PATTERN: the screen shows PATTERN (for screens whose other
# parts change with time, and for what a signal does): waits, at most 10 s,
# for the program to show it.
expect_text() {
	local i
	for i in $(seq 1000); do
		settle | grep -q -- "$2" && break
		sleep 0.01
	done
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
	settle_wait
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
		awk '$2 == "accueil" { print $1; f = 1; exit }
		     END { if (!f) print 0 }'
}

# Prints the pids of the children of the accueil the pane runs (its
# espeak-ng), one a line, or nothing.
app_child() {
	local a
	a=$(app_pid)
	[ "$a" != 0 ] && ps -o pid= --ppid "$a" | tr -d ' '
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
