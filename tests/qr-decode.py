#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""qr-decode.py - turns a captured terminal screen (tmux capture-pane -p -e:
the characters and their colours) holding a QR code drawn with half blocks
into a PBM image of the whole screen, for zbarimg. Each character cell is two
pixels high: a half block paints its half in the foreground colour, the rest
of the cell is the background colour (swapped under reverse video). Only
white is light; the terminal's default background counts as dark (a dark
terminal, the worst case), so the code is read only if the program drew its
own light quiet zone around it. Usage: qr-decode.py CAPTURE.txt OUT.pbm"""
import re
import sys

LIGHT = {7, 15}
DEFAULT_FG, DEFAULT_BG = 15, 0      # a dark terminal: light on black
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def sgr(params, st):
    """Applies one SGR sequence to the state [fg, bg, reverse]."""
    p = [int(x) if x else 0 for x in params.split(";")] if params else [0]
    i = 0
    while i < len(p):
        n = p[i]
        if n == 0:
            st[:] = [DEFAULT_FG, DEFAULT_BG, False]
        elif n == 7:
            st[2] = True
        elif n == 27:
            st[2] = False
        elif 30 <= n <= 37:
            st[0] = n - 30
        elif 90 <= n <= 97:
            st[0] = n - 90 + 8
        elif n == 39:
            st[0] = DEFAULT_FG
        elif 40 <= n <= 47:
            st[1] = n - 40
        elif 100 <= n <= 107:
            st[1] = n - 100 + 8
        elif n == 49:
            st[1] = DEFAULT_BG
        elif n in (38, 48) and i + 2 < len(p) and p[i + 1] == 5:
            st[0 if n == 38 else 1] = p[i + 2]
            i += 2
        i += 1


def cells(line, st):
    """Yields (character, fg, bg) for each cell of a captured line."""
    pos = 0
    for m in SGR.finditer(line):
        for ch in line[pos:m.start()]:
            fg, bg = (st[1], st[0]) if st[2] else (st[0], st[1])
            yield ch, fg, bg
        sgr(m.group(1), st)
        pos = m.end()
    for ch in line[pos:]:
        fg, bg = (st[1], st[0]) if st[2] else (st[0], st[1])
        yield ch, fg, bg


lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
st = [DEFAULT_FG, DEFAULT_BG, False]
rows = []
blocks = 0
for line in lines:
    top, bottom = [], []
    for ch, fg, bg in cells(line, st):
        t = fg if ch in "▀█" else bg
        b = fg if ch in "▄█" else bg
        blocks += ch in "▀▄█"
        top.append(t not in LIGHT)
        bottom.append(b not in LIGHT)
    rows += [top, bottom]
if blocks == 0:
    sys.exit("qr-decode.py: no QR code on the screen")
width = max(len(r) for r in rows)
scale = 4
with open(sys.argv[2], "w") as f:
    f.write(f"P1\n{width * scale} {len(rows) * scale}\n")
    for r in rows:
        r = r + [True] * (width - len(r))
        line = " ".join("1" if d else "0" for d in r for _ in range(scale))
        for _ in range(scale):
            f.write(line + "\n")
