#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# valgrind-test.sh - a scripted session (every section, a page, a search, the
# directory, two languages, help, a resize) under valgrind memcheck, in a
# real terminal: no error and no definite leak.
# Usage: valgrind-test.sh ACCUEIL DB SCREENS-DIR
set -u
bin=$1 db=$2 dir=$3
. "$(dirname "$0")/tmux-lib.sh"
log=$(mktemp)
trap 'tmx kill-server 2>/dev/null; rm -f "$log"' EXIT

real_bin=$bin
bin="valgrind --log-file=$log --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 $real_bin"
start 80 24 --lang fr
sleep 2
keys 1 1 End 0 0 2 3 0 0 3 1 0 0 4 9 5 0 0 0 5 3 0 6 L i è g e Escape 0
keys 6 8 0 0 7 1 0 0 / r a c i s m e Down Enter 0 Escape '*' 3 1 1 f 0 0 '*' 1 '?' 0
resize 50 20
resize 80 24
keys q
for i in $(seq 100); do
	settle | grep -q "^exit=" && break
	sleep 0.2
done
if settle | grep -q "^exit=0"; then
	echo "ok   the session ends with status 0"
	passed=$((passed + 1))
else
	echo "FAIL the session did not end with status 0:"
	settle | tail -3
	failed=$((failed + 1))
fi
if grep -q "ERROR SUMMARY: 0 errors" "$log" && grep -q "definitely lost: 0 bytes\|no leaks are possible" "$log"; then
	echo "ok   valgrind: $(grep -o 'ERROR SUMMARY: [0-9]* errors' "$log"), $(grep -o 'definitely lost: [0-9,]* bytes' "$log" || echo 'no leaks')"
	passed=$((passed + 1))
else
	echo "FAIL valgrind reports:"
	grep -A12 "Invalid\|uninitialised\|definitely lost in" "$log" | head -60
	grep "ERROR SUMMARY\|definitely lost" "$log"
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
