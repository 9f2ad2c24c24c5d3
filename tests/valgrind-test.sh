#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# valgrind-test.sh - a short scripted visit (every kind of screen once, two
# languages, a resize) under valgrind memcheck, in a real terminal: no
# error and no definite leak.
# Usage: valgrind-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
. "$(dirname "$0")/tmux-lib.sh"
log=$(mktemp)
trap 'lib_cleanup; rm -f "$log"' EXIT

# A short visit that goes through every kind of screen once: a menu and
# its second group of eight, a page to its end, a contact card, a centre's
# card and a QR code, the directory typed with an accented letter, a
# search opened on a result, the picker, a right-to-left page with its
# French, help, a resize below the minimum and back. Keys go in batches,
# each waited for by the probe once; memcheck makes the program 20 to 50
# times slower, so a batch may take up to 120 s (SETTLE_SECONDS).
export SETTLE_SECONDS=120
APP_BIN="valgrind --log-file=$log --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 $bin" \
	start 80 24 --lang fr
keys 1 1 End 0 0 0 4 9 0 0 5 3 c 0 0 0 6 1 0 0 5 7 L i è Escape 0 0 0
keys / r a c Down Enter 0 Escape '*' 3 1 1 f 0 0 0 '*' 1 '?' 0
resize 20 6
resize 80 24
keys q
if wait_screen "^exit=0" 20; then
	ok "the session ends with status 0"
else
	fail "the session did not end with status 0:"
	settle | tail -3
fi
if grep -q "ERROR SUMMARY: 0 errors" "$log" && grep -q "definitely lost: 0 bytes\|no leaks are possible" "$log"; then
	ok "valgrind: $(grep -o 'ERROR SUMMARY: [0-9]* errors' "$log"), $(grep -o 'definitely lost: [0-9,]* bytes' "$log" || echo 'no leaks')"
else
	fail "valgrind reports:"
	grep -A12 "Invalid\|uninitialised\|definitely lost in" "$log" | head -60
	grep "ERROR SUMMARY\|definitely lost" "$log"
fi
summary
