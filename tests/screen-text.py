#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""screen-text.py - reads a screen captured by tmux (on standard input) for
the screen tests, where a saved screen cannot say enough.

  screen-text.py has NAME        the screen shows NAME (a right-to-left name
                                 is shown reordered and shaped: compared
                                 after NFKC, both ways)
  screen-text.py keys NAME       prints the digits shown beside NAME in the
                                 language picker, or fails
  screen-text.py letters DB NODE LANG
                                 every letter of NODE's title, En bref and
                                 text in LANG (in the database DB) is on the
                                 screen, as many times: none dropped or
                                 replaced (presentation forms compared
                                 after NFKC)
  screen-text.py edges ROW...    prints the last column with text of each row
"""
import collections
import re
import sqlite3
import sys
import unicodedata


def norm(s):
    return unicodedata.normalize("NFKC", s)


def shows(line, name):
    line = norm(line)
    return name in line or name in line[::-1]


def width(s):
    """The columns s takes in the terminal."""
    w = 0
    for ch in s:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def letters(s):
    """The letters of s, NFKC-normalised, counted (digits, spaces,
    punctuation and Latin letters are left out: only the other scripts)."""
    c = collections.Counter()
    for ch in norm(s):
        if unicodedata.category(ch).startswith("L") and ord(ch) > 0x24f:
            c[ch] += 1
    return c


def main():
    screen = sys.stdin.read().splitlines()
    cmd = sys.argv[1]
    if cmd == "has":
        return 0 if any(shows(l, sys.argv[2]) for l in screen) else 1
    if cmd == "keys":
        for l in screen:
            m = re.match(r"^\s*(\d{1,2})\s+(.*)$", l)
            if m and shows(m.group(2).split("  ")[0].strip(), sys.argv[2]):
                print(" ".join(m.group(1)))
                return 0
        return 1
    if cmd == "letters":
        db, node, lang = sys.argv[2:5]
        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        rows = con.execute("SELECT name, value FROM field WHERE node = ? AND "
                           "lang = ? AND name IN ('title', 'brief', 'body')",
                           (node, lang)).fetchall()
        if not rows:
            print("no text for %s in %s" % (node, lang))
            return 1
        want = letters("\n".join(v for _, v in rows))
        # The rows between the title and the key bar, and the title.
        got = letters("\n".join(screen[1:-1]))
        missing = {ch: n - got[ch] for ch, n in want.items() if got[ch] < n}
        if missing:
            for ch, n in sorted(missing.items()):
                print("U+%04X %s %s: %d missing" % (ord(ch), ch,
                      unicodedata.name(ch, "?"), n))
            return 1
        print("%d letters, %d kinds, all shown" % (sum(want.values()),
                                                  len(want)))
        return 0
    if cmd == "edges":
        for r in sys.argv[2:]:
            line = screen[int(r)] if int(r) < len(screen) else ""
            print(width(line.rstrip()) - 1)
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
