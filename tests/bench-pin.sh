#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-pin.sh - how long guessing the staff PIN takes through the keyboard,
# as a key injector would: F10, a guess, Enter, again and again, then the
# right PIN; the time until the kiosk lets it out. "blind" sends every
# guess at once; "patient" waits for each delay to pass, as a script that
# reads the screen would. Prints figures; asserts nothing about time.
# Usage: bench-pin.sh ACCUEIL DB [GUESSES [blind|patient]]
set -u
bin=$1 db=$2 n=${3:-6} mode=${4:-patient}
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
trap 'lib_cleanup; rm -rf "$tmp"' EXIT
printf '999999\n' | "$bin" --hash-pin >"$tmp/accueil.conf"
chmod 600 "$tmp/accueil.conf"
start 80 24 --kiosk --lang fr --idle 0 --config "$tmp/accueil.conf"
t0=$(date +%s.%N)
for i in $(seq 0 $((n - 1))) 999999; do
	guess=$(printf '%06d' "$i")
	[ "$i" = 999999 ] && guess=999999
	tmx send-keys -t t F10
	tmx send-keys -t t -l "$guess"
	tmx send-keys -t t Enter
	[ "$mode" = blind ] && continue
	# Patient: while Enter is refused, wait and press it again.
	while sleep 0.2; tmx capture-pane -p -t t | grep -q "Nouvel essai"; do
		while tmx capture-pane -p -t t | grep -q "Nouvel essai"; do
			sleep 0.2
		done
		tmx send-keys -t t Enter
	done
done
for i in $(seq 6000); do
	tmx capture-pane -p -t t | grep -q "^exit=" && break
	sleep 0.1
done
t1=$(date +%s.%N)
status=$(tmx capture-pane -p -t t | sed -n 's/^exit=//p')
awk -v n="$n" -v t0="$t0" -v t1="$t1" -v s="$status" -v m="$mode" 'BEGIN {
	t = t1 - t0
	printf "%d wrong guesses (%s) and the right one: %.1f s, exit status %s\n",
	       n, m, t, s
	# With the delay: 1, 2, 4 ... 32, then 60 s after each wrong guess.
	for (k = 1; k <= 2; k++) {
		g = k == 1 ? 10000 : 1000000
		d = 0
		for (i = 1; i <= 6; i++) d += 2 ^ (i - 1)
		if (g > 7) d += 60 * (g - 7)
		printf "with the delay, %d guesses wait at least %.0f s (%.1f days)\n",
		       g, d, d / 86400
	}
	if (m == "blind") printf "at this pace, 10000 guesses: %.0f s\n",
	       t / (n + 1) * 10000
}'
