#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# screen-test.sh - drives the real accueil in a real terminal (tmux), as a
# visitor would, and compares every screen with the one saved in
# tests/screens/. GENERATE=1 saves the screens instead of comparing them.
#
# Usage: screen-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
. "$(dirname "$0")/tmux-lib.sh"

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

# The language picker comes first, in every language's own script; a digit
# chooses, and the home menu follows in that language.
PICKER=1 start 80 24
check picker
keys 2
check picker-en-home

# Every language: its home menu and a page (Le CAI > the first page).
for l in fr en ar fa ps ti uk ru es tr sq so nl; do
	start 80 24 --lang "$l"
	check "home-$l"
	keys 1 1
	check "page-$l"
done

# Arabic is reordered and joined as FriBidi itself does it: the page title
# on screen is fribidi(1)'s output for the logical title in the database.
start 80 24 --lang ar
keys 1 1
title=$(sqlite3 "$db" "SELECT value FROM field WHERE node = 'cai-qui' AND name = 'title' AND lang = 'ar'")
want=$(printf '%s' "$title" | fribidi --nopad --nobreak --rtl | sed 's/\xef\xbb\xbf//g')
expect_text arabic-title-fribidi "$want"
# The French original under the page, left to right.
keys f
expect_text arabic-french "Qui sommes-nous ?"

# Directions come from the whole paragraph, not from each wrapped line: in
# the sources of a Persian card at 40x15, the bracket that ends a French
# line ends it ("contact)", not "(contact"). Under the French original,
# the Persian labels are joined and ordered too.
start 40 15 --lang fa
keys 5 3 Space
expect_text persian-bracket-wrapped "^ *contact)$"
keys f
label=$(msgattrib --no-wrap "$dir/../../po/fa.po" 2>/dev/null | grep -A1 '^msgid "Organisation"$' | sed -n 's/^msgstr "\(.*\)"$/\1/p')
want=$(printf '%s' "$label" | fribidi --nopad --nobreak --ltr)
expect_text persian-label-above-french "^  $want  *CAI$"

# Switching back and forth twice keeps the visitor on the same page.
start 80 24 --lang en
keys 1 1
check switch-en
keys '*' 3
check switch-ar
keys '*' 2
check switch-en
keys '*' 3
check switch-ar

# A language without a translation of the page shows the French text, with
# a mark in the visitor's language (a copy of the database where the Dutch
# text of that page is missing: every bundled language is complete).
partial=$(mktemp)
cp "$db" "$partial"
sqlite3 "$partial" "DELETE FROM field WHERE node = 'cai-qui' AND lang = 'nl' AND name IN ('body', 'brief')"
full_db=$db db=$partial
start 80 24 --lang nl
keys 1 1
check untranslated-nl
db=$full_db
rm -f "$partial"

# Idle: after the countdown, back to the picker, and the search is gone.
start 80 24 --lang en --idle 2
keys / r a c
sleep 2.5
expect_text idle-countdown "[0-9]"
sleep 3
check picker
keys 1 /
check idle-search-forgotten

# Ask-the-desk cards: the sentence large, in the visitor's language and in
# French under it.
start 80 24 --lang ar
keys 9 3
check card-ar
start 80 24 --lang fr
keys 9 1
check card-fr

# High contrast (white and yellow on black, in the eight colours of a Linux
# console), then large spacing, then the usual look again; without colours,
# bold and reverse video.
TERM_TYPE=linux start 80 24 --lang fr
keys h
expect_attr contrast-black-background $'\e\\[[0-9;]*40m'
expect_attr contrast-bold $'\e\\[1m'
keys 3 h
check spacious-services
keys h
check usual-again
NO_COLOR_SET=1 start 80 24 --lang fr
keys h
expect_attr contrast-monochrome-reverse $'\e\\[7m'
# No colour anywhere (foreground or background, 8, 16 or 256 colours; 39
# and 49, tmux's "default colour", are none).
expect_no_attr contrast-monochrome-no-colour $'\e\\[([0-9]*;)*([34][0-8]|9[0-7]|10[0-7])(;[0-9]*)*m'

# A bigger terminal is used.
start 120 40
keys 4 7
check big-page

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
