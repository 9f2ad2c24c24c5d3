#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# broken-db.sh - the corpus of broken databases, made from the bundled one:
# truncated, zeroed, random bytes, wrong schema version, missing tables,
# invalid UTF-8 and escape sequences in texts, a 10 MB text, a damaged
# search index; and a database rebuilt while the kiosk reads it. Plain mode:
# one sentence and status 2 for the unreadable ones; kiosk mode: the
# out-of-service screen; the readable ones work, cleaned, without a crash.
# Usage: broken-db.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
trap 'lib_cleanup; rm -rf "$tmp"' EXIT

head -c 4096 "$db" >"$tmp/truncated.db"
head -c 65536 /dev/zero >"$tmp/zeroed.db"
head -c 65536 /dev/urandom >"$tmp/random.db"
cp "$db" "$tmp/version.db"; sqlite3 "$tmp/version.db" "PRAGMA user_version = 99"
cp "$db" "$tmp/tables.db"; sqlite3 "$tmp/tables.db" "DROP TABLE link"
cp "$db" "$tmp/utf8.db"
sqlite3 "$tmp/utf8.db" "UPDATE field SET value = CAST(value || X'FF1B5B324AC0' AS TEXT) WHERE name = 'title'"
cp "$db" "$tmp/huge.db"
sqlite3 "$tmp/huge.db" "UPDATE field SET value = replace(printf('%.*c', 1100000, 'x'), 'x', 'mot long ') WHERE node = 'cai-qui' AND name = 'body' AND lang = 'fr'"

# The unreadable ones: one sentence naming the file, status 2.
for name in truncated zeroed random version tables; do
	f="$tmp/$name.db"
	"$bin" --db "$f" --search racisme >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "$f" "$tmp/err" &&
	   [ ! -s "$tmp/out" ]; then
		ok "plain $name: $(cut -c1-90 "$tmp/err")"
	else
		fail "plain $name: status $rc, stderr: $(cat "$tmp/err")"
	fi
	start 80 24 --kiosk --db "$f"
	expect_text "kiosk $name: out of service" "Hors service"
done

# Invalid UTF-8 and escape sequences in the texts: cleaned, never sent.
"$bin" --db "$tmp/utf8.db" --search racisme >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && ! grep -q $'\x1b' "$tmp/out" && iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1 &&
   grep -q $'\xef\xbf\xbd' "$tmp/out"; then
	ok "plain utf8: cleaned (U+FFFD), no escape sequence"
else
	fail "plain utf8: status $rc"
fi
start 80 24 --lang fr --db "$tmp/utf8.db"
keys 1 1
expect_text "screen utf8: the page opens" "�"

# A 10 MB text: the page opens, scrolls to its end, and goes back. Laying
# out 10 MB takes a while in the sanitizer build: wait up to a minute.
start 80 24 --lang fr --db "$tmp/huge.db"
keys 1 1 End
wait_screen "Informations vérifiées" 60
expect_text "screen huge: the end of a 10 MB page" "Informations vérifiées"
keys 0 0
expect_text "screen huge: back home" "Recherche"

# A damaged search index: search says that it does not work, and the rest
# of the kiosk stays in service (it went out of service at every search).
cp "$db" "$tmp/index.db"
sqlite3 "$tmp/index.db" "UPDATE search_data SET block = X'0000ffffffff0000ffffffff' WHERE id > 10"
start 80 24 --kiosk --lang fr --db "$tmp/index.db"
keys / l o g e m e n t
expect_text "kiosk index: search says it does not work" "La recherche ne fonctionne pas"
keys Escape 1
expect_text "kiosk index: a menu still opens" "Accueil › Le CAI"
expect_no_attr "kiosk index: not out of service" "Hors service"

# A database rebuilt while a kiosk reads it (mkindex, as the build does):
# the build replaces the file at once and succeeds although the kiosk holds
# its read lock; the kiosk goes on with the file it opened.
cp "$db" "$tmp/live.db"
start 80 24 --lang fr --db "$tmp/live.db"
keys 4
if "$(dirname "$db")/mkindex" "$(dirname "$db")/accueil-raw.db" "$tmp/live.db" 2>"$tmp/err" &&
   [ ! -e "$tmp/live.db.tmp" ] && "$bin" --db "$tmp/live.db" --search bepax >/dev/null; then
	ok "rebuilt while read: the new database is in place"
else
	fail "rebuilt while read: $(cat "$tmp/err")"
fi
keys 7
expect_text "rebuilt while read: the kiosk goes on" "Contactez Unia, l'institution publique"

summary
