#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""qr-decode.py - turns a captured terminal screen holding a QR code drawn
with half blocks into a PBM image (dark = the top or bottom half of a block
character), for zbarimg. Usage: qr-decode.py CAPTURE.txt OUT.pbm"""
import sys

lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
rows = [l for l in lines if l.strip() and set(l) <= set(" ▀▄█")]
if not rows:
    sys.exit("qr-decode.py: no QR code on the screen")
left = min(len(l) - len(l.lstrip()) for l in rows)
width = max(len(l.rstrip()) for l in rows) - left
pixels = []
for l in rows:
    l = l[left:left + width].ljust(width)
    pixels.append([c in "▀█" for c in l])
    pixels.append([c in "▄█" for c in l])
margin, scale = 8, 4
w = (width + 2 * margin) * scale
h = (len(pixels) + 2 * margin) * scale
with open(sys.argv[2], "w") as f:
    f.write(f"P1\n{w} {h}\n")
    for y in range(h):
        py = y // scale - margin
        row = []
        for x in range(w):
            px = x // scale - margin
            dark = 0 <= py < len(pixels) and 0 <= px < width and pixels[py][px]
            row.append("1" if dark else "0")
        f.write(" ".join(row) + "\n")
