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

# A missing interface catalogue: one sentence, the interface in French, the
# content still in the language asked.
mkdir -p "$tmp/alone/src"
cp "$bin" "$tmp/alone/src/accueil"
expect missing-catalogue 0 "Téléphone: 081 71 35 28" "interface translation for \"en\" is missing" -- \
	"$tmp/alone/src/accueil" --db "$db" --lang en --search pieczynski
# No raw control byte echoed: the caller's own escape sequences.
"$bin" --db "$db" --search $'zzq\e[31mred\e]0;x\a\u202eevil' >/dev/null 2>"$tmp/err"
if grep -q "nothing matches" "$tmp/err" && ! grep -q $'[\e\a]' "$tmp/err" &&
   ! grep -q $'\u202e' "$tmp/err"; then
	echo "ok   search-no-raw-control"; passed=$((passed + 1))
else
	echo "FAIL search-no-raw-control: $(od -c "$tmp/err" | head -3)"; failed=$((failed + 1))
fi

# One idle limit for the command line and the file, tested at its edges;
# a configuration line of any length.
expect idle-max 1 "" "nothing matches" -- "$bin" --db "$db" --idle 86400 --search zzzqqq
expect idle-over 2 "" "from 0 to 86400" -- "$bin" --db "$db" --idle 86401 --search zzzqqq
printf 'idle = 86400\n' >"$tmp/max.conf"
expect config-idle-max 1 "" "nothing matches" -- "$bin" --db "$db" --config "$tmp/max.conf" --search zzzqqq
printf 'idle = 86401\n' >"$tmp/over.conf"
expect config-idle-over 2 "" "bad value for \"idle\"" -- "$bin" --db "$db" --config "$tmp/over.conf" --search zzzqqq
{ printf '# %*s\n' 5000 x | tr ' ' y; printf 'idle = 30\n'; } >"$tmp/long.conf"
expect config-long-line 1 "" "nothing matches" -- "$bin" --db "$db" --config "$tmp/long.conf" --search zzzqqq
head -c 70000 /dev/zero | tr '\0' '#' >"$tmp/big.conf"
expect config-too-big 2 "" "64 KiB" -- "$bin" --db "$db" --config "$tmp/big.conf" --search zzzqqq

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
