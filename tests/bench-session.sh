#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-session.sh - figures of the graphical kiosk session beside the tty1
# path, in one run on this machine: the first kiosk frame after launch (the
# kiosk's first probe answer, ACCUEIL_TEST_SETTLED) and RSS/PSS of cage +
# foot + accueil, headless with pixman (no GPU); then accueil alone at
# TERM=linux in tmux (the tty1 unit's program). Prints; asserts nothing.
# Targets (README): first frame within 1 s warm, at most 48 MiB PSS.
# Usage: bench-session.sh LAUNCHER FOOT_INI ACCUEIL [RUNS]
set -u
launcher=$1 ini=$2 bin=$3 runs=${4:-3}
user=$((63000 + $$ % 1000))
[ "$(id -u)" -eq 0 ] || { echo "bench-session: run as root (it switches to an unprivileged user)"; exit 0; }
tmp=$(mktemp -d); chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
[ -d /tmp/.X11-unix ] || mkdir -m 1777 /tmp/.X11-unix
# The kiosk inside script(1): its first probe answer, in the typescript,
# says its first frame is drawn.
cat >"$tmp/kiosk" <<EOS
#!/bin/sh
exec script -qfec "ACCUEIL_TEST_SETTLED=1 exec $bin --kiosk --idle 0" $tmp/ts
EOS
chmod 755 "$tmp/kiosk"
mem() {  # RSS and PSS in KiB of the pids given
	local rss=0 pss=0 r p
	for pid in "$@"; do
		r=$(awk '/^Rss:/ { print $2 }' /proc/"$pid"/smaps_rollup 2>/dev/null)
		p=$(awk '/^Pss:/ { print $2 }' /proc/"$pid"/smaps_rollup 2>/dev/null)
		rss=$((rss + ${r:-0})) pss=$((pss + ${p:-0}))
	done
	echo "$rss $pss"
}
for i in $(seq "$runs"); do
	run="$tmp/run$i"; mkdir -m 700 "$run"; chown "$user" "$run"
	: >"$tmp/ts"; chown "$user" "$tmp/ts"
	t0=$(date +%s%N)
	setpriv --reuid="$user" --regid="$user" --clear-groups env -i \
		PATH=/usr/bin:/bin XDG_RUNTIME_DIR="$run" HOME="$run" \
		WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 \
		ACCUEIL_OUTPUT_MODE=1024x768 ACCUEIL_FOOT_INI="$ini" \
		ACCUEIL_PROGRAM="$tmp/kiosk" sh "$launcher" >/dev/null 2>&1 &
	pid=$!
	until grep -q accueil-probe-0- "$tmp/ts" 2>/dev/null; do sleep 0.01; done
	t1=$(date +%s%N)
	sleep 1  # memory once foot has drawn, not a timing
	cage=$pid
	foot=$(pgrep -u "$user" -x foot)
	app=$(pgrep -u "$user" -x accueil)
	set -- $(mem "$cage" "$foot" "$app")
	echo "session run $i: first kiosk frame $(((t1 - t0) / 1000000)) ms;" \
	     "cage+foot+accueil RSS $(($1 / 1024)) MiB, PSS $(($2 / 1024)) MiB" \
	     "(cage $(mem "$cage" | cut -d' ' -f2) KiB, foot" \
	     "$(mem "$foot" | cut -d' ' -f2) KiB, accueil $(mem "$app" | cut -d' ' -f2) KiB PSS)"
	kill -TERM "$pid"; wait "$pid" 2>/dev/null
done
# The tty1 path: the same program alone, TERM=linux, in tmux.
sock="bench-session-$$"
for i in $(seq "$runs"); do
	: >"$tmp/ts"
	t0=$(date +%s%N)
	tmux -L "$sock" -f /dev/null new-session -d -x 128 -y 48 \
		"script -qfec 'TERM=linux ACCUEIL_TEST_SETTLED=1 exec $bin --kiosk --idle 0' $tmp/ts"
	until grep -q accueil-probe-0- "$tmp/ts" 2>/dev/null; do sleep 0.01; done
	t1=$(date +%s%N)
	app=$(pgrep -f "^$bin --kiosk --idle 0" | head -n 1)
	set -- $(mem "$app")
	echo "tty1 path run $i: first kiosk frame $(((t1 - t0) / 1000000)) ms;" \
	     "accueil RSS $(($1 / 1024)) MiB, PSS $(($2 / 1024)) MiB"
	kill -TERM "$app" 2>/dev/null
	tmux -L "$sock" kill-server
done
