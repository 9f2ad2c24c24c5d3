#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# fault-test.sh - faults injected while the kiosk runs, in a real terminal:
# the database copied over in place, truncated, replaced by another file or
# by a database of another schema version, deleted, made unreadable; a node
# removed; a translation (.mo) removed; a database without home; a broken
# configuration; the terminal resized to 1x1; signals and a closed terminal.
# Each case is named and ends on a screen that holds text (the new content,
# or "out of service" in every language), never on a crash nor an exit; and
# every exit restores the terminal. Usage: fault-test.sh ACCUEIL DB [asan]
set -u
bin=$1 db=$2 dir=/nonexistent sanitized=${3:-}
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'lib_cleanup; rm -rf "$tmp"' EXIT

# kstart ARGS...: the kiosk on $tmp/k.db (a fresh copy), its standard error
# in $tmp/err (tmux-lib.sh's start: RUNAS=nobody runs it as that user,
# KBIN another program, KENV variables for it, KTERM its terminal type).
kstart() {
	cp "$db" "$tmp/k.db"
	chmod 644 "$tmp/k.db"
	: >"$tmp/err"
	db="$tmp/k.db" ERR_LOG="$tmp/err" APP_BIN=${KBIN:-} \
		APP_ENV=${KENV:-} TERM_TYPE=${KTERM:-screen} \
		start 80 24 --kiosk "$@"
}

# alive NAME PATTERN: accueil still runs and shows PATTERN (waits up to
# WAIT tenths of a second, 8 s by default, for the idle reset or the
# retry, at once when the file changes).
alive() {
	if wait_screen "$2" $(( (${WAIT:-80} + 9) / 10 )) &&
	   [ "$(app_pid)" -gt 0 ] && settle | grep -q '[[:alnum:]]'; then
		ok "$1"
	else
		fail "$1" "accueil is not running on a screen showing '$2':"
		settle | head -8
		echo "  stderr: $(head -3 "$tmp/err")"
	fi
}

# A database of another schema version, another file, and new content.
cp "$db" "$tmp/version.db"; sqlite3 "$tmp/version.db" "PRAGMA user_version = 99"
cp "$db" "$tmp/new.db"
sqlite3 "$tmp/new.db" "UPDATE field SET value = 'Accueil nouveau' WHERE node = 'home' AND name = 'title' AND lang = 'fr'"
cp "$db" "$tmp/nohome.db"; sqlite3 "$tmp/nohome.db" "DELETE FROM node WHERE id = 'home'"

oos="Hors service"
idle="--idle 1 --lang fr"

# The usual update: the new database copied over the old one, in place.
# (3 s idle: time to read home before the next reset, on a loaded machine.)
kstart --idle 3 --lang fr
keys 1
cp "$tmp/new.db" "$tmp/k.db"
WAIT=200 alive "fault copied-over: the new content after the idle reset" "Choisissez votre langue"
keys Escape
alive "fault copied-over: the new home" "Accueil nouveau"

kstart $idle
keys 1
truncate -s 4096 "$tmp/k.db"
alive "fault truncated: out of service" "$oos"
alive "fault truncated: in every language" "Out of order"
cp "$db" "$tmp/k.db"
alive "fault truncated: back once the database is" "Choisissez votre langue"

kstart $idle
cp /etc/services "$tmp/k.db"
alive "fault another-file: out of service" "$oos"

kstart $idle
cp "$tmp/version.db" "$tmp/k.db"
alive "fault other-schema-version: out of service" "$oos"
grep -q "version" "$tmp/err" && ok "fault other-schema-version: the cause on stderr" ||
	fail "fault other-schema-version: stderr says $(cat "$tmp/err")"

kstart $idle
rm "$tmp/k.db"
alive "fault deleted: out of service" "$oos"

# Unreadable: as root every file is readable, so the kiosk runs as nobody
# (from a copy nobody can reach, if need be).
if RUNAS=nobody kstart $idle; then
	chmod 000 "$tmp/k.db"
	alive "fault unreadable: out of service" "$oos"
	chmod 644 "$tmp/k.db"
	touch "$tmp/k.db"
	alive "fault unreadable: back once readable" "Choisissez votre langue"
else
	skip "fault unreadable" "$start_why"
fi

# A node removed under a page that links to it: the new database is
# opened, never a crash.
kstart --lang fr --idle 0
keys 1
cp "$tmp/k.db" "$tmp/nonode.db"
target=$(sqlite3 "$tmp/nonode.db" "SELECT id FROM node WHERE parent = 'cai' ORDER BY pos LIMIT 1")
sqlite3 "$tmp/nonode.db" "DELETE FROM node WHERE id = '$target'"
cp "$tmp/nonode.db" "$tmp/k.db"
keys 1
alive "fault node-removed: a screen with text" "Choisissez votre langue"

# A language change on a database broken under the visitor.
kstart --lang fr --idle 0
keys 1
truncate -s 8192 "$tmp/k.db"
keys '*' 2
alive "fault language-change: out of service" "$oos"

# A search on a database broken under the visitor.
kstart --lang fr --idle 0
keys /
truncate -s 8192 "$tmp/k.db"
tmx send-keys -t t -l "logement"
keys Enter
alive "fault search: a screen with text" "[[:alnum:]]"

# Kiosk mode without home: out of service, not an exit.
kstart --lang fr --db "$tmp/nohome.db"
alive "fault no-home: out of service" "$oos"

# A broken configuration in kiosk mode: refused, never a kiosk without its
# staff exit; the sentence on the console and the cause on stderr.
printf '\357\273\277idle = 30\npni = x\n' >"$tmp/bad.conf"
kstart --lang fr --config "$tmp/bad.conf"
if wait_screen "kiosk mode refused" 10 &&
   ! settle | grep -q "Choisissez\|Le CAI"; then
	ok "fault bad-config: kiosk mode refused"
else
	fail "fault bad-config: kiosk mode refused" "the screen:"; settle | head -8
fi
grep -q "bad.conf" "$tmp/err" && ok "fault bad-config: the cause on stderr" ||
	fail "fault bad-config: stderr says $(cat "$tmp/err")"

# A translation removed while the kiosk runs: the interface stays French.
mkdir -p "$tmp/bin" && cp "$bin" "$tmp/bin/accueil"
cp -r "$(dirname "$bin")/../po" "$tmp/po"
KBIN="$tmp/bin/accueil" kstart $idle
rm -f "$tmp/po/en/LC_MESSAGES/accueil.mo"
keys 2
alive "fault mo-removed: a screen with text" "[[:alnum:]]"

# 1x1 in the middle of a visit and of out of service, then back.
kstart --lang fr --idle 0
keys 1
resize 1 1
resize 80 24
alive "fault 1x1: the page again" "Accueil"
kstart $idle
rm "$tmp/k.db"
alive "fault 1x1: out of service first" "$oos"
resize 1 1
resize 80 24
alive "fault 1x1: out of service again" "$oos"

# Every exit restores the terminal: SIGTERM in out of service too.
kill -TERM "$(app_pid)"
restored "fault sigterm-out-of-service: terminal restored"

# Staff errors: one line naming the database, never the visitor's words.
kstart --lang fr --idle 0
keys /
tmx send-keys -t t -l "secretword"
truncate -s 8192 "$tmp/k.db"
keys Escape '*' 2
kill -TERM "$(app_pid)"
restored "fault report: ended"
if grep -q "$tmp/k.db" "$tmp/err" && ! grep -q secretword "$tmp/err"; then
	ok "fault report: the database named, not the visitor's words"
else
	fail "fault report: stderr says $(cat "$tmp/err")"
fi

# A bounded stack: 20 000 "?" (help on help) and 2 000 "*" (the picker on
# the picker, 30 times the stack's depth) leave the memory where it was,
# and a language change after.
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$(app_pid)/status"; }
# In the sanitizer build, freed memory waits in AddressSanitizer's
# quarantine (up to 256 MB) and would count as growth: none for this case.
KENV="ASAN_OPTIONS=${ASAN_OPTIONS:-}:quarantine_size_mb=0" kstart --lang fr --idle 0
keys '?'
before=$(rss)
q=$(printf '?%.0s' $(seq 1000))
for i in $(seq 20); do tmx send-keys -t t -l "$q"; done
keys Escape
s=$(printf '*%.0s' $(seq 1000))
for i in $(seq 2); do tmx send-keys -t t -l "$s"; done
keys 2
sleep 1
after=$(rss)
# 1 MB; 4 MB in the sanitizer build, whose allocator keeps caches and
# shadow memory of its own.
limit=1024
[ -n "$sanitized" ] && limit=4096
if [ "$(app_pid)" -gt 0 ] && [ $((after - before)) -lt "$limit" ]; then
	ok "stack 20000-help: RSS $before -> $after KiB"
else
	fail "stack 20000-help: RSS $before -> $after KiB"
fi
WAIT=600 alive "stack language-change: the screen in English" "Language"

# Input that cannot jam: a cut mouse report or escape sequence is dropped
# after the escape delay, and the keys after it are read (xterm's SGR mouse
# reports, and X10 ones as TERM=screen announces).
for t in xterm-256color screen; do
	KTERM=$t kstart --lang fr --idle 0
	tmx send-keys -t t -l $'\e[<'; sleep 0.3; keys '?'
	alive "input $t cut-sgr-mouse: the next key is read" "Aide"
	tmx send-keys -t t -l $'\e[M'; sleep 0.3; keys 0
	alive "input $t cut-x10-mouse: the next key is read" "Recherche"
	tmx send-keys -t t -l $'\e[12'; sleep 0.3; keys Escape /
	alive "input $t cut-csi: Escape and the next key are read" "Recherche"
	# Home again, then a click on its first entry (SGR counts from 1).
	keys Escape
	alive "input $t home again" "^ Accueil *$"
	tmx send-keys -t t -l $'\e[<0;7;8M\e[<0;7;8m'
	alive "input $t sgr-mouse: a click opens the entry" "^ Accueil › "
done

# Every catchable signal that would kill it ends it with the terminal
# restored (or is ignored).
for sig in USR1 USR2 ALRM VTALRM PROF XCPU XFSZ PWR SYS TRAP TERM HUP; do
	kstart --lang fr --idle 0
	kill -s "$sig" "$(app_pid)"
	restored "signal $sig: ended, terminal restored"
done
kstart --lang fr --idle 0
kill -s PIPE "$(app_pid)"
alive "signal PIPE: ignored" "Accueil"

summary
