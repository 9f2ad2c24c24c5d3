#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tmux-lib.sh - drives the real accueil in a real terminal (tmux), as a
# visitor would: the one place that starts it (start), waits for it (the
# probe: settle; the screen: wait_screen) and looks at its screen. Sourced
# by every tmux test, which sets bin, db and dir first. GENERATE=1 saves
# screens instead of comparing.
. "$(dirname "${BASH_SOURCE[0]}")/check-lib.sh"
run=0
sock="accueil-test-$$-$run"
# How many probes were sent, and whether input was sent since: in files,
# so that settle works in a pipeline or a $(...) as well.
marks=$(mktemp -d)
# A folder the user nobody can reach, made when needed (start, RUNAS).
runas_dir=""
# nap SECONDS: waits, without a fork (read times out on a descriptor that
# no data ever comes on; sleep would be a process each time).
exec {nap_fd}<> <(:)
nap() {
	read -r -t "$1" -u "$nap_fd" _ || :
}
# backoff CAP_MS: naps between two looks at what the program has not done
# yet: 1 ms, then twice as long each time, up to CAP_MS. A wait of
# seconds then looks a few dozen times, not hundreds: each look is a tmux
# client (about 8 ms of a core), taken from the program being waited for.
# The caller sets "local nap_ms=0" first.
backoff() {
	local s
	nap_ms=$((nap_ms > 0 ? nap_ms * 2 : 1))
	[ "$nap_ms" -le "$1" ] || nap_ms=$1
	printf -v s '%d.%03d' $((nap_ms / 1000)) $((nap_ms % 1000))
	nap "$s"
}
tmx() {
	case $1 in
	send-keys|resize-window) : >"$marks/pending" ;;
	kill-server) end_server; return ;;
	esac
	command tmux -L "$sock" -f /dev/null "$@"
}

# Ends the program the tmux server runs, found by its own PID, with
# SIGTERM (and a probe that wakes it), and waits until it has ended (at
# most 30 s, then SIGKILL), then the server. Not by the hangup that killing the server gives: in a
# sanitizer build, LeakSanitizer's exit check after a hangup never ended
# here, and the programs a test left so piled up and starved the machine.
end_server() {
	local app due_at
	app=$(app_pid)
	if [ "$app" != 0 ]; then
		kill -TERM "$app" 2>/dev/null
		# A probe wakes it at once from its wait for a key (up to 1 s).
		command tmux -L "$sock" -f /dev/null send-keys -t t -l \
			$'\U10FFFD' 2>/dev/null
		deadline 30
		while kill -0 "$app" 2>/dev/null && ! due; do
			nap 0.005
		done
		if kill -0 "$app" 2>/dev/null; then
			echo "note: pid $app did not end 30 s after SIGTERM; killed" >&2
			kill -KILL "$app" 2>/dev/null
		fi
	fi
	command tmux -L "$sock" -f /dev/null kill-server 2>/dev/null
	return 0
}

# lib_cleanup: ends the server and removes the library's files; a test
# that sets its own EXIT trap calls it there.
lib_cleanup() {
	tmx kill-server 2>/dev/null
	rm -rf "$marks" ${runas_dir:+"$runas_dir"}
}
trap lib_cleanup EXIT

# deadline SECONDS: sets $due_at to the clock in SECONDS, in microseconds
# (bash's EPOCHREALTIME: no fork, unlike date or a $(...)).
deadline() {
	due_at=$(( ${EPOCHREALTIME//[.,]/} + $1 * 1000000 ))
}

# due: true once the clock has reached $due_at.
due() {
	[ "${EPOCHREALTIME//[.,]/}" -ge "$due_at" ]
}

# title: the pane's title (the probe's answer), or fails when the server
# is gone.
title() {
	command tmux -L "$sock" -f /dev/null display-message -p -t t \
		'#{pane_title}' 2>/dev/null
}

# probe N [KEY...]: sends the keys, then the probe character, the N-th since
# the start.
probe() {
	local n=$1 keys=()
	shift
	# Keys first, in the same call of tmux: only the answer is waited for.
	[ "$#" -gt 0 ] && keys=(send-keys -t t "$@" \;)
	echo "$n" >"$marks/probes"
	command tmux -L "$sock" -f /dev/null "${keys[@]}" \
		send-keys -t t -l $'\U10FFFD'
}

# Waits until the program has handled everything sent to it: accueil, run
# with ACCUEIL_TEST_SETTLED, answers the probe character U+10FFFD, read
# after every key sent before it, by setting the pane's title to
# "accueil-probe-N-WxH" once their frame is shown (ui/term.c), and sets
# "accueil-probe-0-WxH" once its first frame is; the pane's title says
# "exited" once it has ended. tmux reads the title in order with the
# screen, so the answer means the screen is complete. settle_wait WxH
# also waits for the frame of that size (probing again). At most
# SETTLE_SECONDS (30) by the clock, then a note on stderr: the check that
# follows fails on what the screen shows.
settle_wait() {
	local n t size=${1:-}
	[ -e "$marks/pending" ] || return 0
	rm -f "$marks/pending"
	t=$(title)
	if [ "$t" = exited ]; then
		return 0
	elif [ -e "$marks/probes" ]; then
		read -r n <"$marks/probes"
		n=$((n + 1))
		probe "$n"
	else
		n=0     # just started: the first frame, no probe
		echo "$n" >"$marks/probes"
	fi
	await_probe "$n" "$size"
}

# await_probe N [WxH]: waits for the answer to probe N (of a frame of that
# size), probing again for an older frame; at most SETTLE_SECONDS.
await_probe() {
	local n=$1 size=${2:-} t due_at nap_ms=0
	deadline "${SETTLE_SECONDS:-30}"
	until due; do
		t=$(title) || return 0
		case $t in
		exited) return 0 ;;
		accueil-probe-"$n"-*)
			[ -z "$size" ] || [ "${t##*-}" = "$size" ] && return 0
			# An older frame: probe again.
			n=$((n + 1))
			probe "$n" ;;
		esac
		backoff 16
	done
	echo "note: no answer to probe $n in ${SETTLE_SECONDS:-30} s" \
		"(title '$t')" >&2
}

# Prints the screen once the program has settled.
settle() {
	settle_wait
	tmx capture-pane -p -t t 2>/dev/null
}

# wait_screen PATTERN [SECONDS]: waits until the screen shows PATTERN (a
# basic regular expression of grep), at most SECONDS (10) by the clock:
# for what the program does on its own time (the idle reset, a countdown,
# a file that changed, a signal). Fails when it never does.
wait_screen() {
	local due_at nap_ms=0
	deadline "${2:-10}"
	while ! settle | grep -q -- "$1"; do
		! due || return 1
		backoff 100
	done
}

# runas_path FILE: prints FILE if the user nobody can read it (and run it,
# if it is a program), or else the path of a copy of it in $runas_dir, a
# folder made for nobody (for a clone under a private folder: a home of
# mode 0700, a mktemp -d). Fails, saying why on stderr, when even the copy
# is out of nobody's reach (a private TMPDIR).
runas_path() {
	local f=$1 test=-r copy
	[ -x "$f" ] && test=-x
	if as_nobody test "$test" "$f"; then
		printf '%s\n' "$f"
		return 0
	fi
	copy="$runas_dir/$(basename "$f")"
	cp -p "$f" "$copy" && chmod a+r "$copy" || return 1
	if ! as_nobody test "$test" "$copy"; then
		echo "the user nobody can reach neither $f nor its copy $copy" >&2
		return 1
	fi
	printf '%s\n' "$copy"
}

# as_nobody COMMAND...: runs COMMAND as the user nobody (uid 65534).
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}

# start W H [ARGS...]: starts accueil in a W x H terminal, on $db, in
# French unless ARGS say otherwise (PICKER=1: no --lang, so the picker
# shows), and waits for its first frame. When accueil ends, the pane says
# "exit=STATUS" on a line of its own (echo is turned off first: a probe
# sent as it ends is not shown), and its title says "exited". The options,
# as variables set for the call:
#   TERM_TYPE=T     its terminal type (screen)
#   NO_COLOR_SET=1  NO_COLOR set
#   APP_ENV="V=X"   variables for accueil alone (e.g. PATH=/nowhere)
#   APP_BIN=PATH    another program than $bin (a copy, valgrind ...)
#   APP_CWD=DIR     its working folder
#   ERR_LOG=FILE    where its standard error goes (appended)
#   db=FILE         another database; db= (empty): no --db at all
#   RUNAS=nobody    as the user nobody, when the test runs as root; the
#                   program (a path, not a command) and the database are
#                   copied where nobody reaches them if need be. Returns 1
#                   without starting when they cannot be, the reason in
#                   start_why.
start() {
	local w=$1 h=$2 args lsan="" pre="" prog=${APP_BIN:-$bin} dbf=${db:-}
	shift 2
	args=${*:---lang fr}
	[ -n "${PICKER:-}" ] && args=$*
	start_why=""
	tmx kill-server 2>/dev/null
	if [ -n "${RUNAS:-}" ] && [ "$(id -u)" = 0 ]; then
		pre="setpriv --reuid=65534 --regid=65534 --clear-groups"
		if [ -z "$runas_dir" ]; then
			runas_dir=$(mktemp -d) && chmod 755 "$runas_dir"
		fi
		if ! prog=$(runas_path "$prog" 2>"$marks/why") ||
		   { [ -e "$dbf" ] && ! dbf=$(runas_path "$dbf" 2>"$marks/why"); }; then
			start_why=$(cat "$marks/why")
			return 1
		fi
	fi
	# At TERM=linux, libgpm preloaded: ncurses' unloading it would leave
	# its allocation unreachable, a leak to the sanitizer (see monkey.py).
	[ "${TERM_TYPE:-screen}" = linux ] &&
		lsan="LD_PRELOAD=libgpm.so.2 ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0"
	run=$((run + 1))
	sock="accueil-test-$$-$run"
	rm -f "$marks/probes"
	: >"$marks/pending"
	# The kiosk keeps its PIN delay in its state directory: a fresh one
	# each run, unless STATE_DIR names one (a restart that must find it).
	local state=${STATE_DIR:-$marks/state-$run}
	# As nobody: one it can write, in the folder made for it.
	[ -n "$pre" ] && [ -z "${STATE_DIR:-}" ] && state=$runas_dir/state-$run
	mkdir -p "$state"
	[ -n "$pre" ] && chown 65534:65534 "$state"
	tmx new-session -d -s t -x "$w" -y "$h" \
		"${APP_CWD:+cd $APP_CWD && }env LANG=C.UTF-8 TERM=${TERM_TYPE:-screen} NO_COLOR=${NO_COLOR_SET:-} ACCUEIL_TEST_SETTLED=1 STATE_DIRECTORY=$state $lsan ${APP_ENV:-} $pre $prog ${dbf:+--db $dbf} $args 2>>${ERR_LOG:-/dev/null}; st=\$?; stty -echo 2>/dev/null; echo; echo exit=\$st; printf '\\033]2;exited\\007'; sleep 60"
	tmx set-option -t t status off >/dev/null
	settle_wait
}

# keys K...: types the keys, then lets the screen settle once: the
# program reads them in order and draws the frame of each before it reads
# the next, so the probe after the last one answers for all of them.
# An Escape is answered on its own before the keys after it are sent: a
# person never types a key within the escape delay (25 ms) of Escape, and
# the program reads Escape and what comes at once as one sequence ("Escape
# * 2" is ESC * 2, which designates a character set, as terminals read it).
keys() {
	local n i group=()
	[ "$#" -gt 0 ] || return 0
	read -r n <"$marks/probes" 2>/dev/null || n=0
	rm -f "$marks/pending"
	for ((i = 1; i <= $#; i++)); do
		group+=("${!i}")
		[ "${!i}" = Escape ] || [ "$i" -eq "$#" ] || continue
		n=$((n + 1))
		probe "$n" "${group[@]}"
		await_probe "$n"
		group=()
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
	if wait_screen "$2" 10; then
		ok "$1"
	else
		fail "$1" "the screen does not show '$2':"
		settle | head -30
	fi
}

# expect_attr NAME PATTERN: the screen, with its colours and attributes as
# escape sequences (capture-pane -e), matches the extended regular
# expression PATTERN.
expect_attr() {
	settle_wait
	if tmx capture-pane -p -e -t t | grep -qE -- "$2"; then
		ok "$1"
	else
		fail "$1" "no '$2' in the screen's attributes"
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
		fail "$name" "no saved screen $file (run with GENERATE=1)"
	elif [ "$got" = "$(<"$file")" ]; then
		ok "$name"
	else
		fail "$name" "the screen differs from $file:"
		diff <(cat "$file") <(printf '%s\n' "$got") | head -40
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
	if wait_screen "^exit=" 4 &&
	   [ "$(tmx display -p -t t '#{alternate_on}')" = 0 ] &&
	   [ "$(tmx display -p -t t '#{cursor_flag}')" = 1 ]; then
		ok "$1"
	else
		fail "$1" "not ended with the terminal restored (alternate screen $(tmx display -p -t t '#{alternate_on}'), cursor $(tmx display -p -t t '#{cursor_flag}')):"
		settle | head -5
	fi
}

# expect_no_attr NAME PATTERN: no part of the screen, with its colours and
# attributes as escape sequences, matches the extended regular expression
# PATTERN (so a blank line cannot make it pass).
expect_no_attr() {
	settle >/dev/null
	if tmx capture-pane -p -e -t t | grep -qE -- "$2"; then
		fail "$1" "'$2' in the screen's attributes"
	else
		ok "$1"
	fi
}
