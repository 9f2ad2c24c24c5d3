#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# visit-test.sh - nobody gets out, nothing stays behind, in a real terminal
# (tmux): the growing delay after wrong staff PINs and its countdown; the
# staff's exit status; no word of the visitor's page left on the screen or
# in the terminal's history after an idle reset or an exit, with and
# without an alternate screen; the idle reset through a stream of resizes;
# a kiosk process that cannot be dumped.
# Usage: visit-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
trap 'lib_cleanup; rm -rf "$tmp"' EXIT

# pin P: F10, the PIN P, Enter.
pin() {
	keys F10
	tmx send-keys -t t -l "$1"
	keys Enter
}

printf '246810\n' | "$bin" --hash-pin >"$tmp/accueil.conf"
chmod 600 "$tmp/accueil.conf"

# Five wrong PINs, each tried once the delay of the one before has passed
# (1, 2, 4, 8 s), then the right one at once: refused, with the countdown,
# even after leaving and reopening the PIN screen; once the delay (16 s)
# has passed, the same PIN leaves, with the staff's exit status.
start 80 24 --kiosk --lang fr --idle 0 --config "$tmp/accueil.conf"
for w in 1 2 4 8 0; do
	pin 111111
	if ! settle | grep -q "Code incorrect"; then
		fail pin-wrong "a wrong PIN was not checked"
	fi
	sleep "$w.2"
done
pin 246810
expect_text pin-refused-countdown "Nouvel essai possible dans 1[0-9] secondes"
keys Escape F10
expect_text pin-delay-kept "Nouvel essai possible dans 1[0-9] secondes"
if settle | grep -q "^exit="; then
	fail pin-refused "the right PIN was accepted during the delay"
else
	ok pin-refused
fi
tmx send-keys -t t -l 246810
if wait_screen "Nouvel essai possible dans 1 seconde" 20; then
	ok pin-countdown-counts
else
	fail pin-countdown-counts "the countdown did not reach 1 second"
fi
sleep 1.2
keys Enter
expect_text pin-staff-exit "^exit=10"

# The words of the page the visitor had open, one a line.
page_words() {
	tmx capture-pane -p -t t | grep -oE '[[:alpha:]]{5,}' | sort -u
}

# no_trace NAME: none of the words in $tmp/page that the screen does not
# show now is on the screen or in the terminal's history.
no_trace() {
	local now left
	now=$(tmx capture-pane -p -t t)
	left=$(grep -vxF -f <(printf '%s\n' "$now" | grep -oE '[[:alpha:]]{5,}') \
		"$tmp/page" | grep -wF -f - <(tmx capture-pane -p -S - -t t) | head -3)
	if [ "$(wc -l <"$tmp/page")" -lt 10 ]; then
		fail "$1" "the page had too few words to look for"
	elif [ -n "$left" ]; then
		fail "$1" "the visitor's page is still in the terminal: $left"
	else
		ok "$1"
	fi
}

# open_page: the visitor reads "Qui sommes-nous ?", down to its second
# screen.
open_page() {
	keys 1 1
	page_words >"$tmp/page"
	keys PageDown
	page_words >>"$tmp/page"
}

for term in linux xterm-256color; do
	export TERM_TYPE=$term
	# After an idle reset (2 s, then a countdown of 2 s).
	start 80 24 --kiosk --lang fr --idle 2 --config "$tmp/accueil.conf"
	open_page
	if wait_screen "Choisissez votre langue" 10; then
		no_trace "no-trace-idle-$term"
	else
		fail "no-trace-idle-$term" "no reset after the idle time"
	fi
	# After the staff's exit.
	start 80 24 --kiosk --lang fr --idle 0 --config "$tmp/accueil.conf"
	open_page
	pin 246810
	expect_text "staff-exit-$term" "^exit=10"
	no_trace "no-trace-exit-$term"
	# After SIGTERM (systemctl stop).
	start 80 24 --kiosk --lang fr --idle 0 --config "$tmp/accueil.conf"
	open_page
	kill -TERM "$(app_pid)"
	expect_text "sigterm-exit-$term" "^exit=0"
	no_trace "no-trace-sigterm-$term"
done
unset TERM_TYPE

# A resize every 0.3 s does not hold the idle reset back: after 2 s and a
# countdown of 2 s, the picker is there within 8 s.
start 80 24 --kiosk --lang fr --idle 2 --config /dev/null
keys 1 1
seen=0
for i in $(seq 27); do
	tmx resize-window -t t -x $((80 + i % 2)) -y 24
	sleep 0.3
	if tmx capture-pane -p -t t | grep -q "Choisissez votre langue"; then
		seen=1
		break
	fi
done
if [ "$seen" = 1 ]; then
	ok idle-through-resizes
else
	fail idle-through-resizes "no reset after 8 s of resizes every 0.3 s"
fi

# In kiosk mode the process cannot be dumped: its /proc files belong to
# root, not to the user it runs as (so it runs as nobody when the test is
# root, from a copy nobody can reach if the clone is in a private folder),
# and its core size limit is 0. The pid is the one tmux started.
if RUNAS=nobody start 80 24 --kiosk --lang fr --config /dev/null; then
	pid=$(app_pid)
	uid=$(awk '/^Uid:/ { print $2 }' /proc/"$pid"/status 2>/dev/null)
	owner=$(stat -c %u /proc/"$pid"/status 2>/dev/null)
	if [ "$pid" = 0 ] || [ -z "$uid" ]; then
		fail not-dumpable "accueil is not running: $(settle | head -3)"
	elif [ "$uid" = 0 ]; then
		fail not-dumpable "accueil (pid $pid) is not running as another user"
	elif [ "$owner" = 0 ]; then
		ok not-dumpable
	else
		fail not-dumpable "/proc/$pid/status belongs to $owner: the process is dumpable"
	fi
	if grep -qE '^Max core file size +0 +0 ' /proc/"$pid"/limits 2>/dev/null; then
		ok no-core-limit
	else
		fail no-core-limit "$(grep 'core file' /proc/"$pid"/limits 2>&1)"
	fi
else
	skip not-dumpable "$start_why"
	skip no-core-limit "$start_why"
fi
# The same outside kiosk mode is dumpable: the check can tell.
if RUNAS=nobody start 80 24 --lang fr --config /dev/null; then
	pid=$(app_pid)
	if [ "$pid" != 0 ] && [ "$(stat -c %u /proc/"$pid"/status 2>/dev/null)" != 0 ]; then
		ok dumpable-outside-kiosk
	else
		fail dumpable-outside-kiosk "the check cannot tell dumpable from not (pid $pid)"
	fi
else
	skip dumpable-outside-kiosk "$start_why"
fi

summary
