#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po-facts.py - a translation keeps the facts of its French text: every
number, e-mail address and web address of a msgid appears unchanged in its
msgstr (a translator must not change a phone number, an hour or a date).
PO files are read with polib (python3-polib).

Usage: po-facts.py FILE.po...
       po-facts.py --times FILE.po...   (no time written 9h30 outside French)
       po-facts.py --headers FILE.po... (each header is complete and says
                                         X-Accueil-Reviewed: yes or no)
Prints one line per lost fact and 'N passed, N failed'.
"""
import re
import sys

import polib

FACT = re.compile(r"https?://[^\s»)]+[^\s»).,;:]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d+")
# What every header says: where to report a mistake, who translated and
# when, and whether a fluent reader reviewed the file (CONTRIBUTING.md).
HEADER = ("PO-Revision-Date", "Language-Team", "Report-Msgid-Bugs-To")
REVIEWED = ("yes", "no")


def entries(path):
    """(msgid, msgstr) of every translated entry of a PO file."""
    return [(e.msgid, e.msgstr) for e in polib.pofile(path)
            if not e.obsolete and e.msgid and e.msgstr]


passed = failed = 0
if sys.argv[1:2] == ["--headers"]:
    for path in sys.argv[2:]:
        meta = polib.pofile(path).metadata
        bad = [f"the header has no {k}" for k in HEADER if not meta.get(k)]
        if meta.get("X-Accueil-Reviewed") not in REVIEWED:
            bad.append("the header says nothing of its review "
                       "(X-Accueil-Reviewed: yes or no)")
        for b in bad:
            failed += 1
            print(f"FAIL {path}: {b}")
        if not bad:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
if sys.argv[1:2] == ["--times"]:
    # No time written 9h30, 16h or 16h00 in a translation; in Tigrinya a
    # time says that it is European time (Eritrean and Ethiopian time
    # counts the hours from 6 a.m.).
    for path in sys.argv[2:]:
        if path.endswith("/fr.po"):
            continue
        for msgid, msgstr in entries(path):
            bad = re.findall(r"\b\d{1,2}h(?:\d\d)?\b", msgstr)
            if bad:
                failed += 1
                print(f"FAIL {path}: {bad[0]!r} in {msgstr[:60]!r}")
            else:
                passed += 1
            if path.endswith("/ti.po") and re.search(r"\b\d\d:\d\d\b", msgstr) \
                    and "ኤውሮጳ" not in msgstr:
                failed += 1
                print(f"FAIL {path}: a time without European time: {msgstr[:60]!r}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
for path in sys.argv[1:]:
    for msgid, msgstr in entries(path):
        for fact in sorted(set(FACT.findall(msgid))):
            if fact in msgstr:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {path}: {fact!r} is lost in the translation of "
                      f"{msgid[:60]!r}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
