#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# desk-powercut.sh - the desk database survives a kill in the middle of a
# write: 100 rounds of desk-writer (which replaces everything by state A,
# then B, in one transaction each, without end) killed with SIGKILL after a
# random wait; after each, the file is opened as the kiosk opens it and
# checked whole (PRAGMA integrity_check, by accueil's own desk_check through
# --desk-export, and by the sqlite3 shell), and what it holds must be all of
# A or all of B, never a mix. (A kill keeps what the kernel already has;
# synchronous=FULL is what covers the power itself.)
# Usage: desk-powercut.sh ACCUEIL DB DESK-WRITER [ROUNDS]
set -u
bin=$1 db=$2 writer=$3 rounds=${4:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
desk=$tmp/desk.db
damaged=0 mixed=0 a=0 b=0

# export FILE: what accueil reads in the desk database, without the line
# that dates the export.
export_to() {
	ACCUEIL_DESK=$desk "$bin" --db "$db" --desk-export - 2>"$tmp/err" |
		tail -n +2 >"$1"
}

"$writer" "$desk" a && export_to "$tmp/a.txt"
"$writer" "$desk" b && export_to "$tmp/b.txt"
# The states are not empty and differ (else the check below means nothing).
if ! [ -s "$tmp/a.txt" ] || cmp -s "$tmp/a.txt" "$tmp/b.txt"; then
	echo "FAIL the two states are empty or the same"
	exit 1
fi
for r in $(seq "$rounds"); do
	coproc W { exec "$writer" "$desk"; }
	pid=$W_PID
	# Once it writes (a writer that cannot open the file ends at once).
	read -r _ <&"${W[0]}"
	# 0 to 200 ms of writing, then the power goes.
	sleep "0.$(printf '%03d' $((RANDOM % 200)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	ok=$(sqlite3 "$desk" "PRAGMA integrity_check" 2>&1)
	export_to "$tmp/now.txt"
	if [ "$ok" != ok ] || [ -s "$tmp/err" ]; then
		damaged=$((damaged + 1))
		echo "round $r: damaged: $ok $(cat "$tmp/err")"
	elif cmp -s "$tmp/now.txt" "$tmp/a.txt"; then
		a=$((a + 1))
	elif cmp -s "$tmp/now.txt" "$tmp/b.txt"; then
		b=$((b + 1))
	else
		mixed=$((mixed + 1))
		echo "round $r: neither state A nor state B"
	fi
done
echo "$rounds rounds: $damaged damaged, $mixed mixed; A $a times, B $b times"
if [ "$damaged" -eq 0 ] && [ "$mixed" -eq 0 ]; then
	echo "ok   desk-powercut"
else
	echo "FAIL desk-powercut"
	exit 1
fi
