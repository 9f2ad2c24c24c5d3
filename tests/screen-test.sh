#!/usr/bin/env bash
# screen-test.sh - drives the real accueil in a real terminal (tmux), as a
# visitor would, and compares every screen with the one saved in
# tests/screens/. GENERATE=1 saves the screens instead of comparing them.
#
# Usage: screen-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
run=0
sock="accueil-test-$$-$run"
failed=0 passed=0
tmx() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tmx kill-server 2>/dev/null' EXIT

# Prints the screen once it has stopped changing (at most 3 s).
settle() {
	local prev="" cur i
	for i in $(seq 60); do
		sleep 0.05
		cur=$(tmx capture-pane -p -t t 2>/dev/null) || break
		if [ "$cur" = "$prev" ] && [ -n "$cur" ]; then break; fi
		prev=$cur
	done
	printf '%s\n' "$cur"
}

# start W H [ARGS...]: starts accueil in a W x H terminal.
start() {
	local w=$1 h=$2; shift 2
	tmx kill-server 2>/dev/null
	run=$((run + 1))
	sock="accueil-test-$$-$run"
	tmx new-session -d -s t -x "$w" -y "$h" \
		"env LANG=C.UTF-8 TERM=screen NO_COLOR= $bin --db $db $* 2>/dev/null; sleep 30"
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

# The visitor's first screen.
start 80 24
check home

# A section, then a page scrolled to its end.
keys 1
check section-cai
keys 1 End
check page-end

# A contact card, reached with digits only: Contacts > the third entry.
start 80 24
keys 5
check contacts
keys 3
check contact

# The list of the regional centres, and one of them.
start 80 24
keys 6
check centres
keys 8
check centre-cripel

# Help, from a page.
start 80 24
keys 4 7 '?'
check help

# A menu longer than nine entries: the themes, next group with 9.
start 80 24
keys 4
check themes
keys 9
check themes-2
keys 0
check themes-back

# A resize in the middle of a page keeps the place and follows the size.
start 80 24
keys 1 1 Down Down Down
check resize-before
resize 50 20
check resize-after
resize 20 6
check too-small
resize 80 24
check resize-back

# Every section reached with the digits alone, and back home with 0.
start 80 24
keys 7 1
check digits-acteur
keys 0 0 2 3
check digits-mission
keys 0 0 0
check digits-home

# The mouse: a click on the first entry, then on the key bar's "0 Retour".
start 80 24
click 6 6
check mouse-entry
click 23 15
check mouse-back

# Search: typed letter by letter.
start 80 24
keys / r a c i s
check search-typing
keys Enter
check search-open

# A typo still finds its page; nothing found points to the desk.
start 80 24
keys / l o g m e n t
check search-typo
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace z z q
check search-none

# The staff directory: every card, then filtered by a town, a theme.
start 80 24
keys 5 6
check directory
keys L i è g e
check directory-town
keys BSpace BSpace BSpace BSpace BSpace r a c i s m e
check directory-theme

# A bigger terminal is used.
start 120 40
keys 4 7
check big-page

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
