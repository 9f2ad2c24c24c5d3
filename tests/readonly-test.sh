#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# readonly-test.sh - the database is read, never written: a WAL database
# and one beside a leftover journal are still shown, and nothing is ever
# created beside them (strace sees no open with O_CREAT, the folder holds
# the same files after). Usage: readonly-test.sh ACCUEIL DB
set -u
bin=$1 db=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/check-lib.sh"

mkdir "$tmp/wal" "$tmp/journal"
cp "$db" "$tmp/wal/a.db"
sqlite3 "$tmp/wal/a.db" "PRAGMA journal_mode = WAL" >/dev/null
cp "$db" "$tmp/journal/a.db"
printf 'not a journal' >"$tmp/journal/a.db-journal"
for case in wal journal; do
	before=$(ls -A "$tmp/$case")
	# LeakSanitizer cannot run under ptrace (leaks are the monkey's).
	ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 \
	strace -f -qq -e trace=openat,open,creat -o "$tmp/trace" \
		"$bin" --db "$tmp/$case/a.db" --search racisme >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 0 ] && grep -q "racisme" "$tmp/out"; then
		ok "readonly $case: the database is shown"
	else
		fail "readonly $case: status $rc: $(cat "$tmp/err")"
	fi
	if grep -E 'O_CREAT|creat\(' "$tmp/trace" | grep -q "$tmp"; then
		fail "readonly $case: a file is created: $(grep O_CREAT "$tmp/trace" | head -2)"
	elif [ "$(ls -A "$tmp/$case")" != "$before" ]; then
		fail "readonly $case: the folder changed: $(ls -A "$tmp/$case")"
	else
		ok "readonly $case: nothing created, nothing opened to write"
	fi
	if grep -q "$tmp.*O_\(WRONLY\|RDWR\)" "$tmp/trace"; then
		fail "readonly $case: opened for writing: $(grep "$tmp.*O_RDWR" "$tmp/trace" | head -2)"
	fi
done
summary
