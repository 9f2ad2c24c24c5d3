#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make-big-db.py - makes a content database FACTOR times larger than the
bundled one, for the benchmarks: every node, text and link copied with a
suffixed id (the copies hang under copies of their parents).

Usage: make-big-db.py RAW.db OUT-RAW.db [FACTOR]
Then index it with build/data/mkindex OUT-RAW.db OUT.db.
"""
import shutil
import sqlite3
import sys

raw, out = sys.argv[1], sys.argv[2]
factor = int(sys.argv[3]) if len(sys.argv) > 3 else 100
shutil.copyfile(raw, out)
db = sqlite3.connect(out)
for k in range(1, factor):
    s = f"~{k}"
    # The copies of home are roots of their own: home stays as it is.
    db.execute("INSERT INTO node SELECT id || ?, CASE WHEN parent IS NULL "
               "THEN NULL ELSE parent || ? END, pos, kind, source, checked, "
               "dated FROM node WHERE id NOT LIKE '%~%'", (s, s))
    db.execute("INSERT INTO field SELECT node || ?, name, lang, value, "
               "reviewed FROM field WHERE node NOT LIKE '%~%'", (s,))
    db.execute("INSERT INTO link SELECT node || ?, pos, target || ? FROM link "
               "WHERE node NOT LIKE '%~%'", (s, s))
db.commit()
db.close()
