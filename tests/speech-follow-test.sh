#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# speech-follow-test.sh - reading aloud follows the visitor, with a stand-in
# espeak-ng on PATH that notes what each child read on its standard input,
# then stays like a reading (1 s when the file short exists, else 600:
# longer than any wait here, so that only accueil ends it; a file, since
# the child gets none of the test's variables): while it
# reads, the page says so in the visitor's language and the key bar offers
# p; p ends the child of a paragraph and starts one for the next; at the
# end of the page the line goes; the idle countdown does not start while
# it reads, and the idle reset ends a child that outlasts its time.
# Leaving the page and changing the language: speech-test.sh.
# Usage: speech-follow-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
# The stand-ins still running are ended by their process ids.
cleanup() {
	local f
	tmx kill-server 2>/dev/null
	for f in "$tmp"/log/stdin.*; do
		[ -e "$f" ] && kill "${f##*.}" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/bin" "$tmp/log" "$tmp/run/pulse"
# A sound server's socket, as the program looks for one.
: >"$tmp/run/pulse/native"
export XDG_RUNTIME_DIR="$tmp/run"
cat >"$tmp/bin/espeak-ng" <<STANDIN
#!/bin/sh
cat >"$tmp/log/stdin.\$\$"
[ -e "$tmp/short" ] && exec sleep 1
exec sleep 600
STANDIN
chmod +x "$tmp/bin/espeak-ng"
export PATH="$tmp/bin:$PATH"
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# child: the process id of the running accueil's child, if any.
child() { app_child; }
# wait_child NEW|GONE [OLD]: waits (at most 10 s) for a child other than
# OLD whose text has come, or for no child at all.
wait_child() {
	local i c
	for i in $(seq 200); do
		c=$(child)
		case $1 in
		NEW) [ -n "$c" ] && [ "$c" != "${2:-}" ] &&
		     [ -s "$tmp/log/stdin.$c" ] && break ;;
		GONE) [ -z "$c" ] && break ;;
		esac
		sleep 0.05
	done
}
# The line, in language $1, as gettext gives it.
line() {
	LC_ALL=C.UTF-8 LANGUAGE=$1 TEXTDOMAINDIR="$(dirname "$bin")/../po" \
		gettext -d accueil "Lecture… appuyez sur s pour arrêter."
}
reading_fr=$(line fr)

# Sami's card with a text of one paragraph, in French and Ukrainian, so
# that the paragraphs counted below are the test's, not the content's.
cp "$db" "$tmp/sami.db"
"$PYTHON" - "$tmp/sami.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for lang, text in [("fr", "Sami Pieczynski est la personne de contact du "
                          "CAI pour la lutte contre le racisme."),
                   ("uk", "Самі Печинський — контактна особа CAI.")]:
    db.execute("UPDATE field SET value = ? WHERE node = 'sami' "
               "AND name = 'body' AND lang = ?", (text, lang))
db.commit()
PY
db=$tmp/sami.db

# Skipping: the title and the fields of Sami's card are one paragraph, its
# text the next one.
start 80 24 --lang fr
keys 5 3 s
wait_child NEW
c1=$(child)
if [ -n "$c1" ] && grep -q "Sami Pieczynski" "$tmp/log/stdin.$c1" &&
   grep -q "0 8 1 7 1 3 5 2 8" "$tmp/log/stdin.$c1" &&
   ! grep -q "est la personne de contact" "$tmp/log/stdin.$c1"; then
	ok "the first child reads the first paragraph only"
else
	fail "the first paragraph: $(cat "$tmp/log/stdin.$c1" 2>/dev/null | head -3)"
fi
expect_text "the page says that it reads" "$reading_fr"
expect_text "the key bar offers p" "p Suivant"
keys p
wait_child NEW "$c1"
c2=$(child)
if [ -n "$c2" ] && [ "$c2" != "$c1" ] && ! kill -0 "$c1" 2>/dev/null &&
   grep -q "est la personne de contact" "$tmp/log/stdin.$c2" &&
   ! grep -q "Téléphone" "$tmp/log/stdin.$c2"; then
	ok "p ends the paragraph's child and reads the next paragraph"
else
	fail "p: children '$c1' then '$c2': $(cat "$tmp/log/stdin.$c2" 2>/dev/null | head -2)"
fi
# The last paragraph skipped: the reading is over, the line goes.
keys p
wait_child GONE
if [ -z "$(child)" ] && ! settle | grep -q "$reading_fr" &&
   ! settle | grep -q "p Suivant"; then
	ok "p on the last paragraph ends the reading and its line"
else
	fail "p on the last paragraph: child '$(child)'"
fi
keys s
wait_child NEW
keys s
wait_child GONE
if [ -z "$(child)" ] && ! settle | grep -q "$reading_fr"; then
	ok "s stops the reading and its line goes"
else
	fail "s: child '$(child)', or the line stays"
fi

# In the visitor's language, and to the end of the page: each paragraph
# read by its own child (for a second each), then none, and the line goes
# by itself.
reading_uk=$(line uk)
[ "$reading_uk" != "$reading_fr" ] || fail "no Ukrainian translation of the line"
rm -f "$tmp"/log/*
: >"$tmp/short"
start 80 24 --lang uk
keys 5 3 s
expect_text "the line in Ukrainian" "$reading_uk"
wait_child GONE
n=$(ls "$tmp"/log | wc -l)
for i in $(seq 100); do settle | grep -q "$reading_uk" || break; sleep 0.05; done
if [ "$n" -eq 2 ] && [ -z "$(child)" ] && ! settle | grep -q "$reading_uk"; then
	ok "the page read to its end, one child a paragraph ($n), then the line goes"
else
	fail "the end of the page: $n children, line: $(settle | grep -c "$reading_uk")"
fi
rm -f "$tmp/short"

# The idle timer: a page whose first paragraph is "Commune. Un paragraphe
# court, pour le test." (44 bytes: it may hold the idle timer back for
# 0.5 + 44 x 0.115 = 5.6 s). With --idle 2 and no reading, the countdown
# would show from 2 s to 4 s and the reset come at 4 s; while it reads,
# the idle time does not run: 2.5 s after the key (or later, on a busy
# machine: up to 7.5 s), no countdown. The stand-in hangs: after 5.6 s
# the idle time runs, the countdown comes, and the reset ends the child
# (at about 9.6 s).
small="$tmp/small.db"
cp "$db" "$small"
"$PYTHON" - "$small" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE field SET value = 'Un paragraphe court, pour le test.\n\n"
           "Un deuxième paragraphe.' "
           "WHERE node = 'lex-commune' AND name = 'body' AND lang = 'fr'")
db.commit()
PY
db=$small
start 80 24 --lang fr --kiosk --idle 2
# The keys that open it, as the menus show them.
k=$(settle | sed -n 's/^ *\([0-9]\)  Lexique *$/\1/p' | head -1)
keys "${k:-8}"
k=$(settle | sed -n 's/^ *\([0-9]\)  Commune *$/\1/p' | head -1)
keys "${k:-1}" s
t0=$(date +%s%N)
wait_child NEW
c=$(child)
if [ -n "$c" ] && grep -q "paragraphe court" "$tmp/log/stdin.$c"; then
	ok "the short page is read"
else
	fail "the short page: child '$c'"
fi
sleep "$(awk -v t0="$t0" -v now="$(date +%s%N)" 'BEGIN { d = 2.5 - (now - t0) / 1e9; print (d > 0 ? d : 0) }')"
screen=$(settle)
if [ -n "$(child)" ] && ! grep -q "Êtes-vous encore là" <<<"$screen" &&
   grep -q "Commune" <<<"$screen"; then
	ok "2.5 s with --idle 2 while it reads: no countdown, the page stays"
else
	fail "the idle countdown ran while it read (child '$(child)'):"
	head -12 <<<"$screen"
fi
for i in $(seq 300); do [ -z "$(child)" ] && break; sleep 0.05; done
if [ -z "$(child)" ] && ! kill -0 "$c" 2>/dev/null; then
	ok "the idle reset ends a child that outlasts its time"
else
	fail "the idle reset did not end the child '$c'"
fi
if settle | grep -q "Commune"; then fail "the page is still there after the reset"; else ok "the idle reset came: the page is gone"; fi
db=$2

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
