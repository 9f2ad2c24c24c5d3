#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-test.sh - the command line: options, exit statuses, one-sentence errors
# for a missing, damaged or foreign database, and screen mode without a
# terminal. Usage: cli-test.sh ACCUEIL DB
set -u
bin=$1 db=$2
tmp=$(mktemp -d)
trap 'tmux -L "accueil-cli-$$" kill-server 2>/dev/null; tmux -L "accueil-cli-$$-2" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/check-lib.sh"

# expect NAME STATUS PATTERN-IN-STDOUT PATTERN-IN-STDERR -- COMMAND...
expect() {
	local name=$1 status=$2 out=$3 err=$4 rc
	shift 5
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ "$rc" -ne "$status" ]; then
		fail "$name" "exit $rc, expected $status"; return
	fi
	if [ -n "$out" ] && ! grep -q -- "$out" "$tmp/out"; then
		fail "$name" "stdout lacks '$out'"; return
	fi
	if [ -n "$err" ]; then
		if ! grep -q -- "$err" "$tmp/err" || [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
			echo "FAIL $name: stderr is not one sentence with '$err':"
			cat "$tmp/err"; failed=$((failed + 1)); return
		fi
	elif [ -s "$tmp/err" ]; then
		echo "FAIL $name: unexpected stderr"; cat "$tmp/err"; failed=$((failed + 1)); return
	fi
	ok "$name"
}

expect help 0 "Usage: accueil" "" -- "$bin" --help
expect version 0 "^accueil [0-9]" "" -- "$bin" --version
expect version-licence 0 "GPL-3.0-or-later" "" -- "$bin" --version
# The configuration holds the PIN's hash: a warning when others may read
# or write it, none at 0640.
printf 'idle = 60\n' >"$tmp/conf"
chmod 0640 "$tmp/conf"
expect config-private 0 "081 71 35 28" "" -- "$bin" --db "$db" --config "$tmp/conf" --search pieczynski
chmod 0644 "$tmp/conf"
expect config-world-readable-0644 0 "081 71 35 28" "can be read by every user (mode 0644), .*make it 0640 root:accueil" -- "$bin" --db "$db" --config "$tmp/conf" --search pieczynski
chmod 0660 "$tmp/conf"
expect config-group-writable-0660 2 "" "can be changed by other users (mode 0660)" -- "$bin" --db "$db" --config "$tmp/conf" --search pieczynski
expect bad-option 2 "" "unknown option" -- "$bin" --bogus
expect missing-value 2 "" "needs a value" -- "$bin" --db
expect extra-arg 2 "" "unexpected argument" -- "$bin" extra
expect search-contact 0 "081 71 35 28" "" -- "$bin" --db "$db" --search pieczynski
expect search-crumb 0 "Accueil > Contacts > Sami Pieczynski (racisme)" "" -- "$bin" --db "$db" --search pieczynski
expect search-accents 0 "Lutte contre le racisme" "" -- "$bin" --db "$db" --search RACISME
expect search-unknown-field 0 "demandez à l'accueil" "" -- "$bin" --db "$db" --search pieczynski
expect search-none 1 "" "rien ne correspond à « zzzqqq »" -- "$bin" --db "$db" --search zzzqqq
# The staff's commands speak --lang, their messages too.
expect search-none-en 1 "" "nothing matches “zzzqqq”" -- "$bin" --db "$db" --lang en --search zzzqqq
expect search-none-ar 1 "" "لا شيء يطابق «xyzzy»" -- "$bin" --db "$db" --lang ar --search xyzzy
# Any of the words: two official words, their two glossary entries first.
expect search-any-words 0 "^Accueil > Lexique > CPAS$" "" -- "$bin" --db "$db" --search "CPAS titre de séjour"
first=$(grep '^Accueil > ' "$tmp/out" | head -2 | sort | tr '\n' '|')
if [ "$first" = "Accueil > Lexique > CPAS|Accueil > Lexique > Titre de séjour / carte de séjour|" ]; then
	ok "search-any-words-first"
else
	fail "search-any-words-first" "the first two are '$first'"
fi
expect db-missing-ru 2 "" "базу данных невозможно открыть" -- "$bin" --db "$tmp/none.db" --lang ru --search x
# The "see also" lines line up under the first, in every language.
for l in fr en ru ar; do
	"$bin" --db "$db" --lang "$l" --search CPAS >"$tmp/out" 2>/dev/null
	if "$PYTHON" - "$tmp/out" <<'PY'
import sys, unicodedata
def w(s):
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf") else 1
               for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
bad = checked = 0
for i, l in enumerate(lines):
    if i + 1 < len(lines) and l.startswith("  ") and l[2:3] != " " and \
       ":" in l and \
       lines[i + 1].startswith("   ") and lines[i + 1].strip() and \
       not lines[i + 1].startswith("  -"):
        # The first link after the label; the next line is its follower.
        col = None
        head = l[2:]
        for sep in (": ", "： ", ":"):
            if sep in head:
                col = 2 + w(head[:head.index(sep) + len(sep)])
                break
        nxt = lines[i + 1]
        if col is None or not head.split(sep)[0]:
            continue
        ind = len(nxt) - len(nxt.lstrip(" "))
        if ind >= 8:
            checked += 1
            bad += ind != col
sys.exit(0 if checked > 0 and bad == 0 else 1)
PY
	then
		ok "see-also-aligned-$l"
	else
		echo "FAIL see-also-aligned-$l"; grep -A2 -m1 "^  [^ ].*: .*" "$tmp/out" | head -3
		failed=$((failed + 1))
	fi
done
# FTS5 syntax and SQL typed by a person are searched as text: never an error.
for q in "'; DROP TABLE node; --" '"' '*' 'NEAR(a b)' 'title:x' '-' '^a' '(((' 'a OR b' '""""'; do
	"$bin" --db "$db" --search "$q" >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" -gt 1 ] || grep -q "error" "$tmp/err"; then
		echo "FAIL search-hostile: '$q' gave status $rc: $(cat "$tmp/err")"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
done
expect search-typo 0 "Sociojuridique" "" -- "$bin" --db "$db" --search sociojuridik
expect contacts-town 0 "CRIPEL" "" -- "$bin" --db "$db" --contacts "Liège"
expect contacts-theme 0 "Sami Pieczynski" "" -- "$bin" --db "$db" --contacts racisme
expect contacts-none 1 "" "rien ne correspond" -- "$bin" --db "$db" --contacts zzzqqq
# Numbers as they are typed (the texts hold no-break spaces), and typos
# corrected by the index's own words (issue 25).
expect search-phone-spaces 0 "^Accueil > Contacts > Sami Pieczynski" "" -- "$bin" --db "$db" --search "081 71 35 28"
expect contacts-phone-spaces 0 "Sami Pieczynski" "" -- "$bin" --db "$db" --contacts "081 71 35 28"
expect contacts-0479 0 "Unia : point local" "" -- "$bin" --db "$db" --contacts 0479
expect search-116-000 0 "^Accueil > Autres acteurs > Numéros d'urgence" "" -- "$bin" --db "$db" --search "116 000"
expect search-typo-rasisme 0 "^Accueil > Thématiques > Lutte contre le racisme" "" -- "$bin" --db "$db" --search rasisme
expect search-typo-discrimnation 0 "discrimination" "" -- "$bin" --db "$db" --search discrimnation
expect search-typo-logment 0 "^Accueil > Thématiques > Logement" "" -- "$bin" --db "$db" --search logment
# A glossary term whose French title is NULL (a copy without NOT NULL):
# left out of the results, not a crash (issue 26: it exited 139).
cp "$db" "$tmp/null.db"
sqlite3 "$tmp/null.db" "CREATE TABLE f2 (node TEXT, name TEXT, lang TEXT,
  value TEXT, reviewed INTEGER, PRIMARY KEY (node, name, lang)) WITHOUT ROWID;
  INSERT INTO f2 SELECT * FROM field; DROP TABLE field;
  ALTER TABLE f2 RENAME TO field; UPDATE field SET value = NULL
  WHERE name = 'title' AND node IN (SELECT id FROM node WHERE kind = 'term')"
expect search-null-title 0 "^Accueil > Autres acteurs > .*CPAS de Namur" "" -- "$bin" --db "$tmp/null.db" --search cpa
# One line per contact: name, organisation, phone, e-mail, tab-separated;
# as many lines as --contacts prints cards.
expect contacts-brief 0 "^Sami Pieczynski (racisme)	CAI	081 71 35 28	sami@cainamur.be$" "" -- \
	"$bin" --db "$db" --contacts --brief racisme
"$bin" --db "$db" --contacts racisme >"$tmp/full" 2>/dev/null
"$bin" --db "$db" --contacts --brief racisme >"$tmp/brief" 2>/dev/null
cards=$(grep -c '^$' "$tmp/full")
if [ "$cards" -gt 1 ] && [ "$(wc -l <"$tmp/brief")" -eq "$cards" ] &&
   [ "$(awk -F'\t' 'NF != 4' "$tmp/brief" | wc -l)" -eq 0 ]; then
	ok "contacts-brief-lines ($cards)"
else
	echo "FAIL contacts-brief-lines: $cards cards, brief:"; cat "$tmp/brief"
	failed=$((failed + 1))
fi
expect contacts-brief-after 0 "^Sami Pieczynski (racisme)	CAI" "" -- "$bin" --db "$db" --contacts racisme --brief
expect contacts-brief-ru 0 "	спросите в приёмной" "" -- "$bin" --db "$db" --lang ru --contacts --brief racisme
expect brief-alone 2 "" "--brief goes with --contacts" -- "$bin" --db "$db" --brief
expect db-missing 2 "" "$tmp/none.db: the database file does not exist" -- "$bin" --db "$tmp/none.db" --search x
head -c 8192 /dev/urandom >"$tmp/noise.db"
expect db-noise 2 "" "damaged or is not a database" -- "$bin" --db "$tmp/noise.db" --search x
head -c 1000 "$db" >"$tmp/cut.db"
expect db-truncated 2 "" "$tmp/cut.db" -- "$bin" --db "$tmp/cut.db" --search x
sqlite3 "$tmp/v9.db" "PRAGMA user_version = 9; CREATE TABLE t(x);"
expect db-foreign 2 "" "it says version 9" -- "$bin" --db "$tmp/v9.db" --search x
cp "$db" "$tmp/ro.db"; chmod 000 "$tmp/ro.db"
if [ "$(id -u)" -ne 0 ]; then
	expect db-unreadable 2 "" "cannot be read" -- "$bin" --db "$tmp/ro.db" --search x
fi
printf 'languages = ar xx\n' >"$tmp/bad.conf"
chmod 0640 "$tmp/bad.conf"
expect config-bad-language 2 "" 'bad.conf:1: languages: "xx" is not a language of the kiosk' -- "$bin" --db "$db" --config "$tmp/bad.conf" --search x
printf 'languages = ar fa ar\n' >"$tmp/twice.conf"
chmod 0640 "$tmp/twice.conf"
expect config-language-twice 2 "" '"ar" is listed twice' -- "$bin" --db "$db" --config "$tmp/twice.conf" --search x
printf 'languages = ps, fa\n' >"$tmp/good.conf"
chmod 0640 "$tmp/good.conf"
expect config-languages 0 "081 71 35 28" "" -- "$bin" --db "$db" --config "$tmp/good.conf" --search pieczynski
expect no-terminal 2 "" "needs a terminal" -- "$bin" --db "$db"
expect unknown-lang 2 "" "^accueil: unknown language \"xx\"; the languages are: fr en" -- "$bin" --db "$db" --lang xx --search pieczynski

# Issue 15: every contact detail the sources give, on the cards.
expect contacts-unia-free-line 0 "Téléphone: 0800 12 800" "" -- "$bin" --db "$db" --contacts unia
expect contacts-unia-liege 0 "liegeverviers@unia.be" "" -- "$bin" --db "$db" --contacts unia
expect contacts-fedasil-head-office 0 "Adresse: Rue des Chartreux 21, 1000 Bruxelles" "" -- "$bin" --db "$db" --contacts fedasil
expect search-tutelles 0 "Téléphone: 078 15 43 24" "" -- "$bin" --db "$db" --search tutelles
expect search-urgence-sociale 0 "Téléphone: 0800 124 20" "" -- "$bin" --db "$db" --search "urgence sociale"
expect contacts-oe-infodesk 0 "Téléphone: 02/488.80.00" "" -- "$bin" --db "$db" --contacts "Office des étrangers"
expect contacts-oe-hours 0 "Heures d'ouverture: Infodesk par téléphone : lundi, mardi et jeudi de 9h30 à 12h" "" -- "$bin" --db "$db" --contacts "Office des étrangers"
expect contacts-cai-discrimination 0 "Téléphone: 081 71 35 12" "" -- "$bin" --db "$db" --contacts discrimination
expect contacts-cgra-visitors 0 "place Victor Horta 40, 1060 Bruxelles" "" -- "$bin" --db "$db" --contacts cgra
# The names of the centres as the CAI's own page writes them.
expect search-cripel-name 0 "CRIPEL" "" -- "$bin" --db "$db" --search "Centre Régional d’Intégration des Personnes Étrangères de Liège"
expect search-crvi-name 0 "CRVI" "" -- "$bin" --db "$db" --search "Centre Régional de Verviers pour l’Intégration des personnes étrangères et d’origine étrangère"
# Sources: short on the page (site, year), the full addresses after them.
expect search-source-short 0 "^  Source : cainamur.be, 2025" "" -- "$bin" --db "$db" --search "40 ans du CAI"
expect search-sources-full 0 "^    https://cainamur.be/category/actions-services/page/5/" "" -- "$bin" --db "$db" --search "40 ans du CAI"

# first NAME PATTERN LANG WORDS: the first entry found for WORDS in LANG is
# in the glossary (its path names the Lexique) and its title, matching
# PATTERN, shows the French word: in every language.
first() {
	local name=$1 pat=$2 lang=$3 out
	shift 3
	out=$("$bin" --db "$db" --lang "$lang" --search "$*" 2>/dev/null | sed -n 1,2p)
	if sed -n 1p <<<"$out" | grep -q "Lexique" && sed -n 2p <<<"$out" | grep -q -- "$pat"; then
		ok "$name"
	else
		fail "$name" "the first entry is '$out'"
	fi
}
# Every language of the table (src/i18n/i18n.c).
langs=$(languages) || exit 1
# The pathway's deadline (issue 24): "18 mois" finds the step-by-step page
# first in every language, and its text gives both rules with the date that
# decides between them: 18 months, or 3 years since the decree of 14 March
# 2024 (its order in force on 1 January 2025).
for lang in $langs; do
	out=$("$bin" --db "$db" --lang "$lang" --search "18 mois" 2>&1)
	want=$(sqlite3 "$db" "SELECT value FROM field WHERE node = 'parcours-etapes'
		AND name = 'title' AND lang = '$lang'")
	# The page's own text: not its sources' addresses and years.
	page=$(printf '%s\n' "$out" | awk 'NR > 2 && /^[^ ]/ { exit } { print }' |
		grep -v -e '://' -e '[a-z]\.be\b' -e '[a-z]\.com\b')
	if [ "$(printf '%s\n' "$out" | sed -n 2p)" = "$want" ] &&
	   printf '%s\n' "$page" | grep -q '14.*2024\|2024.*14' &&
	   printf '%s\n' "$page" | grep -q '18' &&
	   printf '%s\n' "$page" | grep -q '2025'; then
		ok "deadline-$lang: 18 months or 3 years, by the decree's date"
	else
		fail "deadline-$lang" "first: $(printf '%s\n' "$out" | sed -n 2p)"
	fi
done
for lang in $langs; do
	while IFS='|' read -r words pat; do
		first "glossary-first-$lang-$words" "$pat" "$lang" "$words"
	done <<'EOF2'
commune|^Commune
CPAS|^CPAS
titre de séjour|^Titre de séjour / carte de séjour
carte de séjour|^Titre de séjour / carte de séjour
annexe 26|^Annexe 26
primo-arrivant|^Primo-arrivant
parcours d'intégration|^Parcours d'intégration (
module d'accueil|^Module d'accueil
bilan social|^Bilan social
convention d'accueil|^Convention d'accueil
formation à la citoyenneté|^Formation à la citoyenneté (AOC, FIC)
CGRA|^CGRA (
Office des étrangers|^Office des étrangers (
Fedasil|^Fedasil (
ILA|^ILA (
MENA|^MENA (
tuteur|^Tuteur
protection subsidiaire|^Protection subsidiaire
EOF2
	# No internal reference in what a visitor or the staff reads.
	for q in CAI parcours Unia MENA; do
		if "$bin" --db "$db" --lang "$lang" --search "$q" 2>/dev/null |
		    grep -q 'facts\.md\|seeds\? 0\|§'; then
			echo "FAIL internal-reference-$lang-$q"; failed=$((failed + 1))
		else
			passed=$((passed + 1))
		fi
	done
done

# A missing interface catalogue: one sentence, the interface in French, the
# content still in the language asked.
mkdir -p "$tmp/alone/src"
cp "$bin" "$tmp/alone/src/accueil"
expect missing-catalogue 0 "Téléphone: 081 71 35 28" "interface translation for \"en\" is missing" -- \
	"$tmp/alone/src/accueil" --db "$db" --lang en --search pieczynski
# The staff PIN: what the PIN screen cannot type is refused at --hash-pin;
# a hash of an unknown or unsound kind, an incomplete or too dear one, and a
# file others may change are refused at start-up, with one sentence each.
hash_pin() { printf "$1" | "$bin" --hash-pin; }
expect hash-pin 0 '^pin = \$y\$' "" -- hash_pin '123456\n'
expect hash-pin-short 2 "" "at least 6 characters" -- hash_pin '12345\n'
expect hash-pin-space 2 "" "without spaces or tabs" -- hash_pin '123 456\n'
expect hash-pin-tab 2 "" "without spaces or tabs" -- hash_pin '123456\t\n'
expect hash-pin-accent 2 "" "without spaces or tabs" -- hash_pin 'école123\n'
expect hash-pin-long 2 "" "at most 64 characters" -- hash_pin "$(printf '%065d' 0)\n"
expect hash-pin-none 2 "" "no PIN on standard input" -- hash_pin ''
hash_pin '246810\n' >"$tmp/good.conf"
chmod 600 "$tmp/good.conf"
expect config-good 0 "CPAS" "" -- "$bin" --db "$db" --config "$tmp/good.conf" --search CPAS
conf() {
	printf 'pin = %s\n' "$2" >"$tmp/$1.conf"
	chmod 600 "$tmp/$1.conf"
}
conf foo '$foo$bar'
expect config-hash-unknown 2 "" "foo.conf:1: the PIN's hash is not of a kind" -- "$bin" --db "$db" --config "$tmp/foo.conf" --search CPAS
conf dollar '$'
expect config-hash-dollar 2 "" "dollar.conf:1: the PIN's hash is not of a kind" -- "$bin" --db "$db" --config "$tmp/dollar.conf" --search CPAS
conf md5 '$1$abcdefgh$ZCPo4Zfd7cRhd0LzC6A0a/'
expect config-hash-md5 2 "" "the PIN's hash is not of a kind" -- "$bin" --db "$db" --config "$tmp/md5.conf" --search CPAS
conf cut '$y$j9T$abcdefgh'
expect config-hash-cut 2 "" "the PIN's hash is incomplete" -- "$bin" --db "$db" --config "$tmp/cut.conf" --search CPAS
conf dear '$6$rounds=999999999$abcdefgh$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
expect config-hash-dear 2 "" "costs too much" -- "$bin" --db "$db" --config "$tmp/dear.conf" --search CPAS
conf dear-y '$y$jFT$abcdefgh$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
expect config-hash-dear-yescrypt 2 "" "costs too much" -- "$bin" --db "$db" --config "$tmp/dear-y.conf" --search CPAS
cp "$tmp/good.conf" "$tmp/open.conf"
chmod 666 "$tmp/open.conf"
expect config-world-writable 2 "" "can be changed by other users (mode 0666)" -- "$bin" --db "$db" --config "$tmp/open.conf" --search CPAS
chmod 620 "$tmp/open.conf"
expect config-group-writable 2 "" "can be changed by other users (mode 0620)" -- "$bin" --db "$db" --config "$tmp/open.conf" --search CPAS
chmod 644 "$tmp/open.conf"
expect config-world-readable 0 "CPAS" "warning: .*can be read by every user" -- "$bin" --db "$db" --config "$tmp/open.conf" --search CPAS

# No raw control byte echoed: the caller's own escape sequences (words no
# spelling neighbour reaches: "evil" would find "éveil").
"$bin" --db "$db" --lang en --search $'zzq\e[31mred\e]0;x\a\u202eqzxv' >/dev/null 2>"$tmp/err"
if grep -q "nothing matches" "$tmp/err" && ! grep -q $'[\e\a]' "$tmp/err" &&
   ! grep -q $'\u202e' "$tmp/err"; then
	ok "search-no-raw-control"
else
	echo "FAIL search-no-raw-control: $(od -c "$tmp/err" | head -3)"; failed=$((failed + 1))
fi

# One idle limit for the command line and the file, tested at its edges;
# a configuration line of any length.
expect idle-max 1 "" "nothing matches" -- "$bin" --db "$db" --lang en --idle 86400 --search zzzqqq
expect idle-over 2 "" "from 0 to 86400" -- "$bin" --db "$db" --idle 86401 --search zzzqqq
printf 'idle = 86400\n' >"$tmp/max.conf"
chmod 600 "$tmp/max.conf"
expect config-idle-max 1 "" "nothing matches" -- "$bin" --db "$db" --config "$tmp/max.conf" --lang en --search zzzqqq
printf 'idle = 86401\n' >"$tmp/over.conf"
chmod 600 "$tmp/over.conf"
expect config-idle-over 2 "" "over.conf:1: idle takes a whole number of seconds from 0 to 86400" -- "$bin" --db "$db" --config "$tmp/over.conf" --search zzzqqq
{ printf '# %*s\n' 5000 x | tr ' ' y; printf 'idle = 30\n'; } >"$tmp/long.conf"
chmod 600 "$tmp/long.conf"
expect config-long-line 1 "" "nothing matches" -- "$bin" --db "$db" --config "$tmp/long.conf" --lang en --search zzzqqq
head -c 70000 /dev/zero | tr '\0' '#' >"$tmp/big.conf"
chmod 600 "$tmp/big.conf"
expect config-too-big 2 "" "64 KiB" -- "$bin" --db "$db" --config "$tmp/big.conf" --search zzzqqq

# GNU conventions: a copyright line, a bug address, errors prefixed with
# the program's name, a write error on standard output is exit 2.
expect version-copyright 0 "^Copyright (C) [0-9]* the accueil contributors" "" -- "$bin" --version
expect help-bugs 0 "^Report bugs to: .*@" "" -- "$bin" --help
expect bad-option 2 "" "^accueil: unknown option --nope; see accueil --help" -- "$bin" --nope
if [ -w /dev/full ]; then
	expect full-search 2 "" "^accueil: write error on standard output (No space left on device)" -- sh -c '"$1" --db "$2" --search racisme >/dev/full' sh "$bin" "$db"
	expect full-help 2 "" "^accueil: write error on standard output" -- sh -c '"$1" --help >/dev/full' sh "$bin"
	expect full-version 2 "" "^accueil: write error on standard output" -- sh -c '"$1" --version >/dev/full' sh "$bin"
	expect full-languages 2 "" "^accueil: write error on standard output" -- sh -c '"$1" --db "$2" --languages >/dev/full' sh "$bin" "$db"
else
	echo "FAIL full: no /dev/full to write to"; failed=$((failed + 1))
fi
# One language in a message: the cause of a write error is English as
# the sentence, whatever the kiosk's catalogue or the locale.
expect full-one-language 2 "" "(No space left on device)" -- sh -c 'LANG=fr_BE.UTF-8 "$1" --db "$2" --lang fr --search racisme >/dev/full' sh "$bin" "$db"

# --set-pin: the PIN twice, then its hash in the PIN file, 0640; two
# different PINs, or one the PIN screen cannot type, change nothing.
set_pin() { printf "$1" | "$bin" --set-pin --pin-file "$tmp/etc/pin"; }
expect set-pin 0 "The staff PIN is set in .*etc/pin" "" -- set_pin '135790\n135790\n'
if [ "$(stat -c %a "$tmp/etc/pin" 2>/dev/null)" = 640 ] &&
   grep -q '^pin = \$y\$' "$tmp/etc/pin" && ! grep -q 135790 "$tmp/etc/pin"; then
	echo "ok   set-pin-file"; passed=$((passed + 1))
else
	echo "FAIL set-pin-file: $(ls -l "$tmp/etc/pin" 2>&1)"; failed=$((failed + 1))
fi
cp "$tmp/etc/pin" "$tmp/pin.before"
expect set-pin-differ 2 "" "the two PINs differ; nothing was changed" -- set_pin '135790\n135791\n'
expect set-pin-short 2 "" "at least 6 characters" -- set_pin '1357\n1357\n'
expect set-pin-none 2 "" "no PIN was given" -- set_pin ''
if cmp -s "$tmp/pin.before" "$tmp/etc/pin"; then
	echo "ok   set-pin-unchanged"; passed=$((passed + 1))
else
	echo "FAIL set-pin-unchanged: a refused PIN changed the file"; failed=$((failed + 1))
fi
expect set-pin-used 0 "F10 and the PIN whose hash is in .*etc/pin" "" -- "$bin" --check-config --config /dev/null --pin-file "$tmp/etc/pin"

# --check-config: what each line means; a bad line is named, exit 1.
printf '# the desk\nidle = 300\nlanguages = ar fr\n' >"$tmp/check.conf"
chmod 600 "$tmp/check.conf"
expect check-config-good 0 "check.conf:2: idle: after 300 seconds without a key" "" -- "$bin" --check-config --config "$tmp/check.conf" --pin-file "$tmp/etc/pin"
expect check-config-comment 0 "check.conf:1: a comment" "" -- "$bin" --check-config --config "$tmp/check.conf" --pin-file "$tmp/etc/pin"
expect check-config-pin 0 "pin:3: pin: the hash of the staff PIN (yescrypt)" "" -- "$bin" --check-config --config "$tmp/check.conf" --pin-file "$tmp/etc/pin"
expect check-config-no-pin 0 "No PIN is set: kiosk mode has no way out by keys" "" -- "$bin" --check-config --config "$tmp/check.conf"
printf 'idle = 2min\nlanguages = ar fr\n' >"$tmp/check.conf"
expect check-config-bad 1 'check.conf:1: idle takes a whole number of seconds .*("2min" is not one)' "" -- "$bin" --check-config --config "$tmp/check.conf"
expect check-config-bad-rest 1 "check.conf:2: languages: the language picker shows ar fr first" "" -- "$bin" --check-config --config "$tmp/check.conf"
printf 'idle = 30\n' >"$tmp/notpin"
chmod 600 "$tmp/notpin"
expect check-config-pin-file-only 1 'notpin:1: "idle": the PIN file holds "pin =" alone' "" -- "$bin" --check-config --config /dev/null --pin-file "$tmp/notpin"
expect check-config-missing 1 "nothing.conf cannot be read" "" -- "$bin" --check-config --config "$tmp/nothing.conf"

# Bounded at load: one "pin =" line a file, so one hash weighed, however
# many lines a file holds (978 bcrypt-11 lines took 200 s).
{ for i in $(seq 300); do grep '^pin' "$tmp/etc/pin"; done; } >"$tmp/many"
chmod 600 "$tmp/many"
start_s=$(date +%s%N)
expect pin-lines-bounded 2 "" "many:2: a second \"pin =\" line (the first is line 1); keep one" -- "$bin" --db "$db" --config /dev/null --pin-file "$tmp/many" --search CPAS
ms=$(( ($(date +%s%N) - start_s) / 1000000 ))
echo "     300 pin lines refused in $ms ms"
expect check-many-pins 1 "many:300: a second" "" -- "$bin" --check-config --config /dev/null --pin-file "$tmp/many"

# The PIN file wins over a PIN left in an older /etc/accueil.conf.
expect old-conf-pin 0 "F10 and the PIN whose hash is in .*good.conf" "" -- "$bin" --check-config --config "$tmp/good.conf"
expect pin-file-wins 0 "F10 and the PIN whose hash is in .*etc/pin" "" -- "$bin" --check-config --config "$tmp/good.conf" --pin-file "$tmp/etc/pin"

# --set-pin in a real terminal (tmux): the PIN never shows, neither while
# it is typed (a capture during the input) nor after; the file then holds
# the hash of what was typed.
tsock="accueil-cli-$$"
tm() { tmux -L "$tsock" -f /dev/null "$@"; }
# shows PATTERN [TRIES]: waits (at most TRIES x 0.05 s, 30 s by default)
# for the pane to show it.
shows() {
	local i
	for i in $(seq "${2:-600}"); do
		tm capture-pane -p -t t 2>/dev/null | grep -q -- "$1" && return 0
		sleep 0.05
	done
	return 1
}
if command -v tmux >/dev/null; then
	tm new-session -d -s t -x 80 -y 24 "env LANG=C.UTF-8 $bin --set-pin --pin-file $tmp/tty/pin; echo exit=\$?; sleep 60"
	shown=""
	shows "New staff PIN" || shown="no prompt"
	tm send-keys -t t -l "97531xy"
	# Echo would show within this wait (1 s); nothing may.
	shows "97531" 20 && shown="$shown; the PIN while typed"
	tm send-keys -t t Enter
	shows "The same PIN again" || shown="$shown; no second prompt"
	tm send-keys -t t -l "97531xy"
	shows "97531" 20 && shown="$shown; the PIN again while typed"
	tm send-keys -t t Enter
	shows "^exit=0" || shown="$shown; no exit=0"
	tm capture-pane -p -S - -t t | grep -q "97531" && shown="$shown; the PIN in the history"
	if [ -z "$shown" ] && grep -q '^pin = ' "$tmp/tty/pin" &&
	   "$PYTHON" -W ignore -c 'import crypt, sys; h = sys.argv[1]; sys.exit(crypt.crypt("97531xy", h) != h)' \
		"$(sed -n 's/^pin = //p' "$tmp/tty/pin")"; then
		echo "ok   set-pin-terminal-no-echo"; passed=$((passed + 1))
	else
		echo "FAIL set-pin-terminal-no-echo:$shown"; tm capture-pane -p -t t | head -8
		failed=$((failed + 1))
	fi
	tm kill-server 2>/dev/null
	# --hash-pin too reads without echo on a terminal.
	tsock="accueil-cli-$$-2"
	tm new-session -d -s t -x 80 -y 24 "env LANG=C.UTF-8 $bin --hash-pin; echo exit=\$?; sleep 60"
	shown=""
	shows "PIN:" || shown="no prompt"
	tm send-keys -t t -l "86420zz"
	shows "86420" 20 && shown="$shown; the PIN while typed"
	tm send-keys -t t Enter
	shows '^pin = \$y\$' || shown="$shown; no hash"
	tm capture-pane -p -S - -t t | grep -q "86420" && shown="$shown; the PIN in the history"
	if [ -z "$shown" ]; then
		echo "ok   hash-pin-terminal-no-echo"; passed=$((passed + 1))
	else
		echo "FAIL hash-pin-terminal-no-echo:$shown"; failed=$((failed + 1))
	fi
	tm kill-server 2>/dev/null
else
	echo "FAIL set-pin-terminal-no-echo: tmux is missing"; failed=$((failed + 1))
fi

summary
