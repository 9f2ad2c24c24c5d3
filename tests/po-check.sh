#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# po-check.sh - every translation is well formed (msgfmt --check), the
# interface and the content are complete in every language of the
# language table (src/i18n/i18n.c, the one list), and every file says
# whether a fluent reader reviewed it (X-Accueil-Reviewed: yes or no).
# PO files are read with the gettext tools and polib (tests/po-facts.py).
# Usage: po-check.sh SOURCE-ROOT (PYTHON: a python3 with polib)
set -u
cd "$1"
. tests/check-lib.sh
# The languages of the table but French, the source.
langs=$(languages | grep -vx fr) || exit 1

# Prints "translated fuzzy untranslated" for a PO file, or fails.
stats() {
	local out
	out=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$1" 2>&1) || { echo "error"; return; }
	awk '{
		for (i = 1; i <= NF; i++) {
			if ($(i+1) ~ /^translated/) t = $i
			if ($(i+1) ~ /^fuzzy/) f = $i
			if ($(i+1) ~ /^untranslated/) u = $i
		}
	} END { print t + 0, f + 0, u + 0 }' <<<"$out"
}

for lang in $langs; do
	read -r t f u <<<"$(stats "po/$lang.po")"
	if [ "$t" = error ]; then fail "po/$lang.po: msgfmt --check"
	elif [ "$f" -ne 0 ] || [ "$u" -ne 0 ]; then fail "po/$lang.po: $f fuzzy, $u untranslated"
	else ok "po/$lang.po: $t translated"
	fi
	f="po/content/$lang.po"
	read -r t fz u <<<"$(stats "$f")"
	if [ "$t" = error ]; then fail "$f: msgfmt --check"
	elif [ "$fz" -ne 0 ] || [ "$u" -ne 0 ]; then fail "$f: $fz fuzzy, $u untranslated"
	else ok "$f: complete ($t)"
	fi
done
# The template holds every text of data/content/ as it is now, and every
# language translates each of them (msgcmp: none is missing).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/po/content"
"$PYTHON" data/build-db.py --pot "$tmp/po/content/fresh.pot" data/content/*.txt
texts() { msgcat --no-location --no-wrap --sort-output "$1"; }
if diff <(texts po/content/accueil-content.pot) <(texts "$tmp/po/content/fresh.pot") >/dev/null; then
	ok "po/content/accueil-content.pot matches data/content/"
else
	fail "po/content/accueil-content.pot is out of date: meson compile -C build accueil-content-pot"
fi
for lang in $langs; do
	if msgcmp "po/content/$lang.po" "$tmp/po/content/fresh.pot" 2>/dev/null; then
		ok "po/content/$lang.po has every text of data/content/"
	else
		fail "po/content/$lang.po lacks texts of data/content/: msgmerge it and translate"
	fi
done
# The same for the interface: po/accueil.pot holds every marked string of
# the files of po/POTFILES as they are now (meson compile -C build
# accueil-pot accueil-update-po), and every language translates each one.
xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o "$tmp/po/fresh.pot" \
	$(cat po/POTFILES)
# Strings only: no header, no comment.
strings() { texts "$1" | sed '/^#/d' | awk 'h { print } /^$/ { h = 1 }'; }
if diff <(strings po/accueil.pot) <(strings "$tmp/po/fresh.pot") >/dev/null; then
	ok "po/accueil.pot matches the sources of po/POTFILES"
else
	fail "po/accueil.pot is out of date: meson compile -C build accueil-pot accueil-update-po"
fi
for lang in $langs; do
	msgcmp "po/$lang.po" "$tmp/po/fresh.pot" 2>/dev/null ||
		fail "po/$lang.po lacks strings of the sources: meson compile -C build accueil-update-po and translate"
done
# Every header is complete: msgfmt --check says nothing of it (no "header
# field missing" warning), it names where to report a mistake, and it says
# whether a fluent reader reviewed the file: no for a machine translation,
# yes once a reviewer has checked it all (CONTRIBUTING.md, Translations).
for f in po/*.po po/content/*.po; do
	warn=$(LC_ALL=C msgfmt --check -o /dev/null "$f" 2>&1)
	if [ -n "$warn" ]; then fail "$f: msgfmt --check: $(head -1 <<<"$warn")"
	else ok "$f: msgfmt --check says nothing"
	fi
done
if out=$("$PYTHON" tests/po-facts.py --headers po/*.po po/content/*.po); then
	ok "headers complete, the review said: ${out##*$'\n'}"
else
	grep '^FAIL' <<<"$out"
	fail "headers incomplete or silent about their review"
fi
# Times of day outside French are written 09:30, 16:00, never 9h30 or 16h
# (issue 15); in Tigrinya, which counts hours from 6 a.m., a time says it
# is European time.
if out=$("$PYTHON" tests/po-facts.py --times po/content/*.po); then
	ok "times in 24-hour form with a colon: ${out##*$'\n'}"
else
	grep '^FAIL' <<<"$out"
	fail "times written NNh or NNhNN in a translation"
fi
# Numbers, e-mail and web addresses come through every translation unchanged.
if out=$("$PYTHON" tests/po-facts.py po/*.po po/content/*.po); then
	ok "facts kept in translation: ${out##*$'\n'}"
else
	grep '^FAIL' <<<"$out"
	fail "facts lost in translation"
fi
summary
