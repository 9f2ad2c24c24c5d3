#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-test.sh - the command line: options, exit statuses, one-sentence errors
# for a missing, damaged or foreign database, and screen mode without a
# terminal. Usage: cli-test.sh ACCUEIL DB
set -u
bin=$1 db=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

# expect NAME STATUS PATTERN-IN-STDOUT PATTERN-IN-STDERR -- COMMAND...
expect() {
	local name=$1 status=$2 out=$3 err=$4 rc
	shift 5
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ "$rc" -ne "$status" ]; then
		echo "FAIL $name: exit $rc, expected $status"; failed=$((failed + 1)); return
	fi
	if [ -n "$out" ] && ! grep -q -- "$out" "$tmp/out"; then
		echo "FAIL $name: stdout lacks '$out'"; failed=$((failed + 1)); return
	fi
	if [ -n "$err" ]; then
		if ! grep -q -- "$err" "$tmp/err" || [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
			echo "FAIL $name: stderr is not one sentence with '$err':"
			cat "$tmp/err"; failed=$((failed + 1)); return
		fi
	elif [ -s "$tmp/err" ]; then
		echo "FAIL $name: unexpected stderr"; cat "$tmp/err"; failed=$((failed + 1)); return
	fi
	echo "ok   $name"; passed=$((passed + 1))
}

expect help 0 "Usage: accueil" "" -- "$bin" --help
expect version 0 "^accueil [0-9]" "" -- "$bin" --version
expect bad-option 2 "" "unknown option" -- "$bin" --bogus
expect missing-value 2 "" "needs a value" -- "$bin" --db
expect extra-arg 2 "" "unexpected argument" -- "$bin" extra
expect search-contact 0 "081 71 35 28" "" -- "$bin" --db "$db" --search pieczynski
expect search-crumb 0 "Accueil > Contacts > Sami Pieczynski (racisme)" "" -- "$bin" --db "$db" --search pieczynski
expect search-accents 0 "Lutte contre le racisme" "" -- "$bin" --db "$db" --search RACISME
expect search-unknown-field 0 "demandez à l'accueil" "" -- "$bin" --db "$db" --search pieczynski
expect search-none 1 "" "nothing matches" -- "$bin" --db "$db" --search zzzqqq
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
expect contacts-none 1 "" "nothing matches" -- "$bin" --db "$db" --contacts zzzqqq
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
expect no-terminal 2 "" "needs a terminal" -- "$bin" --db "$db"
expect unknown-lang 0 "081 71 35 28" "not available; using French" -- "$bin" --db "$db" --lang xx --search pieczynski

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
		echo "ok   $name"; passed=$((passed + 1))
	else
		echo "FAIL $name: the first entry is '$out'"; failed=$((failed + 1))
	fi
}
for lang in fr en ar fa ps ru uk ti es tr sq so nl; do
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
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
