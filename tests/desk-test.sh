#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# desk-test.sh - the desk's own facts, in a real terminal (tmux) and on the
# command line: F10, the PIN, the staff menu; the bureau d'accueil's phone
# and hours filled in (a test number, in a test desk database only); the
# card showing them in French, Arabic and Tigrinya with "Accueil du CAI"
# and today's date; --contacts --brief; "open now" and "closed now" from a
# clock set by ACCUEIL_TEST_NOW; a notice of yesterday gone and one of
# today on home in all 13 languages; --desk-export and a checked
# --desk-import; a desk database of random bytes.
# Usage: desk-test.sh ACCUEIL DB
set -u
bin=$1 db=$2
. "$(dirname "$0")/tmux-lib.sh"
tmp=$(mktemp -d)
trap 'tmx kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
po=$(dirname "$0")/../po

pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# shows NAME PATTERN TEXT: TEXT holds PATTERN (fixed string).
shows() {
	if grep -qF -- "$2" <<<"$3"; then pass "$1"; else
		fail "$1" "no '$2' in:"; printf '%s\n' "$3" | head -40; fi
}
# lacks NAME PATTERN TEXT: TEXT does not hold PATTERN.
lacks() {
	if grep -qF -- "$2" <<<"$3"; then
		fail "$1" "'$2' should not be there:"; printf '%s\n' "$3" | head -40
	else pass "$1"; fi
}
# visual TEXT: the Arabic-script TEXT as the screen shows it (fribidi(1)).
visual() {
	printf '%s' "$1" | fribidi --nopad --nobreak --rtl | sed 's/\xef\xbb\xbf//g'
}
# msg LL MSGID: the translation of MSGID in po/LL.po.
msg() {
	msgattrib --no-fuzzy "$po/$1.po" 2>/dev/null | awk -v id="msgid \"$2\"" '
		$0 == id { getline; sub(/^msgstr "/, ""); sub(/"$/, ""); print; exit }'
}

desk=$tmp/desk.db
printf '123456\n' | "$bin" --hash-pin >"$tmp/accueil.conf"
chmod 600 "$tmp/accueil.conf"
export ACCUEIL_DESK=$desk
APP_ENV="ACCUEIL_DESK=$desk"
today=$(date +%F)
yesterday=$(date -d yesterday +%F)
today_fr=$(date +%d/%m/%Y)

# Nothing entered yet: the package's facts, and no file made.
out=$("$bin" --db "$db" --config "$tmp/accueil.conf" --contacts --brief accueil 2>&1)
shows brief-before "demandez à l'accueil" "$out"
lacks brief-before-no-test-phone "081 00 00 00" "$out"
[ -e "$desk" ] && fail no-file-before-write "the desk database was made" ||
	pass no-file-before-write

# F10, the PIN: the staff menu, in French.
start 100 60 --kiosk --lang ar --idle 0 --config "$tmp/accueil.conf"
keys F10
tmx send-keys -t t -l 123456
keys Enter
expect_text staff-menu "Quitter le kiosque"
expect_text staff-menu-card "Compléter ou corriger une fiche de contact"
# 1: the cards, filtered as a name is typed; Enter opens the form.
keys 1
tmx send-keys -t t -l "bureau d'accueil"
settle_wait
expect_text staff-pick "Bureau d'accueil (parcours d'intégration)"
keys Enter
expect_text staff-form "Téléphone"
# Address, phone, e-mail, then Monday ... Sunday.
keys Down
tmx send-keys -t t -l "081 00 00 00"
keys Down Down
tmx send-keys -t t -l "09:00-12:00"
keys Down Down
tmx send-keys -t t -l "rdv"
# A wrong line is refused with its reason, and nothing is written.
keys Down
tmx send-keys -t t -l "12:00-09:00"
keys Enter
expect_text staff-form-refused "Une heure de fermeture vient avant"
[ -e "$desk" ] && fail refused-writes-nothing "the desk database was made" ||
	pass refused-writes-nothing
keys Delete Enter
expect_text staff-form-saved "Enregistré."
# Leave the menu: the visitor's screens again, the kiosk still running.
keys Escape Escape Escape
screen=$(settle)
lacks staff-left "Quitter le kiosque" "$screen"
lacks staff-left-running "exit=" "$screen"

# The card, in French, Arabic and Tigrinya: the phone, the hours in the
# language with 24-hour times, "Accueil du CAI" and today's date.
for lang in fr ar ti; do
	start 100 60 --lang "$lang"
	keys 5 2
	# No-break spaces (number groups) read as spaces.
	screen=$(settle | sed 's/\xc2\xa0/ /g')
	shows "card-phone-$lang" "081 00 00 00" "$screen"
	shows "card-source-$lang" "Accueil du CAI" "$screen"
	shows "card-date-$lang" "$today_fr" "$screen"
	case $lang in
	fr) shows card-monday-fr "lundi : 9 h 00 – 12 h 00" "$screen"
	    shows card-wednesday-fr "mercredi : sur rendez-vous" "$screen" ;;
	ar) shows card-monday-ar "$(visual "$(msg ar lundi): 09:00 – 12:00")" \
		"$screen"
	    shows card-appointment-ar "$(visual "$(msg ar "sur rendez-vous")")" \
		"$screen" ;;
	ti) shows card-monday-ti "$(msg ti lundi): 09:00 – 12:00" "$screen"
	    shows card-wednesday-ti \
		"$(msg ti mercredi): $(msg ti "sur rendez-vous")" "$screen" ;;
	esac
done

# The staff's command line, and search, see it like any fact.
out=$("$bin" --db "$db" --config "$tmp/accueil.conf" --contacts --brief accueil)
shows brief-phone "081 00 00 00" "$out"
out=$("$bin" --db "$db" --config "$tmp/accueil.conf" --search "081 00 00 00")
shows search-finds-desk-phone "Bureau d'accueil (parcours d'intégration)" "$out"
# Open now, closed now, from the clock (7 December 2026 is a Monday).
out=$(ACCUEIL_TEST_NOW=2026-12-07T10:00 "$bin" --db "$db" --config "$tmp/accueil.conf" --contacts bureau)
shows open-monday-10 "Ouvert maintenant." "$out"
out=$(ACCUEIL_TEST_NOW=2026-12-07T12:00 "$bin" --db "$db" --config "$tmp/accueil.conf" --contacts bureau)
shows closed-monday-12 "Fermé maintenant." "$out"
out=$(ACCUEIL_TEST_NOW=2026-12-09T10:00 "$bin" --db "$db" --config "$tmp/accueil.conf" --contacts bureau)
shows closed-wednesday-appointment "Fermé maintenant." "$out"
out=$(ACCUEIL_TEST_NOW=2026-12-07T10:00 "$bin" --db "$db" --config "$tmp/accueil.conf" --lang en \
	--contacts bureau)
shows open-en "Open now." "$out"

# Two notices: one whose last day was yesterday, one for today (with its
# English text).
start 80 24 --kiosk --lang fr --idle 0 --config "$tmp/accueil.conf"
keys F10
tmx send-keys -t t -l 123456
keys Enter 2
tmx send-keys -t t -l "TESTAVISHIER"
for i in $(seq 13); do keys Down; done
keys Delete
tmx send-keys -t t -l "$yesterday"
keys Down Delete
tmx send-keys -t t -l "$yesterday"
keys Enter
expect_text notice-yesterday-saved "Enregistré."
keys 2
tmx send-keys -t t -l "TESTAVISJOUR"
keys Down
tmx send-keys -t t -l "TESTNOTICETODAY"
keys Enter
expect_text notice-today-saved "Enregistré."
keys Escape
for lang in fr en ar fa ps ti uk ru es tr sq so nl; do
	start 80 24 --kiosk --lang "$lang" --idle 0
	screen=$(settle)
	if [ "$lang" = en ]; then
		shows "notice-$lang" TESTNOTICETODAY "$screen"
	else
		shows "notice-$lang" TESTAVISJOUR "$screen"
	fi
	lacks "notice-yesterday-gone-$lang" TESTAVISHIER "$screen"
done
# The French, where no translation was given, says so.
start 80 24 --lang es
shows notice-untranslated-es "TESTAVISJOUR $(msg es "(pas encore traduit)")" \
	"$(settle)"

# Export, a checked import: a bad file is refused with its line numbers
# and changes nothing; the export read back gives the same facts.
"$bin" --db "$db" --config "$tmp/accueil.conf" --desk-export "$tmp/export.txt"
shows export-phone "phone $today 081 00 00 00" "$(cat "$tmp/export.txt")"
shows export-hours "hours $today monday 09:00-12:00" "$(cat "$tmp/export.txt")"
printf 'card bureau-accueil\n  phone 2026-12-01 081 00 00 01\n  hours 2026-12-01 someday 09:00-12:00\ncard no-such-card\n  email 2026-13-01 x@y.be\n' \
	>"$tmp/bad.txt"
err=$("$bin" --db "$db" --config "$tmp/accueil.conf" --desk-import "$tmp/bad.txt" 2>&1)
st=$?
[ "$st" = 2 ] && pass import-bad-status || fail import-bad-status "status $st"
shows import-bad-line-3 "bad.txt:3:" "$err"
shows import-bad-line-4 "bad.txt:4:" "$err"
shows import-bad-line-5 "bad.txt:5:" "$err"
lacks import-good-line-2 "bad.txt:2:" "$err"
"$bin" --db "$db" --config "$tmp/accueil.conf" --desk-export "$tmp/after.txt"
if diff <(tail -n +2 "$tmp/export.txt") <(tail -n +2 "$tmp/after.txt") \
	>/dev/null; then pass import-bad-writes-nothing; else
	fail import-bad-writes-nothing "the desk's facts changed"; fi
rm -f "$desk"
"$bin" --db "$db" --config "$tmp/accueil.conf" --desk-import "$tmp/export.txt" &&
	"$bin" --db "$db" --config "$tmp/accueil.conf" --desk-export "$tmp/again.txt"
if diff <(tail -n +2 "$tmp/export.txt") <(tail -n +2 "$tmp/again.txt"); then
	pass import-round-trip; else fail import-round-trip "differs"; fi

# A desk database of random bytes: the visitor side runs on the package's
# facts alone; the staff see the one sentence; the journal says so.
head -c 8192 /dev/urandom >"$desk"
out=$("$bin" --db "$db" --config "$tmp/accueil.conf" --contacts --brief accueil 2>"$tmp/err")
st=$?
[ "$st" = 0 ] && pass broken-desk-contacts || fail broken-desk-contacts "status $st"
lacks broken-desk-no-phone "081 00 00 00" "$out"
shows broken-desk-stderr "$desk" "$(cat "$tmp/err")"
ERR_LOG=$tmp/kiosk-err start 80 24 --kiosk --lang fr --idle 0 \
	--config "$tmp/accueil.conf"
expect_text broken-desk-home "Le CAI"
keys 5 2
expect_text broken-desk-card "Téléphone  *demandez à l'accueil"
keys F10
tmx send-keys -t t -l 123456
keys Enter
expect_text broken-desk-staff-sentence "endommagé : les visiteurs voient"
keys 4
expect_text broken-desk-staff-exit "^exit=10"
shows broken-desk-journal "$desk" "$(cat "$tmp/kiosk-err")"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
