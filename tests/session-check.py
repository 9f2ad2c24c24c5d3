#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""session-check.py - checks of the graphical kiosk session.

  cells SHOT.ppm SCREEN.txt WxH NAME...
      On the screenshot SHOT (binary PPM, grim -t ppm) of a screen whose
      text is SCREEN (the kiosk's output replayed, one line a row), finds
      the rows starting with each NAME (the picker's numbers) and checks that every blank cell of those
      rows and of the rows around them is one plain colour: a glyph drawn
      outside its cell puts ink in a blank neighbour. The grid comes from
      the top bar (its first pixel row: the first row's cells).

  fonts SHAPE LANGS_DB MO... -- FONT...
      The characters the program can emit: every text of the database and
      of the catalogues (MO files), each through the program's own
      shaping (SHAPE, tests/shape-dump: text_visual, both directions),
      and every non-ASCII character of the program's own string literals
      (the C sources given after --src); checks that each is in the
      character map of one of the FONT files (fc-query), and prints the
      coverage.
"""
import os
import re
import sqlite3
import struct
import subprocess
import sys
import unicodedata


def read_ppm(path):
    with open(path, 'rb') as f:
        data = f.read()
    parts = []
    pos = 0
    while len(parts) < 4:
        m = re.compile(rb'\s*(#[^\n]*\n\s*)*(\S+)').match(data, pos)
        parts.append(m.group(2))
        pos = m.end()
    assert parts[0] == b'P6', 'not a binary PPM'
    w, h = int(parts[1]), int(parts[2])
    pix = data[pos + 1:]
    return w, h, pix


def width(c):
    if unicodedata.category(c) in ('Mn', 'Me', 'Cf'):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ('W', 'F') else 1


def cells_check(shot, screen, size, names):
    w, h, pix = read_ppm(shot)
    lines = open(screen, encoding='utf-8').read().split('\n')
    while lines and lines[-1] == '':
        lines.pop()

    def px(x, y):
        i = (y * w + x) * 3
        return pix[i:i + 3]
    # The background: the colour of the top left corner (padding).
    bg = px(0, 0)
    # The top bar: the first row of pixels not of the background, at the
    # right edge (no text there), from its first to its last pixel row.
    x = w - 4
    y0 = next(y for y in range(h) if px(x, y) != bg)
    bar = px(x, y0)
    y1 = next(y for y in range(y0, h) if px(x, y) != bar)
    ch = y1 - y0
    xs = [x for x in range(w) if px(x, y0) == bar]
    x0, x1 = xs[0], xs[-1] + 1
    cols, rows = (int(n) for n in size.split('x'))
    cw = (x1 - x0) // cols
    print(f'# grid {cols}x{rows} cells of {cw}x{ch} px from ({x0},{y0})')
    bad = 0
    want = set()
    for name in names:
        found = [i for i, line in enumerate(lines)
                 if line.split()[:1] == [name]]
        if not found:
            print(f'# {name}: not on the screen')
            bad += 1
        for i in found:
            want.update({i - 1, i, i + 1})
    for r in sorted(want):
        if r < 0 or r >= len(lines) or r >= rows:
            continue
        col = 0
        for c in lines[r] + ' ' * cols:
            if col >= cols:
                break
            cwid = width(c)
            if cwid == 0:
                continue
            if c == ' ':
                cx, cy = x0 + col * cw, y0 + r * ch
                seen = {px(xx, yy) for yy in range(cy, cy + ch)
                        for xx in range(cx, cx + cw)}
                if len(seen) > 1:
                    print(f'# ink in the blank cell {col} of row {r}: '
                          f'{lines[r].strip()[:40]}')
                    bad += 1
            col += cwid
    return bad == 0


def codepoints_of(texts, shape):
    """The characters of texts once shaped by the program, both ways."""
    out = set()
    blob = '\n'.join(t.replace('\n', ' ') for t in texts) + '\n'
    for rtl in ('ltr', 'rtl'):
        r = subprocess.run([shape, rtl], input=blob.encode(),
                           stdout=subprocess.PIPE, check=True)
        out.update(r.stdout.decode('utf-8'))
    return out


def mo_strings(path):
    data = open(path, 'rb').read()
    magic = struct.unpack('<I', data[:4])[0]
    e = '<' if magic == 0x950412de else '>'
    n, o, t = struct.unpack(e + 'III', data[8:20])
    res = []
    for k in range(n):
        ln, off = struct.unpack(e + 'II', data[t + 8 * k:t + 8 * k + 8])
        res.extend(data[off:off + ln].decode('utf-8').split('\0'))
    return res


def font_map(path):
    r = subprocess.run(['fc-query', '--format', '%{charset}\n', path],
                       stdout=subprocess.PIPE, check=True)
    cps = set()
    for rng in r.stdout.decode().split():
        a, _, b = rng.partition('-')
        cps.update(range(int(a, 16), int(b or a, 16) + 1))
    return cps


def fonts_check(args):
    shape, db = args[0], args[1]
    rest = args[2:]
    mos = rest[:rest.index('--src')]
    rest = rest[rest.index('--src') + 1:]
    srcs = rest[:rest.index('--')]
    fonts = rest[rest.index('--') + 1:]
    texts = []
    con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    for (table,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"):
        cols = [c[1] for c in con.execute(f'PRAGMA table_info("{table}")')]
        for c in cols:
            try:
                for (v,) in con.execute(f'SELECT "{c}" FROM "{table}"'):
                    if isinstance(v, str):
                        texts.append(v)
            except sqlite3.DatabaseError:
                pass
    for mo in mos:
        texts.extend(mo_strings(mo))
    chars = codepoints_of(texts, shape)
    for s in srcs:
        for lit in re.findall(r'"((?:[^"\\\n]|\\.)*)"', open(s).read()):
            chars.update(c for c in lit if ord(c) > 0x7e)
    # What a terminal draws: no controls, no format characters (the
    # joiners: zero width, not drawn), no line or paragraph separators.
    need = sorted(c for c in chars
                  if unicodedata.category(c) not in ('Cc', 'Cf', 'Zl', 'Zp')
                  and c not in ' \n')
    have = set()
    for f in fonts:
        have |= font_map(f)
    missing = [c for c in need if ord(c) not in have]
    pct = 100.0 * (len(need) - len(missing)) / max(len(need), 1)
    print(f'# {len(texts)} texts, {len(need)} distinct characters drawn; '
          f'in the fonts: {pct:.1f}%')
    for c in missing:
        print(f'# missing U+{ord(c):04X} {unicodedata.name(c, "?")}')
    return not missing and len(need) > 300


def bindings_check(ini, default):
    """Every binding action of foot's default configuration is none."""
    def parse(path, commented):
        sec, out = None, {}
        for line in open(path, encoding='utf-8'):
            line = line.strip()
            if commented and line.startswith('# '):
                line = line[2:]
            if line.startswith('['):
                sec = line.strip('[]')
            elif '=' in line and not line.startswith('#') and sec:
                k, _, v = line.partition('=')
                out[(sec, k.strip())] = v.strip()
        return out
    want = [k for k in parse(default, True)
            if k[0].endswith('-bindings') and k[0] != 'text-bindings'
            and k[1] != 'selection-override-modifiers'
            and ' ' not in k[1]]
    have = parse(ini, False)
    bad = [k for k in want if have.get(k) != 'none']
    for k in bad:
        print(f'# [{k[0]}] {k[1]} is not none')
    return len(want) > 40 and not bad


def main():
    if sys.argv[1] == 'bindings':
        ok = bindings_check(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == 'cells':
        ok = cells_check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    elif sys.argv[1] == 'fonts':
        ok = fonts_check(sys.argv[2:])
    else:
        sys.exit('session-check.py: cells or fonts')
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
