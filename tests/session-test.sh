#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# session-test.sh - the graphical kiosk session (accueil-kiosk-session, the
# build's launcher and foot.ini) started headless with no GPU: cage's
# headless backend and pixman renderer, as a user id of its own
# (cage refuses root). Keys go in through the kiosk's terminal
# (TIOCSTI: cage 0.1.4 has no virtual keyboard), screenshots come out of
# the compositor (grim). Checks: the
# picker's Arabic, Persian, Pashto and Tigrinya rows draw no ink outside
# their cells; a page in Arabic, Pashto and Tigrinya is reached and its
# text is right (the kiosk's own output, replayed in tmux); foot's and
# cage's keys start no process and leave the kiosk's screen as it was.
# Screenshots stay in $SESSION_SHOTS when set.
# Usage: session-test.sh LAUNCHER FOOT_INI ACCUEIL CHECK_PY
set -u
launcher=$1 ini=$2 bin=$3 check=$4
# A user id of its own, in no passwd file, so that its processes are
# only the session's.
user=$((62000 + $$ % 1000))
failed=0 passed=0
tmp=$(mktemp -d)
chmod 755 "$tmp"
run="$tmp/run"
mkdir -m 700 "$run"
chown "$user" "$run"
shots=${SESSION_SHOTS:-$tmp}
mkdir -p "$shots"
shots=$(cd "$shots" && pwd)     # the test moves to the user's folder
ts="$tmp/typescript"
: >"$ts"
: >"$tmp/tty"
chown "$user" "$ts" "$tmp/tty"
# cage opens Xwayland's sockets at start (lazily started behind them):
# the directory is root's, as on any system (the unit has its own /tmp).
[ -d /tmp/.X11-unix ] || mkdir -m 1777 /tmp/.X11-unix
cage_pid=
# Xwayland's lock file and socket, which cage leaves behind when it is
# stopped: the ones of this run's user id, when it is one of its own
# (as root). Left there, 33 of them take every display number cage
# tries, and the next run's cage does not start.
x_leftovers() {
	[ "$(id -u)" -eq 0 ] || return 0
	find /tmp -maxdepth 1 -name '.X*-lock' -user "$user" -delete
	find /tmp/.X11-unix -maxdepth 1 -name 'X*' -user "$user" -delete
}
cleanup() {
	[ -n "$cage_pid" ] && kill -TERM "$cage_pid" 2>/dev/null
	wait 2>/dev/null
	tmux -L "session-test-$$" kill-server 2>/dev/null
	x_leftovers
	rm -rf "$tmp"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }

# As root (cage refuses it), everything runs as that user; otherwise as
# the caller.
if [ "$(id -u)" -eq 0 ]; then
	become=(setpriv --reuid="$user" --regid="$user" --clear-groups)
else
	become=()
	user=$(id -u)
fi
# That user reaches nothing of the caller's (a clone under a home of mode
# 0700, or a mktemp -d): the launcher, foot.ini and the program, with its
# database and catalogues where it looks for them (../data and ../po
# beside it), are copied into the test's own folder, which it can read.
if [ "${#become[@]}" -gt 0 ]; then
	app=$tmp/app
	mkdir -p "$app/src" "$app/data"
	cp "$bin" "$app/src/accueil"
	cp "$(dirname "$bin")/../data/accueil.db" "$app/data/"
	cp -R "$(dirname "$bin")/../po" "$app/po"
	cp "$launcher" "$app/launcher"
	cp "$ini" "$app/foot.ini"
	chmod -R a+rX "$app"
	bin=$app/src/accueil launcher=$app/launcher ini=$app/foot.ini
fi
as_user() {
	"${become[@]}" env -i LANG=C.UTF-8 PATH=/usr/bin:/bin XDG_RUNTIME_DIR="$run" \
		WAYLAND_DISPLAY="$(cd "$run" && ls wayland-? | tail -n 1)" "$@"
}

# The kiosk, inside script(1) so that its output is kept (typescript):
# its probe answers say when a frame is shown.
cat >"$tmp/kiosk" <<EOS
#!/bin/sh
exec script -qfec "tty >$tmp/tty; ACCUEIL_TEST_SETTLED=1 exec $bin --kiosk --idle 0" $ts
EOS
chmod 755 "$tmp/kiosk"

probes=0
# Waits until the kiosk has answered probe n (its frame is drawn), at
# most 30 s.
wait_probe() {
	local i
	for i in $(seq 600); do
		grep -q "accueil-probe-$1-" "$ts" 2>/dev/null && return 0
		sleep 0.05
	done
	echo "# no answer to probe $1" >&2
	return 1
}
# Types text on the kiosk's terminal (cage 0.1.4 has no virtual keyboard
# and this machine no uinput, so the picker is driven through the
# terminal's input queue, TIOCSTI), then a probe; waits for its answer.
type_keys() {
	/usr/bin/python3 -c 'import fcntl, sys, termios
fd = open(sys.argv[1], "wb", buffering=0)
for b in sys.argv[2].encode():
    fcntl.ioctl(fd, termios.TIOCSTI, bytes([b]))' "$(cat "$tmp/tty")" \
		"$1"$'\U0010FFFD'
	probes=$((probes + 1))
	wait_probe "$probes"
}
# Sends keys through the compositor (wtype arguments), then a probe.
keys() {
	[ $# -eq 0 ] || as_user wtype "$@" || echo "# wtype $* failed" >&2
	probes=$((probes + 1))
	as_user wtype $'\U0010FFFD'
	wait_probe "$probes"
}
# Takes a screenshot into $shots/NAME.ppm once foot has drawn the frame:
# two screenshots in a row alike (at most 3 s).
shot() {
	local i prev="$tmp/prev.ppm" f="$shots/$1.ppm"
	as_user grim -t ppm - >"$prev" 2>/dev/null
	for i in $(seq 60); do
		sleep 0.05
		as_user grim -t ppm - >"$f" 2>/dev/null
		cmp -s "$f" "$prev" && return 0
		cp "$f" "$prev"
	done
	return 0
}
# The screen as the kiosk drew it: its output replayed in tmux, WxH of
# its last probe answer.
size() {
	local s
	s=$(grep -ao 'accueil-probe-[0-9]*-[0-9]*x[0-9]*' "$ts" | tail -n 1)
	echo "${s##*-}"
}
screen_text() {
	local s w h i sock="session-test-$$"
	s=$(size)
	w=${s%x*} h=${s#*x}
	tmux -L "$sock" kill-server 2>/dev/null
	tmux -L "$sock" -f /dev/null new-session -d -x "$w" -y "$h" \
		"cat '$ts'; printf '\\033]2;replayed\\007'; sleep 60"
	for i in $(seq 200); do
		[ "$(tmux -L "$sock" display-message -p '#{pane_title}')" = \
		  replayed ] && break
		sleep 0.05
	done
	tmux -L "$sock" capture-pane -p
	tmux -L "$sock" kill-server 2>/dev/null
}
# The session's processes (its user's), as "pid command" lines.
tree() {
	ps -u "$user" -o pid=,comm= | sort
}

x_leftovers  # an earlier run's, under the same user id
start=$(date +%s%N)
# From the user's own folder: meson's (the build's) may be out of its reach.
cd "$run" || exit 1
"${become[@]}" env -i PATH=/usr/bin:/bin XDG_RUNTIME_DIR="$run" \
	HOME="$run" WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 \
	ACCUEIL_OUTPUT_MODE=1280x720 ACCUEIL_FOOT_INI="$ini" \
	ACCUEIL_PROGRAM="$tmp/kiosk" sh "$launcher" >"$tmp/log" 2>&1 &
launcher_pid=$!
cage_pid=$launcher_pid  # the launcher execs cage
if wait_probe 0; then
	ok "the session starts, headless, as $user: the picker is shown in" \
	   "$((($(date +%s%N) - start) / 1000000)) ms"
else
	not_ok "the session starts"; cat "$tmp/log"
	echo "# the kiosk's terminal:"; tail -c 600 "$ts" | cat -v; echo
	exit 1
fi
cage_pid=$launcher_pid  # the launcher execs cage
probes=0
grep -q "^font=" "$ini" || true

# The picker, at the output's size (the first frame may come before foot
# is made full-screen): its script rows stay in their cells.
type_keys ""
shot picker
screen_text >"$tmp/picker.txt"
if grep -q 'ﺔﻴﺑﺮﻌﻟﺍ' "$tmp/picker.txt" && grep -q 'ትግርኛ' "$tmp/picker.txt"
then ok "the picker lists Arabic and Tigrinya by name"
else not_ok "the picker's text"; cat "$tmp/picker.txt"; fi
if /usr/bin/python3 "$check" cells "$shots/picker.ppm" "$tmp/picker.txt" "$(size)" \
	3 4 5 6; then
	ok "no glyph of the picker's Arabic, Persian, Pashto and Tigrinya rows leaves its cell"
else
	not_ok "glyphs outside their cells on the picker"
fi

# A page in Arabic (3), Pashto (5) and Tigrinya (6): the first entry of
# the home menu, then back to the picker with * .
for l in "3 ar اختر" "5 ps خپله" "6 ti ምረጹ"; do
	set -- $l
	type_keys "$1"
	type_keys 1
	shot "page-$2"
	screen_text >"$tmp/page-$2.txt"
	# The page's breadcrumb and key bar, in that language's words, and
	# every line of the capture in the screenshot's grid.
	if [ "$(grep -c . "$tmp/page-$2.txt")" -gt 5 ] &&
	   LC_ALL=C.UTF-8 grep -qP '[\x{0600}-\x{06FF}\x{FB50}-\x{FEFF}\x{1200}-\x{139F}]' \
		"$tmp/page-$2.txt"; then
		ok "a page in $2 is shown in its script"
	else
		not_ok "a page in $2"; cat "$tmp/page-$2.txt"
	fi
	type_keys '*'
done

# foot's bindings: every action of foot's own default configuration is
# off in the shipped foot.ini, and foot accepts the file. (Keys sent
# through the compositor were not tried here: cage 0.1.4 has no virtual
# keyboard and this machine no uinput; under sway, wtype's keys did not
# reach foot either. See README.md.)
if "${become[@]}" foot --check-config --config="$ini" >/dev/null 2>&1 &&
   /usr/bin/python3 "$check" bindings "$ini" /etc/xdg/foot/foot.ini; then
	ok "foot.ini turns every foot binding off (spawn, pipe, URL, search, clipboard, font size)"
else
	not_ok "foot.ini leaves a binding on"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
