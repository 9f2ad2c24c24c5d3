#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-lib.sh - what every test script shares, sourced first: one "ok",
# "FAIL" or "skip" line per check, counted, the closing "N passed, N failed"
# line and status, and the languages of the one language table.
passed=0 failed=0 skipped=0
# The Python the build found (meson sets PYTHON: Debian's, with polib),
# not whatever "python3" is first on PATH: a version manager's shim there
# takes ten times as long to start (350 ms against 28 ms, measured).
PYTHON=${PYTHON:-python3}

# ok NAME: a check passed.
ok() {
	echo "ok   $1"
	passed=$((passed + 1))
}

# fail NAME [REASON]: a check failed, and why.
fail() {
	echo "FAIL $1${2:+: $2}"
	failed=$((failed + 1))
}

# skip NAME REASON: a check that could not run here, and why; never
# counted as passed.
skip() {
	echo "skip $1: $2"
	skipped=$((skipped + 1))
}

# summary: the closing line; returns 1 when a check failed.
summary() {
	local s=""
	[ "$skipped" -eq 0 ] || s=", $skipped skipped"
	echo "$passed passed, $failed failed$s"
	[ "$failed" -eq 0 ]
}

# languages: the codes of the language table of src/i18n/i18n.c, one a
# line, in its order (French first): the one list, never a copy. Fails
# when it finds fewer than two (the table's form changed).
languages() {
	local codes
	codes=$(sed -n 's/^\t{ "\([a-z][a-z][a-z]*\)", .*/\1/p' \
		"$(dirname "${BASH_SOURCE[0]}")/../src/i18n/i18n.c")
	if [ "$(wc -w <<<"$codes")" -lt 2 ]; then
		echo "check-lib.sh: no language table in src/i18n/i18n.c" >&2
		return 1
	fi
	printf '%s\n' "$codes"
}
